//! Iterators over builtin containers and xrange.

use crate::runtime::types;
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[derive(Copy, Clone, PartialEq, Eq)]
pub enum IterKind {
    /// list, tuple or str: by index.
    Seq,
    DictKeys,
    DictValues,
    DictItems,
    /// xrange: `seq` unused; start/step/len in the counters.
    Range,
    /// Calls `seq.__getitem__(i)` until IndexError (old sequence protocol).
    GetItem,
    /// set/frozenset keys by slot (see `objects::set::iter_next`).
    SetItems,
}

#[repr(C)]
pub struct IterObj {
    pub cls: Value,
    pub kind: IterKind,
    pub seq: Value,
    pub index: Cell<i64>,
    pub start: i64,
    pub step: i64,
    pub len: i64,
    /// Dict size at creation, to detect "changed size during iteration".
    pub version: Cell<usize>,
}
unsafe impl Trace for IterObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.value(self.seq);
    }
}
vmcore::gc_type!(IterObj, "iterator");

pub fn new_iter(kind: IterKind, seq: Value, version: usize) -> Value {
    alloc(IterObj { cls: types::iterator(), kind, seq, index: Cell::new(0), start: 0, step: 0, len: 0, version: Cell::new(version) }).as_value()
}

pub fn new_range_iter(start: i64, step: i64, len: i64) -> Value {
    alloc(IterObj { cls: types::iterator(), kind: IterKind::Range, seq: Value::NONE, index: Cell::new(0), start, step, len, version: Cell::new(0) }).as_value()
}

pub fn as_iter(v: Value) -> Option<Gc<IterObj>> {
    Gc::<IterObj>::downcast(v)
}

/// `it.next()` for the builtin iterators.
pub fn iter_next(args: &[Value], _kw: crate::runtime::KwArgs) -> crate::runtime::PyResult {
    match crate::ops::next(args[0])? {
        Some(v) => Ok(v),
        None => Err(crate::runtime::errors::stop_iteration()),
    }
}

/// `iter(it) is it`.
pub fn iter_self(args: &[Value], _kw: crate::runtime::KwArgs) -> crate::runtime::PyResult {
    Ok(args[0])
}
