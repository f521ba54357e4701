//! `collections.deque`: a double-ended queue, optionally bounded.
//!
//! The items live in a Rust `VecDeque` (CPython uses a list of blocks; the
//! observable behaviour is the same). A bounded deque (`maxlen`) drops
//! items from the other end when it overflows.
//!
//! `state` counts mutations, as CPython's does: iterators and `count`
//! compare it to notice that Python code run by a comparison, or the loop
//! body, changed the deque ("deque mutated during iteration"). Which
//! operations count is CPython's choice: appends, pops, rotations and
//! deletions do; `reverse` and item assignment do not.

use crate::objects::args::{self, noargs, one};
use crate::objects::function::{new_builtin, new_wrapper};
use crate::objects::int::new_int;
use crate::objects::list_methods::new_of_class;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{add_method, add_static, instance::unwrap_base, str as pystr, tuple};
use crate::ops::{self, CmpOp};
use crate::runtime::errors::{attribute_error, index_error, runtime_error, stop_iteration, type_error, value_error};
use crate::runtime::{types, KwArgs, NativeFn, PyResult, NOT_IMPLEMENTED};
use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::VecDeque;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct DequeObj {
    pub cls: Value,
    items: UnsafeCell<VecDeque<Value>>,
    /// -1 when unbounded.
    maxlen: Cell<i64>,
    state: Cell<u64>,
}
unsafe impl Trace for DequeObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        // SAFETY: tracing runs no Python code, so no one holds the items.
        for &v in unsafe { &*self.items.get() } {
            t.value(v);
        }
    }
}
vmcore::gc_type!(DequeObj, "collections.deque");

impl DequeObj {
    /// The items. Never held across a call that may run Python code.
    #[allow(clippy::mut_from_ref)]
    fn d(&self) -> &mut VecDeque<Value> {
        // SAFETY: single-threaded heap; see above.
        unsafe { &mut *self.items.get() }
    }
    fn len(&self) -> usize {
        self.d().len()
    }
    fn mutated(&self) {
        self.state.set(self.state.get() + 1);
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.d().get(i).copied()
    }
    fn append(&self, x: Value) {
        self.mutated();
        self.d().push_back(x);
        if self.maxlen.get() >= 0 && self.len() as i64 > self.maxlen.get() {
            self.popleft();
        }
    }
    fn appendleft(&self, x: Value) {
        self.mutated();
        self.d().push_front(x);
        if self.maxlen.get() >= 0 && self.len() as i64 > self.maxlen.get() {
            self.pop();
        }
    }
    fn pop(&self) -> Option<Value> {
        self.mutated();
        self.d().pop_back()
    }
    fn popleft(&self) -> Option<Value> {
        self.mutated();
        self.d().pop_front()
    }
    /// Positive `n` moves items from the right end to the left.
    fn rotate(&self, n: i64) {
        self.mutated();
        let len = self.len() as i64;
        if len > 1 {
            let k = n.rem_euclid(len) as usize;
            self.d().rotate_right(k);
        }
    }
    fn clear(&self) {
        if self.len() > 0 {
            self.mutated();
            self.d().clear();
        }
    }
}

crate::native_type!(deque_type, make_deque_type);
crate::native_type!(iter_type, || iterator_type("deque_iterator"));
crate::native_type!(reverse_iter_type, || iterator_type("deque_reverse_iterator"));

/// The deque behind `v` (a deque or an instance of a subclass).
fn this(v: Value) -> PyResult<Gc<DequeObj>> {
    Gc::<DequeObj>::downcast(unwrap_base(v))
        .ok_or_else(|| type_error(format!("descriptor requires a 'collections.deque' object but received a '{}'", type_name(v))))
}

fn new_deque(maxlen: i64) -> Value {
    alloc(DequeObj { cls: deque_type(), items: UnsafeCell::new(VecDeque::new()), maxlen: Cell::new(maxlen), state: Cell::new(0) }).as_value()
}

/// `deque.__new__` makes an empty unbounded deque; `__init__` fills it.
fn deque_new(a: &[Value], _kw: KwArgs) -> PyResult {
    new_of_class(a[0], deque_type(), || new_deque(-1))
}

/// `deque([iterable[, maxlen]])`: clears the deque, sets maxlen, extends.
fn deque_init(a: &[Value], kw: KwArgs) -> PyResult {
    let d = this(a[0])?;
    let p = args::parse("deque", &a[1..], kw, &["iterable", "maxlen"], 0)?;
    let maxlen = match p[1] {
        Some(m) if m != Value::NONE => {
            let n = args::int_as_ssize(m)?.ok_or_else(|| type_error("an integer is required"))?;
            if n < 0 {
                return Err(value_error("maxlen must be non-negative"));
            }
            n
        }
        _ => -1,
    };
    d.maxlen.set(maxlen);
    d.clear();
    if let Some(src) = p[0] {
        extend(d, a[0], src, false)?;
    }
    Ok(Value::NONE)
}

