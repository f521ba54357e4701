//! Unification, standard order, copying and variable collection.
//!
//! All four walk terms with an explicit work stack instead of Rust recursion,
//! so a million-element list or a deeply nested term cannot overflow the
//! native stack. List tails are handled as the last pushed item, which keeps
//! the work stack short for lists.

use super::Engine;
use crate::term::*;
use num_bigint::BigInt as Int;
use std::cmp::Ordering;
use std::collections::HashMap;
use vmcore::gc::Gc;
use vmcore::object::bigint::BigInt;
use vmcore::object::symbol::name;
use vmcore::Value;

impl Engine {
    /// Binds an unbound variable, recording it on the trail if a choice
    /// point older than the variable exists (otherwise undoing is never needed).
    #[inline]
    pub fn bind(&mut self, var: Value, v: Value) {
        let g = unsafe { Gc::<Var>::from_value_unchecked(var) };
        g.val.set(v);
        if g.serial < self.hb {
            self.trail.push(var);
        }
    }

    pub fn unify(&mut self, a: Value, b: Value) -> bool {
        let (a, b) = (deref(a), deref(b));
        if a == b {
            return true;
        }
        // the work stack is reused between calls (no malloc per unification)
        let mut stack = std::mem::take(&mut self.unify_stack);
        stack.clear();
        let r = self.unify_with(a, b, &mut stack);
        self.unify_stack = stack;
        r
    }

    fn unify_with(&mut self, a: Value, b: Value, stack: &mut Vec<(Value, Value)>) -> bool {
        let (mut a, mut b) = (a, b);
        loop {
            a = deref(a);
            b = deref(b);
            if a != b {
                let av = is_var(a);
                let bv = is_var(b);
                if av && bv {
                    // bind the younger variable to the older one
                    let sa = unsafe { Gc::<Var>::from_value_unchecked(a) }.serial;
                    let sb = unsafe { Gc::<Var>::from_value_unchecked(b) }.serial;
                    if sa < sb { self.bind(b, a) } else { self.bind(a, b) }
                } else if av {
                    if self.occurs_check && occurs(a, b) {
                        return false;
                    }
                    self.bind(a, b);
                } else if bv {
                    if self.occurs_check && occurs(b, a) {
                        return false;
                    }
                    self.bind(b, a);
                } else if let (Some(ca), Some(cb)) = (Gc::<Cons>::downcast(a), Gc::<Cons>::downcast(b)) {
                    stack.push((ca.tail.get(), cb.tail.get()));
                    a = ca.head.get();
                    b = cb.head.get();
                    continue;
                } else if let (Some(ca), Some(cb)) = (Gc::<Compound>::downcast(a), Gc::<Compound>::downcast(b)) {
                    if ca.name != cb.name || ca.arity != cb.arity {
                        return false;
                    }
                    let (xa, xb) = (ca.args(), cb.args());
                    for i in (1..xa.len()).rev() {
                        stack.push((xa[i], xb[i]));
                    }
                    a = xa[0];
                    b = xb[0];
                    continue;
                } else if !atomic_eq(a, b) {
                    return false;
                }
            }
            match stack.pop() {
                Some((x, y)) => {
                    a = x;
                    b = y;
                }
                None => return true,
            }
        }
    }

    /// Undoes bindings back to trail height `n`.
    pub fn undo_to(&mut self, n: usize) {
        while self.trail.len() > n {
            let v = self.trail.pop().unwrap();
            unsafe { Gc::<Var>::from_value_unchecked(v) }.val.set(Value::EMPTY);
        }
    }
}

/// Equality of two non-variable, non-compound terms (same type, same value).
pub fn atomic_eq(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if let (Some(x), Some(y)) = (get_float(a), get_float(b)) {
        return x == y || (x.is_nan() && y.is_nan());
    }
    if let (Some(x), Some(y)) = (Gc::<BigInt>::downcast(a), Gc::<BigInt>::downcast(b)) {
        return x.n == y.n;
    }
    false
}

fn type_rank(v: Value) -> u8 {
    if is_var(v) {
        0
    } else if is_float(v) {
        1
    } else if is_int(v) {
        2
    } else if v.is_symbol() {
        4
    } else if is_compound(v) {
        6
    } else {
        5
    }
}

fn cmp_int(a: Value, b: Value) -> Ordering {
    if a.is_int() && b.is_int() {
        return a.as_int().cmp(&b.as_int());
    }
    let x: Int = get_bigint(a).unwrap();
    let y: Int = get_bigint(b).unwrap();
    x.cmp(&y)
}

