//! Python 2.7 on vmbench.
//!
//! Layout: `runtime` (errors, type registry, calling convention), `objects`
//! (one module per builtin type), `ops` (the object protocols), `interp`
//! (the bytecode interpreter). The frontend registers with the CLI once the
//! compiler and the interpreter loop land.

pub mod builtins;
pub mod interp;
pub mod objects;
pub mod ops;
pub mod runtime;
