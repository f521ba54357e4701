//! The dispatch loop, written once and generic over the tracer's `Mode`.
//!
//! The interpreter's only red state is the tape pointer, kept in frame slot
//! 0 (`frame[0]`), and the tape cells, read and written through the mode.
//! The tape's address and length never change during a run, and the JIT
//! lives exactly as long as the run, so they are greens: `m.konst(..)`
//! makes them constants in the trace.
//!
//! Each op is one micro-op: it checks first (bounds, the branch on the
//! cell) and then acts (one store or call). A failing guard therefore
//! resumes the interpreter at the start of the op, with nothing half done.
//!
//! `[` and `]` are where loops live: `]` jumps back to the first op of the
//! body and calls `can_enter_jit` there, so the green key of a loop is
//! (program, index of the first op of its body).

use crate::parse::Op;
use crate::State;
use tracer::{Effect, GreenKey, IntOp, Mode};

/// Number of tape cells (the classic 30,000).
pub const TAPE_LEN: usize = 30_000;
/// Frame slot holding the tape pointer.
const PTR: usize = 0;

/// Why the loop returned.
#[derive(Debug, PartialEq, Eq)]
pub enum Stop {
    /// The program ran off its end.
    Done,
    /// `can_enter_jit` said yes at this key: the driver takes over.
    Hot(GreenKey),
    /// Recording stopped; continue interpreting at this op.
    Left(usize),
}

/// A program with its identity for green keys.
pub struct Program {
    pub ops: Vec<Op>,
}

impl Program {
    pub fn key(&self, pc: usize) -> GreenKey {
        GreenKey { code: self.ops.as_ptr() as usize, pc: pc as u32 }
    }
}

/// Writes one byte of output (a helper the traces call).
extern "C" fn put_byte(state: i64, byte: i64) -> i64 {
    // SAFETY: `state` is the address of the live `State` the run passed as a green.
    let st = unsafe { &mut *(state as *mut State) };
    st.put(byte as u8);
    0
}

/// Reads one byte of input; returns `old` at end of input.
extern "C" fn get_byte(state: i64, old: i64) -> i64 {
    // SAFETY: as for `put_byte`.
    let st = unsafe { &mut *(state as *mut State) };
    st.get().map(|b| b as i64).unwrap_or(old)
}

/// Runs from `pc` until the program ends, a loop gets hot, or recording stops.
pub fn run<M: Mode>(m: &mut M, p: &Program, st: &mut State, frame: &mut [i64], mut pc: usize) -> Result<Stop, String> {
    let tape_base = st.tape.as_mut_ptr() as i64;
    let state_addr = st as *mut State as i64;
    let trace_exec = st.trace_exec;
    loop {
        let Some(&op) = p.ops.get(pc) else { return Ok(Stop::Done) };
        let key = p.key(pc);
        m.merge_point(key);
        if M::RECORDING && m.stop() {
            return Ok(Stop::Left(pc));
        }
        if trace_exec {
            st.trace(pc, op, frame[PTR]);
        }
        let base = m.konst(tape_base);
        match op {
            Op::Add(n) => {
                let ptr = m.get(frame, PTR);
                let n = m.konst(n as i64);
                // SAFETY: the pointer was bounds-checked when it last moved.
                unsafe {
                    let c = m.get_byte(base, ptr);
                    let r = m.int(IntOp::Add, c, n);
                    m.set_byte(base, ptr, r);
                }
            }
            Op::Move(d) => {
                let ptr = m.get(frame, PTR);
                let d = m.konst(d as i64);
                let np = m.int(IntOp::Add, ptr, d);
                let len = m.konst(TAPE_LEN as i64);
                let inside = m.int(IntOp::UltBounds, np, len);
                if !m.is_true(inside) {
                    return Err(format!("tape pointer moved out of bounds (0..{TAPE_LEN}) at op {pc}"));
                }
                m.set(frame, PTR, np);
            }
            Op::Clear => {
                let ptr = m.get(frame, PTR);
                let z = m.konst(0);
                // SAFETY: as for Add.
                unsafe { m.set_byte(base, ptr, z) };
            }
            Op::Out => {
                let ptr = m.get(frame, PTR);
                // SAFETY: as for Add.
                let c = unsafe { m.get_byte(base, ptr) };
                let s = m.konst(state_addr);
                m.call2(put_byte, Effect::Writes, s, c);
            }
            Op::In => {
                let ptr = m.get(frame, PTR);
                // SAFETY: as for Add.
                let c = unsafe { m.get_byte(base, ptr) };
                let s = m.konst(state_addr);
                let v = m.call2(get_byte, Effect::Writes, s, c);
                // SAFETY: as for Add.
                unsafe { m.set_byte(base, ptr, v) };
            }
            Op::Open(close) => {
                let ptr = m.get(frame, PTR);
                // SAFETY: as for Add.
                let c = unsafe { m.get_byte(base, ptr) };
                if !m.is_true(c) {
                    pc = close as usize + 1;
                    continue;
                }
            }
            Op::Close(open) => {
                let ptr = m.get(frame, PTR);
                // SAFETY: as for Add.
                let c = unsafe { m.get_byte(base, ptr) };
                if m.is_true(c) {
                    pc = open as usize + 1;
                    let k = p.key(pc);
                    if m.can_enter_jit(k) {
                        return Ok(Stop::Hot(k));
                    }
                    continue;
                }
            }
        }
        pc += 1;
    }
}