/// Standard order of terms (ISO 7.2): Var < Float < Integer < Atom < Compound;
/// compounds by arity, then name, then arguments left to right.
pub fn compare(a: Value, b: Value) -> Ordering {
    let mut stack: Vec<(Value, Value)> = Vec::new();
    let (mut a, mut b) = (a, b);
    loop {
        a = deref(a);
        b = deref(b);
        if a != b {
            let (ra, rb) = (type_rank(a), type_rank(b));
            if ra != rb {
                return ra.cmp(&rb);
            }
            let o = match ra {
                0 => {
                    let x = unsafe { Gc::<Var>::from_value_unchecked(a) }.serial;
                    let y = unsafe { Gc::<Var>::from_value_unchecked(b) }.serial;
                    x.cmp(&y)
                }
                1 => get_float(a).unwrap().partial_cmp(&get_float(b).unwrap()).unwrap_or(Ordering::Equal),
                2 => cmp_int(a, b),
                4 => name(a.symbol_id()).cmp(name(b.symbol_id())),
                6 => {
                    let (fa, na) = functor_of(a).unwrap();
                    let (fb, nb) = functor_of(b).unwrap();
                    let o = na.cmp(&nb).then_with(|| if fa == fb { Ordering::Equal } else { name(fa).cmp(name(fb)) });
                    if o == Ordering::Equal {
                        for i in (1..na).rev() {
                            stack.push((arg(a, i), arg(b, i)));
                        }
                        a = arg(a, 0);
                        b = arg(b, 0);
                        continue;
                    }
                    o
                }
                _ => a.0.cmp(&b.0),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        match stack.pop() {
            Some((x, y)) => {
                a = x;
                b = y;
            }
            None => return Ordering::Equal,
        }
    }
}

/// The distinct variables of `t`, depth-first, left to right.
pub fn term_variables(t: Value, out: &mut Vec<Value>) {
    let mut seen: std::collections::HashSet<u64> = std::collections::HashSet::new();
    for v in out.iter() {
        seen.insert(v.0);
    }
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        let t = deref(t);
        if is_var(t) {
            if seen.insert(t.0) {
                out.push(t);
            }
        } else if let Some((_, n)) = functor_of(t) {
            for i in (0..n).rev() {
                stack.push(arg(t, i));
            }
        }
    }
}

/// A copy of `t` with fresh variables (sharing preserved). Built top-down so
/// every new cell is reachable from the result while the copy proceeds.
pub fn copy_term(t: Value) -> Value {
    let mut map: HashMap<u64, Value> = HashMap::new();
    copy_with(t, &mut map)
}

pub fn copy_with(t: Value, map: &mut HashMap<u64, Value>) -> Value {
    let leaf = |x: Value, map: &mut HashMap<u64, Value>| -> Option<Value> {
        let x = deref(x);
        if is_var(x) {
            Some(*map.entry(x.0).or_insert_with(new_var))
        } else if is_compound(x) {
            None
        } else {
            Some(x)
        }
    };
    if let Some(v) = leaf(t, map) {
        return v;
    }
    let t = deref(t);
    let (f, n) = functor_of(t).unwrap();
    let root = mk_blank(f, n);
    let mut stack = vec![(root, t)];
    while let Some((dst, src)) = stack.pop() {
        let (_, n) = functor_of(src).unwrap();
        for i in 0..n {
            let a = arg(src, i);
            match leaf(a, map) {
                Some(v) => set_arg(dst, i, v),
                None => {
                    let a = deref(a);
                    let (f, m) = functor_of(a).unwrap();
                    let c = mk_blank(f, m);
                    set_arg(dst, i, c);
                    stack.push((c, a));
                }
            }
        }
    }
    root
}

/// Is `t` free of variables?
pub fn is_ground(t: Value) -> bool {
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        let t = deref(t);
        if is_var(t) {
            return false;
        }
        if let Some((_, n)) = functor_of(t) {
            for i in 0..n {
                stack.push(arg(t, i));
            }
        }
    }
    true
}

/// Does variable `v` occur in `t`?
pub fn occurs(v: Value, t: Value) -> bool {
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        let t = deref(t);
        if t == v {
            return true;
        }
        if let Some((_, n)) = functor_of(t) {
            for i in 0..n {
                stack.push(arg(t, i));
            }
        }
    }
    false
}
