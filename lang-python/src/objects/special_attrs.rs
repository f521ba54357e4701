//! Attributes that builtin objects expose without a dict: `__class__`,
//! `__name__`, `__dict__`, `func_code`, `args`, ...

use super::function::FunctionObj;
use super::typeobj::{bump_epoch, TypeObj};
use super::{dict, function, instance, str as pystr, tuple};
use crate::runtime::errors::type_error;
use crate::runtime::{type_of, KwArgs, NativeFn, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

/// `type.__name__`, `__bases__`, `__mro__`, `__dict__`, `__module__`: the
/// metatype's data descriptors, which win over the class's own attributes
/// (`function.__dict__['__name__']` describes functions, not the type).
pub fn type_data_attr(t: Gc<TypeObj>, name: Value) -> Option<Value> {
    match pystr::as_bytes(name).unwrap_or(b"") {
        b"__name__" => Some(pystr::new_str(t.name().as_bytes())),
        b"__bases__" => Some(tuple::new_tuple(t.bases.borrow().clone())),
        b"__base__" => Some(t.bases.borrow().first().copied().unwrap_or(Value::NONE)),
        b"__mro__" => Some(tuple::new_tuple(t.mro.borrow().clone())),
        b"__dict__" => Some(t.dict.as_value()),
        b"__class__" => Some(t.cls.get()),
        // A class's own `__module__` string; builtin types whose dict holds
        // a descriptor under that name (function) are from `__builtin__`.
        b"__module__" => Some(t.dict.get_str("__module__").filter(|m| pystr::as_bytes(*m).is_some()).unwrap_or_else(|| pystr::intern("__builtin__"))),
        _ => None,
    }
}

/// `type.__doc__` when the class defines none.
pub fn type_attr(_t: Gc<TypeObj>, name: Value) -> PyResult<Option<Value>> {
    Ok(match pystr::as_bytes(name).unwrap_or(b"") {
        b"__doc__" => Some(Value::NONE),
        _ => None,
    })
}

/// Special attributes of non-type objects.
pub fn object_attr(obj: Value, name: Value) -> PyResult<Option<Value>> {
    let n = pystr::as_bytes(name).unwrap_or(b"");
    if n == b"__class__" {
        return Ok(Some(type_of(obj)));
    }
    if let Some(inst) = instance::as_instance(obj) {
        if n == b"__dict__" {
            // Types with __slots__ (and no "__dict__" slot) have no instance dict.
            let no_dict = super::typeobj::as_type(inst.cls.get()).is_some_and(|t| t.has_flag(super::typeobj::NO_DICT));
            return Ok((!no_dict).then(|| inst.to_dict_mode().as_value()));
        }
        if super::exceptions::is_exception_instance(obj) {
            return super::exceptions::exception_attr(obj, n);
        }
    }
    if let Some(m) = function::as_method(obj) {
        return Ok(match n {
            b"im_func" | b"__func__" => Some(m.func),
            b"im_self" | b"__self__" => Some(if m.self_.is_empty() { Value::NONE } else { m.self_ }),
            b"im_class" => Some(m.im_class),
            _ => crate::ops::getattr_opt(m.func, name)?,
        });
    }
    if let Some(b) = function::as_builtin(obj) {
        return Ok(match n {
            b"__name__" => Some(pystr::new_str(b.name.as_bytes())),
            b"__self__" => Some(if b.self_.is_empty() { Value::NONE } else { b.self_ }),
            b"__doc__" => Some(b.doc.map(|d| pystr::new_str(d.as_bytes())).unwrap_or(Value::NONE)),
            _ => None,
        });
    }
    if let Some(tb) = Gc::<crate::interp::frame::TracebackObj>::downcast(obj) {
        return Ok(match n {
            b"tb_frame" => Some(tb.frame),
            b"tb_lineno" => Some(super::int::new_int(tb.lineno as i64)),
            b"tb_next" => Some(tb.next),
            _ => None,
        });
    }
    if let Some(m) = super::module::as_module(obj) {
        if n == b"__dict__" {
            return Ok(Some(m.dict.as_value()));
        }
    }
    if n == b"__doc__" {
        return Ok(Some(Value::NONE));
    }
    Ok(None)
}

fn function_dict(f: Gc<FunctionObj>) -> Gc<dict::DictObj> {
    if let Some(d) = dict::as_dict(f.dict.get()) {
        return d;
    }
    let d = dict::new_dict();
    f.dict.set(d.as_value());
    d
}

/// A function attribute without a descriptor: stored in `func_dict`.
pub fn set_function_attr(f: Gc<FunctionObj>, name: Value, v: Value) -> PyResult<()> {
    function_dict(f).set(name, v)
}

// ---- the function type's attribute descriptors ----

fn func(v: Value) -> PyResult<Gc<FunctionObj>> {
    function::as_function(v).ok_or_else(|| type_error("descriptor requires a 'function' object"))
}

/// The value a descriptor setter got: None for `del`.
fn new_value(a: &[Value]) -> Option<Value> {
    a.get(1).copied()
}

fn f_name(a: &[Value], _: KwArgs) -> PyResult {
    Ok(func(a[0])?.name.get())
}
fn f_set_name(a: &[Value], _: KwArgs) -> PyResult {
    match new_value(a) {
        Some(v) if pystr::as_bytes(v).is_some() => func(a[0])?.name.set(v),
        _ => return Err(type_error("__name__ must be set to a string object")),
    }
    Ok(Value::NONE)
}
fn f_doc(a: &[Value], _: KwArgs) -> PyResult {
    Ok(func(a[0])?.doc.get())
}
fn f_set_doc(a: &[Value], _: KwArgs) -> PyResult {
    func(a[0])?.doc.set(new_value(a).unwrap_or(Value::NONE));
    Ok(Value::NONE)
}
fn f_module(a: &[Value], _: KwArgs) -> PyResult {
    Ok(func(a[0])?.module.get())
}
fn f_set_module(a: &[Value], _: KwArgs) -> PyResult {
    func(a[0])?.module.set(new_value(a).unwrap_or(Value::NONE));
    Ok(Value::NONE)
}
fn f_code(a: &[Value], _: KwArgs) -> PyResult {
    Ok(func(a[0])?.code.get())
}
/// A new code object must use as many free variables as the closure holds.
fn f_set_code(a: &[Value], _: KwArgs) -> PyResult {
    let f = func(a[0])?;
    let code = new_value(a).and_then(Gc::<crate::compiler::code::CodeObj>::downcast).ok_or_else(|| type_error("__code__ must be set to a code object"))?;
    let have = tuple::as_tuple(f.closure).map_or(0, |c| c.len());
    if code.freevars.len() != have {
        let name = String::from_utf8_lossy(pystr::as_bytes(f.name.get()).unwrap_or(b"?")).into_owned();
        return Err(crate::runtime::errors::value_error(format!("{name}() requires a code object with {have} free vars, not {}", code.freevars.len())));
    }
    f.code.set(code.as_value());
    Ok(Value::NONE)
}
fn f_globals(a: &[Value], _: KwArgs) -> PyResult {
    Ok(func(a[0])?.globals)
}
fn f_closure(a: &[Value], _: KwArgs) -> PyResult {
    Ok(func(a[0])?.closure)
}
fn f_defaults(a: &[Value], _: KwArgs) -> PyResult {
    Ok(func(a[0])?.defaults.get())
}
fn f_set_defaults(a: &[Value], _: KwArgs) -> PyResult {
    let v = new_value(a).unwrap_or(Value::NONE);
    if v != Value::NONE && tuple::as_tuple(v).is_none() {
        return Err(type_error("__defaults__ must be set to a tuple object"));
    }
    func(a[0])?.defaults.set(v);
    Ok(Value::NONE)
}
fn f_dict(a: &[Value], _: KwArgs) -> PyResult {
    Ok(function_dict(func(a[0])?).as_value())
}
fn f_set_dict(a: &[Value], _: KwArgs) -> PyResult {
    let d = new_value(a).ok_or_else(|| type_error("function's dictionary may not be deleted"))?;
    if dict::as_dict(d).is_none() {
        return Err(type_error("setting function's dictionary to a non-dict"));
    }
    func(a[0])?.dict.set(d);
    Ok(Value::NONE)
}

/// Functions' attributes, each under its Python 2 and Python 3 names.
pub fn install_function_attrs() {
    use super::descr::{add_getset, add_member};
    let t = crate::runtime::types::function();
    let getsets: [(&'static str, &'static str, NativeFn, Option<NativeFn>); 5] = [
        ("func_name", "__name__", f_name, Some(f_set_name)),
        ("func_doc", "__doc__", f_doc, Some(f_set_doc)),
        ("func_code", "__code__", f_code, Some(f_set_code)),
        ("func_defaults", "__defaults__", f_defaults, Some(f_set_defaults)),
        ("func_dict", "__dict__", f_dict, Some(f_set_dict)),
    ];
    for (old, new, get, set) in getsets {
        add_getset(t, old, get, set);
        add_getset(t, new, get, set);
    }
    for (old, new, get) in [("func_globals", "__globals__", f_globals as NativeFn), ("func_closure", "__closure__", f_closure)] {
        add_member(t, old, get, None);
        add_member(t, new, get, None);
    }
    add_member(t, "__module__", f_module, Some(f_set_module));
}

pub fn set_type_attr(t: Gc<TypeObj>, name: Value, v: Value) -> PyResult<()> {
    match pystr::as_bytes(name).unwrap_or(b"") {
        b"__name__" => {
            let b = pystr::as_bytes(v).ok_or_else(|| crate::runtime::errors::type_error("can only assign string to __name__"))?;
            *t.name.borrow_mut() = String::from_utf8_lossy(b).into_owned();
        }
        _ => t.dict.set(name, v)?,
    }
    bump_epoch();
    Ok(())
}

/// True when `name` is one of the `__slots__` of `t` or its bases.
pub fn in_slots(t: Gc<TypeObj>, name: Value) -> bool {
    t.mro.borrow().iter().any(|&c| super::typeobj::as_type(c).is_some_and(|ct| ct.slot_names.borrow().contains(&name)))
}
