//! The interpreter-facing surface of the JIT.
//!
//! A frontend writes its handlers once, generic over `M: Mode`. Greens are
//! plain Rust values (program positions, constants fixed for the life of the
//! JIT); reds are `M::I`, machine words the trace computes. In [`Concrete`]
//! mode `M::I` is `i64` and every hook is an inline identity or one machine
//! instruction; in [`crate::Record`] mode each hook also appends an IR
//! operation. Because a red is an opaque `M::I`, a handler cannot branch on
//! it without asking the mode, and the mode turns that question into a guard.
//!
//! The frame is *virtualizable*: the frontend keeps its hot state in a slice
//! of `i64` slots (`frame`) and reads and writes them only through
//! [`Mode::get`] and [`Mode::set`]. While recording, slots are SSA values; a
//! compiled trace writes them back only when it leaves.

use crate::counters::{GreenKey, HotCounters};
use crate::ir::Effect;
use vmcore::Value;

/// A Rust helper a trace may call: two word arguments, one word result.
pub type Helper2 = extern "C" fn(i64, i64) -> i64;

/// How an interpreter runs: concretely, or concretely while recording.
pub trait Mode {
    /// True while recording a trace; lets handlers skip bookkeeping otherwise.
    const RECORDING: bool;
    /// A red machine word.
    type I: Copy + std::fmt::Debug;

    /// At the top of every instruction (micro-op): the interpreter is at
    /// program position `key`. A recorder closes a loop here when `key` is its start.
    fn merge_point(&mut self, key: GreenKey);

    /// On a backward jump or function entry to `key`. Counts towards hotness;
    /// returns true when the JIT wants to start tracing (or run compiled code) here.
    fn can_enter_jit(&mut self, key: GreenKey) -> bool;

    /// Turns a red `Value` into a green (kept for lang-python; unrecorded).
    fn promote(&mut self, v: Value) -> Value;

    /// The branch taken on a condition the mode cannot see (kept for lang-python).
    fn guard_bool(&mut self, cond: bool) -> bool;

    /// True once a recorder has closed or aborted its trace: the frontend's
    /// loop should return to its driver. Always false in concrete mode.
    #[inline(always)]
    fn stop(&self) -> bool {
        false
    }

    // ---- reds ----
    /// A constant (green) word as a red.
    fn konst(&mut self, c: i64) -> Self::I;
    /// Reads frame slot `i`.
    fn get(&mut self, frame: &[i64], i: usize) -> Self::I;
    /// Writes frame slot `i`.
    fn set(&mut self, frame: &mut [i64], i: usize, v: Self::I);
    /// Integer arithmetic, comparisons (0/1), bitwise ops.
    fn int(&mut self, op: IntOp, a: Self::I, b: Self::I) -> Self::I;
    /// Branches on a red: records `guard_true`/`guard_false` and returns the truth.
    fn is_true(&mut self, a: Self::I) -> bool;
    /// Turns a red into a green behind a `guard_value`.
    fn promote_int(&mut self, a: Self::I) -> i64;
    /// Reads the byte at `base + idx` (zero-extended).
    ///
    /// # Safety
    /// `base + idx` must be readable memory.
    unsafe fn get_byte(&mut self, base: Self::I, idx: Self::I) -> Self::I;
    /// Writes the low byte of `v` at `base + idx`.
    ///
    /// # Safety
    /// `base + idx` must be writable memory.
    unsafe fn set_byte(&mut self, base: Self::I, idx: Self::I, v: Self::I);
    /// Calls a Rust helper with the given effect.
    fn call2(&mut self, f: Helper2, effect: Effect, a: Self::I, b: Self::I) -> Self::I;
}

/// The integer operations handlers may use (a subset of the IR's).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    And,
    Eq,
    Ne,
    Lt,
    /// Unsigned less-than: one compare for `0 <= a < b`.
    UltBounds,
}

impl IntOp {
    /// Concrete semantics, shared by both modes and by constant folding.
    #[inline(always)]
    pub fn eval(self, a: i64, b: i64) -> i64 {
        match self {
            IntOp::Add => a.wrapping_add(b),
            IntOp::Sub => a.wrapping_sub(b),
            IntOp::Mul => a.wrapping_mul(b),
            IntOp::And => a & b,
            IntOp::Eq => (a == b) as i64,
            IntOp::Ne => (a != b) as i64,
            IntOp::Lt => (a < b) as i64,
            IntOp::UltBounds => ((a as u64) < (b as u64)) as i64,
        }
    }

    pub fn ir(self) -> crate::ir::Op {
        use crate::ir::Op;
        match self {
            IntOp::Add => Op::IntAdd,
            IntOp::Sub => Op::IntSub,
            IntOp::Mul => Op::IntMul,
            IntOp::And => Op::IntAnd,
            IntOp::Eq => Op::IntEq,
            IntOp::Ne => Op::IntNe,
            IntOp::Lt => Op::IntLt,
            IntOp::UltBounds => Op::UintLt,
        }
    }
}

/// Plain interpretation: every hook costs nothing but the hotness counter.
pub struct Concrete {
    pub counters: HotCounters,
    /// False when the user turned the JIT off: counters are not even kept.
    pub jit_enabled: bool,
}

impl Concrete {
    pub fn new(jit_enabled: bool, threshold: u32) -> Concrete {
        Concrete { counters: HotCounters::new(threshold), jit_enabled }
    }
}

impl Mode for Concrete {
    const RECORDING: bool = false;
    type I = i64;
    #[inline(always)]
    fn merge_point(&mut self, _key: GreenKey) {}
    #[inline(always)]
    fn can_enter_jit(&mut self, key: GreenKey) -> bool {
        self.jit_enabled && self.counters.tick(key)
    }
    #[inline(always)]
    fn promote(&mut self, v: Value) -> Value {
        v
    }
    #[inline(always)]
    fn guard_bool(&mut self, cond: bool) -> bool {
        cond
    }
    #[inline(always)]
    fn konst(&mut self, c: i64) -> i64 {
        c
    }
    #[inline(always)]
    fn get(&mut self, frame: &[i64], i: usize) -> i64 {
        frame[i]
    }
    #[inline(always)]
    fn set(&mut self, frame: &mut [i64], i: usize, v: i64) {
        frame[i] = v
    }
    #[inline(always)]
    fn int(&mut self, op: IntOp, a: i64, b: i64) -> i64 {
        op.eval(a, b)
    }
    #[inline(always)]
    fn is_true(&mut self, a: i64) -> bool {
        a != 0
    }
    #[inline(always)]
    fn promote_int(&mut self, a: i64) -> i64 {
        a
    }
    #[inline(always)]
    unsafe fn get_byte(&mut self, base: i64, idx: i64) -> i64 {
        *((base + idx) as *const u8) as i64
    }
    #[inline(always)]
    unsafe fn set_byte(&mut self, base: i64, idx: i64, v: i64) {
        *((base + idx) as *mut u8) = v as u8
    }
    #[inline(always)]
    fn call2(&mut self, f: Helper2, _effect: Effect, a: i64, b: i64) -> i64 {
        f(a, b)
    }
}
