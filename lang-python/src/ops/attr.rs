//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`.
//!
//! New-style lookup follows CPython's `object.__getattribute__`: a data
//! descriptor on the type wins, then the instance's own attributes, then
//! other class attributes (functions become bound methods), then
//! `__getattr__`. Classic instances search instance dict, then class chain.

use super::call::call;
use crate::objects::function::{as_builtin, as_function, as_wrapper, bind_builtin, new_method};
use crate::objects::typeobj::{as_type, class_name, lookup, type_name};
use crate::objects::{classobj, instance, module, str as pystr};
use crate::runtime::errors::attribute_error;
use crate::runtime::{type_of, types, PyResult};
use vmcore::Value;

/// `getattr(obj, name)`; `name` must be an interned str.
pub fn getattr(obj: Value, name: Value) -> PyResult {
    match getattr_opt(obj, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(obj, name)),
    }
}

fn name_str(name: Value) -> String {
    pystr::as_bytes(name).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default()
}

#[cold]
pub fn no_attribute(obj: Value, name: Value) -> crate::runtime::PyErr {
    let n = name_str(name);
    if let Some(t) = as_type(obj) {
        return attribute_error(format!("type object '{}' has no attribute '{n}'", t.name()));
    }
    if let Some(c) = classobj::as_class(obj) {
        return attribute_error(format!("class {} has no attribute '{n}'", class_name(c.as_value())));
    }
    if let Some(i) = classobj::as_classic_instance(obj) {
        return attribute_error(format!("{} instance has no attribute '{n}'", class_name(i.class.get())));
    }
    attribute_error(format!("'{}' object has no attribute '{n}'", type_name(obj)))
}

/// True when `d` is a data descriptor (defines `__set__`): properties and
/// objects whose type has `__set__`.
fn is_data_descriptor(d: Value) -> bool {
    if let Some(w) = as_wrapper(d) {
        return is_property(w.cls);
    }
    if !d.is_ptr() || as_function(d).is_some() || as_builtin(d).is_some() {
        return false;
    }
    let t = type_of(d);
    as_type(t).is_some_and(|tt| tt.has_flag(crate::objects::typeobj::HEAPTYPE)) && lookup(t, crate::iname!("__set__")).is_some()
}

/// Binds a class attribute found for an instance access (`obj` EMPTY:
/// an unbound access, as `super(C, C).f` makes).
pub fn bind(descr: Value, obj: Value, cls: Value) -> PyResult {
    if as_function(descr).is_some() {
        return Ok(new_method(descr, obj, cls));
    }
    if let Some(b) = as_builtin(descr) {
        if b.cls == types::method_descriptor() {
            return Ok(bind_builtin(b, obj));
        }
        return Ok(descr);
    }
    if let Some(m) = crate::objects::function::as_method(descr) {
        // An unbound method stored in a class (`update = Mapping.update`)
        // binds like its function, for subclasses of its class.
        if m.self_.is_empty() && !obj.is_empty() && crate::builtins::functions::subclass_of(cls, m.im_class)? {
            return Ok(new_method(m.func, obj, cls));
        }
        return Ok(descr);
    }
    if let Some(w) = as_wrapper(descr) {
        if w.cls == types::staticmethod() {
            return Ok(w.f.get());
        }
        if w.cls == types::classmethod() {
            return Ok(new_method(w.f.get(), cls, type_of(cls)));
        }
        if is_property(w.cls) {
            let g = w.f.get();
            if g == Value::NONE {
                return Err(attribute_error("unreadable attribute"));
            }
            return call(g, &[obj], &[]);
        }
    }
    if descr.is_ptr() && as_type(type_of(descr)).is_some_and(|t| t.has_flag(crate::objects::typeobj::HEAPTYPE)) {
        if let Some(get) = lookup(type_of(descr), crate::iname!("__get__")) {
            return call(get, &[descr, obj, cls], &[]);
        }
    }
    Ok(descr)
}

