//! tracer: the meta-tracing JIT shared by every frontend.
//!
//! A frontend writes its interpreter once, generic over a [`Mode`]. In
//! [`Concrete`] mode every hook is an empty inline function, so the
//! interpreter pays nothing for being traceable. The record mode (which runs
//! each handler once and appends its operations to a trace), the trace IR, the
//! optimizer and the Cranelift backend plug in behind the same trait.
//!
//! tracer knows no language: it sees green keys (positions in a user program,
//! chosen by the frontend) and red values (`vmcore::Value`s).

pub mod counters;
mod mode;

pub use counters::{GreenKey, HotCounters};
pub use mode::{Concrete, Mode};
