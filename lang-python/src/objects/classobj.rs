//! Classic (old-style) classes and their instances: `class C:` with no
//! `object` among the bases. Python 2 keeps them for compatibility: they have
//! their own MRO (depth-first, left to right), `type(inst)` is `instance`,
//! and operators look up `__add__` etc. on the instance itself.

use super::dict::{new_dict, DictObj};
use crate::runtime::types;
use std::cell::{Cell, RefCell};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct ClassObj {
    pub cls: Value,
    pub name: Value,
    pub bases: RefCell<Vec<Value>>,
    pub dict: Gc<DictObj>,
}
unsafe impl Trace for ClassObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.value(self.name);
        self.bases.trace(t);
        t.gc(self.dict);
    }
}
vmcore::gc_type!(ClassObj, "classobj");

#[repr(C)]
pub struct InstanceObj {
    pub cls: Value,
    pub class: Cell<Value>,
    pub dict: Cell<Gc<DictObj>>,
}
unsafe impl Trace for InstanceObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.value(self.class.get());
        t.gc(self.dict.get());
    }
}
vmcore::gc_type!(InstanceObj, "instance");

pub fn new_class(name: Value, bases: Vec<Value>, dict: Gc<DictObj>) -> Gc<ClassObj> {
    alloc(ClassObj { cls: types::classobj(), name, bases: RefCell::new(bases), dict })
}

pub fn new_classic_instance(class: Value) -> Gc<InstanceObj> {
    alloc(InstanceObj { cls: types::instance(), class: Cell::new(class), dict: Cell::new(new_dict()) })
}

pub fn as_class(v: Value) -> Option<Gc<ClassObj>> {
    Gc::<ClassObj>::downcast(v)
}

pub fn as_classic_instance(v: Value) -> Option<Gc<InstanceObj>> {
    Gc::<InstanceObj>::downcast(v)
}

/// Depth-first, left-to-right search order of a classic class.
pub fn classic_mro(c: Gc<ClassObj>, out: &mut Vec<Value>) {
    if !out.contains(&c.as_value()) {
        out.push(c.as_value());
    }
    for &b in c.bases.borrow().iter() {
        if let Some(bc) = as_class(b) {
            classic_mro(bc, out);
        }
    }
}

/// Finds `name` in a classic class or its bases.
pub fn class_lookup(c: Gc<ClassObj>, name: Value) -> Option<Value> {
    if let Ok(Some(v)) = c.dict.get(name) {
        return Some(v);
    }
    for &b in c.bases.borrow().iter() {
        if let Some(bc) = as_class(b) {
            if let Some(v) = class_lookup(bc, name) {
                return Some(v);
            }
        }
    }
    None
}
