//! Methods of `list` and `tuple`.
//!
//! Both are arrays of values, so indexing, slicing, `count`, `index` and
//! comparison are shared. Every method that compares items (`remove`,
//! `index`, `in`, `==`) calls `__eq__`, which can run Python code that
//! mutates the list, so those loops re-read the list at each step instead of
//! holding a borrowed slice (CPython does the same).
//!
//! `self` may be an instance of a subclass (`class L(list)`), whose builtin
//! value lives in the instance's `base`; `as_list`/`as_tuple` look through it.

use super::args::{self, arity, noargs, one};
use super::list::{as_list, new_list, ListObj};
use super::slice::{self, as_slice};
use super::tuple::{as_tuple, new_tuple};
use super::{add_method, add_static, int::new_int, instance, typeobj};
use crate::ops::{self, CmpOp};
use crate::runtime::errors::{index_error, type_error, value_error};
use crate::runtime::{type_of, types, KwArgs, PyResult, NOT_IMPLEMENTED};
use vmcore::gc::{Gc, RootedVec};
use vmcore::Value;

fn this(v: Value) -> PyResult<Gc<ListObj>> {
    as_list(v).ok_or_else(|| type_error(format!("descriptor requires a 'list' object but received a '{}'", typeobj::type_name(v))))
}

fn this_tuple<'a>(v: Value) -> PyResult<&'a [Value]> {
    as_tuple(v).ok_or_else(|| type_error(format!("descriptor requires a 'tuple' object but received a '{}'", typeobj::type_name(v))))
}

/// `cls.__new__` for a builtin container: the bare object for the type
/// itself, an instance wrapping one for a subclass.
pub fn new_of_class(cls: Value, base_type: Value, make: impl FnOnce() -> Value) -> PyResult {
    let t = typeobj::check_new_cls(cls, base_type)?;
    let v = make();
    if cls == base_type {
        return Ok(v);
    }
    let inst = instance::new_instance(t);
    inst.base.set(v);
    Ok(inst.as_value())
}

/// A sequence index: an int (or `__index__`), negative from the end.
/// Ok(None) when out of range.
pub fn seq_index(i: Value, len: usize, what: &str) -> PyResult<Option<usize>> {
    let k = if let Some(k) = super::int::as_int(i) {
        k
    } else if super::long::as_long(i).is_some() {
        return Err(index_error("cannot fit 'long' into an index-sized integer"));
    } else if super::float::as_float(i).is_none() && ops::lookup_special(i, "__index__").is_some() {
        args::as_index(i)?
    } else {
        return Err(type_error(format!("{what} indices must be integers, not {}", typeobj::type_name(i))));
    };
    let j = if k < 0 { k + len as i64 } else { k };
    Ok(if j < 0 || j >= len as i64 { None } else { Some(j as usize) })
}

/// Items selected by a slice of `items`.
pub fn slice_items(items: &[Value], s: Value) -> PyResult<Vec<Value>> {
    let r = slice::resolve(as_slice(s).expect("slice"), items.len())?;
    Ok((0..r.len).map(|k| items[r.at(k)]).collect())
}

