//! Guard strengthening and removal: known values, known classes, integer
//! bounds and overflow.
//!
//! A guard is a fact the rest of the trace may rely on: after
//! `guard_value x, #7` every later use of `x` may use `#7` instead, and a
//! second identical guard can never fail. After `guard_true (uint_lt x, #N)`
//! the trace knows `0 <= x < N`. This pass walks forward collecting such
//! facts and uses them to delete guards that cannot fail, to turn comparisons
//! into constants, and to turn overflow-checked arithmetic into plain
//! arithmetic when the operands' ranges cannot overflow.
//!
//! Integer ranges are kept for *roots*: each value is viewed as "root plus a
//! constant" (the fold pass makes `x + c` canonical), so a bounds guard on
//! `p + 3` also bounds `p` and `p + 1`. A byte load is known to lie in
//! 0..=255. This is sound because guards are checked in trace order: when a
//! later instruction runs, every earlier guard held, so every fact derived
//! from them holds too.

use super::Rewriter;
use crate::ir::{Op, Ref, Trace};
use std::collections::{HashMap, HashSet};

#[derive(Copy, Clone, Debug)]
struct Range {
    lo: i64,
    hi: i64,
}

struct Facts {
    ranges: HashMap<Ref, Range>,
    true_: HashSet<Ref>,
    false_: HashSet<Ref>,
    class: HashMap<Ref, Ref>,
}

impl Facts {
    /// `r` as (root, offset).
    fn split(w: &Rewriter, r: Ref) -> (Ref, i64) {
        if let Some(d) = w.def(r) {
            if d.op == Op::IntAdd {
                if let Some(c) = w.const_of(d.args[1]) {
                    return (d.args[0], c);
                }
            }
        }
        (r, 0)
    }

    fn range(&self, w: &Rewriter, r: Ref) -> Option<Range> {
        if let Some(c) = w.const_of(r) {
            return Some(Range { lo: c, hi: c });
        }
        let (root, off) = Self::split(w, r);
        let base = self.ranges.get(&root).copied().or_else(|| {
            w.def(root).filter(|d| d.op == Op::GetByte).map(|_| Range { lo: 0, hi: 255 })
        })?;
        Some(Range { lo: base.lo.checked_add(off)?, hi: base.hi.checked_add(off)? })
    }

    /// Learns `lo <= r <= hi`.
    fn narrow(&mut self, w: &Rewriter, r: Ref, lo: i64, hi: i64) {
        let (root, off) = Self::split(w, r);
        let (Some(lo), Some(hi)) = (lo.checked_sub(off), hi.checked_sub(off)) else { return };
        let e = self.ranges.entry(root).or_insert(Range { lo: i64::MIN, hi: i64::MAX });
        e.lo = e.lo.max(lo);
        e.hi = e.hi.min(hi);
    }
}