fn append(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("append", &a[1..], kw)?;
    this(a[0])?.append(x);
    Ok(Value::NONE)
}

fn appendleft(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("appendleft", &a[1..], kw)?;
    this(a[0])?.appendleft(x);
    Ok(Value::NONE)
}

fn pop(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("pop", &a[1..], kw)?;
    let d = this(a[0])?;
    if d.len() == 0 {
        return Err(index_error("pop from an empty deque"));
    }
    Ok(d.pop().expect("not empty"))
}

fn popleft(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("popleft", &a[1..], kw)?;
    let d = this(a[0])?;
    if d.len() == 0 {
        return Err(index_error("pop from an empty deque"));
    }
    Ok(d.popleft().expect("not empty"))
}

/// `extend` / `extendleft`; `self_value` is the deque as Python sees it,
/// so `d.extend(d)` can copy itself first.
fn extend(d: Gc<DequeObj>, self_value: Value, src: Value, left: bool) -> PyResult<()> {
    let src = if src == self_value || src == d.as_value() { ops::call(types::list(), &[src], &[])? } else { src };
    let it = ops::iter(src)?;
    if d.maxlen.get() == 0 {
        // Nothing can be kept, but the iterable is still consumed.
        while ops::next(it)?.is_some() {}
        return Ok(());
    }
    while let Some(x) = ops::next(it)? {
        if left {
            d.appendleft(x);
        } else {
            d.append(x);
        }
    }
    Ok(())
}

fn extend_right(a: &[Value], kw: KwArgs) -> PyResult {
    let src = one("extend", &a[1..], kw)?;
    extend(this(a[0])?, a[0], src, false)?;
    Ok(Value::NONE)
}

fn extend_left(a: &[Value], kw: KwArgs) -> PyResult {
    let src = one("extendleft", &a[1..], kw)?;
    extend(this(a[0])?, a[0], src, true)?;
    Ok(Value::NONE)
}

/// `d += iterable`.
fn iadd(a: &[Value], kw: KwArgs) -> PyResult {
    let src = one("__iadd__", &a[1..], kw)?;
    extend(this(a[0])?, a[0], src, false)?;
    Ok(a[0])
}

fn rotate(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("rotate", &a[1..], kw, 0, 1)?;
    let n = match a.get(1) {
        Some(&v) => args::ssize_arg(v)?,
        None => 1,
    };
    this(a[0])?.rotate(n);
    Ok(Value::NONE)
}

fn reverse(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("reverse", &a[1..], kw)?;
    let d = this(a[0])?;
    d.d().make_contiguous().reverse();
    Ok(Value::NONE)
}

fn clear(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("clear", &a[1..], kw)?;
    this(a[0])?.clear();
    Ok(Value::NONE)
}

fn count(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("count", &a[1..], kw)?;
    let d = this(a[0])?;
    let (n, start) = (d.len(), d.state.get());
    let mut found = 0;
    for i in 0..n {
        let Some(item) = d.get(i) else { break };
        if ops::eq_bool(item, x)? {
            found += 1;
        }
        if d.state.get() != start {
            return Err(runtime_error("deque mutated during iteration"));
        }
    }
    Ok(new_int(found))
}

/// Compares `x` with the leftmost item, rotating one step left each miss;
/// on a match the item is popped and the deque rotated back. So Python
/// code run by `__eq__` sees the deque rotated, exactly as in CPython.
fn remove(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("remove", &a[1..], kw)?;
    let d = this(a[0])?;
    let n = d.len();
    for i in 0..n {
        let Some(item) = d.get(0) else { break };
        let r = ops::eq_bool(item, x);
        if d.len() != n {
            return Err(index_error("deque mutated during remove()."));
        }
        match r {
            Ok(true) => {
                d.popleft();
                d.rotate(i as i64);
                return Ok(Value::NONE);
            }
            Ok(false) => d.rotate(-1),
            Err(e) => {
                d.rotate(i as i64);
                return Err(e);
            }
        }
    }
    Err(value_error("deque.remove(x): x not in deque"))
}

fn len(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this(a[0])?.len() as i64))
}

