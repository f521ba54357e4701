//! The shared object model: interned symbols, shapes (hidden classes),
//! immutable strings and big integers. Frontends build their own object
//! layouts from these pieces.

pub mod bigint;
pub mod shape;
pub mod string;
pub mod symbol;
