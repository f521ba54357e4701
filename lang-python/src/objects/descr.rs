//! `property`, `staticmethod`, `classmethod` (constructors and methods of
//! the descriptor wrappers in `function.rs`), the getset and member
//! descriptors of builtin types' attributes, and `super`.
//!
//! `super(C, obj).name` looks `name` up along `type(obj)`'s MRO *after* C
//! and binds what it finds to `obj`; `ops::getattr_opt` sends attribute
//! reads on super objects to `super_getattr`.

use super::args::{self, one};
use super::function::{as_wrapper, new_method_descriptor, new_wrapper, WrapperObj};
use super::typeobj::{self, as_type, class_name, is_subtype, type_name};
use super::{add_method, add_static, classobj, str as pystr};
use crate::ops;
use crate::runtime::errors::{attribute_error, type_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyResult};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

// ---- property ----

fn wrapper_of(v: Value, kind: Value) -> PyResult<Gc<WrapperObj>> {
    match as_wrapper(v) {
        Some(w) if is_subtype(w.cls, kind) || (kind == types::property() && is_attribute_descriptor(w.cls)) => Ok(w),
        _ => Err(type_error(format!("descriptor requires a '{}' object but received a '{}'", class_name(kind), type_name(v)))),
    }
}

/// The doc string of a getter, used when `property()` gets none.
fn doc_of(f: Value) -> PyResult<Value> {
    if f == Value::NONE {
        return Ok(Value::NONE);
    }
    Ok(ops::getattr_opt(f, pystr::intern("__doc__"))?.unwrap_or(Value::NONE))
}

fn property_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    let p = args::parse("property", &a[1..], kw, &["fget", "fset", "fdel", "doc"], 0)?;
    let w = new_wrapper(cls, p[0].unwrap_or(Value::NONE));
    w.fset.set(p[1].unwrap_or(Value::NONE));
    w.fdel.set(p[2].unwrap_or(Value::NONE));
    let doc = match p[3] {
        Some(d) if d != Value::NONE => d,
        _ => doc_of(w.f.get())?,
    };
    w.doc.set(doc);
    Ok(w.as_value())
}

/// `property.__init__` does its work in `__new__`; accept the same arguments.
fn property_init(_a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(Value::NONE)
}

/// `getter`/`setter`/`deleter`: a copy with one function replaced.
fn property_copy(a: &[Value], kw: KwArgs, name: &str, which: usize) -> PyResult {
    let f = one(name, &a[1..], kw)?;
    let w = wrapper_of(a[0], types::property())?;
    let n = new_wrapper(w.cls, w.f.get());
    n.fset.set(w.fset.get());
    n.fdel.set(w.fdel.get());
    n.doc.set(w.doc.get());
    match which {
        0 => {
            n.f.set(f);
            if w.doc.get() == Value::NONE {
                n.doc.set(doc_of(f)?);
            }
        }
        1 => n.fset.set(f),
        _ => n.fdel.set(f),
    }
    Ok(n.as_value())
}
fn property_getter(a: &[Value], kw: KwArgs) -> PyResult {
    property_copy(a, kw, "getter", 0)
}
fn property_setter(a: &[Value], kw: KwArgs) -> PyResult {
    property_copy(a, kw, "setter", 1)
}
fn property_deleter(a: &[Value], kw: KwArgs) -> PyResult {
    property_copy(a, kw, "deleter", 2)
}

fn property_get(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("__get__", &a[1..], kw, 1, 2)?;
    let w = wrapper_of(a[0], types::property())?;
    if a[1] == Value::NONE {
        return Ok(a[0]);
    }
    if w.f.get() == Value::NONE {
        return Err(attribute_error("unreadable attribute"));
    }
    ops::call(w.f.get(), &[a[1]], &[])
}

fn property_set(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("__set__", &a[1..], kw, 2, 2)?;
    let w = wrapper_of(a[0], types::property())?;
    if w.fset.get() == Value::NONE {
        return Err(readonly(w.cls, "can't set attribute"));
    }
    ops::call(w.fset.get(), &[a[1], a[2]], &[])?;
    Ok(Value::NONE)
}

