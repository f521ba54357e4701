//! The `_heapq` module: the binary-heap functions over a list that
//! `heapq.py` replaces its pure-Python versions with.
//!
//! The sift loops follow the C module step for step, so which equal items
//! end where (visible when equal items differ in identity) is CPython's.
//! Comparisons run Python code that may resize the list: each sift checks
//! the size after every comparison, as CPython does.

use super::module_with;
use crate::objects::args::{self, one, unpack};
use crate::objects::list::{as_list, new_list, ListObj};
use crate::objects::{int, long};
use crate::ops::{self, CmpOp};
use crate::runtime::errors::{index_error, runtime_error, type_error};
use crate::runtime::{KwArgs, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

/// Python 2.7's heap order: `x < y`, or `not y <= x` for objects that have
/// no `__lt__` (kept for classes written against the old heapq).
fn cmp_lt(x: Value, y: Value) -> PyResult<bool> {
    let plain_int = |v: Value| int::as_int(v).is_some() && v == crate::objects::instance::unwrap_base(v) || long::as_long(v).is_some();
    if plain_int(x) && plain_int(y) {
        return ops::truthy(ops::compare(CmpOp::Lt, x, y)?);
    }
    if ops::getattr_opt(x, crate::iname!("__lt__"))?.is_some() {
        return ops::truthy(ops::compare(CmpOp::Lt, x, y)?);
    }
    Ok(!ops::truthy(ops::compare(CmpOp::Le, y, x)?)?)
}

fn heap_arg(v: Value) -> PyResult<Gc<ListObj>> {
    as_list(v).ok_or_else(|| type_error("heap argument must be a list"))
}

fn changed() -> crate::runtime::PyErr {
    runtime_error("list changed size during iteration")
}

/// `lt(a, b)` is the heap order: `cmp_lt` for a min-heap, reversed for a max-heap.
type Order = fn(Value, Value) -> PyResult<bool>;

fn max_order(x: Value, y: Value) -> PyResult<bool> {
    cmp_lt(y, x)
}

/// Moves the item at `pos` up towards `start` while it precedes its parent.
fn sift_down(heap: Gc<ListObj>, start: usize, mut pos: usize, lt: Order) -> PyResult<()> {
    let size = heap.v().len();
    let item = heap.v()[pos];
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = heap.v()[parent_pos];
        let before = lt(item, parent)?;
        if heap.v().len() != size {
            return Err(changed());
        }
        if !before {
            break;
        }
        heap.v()[pos] = parent;
        pos = parent_pos;
    }
    heap.v()[pos] = item;
    Ok(())
}

/// Moves the smaller child up until a leaf is reached, puts the item there,
/// then sifts it back down (fewer comparisons than stopping early).
fn sift_up(heap: Gc<ListObj>, mut pos: usize, lt: Order) -> PyResult<()> {
    let end = heap.v().len();
    let start = pos;
    let item = heap.v()[pos];
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (c, r) = (heap.v()[child], heap.v()[right]);
            if !lt(c, r)? {
                child = right;
            }
            if heap.v().len() != end {
                return Err(changed());
            }
        }
        heap.v()[pos] = heap.v()[child];
        pos = child;
        child = 2 * pos + 1;
    }
    heap.v()[pos] = item;
    sift_down(heap, start, pos, lt)
}

fn heapify_list(heap: Gc<ListObj>, lt: Order) -> PyResult<()> {
    let n = heap.v().len();
    for i in (0..n / 2).rev() {
        sift_up(heap, i, lt)?;
    }
    Ok(())
}

fn heappush(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("heappush", a, kw, 2, 2)?;
    let heap = heap_arg(a[0])?;
    heap.v().push(a[1]);
    sift_down(heap, 0, heap.v().len() - 1, cmp_lt)?;
    Ok(Value::NONE)
}

fn heappop(a: &[Value], kw: KwArgs) -> PyResult {
    let heap = heap_arg(one("heappop", a, kw)?)?;
    let Some(last) = heap.v().pop() else { return Err(index_error("index out of range")) };
    if heap.v().is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.v()[0], last);
    sift_up(heap, 0, cmp_lt)?;
    Ok(top)
}

fn heapreplace(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("heapreplace", a, kw, 2, 2)?;
    let heap = heap_arg(a[0])?;
    if heap.v().is_empty() {
        return Err(index_error("index out of range"));
    }
    let top = std::mem::replace(&mut heap.v()[0], a[1]);
    sift_up(heap, 0, cmp_lt)?;
    Ok(top)
}

fn heappushpop(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("heappushpop", a, kw, 2, 2)?;
    let heap = heap_arg(a[0])?;
    let item = a[1];
    let Some(&first) = heap.v().first() else { return Ok(item) };
    if !cmp_lt(first, item)? {
        return Ok(item);
    }
    if heap.v().is_empty() {
        return Err(index_error("index out of range"));
    }
    let top = std::mem::replace(&mut heap.v()[0], item);
    sift_up(heap, 0, cmp_lt)?;
    Ok(top)
}

fn heapify(a: &[Value], kw: KwArgs) -> PyResult {
    heapify_list(heap_arg(one("heapify", a, kw)?)?, cmp_lt)?;
    Ok(Value::NONE)
}

/// `nlargest` / `nsmallest`: keep the best `n` seen in a heap whose root is
/// the worst of them, then sort. In the heap order `lt`, `lt(root, x)`
/// means x beats the root and replaces it.
fn select(name: &str, a: &[Value], kw: KwArgs, lt: Order) -> PyResult<Gc<ListObj>> {
    args::arity(name, a, kw, 2, 2)?;
    let n = args::ssize_arg(a[0])?;
    let it = ops::iter(a[1])?;
    let heap = as_list(new_list(Vec::new())).expect("a new list");
    while (heap.v().len() as i64) < n {
        match ops::next(it)? {
            Some(x) => heap.v().push(x),
            None => break,
        }
    }
    if !heap.v().is_empty() {
        heapify_list(heap, lt)?;
        while let Some(x) = ops::next(it)? {
            let root = heap.v()[0];
            if !lt(root, x)? {
                continue;
            }
            if heap.v().is_empty() {
                return Err(index_error("index out of range"));
            }
            heap.v()[0] = x;
            sift_up(heap, 0, lt)?;
        }
    }
    ops::call_method(heap.as_value(), "sort", &[])?;
    Ok(heap)
}

fn nlargest(a: &[Value], kw: KwArgs) -> PyResult {
    let heap = select("nlargest", a, kw, cmp_lt)?;
    heap.v().reverse();
    Ok(heap.as_value())
}

fn nsmallest(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(select("nsmallest", a, kw, max_order)?.as_value())
}

pub fn create() -> Gc<crate::objects::module::ModuleObj> {
    module_with(
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("nlargest", nlargest),
            ("nsmallest", nsmallest),
        ],
    )
}
