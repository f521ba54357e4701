//! tracer: the meta-tracing JIT shared by every frontend.
//!
//! A frontend writes its interpreter once, generic over a [`Mode`]. In
//! [`Concrete`] mode every hook is an inline identity, so the interpreter
//! pays nothing for being traceable. In [`Record`] mode the same handlers run
//! and also append their operations to a trace ([`ir`]). The [`opt`] passes
//! shrink the trace, the [`backend`] compiles it with Cranelift, and the
//! [`Jit`] driver ties counters, traces, guards and bridges together.
//!
//! tracer knows no language: it sees green keys (positions in a user program,
//! chosen by the frontend), frame slots and machine words. `docs/jit.md`
//! explains the whole machine.

pub mod backend;
pub mod counters;
pub mod ir;
pub mod jit;
mod mode;
pub mod opt;
pub mod record;

pub use counters::{GreenKey, HotCounters};
pub use ir::Effect;
pub use jit::{Entered, Jit, Options};
pub use mode::{Concrete, Helper2, IntOp, Mode};
pub use record::{Outcome, Record, Red};