fn property_delete(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("__delete__", &a[1..], kw, 1, 1)?;
    let w = wrapper_of(a[0], types::property())?;
    if w.fdel.get() == Value::NONE {
        return Err(attribute_error("can't delete attribute"));
    }
    ops::call(w.fdel.get(), &[a[1]], &[])?;
    Ok(Value::NONE)
}

/// `del obj.attr` through a getset or member descriptor: its setter without a value.
fn attribute_delete(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("__delete__", &a[1..], kw, 1, 1)?;
    let w = wrapper_of(a[0], types::property())?;
    if w.fdel.get() == Value::NONE {
        return Err(type_error("readonly attribute"));
    }
    ops::call(w.fdel.get(), &[a[1]], &[])?;
    Ok(Value::NONE)
}

fn p_fget(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(wrapper_of(a[0], types::property())?.f.get())
}
fn p_fset(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(wrapper_of(a[0], types::property())?.fset.get())
}
fn p_fdel(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(wrapper_of(a[0], types::property())?.fdel.get())
}
fn p_doc(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(wrapper_of(a[0], types::property())?.doc.get())
}

// ---- getset and member descriptors ----
//
// A builtin type's attribute (`function.func_code`, `frame.f_back`): a
// property-like wrapper whose getter is a method descriptor named after the
// attribute and owned by the type, and whose setter (if any) also deletes
// when called without a value. CPython has two kinds with one behaviour:
// getset descriptors (computed) and member descriptors (a struct field).

/// The error for assigning (or deleting) through a descriptor without a
/// setter: builtin attributes say "readonly attribute", properties `msg`.
pub fn readonly(cls: Value, msg: &str) -> crate::runtime::PyErr {
    if is_attribute_descriptor(cls) { type_error("readonly attribute") } else { attribute_error(msg) }
}

/// `getset_descriptor` or `member_descriptor`.
pub fn is_attribute_descriptor(cls: Value) -> bool {
    cls == types::getset_descriptor() || cls == types::member_descriptor()
}

fn add_attribute(kind: Value, t: Value, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    let w = new_wrapper(kind, new_method_descriptor(t, name, get));
    if let Some(s) = set {
        let s = new_method_descriptor(t, name, s);
        w.fset.set(s);
        w.fdel.set(s);
    }
    args::set_attr(t, name, w.as_value());
}

/// Adds a computed attribute to builtin type `t`; `set(obj, value)` is also
/// called as `set(obj)` for `del obj.name`.
pub fn add_getset(t: Value, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    add_attribute(types::getset_descriptor(), t, name, get, set);
}

/// Adds an attribute stored in a field of `t`'s instances (as `add_getset`).
pub fn add_member(t: Value, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    add_attribute(types::member_descriptor(), t, name, get, set);
}

fn attribute_repr(a: &[Value], _kw: KwArgs) -> PyResult {
    let w = wrapper_of(a[0], types::property())?;
    let text = match super::function::as_builtin(w.f.get()) {
        Some(b) => format!("<attribute '{}' of '{}' objects>", b.name, class_name(b.owner)),
        None => "<attribute>".into(),
    };
    Ok(pystr::new_str_owned(text.into_bytes()))
}

fn attribute_name(a: &[Value], _kw: KwArgs) -> PyResult {
    let w = wrapper_of(a[0], types::property())?;
    Ok(super::function::as_builtin(w.f.get()).map(|b| pystr::new_str(b.name.as_bytes())).unwrap_or(Value::NONE))
}

fn attribute_objclass(a: &[Value], _kw: KwArgs) -> PyResult {
    let w = wrapper_of(a[0], types::property())?;
    Ok(super::function::as_builtin(w.f.get()).map(|b| b.owner).unwrap_or(Value::NONE))
}

// ---- staticmethod / classmethod ----

