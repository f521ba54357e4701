//! Arithmetic operators: `a + b`, `-a`, `a += b`.
//!
//! Numbers are handled natively (int overflow to long, int/float mixing,
//! true vs floor division); sequences natively for `+` and `*`. Everything
//! else goes through special methods with CPython's order: the right
//! operand's reflected method first when its type is a proper subclass of
//! the left's, then `__op__`, then `__rop__`.

use crate::objects::numbers;
use crate::objects::typeobj::{is_subtype, type_name};
use crate::runtime::errors::type_error;
use crate::runtime::{type_of, PyResult, NOT_IMPLEMENTED};
use vmcore::Value;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add, Sub, Mul, Div, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+", Sub => "-", Mul => "*", Div | TrueDiv => "/", FloorDiv => "//", Mod => "%",
            Pow => "** or pow()", LShift => "<<", RShift => ">>", And => "&", Or => "|", Xor => "^",
        }
    }
    fn names(self) -> (&'static str, &'static str, &'static str) {
        use BinOp::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            Div => ("__div__", "__rdiv__", "__idiv__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            And => ("__and__", "__rand__", "__iand__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg, Pos, Invert, Not,
}

/// `a op b`.
#[inline]
pub fn binop(op: BinOp, a: Value, b: Value) -> PyResult {
    // Fast path: small ints.
    if a.is_int() && b.is_int() {
        let (x, y) = (a.as_int(), b.as_int());
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(crate::objects::int::new_int(r));
        }
    }
    // bool & bool (and | ^) stays a bool.
    if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) && is_bool(a) && is_bool(b) {
        let (p, q) = (a == Value::TRUE, b == Value::TRUE);
        return Ok(Value::from_bool(match op {
            BinOp::And => p & q,
            BinOp::Or => p | q,
            _ => p ^ q,
        }));
    }
    // Fast path: floats (and float with small int), the other hot case.
    if let Some((x, y)) = float_pair(a, b) {
        let r = match op {
            BinOp::Add => Some(x + y),
            BinOp::Sub => Some(x - y),
            BinOp::Mul => Some(x * y),
            BinOp::Div | BinOp::TrueDiv if y != 0.0 => Some(x / y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(crate::objects::float::new_float(r));
        }
    }
    let r = native_binop(op, a, b)?;
    if r != NOT_IMPLEMENTED {
        return Ok(r);
    }
    if op == BinOp::Mul {
        if let Some(e) = sequence_repeat_error(a, b) {
            return Err(e);
        }
    }
    let r = dunder_binop(op, a, b)?;
    if r != NOT_IMPLEMENTED {
        return Ok(r);
    }
    Err(unsupported(op, a, b))
}

/// Both operands as doubles when one is an exact float and the other an
/// exact float or small int.
#[inline(always)]
fn float_pair(a: Value, b: Value) -> Option<(f64, f64)> {
    use crate::objects::float::FloatObj;
    use vmcore::gc::Gc;
    match (Gc::<FloatObj>::downcast(a), Gc::<FloatObj>::downcast(b)) {
        (Some(x), Some(y)) if x.cls == crate::runtime::types::float() && y.cls == crate::runtime::types::float() => Some((x.v, y.v)),
        (Some(x), None) if b.is_int() && x.cls == crate::runtime::types::float() => Some((x.v, b.as_int() as f64)),
        (None, Some(y)) if a.is_int() && y.cls == crate::runtime::types::float() => Some((a.as_int() as f64, y.v)),
        _ => None,
    }
}

#[cold]
fn unsupported(op: BinOp, a: Value, b: Value) -> crate::runtime::PyErr {
    // A sequence times a non-integer: CPython's sq_repeat message.
    if op == BinOp::Mul {
        let seqs = [crate::runtime::types::str(), crate::runtime::types::unicode(), crate::runtime::types::list(), crate::runtime::types::tuple()];
        if seqs.contains(&type_of(a)) {
            return type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(b)));
        }
        if seqs.contains(&type_of(b)) {
            return type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(a)));
        }
    }
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

