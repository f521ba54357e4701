//! `dict`: a hash table (see `hashtable`) behind a class word.
//!
//! Keys are hashed with Python's `hash()` and compared with `==`, so every
//! operation may run Python code and may fail.

use super::hashtable::Table;
use crate::ops;
use crate::runtime::{types, PyResult};
use std::cell::UnsafeCell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct DictObj {
    pub cls: Value,
    pub table: UnsafeCell<Table>,
}
unsafe impl Trace for DictObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        self.table.trace(t);
    }
}
vmcore::gc_type!(DictObj, "dict");

impl DictObj {
    /// The table, for code that runs no Python code while holding it.
    #[allow(clippy::mut_from_ref)]
    pub fn t(&self) -> &mut Table {
        // SAFETY: single-threaded heap; callers don't hold this across calls into Python.
        unsafe { &mut *self.table.get() }
    }
    pub fn tp(&self) -> *mut Table {
        self.table.get()
    }
    pub fn get(&self, key: Value) -> PyResult<Option<Value>> {
        Table::get(self.tp(), key, ops::hash(key)?)
    }
    pub fn set(&self, key: Value, value: Value) -> PyResult<()> {
        Table::insert(self.tp(), key, ops::hash(key)?, value)
    }
    pub fn del(&self, key: Value) -> PyResult<Option<Value>> {
        Table::remove(self.tp(), key, ops::hash(key)?)
    }
    /// Lookup by a Rust string (interns it: names in dicts are interned strs).
    pub fn get_str(&self, name: &str) -> Option<Value> {
        let k = super::str::intern(name);
        self.get(k).ok().flatten()
    }
    pub fn set_str(&self, name: &str, v: Value) {
        let k = super::str::intern(name);
        // Invariant: str keys hash and compare without running Python code.
        let _ = self.set(k, v);
    }
    pub fn len(&self) -> usize {
        self.t().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Snapshot of (key, value) pairs in iteration order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.t().iter().map(|e| (e.key, e.value)).collect()
    }
}

pub fn new_dict() -> Gc<DictObj> {
    alloc(DictObj { cls: types::dict(), table: UnsafeCell::new(Table::new()) })
}

pub fn new_dict_presized(n: usize) -> Gc<DictObj> {
    alloc(DictObj { cls: types::dict(), table: UnsafeCell::new(Table::presized(n)) })
}

pub fn new_dict_of_class(cls: Value) -> Gc<DictObj> {
    alloc(DictObj { cls, table: UnsafeCell::new(Table::new()) })
}

/// The dict behind `v` (a dict or an instance of a dict subclass).
pub fn as_dict(v: Value) -> Option<Gc<DictObj>> {
    Gc::<DictObj>::downcast(v)
}