fn wrap_new(a: &[Value], kw: KwArgs, name: &str) -> PyResult {
    if !kw.is_empty() {
        args::unpack_n(name, a.len() - 1, 1, 1)?;
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    args::unpack_n(name, a.len() - 1, 1, 1)?;
    Ok(new_wrapper(a[0], a[1]).as_value())
}
fn staticmethod_new(a: &[Value], kw: KwArgs) -> PyResult {
    if !kw.is_empty() && a.len() == 1 {
        return Err(type_error("staticmethod expected 1 arguments, got 0"));
    }
    wrap_new(a, kw, "staticmethod")
}
fn classmethod_new(a: &[Value], kw: KwArgs) -> PyResult {
    if !kw.is_empty() && a.len() == 1 {
        return Err(type_error("classmethod expected 1 arguments, got 0"));
    }
    wrap_new(a, kw, "classmethod")
}
fn noop_init(_a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(Value::NONE)
}

fn func_of(a: &[Value], _kw: KwArgs) -> PyResult {
    as_wrapper(a[0]).map(|w| w.f.get()).ok_or_else(|| type_error("descriptor '__func__' requires a wrapper"))
}

fn staticmethod_get(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("__get__", &a[1..], kw, 1, 2)?;
    Ok(wrapper_of(a[0], types::staticmethod())?.f.get())
}

fn classmethod_get(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("__get__", &a[1..], kw, 1, 2)?;
    let w = wrapper_of(a[0], types::classmethod())?;
    let cls = match a.get(2) {
        Some(&t) if t != Value::NONE => t,
        _ => ops::class_of(a[1]),
    };
    Ok(super::function::new_method(w.f.get(), cls, type_of(cls)))
}

// ---- super ----

#[repr(C)]
pub struct SuperObj {
    pub cls: Value,
    /// The class named in `super(C, ...)`.
    pub this: Value,
    /// The bound object, or EMPTY for `super(C)`.
    pub obj: Value,
    /// The type whose MRO is searched: `type(obj)`, or `obj` itself when it is a class.
    pub obj_type: Value,
}
unsafe impl Trace for SuperObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.this, self.obj, self.obj_type]);
    }
}
vmcore::gc_type!(SuperObj, "super");

pub fn as_super(v: Value) -> Option<Gc<SuperObj>> {
    Gc::<SuperObj>::downcast(v)
}

fn super_new(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("super", kw)?;
    let n = a.len() - 1;
    if n == 0 {
        return Err(type_error("super() takes at least 1 argument (0 given)"));
    }
    if n > 2 {
        return Err(type_error(format!("super() takes at most 2 arguments ({n} given)")));
    }
    let this = a[1];
    if as_type(this).is_none() {
        return Err(type_error(format!("super() argument 1 must be type, not {}", type_name(this))));
    }
    let (obj, obj_type) = match a.get(2) {
        None => (Value::EMPTY, Value::EMPTY),
        Some(&o) if o == Value::NONE => (Value::EMPTY, Value::EMPTY),
        Some(&o) => {
            let t = ops::class_of(o);
            if is_subtype(t, this) {
                (o, t)
            } else if (as_type(o).is_some() || classobj::as_class(o).is_some()) && is_subtype(o, this) {
                (o, o)
            } else {
                return Err(type_error("super(type, obj): obj must be an instance or subtype of type"));
            }
        }
    };
    Ok(alloc(SuperObj { cls: types::super_(), this, obj, obj_type }).as_value())
}

