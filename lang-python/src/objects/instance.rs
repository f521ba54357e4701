//! Instances of user-defined (new-style) classes.
//!
//! Attributes live in a compact slot vector whose layout is described by a
//! shared `Shape` (hidden class): two instances that got the same attributes
//! in the same order share a shape, and storing a known attribute is an index
//! write. An instance moves to "dict mode" (a real `dict`) when its `__dict__`
//! is requested or it gets a non-string attribute name; from then on
//! `__dict__` and attribute access see the same dict.
//!
//! Instances of subclasses of builtin types (`class L(list)`) keep the builtin
//! value they wrap in `base`; builtin methods look through it.

use super::dict::{new_dict, DictObj};
use super::typeobj::TypeObj;
use std::cell::{Cell, UnsafeCell};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::object::shape::Shape;
use vmcore::Value;

#[repr(C)]
pub struct ObjectObj {
    pub cls: Cell<Value>,
    /// None once the instance is in dict mode.
    pub shape: Cell<Option<Gc<Shape>>>,
    pub slots: UnsafeCell<Vec<Value>>,
    /// The attribute dict in dict mode, else EMPTY.
    pub dict: Cell<Value>,
    /// The wrapped builtin value for subclasses of builtins, else EMPTY.
    pub base: Cell<Value>,
}
unsafe impl Trace for ObjectObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls.get());
        self.shape.get().trace(t);
        self.slots.trace(t);
        t.value(self.dict.get());
        t.value(self.base.get());
    }
}
vmcore::gc_type!(ObjectObj, "object");

pub fn new_instance(cls: Gc<TypeObj>) -> Gc<ObjectObj> {
    alloc(ObjectObj {
        cls: Cell::new(cls.as_value()),
        shape: Cell::new(Some(cls.shape_root)),
        slots: UnsafeCell::new(Vec::new()),
        dict: Cell::new(Value::EMPTY),
        base: Cell::new(Value::EMPTY),
    })
}

impl ObjectObj {
    #[allow(clippy::mut_from_ref)]
    fn slots_mut(&self) -> &mut Vec<Value> {
        // SAFETY: single-threaded heap; no reference escapes these methods.
        unsafe { &mut *self.slots.get() }
    }

    /// Slot `i` of a shaped instance (for the interpreter's attribute caches,
    /// which have checked the shape).
    #[inline(always)]
    pub fn slot(&self, i: usize) -> Option<Value> {
        self.slots_mut().get(i).copied()
    }

    #[inline(always)]
    pub fn set_slot(&self, i: usize, v: Value) -> bool {
        match self.slots_mut().get_mut(i) {
            Some(s) => {
                *s = v;
                true
            }
            None => false,
        }
    }

    /// Adds a slot by a transition the caller found valid: the instance's
    /// shape becomes `next`, whose last key is the new attribute.
    #[inline(always)]
    pub fn push_slot(&self, next: Gc<Shape>, v: Value) {
        self.slots_mut().push(v);
        self.shape.set(Some(next));
    }

    /// Attribute `name` (an interned str) stored on the instance itself.
    #[inline]
    pub fn get_attr(&self, name: Value) -> Option<Value> {
        match self.shape.get() {
            Some(s) => s.lookup(name).map(|i| self.slots_mut()[i]).filter(|v| !v.is_empty()),
            None => Gc::<DictObj>::downcast(self.dict.get())?.get(name).ok().flatten(),
        }
    }

    /// Stores attribute `name` (an interned str) on the instance.
    pub fn set_attr(&self, name: Value, v: Value) -> crate::runtime::PyResult<()> {
        if let Some(s) = self.shape.get() {
            if let Some(i) = s.lookup(name) {
                self.slots_mut()[i] = v;
                return Ok(());
            }
            if s.len() < 64 && super::str::as_bytes(name).is_some() {
                let ns = Shape::with_key(s, name);
                self.slots_mut().push(v);
                self.shape.set(Some(ns));
                return Ok(());
            }
            self.to_dict_mode();
        }
        let d = Gc::<DictObj>::downcast(self.dict.get()).expect("dict mode has a dict");
        d.set(name, v)
    }

    /// Removes attribute `name`; false when it was not set.
    pub fn del_attr(&self, name: Value) -> crate::runtime::PyResult<bool> {
        if let Some(s) = self.shape.get() {
            match s.lookup(name) {
                Some(i) if !self.slots_mut()[i].is_empty() => {
                    // Deleting breaks the shape's ordering story: go to dict mode.
                    self.to_dict_mode();
                }
                _ => return Ok(false),
            }
        }
        let d = Gc::<DictObj>::downcast(self.dict.get()).expect("dict mode has a dict");
        Ok(d.del(name)?.is_some())
    }

    /// Switches to dict mode and returns the instance's `__dict__`.
    pub fn to_dict_mode(&self) -> Gc<DictObj> {
        if let Some(s) = self.shape.get() {
            let d = new_dict();
            for (k, v) in s.keys().into_iter().zip(self.slots_mut().iter()) {
                if !v.is_empty() {
                    d.set_str(&String::from_utf8_lossy(super::str::as_bytes(k).unwrap_or(b"?")), *v);
                }
            }
            self.shape.set(None);
            self.slots_mut().clear();
            self.dict.set(d.as_value());
        }
        Gc::<DictObj>::downcast(self.dict.get()).expect("dict mode has a dict")
    }
}

pub fn as_instance(v: Value) -> Option<Gc<ObjectObj>> {
    Gc::<ObjectObj>::downcast(v)
}

/// The builtin value behind `v`: `v` itself, or the `base` of an instance of
/// a subclass of a builtin type.
#[inline]
pub fn unwrap_base(v: Value) -> Value {
    match Gc::<ObjectObj>::downcast(v) {
        Some(o) if !o.base.get().is_empty() && !is_exception_layout(o.cls.get()) => o.base.get(),
        _ => v,
    }
}

/// Exception instances keep their `args` in `base`; that is not a builtin
/// payload to look through.
fn is_exception_layout(cls: Value) -> bool {
    super::typeobj::as_type(cls).is_some_and(|t| t.solid.get() == crate::runtime::types::base_exception())
}
