//! The `exceptions` module: the builtin exception classes under their
//! names (`from exceptions import ReferenceError`, as `weakref.py` does).

use crate::objects::module::{new_module, ModuleObj};
use crate::objects::str as pystr;
use crate::runtime::types;
use vmcore::gc::Gc;

pub fn create() -> Gc<ModuleObj> {
    let m = new_module("exceptions");
    m.dict.set_str(
        "__doc__",
        pystr::new_str(b"Python's standard exception class hierarchy.\n\nExceptions found here are defined both in the exceptions module and the\nbuilt-in namespace.  It is recommended that user-defined exceptions\ninherit from Exception.  See the documentation for the exception\ninheritance hierarchy.\n"),
    );
    m.dict.set_str("BaseException", types::base_exception());
    for &(slot, _) in crate::objects::exceptions::HIERARCHY {
        let t = types::get(slot);
        let name = crate::objects::typeobj::class_name(t);
        m.dict.set_str(&name, t);
    }
    m
}
