//! The reader: ISO Prolog text to terms (`lexer` → `parser`, driven by `ops`).
pub mod lexer;
pub mod ops;
pub mod parser;
