//! `slice`: the object behind `a[i:j:k]`. Minimal: the three bounds and
//! CPython's `PySlice_GetIndicesEx` arithmetic, which every sequence's
//! `__getitem__` needs to turn a slice into (start, stop, step, length).

use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{types, PyResult};
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

/// `slice(start, stop, step)`; absent bounds are None.
pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc(SliceObj { cls: types::slice(), start, stop, step }).as_value()
}

pub fn as_slice(v: Value) -> Option<Gc<SliceObj>> {
    Gc::<SliceObj>::downcast(v)
}

/// A slice bound: None, or an int/long (longs clamp, as `_PyEval_SliceIndex` does).
fn bound(v: Value) -> PyResult<Option<i64>> {
    if v == Value::NONE {
        return Ok(None);
    }
    if let Some(i) = crate::objects::int::as_int(v) {
        return Ok(Some(i));
    }
    if let Some(b) = crate::objects::long::as_long(v) {
        use num_traits::{Signed, ToPrimitive};
        return Ok(Some(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })));
    }
    Err(type_error("slice indices must be integers or None or have an __index__ method"))
}

/// (start, stop, step, slicelength) for a sequence of length `len`.
pub fn indices(s: Gc<SliceObj>, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let len = len as i64;
    let step = bound(s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    // Negative steps walk from the end, so their defaults and clamps differ.
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |b: Option<i64>, default: i64| -> i64 {
        match b {
            None => default,
            Some(i) => {
                let i = if i < 0 { i.saturating_add(len) } else { i };
                i.clamp(lo, hi)
            }
        }
    };
    let start = fix(bound(s.start)?, if step < 0 { hi } else { lo });
    let stop = fix(bound(s.stop)?, if step < 0 { lo } else { hi });
    let n = if step < 0 {
        if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

/// `slice([start,] stop[, step])`.
fn slice_new(args: &[Value], kw: crate::runtime::KwArgs) -> PyResult {
    if !kw.is_empty() {
        return Err(type_error("slice() does not take keyword arguments"));
    }
    let a = &args[1..];
    match a.len() {
        1 => Ok(new_slice(Value::NONE, a[0], Value::NONE)),
        2 => Ok(new_slice(a[0], a[1], Value::NONE)),
        3 => Ok(new_slice(a[0], a[1], a[2])),
        0 => Err(type_error("slice expected at least 1 arguments, got 0")),
        n => Err(type_error(format!("slice expected at most 3 arguments, got {n}"))),
    }
}

fn this(args: &[Value]) -> PyResult<Gc<SliceObj>> {
    as_slice(args[0]).ok_or_else(|| type_error("descriptor requires a 'slice' object"))
}

fn slice_start(args: &[Value], _kw: crate::runtime::KwArgs) -> PyResult {
    Ok(this(args)?.start)
}
fn slice_stop(args: &[Value], _kw: crate::runtime::KwArgs) -> PyResult {
    Ok(this(args)?.stop)
}
fn slice_step(args: &[Value], _kw: crate::runtime::KwArgs) -> PyResult {
    Ok(this(args)?.step)
}

/// `repr(slice(1, 2))` is `slice(1, 2, None)`.
fn slice_repr(args: &[Value], _kw: crate::runtime::KwArgs) -> PyResult {
    let s = this(args)?;
    let mut out = b"slice(".to_vec();
    for (i, v) in [s.start, s.stop, s.step].into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        out.extend(crate::ops::repr_bytes(v)?);
    }
    out.push(b')');
    Ok(crate::objects::str::new_str_owned(out))
}

/// `s.indices(len)`: the normalised (start, stop, step).
fn slice_indices(args: &[Value], kw: crate::runtime::KwArgs) -> PyResult {
    let n = crate::objects::str_methods::Args::one("indices", args, kw)?;
    let len = crate::objects::str_methods::arg_int(n)?;
    if len < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (start, stop, step, _) = indices(this(args)?, len as usize)?;
    let i = crate::objects::int::new_int;
    Ok(crate::objects::tuple::new_tuple_from(&[i(start), i(stop), i(step)]))
}

/// Registers `slice.__new__`, its attributes and methods.
pub fn install() {
    use crate::objects::function::{new_builtin, new_wrapper};
    let t = types::slice();
    crate::objects::add_static(t, "__new__", slice_new);
    crate::objects::add_method(t, "__repr__", slice_repr);
    crate::objects::add_method(t, "indices", slice_indices);
    let ty = crate::objects::typeobj::as_type(t).expect("slice is a type");
    // start/stop/step are read-only properties.
    for (name, f) in [("start", slice_start as crate::runtime::NativeFn), ("stop", slice_stop), ("step", slice_step)] {
        ty.dict.set_str(name, new_wrapper(types::property(), new_builtin(name, f)).as_value());
    }
}
