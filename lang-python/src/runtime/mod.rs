//! The runtime core every other part of the Python frontend uses:
//! errors (`PyErr`, `PyResult`), the builtin type registry (`types`), the
//! native calling convention (`NativeFn`), and `type_of`.
//!
//! Object layout invariant: every Python heap object is a `#[repr(C)]`
//! struct whose first field is its class (`cls: Value` or `Cell<Value>`), so
//! `type_of` is one load for any object; small ints and immediates map to
//! their types without touching memory.

pub mod errors;
pub mod types;

pub use errors::{PyErr, PyResult};
pub use types::type_of;

use vmcore::Value;

/// Keyword arguments: (interned name str, value) pairs in call order.
pub type KwArgs<'a> = &'a [(Value, Value)];

/// A function implemented in Rust. For methods, `args[0]` is `self`.
pub type NativeFn = fn(args: &[Value], kw: KwArgs) -> PyResult;

/// Python's `NotImplemented` and `Ellipsis` singletons are immediates.
pub const NOT_IMPLEMENTED: Value = Value::imm(Value::FIRST_FRONTEND_IMM);
pub const ELLIPSIS: Value = Value::imm(Value::FIRST_FRONTEND_IMM + 1);
