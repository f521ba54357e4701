//! ISO error terms: `error(Formal, Context)` built in one place.

use crate::term::*;
use vmcore::Value;

/// Why a builtin or the machine stopped normally running.
#[derive(Debug, Clone, Copy)]
pub enum PErr {
    /// A Prolog exception with its ball.
    Throw(Value),
    /// halt/1 was called.
    Halt(i32),
}
pub type Res<T> = Result<T, PErr>;

pub fn err(formal: Value) -> PErr {
    PErr::Throw(mk("error", &[formal, new_var()]))
}
pub fn inst_err() -> PErr {
    err(atom("instantiation_error"))
}
pub fn type_err(kind: &str, culprit: Value) -> PErr {
    err(mk("type_error", &[atom(kind), culprit]))
}
pub fn domain_err(kind: &str, culprit: Value) -> PErr {
    err(mk("domain_error", &[atom(kind), culprit]))
}
pub fn existence_err(kind: &str, culprit: Value) -> PErr {
    err(mk("existence_error", &[atom(kind), culprit]))
}
pub fn permission_err(action: &str, kind: &str, culprit: Value) -> PErr {
    err(mk("permission_error", &[atom(action), atom(kind), culprit]))
}
pub fn repr_err(what: &str) -> PErr {
    err(mk("representation_error", &[atom(what)]))
}
pub fn eval_err(what: &str) -> PErr {
    err(mk("evaluation_error", &[atom(what)]))
}
pub fn syntax_err(msg: &str) -> PErr {
    err(mk("syntax_error", &[atom(msg)]))
}
pub fn resource_err(what: &str) -> PErr {
    err(mk("resource_error", &[atom(what)]))
}
/// Name/Arity as a term.
pub fn indicator(name: u32, arity: usize) -> Value {
    mk_compound(wk().slash_id, &[Value::symbol(name), Value::int_unchecked(arity as i64)])
}

/// Checks commonly needed by builtins: the dereferenced argument, or the ISO error.
pub fn need_atom(v: Value) -> Res<Value> {
    let v = deref(v);
    if v.is_symbol() {
        Ok(v)
    } else if is_var(v) {
        Err(inst_err())
    } else {
        Err(type_err("atom", v))
    }
}
pub fn need_int(v: Value) -> Res<Value> {
    let v = deref(v);
    if is_int(v) {
        Ok(v)
    } else if is_var(v) {
        Err(inst_err())
    } else {
        Err(type_err("integer", v))
    }
}
pub fn need_small_int(v: Value) -> Res<i64> {
    let v = need_int(v)?;
    if v.is_int() {
        Ok(v.as_int())
    } else {
        Err(repr_err("max_integer"))
    }
}
pub fn need_callable(v: Value) -> Res<Value> {
    let v = deref(v);
    if is_callable(v) {
        Ok(v)
    } else if is_var(v) {
        Err(inst_err())
    } else {
        Err(type_err("callable", v))
    }
}
pub fn need_nonvar(v: Value) -> Res<Value> {
    let v = deref(v);
    if is_var(v) {
        Err(inst_err())
    } else {
        Ok(v)
    }
}
/// A proper list's elements, with instantiation/type errors as ISO wants.
pub fn need_list(v: Value) -> Res<Vec<Value>> {
    match list_to_vec(v) {
        Ok(xs) => Ok(xs),
        Err(ListErr::Partial) => Err(inst_err()),
        Err(ListErr::NotList) => Err(type_err("list", deref(v))),
    }
}