/// The optional start/stop of `index()`, clamped like slice bounds.
fn bounds(a: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let conv = |v: Value| -> PyResult<i64> {
        match if super::float::as_float(v).is_some() { None } else { args::index_i64(v)? } {
            Some(i) => Ok(i),
            None => Err(type_error("slice indices must be integers or have an __index__ method")),
        }
    };
    let n = len as i64;
    let fix = |i: i64| -> usize { (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize };
    let start = a.first().map(|&v| conv(v)).transpose()?.map(fix).unwrap_or(0);
    let stop = a.get(1).map(|&v| conv(v)).transpose()?.map(fix).unwrap_or(len);
    Ok((start, stop))
}

/// Positions are re-read every step: `__eq__` may change the sequence.
fn find(seq: Value, x: Value, start: usize, stop: usize, get: fn(Value, usize) -> Option<Value>) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(it) = get(seq, i) else { break };
        if ops::eq_bool(it, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_at(l: Value, i: usize) -> Option<Value> {
    as_list(l).and_then(|l| l.v().get(i).copied())
}
fn tuple_at(t: Value, i: usize) -> Option<Value> {
    as_tuple(t).and_then(|t| t.get(i).copied())
}

fn count(seq: Value, x: Value, get: fn(Value, usize) -> Option<Value>) -> PyResult {
    let (mut n, mut i) = (0, 0);
    while let Some(it) = get(seq, i) {
        if ops::eq_bool(it, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(new_int(n))
}

/// Lexicographic comparison of two item arrays (list or tuple rules).
fn seq_richcompare(op: CmpOp, a: Value, b: Value, get: fn(Value, usize) -> Option<Value>, len: fn(Value) -> usize) -> PyResult {
    let mut i = 0;
    loop {
        let (x, y) = (get(a, i), get(b, i));
        let (Some(x), Some(y)) = (x, y) else { break };
        if !ops::eq_bool(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => ops::compare(op, x, y),
            };
        }
        i += 1;
    }
    let (la, lb) = (len(a), len(b));
    let o = la.cmp(&lb);
    Ok(Value::from_bool(match op {
        CmpOp::Lt => o.is_lt(),
        CmpOp::Le => o.is_le(),
        CmpOp::Eq => o.is_eq(),
        CmpOp::Ne => o.is_ne(),
        CmpOp::Gt => o.is_gt(),
        CmpOp::Ge => o.is_ge(),
    }))
}

// ---- list ----

fn list_new(a: &[Value], _kw: KwArgs) -> PyResult {
    new_of_class(a[0], types::list(), || new_list(Vec::new()))
}

fn list_init(a: &[Value], kw: KwArgs) -> PyResult {
    let l = this(a[0])?;
    let p = args::parse("list", &a[1..], kw, &["sequence"], 0)?;
    l.v().clear();
    if let Some(src) = p[0] {
        let items = ops::to_vec(src)?;
        l.v().extend(items);
    }
    Ok(Value::NONE)
}

fn list_append(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("append", &a[1..], kw)?;
    this(a[0])?.v().push(x);
    Ok(Value::NONE)
}

fn list_extend(a: &[Value], kw: KwArgs) -> PyResult {
    let src = one("extend", &a[1..], kw)?;
    let l = this(a[0])?;
    let items = ops::to_vec(src)?;
    l.v().extend(items);
    Ok(Value::NONE)
}

fn list_insert(a: &[Value], kw: KwArgs) -> PyResult {
    arity("insert", &a[1..], kw, 2, 2)?;
    let l = this(a[0])?;
    let i = args::ssize_arg(a[1])?;
    let n = l.v().len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.v().insert(at as usize, a[2]);
    Ok(Value::NONE)
}

fn list_pop(a: &[Value], kw: KwArgs) -> PyResult {
    arity("pop", &a[1..], kw, 0, 1)?;
    let l = this(a[0])?;
    let i = match a.get(1) {
        Some(&v) => args::ssize_arg(v)?,
        None => -1,
    };
    let n = l.v().len() as i64;
    if n == 0 {
        return Err(index_error("pop from empty list"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(l.v().remove(j as usize))
}

fn list_remove(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("remove", &a[1..], kw)?;
    let l = this(a[0])?;
    match find(a[0], x, 0, usize::MAX, list_at)? {
        Some(i) if i < l.v().len() => {
            l.v().remove(i);
            Ok(Value::NONE)
        }
        _ => Err(value_error("list.remove(x): x not in list")),
    }
}

fn list_index(a: &[Value], kw: KwArgs) -> PyResult {
    arity("index", &a[1..], kw, 1, 3)?;
    let l = this(a[0])?;
    let (start, stop) = bounds(&a[2..], l.v().len())?;
    match find(a[0], a[1], start, stop, list_at)? {
        Some(i) => Ok(new_int(i as i64)),
        None => {
            let r = ops::repr_bytes(a[1])?;
            Err(value_error(format!("{} is not in list", String::from_utf8_lossy(&r))))
        }
    }
}

fn list_count(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("count", &a[1..], kw)?;
    this(a[0])?;
    count(a[0], x, list_at)
}

fn list_reverse(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("reverse", &a[1..], kw)?;
    this(a[0])?.v().reverse();
    Ok(Value::NONE)
}

/// `list.sort(cmp=None, key=None, reverse=False)`.
fn list_sort(a: &[Value], kw: KwArgs) -> PyResult {
    let l = this(a[0])?;
    let p = args::parse("sort", &a[1..], kw, &["cmp", "key", "reverse"], 0)?;
    let cmpf = p[0].filter(|v| *v != Value::NONE);
    let key = p[1].filter(|v| *v != Value::NONE);
    let reverse = match p[2] {
        Some(v) => args::ssize_arg(v)? != 0,
        None => false,
    };
    sort_list(l, cmpf, key, reverse)?;
    Ok(Value::NONE)
}

/// Sorts in place. As in CPython, the list looks empty while it is being
/// sorted; if a key or comparison function changes it, the sort raises
/// "list modified during sort". Reverse sorting reverses, sorts stably and
/// reverses back, so equal items keep their original order.
pub fn sort_list(l: Gc<ListObj>, cmpf: Option<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let mut items = RootedVec::from_vec(std::mem::take(l.v()));
    let result = sort_items(&mut items, cmpf, key, reverse);
    let modified = !l.v().is_empty();
    *l.v() = items.into_vec();
    result?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

fn sort_items(items: &mut RootedVec, cmpf: Option<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    if reverse {
        items.reverse();
    }
    let keys = match key {
        Some(k) => {
            let mut ks = RootedVec::new();
            for i in 0..items.len() {
                let kv = ops::call(k, &[items[i]], &[])?;
                ks.push(kv);
            }
            Some(ks)
        }
        None => None,
    };
    let n = items.len();
    let lt = |x: usize, y: usize| -> PyResult<bool> {
        let (kx, ky) = match &keys {
            Some(ks) => (ks[x], ks[y]),
            None => (items[x], items[y]),
        };
        match cmpf {
            Some(c) => {
                let r = ops::call(c, &[kx, ky], &[])?;
                let i = super::int::as_int(r).ok_or_else(|| type_error(format!("comparison function must return int, not {}", typeobj::type_name(r))))?;
                Ok(i < 0)
            }
            None => ops::truthy(ops::compare(CmpOp::Lt, kx, ky)?),
        }
    };
    let perm = merge_sort(n, &lt)?;
    let sorted: Vec<Value> = perm.iter().map(|&i| items[i]).collect();
    for (i, v) in sorted.into_iter().enumerate() {
        items[i] = v;
    }
    if reverse {
        items.reverse();
    }
    Ok(())
}

/// A stable merge sort of the indices 0..n by a fallible "less than".
/// (Rust's own sort may panic when a Python comparison is inconsistent.)
fn merge_sort(n: usize, lt: &dyn Fn(usize, usize) -> PyResult<bool>) -> PyResult<Vec<usize>> {
    let mut a: Vec<usize> = (0..n).collect();
    // Like timsort, take a whole-list ascending (or strictly descending) run
    // in n-1 comparisons: sorting sorted data stays linear.
    if n > 1 {
        let descending = lt(1, 0)?;
        let mut i = 1;
        while i + 1 < n && lt(i + 1, i)? == descending {
            i += 1;
        }
        if i + 1 == n {
            if descending {
                a.reverse();
            }
            return Ok(a);
        }
    }
    // Binary insertion sort on short runs, then bottom-up merging.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(x, a[mid])? { hi = mid } else { lo = mid + 1 }
            }
            a.copy_within(lo..i, lo + 1);
            a[lo] = x;
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf = vec![0usize; n];
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            // Already in order across the seam: nothing to merge.
            if mid >= hi || !lt(a[mid], a[mid - 1])? {
                buf[lo..hi].copy_from_slice(&a[lo..hi]);
                lo = hi;
                continue;
            }
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right only when strictly smaller: stability.
                if lt(a[j], a[i])? {
                    buf[k] = a[j];
                    j += 1;
                } else {
                    buf[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            buf[k..k + (hi - j)].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut buf);
        width *= 2;
    }
    Ok(a)
}

fn list_getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = one("__getitem__", &a[1..], kw)?;
    let l = this(a[0])?;
    if as_slice(i).is_some() {
        return Ok(new_list(slice_items(l.v(), i)?));
    }
    match seq_index(i, l.v().len(), "list")? {
        Some(j) => Ok(l.v()[j]),
        None => Err(index_error("list index out of range")),
    }
}

fn list_getslice(a: &[Value], kw: KwArgs) -> PyResult {
    arity("__getslice__", &a[1..], kw, 2, 2)?;
    let l = this(a[0])?;
    let r = slice::simple(a[1], a[2], l.v().len())?;
    Ok(new_list((0..r.len).map(|k| l.v()[r.at(k)]).collect()))
}

/// `l[s] = v` for a slice `s` (a plain slice may change the length).
fn assign_slice(l: Gc<ListObj>, s: Value, v: Value) -> PyResult<()> {
    let r = slice::resolve(as_slice(s).expect("slice"), l.v().len())?;
    if r.step == 1 {
        let items = match ops::to_vec(v) {
            Ok(x) => x,
            Err(e) if e.matches(types::type_error()) && ops::iter(v).is_err() => return Err(type_error("can only assign an iterable")),
            Err(e) => return Err(e),
        };
        let start = r.start as usize;
        let stop = (r.stop.max(r.start)) as usize;
        l.v().splice(start..stop.min(l.v().len()), items);
        return Ok(());
    }
    let items = match ops::to_vec(v) {
        Ok(x) => x,
        Err(e) if e.matches(types::type_error()) && ops::iter(v).is_err() => return Err(type_error("must assign iterable to extended slice")),
        Err(e) => return Err(e),
    };
    if items.len() != r.len {
        return Err(value_error(format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), r.len)));
    }
    for (k, x) in items.into_iter().enumerate() {
        l.v()[r.at(k)] = x;
    }
    Ok(())
}

fn delete_slice(l: Gc<ListObj>, r: slice::Range) {
    if r.len == 0 {
        return;
    }
    if r.step == 1 {
        l.v().drain(r.start as usize..r.start as usize + r.len);
        return;
    }
    let mut gone = vec![false; l.v().len()];
    for k in 0..r.len {
        gone[r.at(k)] = true;
    }
    let mut idx = 0;
    l.v().retain(|_| {
        idx += 1;
        !gone[idx - 1]
    });
}

fn list_setitem(a: &[Value], kw: KwArgs) -> PyResult {
    arity("__setitem__", &a[1..], kw, 2, 2)?;
    let l = this(a[0])?;
    if as_slice(a[1]).is_some() {
        assign_slice(l, a[1], a[2])?;
        return Ok(Value::NONE);
    }
    match seq_index(a[1], l.v().len(), "list")? {
        Some(j) => {
            l.v()[j] = a[2];
            Ok(Value::NONE)
        }
        None => Err(index_error("list assignment index out of range")),
    }
}

fn list_setslice(a: &[Value], kw: KwArgs) -> PyResult {
    arity("__setslice__", &a[1..], kw, 3, 3)?;
    assign_slice(this(a[0])?, slice::new_slice(a[1], a[2], Value::NONE), a[3])?;
    Ok(Value::NONE)
}

fn list_delitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = one("__delitem__", &a[1..], kw)?;
    let l = this(a[0])?;
    if let Some(s) = as_slice(i) {
        let r = slice::resolve(s, l.v().len())?;
        delete_slice(l, r);
        return Ok(Value::NONE);
    }
    match seq_index(i, l.v().len(), "list")? {
        Some(j) => {
            l.v().remove(j);
            Ok(Value::NONE)
        }
        None => Err(index_error("list assignment index out of range")),
    }
}

fn list_delslice(a: &[Value], kw: KwArgs) -> PyResult {
    arity("__delslice__", &a[1..], kw, 2, 2)?;
    let l = this(a[0])?;
    let r = slice::simple(a[1], a[2], l.v().len())?;
    delete_slice(l, r);
    Ok(Value::NONE)
}

fn list_contains(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("__contains__", &a[1..], kw)?;
    this(a[0])?;
    Ok(Value::from_bool(find(a[0], x, 0, usize::MAX, list_at)?.is_some()))
}

fn list_len(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this(a[0])?.v().len() as i64))
}

