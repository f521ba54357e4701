//! `float`: boxed IEEE doubles.

use crate::runtime::types;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct FloatObj {
    pub cls: Value,
    pub v: f64,
}
unsafe impl Trace for FloatObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(FloatObj, "float");

#[inline]
pub fn new_float(v: f64) -> Value {
    alloc(FloatObj { cls: types::float(), v }).as_value()
}

#[inline]
pub fn as_float(v: Value) -> Option<f64> {
    if let Some(f) = Gc::<FloatObj>::downcast(v) {
        return Some(f.v);
    }
    let b = super::instance::unwrap_base(v);
    if b != v { Gc::<FloatObj>::downcast(b).map(|f| f.v) } else { None }
}
