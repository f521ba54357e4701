//! Python's builtin types, a module each, and `bootstrap`, which creates the
//! type objects at start-up.

pub mod args;
pub mod bytearray;
pub mod classobj;
pub mod codecs;
pub mod iters;
pub mod descr;
pub mod xrange;
pub mod numconv;
pub mod complex;
pub mod slice;
pub mod dict_methods;
pub mod list_methods;
pub mod number_methods;
pub mod set;
pub mod str_methods;
pub mod unicode_methods;
pub mod dict;
pub mod exceptions;
pub mod file;
pub mod float;
pub mod format;
pub mod function;
pub mod hashtable;
pub mod instance;
pub mod int;
pub mod iterobj;
pub mod list;
pub mod long;
pub mod module;
pub mod numbers;
pub mod seq_ops;
pub mod special_attrs;
pub mod str;
pub mod structseq;
pub mod tuple;
pub mod typeobj;
pub mod unicode;

use crate::runtime::types::{self, Ty};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use typeobj::{compute_mro, new_type, TypeObj, BASETYPE, HEAPTYPE, WEAKREFABLE};
use vmcore::gc::Gc;
use vmcore::Value;

/// Adds a method implemented in Rust to a builtin type.
pub fn add_method(t: Value, name: &'static str, f: NativeFn) {
    let ty = typeobj::as_type(t).expect("add_method on a type");
    ty.dict.set_str(name, function::new_method_descriptor(t, name, f));
}

/// Adds a static method (`__new__`) implemented in Rust.
pub fn add_static(t: Value, name: &'static str, f: NativeFn) {
    let ty = typeobj::as_type(t).expect("add_static on a type");
    let w = function::new_wrapper(types::staticmethod(), function::new_builtin(name, f));
    ty.dict.set_str(name, w.as_value());
}

fn object_new(args: &[Value], _kw: KwArgs) -> PyResult {
    let cls = typeobj::as_type(args[0]).ok_or_else(|| crate::runtime::errors::type_error("object.__new__(X): X is not a type object"))?;
    let solid = cls.solid.get();
    if solid != types::object() {
        // Instances of builtin layouts must be made by their own __new__.
        let s = typeobj::class_name(solid);
        return Err(crate::runtime::errors::type_error(format!("object.__new__({}) is not safe, use {s}.__new__()", cls.name())));
    }
    Ok(instance::new_instance(cls).as_value())
}

fn object_init(_args: &[Value], _kw: KwArgs) -> PyResult {
    Ok(Value::NONE)
}

fn object_getattribute(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__getattribute__", &a[1..], kw, 1, 1)?;
    let name = attr_name(a[1])?;
    crate::ops::generic_getattr(a[0], name)?.ok_or_else(|| crate::ops::no_attribute(a[0], name))
}

fn object_setattr(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__setattr__", &a[1..], kw, 2, 2)?;
    crate::ops::generic_setattr(a[0], attr_name(a[1])?, a[2])?;
    Ok(Value::NONE)
}

fn object_delattr(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__delattr__", &a[1..], kw, 1, 1)?;
    crate::ops::generic_delattr(a[0], attr_name(a[1])?)?;
    Ok(Value::NONE)
}

fn attr_name(v: Value) -> PyResult<Value> {
    match str::as_bytes(v) {
        Some(_) => Ok(str::intern_value(v)),
        None => Err(crate::runtime::errors::type_error(format!("attribute name must be string, not '{}'", typeobj::type_name(v)))),
    }
}

/// `__call__` of the callable builtin types (`hasattr(f, '__call__')` is
/// how copy_reg and others test for callables).
fn call_self(args: &[Value], kw: KwArgs) -> PyResult {
    crate::ops::call(args[0], &args[1..], kw)
}