fn list_iter(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    this(a[0])?;
    Ok(super::iterobj::new_iter(super::iterobj::IterKind::Seq, a[0], 0))
}

fn list_reversed(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__reversed__", &a[1..], kw)?;
    let n = this(a[0])?.v().len();
    Ok(super::iters::new_reversed(a[0], n))
}

fn list_add(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__add__", &a[1..], kw)?;
    let l = this(a[0])?;
    let Some(r) = as_list(o) else {
        return Err(type_error(format!("can only concatenate list (not \"{}\") to list", typeobj::type_name(o))));
    };
    let mut v = l.v().clone();
    v.extend_from_slice(r.v());
    Ok(new_list(v))
}

fn list_iadd(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__iadd__", &a[1..], kw)?;
    let l = this(a[0])?;
    let items = ops::to_vec(o)?;
    l.v().extend(items);
    Ok(a[0])
}

/// The count of `seq * n`; None (NotImplemented) for a user object that
/// may implement `__rmul__` itself.
fn repeat_n(n: Value) -> PyResult<Option<usize>> {
    let user = instance::as_instance(n).is_some() || super::classobj::as_classic_instance(n).is_some();
    if user && (ops::lookup_special(n, "__index__").is_none() || ops::lookup_special(n, "__rmul__").is_some()) {
        return Ok(None);
    }
    Ok(Some(args::as_index(n)?.max(0) as usize))
}

