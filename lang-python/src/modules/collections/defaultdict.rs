//! `collections.defaultdict`: a dict subclass whose `__missing__` calls
//! `default_factory` to make (and store) the value of an absent key.
//!
//! It is built like a user subclass of dict: an instance object whose
//! `base` is the dict, so every dict method works on it unchanged. The
//! factory is kept as an instance attribute behind a data descriptor
//! (`default_factory`); the type has no `__dict__`, so it is the only one.

use crate::builtins::functions::is_callable;
use crate::objects::args::{noargs, one};
use crate::objects::dict_methods::dict_of;
use crate::objects::function::{new_builtin, new_wrapper};
use crate::objects::instance::as_instance;
use crate::objects::typeobj::{self, type_name, NO_DICT};
use crate::objects::{add_method, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::type_error;
use crate::runtime::{types, KwArgs, NativeFn, PyErr, PyResult};
use vmcore::Value;

crate::native_type!(defaultdict_type, make_defaultdict_type);

fn factory_name() -> Value {
    crate::iname!("default_factory")
}

/// The factory, None when unset.
fn factory(d: Value) -> PyResult<Value> {
    let inst = as_instance(d).filter(|_| dict_of(d).is_some()).ok_or_else(|| {
        type_error(format!("descriptor requires a 'collections.defaultdict' object but received a '{}'", type_name(d)))
    })?;
    Ok(inst.get_attr(factory_name()).unwrap_or(Value::NONE))
}

fn get_factory(a: &[Value], _: KwArgs) -> PyResult {
    factory(a[0])
}

fn set_factory(a: &[Value], _: KwArgs) -> PyResult {
    factory(a[0])?;
    as_instance(a[0]).expect("checked").set_attr(factory_name(), a[1])?;
    Ok(Value::NONE)
}

fn del_factory(a: &[Value], _: KwArgs) -> PyResult {
    factory(a[0])?;
    as_instance(a[0]).expect("checked").del_attr(factory_name())?;
    Ok(Value::NONE)
}

/// `defaultdict(default_factory=None, *args, **kwargs)`: the rest as for dict.
fn init(a: &[Value], kw: KwArgs) -> PyResult {
    let f = a.get(1).copied().unwrap_or(Value::NONE);
    if f != Value::NONE && !is_callable(f) {
        return Err(type_error("first argument must be callable or None"));
    }
    set_factory(&[a[0], f], &[])?;
    let mut rest = vec![a[0]];
    rest.extend_from_slice(a.get(2..).unwrap_or(&[]));
    let dict_init = typeobj::lookup(types::dict(), crate::iname!("__init__")).expect("dict has __init__");
    ops::call(dict_init, &rest, kw)
}

/// `d[key]` for an absent key: `d[key] = default_factory()`, or KeyError.
fn missing(a: &[Value], kw: KwArgs) -> PyResult {
    let key = one("__missing__", &a[1..], kw)?;
    let f = factory(a[0])?;
    if f == Value::NONE {
        return Err(PyErr::with_args(types::key_error(), &[key]));
    }
    let v = ops::call(f, &[], &[])?;
    ops::setitem(a[0], key, v)?;
    Ok(v)
}

/// `type(d)(d.default_factory, d)`.
fn copy(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("copy", &a[1..], kw)?;
    let f = factory(a[0])?;
    ops::call(ops::class_of(a[0]), &[f, a[0]], &[])
}

/// `(type(d), (default_factory,) or (), None, None, d.iteritems())`.
fn reduce(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__reduce__", &a[1..], kw)?;
    let f = factory(a[0])?;
    let args = if f == Value::NONE { tuple::new_tuple(Vec::new()) } else { tuple::new_tuple_from(&[f]) };
    let items = ops::call_method(a[0], "iteritems", &[])?;
    Ok(tuple::new_tuple_from(&[ops::class_of(a[0]), args, Value::NONE, Value::NONE, items]))
}

/// `defaultdict(<factory repr>, <dict repr>)`, whatever the subclass.
fn repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let f = factory(a[0])?;
    let base = dict_of(a[0]).expect("checked by factory");
    let mut s = b"defaultdict(".to_vec();
    s.extend(ops::repr_bytes(f)?);
    s.extend_from_slice(b", ");
    s.extend(ops::repr_bytes(base.as_value())?);
    s.push(b')');
    Ok(pystr::new_str_owned(s))
}

fn make_defaultdict_type() -> Value {
    let t = super::super::new_native_type("collections", "defaultdict", Some(types::dict()), true);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", init),
        ("__missing__", missing),
        ("copy", copy),
        ("__copy__", copy),
        ("__reduce__", reduce),
        ("__repr__", repr),
    ];
    for &(name, f) in methods {
        add_method(t, name, f);
    }
    let w = new_wrapper(types::property(), new_builtin("default_factory", get_factory));
    w.fset.set(new_builtin("default_factory", set_factory));
    w.fdel.set(new_builtin("default_factory", del_factory));
    let tt = typeobj::as_type(t).expect("a type");
    tt.dict.set_str("default_factory", w.as_value());
    // Instances have no __dict__ (subclasses get one, as usual).
    tt.flags.set(tt.flags.get() | NO_DICT);
    t
}
