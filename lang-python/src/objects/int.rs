//! `int`: machine integers. Values that fit 63 bits are unboxed small-int
//! `Value`s; the rest of the 64-bit range is boxed here. Overflow beyond
//! 64 bits produces a `long`, as in CPython 2.

use crate::runtime::types;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct IntObj {
    pub cls: Value,
    pub v: i64,
}
unsafe impl Trace for IntObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(IntObj, "int");

/// A Python int with value `i`.
#[inline]
pub fn new_int(i: i64) -> Value {
    match Value::try_int(i) {
        Some(v) => v,
        None => alloc(IntObj { cls: types::int(), v: i }).as_value(),
    }
}

/// The value of an int (or bool, or int subclass instance).
#[inline]
pub fn as_int(v: Value) -> Option<i64> {
    if v.is_int() {
        return Some(v.as_int());
    }
    if v == Value::TRUE {
        return Some(1);
    }
    if v == Value::FALSE {
        return Some(0);
    }
    Gc::<IntObj>::downcast(super::instance::unwrap_base(v)).map(|o| o.v).or_else(|| {
        let b = super::instance::unwrap_base(v);
        if b != v { as_int(b) } else { None }
    })
}