fn check_size(unit: usize, k: usize) -> PyResult<()> {
    if unit.checked_mul(k).is_none_or(|t| t > (1usize << 40)) {
        return Err(crate::runtime::errors::memory_error(""));
    }
    Ok(())
}

fn list_mul(a: &[Value], kw: KwArgs) -> PyResult {
    let n = one("__mul__", &a[1..], kw)?;
    let l = this(a[0])?;
    let Some(k) = repeat_n(n)? else { return Ok(NOT_IMPLEMENTED) };
    check_size(l.v().len(), k)?;
    Ok(new_list(l.v().repeat(k)))
}

fn list_imul(a: &[Value], kw: KwArgs) -> PyResult {
    let n = one("__imul__", &a[1..], kw)?;
    let l = this(a[0])?;
    let Some(k) = repeat_n(n)? else { return Ok(NOT_IMPLEMENTED) };
    check_size(l.v().len(), k)?;
    let v = l.v().repeat(k);
    *l.v() = v;
    Ok(a[0])
}

fn list_len_of(v: Value) -> usize {
    as_list(v).map(|l| l.v().len()).unwrap_or(0)
}

fn list_cmp(op: CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("comparison", &a[1..], kw)?;
    this(a[0])?;
    if as_list(o).is_none() {
        return Ok(NOT_IMPLEMENTED);
    }
    seq_richcompare(op, a[0], o, list_at, list_len_of)
}

