//! The object protocols: what `getattr`, calls, `hash`, `==`, `+`, `repr`,
//! iteration mean for any Python value. The interpreter's handlers and the
//! builtins call these; each protocol is written once, here.
//!
//! Fast paths for builtin types come first (they are what hot code hits),
//! then the general rule (special methods looked up on the type).

mod arith;
mod attr;
mod call;
mod compare;
mod iter;
mod repr;

pub use arith::{binop, inplace_op, unaryop, BinOp, UnaryOp};
pub use attr::{bind as bind_descriptor, delattr, generic_delattr, generic_getattr, generic_setattr, getattr, getattr_opt, lookup_special, no_attribute, setattr};
pub use call::{call, call_method, exception_matches};
pub use compare::{cmp3, compare, eq_bool, truthy, CmpOp};
pub use iter::{contains, getitem, iter, len, next, setitem, delitem, to_vec};
pub use repr::{repr, str_bytes, to_str, repr_bytes};

use crate::objects::{classobj, str::StrObj};
use crate::runtime::{errors::type_error, type_of, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

/// The class of an object for exception matching and `__class__`:
/// for classic instances their class, else their type.
pub fn class_of(v: Value) -> Value {
    if let Some(i) = classobj::as_classic_instance(v) {
        return i.class.get();
    }
    type_of(v)
}

/// Python's `hash(v)`.
pub fn hash(v: Value) -> PyResult<i64> {
    if v.is_int() {
        let i = v.as_int();
        return Ok(if i == -1 { -2 } else { i });
    }
    if let Some(s) = Gc::<StrObj>::downcast(v) {
        return Ok(s.hash());
    }
    crate::objects::numbers::hash_number(v).unwrap_or_else(|| hash_slow(v))
}

fn hash_slow(v: Value) -> PyResult<i64> {
    if v == Value::NONE || v == Value::TRUE || v == Value::FALSE || !v.is_ptr() {
        return Ok(v.0 as i64 >> 3);
    }
    if type_of(v) == crate::runtime::types::tuple() {
        if let Some(items) = crate::objects::tuple::as_tuple(v) {
            return tuple_hash(items);
        }
    }
    if let Some(u) = crate::objects::unicode::as_unicode(v) {
        return Ok(crate::objects::unicode::hash_chars(u));
    }
    if let Some(h) = lookup_special(v, "__hash__") {
        if h == Value::NONE {
            return Err(type_error(format!("unhashable type: '{}'", crate::objects::typeobj::type_name(v))));
        }
        let r = call(h, &[], &[])?;
        return crate::objects::int::as_int(r).map(|i| if i == -1 { -2 } else { i }).ok_or_else(|| type_error("an integer is required"));
    }
    // Identity hash, as CPython's _Py_HashPointer: the address rotated by 4 bits.
    let p = v.0;
    let h = ((p >> 4) | (p << 60)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

pub fn tuple_hash(items: &[Value]) -> PyResult<i64> {
    // CPython does not limit hashing depth; we only refuse to overflow the native stack.
    if crate::interp::state::stack_low() {
        return Err(crate::runtime::errors::runtime_error("maximum recursion depth exceeded"));
    }
    let mut x: i64 = 0x345678;
    let mut mult: i64 = 1_000_003;
    let mut len = items.len() as i64;
    for &it in items {
        len -= 1;
        let y = hash(it)?;
        x = (x ^ y).wrapping_mul(mult);
        mult = mult.wrapping_add(82520 + len + len);
    }
    x = x.wrapping_add(97531);
    Ok(if x == -1 { -2 } else { x })
}

/// The interned str for an attribute or variable name.
pub fn name(s: &str) -> Value {
    crate::objects::str::intern(s)
}
