//! Dead-code elimination.
//!
//! The other passes leave behind values nobody uses any more: the loaded
//! value a forwarded load replaced, the intermediate of a folded sum. A value
//! is live if a guard, an effect, the label, the jump or a snapshot uses it
//! (snapshots count: a value needed to rebuild the interpreter state on exit
//! is live even if the trace itself never reads it). One backward sweep marks
//! liveness; one forward sweep copies the live instructions. Removing an
//! unused pure operation, load, read-only call or allocation is sound
//! because none of them changes anything another instruction can observe.

use super::Rewriter;
use crate::ir::{is_const, Op, Trace};

fn removable(op: Op) -> bool {
    (op.is_pure() || matches!(op, Op::GetField | Op::GetByte | Op::GetItem | Op::CallReads | Op::New))
        && op != Op::Input
}

/// Runs the pass.
pub fn run(t: &Trace) -> Trace {
    let n = t.insts.len();
    let mut live = vec![false; n];
    for i in (0..n).rev() {
        let inst = &t.insts[i];
        if !removable(inst.op) {
            live[i] = true;
        }
        if !live[i] {
            continue;
        }
        let mut mark = |r: u32| {
            if !is_const(r) {
                if let Some(l) = live.get_mut(r as usize) {
                    *l = true;
                }
            }
        };
        for &a in &inst.args {
            mark(a);
        }
        if inst.op.is_guard() {
            if let Some(s) = t.snapshots.get(inst.snap as usize) {
                for &(_, r) in &s.slots {
                    mark(r);
                }
            }
        }
    }
    let mut w = Rewriter::new(t);
    for (i, &l) in live.iter().enumerate() {
        if l {
            w.copy(i);
        }
    }
    w.new
}

#[cfg(test)]
mod tests {
    use crate::opt::check;

    #[test]
    fn unused_values_go_but_snapshot_values_stay() {
        check(
            super::run,
            "v0 = input #0
             label v0
             v2 = int_add v0, #1
             v3 = int_mul v0, #3
             v4 = getbyte v0, #0
             v5 = int_lt v0, #10
             guard_true v5 [0:1 | 0=v3]
             jump v2",
            "v0 = input #0
             label v0
             v2 = int_add v0, #1
             v3 = int_mul v0, #3
             v5 = int_lt v0, #10
             guard_true v5 [0:1 | 0=v3]
             jump v2",
        );
    }
}
