//! The bytecode interpreter (dispatch loop, frames, generators).
//!
//! Not built yet: the compiler and the loop are the next step of issue 4.
//! Until then every entry point raises SystemError, and the Python frontend
//! is not registered with the CLI, so no user can reach these.

use crate::objects::function::FunctionObj;
use crate::runtime::{errors::system_error, KwArgs, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

pub fn call_function(_f: Gc<FunctionObj>, _args: &[Value], _kw: KwArgs) -> PyResult {
    Err(system_error("the Python bytecode interpreter is not built yet"))
}

pub fn generator_next(_g: Value, _send: Value) -> PyResult<Option<Value>> {
    Err(system_error("the Python bytecode interpreter is not built yet"))
}
