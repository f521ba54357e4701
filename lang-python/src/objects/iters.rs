//! Iterator objects made by builtins: `enumerate`, `reversed` (and the
//! list's `__reversed__`), and the callable-iterator of `iter(f, sentinel)`.
//!
//! Each is a small struct with a `next` method; `ops::next` finds that
//! method like any user-defined iterator's and maps StopIteration to the
//! end of iteration.

use super::args::{self, noargs};
use super::int::new_int;
use super::typeobj::type_name;
use super::{add_method, add_static, list, tuple};
use crate::ops;
use crate::runtime::errors::{stop_iteration, type_error};
use crate::runtime::{types, KwArgs, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

/// `reversed(seq)`: indexes `seq` from `len - 1` down to 0.
#[repr(C)]
pub struct ReversedObj {
    pub cls: Value,
    pub seq: Cell<Value>,
    pub index: Cell<i64>,
}
unsafe impl Trace for ReversedObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.value(self.seq.get());
    }
}
vmcore::gc_type!(ReversedObj, "reversed");

pub fn new_reversed(seq: Value, len: usize) -> Value {
    alloc(ReversedObj { cls: types::reversed(), seq: Cell::new(seq), index: Cell::new(len as i64 - 1) }).as_value()
}

fn reversed_new(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("reversed", kw)?;
    args::unpack_n("reversed", a.len() - 1, 1, 1)?;
    let seq = a[1];
    if let Some(m) = ops::lookup_special(seq, "__reversed__") {
        return ops::call(m, &[], &[]);
    }
    let is_seq = ops::lookup_special(seq, "__getitem__").is_some() && super::dict::as_dict(super::instance::unwrap_base(seq)).is_none();
    if !is_seq {
        return Err(type_error("argument to reversed() must be a sequence"));
    }
    let n = ops::len(seq)?;
    Ok(new_reversed(seq, n))
}

fn reversed_step(r: Gc<ReversedObj>) -> PyResult<Option<Value>> {
    let i = r.index.get();
    if i < 0 {
        return Ok(None);
    }
    let seq = r.seq.get();
    if let Some(l) = list::as_list(seq) {
        // A list that shrank under the iterator ends it (listreverseiterator).
        if let Some(&v) = l.v().get(i as usize) {
            r.index.set(i - 1);
            return Ok(Some(v));
        }
        r.index.set(-1);
        return Ok(None);
    }
    match ops::getitem(seq, new_int(i)) {
        Ok(v) => {
            r.index.set(i - 1);
            Ok(Some(v))
        }
        Err(e) if e.matches(types::index_error()) || e.matches(types::stop_iteration()) => {
            r.index.set(-1);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `it.next()` as a method: the step, with exhaustion as StopIteration.
fn as_method(r: PyResult<Option<Value>>) -> PyResult {
    r?.ok_or_else(stop_iteration)
}

fn reversed_next(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("next", &a[1..], kw)?;
    let r = Gc::<ReversedObj>::downcast(a[0]).ok_or_else(|| type_error("next() requires a reversed object"))?;
    as_method(reversed_step(r))
}

fn reversed_len(a: &[Value], _kw: KwArgs) -> PyResult {
    let r = Gc::<ReversedObj>::downcast(a[0]).ok_or_else(|| type_error("__length_hint__ requires a reversed object"))?;
    Ok(new_int(r.index.get() + 1))
}

/// `enumerate(iterable, start=0)`.
#[repr(C)]
pub struct EnumerateObj {
    pub cls: Value,
    pub it: Value,
    pub count: Cell<Value>,
}
unsafe impl Trace for EnumerateObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.value(self.it);
        t.value(self.count.get());
    }
}
vmcore::gc_type!(EnumerateObj, "enumerate");

fn enumerate_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("enumerate", &a[1..], kw, &["sequence", "start"], 1)?;
    let start = match p[1] {
        None => new_int(0),
        Some(s) if super::int::as_int(s).is_some() || super::long::as_long(s).is_some() => s,
        Some(_) => return Err(type_error("an integer is required")),
    };
    let it = ops::iter(p[0].expect("required"))?;
    Ok(alloc(EnumerateObj { cls: types::enumerate(), it, count: Cell::new(start) }).as_value())
}

