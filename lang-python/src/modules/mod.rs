//! Native modules (written in Rust): a module a file.
//!
//! Each module file has a `create() -> Gc<ModuleObj>` that builds the module
//! object; `NATIVE` lists them by their Python name. The import system asks
//! here before searching `sys.path`, so a native module shadows a `.py` file
//! of the same name, as CPython's builtin modules do.
//!
//! Types a native module defines (`itertools.chain`, `_sre.SRE_Pattern`)
//! are made once per interpreter thread with `native_type!`, which keeps
//! them alive with a GC root.

pub mod _codecs;
pub mod _random;
pub mod _socket;
pub mod _struct;
pub mod aliases;
pub mod array;
pub mod binascii;
pub mod bisect;
pub mod cmath;
pub mod collections;
pub mod errno;
pub mod exceptions;
pub mod fcntl;
pub mod functools;
pub mod future;
pub mod gc;
pub mod grp;
pub mod hashes;
pub mod heapq;
pub mod imp;
pub mod itertools;
pub mod math;
pub mod operator;
pub mod oslib;
pub mod posix;
pub mod pwd;
pub mod resource;
pub mod select;
pub mod signal;
pub mod sre;
pub mod stdlib;
pub mod sys;
pub mod thread;
pub mod time;
pub mod weakref;
pub mod zlib;

use crate::objects::function::new_builtin;
use crate::objects::module::{new_module, ModuleObj};
use crate::runtime::NativeFn;
use vmcore::gc::Gc;
use vmcore::Value;

/// Every native module: (import name, constructor).
pub const NATIVE: &[(&str, fn() -> Gc<ModuleObj>)] = &[
    ("sys", sys::module),
    ("__builtin__", crate::builtins::module),
    ("math", math::create),
    ("_sre", sre::create),
    ("__future__", future::create),
    ("errno", errno::create),
    ("posix", posix::create),
    ("signal", signal::create),
    ("time", time::create),
    ("select", select::create),
    ("fcntl", fcntl::create),
    ("pwd", pwd::create),
    ("grp", grp::create),
    ("resource", resource::create),
    ("operator", operator::create),
    ("_functools", functools::create),
    ("_heapq", heapq::create),
    ("_bisect", bisect::create),
    ("itertools", itertools::create),
    ("_collections", collections::create),
    ("_struct", _struct::create),
    ("_codecs", _codecs::create),
    ("_random", _random::create),
    ("_md5", hashes::create_md5),
    ("_sha", hashes::create_sha),
    ("_sha256", hashes::create_sha256),
    ("_sha512", hashes::create_sha512),
    ("binascii", binascii::create),
    ("zlib", zlib::create),
    ("cStringIO", aliases::create_cstringio),
    ("cPickle", aliases::create_cpickle),
    ("_weakref", weakref::create),
    ("gc", gc::create),
    ("exceptions", exceptions::create),
    ("thread", thread::create),
    ("imp", imp::create),
    ("cmath", cmath::create),
    ("array", array::create),
    ("_socket", _socket::create),
];

/// Creates the native module `name`, if we have one.
pub fn create(name: &str) -> Option<Gc<ModuleObj>> {
    NATIVE.iter().find(|(n, _)| *n == name).map(|(_, make)| make())
}

/// A new module holding the given functions (the common shape of a native
/// module's `create`).
pub fn module_with(name: &str, funcs: &[(&'static str, NativeFn)]) -> Gc<ModuleObj> {
    let m = new_module(name);
    for &(n, f) in funcs {
        m.dict.set_str(n, new_builtin(n, f));
    }
    m
}

/// Makes a type object for a native module: `name` with one base (object
/// when None), `__module__` set, and methods added by the caller. With
/// `subclassable` false, `class X(T)` is a TypeError as for CPython's
/// non-BASETYPE types.
pub fn new_native_type(module: &str, name: &str, base: Option<Value>, subclassable: bool) -> Value {
    use crate::objects::{str as pystr, typeobj};
    use crate::runtime::types;
    let base = base.unwrap_or_else(types::object);
    let flags = if subclassable { typeobj::BASETYPE } else { 0 };
    let solid = typeobj::as_type(base).map(|b| b.solid.get()).filter(|&s| s != types::object()).unwrap_or(Value::EMPTY);
    let t = typeobj::new_type(types::type_(), name, vec![base], solid, flags);
    typeobj::compute_mro(t).expect("single-base MRO");
    t.dict.set_str("__module__", pystr::intern(module));
    t.as_value()
}

/// Defines `fn $getter() -> Value` returning a type made (once per thread)
/// by `$make`, kept alive by a GC root:
/// `native_type!(deque_type, || make_deque_type());`
#[macro_export]
macro_rules! native_type {
    ($getter:ident, $make:expr) => {
        pub fn $getter() -> vmcore::Value {
            thread_local! {
                static T: std::cell::OnceCell<vmcore::gc::Root> = const { std::cell::OnceCell::new() };
            }
            T.with(|c| c.get_or_init(|| vmcore::gc::Root::new(($make)())).get())
        }
    };
}