/// `getattr` returning None instead of raising AttributeError.
pub fn getattr_opt(obj: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(i) = classobj::as_classic_instance(obj) {
        return classic_getattr(i, name);
    }
    if let Some(c) = classobj::as_class(obj) {
        return classic_class_getattr(c, name);
    }
    // super(C, obj).name searches the MRO after C first.
    if let Some(sup) = crate::objects::descr::as_super(obj) {
        if let Some(v) = crate::objects::descr::super_getattr(sup, name)? {
            return Ok(Some(v));
        }
    }
    let t = type_of(obj);
    // A user-defined __getattribute__ takes over completely.
    if let Some(ga) = lookup(t, crate::iname!("__getattribute__")) {
        if as_function(ga).is_some() {
            return match call(ga, &[obj, name], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(types::attribute_error()) => getattr_hook(obj, t, name, Some(e)),
                Err(e) => Err(e),
            };
        }
    }
    if let Some(tobj) = as_type(obj) {
        // Attribute of a type: its MRO, descriptors bound to the class.
        if let Some(v) = super::super::objects::typeobj::lookup(obj, name) {
            if let Some(w) = as_wrapper(v) {
                if w.cls == types::staticmethod() {
                    return Ok(Some(w.f.get()));
                }
                if w.cls == types::classmethod() {
                    return Ok(Some(new_method(w.f.get(), obj, type_of(obj))));
                }
            }
            if as_function(v).is_some() {
                return Ok(Some(new_method(v, Value::EMPTY, obj)));
            }
            return Ok(Some(v));
        }
        if let Some(v) = crate::objects::special_attrs::type_attr(tobj, name)? {
            return Ok(Some(v));
        }
        // Attributes of the metatype (e.g. `mro`).
        if let Some(v) = lookup(t, name) {
            return bind(v, obj, t).map(Some);
        }
        return Ok(None);
    }
    let descr = lookup(t, name);
    if let Some(d) = descr {
        if is_data_descriptor(d) {
            return bind(d, obj, t).map(Some);
        }
    }
    if let Some(inst) = instance::as_instance(obj) {
        if let Some(v) = inst.get_attr(name) {
            return Ok(Some(v));
        }
    } else if let Some(m) = module::as_module(obj) {
        if let Some(v) = m.dict.get(name)? {
            return Ok(Some(v));
        }
    } else if let Some(f) = as_function(obj) {
        if let Some(d) = crate::objects::dict::as_dict(f.dict.get()) {
            if let Some(v) = d.get(name)? {
                return Ok(Some(v));
            }
        }
    }
    if let Some(d) = descr {
        return bind(d, obj, t).map(Some);
    }
    if let Some(v) = crate::objects::special_attrs::object_attr(obj, name)? {
        return Ok(Some(v));
    }
    getattr_hook(obj, t, name, None)
}

