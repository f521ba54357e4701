//! From AST to code objects: scope analysis (`symtable`) then code
//! generation (`codegen`) into our instruction set (`code`).

pub mod code;
pub mod codegen;
pub mod cpython_view;
pub mod symtable;

pub use codegen::{compile, Mode};
