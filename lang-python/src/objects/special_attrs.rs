//! Attributes that builtin objects expose without a dict: `__class__`,
//! `__name__`, `__dict__`, `func_code`, `args`, ...

use super::function::FunctionObj;
use super::typeobj::{bump_epoch, TypeObj};
use super::{dict, function, instance, str as pystr, tuple};
use crate::runtime::{type_of, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

/// `type.__name__`, `__bases__`, `__mro__`, `__dict__`.
pub fn type_attr(t: Gc<TypeObj>, name: Value) -> PyResult<Option<Value>> {
    Ok(match pystr::as_bytes(name).unwrap_or(b"") {
        b"__name__" => Some(pystr::new_str(t.name().as_bytes())),
        b"__bases__" => Some(tuple::new_tuple(t.bases.borrow().clone())),
        b"__base__" => Some(t.bases.borrow().first().copied().unwrap_or(Value::NONE)),
        b"__mro__" => Some(tuple::new_tuple(t.mro.borrow().clone())),
        b"__dict__" => Some(t.dict.as_value()),
        b"__class__" => Some(t.cls.get()),
        b"__doc__" => Some(Value::NONE),
        b"__module__" => Some(pystr::intern("__builtin__")),
        // The `types` module takes the descriptor types from these two.
        b"func_code" if t.as_value() == crate::runtime::types::function() => Some(function::new_wrapper(crate::runtime::types::getset_descriptor(), name).as_value()),
        b"func_globals" if t.as_value() == crate::runtime::types::function() => Some(function::new_wrapper(crate::runtime::types::member_descriptor(), name).as_value()),
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
    if let Some(f) = function::as_function(obj) {
        return Ok(match n {
            b"__name__" | b"func_name" => Some(f.name.get()),
            b"__doc__" | b"func_doc" => Some(f.doc.get()),
            b"__module__" => Some(f.module.get()),
            b"func_code" | b"__code__" => Some(f.code),
            b"func_globals" | b"__globals__" => Some(f.globals),
            b"func_defaults" | b"__defaults__" => Some(f.defaults.get()),
            b"func_closure" | b"__closure__" => Some(f.closure),
            b"__dict__" | b"func_dict" => Some(function_dict(f).as_value()),
            _ => None,
        });
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

pub fn set_function_attr(f: Gc<FunctionObj>, name: Value, v: Value) -> PyResult<()> {
    match pystr::as_bytes(name).unwrap_or(b"") {
        b"__name__" | b"func_name" => {
            if pystr::as_bytes(v).is_none() {
                return Err(crate::runtime::errors::type_error("__name__ must be set to a string object"));
            }
            f.name.set(v)
        }
        b"__doc__" | b"func_doc" => f.doc.set(v),
        b"__module__" => f.module.set(v),
        b"func_defaults" | b"__defaults__" => f.defaults.set(v),
        _ => function_dict(f).set(name, v)?,
    }
    Ok(())
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
