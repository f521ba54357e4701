//! Constant folding, algebraic simplification and common-subexpression
//! elimination of pure operations.
//!
//! A trace is recorded from one concrete run, so it is full of arithmetic on
//! values that were green at record time (program constants, promoted
//! values) and of the same computation done twice (an interpreter reads a
//! slot, adds one, and later reads it again). This pass removes both.
//!
//! *Folding* evaluates a pure operation whose arguments are all constants
//! and replaces it by the result; a pure call (`call_pure`, an elidable Rust
//! helper) with constant arguments is called once, now, at compile time.
//! *Simplification* applies identities (`x + 0 = x`, `x * 1 = x`, `x & x = x`,
//! `x - c = x + (-c)`, `(x + c1) + c2 = x + (c1 + c2)`); the last one keeps
//! pointer arithmetic in the canonical shape "root + constant" that the
//! bounds and heap passes rely on. A zero-extended byte masked with 255 is the
//! byte itself. *CSE* keeps a table from (opcode, arguments) to the first
//! result; a later identical pure operation is that result. This is sound
//! because pure operations have no effects and depend only on their
//! arguments, and in SSA an argument means the same value everywhere.
//!
//! Guards on constants are decided here too: a guard that must hold is
//! dropped; one that must fail is kept (the trace leaves there every time,
//! which is correct, and the failure count will grow a bridge).

use super::Rewriter;
use crate::ir::{Op, Ref, Trace};
use crate::mode::Helper2;
use std::collections::HashMap;

fn eval(op: Op, a: i64, b: i64) -> Option<i64> {
    Some(match op {
        Op::IntAdd => a.wrapping_add(b),
        Op::IntSub => a.wrapping_sub(b),
        Op::IntMul => a.wrapping_mul(b),
        Op::IntAnd => a & b,
        Op::IntOr => a | b,
        Op::IntXor => a ^ b,
        Op::IntShl => a.wrapping_shl(b as u32),
        Op::IntSar => a.wrapping_shr(b as u32),
        Op::IntNeg => a.wrapping_neg(),
        Op::IntEq => (a == b) as i64,
        Op::IntNe => (a != b) as i64,
        Op::IntLt => (a < b) as i64,
        Op::IntLe => (a <= b) as i64,
        Op::IntGt => (a > b) as i64,
        Op::IntGe => (a >= b) as i64,
        Op::UintLt => ((a as u64) < (b as u64)) as i64,
        _ => return None,
    })
}

fn commutative(op: Op) -> bool {
    matches!(op, Op::IntAdd | Op::IntMul | Op::IntAnd | Op::IntOr | Op::IntXor | Op::IntEq | Op::IntNe)
}

