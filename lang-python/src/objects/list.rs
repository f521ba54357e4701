//! `list`: a growable array of values.

use crate::runtime::types;
use std::cell::UnsafeCell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct ListObj {
    pub cls: Value,
    pub items: UnsafeCell<Vec<Value>>,
}
unsafe impl Trace for ListObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        self.items.trace(t);
    }
}
vmcore::gc_type!(ListObj, "list");

impl ListObj {
    /// The items. Callers must not hold this across calls that run Python code
    /// which could mutate the list (re-fetch instead).
    #[allow(clippy::mut_from_ref)]
    #[inline]
    pub fn v(&self) -> &mut Vec<Value> {
        // SAFETY: single-threaded heap.
        unsafe { &mut *self.items.get() }
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    let items = vmcore::gc::RootedVec::from_vec(items);
    let l = alloc(ListObj { cls: types::list(), items: UnsafeCell::new(Vec::new()) });
    *l.v() = items.into_vec();
    vmcore::gc::note_external_bytes(l.v().len() * 8);
    l.as_value()
}

/// The list behind `v` (a list or an instance of a list subclass).
#[inline]
pub fn as_list(v: Value) -> Option<Gc<ListObj>> {
    Gc::<ListObj>::downcast(super::instance::unwrap_base(v))
}
