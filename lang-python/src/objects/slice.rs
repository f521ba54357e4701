//! `slice`: the object behind `a[i:j:k]`, and the index arithmetic every
//! sequence shares (`PySlice_GetIndicesEx` in CPython): clamping to the
//! sequence, negative indices from the end, defaults that depend on the sign
//! of the step.

use super::args;
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{types, KwArgs, PyResult};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct SliceObj {
    pub cls: Value,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
unsafe impl Trace for SliceObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.start, self.stop, self.step]);
    }
}
vmcore::gc_type!(SliceObj, "slice");

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc(SliceObj { cls: types::slice(), start, stop, step }).as_value()
}

pub fn as_slice(v: Value) -> Option<Gc<SliceObj>> {
    Gc::<SliceObj>::downcast(v)
}

/// A resolved slice: `len` items starting at `start`, `step` apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl Range {
    /// The sequence index of the `k`-th selected item.
    pub fn at(&self, k: usize) -> usize {
        (self.start + k as i64 * self.step) as usize
    }
}

/// A slice bound: None, or an integer clamped to the i64 range (as CPython
/// clamps to Py_ssize_t), or an object with `__index__`.
fn bound(v: Value) -> PyResult<Option<i64>> {
    if v == Value::NONE {
        return Ok(None);
    }
    if super::float::as_float(v).is_none() {
        if let Some(i) = args::index_i64(v)? {
            return Ok(Some(i));
        }
    }
    Err(type_error("slice indices must be integers or None or have an __index__ method"))
}

/// `slice.indices(len)` semantics.
pub fn resolve(s: Gc<SliceObj>, len: usize) -> PyResult<Range> {
    let step = bound(s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    // Clamp so `step` can be negated and `start + k*step` cannot overflow.
    let step = step.max(-i64::MAX);
    let n = len as i64;
    let fix = |b: Option<i64>, dflt: i64| -> i64 {
        match b {
            None => dflt,
            Some(mut i) => {
                if i < 0 {
                    i = i.saturating_add(n);
                    if i < 0 {
                        i = if step < 0 { -1 } else { 0 };
                    }
                } else if i >= n {
                    i = if step < 0 { n - 1 } else { n };
                }
                i
            }
        }
    };
    let start = fix(bound(s.start)?, if step < 0 { n - 1 } else { 0 });
    let stop = fix(bound(s.stop)?, if step < 0 { -1 } else { n });
    let len = if (step < 0 && stop >= start) || (step > 0 && start >= stop) {
        0
    } else if step < 0 {
        ((stop - start + 1) / step + 1) as usize
    } else {
        ((stop - start - 1) / step + 1) as usize
    };
    Ok(Range { start, stop, step, len })
}

/// The old `a[i:j]` rule (`__getslice__`): bounds clamp, step is 1.
pub fn simple(start: Value, stop: Value, len: usize) -> PyResult<Range> {
    let s = alloc(SliceObj { cls: types::slice(), start, stop, step: Value::NONE });
    resolve(s, len)
}

fn slice_new(a: &[Value], kw: KwArgs) -> PyResult {
    let a = &a[1..];
    args::unpack("slice", a, kw, 1, 3)?;
    Ok(match a.len() {
        1 => new_slice(Value::NONE, a[0], Value::NONE),
        2 => new_slice(a[0], a[1], Value::NONE),
        _ => new_slice(a[0], a[1], a[2]),
    })
}

fn this(v: Value) -> PyResult<Gc<SliceObj>> {
    as_slice(v).ok_or_else(|| type_error("descriptor requires a 'slice' object"))
}

fn slice_indices(a: &[Value], kw: KwArgs) -> PyResult {
    let n = args::one("indices", &a[1..], kw)?;
    let n = args::ssize_arg(n)?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let r = resolve(this(a[0])?, n as usize)?;
    use super::int::new_int;
    Ok(super::tuple::new_tuple(vec![new_int(r.start), new_int(r.stop), new_int(r.step)]))
}

fn slice_repr(a: &[Value], _kw: KwArgs) -> PyResult {
    let s = this(a[0])?;
    let mut out = b"slice(".to_vec();
    out.extend(crate::ops::repr_bytes(s.start)?);
    out.extend_from_slice(b", ");
    out.extend(crate::ops::repr_bytes(s.stop)?);
    out.extend_from_slice(b", ");
    out.extend(crate::ops::repr_bytes(s.step)?);
    out.push(b')');
    Ok(super::str::new_str_owned(out))
}

fn slice_start(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(this(a[0])?.start)
}
fn slice_stop(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(this(a[0])?.stop)
}
fn slice_step(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(this(a[0])?.step)
}

/// Slices compare like the tuples (start, stop, step).
fn slice_cmp(a: &[Value], _kw: KwArgs) -> PyResult {
    let (Some(x), Some(y)) = (as_slice(a[0]), as_slice(a[1])) else { return Ok(crate::runtime::NOT_IMPLEMENTED) };
    let tx = super::tuple::new_tuple(vec![x.start, x.stop, x.step]);
    let ty = super::tuple::new_tuple(vec![y.start, y.stop, y.step]);
    let o = crate::ops::cmp3(tx, ty)?;
    Ok(super::int::new_int(o as i64))
}

pub fn install() {
    let t = types::slice();
    crate::objects::add_static(t, "__new__", slice_new);
    crate::objects::add_method(t, "indices", slice_indices);
    crate::objects::add_method(t, "__repr__", slice_repr);
    crate::objects::add_method(t, "__cmp__", slice_cmp);
    args::add_getter(t, "start", slice_start);
    args::add_getter(t, "stop", slice_stop);
    args::add_getter(t, "step", slice_step);
    args::set_attr(t, "__hash__", Value::NONE);
}

/// `(start, stop, step, length)` of a slice over `len` items (the same
/// numbers as `resolve`, as a tuple for callers that destructure).
pub fn indices(s: Gc<SliceObj>, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let r = resolve(s, len)?;
    Ok((r.start, r.stop, r.step, r.len))
}