thread_local! {
    static BOOTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Creates every builtin type and exception. Idempotent per thread.
pub fn bootstrap() {
    if BOOTED.with(|b| b.replace(true)) {
        return;
    }
    vmcore::gc::add_root_scanner(types::trace_roots);
    vmcore::gc::add_root_scanner(typeobj::trace_cache);
    // `type` and `object` refer to each other: make both, then patch.
    let type_t = new_type(Value::EMPTY, "type", vec![], Value::EMPTY, BASETYPE | WEAKREFABLE);
    type_t.cls.set(type_t.as_value());
    types::install(Ty::type_, type_t.as_value());
    let object_t = new_type(type_t.as_value(), "object", vec![], Value::EMPTY, BASETYPE);
    types::install(Ty::object, object_t.as_value());
    *type_t.bases.borrow_mut() = vec![object_t.as_value()];
    // The dicts made above have `cls` = EMPTY (dict type not yet made); fix below.
    let mut made: Vec<Gc<TypeObj>> = vec![type_t, object_t];
    for &(slot, name) in types::ALL {
        if matches!(slot, Ty::type_ | Ty::object) || name.ends_with("Error") || name.ends_with("Exception") || name.ends_with("Warning") || name.ends_with("Exit") || name.ends_with("Interrupt") || name == "StopIteration" {
            continue;
        }
        let base = match slot {
            Ty::bool_ => types::int(),
            Ty::str | Ty::unicode => types::basestring(),
            _ => object_t.as_value(),
        };
        let mut flags = if matches!(slot, Ty::bool_ | Ty::function | Ty::none_type | Ty::slice | Ty::xrange | Ty::generator) { 0 } else { BASETYPE };
        if matches!(slot, Ty::set | Ty::frozenset | Ty::function | Ty::classobj | Ty::instance | Ty::method | Ty::generator | Ty::code | Ty::file) {
            flags |= WEAKREFABLE;
        }
        let t = new_type(type_t.as_value(), name, vec![base], Value::EMPTY, flags);
        if base != object_t.as_value() {
            t.solid.set(base);
        }
        types::install(slot, t.as_value());
        made.push(t);
    }
    let base_exc = new_type(type_t.as_value(), "BaseException", vec![object_t.as_value()], Value::EMPTY, BASETYPE);
    types::install(Ty::base_exception, base_exc.as_value());
    made.push(base_exc);
    for &(slot, parent) in exceptions::HIERARCHY {
        let name = types::ALL.iter().find(|(s, _)| *s as usize == slot as usize).map(|(_, n)| *n).expect("registered");
        let t = new_type(type_t.as_value(), name, vec![types::get(parent)], base_exc.as_value(), BASETYPE);
        types::install(slot, t.as_value());
        made.push(t);
    }
    for t in &made {
        // Now that `dict` exists, give every type dict its class.
        unsafe { t.dict.get_mut().cls = types::dict() };
        if t.bases.borrow().is_empty() && t.as_value() != object_t.as_value() {
            *t.bases.borrow_mut() = vec![object_t.as_value()];
        }
    }
    for t in &made {
        // Invariant: builtin hierarchies are consistent, so C3 cannot fail.
        compute_mro(*t).expect("builtin MRO");
        t.dict.set_str("__module__", str::intern(if t.name().ends_with("Error") || t.name().ends_with("Exception") || t.name().ends_with("Warning") { "exceptions" } else { "__builtin__" }));
    }
    add_static(types::object(), "__new__", object_new);
    add_method(types::object(), "__init__", object_init);
    typeobj::install_comparisons();
    function::install();
    add_method(types::object(), "__getattribute__", object_getattribute);
    add_method(types::object(), "__setattr__", object_setattr);
    add_method(types::object(), "__delattr__", object_delattr);
    for t in [types::function(), types::builtin_function(), types::method(), types::type_()] {
        add_method(t, "__call__", call_self);
    }
    add_static(types::base_exception(), "__new__", exceptions::exc_new);
    add_method(types::base_exception(), "__init__", exceptions::exc_init);
    add_method(types::base_exception(), "__repr__", exceptions::exc_repr);
    add_method(types::base_exception(), "__str__", exceptions::exc_str);
    add_method(types::system_exit(), "__init__", exceptions::system_exit_init);
    add_method(types::environment_error(), "__init__", exceptions::env_error_init);
    add_method(types::environment_error(), "__str__", exceptions::env_error_str);
    add_method(types::unicode_encode_error(), "__init__", exceptions::unicode_encode_error_init);
    add_method(types::unicode_decode_error(), "__init__", exceptions::unicode_decode_error_init);
    add_method(types::unicode_translate_error(), "__init__", exceptions::unicode_translate_error_init);
    for t in [types::unicode_encode_error(), types::unicode_decode_error(), types::unicode_translate_error()] {
        add_method(t, "__str__", exceptions::unicode_error_str);
    }
    add_method(types::iterator(), "next", iterobj::iter_next);
    add_method(types::iterator(), "__iter__", iterobj::iter_self);
    // Each type's methods live beside its implementation.
    number_methods::install();
    str_methods::install();
    unicode_methods::install();
    list_methods::install();
    dict_methods::install();
    set::install();
    slice::install();
    iters::install();
    complex::install();
    descr::install();
    typeobj::install();
    special_attrs::install_function_attrs();
    xrange::install();
    file::install();
    bytearray::install();
    let _ = HEAPTYPE;
}

#[cfg(test)]
mod tests;
#[cfg(test)]
pub mod container_tests;
#[cfg(test)]
mod str_tests;
