//! Comparisons and truth: `==`, `<`, `cmp`, `bool(x)`.
//!
//! Rich comparison methods first (reflected when the left one returns
//! NotImplemented), then `__cmp__`, then Python 2's default order for
//! unrelated types: None below everything, numbers below other objects,
//! otherwise by type name, then by address.

use crate::objects::numbers::{num_to_f64, to_num, Num};
use crate::objects::typeobj::type_name;
use crate::objects::{list, str as pystr, tuple};
use crate::runtime::errors::type_error;
use crate::runtime::{type_of, PyResult, NOT_IMPLEMENTED};
use num_bigint::BigInt;
use std::cmp::Ordering;
use vmcore::Value;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt, Le, Eq, Ne, Gt, Ge,
}

impl CmpOp {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
    pub fn holds(self, o: Ordering) -> bool {
        match self {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        }
    }
}

/// `a == b` as a Rust bool (dict keys, `in`, `list.index`): CPython's
/// `PyObject_RichCompareBool`, where identity implies equality (so a NaN
/// is found in a list holding that very object).
pub fn eq_bool(a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    truthy(compare(CmpOp::Eq, a, b)?)
}

fn cmp_nums(x: &Num, y: &Num) -> Option<Ordering> {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            // Exact comparison of int/long against float, as CPython does.
            match (x, y) {
                (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
                (Num::Float(a), other) => cmp_float_int(*a, other),
                (other, Num::Float(b)) => cmp_float_int(*b, other).map(|o| o.reverse()),
                _ => None,
            }
        }
        _ => Some(to_big(x).cmp(&to_big(y))),
    }
}

fn to_big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Long(b) => b.clone(),
        Num::Float(_) => BigInt::from(0),
    }
}

fn cmp_float_int(f: f64, n: &Num) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let Ok(g) = num_to_f64(n) {
        if g.abs() < 9.0e15 {
            return f.partial_cmp(&g);
        }
    }
    let fl = f.floor();
    let fb = BigInt::from(fl as i128);
    let nb = to_big(n);
    if f.abs() < 1.0e38 {
        return Some(match fb.cmp(&nb) {
            Ordering::Equal if f > fl => Ordering::Greater,
            o => o,
        });
    }
    Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less })
}

/// `a op b`, returning the (possibly non-bool) result.
pub fn compare(op: CmpOp, a: Value, b: Value) -> PyResult {
    if a.is_int() && b.is_int() {
        return Ok(Value::from_bool(op.holds(a.as_int().cmp(&b.as_int()))));
    }
    if let (Some(x), Some(y)) = (to_num(a), to_num(b)) {
        return Ok(Value::from_bool(match cmp_nums(&x, &y) {
            Some(o) => op.holds(o),
            None => op == CmpOp::Ne,
        }));
    }
    if let (Some(x), Some(y)) = (pystr::as_bytes(a), pystr::as_bytes(b)) {
        if type_of(a) == crate::runtime::types::str() && type_of(b) == crate::runtime::types::str() {
            return Ok(Value::from_bool(op.holds(x.cmp(y))));
        }
    }
    if let (Some(x), Some(y)) = (crate::objects::unicode::as_unicode(a), crate::objects::unicode::as_unicode(b)) {
        // Two exact unicode strings: compare code points without a method call.
        if type_of(a) == crate::runtime::types::unicode() && type_of(b) == crate::runtime::types::unicode() {
            return Ok(Value::from_bool(op.holds(x.cmp(y))));
        }
    }
    if let Some(r) = sequence_compare(op, a, b)? {
        return Ok(r);
    }
    rich_compare(op, a, b)
}

fn sequence_compare(op: CmpOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let _guard = crate::interp::state::enter_recursive(" in cmp")?;
    let (ta, tb) = (type_of(a), type_of(b));
    let pair = if ta == crate::runtime::types::tuple() && tb == ta {
        (tuple::as_tuple(a).map(|s| s.to_vec()), tuple::as_tuple(b).map(|s| s.to_vec()))
    } else if ta == crate::runtime::types::list() && tb == ta {
        (list::as_list(a).map(|l| l.v().clone()), list::as_list(b).map(|l| l.v().clone()))
    } else {
        return Ok(None);
    };
    let (Some(x), Some(y)) = pair else { return Ok(None) };
    let xs = vmcore::gc::RootedVec::from_vec(x);
    let ys = vmcore::gc::RootedVec::from_vec(y);
    for i in 0..xs.len().min(ys.len()) {
        if !eq_bool(xs[i], ys[i])? {
            return match op {
                CmpOp::Eq => Ok(Some(Value::FALSE)),
                CmpOp::Ne => Ok(Some(Value::TRUE)),
                _ => compare(op, xs[i], ys[i]).map(Some),
            };
        }
    }
    Ok(Some(Value::from_bool(op.holds(xs.len().cmp(&ys.len())))))
}

