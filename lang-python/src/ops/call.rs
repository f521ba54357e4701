//! Calling anything callable: Python functions (through the interpreter),
//! builtins, bound methods, types (`__new__` then `__init__`), classic
//! classes, and objects with `__call__`.

use crate::objects::function::{as_builtin, as_function, as_method};
use crate::objects::typeobj::{as_type, class_name, is_subtype, lookup, type_name};
use crate::objects::{classobj, str as pystr};
use crate::runtime::errors::type_error;
use crate::runtime::{type_of, types, KwArgs, PyResult};
use vmcore::Value;

/// `f(*args, **kw)`.
pub fn call(f: Value, args: &[Value], kw: KwArgs) -> PyResult {
    if let Some(func) = as_function(f) {
        return crate::interp::call_function(func, args, kw);
    }
    if let Some(b) = as_builtin(f) {
        if b.self_.is_empty() {
            if b.cls == types::method_descriptor() {
                check_descriptor_self(b.name, b.owner, args)?;
            }
            return (b.f)(args, kw);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(b.self_);
        full.extend_from_slice(args);
        let r = (b.f)(&full, kw);
        // `full` is not scanned by the GC: keep the bound object (and so
        // `self_`) visible on the stack until the call returns.
        std::hint::black_box(f);
        return r;
    }
    if let Some(m) = as_method(f) {
        if m.self_.is_empty() {
            // Unbound method: the first argument must be an instance of the class.
            let ok = args.first().is_some_and(|&a| is_subtype(super::class_of(a), m.im_class));
            if !ok {
                let fname = as_function(m.func).map(|f| String::from_utf8_lossy(pystr::as_bytes(f.name.get()).unwrap_or(b"?")).into_owned()).unwrap_or_default();
                let got = match args.first() {
                    Some(&a) => format!("{} instance", describe_instance(a)),
                    None => "nothing".into(),
                };
                return Err(type_error(format!(
                    "unbound method {fname}() must be called with {} instance as first argument (got {got} instead)",
                    class_name(m.im_class)
                )));
            }
            return call(m.func, args, kw);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(m.self_);
        full.extend_from_slice(args);
        let r = call(m.func, &full, kw);
        std::hint::black_box(f);
        return r;
    }
    if let Some(t) = as_type(f) {
        return type_call(t, args, kw);
    }
    if let Some(c) = classobj::as_class(f) {
        return classic_call(c, args, kw);
    }
    if let Some(m) = super::lookup_special(f, "__call__") {
        return call(m, args, kw);
    }
    Err(type_error(format!("'{}' object is not callable", type_name(f))))
}

fn describe_instance(a: Value) -> String {
    if let Some(i) = classobj::as_classic_instance(a) {
        return class_name(i.class.get());
    }
    type_name(a)
}

fn check_descriptor_self(name: &str, owner: Value, args: &[Value]) -> PyResult<()> {
    match args.first() {
        Some(&s) if owner.is_empty() || is_subtype(type_of(s), owner) || crate::objects::instance::unwrap_base(s) != s && is_subtype(type_of(crate::objects::instance::unwrap_base(s)), owner) => Ok(()),
        Some(&s) => Err(type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            tp_name(owner),
            type_name(s)
        ))),
        None => Err(type_error(format!("descriptor '{name}' of '{}' object needs an argument", tp_name(owner)))),
    }
}

fn tp_name(t: Value) -> String {
    as_type(t).map(|t| t.tp_name()).unwrap_or_else(|| class_name(t))
}

/// Calls method `name` of `obj` with `args`.
pub fn call_method(obj: Value, name: &str, args: &[Value]) -> PyResult {
    let m = super::getattr(obj, pystr::intern(name))?;
    call(m, args, &[])
}

/// `type.__call__`: `type(x)`, or `cls.__new__(cls, ...)` then `__init__`.
fn type_call(t: vmcore::Gc<crate::objects::typeobj::TypeObj>, args: &[Value], kw: KwArgs) -> PyResult {
    let tv = t.as_value();
    if tv == types::type_() && args.len() == 1 && kw.is_empty() {
        return Ok(type_of(args[0]));
    }
    let new = lookup(tv, crate::iname!("__new__")).ok_or_else(|| type_error(format!("cannot create '{}' instances", t.name())))?;
    let new = match crate::objects::function::as_wrapper(new) {
        Some(w) if w.cls == types::staticmethod() => w.f.get(),
        _ => new,
    };
    let mut nargs = Vec::with_capacity(args.len() + 1);
    nargs.push(tv);
    nargs.extend_from_slice(args);
    let obj = call(new, &nargs, kw)?;
    // type(name, bases, dict) returns a class: no __init__ of the instance.
    if !is_subtype(super::class_of(obj), tv) {
        return Ok(obj);
    }
    if let Some(init) = lookup(type_of(obj), crate::iname!("__init__")) {
        let is_object_init = as_builtin(init).is_some_and(|b| b.owner == types::object());
        if !is_object_init {
            let mut iargs = Vec::with_capacity(args.len() + 1);
            iargs.push(obj);
            iargs.extend_from_slice(args);
            let r = call(init, &iargs, kw)?;
            if r != Value::NONE {
                return Err(type_error(format!("__init__() should return None, not '{}'", type_name(r))));
            }
        }
    }
    Ok(obj)
}

/// Instantiating a classic class.
fn classic_call(c: vmcore::Gc<classobj::ClassObj>, args: &[Value], kw: KwArgs) -> PyResult {
    let inst = classobj::new_classic_instance(c.as_value());
    let obj = inst.as_value();
    match classobj::class_lookup(c, crate::iname!("__init__")) {
        Some(init) => {
            let mut iargs = Vec::with_capacity(args.len() + 1);
            iargs.push(obj);
            iargs.extend_from_slice(args);
            let r = call(init, &iargs, kw)?;
            if r != Value::NONE {
                return Err(type_error("__init__() should return None"));
            }
        }
        None if !args.is_empty() || !kw.is_empty() => return Err(type_error("this constructor takes no arguments")),
        None => {}
    }
    Ok(obj)
}

/// `except cls:` matching: cls may be a class or a tuple of classes.
pub fn exception_matches(exc_type: Value, cls: Value) -> bool {
    if let Some(items) = crate::objects::tuple::as_tuple(cls) {
        return items.iter().any(|&c| exception_matches(exc_type, c));
    }
    is_subtype(exc_type, cls)
}