/// `a op= b`: `__iop__` first, then the plain operator.
pub fn inplace_op(op: BinOp, a: Value, b: Value) -> PyResult {
    if a.is_int() || numbers::to_num(a).is_some() {
        return binop(op, a, b);
    }
    if op == BinOp::Add || op == BinOp::Mul {
        if let Some(l) = crate::objects::list::as_list(a) {
            if crate::runtime::type_of(a) == crate::runtime::types::list() {
                if op == BinOp::Add {
                    let items = super::to_vec(b)?;
                    l.v().extend(items);
                } else {
                    let n = crate::objects::int::as_int(b).ok_or_else(|| type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(b))))?;
                    let cur = l.v().clone();
                    l.v().clear();
                    for _ in 0..n.max(0) {
                        l.v().extend_from_slice(&cur);
                    }
                }
                return Ok(a);
            }
        }
    }
    let (_, _, iname) = op.names();
    if let Some(m) = super::lookup_special(a, iname) {
        let r = super::call(m, &[b], &[])?;
        if r != NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    binop(op, a, b)
}

fn native_binop(op: BinOp, a: Value, b: Value) -> PyResult {
    if let (Some(x), Some(y)) = (numbers::to_num(a), numbers::to_num(b)) {
        return numbers::arith(op, x, y);
    }
    crate::objects::seq_ops::sequence_binop(op, a, b)
}

fn dunder_binop(op: BinOp, a: Value, b: Value) -> PyResult {
    let (name, rname, _) = op.names();
    let ta = type_of(a);
    let tb = type_of(b);
    let classic = crate::objects::classobj::as_classic_instance(a).is_some() || crate::objects::classobj::as_classic_instance(b).is_some();
    if !classic && ta != tb && is_subtype(tb, ta) {
        if let Some(m) = super::lookup_special(b, rname) {
            let r = super::call(m, &[a], &[])?;
            if r != NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if let Some(m) = super::lookup_special(a, name) {
        if !is_native_number(a) {
            let r = super::call(m, &[b], &[])?;
            if r != NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if ta != tb || classic {
        if let Some(m) = super::lookup_special(b, rname) {
            if !is_native_number(b) {
                let r = super::call(m, &[a], &[])?;
                if r != NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
    }
    // A subclass of a builtin number whose class defines nothing: use the base value.
    let (ua, ub) = (crate::objects::instance::unwrap_base(a), crate::objects::instance::unwrap_base(b));
    if ua != a || ub != b {
        let r = native_binop(op, ua, ub)?;
        if r != NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    Ok(NOT_IMPLEMENTED)
}

fn is_bool(v: Value) -> bool {
    v == Value::TRUE || v == Value::FALSE
}

/// `seq * x` with a builtin sequence and a builtin non-integer `x`: CPython's
/// operator reports "can't multiply sequence" before any method is tried.
fn sequence_repeat_error(a: Value, b: Value) -> Option<crate::runtime::PyErr> {
    use crate::runtime::types;
    let seqs = [types::str(), types::unicode(), types::list(), types::tuple()];
    let (ta, tb) = (type_of(a), type_of(b));
    let (seq, other) = if seqs.contains(&ta) { (a, b) } else if seqs.contains(&tb) && !crate::objects::seq_ops::left_repeats_itself(a) { (b, a) } else { return None };
    let _ = seq;
    let to = type_of(other);
    let user_type = crate::objects::typeobj::as_type(to).is_none_or(|t| t.has_flag(crate::objects::typeobj::HEAPTYPE));
    let is_index = crate::objects::int::as_int(other).is_some() || crate::objects::long::as_long(other).is_some();
    if user_type || is_index || crate::objects::classobj::as_classic_instance(other).is_some() {
        return None;
    }
    Some(unsupported(BinOp::Mul, a, b))
}

fn is_native_number(v: Value) -> bool {
    v.is_int() || numbers::to_num(v).is_some()
}


/// `-a`, `+a`, `~a`, `not a`.
pub fn unaryop(op: UnaryOp, a: Value) -> PyResult {
    if op == UnaryOp::Not {
        return Ok(Value::from_bool(!super::truthy(a)?));
    }
    if let Some(n) = numbers::to_num(a) {
        return numbers::unary(op, n);
    }
    let name = match op {
        UnaryOp::Neg => "__neg__",
        UnaryOp::Pos => "__pos__",
        UnaryOp::Invert => "__invert__",
        UnaryOp::Not => unreachable!("handled above"),
    };
    if let Some(m) = super::lookup_special(a, name) {
        return super::call(m, &[], &[]);
    }
    let b = crate::objects::instance::unwrap_base(a);
    if b != a {
        if let Some(n) = numbers::to_num(b) {
            return numbers::unary(op, n);
        }
    }
    let sym = match op {
        UnaryOp::Neg => "unary -",
        UnaryOp::Pos => "unary +",
        _ => "unary ~",
    };
    Err(type_error(format!("bad operand type for {sym}: '{}'", type_name(a))))
}

