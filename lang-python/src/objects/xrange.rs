//! `xrange`: a lazy arithmetic progression (start, step, length), and the
//! `range()` builtin's argument rules, which it shares.
//!
//! Iterating an xrange makes the runtime's `Range` iterator, so `for i in
//! xrange(n)` allocates nothing per step beyond the ints themselves.

use super::args;
use super::int::new_int;
use super::iterobj::new_range_iter;
use super::typeobj::type_name;
use super::{add_method, add_static, str as pystr};
use crate::runtime::errors::{index_error, overflow_error, type_error, value_error};
use crate::runtime::{types, KwArgs, PyResult};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct XrangeObj {
    pub cls: Value,
    pub start: i64,
    pub step: i64,
    pub len: i64,
}
unsafe impl Trace for XrangeObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(XrangeObj, "xrange");

pub fn as_xrange(v: Value) -> Option<Gc<XrangeObj>> {
    Gc::<XrangeObj>::downcast(v)
}

/// Number of items in `range(lo, hi, step)`; None when it overflows.
pub fn range_len(lo: i64, hi: i64, step: i64) -> Option<i64> {
    let (lo, hi, step) = (lo as i128, hi as i128, step as i128);
    let n = if step > 0 && lo < hi {
        1 + (hi - 1 - lo) / step
    } else if step < 0 && lo > hi {
        1 + (lo - 1 - hi) / (-step)
    } else {
        0
    };
    i64::try_from(n).ok()
}

/// One argument of `xrange()`/`range()` as a machine integer.
fn int_arg(v: Value, bad: impl Fn(Value) -> crate::runtime::PyErr) -> PyResult<i64> {
    if super::float::as_float(v).is_some() {
        return Err(bad(v));
    }
    if let Some(i) = super::int::as_int(v) {
        return Ok(i);
    }
    if let Some(b) = super::long::as_long(v) {
        use num_traits::ToPrimitive;
        return b.to_i64().ok_or_else(|| overflow_error("range() result has too many items"));
    }
    if let Some(m) = crate::ops::lookup_special(v, "__int__") {
        let r = crate::ops::call(m, &[], &[])?;
        if let Some(i) = super::int::as_int(r) {
            return Ok(i);
        }
    }
    Err(bad(v))
}

/// Parses `(stop)`, `(start, stop)` or `(start, stop, step)`.
fn bounds(a: &[Value], bad: &dyn Fn(&str, Value) -> crate::runtime::PyErr) -> PyResult<(i64, i64, i64)> {
    Ok(match a.len() {
        1 => (0, int_arg(a[0], |v| bad("end", v))?, 1),
        2 => (int_arg(a[0], |v| bad("start", v))?, int_arg(a[1], |v| bad("end", v))?, 1),
        _ => (int_arg(a[0], |v| bad("start", v))?, int_arg(a[1], |v| bad("end", v))?, int_arg(a[2], |v| bad("step", v))?),
    })
}

/// The `range()` builtin: a list.
pub fn builtin_range(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("range", a, kw, 1, 3)?;
    let bad = |which: &str, v: Value| type_error(format!("range() integer {which} argument expected, got {}.", type_name(v)));
    let (lo, hi, step) = bounds(a, &bad)?;
    if step == 0 {
        return Err(value_error("range() step argument must not be zero"));
    }
    let n = range_len(lo, hi, step).ok_or_else(|| overflow_error("range() result has too many items"))?;
    if n > 1 << 32 {
        return Err(crate::runtime::errors::memory_error(""));
    }
    // Ints beyond 62 bits are boxed, so the list under construction is rooted.
    let mut items = vmcore::gc::RootedVec::new();
    for k in 0..n {
        items.push(new_int(lo + k * step));
    }
    Ok(super::list::new_list(items.into_vec()))
}

fn xrange_new(a: &[Value], kw: KwArgs) -> PyResult {
    if !kw.is_empty() {
        return Err(type_error("xrange() does not take keyword arguments"));
    }
    let a = &a[1..];
    if a.is_empty() || a.len() > 3 {
        return Err(type_error("xrange() requires 1-3 int arguments"));
    }
    let bad = |_: &str, v: Value| {
        if super::float::as_float(v).is_some() { type_error("integer argument expected, got float") } else { type_error("an integer is required") }
    };
    let (lo, hi, step) = bounds(a, &bad)?;
    if step == 0 {
        return Err(value_error("xrange() arg 3 must not be zero"));
    }
    let len = range_len(lo, hi, step).ok_or_else(|| overflow_error("xrange() result has too many items"))?;
    Ok(alloc(XrangeObj { cls: types::xrange(), start: lo, step, len }).as_value())
}

fn this(v: Value) -> PyResult<Gc<XrangeObj>> {
    as_xrange(v).ok_or_else(|| type_error(format!("descriptor requires a 'xrange' object but received a '{}'", type_name(v))))
}

fn xrange_len(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this(a[0])?.len))
}

fn xrange_getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = args::one("__getitem__", &a[1..], kw)?;
    let r = this(a[0])?;
    if super::slice::as_slice(i).is_some() || super::int::as_int(i).is_none() && super::long::as_long(i).is_none() {
        return Err(type_error(format!("sequence index must be integer, not '{}'", type_name(i))));
    }
    let k = args::index_i64(i)?.unwrap_or(i64::MAX);
    let k = if k < 0 { k + r.len } else { k };
    if k < 0 || k >= r.len {
        return Err(index_error("xrange object index out of range"));
    }
    Ok(new_int(r.start + k * r.step))
}

fn xrange_iter(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__iter__", &a[1..], kw)?;
    let r = this(a[0])?;
    Ok(new_range_iter(r.start, r.step, r.len))
}

fn xrange_reversed(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__reversed__", &a[1..], kw)?;
    let r = this(a[0])?;
    Ok(new_range_iter(r.start + (r.len - 1) * r.step, -r.step, r.len))
}

/// `xrange(5)`, `xrange(1, 5)`, `xrange(1, 11, 2)`: the stop shown is the
/// normalised one (`start + len * step`), as CPython prints it.
fn xrange_repr(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__repr__", &a[1..], kw)?;
    let r = this(a[0])?;
    let stop = r.start + r.len * r.step;
    let s = if r.start == 0 && r.step == 1 {
        format!("xrange({stop})")
    } else if r.step == 1 {
        format!("xrange({}, {stop})", r.start)
    } else {
        format!("xrange({}, {stop}, {})", r.start, r.step)
    };
    Ok(pystr::new_str_owned(s.into_bytes()))
}

pub fn install() {
    let t = types::xrange();
    add_static(t, "__new__", xrange_new);
    add_method(t, "__len__", xrange_len);
    add_method(t, "__getitem__", xrange_getitem);
    add_method(t, "__iter__", xrange_iter);
    add_method(t, "__reversed__", xrange_reversed);
    add_method(t, "__repr__", xrange_repr);
}
