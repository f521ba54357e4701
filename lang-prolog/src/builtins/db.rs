//! Database builtins: assert/asserta/assertz, retract (with the prelude),
//! retractall, abolish, dynamic, and the clause-reference primitives.

use crate::engine::db::{compile_clause, ClauseRef, Kind};
use crate::engine::*;
use crate::term::*;
use std::rc::Rc;
use vmcore::gc::Gc;
use vmcore::object::symbol::name;
use vmcore::Value;

/// Splits `H :- B` (or a fact) and checks it for assert.
pub fn split_clause(c: Value) -> Res<(Value, Value)> {
    let c = deref(c);
    if is_var(c) {
        return Err(inst_err());
    }
    let (h, b) = match functor_of(c) {
        Some((f, 2)) if f == wk().neck_id => (deref(arg(c, 0)), deref(arg(c, 1))),
        _ => (c, wk().true_),
    };
    if is_var(h) {
        return Err(inst_err());
    }
    if !is_callable(h) {
        return Err(type_err("callable", h));
    }
    check_body(b)?;
    Ok((h, b))
}

fn check_body(b: Value) -> Res<()> {
    let mut stack = vec![b];
    while let Some(x) = stack.pop() {
        let x = deref(x);
        if is_var(x) {
            continue;
        }
        if let Some((f, 2)) = functor_of(x) {
            if matches!(name(f), "," | ";" | "->" | "*->") {
                stack.push(arg(x, 0));
                stack.push(arg(x, 1));
                continue;
            }
        }
        if !is_callable(x) {
            return Err(type_err("callable", b));
        }
    }
    Ok(())
}

pub fn head_key(h: Value) -> (u32, usize) {
    if h.is_symbol() {
        (h.symbol_id(), 0)
    } else {
        functor_of(h).unwrap()
    }
}

fn assert_clause(e: &mut Engine, c: Value, at_end: bool) -> Res<bool> {
    let (h, b) = split_clause(c)?;
    let (f, n) = head_key(h);
    let pid = e.pred_id(f, n);
    let p = &mut e.preds[pid];
    if p.is_builtin() || (p.defined && !p.dynamic) {
        return Err(permission_err("modify", "static_procedure", errors::indicator(f, n)));
    }
    p.dynamic = true;
    let cl = compile_clause(h, b);
    e.add_clause(pid, cl, at_end);
    Ok(true)
}

pub fn bi_assertz(e: &mut Engine, a: &[Value]) -> Res<bool> {
    assert_clause(e, a[0], true)
}
pub fn bi_asserta(e: &mut Engine, a: &[Value]) -> Res<bool> {
    assert_clause(e, a[0], false)
}

pub fn bi_erase(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let r = deref(a[0]);
    let cr = Gc::<ClauseRef>::downcast(r).ok_or_else(|| type_err("db_reference", r))?;
    let (pred, c) = (cr.pred, cr.clause.clone());
    if c.erased.get() {
        return Ok(false);
    }
    e.erase_clause(pred, &c);
    Ok(true)
}

/// Checks clause/2 and retract/1 arguments: the head must be a callable
/// user predicate (not a builtin).
pub fn bi_check_access(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let h = deref(a[0]);
    if is_var(h) {
        return Err(inst_err());
    }
    if !is_callable(h) {
        return Err(type_err("callable", h));
    }
    let b = deref(a[1]);
    if !is_var(b) && !is_callable(b) {
        return Err(type_err("callable", b));
    }
    let (f, n) = head_key(h);
    if let Some(pid) = e.lookup_pred(f, n) {
        let p = &e.preds[pid];
        if p.is_builtin() || p.library && !p.dynamic {
            let what = deref(a[2]);
            let modify = what.is_symbol() && atom_name(what) == "modify";
            return Err(if modify {
                permission_err("modify", "static_procedure", errors::indicator(f, n))
            } else {
                permission_err("access", "private_procedure", errors::indicator(f, n))
            });
        }
    }
    Ok(true)
}

pub fn bi_retractall(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let h = deref(a[0]);
    if is_var(h) {
        return Err(inst_err());
    }
    if !is_callable(h) {
        return Err(type_err("callable", h));
    }
    let (f, n) = head_key(h);
    let pid = e.pred_id(f, n);
    {
        let p = &mut e.preds[pid];
        if p.is_builtin() || (p.defined && !p.dynamic) {
            return Err(permission_err("modify", "static_procedure", errors::indicator(f, n)));
        }
        p.dynamic = true;
        p.defined = true;
    }
    let snap = e.preds[pid].clauses.clone();
    let hb = e.hb;
    e.hb = u64::MAX;
    let mut dead = Vec::new();
    for c in snap.iter() {
        let mark = e.trail.len();
        e.env.clear();
        e.env.resize(c.nvars, Value::EMPTY);
        if e.unify_head(c.head, h) {
            dead.push(c.clone());
        }
        e.undo_to(mark);
    }
    e.hb = hb;
    if dead.len() == snap.len() {
        e.clear_clauses(pid);
    } else {
        for c in dead {
            e.erase_clause(pid, &c);
        }
    }
    Ok(true)
}

