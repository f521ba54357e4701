//! The `_functools` module (what `functools.py` builds on): `partial` and
//! `reduce` (the builtin's implementation under a second name).
//!
//! A partial object carries a `__dict__` like an instance of a class, so
//! every partial (of the type itself or of a subclass) is an instance object
//! whose `base` holds the `PartialObj` with the function and the frozen
//! arguments; the instance machinery then gives it attributes for free.

use super::module_with;
use crate::builtins::functions::is_callable;
use crate::objects::function::{new_builtin, new_wrapper};
use crate::objects::instance::{as_instance, new_instance, unwrap_base};
use crate::objects::{add_method, add_static, dict, tuple, typeobj};
use crate::ops;
use crate::runtime::errors::type_error;
use crate::runtime::{types, KwArgs, NativeFn, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct PartialObj {
    pub cls: Value,
    pub func: Cell<Value>,
    /// A tuple.
    pub args: Cell<Value>,
    /// A dict (empty when no keywords were frozen).
    pub keywords: Cell<Value>,
}
unsafe impl Trace for PartialObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.func.get(), self.args.get(), self.keywords.get()]);
    }
}
vmcore::gc_type!(PartialObj, "functools.partial");

crate::native_type!(partial_type, make_partial_type);

fn this(v: Value) -> PyResult<Gc<PartialObj>> {
    Gc::<PartialObj>::downcast(unwrap_base(v))
        .ok_or_else(|| type_error(format!("descriptor requires a 'functools.partial' object but received a '{}'", typeobj::type_name(v))))
}

/// `partial(func, *args, **keywords)`, for the type or a subclass.
fn partial_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls_t = typeobj::check_new_cls(a[0], partial_type())?;
    let Some(&func) = a.get(1) else {
        return Err(type_error("type 'partial' takes at least one argument"));
    };
    if !is_callable(func) {
        return Err(type_error("the first argument must be callable"));
    }
    let keywords = dict::new_dict();
    for &(k, v) in kw {
        keywords.set(k, v)?;
    }
    let p = alloc(PartialObj {
        cls: partial_type(),
        func: Cell::new(func),
        args: Cell::new(tuple::new_tuple_from(&a[2..])),
        keywords: Cell::new(keywords.as_value()),
    });
    let inst = new_instance(cls_t);
    inst.base.set(p.as_value());
    Ok(inst.as_value())
}

/// Calls the function with the frozen positional arguments first, and the
/// frozen keywords updated by the call's.
fn partial_call(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a[0])?;
    let frozen = tuple::as_tuple(p.args.get()).expect("partial args are a tuple");
    let mut args = RootedVec::from_vec(frozen.to_vec());
    args.extend_from_slice(&a[1..]);
    let keywords = dict::as_dict(p.keywords.get()).expect("partial keywords are a dict");
    if keywords.is_empty() {
        return ops::call(p.func.get(), &args, kw);
    }
    // Merged in a fresh dict, so the callee sees the dict's order as in CPython.
    let merged = dict::new_dict();
    crate::objects::dict_methods::merge(merged, keywords.as_value())?;
    for &(k, v) in kw {
        merged.set(k, v)?;
    }
    let kws = merged.items();
    ops::call(p.func.get(), &args, &kws)
}

/// The instance's attribute dict if it has one (CPython makes it lazily).
fn dict_if_any(v: Value) -> Value {
    match as_instance(v) {
        Some(i) if !i.dict.get().is_empty() || i.shape.get().is_some_and(|s| !s.is_empty()) => i.to_dict_mode().as_value(),
        _ => Value::NONE,
    }
}

/// `(type(p), (func,), (func, args, keywords, __dict__ or None))`.
fn partial_reduce(a: &[Value], kw: KwArgs) -> PyResult {
    crate::objects::args::noargs("__reduce__", &a[1..], kw)?;
    let p = this(a[0])?;
    let state = tuple::new_tuple(vec![p.func.get(), p.args.get(), p.keywords.get(), dict_if_any(a[0])]);
    Ok(tuple::new_tuple(vec![typeobj::as_type(ops::class_of(a[0])).map(|t| t.as_value()).unwrap_or(Value::NONE), tuple::new_tuple_from(&[p.func.get()]), state]))
}

