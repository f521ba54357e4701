//! `count`, `cycle` and `repeat`: the iterators that can run forever.

use super::{finish, iter_type, no_kw, this, Step};
use crate::objects::args::{self, noargs, unpack};
use crate::objects::int::{as_int, new_int};
use crate::objects::list::{as_list, new_list};
use crate::objects::{add_method, long, str as pystr, tuple};
use crate::ops::{self, BinOp};
use crate::runtime::errors::type_error;
use crate::runtime::{KwArgs, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

// ---- count ----

/// `count(start=0, step=1)`: `start`, `start + step`, ... Like CPython,
/// an int start with a step of exactly int 1 counts in plain ints (so
/// `count(True)` yields 1, 2, ...); anything else adds with `+`.
#[repr(C)]
pub struct CountObj {
    pub cls: Value,
    pub cnt: Cell<Value>,
    pub step: Value,
}
unsafe impl Trace for CountObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.cnt.get(), self.step]);
    }
}
vmcore::gc_type!(CountObj, "itertools.count");

impl Step for CountObj {
    const NAME: &'static str = "count";
    fn step(c: Gc<Self>) -> PyResult<Option<Value>> {
        let v = c.cnt.get();
        c.cnt.set(ops::binop(BinOp::Add, v, c.step)?);
        Ok(Some(v))
    }
}

crate::native_type!(count_type, || {
    let t = iter_type::<CountObj>(Some(count_new), true);
    add_method(t, "__repr__", count_repr);
    add_method(t, "__reduce__", count_reduce);
    t
});

/// `PyInt_Check`: an int, bool or int subclass (not a long).
fn is_int(v: Value) -> bool {
    as_int(v).is_some() && long::as_long(v).is_none()
}

/// The step CPython leaves out of the repr (and counts fast with): int 1.
fn is_unit_step(v: Value) -> bool {
    is_int(v) && as_int(v) == Some(1)
}

fn count_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("count", &a[1..], kw, &["start", "step"], 0)?;
    let is_number = |v: Option<Value>| v.is_none_or(crate::modules::operator::is_number);
    if !is_number(p[0]) || !is_number(p[1]) {
        return Err(type_error("a number is required"));
    }
    let step = p[1].unwrap_or(new_int(1));
    let mut start = p[0].unwrap_or(new_int(0));
    if is_int(start) && is_unit_step(step) {
        start = new_int(as_int(start).expect("an int"));
    }
    finish(a[0], count_type(), || alloc(CountObj { cls: count_type(), cnt: Cell::new(start), step }).as_value())
}

fn count_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let c = this::<CountObj>(a[0])?;
    let mut s = b"count(".to_vec();
    s.extend(ops::repr_bytes(c.cnt.get())?);
    if !is_unit_step(c.step) {
        s.extend_from_slice(b", ");
        s.extend(ops::repr_bytes(c.step)?);
    }
    s.push(b')');
    Ok(pystr::new_str_owned(s))
}

/// `(type(c), (cnt,))`, or `(type(c), (cnt, step))` in the general mode.
fn count_reduce(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__reduce__", &a[1..], kw)?;
    let c = this::<CountObj>(a[0])?;
    let cnt = c.cnt.get();
    let fast = is_unit_step(c.step) && is_int(cnt) && cnt == new_int(as_int(cnt).expect("an int"));
    let state = if fast { tuple::new_tuple_from(&[cnt]) } else { tuple::new_tuple_from(&[cnt, c.step]) };
    Ok(tuple::new_tuple_from(&[ops::class_of(a[0]), state]))
}

// ---- cycle ----

/// `cycle(iterable)`: the items, saved on the first pass, then the saved
/// list over and over.
#[repr(C)]
pub struct CycleObj {
    pub cls: Value,
    pub it: Cell<Value>,
    /// A list of the items seen on the first pass.
    pub saved: Value,
    pub firstpass: Cell<bool>,
}
unsafe impl Trace for CycleObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.it.get(), self.saved]);
    }
}
vmcore::gc_type!(CycleObj, "itertools.cycle");

impl Step for CycleObj {
    const NAME: &'static str = "cycle";
    fn step(c: Gc<Self>) -> PyResult<Option<Value>> {
        loop {
            if let Some(x) = ops::next(c.it.get())? {
                if !c.firstpass.get() {
                    as_list(c.saved).expect("a list").v().push(x);
                }
                return Ok(Some(x));
            }
            if as_list(c.saved).expect("a list").v().is_empty() {
                return Ok(None);
            }
            c.it.set(ops::iter(c.saved)?);
            c.firstpass.set(true);
        }
    }
}

crate::native_type!(cycle_type, || iter_type::<CycleObj>(Some(cycle_new), true));

fn cycle_new(a: &[Value], kw: KwArgs) -> PyResult {
    no_kw("cycle", a[0], cycle_type(), kw)?;
    unpack("cycle", &a[1..], &[], 1, 1)?;
    let it = ops::iter(a[1])?;
    let saved = new_list(Vec::new());
    finish(a[0], cycle_type(), || alloc(CycleObj { cls: cycle_type(), it: Cell::new(it), saved, firstpass: Cell::new(false) }).as_value())
}

// ---- repeat ----

/// `repeat(object[, times])`; `cnt` is -1 for "forever".
#[repr(C)]
pub struct RepeatObj {
    pub cls: Value,
    pub element: Value,
    pub cnt: Cell<i64>,
}
unsafe impl Trace for RepeatObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.element]);
    }
}
vmcore::gc_type!(RepeatObj, "itertools.repeat");

impl Step for RepeatObj {
    const NAME: &'static str = "repeat";
    fn step(r: Gc<Self>) -> PyResult<Option<Value>> {
        match r.cnt.get() {
            0 => Ok(None),
            n => {
                if n > 0 {
                    r.cnt.set(n - 1);
                }
                Ok(Some(r.element))
            }
        }
    }
}

crate::native_type!(repeat_type, || {
    let t = iter_type::<RepeatObj>(Some(repeat_new), true);
    add_method(t, "__repr__", repeat_repr);
    add_method(t, "__length_hint__", repeat_length_hint);
    t
});

fn repeat_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("repeat", &a[1..], kw, &["object", "times"], 1)?;
    // A negative `times` given explicitly means zero, not forever.
    let cnt = match p[1] {
        Some(t) => args::ssize_arg(t)?.max(0),
        None => -1,
    };
    let element = p[0].expect("required");
    finish(a[0], repeat_type(), || alloc(RepeatObj { cls: repeat_type(), element, cnt: Cell::new(cnt) }).as_value())
}

fn repeat_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let r = this::<RepeatObj>(a[0])?;
    let mut s = b"repeat(".to_vec();
    s.extend(ops::repr_bytes(r.element)?);
    if r.cnt.get() >= 0 {
        s.extend_from_slice(format!(", {}", r.cnt.get()).as_bytes());
    }
    s.push(b')');
    Ok(pystr::new_str_owned(s))
}

fn repeat_length_hint(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__length_hint__", &a[1..], kw)?;
    match this::<RepeatObj>(a[0])?.cnt.get() {
        -1 => Err(type_error("len() of unsized object")),
        n => Ok(new_int(n)),
    }
}