/// Runs the pass.
pub fn run(t: &Trace) -> Trace {
    let mut w = Rewriter::new(t);
    let mut cse: HashMap<(Op, Vec<Ref>), Ref> = HashMap::new();
    for i in 0..t.insts.len() {
        let mut op = t.insts[i].op;
        let mut args = w.args(i);
        // Canonical shapes first.
        if op == Op::IntSub {
            if let Some(c) = w.const_of(args[1]) {
                op = Op::IntAdd;
                args[1] = w.new.konst(c.wrapping_neg());
            }
        }
        if commutative(op) && w.const_of(args[0]).is_some() && w.const_of(args[1]).is_none() {
            args.swap(0, 1);
        }
        if op == Op::IntAdd {
            // (x + c1) + c2  =>  x + (c1 + c2)
            if let (Some(c2), Some(d)) = (w.const_of(args[1]), w.def(args[0]).cloned()) {
                if d.op == Op::IntAdd {
                    if let Some(c1) = w.const_of(d.args[1]) {
                        args = vec![d.args[0], w.new.konst(c1.wrapping_add(c2))];
                    }
                }
            }
        }
        let consts: Vec<Option<i64>> = args.iter().map(|&a| w.const_of(a)).collect();
        if op.is_pure() && !op.is_call() && consts.iter().all(|c| c.is_some()) {
            let a = consts.first().copied().flatten().unwrap_or(0);
            let b = consts.get(1).copied().flatten().unwrap_or(0);
            if let Some(v) = eval(op, a, b) {
                let k = w.new.konst(v);
                w.bind(i, k);
                continue;
            }
        }
        if op == Op::CallPure && args.len() == 3 && consts.iter().all(|c| c.is_some()) {
            // An elidable helper with constant arguments: call it now.
            let (f, a, b) = (consts[0].unwrap_or(0), consts[1].unwrap_or(0), consts[2].unwrap_or(0));
            if f != 0 {
                // SAFETY: the recorder put this helper's address here from a `Helper2`.
                let f: Helper2 = unsafe { std::mem::transmute::<usize, Helper2>(f as usize) };
                let k = w.new.konst(f(a, b));
                w.bind(i, k);
                continue;
            }
        }
        // Identities.
        let same = |x: &Vec<Ref>| x.len() == 2 && x[0] == x[1];
        let simplified: Option<Ref> = match (op, consts.get(1).copied().flatten()) {
            (Op::IntAdd | Op::IntOr | Op::IntXor | Op::IntShl | Op::IntSar, Some(0)) => Some(args[0]),
            (Op::IntMul, Some(1)) => Some(args[0]),
            (Op::IntMul | Op::IntAnd, Some(0)) => Some(w.new.konst(0)),
            (Op::IntAnd, Some(255)) if w.def(args[0]).is_some_and(|d| d.op == Op::GetByte) => Some(args[0]),
            (Op::IntAnd | Op::IntOr, _) if same(&args) => Some(args[0]),
            (Op::IntEq | Op::IntLe | Op::IntGe, _) if same(&args) => Some(w.new.konst(1)),
            (Op::IntNe | Op::IntLt | Op::IntGt | Op::UintLt | Op::IntXor | Op::IntSub, _) if same(&args) => {
                Some(w.new.konst(0))
            }
            _ => None,
        };
        if let Some(r) = simplified {
            w.bind(i, r);
            continue;
        }
        // Guards on constants.
        let c0 = consts.first().copied().flatten();
        let holds = match op {
            Op::GuardTrue => c0.map(|c| c != 0),
            Op::GuardFalse => c0.map(|c| c == 0),
            Op::GuardValue => match (c0, consts.get(1).copied().flatten()) {
                (Some(a), Some(b)) => Some(a == b),
                _ if same(&args) => Some(true),
                _ => None,
            },
            _ => None,
        };
        if holds == Some(true) {
            continue;
        }
        if op.is_pure() {
            if let Some(&r) = cse.get(&(op, args.clone())) {
                w.bind(i, r);
                continue;
            }
            let r = w.emit(i, op, args.clone());
            cse.insert((op, args), r);
            continue;
        }
        w.emit(i, op, args);
    }
    w.new
}

#[cfg(test)]
mod tests {
    use crate::opt::check;

    #[test]
    fn folds_constants_and_identities() {
        check(
            super::run,
            "v0 = input #0
             label v0
             v2 = int_add #2, #3
             v3 = int_mul v0, v2
             v4 = int_add v3, #0
             v5 = int_sub v4, #1
             v6 = int_add v5, #4
             jump v6",
            "v0 = input #0
             label v0
             v2 = int_mul v0, #5
             v3 = int_add v2, #-1
             v4 = int_add v2, #3
             jump v4",
        );
    }

    #[test]
    fn cse_and_constant_guards() {
        check(
            super::run,
            "v0 = input #0
             label v0
             v2 = int_add v0, #1
             v3 = int_add #1, v0
             v4 = int_lt v2, v3
             guard_false v4 [0:1 |]
             guard_true #1 [0:1 |]
             v7 = int_eq v2, v3
             guard_true v7 [0:1 |]
             jump v3",
            "v0 = input #0
             label v0
             v2 = int_add v0, #1
             jump v2",
        );
    }
}
