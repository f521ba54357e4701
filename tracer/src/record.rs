//! Record mode: run each handler concretely *and* append its operations to a trace.
//!
//! The recorder is a [`Mode`] whose red is a pair (concrete value, IR ref).
//! Every hook computes the real result, so the interpreter state is always
//! exactly what plain interpretation would have produced; recording can stop
//! at any instruction and the interpreter just carries on.
//!
//! Frame slots are virtual while recording: `get` returns the SSA value the
//! slot holds now, `set` only rebinds it. Guards snapshot the slots as they
//! were at the start of the current micro-op (the last `merge_point`), so a
//! failing guard resumes the interpreter at that micro-op with those slots
//! written back. That is only sound if the micro-op has not yet touched the
//! heap when it guards, so a guard after a heap effect in the same micro-op
//! aborts the trace with a message that names the position.
//!
//! A loop trace starts at a `merge_point` and closes with `jump` when the
//! same green key comes round again. Reaching `can_enter_jit` at a key that
//! already has compiled code ends the trace with `finish` there (the driver
//! then continues in that code). Over-long traces abort.

use crate::counters::GreenKey;
use crate::ir::{Effect, Op, Ref, Snapshot, Trace};
use crate::mode::{Helper2, IntOp, Mode};
use std::collections::HashSet;
use vmcore::Value;

/// A red while recording: the concrete value and the IR value that computes it.
#[derive(Copy, Clone, Debug)]
pub struct Red {
    pub v: i64,
    pub r: Ref,
}

/// How a recording ended (or that it has not yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Running,
    /// Closed a loop back to its start.
    Loop,
    /// Ended at another key that has compiled code.
    Linked(GreenKey),
    /// Gave up; the reason goes to the JIT log.
    Aborted(String),
}

/// The recording mode.
pub struct Record<'a> {
    pub trace: Trace,
    pub start: GreenKey,
    /// For bridges: the global exit id this bridge hangs off.
    pub bridge_of: Option<u32>,
    pub outcome: Outcome,
    slots: Vec<Ref>,
    inputs: Vec<Ref>,
    op_start_slots: Vec<Ref>,
    pos: GreenKey,
    effect_in_op: bool,
    started: bool,
    compiled: &'a HashSet<GreenKey>,
    max_len: usize,
}

impl<'a> Record<'a> {
    /// Starts recording at `start` with `nslots` frame slots.
    pub fn new(
        start: GreenKey,
        nslots: usize,
        bridge_of: Option<u32>,
        compiled: &'a HashSet<GreenKey>,
        max_len: usize,
    ) -> Record<'a> {
        let mut trace = Trace::new();
        let mut inputs = Vec::with_capacity(nslots);
        for i in 0..nslots {
            let c = trace.konst(i as i64);
            inputs.push(trace.push(Op::Input, vec![c]));
        }
        if bridge_of.is_none() {
            trace.push(Op::Label, inputs.clone());
        }
        Record {
            trace,
            start,
            bridge_of,
            outcome: Outcome::Running,
            slots: inputs.clone(),
            op_start_slots: inputs.clone(),
            inputs,
            pos: start,
            effect_in_op: false,
            started: false,
            compiled,
            max_len,
        }
    }

    fn snapshot(&self, slots: &[Ref], pos: GreenKey) -> Snapshot {
        let changed = slots
            .iter()
            .zip(&self.inputs)
            .enumerate()
            .filter(|(_, (s, i))| s != i)
            .map(|(k, (&s, _))| (k as u32, s))
            .collect();
        Snapshot { pos, slots: changed }
    }

    fn abort(&mut self, why: String) {
        if self.outcome == Outcome::Running {
            self.outcome = Outcome::Aborted(why);
        }
    }

    fn guard(&mut self, op: Op, args: Vec<Ref>) {
        if self.effect_in_op {
            let msg = format!(
                "guard after a heap effect in the micro-op at {:x}:{} (split the handler)",
                self.pos.code, self.pos.pc
            );
            self.abort(msg);
            return;
        }
        let snap = self.snapshot(&self.op_start_slots, self.pos);
        self.trace.push_guard(op, args, snap);
    }

    fn red(&mut self, v: i64, op: Op, args: Vec<Ref>) -> Red {
        Red { v, r: self.trace.push(op, args) }
    }

    fn recording(&self) -> bool {
        self.outcome == Outcome::Running
    }
}