/// Runs the pass.
pub fn run(t: &Trace) -> Trace {
    let mut w = Rewriter::new(t);
    let mut f = Facts { ranges: HashMap::new(), true_: HashSet::new(), false_: HashSet::new(), class: HashMap::new() };
    let mut known_value: HashMap<Ref, Ref> = HashMap::new();
    let mut skip_ovf_guard = false;
    for i in 0..t.insts.len() {
        let op = t.insts[i].op;
        let mut args = w.args(i);
        for a in args.iter_mut() {
            if let Some(&k) = known_value.get(a) {
                *a = k;
            }
        }
        match op {
            Op::Label => {
                // Facts about loop-carried values do not survive the back edge.
                f.ranges.clear();
                f.true_.clear();
                f.false_.clear();
                f.class.clear();
                known_value.clear();
                w.emit(i, op, args);
            }
            Op::UintLt | Op::IntLt | Op::IntLe | Op::IntGt | Op::IntGe => {
                let (a, b) = (f.range(&w, args[0]), f.range(&w, args[1]));
                let decided = match (op, a, b) {
                    (Op::UintLt, Some(a), Some(b)) if a.lo >= 0 && b.lo >= 0 => {
                        if a.hi < b.lo {
                            Some(1)
                        } else if a.lo >= b.hi {
                            Some(0)
                        } else {
                            None
                        }
                    }
                    (Op::IntLt, Some(a), Some(b)) if a.hi < b.lo => Some(1),
                    (Op::IntLt, Some(a), Some(b)) if a.lo >= b.hi => Some(0),
                    _ => None,
                };
                match decided {
                    Some(v) => {
                        let k = w.new.konst(v);
                        w.bind(i, k);
                    }
                    None => {
                        w.emit(i, op, args);
                    }
                }
            }
            Op::GuardTrue | Op::GuardFalse => {
                let c = args[0];
                let want = op == Op::GuardTrue;
                if let Some(v) = w.const_of(c) {
                    if (v != 0) == want {
                        continue;
                    }
                }
                if (want && f.true_.contains(&c)) || (!want && f.false_.contains(&c)) {
                    continue;
                }
                w.emit(i, op, args);
                if want {
                    f.true_.insert(c);
                    // Learn bounds from a true unsigned compare against a bound.
                    if let Some(d) = w.def(c).cloned() {
                        if d.op == Op::UintLt {
                            if let Some(n) = f.range(&w, d.args[1]).map(|r| r.hi) {
                                f.narrow(&w, d.args[0], 0, n.saturating_sub(1));
                            }
                        }
                    }
                } else {
                    f.false_.insert(c);
                }
            }
            Op::GuardValue => {
                if args[0] == args[1] {
                    continue;
                }
                if let Some(&k) = known_value.get(&args[0]) {
                    if k == args[1] {
                        continue;
                    }
                }
                w.emit(i, op, args.clone());
                if w.const_of(args[1]).is_some() {
                    known_value.insert(args[0], args[1]);
                }
            }
            Op::GuardClass => {
                if f.class.get(&args[0]) == Some(&args[1]) {
                    continue;
                }
                w.emit(i, op, args.clone());
                f.class.insert(args[0], args[1]);
            }
            Op::IntAddOvf | Op::IntSubOvf | Op::IntMulOvf => {
                let (a, b) = (f.range(&w, args[0]), f.range(&w, args[1]));
                let safe = match (a, b) {
                    (Some(a), Some(b)) => match op {
                        Op::IntAddOvf => a.lo.checked_add(b.lo).and(a.hi.checked_add(b.hi)).is_some(),
                        Op::IntSubOvf => a.lo.checked_sub(b.hi).and(a.hi.checked_sub(b.lo)).is_some(),
                        _ => [a.lo, a.hi].iter().all(|&x| [b.lo, b.hi].iter().all(|&y| x.checked_mul(y).is_some())),
                    },
                    _ => false,
                };
                if safe {
                    let plain = match op {
                        Op::IntAddOvf => Op::IntAdd,
                        Op::IntSubOvf => Op::IntSub,
                        _ => Op::IntMul,
                    };
                    w.emit(i, plain, args);
                    skip_ovf_guard = true;
                } else {
                    w.emit(i, op, args);
                }
            }
            Op::GuardNoOverflow if skip_ovf_guard => {
                skip_ovf_guard = false;
            }
            _ => {
                skip_ovf_guard = false;
                w.emit(i, op, args);
            }
        }
    }
    w.new
}

#[cfg(test)]
mod tests {
    use crate::opt::check;

    #[test]
    fn bounds_on_a_root_cover_nearby_offsets() {
        check(
            super::run,
            "v0 = input #0
             label v0
             v2 = uint_lt v0, #100
             guard_true v2 [0:1 |]
             v4 = int_add v0, #3
             v5 = uint_lt v4, #100
             guard_true v5 [0:2 |]
             v7 = int_add v0, #1
             v8 = uint_lt v7, #100
             guard_true v8 [0:3 |]
             jump v7",
            "v0 = input #0
             label v0
             v2 = uint_lt v0, #100
             guard_true v2 [0:1 |]
             v4 = int_add v0, #3
             v5 = uint_lt v4, #100
             guard_true v5 [0:2 |]
             v7 = int_add v0, #1
             jump v7",
        );
    }

    #[test]
    fn repeated_and_known_guards_go() {
        check(
            super::run,
            "v0 = input #0
             v1 = input #1
             label v0, v1
             guard_value v1, #7 [0:1 |]
             v4 = int_add v0, v1
             guard_value v1, #7 [0:2 |]
             v6 = int_lt v0, v4
             guard_true v6 [0:3 |]
             guard_true v6 [0:4 |]
             jump v4, v1",
            "v0 = input #0
             v1 = input #1
             label v0, v1
             guard_value v1, #7 [0:1 |]
             v4 = int_add v0, #7
             v6 = int_lt v0, v4
             guard_true v6 [0:3 |]
             jump v4, #7",
        );
    }

    #[test]
    fn byte_arithmetic_cannot_overflow() {
        check(
            super::run,
            "v0 = input #0
             label v0
             v2 = getbyte v0, #0
             v3 = int_add_ovf v2, #1
             guard_no_overflow [0:1 |]
             setbyte v0, #0, v3
             jump v0",
            "v0 = input #0
             label v0
             v2 = getbyte v0, #0
             v3 = int_add v2, #1
             setbyte v0, #0, v3
             jump v0",
        );
    }
}
