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
