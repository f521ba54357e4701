//! Native modules (written in Rust): a module a file.

pub mod future;
pub mod math;
pub mod sys;

use crate::objects::module::ModuleObj;
use vmcore::gc::Gc;

/// Creates the native module `name`, if we have one.
pub fn create(name: &str) -> Option<Gc<ModuleObj>> {
    match name {
        "sys" => Some(sys::module()),
        "__builtin__" => Some(crate::builtins::module()),
        "math" => Some(math::create()),
        "__future__" => Some(future::create()),
        _ => None,
    }
}
