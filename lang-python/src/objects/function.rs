//! Callables: Python functions, builtin (Rust) functions, bound methods, cells.

use crate::runtime::{types, NativeFn};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

/// A function defined in Python: code + globals + defaults + closure.
#[repr(C)]
pub struct FunctionObj {
    pub cls: Value,
    pub code: Cell<Value>,
    pub globals: Value,
    /// The builtins dict frames of this function see (from globals at creation).
    pub builtins: Value,
    /// Tuple of default values or NONE.
    pub defaults: Cell<Value>,
    /// Tuple of cells or NONE.
    pub closure: Value,
    pub name: Cell<Value>,
    pub doc: Cell<Value>,
    pub module: Cell<Value>,
    /// `__dict__` for function attributes, created on demand (EMPTY until then).
    pub dict: Cell<Value>,
}
unsafe impl Trace for FunctionObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.code.get(), self.globals, self.builtins, self.defaults.get(), self.closure, self.name.get(), self.doc.get(), self.module.get(), self.dict.get()]);
    }
}
vmcore::gc_type!(FunctionObj, "function");

pub fn as_function(v: Value) -> Option<Gc<FunctionObj>> {
    Gc::<FunctionObj>::downcast(v)
}

/// A function implemented in Rust. `self_` is EMPTY until bound to an object.
#[repr(C)]
pub struct BuiltinFnObj {
    pub cls: Value,
    pub name: &'static str,
    pub f: NativeFn,
    pub self_: Value,
    /// The type that defines it (for method descriptors), or EMPTY.
    pub owner: Value,
    /// The module name for module-level functions (`__module__`), or EMPTY.
    pub module: Value,
    pub doc: Option<&'static str>,
}
unsafe impl Trace for BuiltinFnObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.self_, self.owner, self.module]);
    }
}
vmcore::gc_type!(BuiltinFnObj, "builtin_function_or_method");

pub fn as_builtin(v: Value) -> Option<Gc<BuiltinFnObj>> {
    Gc::<BuiltinFnObj>::downcast(v)
}

/// A module-level builtin function.
pub fn new_builtin(name: &'static str, f: NativeFn) -> Value {
    alloc(BuiltinFnObj { cls: types::builtin_function(), name, f, self_: Value::EMPTY, owner: Value::EMPTY, module: Value::EMPTY, doc: None }).as_value()
}

/// An unbound method of a builtin type (a method descriptor).
pub fn new_method_descriptor(owner: Value, name: &'static str, f: NativeFn) -> Value {
    alloc(BuiltinFnObj { cls: types::method_descriptor(), name, f, self_: Value::EMPTY, owner, module: Value::EMPTY, doc: None }).as_value()
}

/// The descriptor bound to `obj`.
pub fn bind_builtin(d: Gc<BuiltinFnObj>, obj: Value) -> Value {
    alloc(BuiltinFnObj { cls: types::builtin_function(), name: d.name, f: d.f, self_: obj, owner: d.owner, module: d.module, doc: d.doc }).as_value()
}

/// A bound (self_ set) or unbound (self_ EMPTY) method of a Python function.
#[repr(C)]
pub struct MethodObj {
    pub cls: Value,
    pub func: Value,
    pub self_: Value,
    pub im_class: Value,
}
unsafe impl Trace for MethodObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.func, self.self_, self.im_class]);
    }
}
vmcore::gc_type!(MethodObj, "instancemethod");

pub fn new_method(func: Value, self_: Value, im_class: Value) -> Value {
    alloc(MethodObj { cls: types::method(), func, self_, im_class }).as_value()
}

pub fn as_method(v: Value) -> Option<Gc<MethodObj>> {
    Gc::<MethodObj>::downcast(v)
}

/// A closure cell: a variable shared between a function and its inner functions.
#[repr(C)]
pub struct CellObj {
    pub cls: Value,
    /// EMPTY while unbound.
    pub v: Cell<Value>,
}
unsafe impl Trace for CellObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.value(self.v.get());
    }
}
vmcore::gc_type!(CellObj, "cell");

pub fn new_cell(v: Value) -> Gc<CellObj> {
    alloc(CellObj { cls: types::cell(), v: Cell::new(v) })
}

/// `staticmethod`, `classmethod` and `property`: descriptor wrappers.
#[repr(C)]
pub struct WrapperObj {
    pub cls: Value,
    /// The wrapped callable (fget for properties).
    pub f: Cell<Value>,
    pub fset: Cell<Value>,
    pub fdel: Cell<Value>,
    pub doc: Cell<Value>,
}
unsafe impl Trace for WrapperObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.f.get(), self.fset.get(), self.fdel.get(), self.doc.get()]);
    }
}
vmcore::gc_type!(WrapperObj, "descriptor-wrapper");

pub fn new_wrapper(cls: Value, f: Value) -> Gc<WrapperObj> {
    alloc(WrapperObj { cls, f: Cell::new(f), fset: Cell::new(Value::NONE), fdel: Cell::new(Value::NONE), doc: Cell::new(Value::NONE) })
}

pub fn as_wrapper(v: Value) -> Option<Gc<WrapperObj>> {
    Gc::<WrapperObj>::downcast(v)
}

/// `instancemethod(function, instance[, class])` (`types.MethodType`):
/// an instance of None makes an unbound method.
fn method_new(a: &[Value], kw: crate::runtime::KwArgs) -> crate::runtime::PyResult {
    super::args::arity("instancemethod", &a[1..], kw, 2, 3)?;
    let (func, obj) = (a[1], a[2]);
    if !crate::builtins::functions::is_callable(func) {
        return Err(crate::runtime::errors::type_error("first argument must be callable"));
    }
    let cls = a.get(3).copied().unwrap_or(Value::NONE);
    if obj == Value::NONE && cls == Value::NONE {
        return Err(crate::runtime::errors::type_error("unbound methods must have non-NULL im_class"));
    }
    let self_ = if obj == Value::NONE { Value::EMPTY } else { obj };
    Ok(new_method(func, self_, cls))
}

pub fn install() {
    super::add_static(types::method(), "__new__", method_new);
}
