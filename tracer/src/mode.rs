//! The interpreter-facing surface of the JIT.

use crate::counters::{GreenKey, HotCounters};
use vmcore::Value;

/// How an interpreter runs: concretely, or concretely while recording.
///
/// Handlers call these hooks at the points the JIT cares about. Greens are
/// plain Rust values naming a program position; reds are values the trace
/// computes. In concrete mode the value hooks are identities.
pub trait Mode {
    /// True while recording a trace; lets handlers skip bookkeeping otherwise.
    const RECORDING: bool;

    /// At the top of every instruction: the interpreter is at program
    /// position `key`. A recorder closes a loop here when `key` is its start.
    fn merge_point(&mut self, key: GreenKey);

    /// On a backward jump or function entry to `key`. Counts towards hotness;
    /// returns true when the JIT wants to start tracing (or run compiled code) here.
    fn can_enter_jit(&mut self, key: GreenKey) -> bool;

    /// Turns a red into a green: the trace guards that `v` keeps this value.
    fn promote(&mut self, v: Value) -> Value;

    /// The branch taken on a red condition (a guard in a trace).
    fn guard_bool(&mut self, cond: bool) -> bool;
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
}