fn list_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    this(a[0])?;
    ops::repr(instance::unwrap_base(a[0]))
}

// ---- tuple ----

fn tuple_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("tuple", &a[1..], kw, &["sequence"], 0)?;
    let items = match p[0] {
        Some(src) if a[0] == types::tuple() && type_of(src) == types::tuple() => return Ok(src),
        Some(src) => ops::to_vec(src)?,
        None => Vec::new(),
    };
    let items = RootedVec::from_vec(items);
    new_of_class(a[0], types::tuple(), || new_tuple(items.into_vec()))
}

fn tuple_getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = one("__getitem__", &a[1..], kw)?;
    let t = this_tuple(a[0])?;
    if as_slice(i).is_some() {
        return Ok(new_tuple(slice_items(t, i)?));
    }
    match seq_index(i, t.len(), "tuple")? {
        Some(j) => Ok(t[j]),
        None => Err(index_error("tuple index out of range")),
    }
}

fn tuple_getslice(a: &[Value], kw: KwArgs) -> PyResult {
    arity("__getslice__", &a[1..], kw, 2, 2)?;
    let t = this_tuple(a[0])?;
    let r = slice::simple(a[1], a[2], t.len())?;
    Ok(new_tuple((0..r.len).map(|k| t[r.at(k)]).collect()))
}

fn tuple_index(a: &[Value], kw: KwArgs) -> PyResult {
    arity("index", &a[1..], kw, 1, 3)?;
    let t = this_tuple(a[0])?;
    let (start, stop) = bounds(&a[2..], t.len())?;
    match find(a[0], a[1], start, stop, tuple_at)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("count", &a[1..], kw)?;
    this_tuple(a[0])?;
    count(a[0], x, tuple_at)
}

fn tuple_contains(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("__contains__", &a[1..], kw)?;
    this_tuple(a[0])?;
    Ok(Value::from_bool(find(a[0], x, 0, usize::MAX, tuple_at)?.is_some()))
}

fn tuple_len(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this_tuple(a[0])?.len() as i64))
}

fn tuple_iter(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    this_tuple(a[0])?;
    Ok(super::iterobj::new_iter(super::iterobj::IterKind::Seq, a[0], 0))
}

fn tuple_add(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__add__", &a[1..], kw)?;
    let t = this_tuple(a[0])?;
    let Some(r) = as_tuple(o) else {
        return Err(type_error(format!("can only concatenate tuple (not \"{}\") to tuple", typeobj::type_name(o))));
    };
    let mut v = t.to_vec();
    v.extend_from_slice(r);
    Ok(new_tuple(v))
}