/// An item index: an int (or `__index__`), from the end when negative.
fn index(d: Gc<DequeObj>, i: Value) -> PyResult<usize> {
    let k = match args::index_i64(i)? {
        Some(_) if crate::objects::long::as_long(i).is_some_and(|b| num_traits::ToPrimitive::to_i64(b).is_none()) => {
            return Err(index_error("cannot fit 'long' into an index-sized integer"));
        }
        Some(k) if crate::objects::float::as_float(i).is_none() => k,
        _ => return Err(type_error(format!("sequence index must be integer, not '{}'", type_name(i)))),
    };
    let n = d.len() as i64;
    let j = if k < 0 { k + n } else { k };
    if j < 0 || j >= n {
        return Err(index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = one("__getitem__", &a[1..], kw)?;
    let d = this(a[0])?;
    let j = index(d, i)?;
    Ok(d.get(j).expect("in range"))
}

fn setitem(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__setitem__", &a[1..], kw, 2, 2)?;
    let d = this(a[0])?;
    let j = index(d, a[1])?;
    d.d()[j] = a[2];
    Ok(Value::NONE)
}

/// `del d[i]`: rotate i to the front, pop it, rotate back.
fn delitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = one("__delitem__", &a[1..], kw)?;
    let d = this(a[0])?;
    let j = index(d, i)? as i64;
    d.rotate(-j);
    d.popleft();
    d.rotate(j);
    Ok(Value::NONE)
}

fn copy(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__copy__", &a[1..], kw)?;
    let d = this(a[0])?;
    let maxlen = d.maxlen.get();
    let cls = ops::class_of(a[0]);
    if cls == deque_type() {
        let c = Gc::<DequeObj>::downcast(new_deque(maxlen)).expect("a deque");
        let items = RootedVec::from_vec(d.d().iter().copied().collect());
        c.d().extend(items.iter().copied());
        return Ok(c.as_value());
    }
    // A subclass is copied through its own constructor.
    if maxlen == -1 {
        ops::call(cls, &[a[0]], &[])
    } else {
        ops::call(cls, &[a[0], new_int(maxlen)], &[])
    }
}

/// `(type(d), (list(d), maxlen))` plus the instance dict for subclasses.
fn reduce(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__reduce__", &a[1..], kw)?;
    let d = this(a[0])?;
    let dict = ops::getattr_opt(a[0], crate::iname!("__dict__"))?;
    let items = ops::call(types::list(), &[a[0]], &[])?;
    let maxlen = match d.maxlen.get() {
        -1 => None,
        n => Some(new_int(n)),
    };
    let cls = ops::class_of(a[0]);
    Ok(match (dict, maxlen) {
        (None, None) => tuple::new_tuple_from(&[cls, tuple::new_tuple_from(&[items])]),
        (None, Some(m)) => tuple::new_tuple_from(&[cls, tuple::new_tuple_from(&[items, m])]),
        (Some(dict), m) => tuple::new_tuple_from(&[cls, tuple::new_tuple_from(&[items, m.unwrap_or(Value::NONE)]), dict]),
    })
}

thread_local! {
    /// Deques whose repr is being built, to print "[...]" for a cycle.
    static IN_REPR: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// `deque([...])` or `deque([...], maxlen=n)`, whatever the subclass.
fn repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let d = this(a[0])?;
    if IN_REPR.with(|r| r.borrow().contains(&d.as_value())) {
        return Ok(pystr::new_str(b"[...]"));
    }
    IN_REPR.with(|r| r.borrow_mut().push(d.as_value()));
    let body = ops::call(types::list(), &[a[0]], &[]).and_then(ops::repr_bytes);
    IN_REPR.with(|r| r.borrow_mut().retain(|&v| v != d.as_value()));
    let mut s = b"deque(".to_vec();
    s.extend(body?);
    if d.maxlen.get() >= 0 {
        s.extend_from_slice(format!(", maxlen={}", d.maxlen.get()).as_bytes());
    }
    s.push(b')');
    Ok(pystr::new_str_owned(s))
}

/// Rich comparison: both operands must be deques; item by item like lists.
fn richcompare(a: &[Value], op: CmpOp) -> PyResult {
    let (Ok(v), Ok(w)) = (this(a[0]), this(a[1])) else { return Ok(NOT_IMPLEMENTED) };
    let (vs, ws) = (v.len(), w.len());
    match op {
        CmpOp::Eq if v == w => return Ok(Value::TRUE),
        CmpOp::Eq if vs != ws => return Ok(Value::FALSE),
        CmpOp::Ne if v == w => return Ok(Value::FALSE),
        CmpOp::Ne if vs != ws => return Ok(Value::TRUE),
        _ => {}
    }
    let (it1, it2) = (ops::iter(a[0])?, ops::iter(a[1])?);
    let (mut x, mut y);
    loop {
        x = ops::next(it1)?;
        y = ops::next(it2)?;
        let (Some(p), Some(q)) = (x, y) else { break };
        if !ops::eq_bool(p, q)? {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => ops::compare(op, p, q),
            };
        }
    }
    // One or both ran out: compare lengths.
    Ok(Value::from_bool(match op {
        CmpOp::Lt => y.is_some(),
        CmpOp::Le => x.is_none(),
        CmpOp::Eq => x.is_none() && y.is_none(),
        CmpOp::Ne => x.is_some() || y.is_some(),
        CmpOp::Gt => x.is_some(),
        CmpOp::Ge => y.is_none(),
    }))
}