impl Mode for Record<'_> {
    const RECORDING: bool = true;
    type I = Red;

    fn merge_point(&mut self, key: GreenKey) {
        if !self.recording() {
            return;
        }
        if self.started && key == self.start && self.bridge_of.is_none() {
            self.trace.push(Op::Jump, self.slots.clone());
            self.outcome = Outcome::Loop;
            return;
        }
        if self.trace.insts.len() > self.max_len {
            self.abort(format!("trace too long (over {} operations)", self.max_len));
            return;
        }
        self.started = true;
        self.pos = key;
        self.op_start_slots.clone_from(&self.slots);
        self.effect_in_op = false;
    }

    fn can_enter_jit(&mut self, key: GreenKey) -> bool {
        let own_start = key == self.start && self.bridge_of.is_none();
        if self.recording() && !own_start && self.compiled.contains(&key) {
            let snap = self.snapshot(&self.slots, key);
            self.trace.push_guard(Op::Finish, vec![], snap);
            self.outcome = Outcome::Linked(key);
        }
        false
    }

    fn promote(&mut self, v: Value) -> Value {
        self.abort("promote(Value) is not recordable; use promote_int".into());
        v
    }

    fn guard_bool(&mut self, cond: bool) -> bool {
        self.abort("guard_bool on a condition the recorder cannot see; use is_true".into());
        cond
    }

    fn stop(&self) -> bool {
        !self.recording()
    }

    fn konst(&mut self, c: i64) -> Red {
        Red { v: c, r: self.trace.konst(c) }
    }

    fn get(&mut self, frame: &[i64], i: usize) -> Red {
        Red { v: frame[i], r: self.slots[i] }
    }

    fn set(&mut self, frame: &mut [i64], i: usize, v: Red) {
        frame[i] = v.v;
        self.slots[i] = v.r;
    }

    fn int(&mut self, op: IntOp, a: Red, b: Red) -> Red {
        let v = op.eval(a.v, b.v);
        if crate::ir::is_const(a.r) && crate::ir::is_const(b.r) {
            return self.konst(v);
        }
        self.red(v, op.ir(), vec![a.r, b.r])
    }

    fn is_true(&mut self, a: Red) -> bool {
        let t = a.v != 0;
        if !crate::ir::is_const(a.r) {
            self.guard(if t { Op::GuardTrue } else { Op::GuardFalse }, vec![a.r]);
        }
        t
    }

    fn promote_int(&mut self, a: Red) -> i64 {
        if !crate::ir::is_const(a.r) {
            let c = self.trace.konst(a.v);
            self.guard(Op::GuardValue, vec![a.r, c]);
        }
        a.v
    }

    unsafe fn get_byte(&mut self, base: Red, idx: Red) -> Red {
        let v = *((base.v + idx.v) as *const u8) as i64;
        self.red(v, Op::GetByte, vec![base.r, idx.r])
    }

    unsafe fn set_byte(&mut self, base: Red, idx: Red, v: Red) {
        *((base.v + idx.v) as *mut u8) = v.v as u8;
        self.trace.push(Op::SetByte, vec![base.r, idx.r, v.r]);
        self.effect_in_op = true;
    }

    fn call2(&mut self, f: Helper2, effect: Effect, a: Red, b: Red) -> Red {
        let v = f(a.v, b.v);
        let fr = self.trace.konst(f as usize as i64);
        if matches!(effect, Effect::Writes | Effect::Raises) {
            self.effect_in_op = true;
        }
        self.red(v, Op::call_for(effect), vec![fr, a.r, b.r])
    }
}
