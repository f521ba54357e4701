//! The trace optimizer: a pipeline of small passes over the trace IR.
//!
//! Each pass reads one trace and writes a new one, front to back, in a
//! single sweep (a trace has no control-flow joins except the loop edge, so
//! one forward pass sees every definition before its uses). Passes share the
//! [`Rewriter`], which renames refs from the old trace to the new one and
//! re-interns constants, so a pass only decides, per instruction, "emit
//! this", "emit something else" or "this is just that other value".
//!
//! Order matters: folding first exposes constants; guard strengthening then
//! turns facts learnt from guards into constants and bounds; the heap cache
//! forwards stored values to loads; allocations that never escape are
//! removed; a second fold cleans up what those
//! produced; dead-code elimination drops what nobody uses any more.

pub mod dce;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod virtuals;

use crate::ir::{is_const, Op, Ref, Snapshot, Trace};

/// Runs every pass in order.
pub fn optimize(t: &Trace) -> Trace {
    let t = fold::run(t);
    let t = guards::run(&t);
    let t = heap::run(&t);
    let t = virtuals::run(&t);
    let t = fold::run(&t);
    let t = guards::run(&t);
    dce::run(&t)
}

/// Copies a trace forward while a pass rewrites it.
pub struct Rewriter<'a> {
    pub old: &'a Trace,
    pub new: Trace,
    map: Vec<Ref>,
}

impl<'a> Rewriter<'a> {
    pub fn new(old: &'a Trace) -> Rewriter<'a> {
        Rewriter { old, new: Trace::new(), map: vec![u32::MAX; old.insts.len()] }
    }

    /// The new-trace ref for an old ref.
    pub fn arg(&mut self, r: Ref) -> Ref {
        if is_const(r) {
            let c = self.old.const_of(r).unwrap_or(0);
            self.new.konst(c)
        } else {
            self.map.get(r as usize).copied().unwrap_or(u32::MAX)
        }
    }

    /// All args of old instruction `i`, renamed.
    pub fn args(&mut self, i: usize) -> Vec<Ref> {
        let a = self.old.insts[i].args.clone();
        a.into_iter().map(|r| self.arg(r)).collect()
    }

    /// The old snapshot of instruction `i`, renamed.
    pub fn snapshot(&mut self, i: usize) -> Snapshot {
        let s = self.old.snapshots[self.old.insts[i].snap as usize].clone();
        Snapshot { pos: s.pos, slots: s.slots.into_iter().map(|(k, r)| (k, self.arg(r))).collect() }
    }

    /// Old instruction `i` is now the new value `r`.
    pub fn bind(&mut self, i: usize, r: Ref) {
        self.map[i] = r;
    }

    /// Emits `op args` for old instruction `i` (with its snapshot if a guard).
    pub fn emit(&mut self, i: usize, op: Op, args: Vec<Ref>) -> Ref {
        let r = if op.is_guard() {
            let s = self.snapshot(i);
            self.new.push_guard(op, args, s)
        } else {
            self.new.push(op, args)
        };
        self.bind(i, r);
        r
    }

    /// Emits old instruction `i` unchanged (apart from renaming).
    pub fn copy(&mut self, i: usize) -> Ref {
        let args = self.args(i);
        self.emit(i, self.old.insts[i].op, args)
    }

    /// Emits an extra instruction that has no old counterpart.
    pub fn extra(&mut self, op: Op, args: Vec<Ref>) -> Ref {
        self.new.push(op, args)
    }

    /// The constant value of a new-trace ref, if it is one.
    pub fn const_of(&self, r: Ref) -> Option<i64> {
        self.new.const_of(r)
    }

    /// The new-trace instruction defining `r`, if `r` is not a constant.
    pub fn def(&self, r: Ref) -> Option<&crate::ir::Inst> {
        if is_const(r) {
            None
        } else {
            self.new.insts.get(r as usize)
        }
    }
}

/// Test helper: parse, run a pass, print.
#[cfg(test)]
pub(crate) fn check(pass: fn(&Trace) -> Trace, input: &str, expected: &str) {
    let t = Trace::parse(input).unwrap_or_else(|e| panic!("bad test input: {e}"));
    let out = pass(&t).to_text();
    let want = Trace::parse(expected).unwrap_or_else(|e| panic!("bad expected text: {e}")).to_text();
    assert_eq!(out, want, "\n--- got ---\n{out}--- want ---\n{want}");
}