fn tuple_mul(a: &[Value], kw: KwArgs) -> PyResult {
    let n = one("__mul__", &a[1..], kw)?;
    let t = this_tuple(a[0])?;
    let Some(k) = repeat_n(n)? else { return Ok(NOT_IMPLEMENTED) };
    check_size(t.len(), k)?;
    Ok(new_tuple(t.repeat(k)))
}

fn tuple_len_of(v: Value) -> usize {
    as_tuple(v).map(|t| t.len()).unwrap_or(0)
}

fn tuple_cmp(op: CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("comparison", &a[1..], kw)?;
    this_tuple(a[0])?;
    if as_tuple(o).is_none() {
        return Ok(NOT_IMPLEMENTED);
    }
    seq_richcompare(op, a[0], o, tuple_at, tuple_len_of)
}

fn tuple_hash(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__hash__", &a[1..], kw)?;
    Ok(new_int(ops::tuple_hash(this_tuple(a[0])?)?))
}

fn tuple_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    this_tuple(a[0])?;
    ops::repr(instance::unwrap_base(a[0]))
}

fn tuple_getnewargs(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_tuple(vec![new_tuple(this_tuple(a[0])?.to_vec())]))
}

macro_rules! cmp_methods {
    ($t:expr, $f:ident) => {{
        fn lt(a: &[Value], k: crate::runtime::KwArgs) -> crate::runtime::PyResult { $f(crate::ops::CmpOp::Lt, a, k) }
        fn le(a: &[Value], k: crate::runtime::KwArgs) -> crate::runtime::PyResult { $f(crate::ops::CmpOp::Le, a, k) }
        fn eq(a: &[Value], k: crate::runtime::KwArgs) -> crate::runtime::PyResult { $f(crate::ops::CmpOp::Eq, a, k) }
        fn ne(a: &[Value], k: crate::runtime::KwArgs) -> crate::runtime::PyResult { $f(crate::ops::CmpOp::Ne, a, k) }
        fn gt(a: &[Value], k: crate::runtime::KwArgs) -> crate::runtime::PyResult { $f(crate::ops::CmpOp::Gt, a, k) }
        fn ge(a: &[Value], k: crate::runtime::KwArgs) -> crate::runtime::PyResult { $f(crate::ops::CmpOp::Ge, a, k) }
        for (n, f) in [("__lt__", lt as crate::runtime::NativeFn), ("__le__", le), ("__eq__", eq), ("__ne__", ne), ("__gt__", gt), ("__ge__", ge)] {
            add_method($t, n, f);
        }
    }};
}
pub(crate) use cmp_methods;

pub fn install() {
    let t = types::list();
    add_static(t, "__new__", list_new);
    for (n, f) in [
        ("__init__", list_init as crate::runtime::NativeFn),
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("reverse", list_reverse),
        ("sort", list_sort),
        ("__getitem__", list_getitem),
        ("__getslice__", list_getslice),
        ("__setitem__", list_setitem),
        ("__setslice__", list_setslice),
        ("__delitem__", list_delitem),
        ("__delslice__", list_delslice),
        ("__contains__", list_contains),
        ("__len__", list_len),
        ("__iter__", list_iter),
        ("__reversed__", list_reversed),
        ("__add__", list_add),
        ("__iadd__", list_iadd),
        ("__mul__", list_mul),
        ("__rmul__", list_mul),
        ("__imul__", list_imul),
        ("__repr__", list_repr),
    ] {
        add_method(t, n, f);
    }
    cmp_methods!(t, list_cmp);
    args::set_attr(t, "__hash__", Value::NONE);

    let t = types::tuple();
    add_static(t, "__new__", tuple_new);
    for (n, f) in [
        ("__getitem__", tuple_getitem as crate::runtime::NativeFn),
        ("__getslice__", tuple_getslice),
        ("index", tuple_index),
        ("count", tuple_count),
        ("__contains__", tuple_contains),
        ("__len__", tuple_len),
        ("__iter__", tuple_iter),
        ("__add__", tuple_add),
        ("__mul__", tuple_mul),
        ("__rmul__", tuple_mul),
        ("__hash__", tuple_hash),
        ("__repr__", tuple_repr),
        ("__getnewargs__", tuple_getnewargs),
    ] {
        add_method(t, n, f);
    }
    cmp_methods!(t, tuple_cmp);
}
