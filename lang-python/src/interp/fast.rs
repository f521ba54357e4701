//! The dispatch loop's inline fast paths, as CPython's ceval has them:
//! small-int arithmetic and comparison, and list/tuple indexing by a small
//! int. Each returns None when its case does not apply, and the loop then
//! calls the general protocol in `ops` (which handles every case again, so
//! these only save the call).

use crate::ops::{BinOp, CmpOp};
use crate::objects::{list::ListObj, tuple::TupleObj};
use crate::runtime::types::{self, type_of};
use vmcore::gc::Gc;
use vmcore::Value;

#[inline(always)]
pub fn int_binop(op: BinOp, a: Value, b: Value) -> Option<Value> {
    if !(a.is_int() && b.is_int()) {
        return None;
    }
    let (x, y) = (a.as_int(), b.as_int());
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        _ => return None,
    };
    Value::try_int(r)
}

#[inline(always)]
pub fn int_compare(op: CmpOp, a: Value, b: Value) -> Option<Value> {
    if a.is_int() && b.is_int() {
        Some(Value::from_bool(op.holds(a.as_int().cmp(&b.as_int()))))
    } else {
        None
    }
}

/// `seq[i]` for an exact list or tuple and an in-range small int.
#[inline(always)]
pub fn subscr(seq: Value, i: Value) -> Option<Value> {
    if !i.is_int() || !seq.is_ptr() {
        return None;
    }
    let t = type_of(seq);
    let at = |items: &[Value]| {
        let k = i.as_int();
        let k = if k < 0 { k + items.len() as i64 } else { k };
        items.get(usize::try_from(k).ok()?).copied()
    };
    if t == types::list() {
        at(Gc::<ListObj>::downcast(seq)?.v())
    } else if t == types::tuple() {
        at(Gc::<TupleObj>::downcast(seq)?.items())
    } else {
        None
    }
}

/// `list[i] = v` for an exact list and an in-range small int; false when
/// the general path must run.
#[inline(always)]
pub fn store_subscr(seq: Value, i: Value, v: Value) -> bool {
    if !i.is_int() || !seq.is_ptr() || type_of(seq) != types::list() {
        return false;
    }
    let Some(l) = Gc::<ListObj>::downcast(seq) else { return false };
    let items = l.v();
    let k = i.as_int();
    let k = if k < 0 { k + items.len() as i64 } else { k };
    match usize::try_from(k).ok().and_then(|k| items.get_mut(k)) {
        Some(slot) => {
            *slot = v;
            true
        }
        None => false,
    }
}