fn rich_compare(op: CmpOp, a: Value, b: Value) -> PyResult {
    let (name, rname) = op.names();
    let ta = type_of(a);
    let tb = type_of(b);
    let mut tried_reflected = false;
    if ta != tb && crate::objects::typeobj::is_subtype(tb, ta) {
        tried_reflected = true;
        if let Some(m) = super::lookup_special(b, rname) {
            let r = super::call(m, &[a], &[])?;
            if r != NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if let Some(m) = super::lookup_special(a, name) {
        if !is_object_default(m) {
            let r = super::call(m, &[b], &[])?;
            if r != NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    if !tried_reflected {
        if let Some(m) = super::lookup_special(b, rname) {
            if !is_object_default(m) {
                let r = super::call(m, &[a], &[])?;
                if r != NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
    }
    let o = cmp3(a, b)?;
    Ok(Value::from_bool(op.holds(o)))
}

fn is_object_default(m: Value) -> bool {
    crate::objects::function::as_builtin(m).is_some_and(|b| b.owner == crate::runtime::types::object())
}

/// Three-way comparison: `__cmp__`, then Python 2's default ordering.
pub fn cmp3(a: Value, b: Value) -> PyResult<Ordering> {
    if a == b {
        return Ok(Ordering::Equal);
    }
    for (x, y, flip) in [(a, b, false), (b, a, true)] {
        if let Some(m) = super::lookup_special(x, "__cmp__") {
            if !is_object_default(m) {
                let r = super::call(m, &[y], &[])?;
                if r != NOT_IMPLEMENTED {
                    let i = crate::objects::int::as_int(r).ok_or_else(|| type_error("comparison did not return an int"))?;
                    let o = i.cmp(&0);
                    return Ok(if flip { o.reverse() } else { o });
                }
            }
        }
    }
    let (ua, ub) = (crate::objects::instance::unwrap_base(a), crate::objects::instance::unwrap_base(b));
    if ua != a || ub != b {
        let r = compare(CmpOp::Lt, ua, ub)?;
        if truthy(r)? {
            return Ok(Ordering::Less);
        }
        return Ok(if eq_bool(ua, ub)? { Ordering::Equal } else { Ordering::Greater });
    }
    Ok(default_order(a, b))
}

/// Python 2's arbitrary but consistent order between unrelated objects.
fn default_order(a: Value, b: Value) -> Ordering {
    if a == Value::NONE {
        return Ordering::Less;
    }
    if b == Value::NONE {
        return Ordering::Greater;
    }
    let (na, nb) = (to_num(a).is_some(), to_num(b).is_some());
    if na != nb {
        return if na { Ordering::Less } else { Ordering::Greater };
    }
    let (ta, tb) = (type_of(a), type_of(b));
    if ta == tb {
        return a.0.cmp(&b.0);
    }
    let (sa, sb) = (if na { String::new() } else { type_name(a) }, if nb { String::new() } else { type_name(b) });
    match sa.cmp(&sb) {
        Ordering::Equal => ta.0.cmp(&tb.0),
        o => o,
    }
}

/// `bool(v)`.
#[inline]
pub fn truthy(v: Value) -> PyResult<bool> {
    if v == Value::TRUE {
        return Ok(true);
    }
    if v == Value::FALSE || v == Value::NONE {
        return Ok(false);
    }
    if v.is_int() {
        return Ok(v.as_int() != 0);
    }
    if let Some(n) = to_num(v) {
        return Ok(match n {
            Num::Int(i) => i != 0,
            Num::Long(b) => b != BigInt::from(0),
            Num::Float(f) => f != 0.0,
        });
    }
    if let Some(b) = pystr::as_bytes(v) {
        return Ok(!b.is_empty());
    }
    if let Some(l) = list::as_list(v) {
        if type_of(v) == crate::runtime::types::list() {
            return Ok(!l.v().is_empty());
        }
    }
    if let Some(t) = tuple::as_tuple(v) {
        if type_of(v) == crate::runtime::types::tuple() {
            return Ok(!t.is_empty());
        }
    }
    if let Some(d) = crate::objects::dict::as_dict(v) {
        if type_of(v) == crate::runtime::types::dict() {
            return Ok(!d.is_empty());
        }
    }
    if let Some(m) = super::lookup_special(v, "__nonzero__") {
        let r = super::call(m, &[], &[])?;
        return match r {
            Value::TRUE => Ok(true),
            Value::FALSE => Ok(false),
            _ => match crate::objects::int::as_int(r) {
                Some(i) => Ok(i != 0),
                None => Err(type_error(format!("__nonzero__ should return bool or int, returned {}", type_name(r)))),
            },
        };
    }
    if let Some(m) = super::lookup_special(v, "__len__") {
        let r = super::call(m, &[], &[])?;
        return Ok(crate::objects::int::as_int(r).ok_or_else(|| type_error("an integer is required"))? != 0);
    }
    let b = crate::objects::instance::unwrap_base(v);
    if b != v {
        return truthy(b);
    }
    Ok(true)
}

