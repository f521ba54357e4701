//! Big integers on the heap.
//!
//! Arithmetic comes from the `num-bigint` crate (chosen by measurement against
//! malachite; see docs/architecture.md). Frontends keep integers that fit a
//! small-int `Value` unboxed and move to `BigInt` only on overflow; results are
//! normalised back with `BigInt::into_value`.

use crate::gc::{alloc, Gc, Trace, Tracer};
use crate::value::Value;
pub use num_bigint::BigInt as Int;
use num_traits::ToPrimitive;

pub struct BigInt {
    pub n: Int,
}
unsafe impl Trace for BigInt {
    fn trace(&self, _: &mut Tracer) {}
}
crate::gc_type!(BigInt, "bigint");

impl BigInt {
    pub fn new(n: Int) -> Gc<BigInt> {
        crate::gc::note_external_bytes(n.bits() as usize / 8);
        alloc(BigInt { n })
    }
    /// A small-int Value when `n` fits, else a boxed BigInt.
    pub fn into_value(n: Int) -> Value {
        match n.to_i64().and_then(Value::try_int) {
            Some(v) => v,
            None => BigInt::new(n).as_value(),
        }
    }
}