fn getattr_hook(obj: Value, t: Value, name: Value, err: Option<crate::runtime::PyErr>) -> PyResult<Option<Value>> {
    if let Some(h) = lookup(t, crate::iname!("__getattr__")) {
        return match call(h, &[obj, name], &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(types::attribute_error()) => Err(e),
            Err(e) => Err(e),
        };
    }
    match err {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

fn classic_getattr(i: vmcore::Gc<classobj::InstanceObj>, name: Value) -> PyResult<Option<Value>> {
    let obj = i.as_value();
    if let Some(v) = i.dict.get().get(name)? {
        return Ok(Some(v));
    }
    let n = pystr::as_bytes(name).unwrap_or(b"");
    if n == b"__dict__" {
        return Ok(Some(i.dict.get().as_value()));
    }
    if n == b"__class__" {
        return Ok(Some(i.class.get()));
    }
    if let Some(c) = classobj::as_class(i.class.get()) {
        if let Some(v) = classobj::class_lookup(c, name) {
            return bind(v, obj, c.as_value()).map(Some);
        }
        if let Some(h) = classobj::class_lookup(c, crate::iname!("__getattr__")) {
            return call(h, &[obj, name], &[]).map(Some);
        }
    }
    Ok(None)
}

fn classic_class_getattr(c: vmcore::Gc<classobj::ClassObj>, name: Value) -> PyResult<Option<Value>> {
    match pystr::as_bytes(name).unwrap_or(b"") {
        b"__dict__" => return Ok(Some(c.dict.as_value())),
        b"__name__" => return Ok(Some(c.name)),
        b"__bases__" => return Ok(Some(crate::objects::tuple::new_tuple(c.bases.borrow().clone()))),
        _ => {}
    }
    match classobj::class_lookup(c, name) {
        Some(v) if as_function(v).is_some() => Ok(Some(new_method(v, Value::EMPTY, c.as_value()))),
        Some(v) => bind_class_level(v, c.as_value()).map(Some),
        None => Ok(None),
    }
}

fn bind_class_level(v: Value, cls: Value) -> PyResult {
    if let Some(w) = as_wrapper(v) {
        if w.cls == types::staticmethod() {
            return Ok(w.f.get());
        }
        if w.cls == types::classmethod() {
            return Ok(new_method(w.f.get(), cls, type_of(cls)));
        }
    }
    Ok(v)
}

/// `obj.name = v`.
pub fn setattr(obj: Value, name: Value, v: Value) -> PyResult<()> {
    if let Some(i) = classobj::as_classic_instance(obj) {
        if let Some(c) = classobj::as_class(i.class.get()) {
            if let Some(h) = classobj::class_lookup(c, crate::iname!("__setattr__")) {
                call(h, &[obj, name, v], &[])?;
                return Ok(());
            }
        }
        return i.dict.get().set(name, v);
    }
    if let Some(c) = classobj::as_class(obj) {
        return c.dict.set(name, v);
    }
    let t = type_of(obj);
    if let Some(h) = lookup(t, crate::iname!("__setattr__")) {
        if as_function(h).is_some() {
            call(h, &[obj, name, v], &[])?;
            return Ok(());
        }
    }
    generic_setattr(obj, name, v)
}

/// `object.__setattr__`: data descriptors, then the instance's attributes.
pub fn generic_setattr(obj: Value, name: Value, v: Value) -> PyResult<()> {
    let t = type_of(obj);
    if let Some(d) = lookup(t, name) {
        if let Some(w) = as_wrapper(d) {
            if is_property(w.cls) {
                let s = w.fset.get();
                if s == Value::NONE {
                    return Err(attribute_error("can't set attribute"));
                }
                call(s, &[obj, v], &[])?;
                return Ok(());
            }
        } else if is_data_descriptor(d) {
            let set = lookup(type_of(d), crate::iname!("__set__")).expect("data descriptor has __set__");
            call(set, &[d, obj, v], &[])?;
            return Ok(());
        }
    }
    if let Some(inst) = instance::as_instance(obj) {
        if let Some(tt) = as_type(t) {
            if tt.has_flag(crate::objects::typeobj::NO_DICT) && !crate::objects::special_attrs::in_slots(tt, name) {
                return Err(no_attribute(obj, name));
            }
        }
        if pystr::as_bytes(name) == Some(b"__class__") {
            inst.cls.set(v);
            return Ok(());
        }
        if pystr::as_bytes(name) == Some(b"__dict__") {
            if let Some(nd) = crate::objects::dict::as_dict(v) {
                inst.shape.set(None);
                inst.dict.set(nd.as_value());
                return Ok(());
            }
        }
        return inst.set_attr(name, v);
    }
    if let Some(tt) = as_type(obj) {
        if !tt.has_flag(crate::objects::typeobj::HEAPTYPE) {
            return Err(crate::runtime::errors::type_error(format!(
                "can't set attributes of built-in/extension type '{}'",
                tt.name()
            )));
        }
        return crate::objects::special_attrs::set_type_attr(tt, name, v);
    }
    if let Some(m) = module::as_module(obj) {
        return m.dict.set(name, v);
    }
    if let Some(f) = as_function(obj) {
        return crate::objects::special_attrs::set_function_attr(f, name, v);
    }
    Err(match lookup(t, name) {
        Some(_) => attribute_error(format!("'{}' object attribute '{}' is read-only", type_name(obj), name_str(name))),
        None => no_attribute(obj, name),
    })
}

/// `del obj.name`.
pub fn delattr(obj: Value, name: Value) -> PyResult<()> {
    if let Some(i) = classobj::as_classic_instance(obj) {
        return match i.dict.get().del(name)? {
            Some(_) => Ok(()),
            None => Err(no_attribute(obj, name)),
        };
    }
    let t = type_of(obj);
    if let Some(h) = lookup(t, crate::iname!("__delattr__")) {
        if as_function(h).is_some() {
            call(h, &[obj, name], &[])?;
            return Ok(());
        }
    }
    if let Some(d) = lookup(t, name) {
        if let Some(w) = as_wrapper(d) {
            if is_property(w.cls) {
                let f = w.fdel.get();
                if f == Value::NONE {
                    return Err(attribute_error("can't delete attribute"));
                }
                call(f, &[obj], &[])?;
                return Ok(());
            }
        }
    }
    if let Some(inst) = instance::as_instance(obj) {
        if inst.del_attr(name)? {
            return Ok(());
        }
    } else if let Some(tt) = as_type(obj) {
        if tt.dict.del(name)?.is_some() {
            crate::objects::typeobj::bump_epoch();
            return Ok(());
        }
    } else if let Some(m) = module::as_module(obj) {
        if m.dict.del(name)?.is_some() {
            return Ok(());
        }
    }
    Err(no_attribute(obj, name))
}

/// A special method looked up on the type (not the instance), bound to `obj`,
/// as CPython does for `__len__`, `__iter__`, etc. Classic instances look on
/// the instance itself.
pub fn lookup_special(obj: Value, name: &str) -> Option<Value> {
    let n = pystr::intern(name);
    if classobj::as_classic_instance(obj).is_some() {
        return getattr_opt(obj, n).ok().flatten();
    }
    let t = type_of(obj);
    let d = lookup(t, n)?;
    bind(d, obj, t).ok()
}

/// `property` or a subclass of it (`class cached(property)`).
fn is_property(cls: Value) -> bool {
    cls == types::property() || crate::objects::typeobj::is_subtype(cls, types::property())
}