macro_rules! comparisons {
    ($($f:ident, $name:literal => $op:expr;)*) => {$(
        fn $f(a: &[Value], kw: KwArgs) -> PyResult {
            one($name, &a[1..], kw)?;
            richcompare(a, $op)
        }
    )*};
}

comparisons! {
    lt, "__lt__" => CmpOp::Lt;
    le, "__le__" => CmpOp::Le;
    eq, "__eq__" => CmpOp::Eq;
    ne, "__ne__" => CmpOp::Ne;
    gt, "__gt__" => CmpOp::Gt;
    ge, "__ge__" => CmpOp::Ge;
}

fn get_maxlen(a: &[Value], _: KwArgs) -> PyResult {
    Ok(match this(a[0])?.maxlen.get() {
        -1 => Value::NONE,
        n => new_int(n),
    })
}

fn set_maxlen(_: &[Value], _: KwArgs) -> PyResult {
    Err(attribute_error("attribute 'maxlen' of 'collections.deque' objects is not writable"))
}

// ---- iterators ----

/// A forward or reverse iterator. `counter` is how many items remain; the
/// position of the next one follows from it.
#[repr(C)]
pub struct DequeIterObj {
    pub cls: Value,
    pub deque: Gc<DequeObj>,
    pub counter: Cell<usize>,
    pub reverse: bool,
    /// The deque's `state` when the iterator was made.
    pub state: u64,
}
unsafe impl Trace for DequeIterObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.deque.as_value()]);
    }
}
vmcore::gc_type!(DequeIterObj, "deque_iterator");

fn new_iter(d: Gc<DequeObj>, reverse: bool) -> Value {
    let cls = if reverse { reverse_iter_type() } else { iter_type() };
    alloc(DequeIterObj { cls, deque: d, counter: Cell::new(d.len()), reverse, state: d.state.get() }).as_value()
}

fn iter(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    Ok(new_iter(this(a[0])?, false))
}

fn reversed(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__reversed__", &a[1..], kw)?;
    Ok(new_iter(this(a[0])?, true))
}

fn this_iter(v: Value) -> PyResult<Gc<DequeIterObj>> {
    Gc::<DequeIterObj>::downcast(v).ok_or_else(|| type_error(format!("descriptor requires a 'deque_iterator' object but received a '{}'", type_name(v))))
}

fn iter_step(it: Gc<DequeIterObj>) -> PyResult<Option<Value>> {
    let d = it.deque;
    if d.state.get() != it.state {
        it.counter.set(0);
        return Err(runtime_error("deque mutated during iteration"));
    }
    let left = it.counter.get();
    if left == 0 {
        return Ok(None);
    }
    let i = if it.reverse { left - 1 } else { d.len() - left };
    it.counter.set(left - 1);
    Ok(d.get(i))
}

fn iter_next(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("next", &a[1..], kw)?;
    iter_step(this_iter(a[0])?)?.ok_or_else(stop_iteration)
}

fn iter_length_hint(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__length_hint__", &a[1..], kw)?;
    Ok(new_int(this_iter(a[0])?.counter.get() as i64))
}

fn iter_self(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    Ok(a[0])
}

fn iterator_type(name: &str) -> Value {
    let t = super::super::new_native_type("__builtin__", name, None, false);
    add_method(t, "next", iter_next);
    add_method(t, "__iter__", iter_self);
    add_method(t, "__length_hint__", iter_length_hint);
    crate::objects::iters::register_native_step(<DequeIterObj as vmcore::gc::GcType>::type_desc(), |v| {
        iter_step(Gc::<DequeIterObj>::downcast(v).expect("registered for this layout"))
    });
    t
}

fn make_deque_type() -> Value {
    let t = super::super::new_native_type("collections", "deque", None, true);
    add_static(t, "__new__", deque_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend_right),
        ("extendleft", extend_left),
        ("__iadd__", iadd),
        ("rotate", rotate),
        ("reverse", reverse),
        ("clear", clear),
        ("count", count),
        ("remove", remove),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__copy__", copy),
        ("__reduce__", reduce),
        ("__repr__", repr),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
    ];
    for &(name, f) in methods {
        add_method(t, name, f);
    }
    let w = new_wrapper(types::property(), new_builtin("maxlen", get_maxlen));
    w.fset.set(new_builtin("maxlen", set_maxlen));
    w.fdel.set(new_builtin("maxlen", set_maxlen));
    let tt = typeobj::as_type(t).expect("a type");
    tt.dict.set_str("maxlen", w.as_value());
    tt.dict.set_str("__hash__", Value::NONE);
    t
}