fn partial_setstate(a: &[Value], kw: KwArgs) -> PyResult {
    let state = crate::objects::args::one("__setstate__", &a[1..], kw)?;
    let p = this(a[0])?;
    let invalid = || type_error("invalid partial state");
    let s = tuple::as_tuple(state).filter(|s| s.len() == 4).ok_or_else(invalid)?;
    let (func, args, keywords, d) = (s[0], s[1], s[2], s[3]);
    if !is_callable(func) || tuple::as_tuple(args).is_none() || (keywords != Value::NONE && dict::as_dict(unwrap_base(keywords)).is_none()) {
        return Err(invalid());
    }
    let args = if crate::runtime::type_of(args) == types::tuple() { args } else { tuple::new_tuple(ops::to_vec(args)?) };
    let keywords = match dict::as_dict(unwrap_base(keywords)) {
        Some(_) if crate::runtime::type_of(keywords) == types::dict() => keywords,
        Some(k) => {
            let c = dict::new_dict();
            crate::objects::dict_methods::merge(c, k.as_value())?;
            c.as_value()
        }
        None => dict::new_dict().as_value(),
    };
    p.func.set(func);
    p.args.set(args);
    p.keywords.set(keywords);
    if let Some(i) = as_instance(a[0]) {
        match dict::as_dict(d) {
            Some(nd) => {
                i.shape.set(None);
                i.dict.set(nd.as_value());
            }
            None if dict_if_any(a[0]) != Value::NONE => i.dict.set(dict::new_dict().as_value()),
            None => {}
        }
    }
    Ok(Value::NONE)
}

fn get_func(a: &[Value], _: KwArgs) -> PyResult {
    Ok(this(a[0])?.func.get())
}
fn get_args(a: &[Value], _: KwArgs) -> PyResult {
    Ok(this(a[0])?.args.get())
}
fn get_keywords(a: &[Value], _: KwArgs) -> PyResult {
    Ok(this(a[0])?.keywords.get())
}
fn readonly(_: &[Value], _: KwArgs) -> PyResult {
    Err(type_error("readonly attribute"))
}

fn get_dict(a: &[Value], _: KwArgs) -> PyResult {
    let i = as_instance(a[0]).ok_or_else(|| type_error("partial object has no __dict__"))?;
    Ok(i.to_dict_mode().as_value())
}
fn set_dict(a: &[Value], _: KwArgs) -> PyResult {
    let i = as_instance(a[0]).ok_or_else(|| type_error("partial object has no __dict__"))?;
    let d = dict::as_dict(a[1]).ok_or_else(|| type_error("setting partial object's dictionary to a non-dict"))?;
    i.shape.set(None);
    i.dict.set(d.as_value());
    Ok(Value::NONE)
}
fn del_dict(_: &[Value], _: KwArgs) -> PyResult {
    Err(type_error("a partial object's dictionary may not be deleted"))
}

/// A data descriptor (a property) with the given getter, setter and deleter.
fn add_property(t: Value, name: &'static str, get: NativeFn, set: NativeFn, del: NativeFn) {
    let w = new_wrapper(types::property(), new_builtin(name, get));
    w.fset.set(new_builtin(name, set));
    w.fdel.set(new_builtin(name, del));
    typeobj::as_type(t).expect("a type").dict.set_str(name, w.as_value());
}

fn make_partial_type() -> Value {
    let t = super::new_native_type("functools", "partial", None, true);
    add_static(t, "__new__", partial_new);
    add_method(t, "__call__", partial_call);
    add_method(t, "__reduce__", partial_reduce);
    add_method(t, "__setstate__", partial_setstate);
    add_property(t, "func", get_func, readonly, readonly);
    add_property(t, "args", get_args, readonly, readonly);
    add_property(t, "keywords", get_keywords, readonly, readonly);
    add_property(t, "__dict__", get_dict, set_dict, del_dict);
    let doc = "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n";
    typeobj::as_type(t).expect("a type").dict.set_str("__doc__", crate::objects::str::new_str(doc.as_bytes()));
    t
}

pub fn create() -> Gc<crate::objects::module::ModuleObj> {
    let m = module_with("_functools", &[("reduce", crate::builtins::functions::b_reduce)]);
    m.dict.set_str("partial", partial_type());
    m
}