/// `super(C, obj).name`: the MRO of `obj`'s type after C. Ok(None) when
/// not found there (the caller then looks at the super object itself).
pub fn super_getattr(s: Gc<SuperObj>, name: Value) -> PyResult<Option<Value>> {
    if s.obj_type.is_empty() || pystr::as_bytes(name) == Some(b"__class__") {
        return Ok(None);
    }
    let mro = typeobj::mro_of(s.obj_type);
    let Some(pos) = mro.iter().position(|&c| c == s.this) else { return Ok(None) };
    for &c in &mro[pos + 1..] {
        let d = if let Some(t) = as_type(c) { t.dict } else if let Some(k) = classobj::as_class(c) { k.dict } else { continue };
        let Some(v) = d.get(name)? else { continue };
        // A class passed as `obj` binds nothing: functions come back unbound.
        let inst = if s.obj == s.obj_type { Value::EMPTY } else { s.obj };
        if let Some(w) = as_wrapper(v) {
            if w.cls == types::property() && inst.is_empty() {
                return Ok(Some(v));
            }
            if w.cls == types::classmethod() {
                return Ok(Some(super::function::new_method(w.f.get(), s.obj_type, type_of(s.obj_type))));
            }
        }
        if inst.is_empty() && super::function::as_builtin(v).is_some() {
            return Ok(Some(v));
        }
        return ops::bind_descriptor(v, inst, s.obj_type).map(Some);
    }
    Ok(None)
}

fn super_this(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(as_super(a[0]).map(|s| s.this).unwrap_or(Value::NONE))
}
fn super_self(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(as_super(a[0]).map(|s| if s.obj.is_empty() { Value::NONE } else { s.obj }).unwrap_or(Value::NONE))
}
fn super_self_class(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(as_super(a[0]).map(|s| if s.obj_type.is_empty() { Value::NONE } else { s.obj_type }).unwrap_or(Value::NONE))
}

fn super_repr(a: &[Value], _kw: KwArgs) -> PyResult {
    let s = as_super(a[0]).ok_or_else(|| type_error("super.__repr__ needs a super object"))?;
    let this = String::from_utf8_lossy(&ops::repr_bytes(s.this)?).into_owned();
    let text = if s.obj_type.is_empty() {
        format!("<super: {this}, NULL>")
    } else {
        format!("<super: {this}, <{} object>>", class_name(s.obj_type))
    };
    Ok(pystr::new_str_owned(text.into_bytes()))
}

/// `super(C).__get__(obj)`: bind an unbound super object.
fn super_get(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("__get__", &a[1..], kw, 1, 2)?;
    let s = as_super(a[0]).ok_or_else(|| type_error("super.__get__ needs a super object"))?;
    if a[1] == Value::NONE || !s.obj.is_empty() {
        return Ok(a[0]);
    }
    super_new(&[types::super_(), s.this, a[1]], &[])
}

pub fn install() {
    let p = types::property();
    add_static(p, "__new__", property_new);
    add_method(p, "__init__", property_init);
    add_method(p, "getter", property_getter);
    add_method(p, "setter", property_setter);
    add_method(p, "deleter", property_deleter);
    add_method(p, "__get__", property_get);
    add_method(p, "__set__", property_set);
    add_method(p, "__delete__", property_delete);
    args::add_getter(p, "fget", p_fget);
    args::add_getter(p, "fset", p_fset);
    args::add_getter(p, "fdel", p_fdel);
    args::add_getter(p, "__doc__", p_doc);

    add_static(types::staticmethod(), "__new__", staticmethod_new);
    add_method(types::staticmethod(), "__init__", noop_init);
    add_method(types::staticmethod(), "__get__", staticmethod_get);
    args::add_getter(types::staticmethod(), "__func__", func_of);
    add_static(types::classmethod(), "__new__", classmethod_new);
    add_method(types::classmethod(), "__init__", noop_init);
    add_method(types::classmethod(), "__get__", classmethod_get);
    args::add_getter(types::classmethod(), "__func__", func_of);

    for t in [types::getset_descriptor(), types::member_descriptor()] {
        add_method(t, "__get__", property_get);
        add_method(t, "__set__", property_set);
        add_method(t, "__delete__", attribute_delete);
        add_method(t, "__repr__", attribute_repr);
        args::add_getter(t, "__name__", attribute_name);
        args::add_getter(t, "__objclass__", attribute_objclass);
    }

    let s = types::super_();
    add_static(s, "__new__", super_new);
    add_method(s, "__get__", super_get);
    add_method(s, "__repr__", super_repr);
    args::add_getter(s, "__thisclass__", super_this);
    args::add_getter(s, "__self__", super_self);
    args::add_getter(s, "__self_class__", super_self_class);
}
