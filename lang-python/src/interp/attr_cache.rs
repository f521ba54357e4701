//! Inline caches for LOAD_ATTR and STORE_ATTR on plain instances.
//!
//! A site (code object, instruction) remembers the last instance layout it
//! saw: (class, shape, type epoch) -> slot index, and for stores that add
//! an attribute, the shape the instance moves to. A hit skips the shape walk
//! and both type lookups (no class attribute of that name, no
//! `__getattribute__`/`__setattr__`), which the cached epoch vouches for:
//! any change to any type bumps it.
//!
//! The entries live in one direct-mapped table per thread (as the type
//! attribute cache does) rather than beside each instruction, so code
//! objects stay small; the table is a GC root, so a cached class or shape
//! cannot die and have its address reused.

use crate::objects::instance::ObjectObj;
use crate::objects::typeobj::EPOCH;
use std::cell::UnsafeCell;
use std::sync::atomic::Ordering::Relaxed;
use vmcore::gc::{Gc, Tracer};
use vmcore::object::shape::Shape;
use vmcore::Value;

const SIZE: usize = 1024;

#[derive(Copy, Clone)]
struct Entry {
    site: usize,
    cls: Value,
    /// The instance's shape before the access.
    shape: Value,
    epoch: u64,
    slot: usize,
    /// Stores that add an attribute: the shape after (else EMPTY).
    next: Value,
}

const EMPTY: Entry = Entry { site: 0, cls: Value::EMPTY, shape: Value::EMPTY, epoch: 0, slot: 0, next: Value::EMPTY };

thread_local! {
    static TABLE: UnsafeCell<[Entry; SIZE]> = const { UnsafeCell::new([EMPTY; SIZE]) };
}

pub fn trace_roots(t: &mut Tracer) {
    TABLE.with(|c| {
        for e in unsafe { &*c.get() }.iter() {
            t.values(&[e.cls, e.shape, e.next]);
        }
    });
}

/// The cache key of instruction `pc` of the code object at `code`.
#[inline(always)]
pub fn site(code: usize, pc: usize) -> usize {
    code ^ (pc << 3) ^ 1
}

#[inline(always)]
fn index(site: usize) -> usize {
    (site >> 3).wrapping_mul(0x9E37_79B9) % SIZE
}

#[inline(always)]
fn entry(site: usize) -> Entry {
    TABLE.with(|c| unsafe { (*c.get())[index(site)] })
}

fn set_entry(site: usize, e: Entry) {
    TABLE.with(|c| unsafe { (*c.get())[index(site)] = e });
}

#[inline(always)]
fn layout(inst: Gc<ObjectObj>) -> Option<(Value, Value)> {
    Some((inst.cls.get(), inst.shape.get()?.as_value()))
}

#[inline(always)]
fn hit(e: &Entry, site: usize, inst: Gc<ObjectObj>) -> bool {
    e.site == site && layout(inst) == Some((e.cls, e.shape)) && e.epoch == EPOCH.load(Relaxed)
}

/// `obj.name` from the cache, if this site has seen `obj`'s layout.
#[inline(always)]
pub fn load(site: usize, obj: Value) -> Option<Value> {
    let inst = Gc::<ObjectObj>::downcast(obj)?;
    let e = entry(site);
    if !hit(&e, site, inst) || !e.next.is_empty() {
        return None;
    }
    inst.slot(e.slot).filter(|v| !v.is_empty())
}

/// Records that `obj.name` (just read by the general path, which found it
/// on the instance with no class attribute in the way) lives in its slot.
pub fn fill_load(site: usize, obj: Value, name: Value) {
    let Some(inst) = Gc::<ObjectObj>::downcast(obj) else { return };
    let Some((cls, shape)) = layout(inst) else { return };
    let Some(slot) = inst.shape.get().and_then(|s| s.lookup(name)) else { return };
    set_entry(site, Entry { site, cls, shape, epoch: EPOCH.load(Relaxed), slot, next: Value::EMPTY });
}

/// `obj.name = v` through the cache; false on a miss.
#[inline(always)]
pub fn store(site: usize, obj: Value, v: Value) -> bool {
    let Some(inst) = Gc::<ObjectObj>::downcast(obj) else { return false };
    let e = entry(site);
    if !hit(&e, site, inst) {
        return false;
    }
    if e.next.is_empty() {
        return inst.set_slot(e.slot, v);
    }
    match Gc::<Shape>::downcast(e.next) {
        Some(next) => {
            inst.push_slot(next, v);
            true
        }
        None => false,
    }
}

/// Records a store the general fast path just did on a plain instance:
/// `before` is the shape the instance had.
pub fn fill_store(site: usize, obj: Value, name: Value, before: Value) {
    let Some(inst) = Gc::<ObjectObj>::downcast(obj) else { return };
    let Some((cls, after)) = layout(inst) else { return };
    let Some(slot) = inst.shape.get().and_then(|s| s.lookup(name)) else { return };
    let next = if after == before { Value::EMPTY } else { after };
    set_entry(site, Entry { site, cls, shape: before, epoch: EPOCH.load(Relaxed), slot, next });
}

/// The shape of `obj` if it is a shaped instance (taken before a store).
#[inline(always)]
pub fn shape_of(obj: Value) -> Value {
    Gc::<ObjectObj>::downcast(obj).and_then(|i| i.shape.get()).map(|s| s.as_value()).unwrap_or(Value::EMPTY)
}