pub fn bi_abolish(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let pi = deref(a[0]);
    if is_var(pi) {
        return Err(inst_err());
    }
    let (nm, ar) = match functor_of(pi) {
        Some((f, 2)) if f == wk().slash_id => (deref(arg(pi, 0)), deref(arg(pi, 1))),
        _ => return Err(type_err("predicate_indicator", pi)),
    };
    if is_var(nm) || is_var(ar) {
        return Err(inst_err());
    }
    if !nm.is_symbol() {
        return Err(type_err("atom", nm));
    }
    let ar = need_int(ar)?;
    if ar.as_int() < 0 {
        return Err(domain_err("not_less_than_zero", ar));
    }
    if let Some(pid) = e.lookup_pred(nm.symbol_id(), ar.as_int() as usize) {
        let p = &mut e.preds[pid];
        if p.is_builtin() || !p.dynamic && p.defined {
            return Err(permission_err("modify", "static_procedure", pi));
        }
        p.defined = false;
        p.dynamic = false;
        e.clear_clauses(pid);
    }
    Ok(true)
}

/// dynamic/1 and discontiguous/1 take `a/1, b/2` or a list.
fn for_each_pi(v: Value, f: &mut dyn FnMut(u32, usize) -> Res<()>) -> Res<()> {
    let v = deref(v);
    if is_var(v) {
        return Err(inst_err());
    }
    if let Some((c, 2)) = functor_of(v) {
        if c == wk().comma_id {
            for_each_pi(arg(v, 0), f)?;
            return for_each_pi(arg(v, 1), f);
        }
        if c == wk().dot_id {
            for x in need_list(v)? {
                for_each_pi(x, f)?;
            }
            return Ok(());
        }
        if c == wk().slash_id || name(c) == "//" {
            let n = need_atom(arg(v, 0))?;
            let a = need_small_int(arg(v, 1))? as usize + if name(c) == "//" { 2 } else { 0 };
            return f(n.symbol_id(), a);
        }
    }
    if v == wk().nil {
        return Ok(());
    }
    Err(type_err("predicate_indicator", v))
}

pub fn bi_dynamic(e: &mut Engine, a: &[Value]) -> Res<bool> {
    for_each_pi(a[0], &mut |n, ar| {
        let pid = e.pred_id(n, ar);
        let p = &mut e.preds[pid];
        if p.is_builtin() {
            return Err(permission_err("modify", "static_procedure", errors::indicator(n, ar)));
        }
        if p.library && !p.user_defined {
            p.clauses = Rc::new(Vec::new());
            p.gen += 1;
            p.index = None;
            p.library = false;
        }
        p.dynamic = true;
        p.defined = true;
        Ok(())
    })?;
    Ok(true)
}
pub fn bi_discontiguous(_: &mut Engine, a: &[Value]) -> Res<bool> {
    for_each_pi(a[0], &mut |_, _| Ok(()))?;
    Ok(true)
}

/// current_predicate(Name/Arity): user-visible predicates with clauses.
pub fn nd_current_predicate(e: &mut Engine, a: &[Value]) -> Res<Vec<Vec<Value>>> {
    let pi = deref(a[0]);
    if !is_var(pi) && !matches!(functor_of(pi), Some((f, 2)) if f == wk().slash_id) {
        return Err(type_err("predicate_indicator", pi));
    }
    let mut sols = Vec::new();
    let mut keep = vmcore::gc::RootedVec::new();
    for p in &e.preds {
        if matches!(p.kind, Kind::Clauses) && !p.library && (p.defined && (p.dynamic || !p.clauses.is_empty())) {
            let pi = errors::indicator(p.name, p.arity);
            keep.push(pi);
            sols.push(vec![pi]);
        }
    }
    Ok(sols)
}

/// predicate_property(Head, Prop) for the common properties (dynamic, defined, built_in).
pub fn nd_predicate_property(e: &mut Engine, a: &[Value]) -> Res<Vec<Vec<Value>>> {
    let h = deref(a[0]);
    if is_var(h) {
        return Ok(vec![]);
    }
    let h = if let Some((f, 2)) = functor_of(h) { if name(f) == ":" { deref(arg(h, 1)) } else { h } } else { h };
    if !is_callable(h) {
        return Ok(vec![]);
    }
    let (f, n) = head_key(h);
    let mut sols = Vec::new();
    if let Some(pid) = e.lookup_pred(f, n) {
        let p = &e.preds[pid];
        if p.is_builtin() || p.defined {
            sols.push(vec![h, atom("defined")]);
            sols.push(vec![h, atom("visible")]);
        }
        if p.is_builtin() || p.library {
            sols.push(vec![h, atom("built_in")]);
            sols.push(vec![h, atom("static")]);
        } else if p.dynamic {
            sols.push(vec![h, atom("dynamic")]);
        } else if p.defined {
            sols.push(vec![h, atom("static")]);
        }
        if p.defined && !p.is_builtin() {
            sols.push(vec![h, mk("number_of_clauses", &[Value::int_unchecked(p.clauses.len() as i64)])]);
        }
    }
    Ok(sols)
}
