//! Type tests, unification and comparison builtins, term construction and
//! inspection (functor/3, arg/3, =../2, copy_term/2), and sorting.

use crate::engine::unify::{compare, copy_term, is_ground, term_variables};
use crate::engine::*;
use crate::term::*;
use std::cmp::Ordering;
use vmcore::gc::RootedVec;
use vmcore::object::symbol::name;
use vmcore::Value;

pub fn bi_var(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_var(deref(a[0])))
}
pub fn bi_nonvar(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(!is_var(deref(a[0])))
}
pub fn bi_atom(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(deref(a[0]).is_symbol())
}
pub fn bi_number(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_number(deref(a[0])))
}
pub fn bi_integer(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_int(deref(a[0])))
}
pub fn bi_float(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_float(deref(a[0])))
}
pub fn bi_atomic(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_atomic(deref(a[0])))
}
pub fn bi_compound(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_compound(deref(a[0])))
}
pub fn bi_callable(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_callable(deref(a[0])))
}
pub fn bi_is_list(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(list_to_vec(a[0]).is_ok())
}
pub fn bi_ground(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(is_ground(a[0]))
}
pub fn bi_unify(e: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(e.unify(a[0], a[1]))
}
pub fn bi_not_unify(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let mark = e.trail.len();
    let hb = e.hb;
    e.hb = u64::MAX; // trail everything so the attempt can be undone
    let r = e.unify(a[0], a[1]);
    e.undo_to(mark);
    e.hb = hb;
    Ok(!r)
}
pub fn bi_unify_oc(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let saved = e.occurs_check;
    e.occurs_check = true;
    let r = e.unify(a[0], a[1]);
    e.occurs_check = saved;
    Ok(r)
}
pub fn bi_eq(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare(a[0], a[1]) == Ordering::Equal)
}
pub fn bi_neq(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare(a[0], a[1]) != Ordering::Equal)
}
pub fn bi_lt(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare(a[0], a[1]) == Ordering::Less)
}
pub fn bi_gt(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare(a[0], a[1]) == Ordering::Greater)
}
pub fn bi_le(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare(a[0], a[1]) != Ordering::Greater)
}
pub fn bi_ge(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare(a[0], a[1]) != Ordering::Less)
}
fn order_atom(o: Ordering) -> Value {
    atom(match o {
        Ordering::Less => "<",
        Ordering::Equal => "=",
        Ordering::Greater => ">",
    })
}
pub fn bi_compare(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let o = deref(a[0]);
    if !is_var(o) {
        if !o.is_symbol() {
            return Err(type_err("atom", o));
        }
        if !matches!(atom_name(o), "<" | "=" | ">") {
            return Err(domain_err("order", o));
        }
    }
    let r = order_atom(compare(a[1], a[2]));
    Ok(e.unify(o, r))
}

pub fn bi_functor(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = deref(a[0]);
    if !is_var(t) {
        let (n, ar) = if let Some((f, n)) = functor_of(t) { (Value::symbol(f), n) } else { (t, 0) };
        return Ok(e.unify(a[1], n) && e.unify(a[2], Value::int_unchecked(ar as i64)));
    }
    let n = deref(a[1]);
    let ar = deref(a[2]);
    if is_var(n) || is_var(ar) {
        return Err(inst_err());
    }
    let ar = need_int(ar)?;
    if !ar.is_int() {
        return Err(resource_err("memory"));
    }
    let k = ar.as_int();
    if k < 0 {
        return Err(domain_err("not_less_than_zero", ar));
    }
    if k == 0 {
        if !is_atomic(n) {
            return Err(type_err("atomic", n));
        }
        return Ok(e.unify(t, n));
    }
    if is_compound(n) {
        return Err(type_err("atomic", n));
    }
    if !n.is_symbol() {
        return Err(type_err("atom", n));
    }
    let mut args = RootedVec::new();
    for _ in 0..k {
        args.push(new_var());
    }
    let s = mk_compound(n.symbol_id(), &args);
    Ok(e.unify(t, s))
}

pub fn bi_arg(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let n = deref(a[0]);
    let t = deref(a[1]);
    if is_var(t) {
        return Err(inst_err());
    }
    if !is_compound(t) {
        return Err(type_err("compound", t));
    }
    if is_var(n) {
        return Err(inst_err()); // nondeterministic arg/3 is provided by the prelude
    }
    let n = need_int(n)?;
    if !n.is_int() {
        return Ok(false);
    }
    let i = n.as_int();
    if i < 0 {
        return Err(domain_err("not_less_than_zero", n));
    }
    let (_, ar) = functor_of(t).unwrap();
    if i == 0 || i as usize > ar {
        return Ok(false);
    }
    Ok(e.unify(a[2], arg(t, i as usize - 1)))
}

pub fn bi_univ(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = deref(a[0]);
    if !is_var(t) {
        let l = if let Some((f, n)) = functor_of(t) {
            let mut items = vec![Value::symbol(f)];
            for i in 0..n {
                items.push(arg(t, i));
            }
            mk_list(&items, wk().nil)
        } else {
            mk_list(&[t], wk().nil)
        };
        return Ok(e.unify(a[1], l));
    }
    let items = need_list(a[1])?;
    if items.is_empty() {
        return Err(domain_err("non_empty_list", wk().nil));
    }
    let h = deref(items[0]);
    if is_var(h) {
        return Err(inst_err());
    }
    if items.len() == 1 {
        if is_compound(h) {
            return Err(type_err("atomic", h));
        }
        return Ok(e.unify(t, h));
    }
    if !h.is_symbol() {
        if is_compound(h) {
            return Err(type_err("atomic", h));
        }
        return Err(type_err("atom", h));
    }
    let s = mk_compound(h.symbol_id(), &items[1..]);
    Ok(e.unify(t, s))
}

