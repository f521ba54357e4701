//! `cStringIO` and `cPickle`: CPython's C accelerators of `StringIO.py` and
//! `pickle.py`. Programs import them by name, so we provide them as aliases
//! of the pure-Python modules (as PyPy does): creating the alias imports
//! the pure module and copies the names the C module exposes.
//!
//! A native module's constructor cannot fail, so when the pure module
//! cannot be imported (no Lib on the path), the alias holds only its own
//! names and using the others raises AttributeError.

use crate::interp::import::import_name;
use crate::objects::dict::new_dict;
use crate::objects::exceptions::new_exception_class;
use crate::objects::module::{new_module, ModuleObj};
use crate::objects::str::{intern, new_str};
use crate::objects::tuple;
use crate::ops;
use crate::runtime::PyResult;
use vmcore::gc::Gc;
use vmcore::Value;

/// Imports `module` and returns it.
fn import(module: &str) -> PyResult<Value> {
    let fromlist = tuple::new_tuple(vec![new_str(b"*")]);
    import_name(new_str(module.as_bytes()), new_dict(), fromlist, Value::int_unchecked(0))
}

/// Copies `names` from `src` into `m`.
fn copy_names(m: Gc<ModuleObj>, src: Value, names: &[&str]) -> PyResult<()> {
    for &n in names {
        m.dict.set_str(n, ops::getattr(src, intern(n))?);
    }
    Ok(())
}

/// `cStringIO`: StringIO.StringIO serves as the function and both types.
pub fn create_cstringio() -> Gc<ModuleObj> {
    let m = new_module("cStringIO");
    let fill = || -> PyResult<()> {
        let class = ops::getattr(import("StringIO")?, intern("StringIO"))?;
        for n in ["StringIO", "InputType", "OutputType"] {
            m.dict.set_str(n, class);
        }
        Ok(())
    };
    let _ = fill();
    m
}

/// `cPickle`: pickle's classes, functions and exceptions, plus the two
/// exception classes only cPickle defines.
pub fn create_cpickle() -> Gc<ModuleObj> {
    let m = new_module("cPickle");
    let fill = || -> PyResult<()> {
        let pickle = import("pickle")?;
        let names = [
            "Pickler", "Unpickler", "dump", "dumps", "load", "loads", "PickleError", "PicklingError",
            "UnpicklingError", "HIGHEST_PROTOCOL", "format_version", "compatible_formats",
        ];
        copy_names(m, pickle, &names)?;
        let unpickling = ops::getattr(pickle, intern("UnpicklingError"))?;
        let pickling = ops::getattr(pickle, intern("PicklingError"))?;
        m.dict.set_str("BadPickleGet", new_exception_class("cPickle", "BadPickleGet", &[unpickling]));
        m.dict.set_str("UnpickleableError", new_exception_class("cPickle", "UnpickleableError", &[pickling]));
        Ok(())
    };
    let _ = fill();
    m.dict.set_str("__version__", new_str(b"1.71"));
    m
}
