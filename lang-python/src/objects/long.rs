//! `long`: arbitrary-precision integers (`10L`, or int results that overflow).

use crate::runtime::types;
use num_bigint::BigInt;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct LongObj {
    pub cls: Value,
    pub v: BigInt,
}
unsafe impl Trace for LongObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(LongObj, "long");

pub fn new_long(v: BigInt) -> Value {
    vmcore::gc::note_external_bytes((v.bits() / 8) as usize);
    alloc(LongObj { cls: types::long(), v }).as_value()
}

pub fn as_long(v: Value) -> Option<&'static BigInt> {
    let l = Gc::<LongObj>::downcast(super::instance::unwrap_base(v))?;
    // SAFETY: longs are immutable; live while the caller holds `v`.
    Some(unsafe { &*(&l.v as *const BigInt) })
}

/// An int if `v` fits 64 bits, else a long: the result of int arithmetic.
pub fn int_or_long(v: BigInt) -> Value {
    use num_traits::ToPrimitive;
    match v.to_i64() {
        Some(i) => super::int::new_int(i),
        None => new_long(v),
    }
}
