//! `+` and `*` on the builtin sequences (str, list, tuple).

use super::{list, str as pystr, tuple};
use crate::objects::typeobj::type_name;
use crate::ops::BinOp;
use crate::runtime::errors::{memory_error, type_error};
use crate::runtime::{type_of, types, PyResult, NOT_IMPLEMENTED};
use vmcore::Value;

fn repeat_count(n: Value, seq: Value) -> PyResult<Option<usize>> {
    let _ = seq;
    if let Some(b) = crate::objects::long::as_long(n) {
        // A long count must still fit a C index.
        use num_traits::ToPrimitive;
        let k = b.to_i64().ok_or_else(|| crate::runtime::errors::overflow_error("cannot fit 'long' into an index-sized integer"))?;
        return Ok(Some(k.max(0) as usize));
    }
    if let Some(k) = crate::objects::int::as_int(n) {
        return Ok(Some(k.max(0) as usize));
    }
    // A user object may answer with `__rmul__` (or be an index): let the
    // special-method path try it. Anything else is CPython's sequence error.
    let user = crate::objects::instance::as_instance(n).is_some() || crate::objects::classobj::as_classic_instance(n).is_some();
    if user && (crate::ops::lookup_special(n, "__rmul__").is_some() || crate::ops::lookup_special(n, "__index__").is_some()) {
        return Ok(None);
    }
    Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(n))))
}

/// True when `a * seq` must first ask `a`: a left operand that is not a
/// number but has its own `__mul__` (an array, a user class) answers before
/// the builtin sequence on the right repeats itself, as CPython's
/// nb_multiply slots come before sq_repeat.
pub fn left_repeats_itself(a: Value) -> bool {
    let seqs = [types::str(), types::unicode(), types::list(), types::tuple()];
    !seqs.contains(&type_of(a)) && !a.is_int() && super::numbers::to_num(a).is_none() && crate::ops::lookup_special(a, "__mul__").is_some()
}

/// Sequence `+`/`*`, or NotImplemented.
pub fn sequence_binop(op: BinOp, a: Value, b: Value) -> PyResult {
    let (ta, tb) = (type_of(a), type_of(b));
    match op {
        BinOp::Add if ta == types::str() && tb == types::str() => {
            let (x, y) = (pystr::as_bytes(a).expect("str"), pystr::as_bytes(b).expect("str"));
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            Ok(pystr::new_str_owned(v))
        }
        BinOp::Add if ta == types::list() && tb == types::list() => {
            let mut v = list::as_list(a).expect("list").v().clone();
            v.extend_from_slice(list::as_list(b).expect("list").v());
            Ok(list::new_list(v))
        }
        BinOp::Add if ta == types::tuple() && tb == types::tuple() => {
            let mut v = tuple::as_tuple(a).expect("tuple").to_vec();
            v.extend_from_slice(tuple::as_tuple(b).expect("tuple"));
            Ok(tuple::new_tuple(v))
        }
        BinOp::Add if ta == types::list() || ta == types::tuple() => Err(type_error(format!(
            "can only concatenate {} (not \"{}\") to {}",
            type_name(a),
            type_name(b),
            type_name(a)
        ))),
        BinOp::Add if ta == types::str() && tb != types::unicode() => Err(type_error(format!(
            "cannot concatenate 'str' and '{}' objects",
            type_name(b)
        ))),
        BinOp::Mul if left_repeats_itself(a) => Ok(NOT_IMPLEMENTED),
        BinOp::Mul => {
            let (seq, n) = if [types::str(), types::list(), types::tuple()].contains(&ta) { (a, b) } else if [types::str(), types::list(), types::tuple()].contains(&tb) { (b, a) } else { return Ok(NOT_IMPLEMENTED) };
            let Some(k) = repeat_count(n, seq)? else { return Ok(NOT_IMPLEMENTED) };
            let t = type_of(seq);
            let unit = crate::ops::len(seq)?;
            if unit.checked_mul(k).is_none_or(|total| total > (1usize << 40)) {
                return Err(memory_error(""));
            }
            if t == types::str() {
                Ok(pystr::new_str_owned(pystr::as_bytes(seq).expect("str").repeat(k)))
            } else if t == types::list() {
                Ok(list::new_list(list::as_list(seq).expect("list").v().repeat(k)))
            } else {
                Ok(tuple::new_tuple(tuple::as_tuple(seq).expect("tuple").repeat(k)))
            }
        }
        _ => Ok(NOT_IMPLEMENTED),
    }
}