pub fn bi_copy_term(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let c = copy_term(a[0]);
    Ok(e.unify(a[1], c))
}

pub fn bi_term_variables(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let mut vs = Vec::new();
    term_variables(a[0], &mut vs);
    let l = mk_list(&vs, wk().nil);
    Ok(e.unify(a[1], l))
}

fn sort_list(l: Value, dedup: bool) -> Res<Value> {
    let mut items = need_list(l)?;
    items.sort_by(|x, y| compare(*x, *y));
    if dedup {
        items.dedup_by(|x, y| compare(*x, *y) == Ordering::Equal);
    }
    Ok(mk_list(&items, wk().nil))
}
fn check_sort_out(v: Value) -> Res<()> {
    // ISO: the output must be a partial list
    let mut l = deref(v);
    loop {
        if is_var(l) || l == wk().nil {
            return Ok(());
        }
        if let Some((f, 2)) = functor_of(l) {
            if f == wk().dot_id {
                l = deref(arg(l, 1));
                continue;
            }
        }
        return Err(type_err("list", deref(v)));
    }
}
pub fn bi_sort(e: &mut Engine, a: &[Value]) -> Res<bool> {
    check_sort_out(a[1])?;
    let s = sort_list(a[0], true)?;
    Ok(e.unify(a[1], s))
}
pub fn bi_msort(e: &mut Engine, a: &[Value]) -> Res<bool> {
    check_sort_out(a[1])?;
    let s = sort_list(a[0], false)?;
    Ok(e.unify(a[1], s))
}
pub fn bi_keysort(e: &mut Engine, a: &[Value]) -> Res<bool> {
    check_sort_out(a[1])?;
    let items = need_list(a[0])?;
    let mut pairs = Vec::new();
    for it in &items {
        let it = deref(*it);
        if is_var(it) {
            return Err(inst_err());
        }
        match functor_of(it) {
            Some((f, 2)) if f == wk().minus_id => pairs.push((arg(it, 0), it)),
            _ => return Err(type_err("pair", it)),
        }
    }
    pairs.sort_by(|x, y| compare(x.0, y.0));
    let out: Vec<Value> = pairs.iter().map(|p| p.1).collect();
    let l = mk_list(&out, wk().nil);
    Ok(e.unify(a[1], l))
}
/// sort/4: sort(Key, Order, List, Sorted), Key 0 = whole term.
pub fn bi_sort4(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let k = need_small_int(a[0])?;
    let o = need_atom(a[1])?;
    let items = need_list(a[2])?;
    let key = |t: Value| -> Res<Value> {
        if k == 0 {
            Ok(t)
        } else {
            let t = deref(t);
            match functor_of(t) {
                Some((_, n)) if n >= k as usize => Ok(arg(t, k as usize - 1)),
                _ => Err(type_err("compound", t)),
            }
        }
    };
    let mut keyed = Vec::new();
    for it in items {
        keyed.push((key(it)?, it));
    }
    let on = atom_name(o);
    let desc = on == "@>" || on == "@>=";
    keyed.sort_by(|x, y| {
        let c = compare(x.0, y.0);
        if desc { c.reverse() } else { c }
    });
    if on == "@<" || on == "@>" {
        keyed.dedup_by(|x, y| compare(x.0, y.0) == Ordering::Equal);
    }
    let out: Vec<Value> = keyed.iter().map(|p| p.1).collect();
    let l = mk_list(&out, wk().nil);
    Ok(e.unify(a[3], l))
}

pub fn bi_length(e: &mut Engine, a: &[Value]) -> Res<bool> {
    // deterministic cases only; the prelude handles enumeration of partial lists
    let n = deref(a[1]);
    if !is_var(n) {
        let n = need_int(n)?;
        if n.as_int() < 0 {
            return Err(domain_err("not_less_than_zero", n));
        }
    }
    let mut l = deref(a[0]);
    let mut count = 0i64;
    loop {
        if let Some((f, 2)) = functor_of(l) {
            if f == wk().dot_id {
                count += 1;
                l = deref(arg(l, 1));
                continue;
            }
        }
        break;
    }
    if l == wk().nil {
        return Ok(e.unify(n, Value::int_unchecked(count)) && e.unify(a[2], wk().true_));
    }
    if is_var(l) {
        if is_var(n) {
            return Ok(e.unify(a[2], atom("enum"))); // the prelude enumerates
        }
        let k = n.as_int() - count;
        if k < 0 {
            return Ok(false);
        }
        let mut vs = RootedVec::new();
        for _ in 0..k {
            vs.push(new_var());
        }
        let tail = mk_list(&vs, wk().nil);
        return Ok(e.unify(l, tail) && e.unify(a[2], wk().true_));
    }
    Ok(false)
}

pub fn bi_setarg(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let _ = e;
    let i = need_small_int(a[0])?;
    let t = deref(a[1]);
    if let Some((_, n)) = functor_of(t) {
        if i >= 1 && i as usize <= n {
            set_arg(t, i as usize - 1, deref(a[2]));
            return Ok(true);
        }
        return Ok(false);
    }
    Err(type_err("compound", t))
}

pub fn functor_name(v: Value) -> &'static str {
    match functor_of(v) {
        Some((f, _)) => name(f),
        None => "",
    }
}