fn enumerate_step(e: Gc<EnumerateObj>) -> PyResult<Option<Value>> {
    let Some(v) = ops::next(e.it)? else { return Ok(None) };
    let c = e.count.get();
    e.count.set(ops::binop(ops::BinOp::Add, c, new_int(1))?);
    Ok(Some(tuple::new_tuple_from(&[c, v])))
}

fn enumerate_next(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("next", &a[1..], kw)?;
    let e = Gc::<EnumerateObj>::downcast(a[0]).ok_or_else(|| type_error("next() requires an enumerate object"))?;
    as_method(enumerate_step(e))
}

/// `iter(callable, sentinel)`: calls until the result equals the sentinel.
#[repr(C)]
pub struct CallIterObj {
    pub cls: Value,
    pub func: Cell<Value>,
    pub sentinel: Value,
}
unsafe impl Trace for CallIterObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.func.get(), self.sentinel]);
    }
}
vmcore::gc_type!(CallIterObj, "callable-iterator");

pub fn new_call_iter(func: Value, sentinel: Value) -> Value {
    alloc(CallIterObj { cls: types::callable_iterator(), func: Cell::new(func), sentinel }).as_value()
}

fn calliter_step(c: Gc<CallIterObj>) -> PyResult<Option<Value>> {
    let f = c.func.get();
    if f == Value::NONE {
        return Ok(None);
    }
    let r = match ops::call(f, &[], &[]) {
        Ok(r) => r,
        Err(e) if e.matches(types::stop_iteration()) => {
            c.func.set(Value::NONE);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if ops::eq_bool(r, c.sentinel)? {
        c.func.set(Value::NONE);
        return Ok(None);
    }
    Ok(Some(r))
}

fn calliter_next(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("next", &a[1..], kw)?;
    let c = Gc::<CallIterObj>::downcast(a[0]).ok_or_else(|| type_error("next() requires a callable-iterator"))?;
    as_method(calliter_step(c))
}

/// One step of an iterator defined here or registered by a native module,
/// for `ops::next`'s fast path: None when `it` is neither.
pub fn step(it: Value) -> Option<PyResult<Option<Value>>> {
    if let Some(e) = Gc::<EnumerateObj>::downcast(it) {
        return Some(enumerate_step(e));
    }
    if let Some(r) = Gc::<ReversedObj>::downcast(it) {
        return Some(reversed_step(r));
    }
    if let Some(c) = Gc::<CallIterObj>::downcast(it) {
        return Some(calliter_step(c));
    }
    native_step(it).map(|f| f(it))
}

/// The step of an iterator type a native module defines (itertools, the
/// deque iterators); `it` is an exact instance of it.
pub type NativeStep = fn(Value) -> PyResult<Option<Value>>;

thread_local! {
    /// (heap type descriptor address, step) of each registered type.
    static NATIVE_STEPS: std::cell::RefCell<Vec<(usize, NativeStep)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Lets `ops::next` step instances of a native iterator type directly,
/// without a bound `next` method or a StopIteration object per call. Only
/// objects with that heap layout match: instances of Python subclasses are
/// wrapped, so their own `next` is still honoured.
pub fn register_native_step(desc: &'static vmcore::gc::TypeDesc, f: NativeStep) {
    let key = desc as *const _ as usize;
    NATIVE_STEPS.with(|s| {
        let mut s = s.borrow_mut();
        if !s.iter().any(|&(k, _)| k == key) {
            s.push((key, f));
        }
    });
}

fn native_step(it: Value) -> Option<NativeStep> {
    if !it.is_ptr() {
        return None;
    }
    let key = vmcore::gc::desc_of(it) as *const _ as usize;
    NATIVE_STEPS.with(|s| s.borrow().iter().find(|&&(k, _)| k == key).map(|&(_, f)| f))
}

fn iter_self(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    Ok(a[0])
}

pub fn install() {
    add_static(types::reversed(), "__new__", reversed_new);
    add_method(types::reversed(), "next", reversed_next);
    add_method(types::reversed(), "__iter__", iter_self);
    add_method(types::reversed(), "__length_hint__", reversed_len);
    add_static(types::enumerate(), "__new__", enumerate_new);
    add_method(types::enumerate(), "next", enumerate_next);
    add_method(types::enumerate(), "__iter__", iter_self);
    add_method(types::callable_iterator(), "next", calliter_next);
    add_method(types::callable_iterator(), "__iter__", iter_self);
    let _ = type_name;
}
