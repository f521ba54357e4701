//! Inline caches for LOAD_ATTR, STORE_ATTR and LOAD_METHOD on plain
//! instances.
//!
//! A site (code object, instruction) remembers the last instance layout it
//! saw: (class, shape, type epoch) -> slot index, for stores that add an
//! attribute the shape the instance moves to, and for method loads the
//! class's function (the shape proves no instance attribute shadows it). A hit skips the shape walk
//! and both type lookups (no class attribute of that name, no
//! `__getattribute__`/`__setattr__`), which the cached epoch vouches for:
//! any change to any type bumps it.
//!
//! The entries live in one direct-mapped table per thread (as the type
//! attribute cache does) rather than beside each instruction, so code
//! objects stay small; the table is a GC root, so a cached code object,
//! class or shape cannot die and have its address reused.

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
    site: Site,
    cls: Value,
    /// The instance's shape before the access.
    shape: Value,
    epoch: u64,
    slot: usize,
    /// Stores that add an attribute: the shape after (else EMPTY).
    next: Value,
    /// LOAD_METHOD sites: the method (else EMPTY).
    method: Value,
}

const EMPTY: Entry = Entry { site: Site { code: Value::EMPTY, pc: 0 }, cls: Value::EMPTY, shape: Value::EMPTY, epoch: 0, slot: 0, next: Value::EMPTY, method: Value::EMPTY };

thread_local! {
    static TABLE: UnsafeCell<[Entry; SIZE]> = const { UnsafeCell::new([EMPTY; SIZE]) };
}

pub fn trace_roots(t: &mut Tracer) {
    TABLE.with(|c| {
        for e in unsafe { &*c.get() }.iter() {
            // The code object too: a new one at a dead one's address must
            // not find its entries.
            t.values(&[e.site.code, e.cls, e.shape, e.next, e.method]);
        }
    });
}

/// An attribute-access instruction: the code object and the pc after it.
#[derive(Copy, Clone, PartialEq)]
pub struct Site {
    code: Value,
    pc: usize,
}

#[inline(always)]
pub fn site(code: Value, pc: usize) -> Site {
    Site { code, pc }
}

#[inline(always)]
fn index(site: Site) -> usize {
    ((site.code.0 as usize >> 4) ^ site.pc.wrapping_mul(0x9E37_79B9)).wrapping_mul(0x9E37_79B9) >> 7 & (SIZE - 1)
}

#[inline(always)]
fn entry(site: Site) -> Entry {
    TABLE.with(|c| unsafe { (*c.get())[index(site)] })
}

fn set_entry(site: Site, e: Entry) {
    TABLE.with(|c| unsafe { (*c.get())[index(site)] = e });
}

#[inline(always)]
fn layout(inst: Gc<ObjectObj>) -> Option<(Value, Value)> {
    Some((inst.cls.get(), inst.shape.get()?.as_value()))
}

#[inline(always)]
fn hit(e: &Entry, site: Site, inst: Gc<ObjectObj>) -> bool {
    e.site == site && layout(inst) == Some((e.cls, e.shape)) && e.epoch == EPOCH.load(Relaxed)
}

/// `obj.name` from the cache, if this site has seen `obj`'s layout.
#[inline(always)]
pub fn load(site: Site, obj: Value) -> Option<Value> {
    let inst = Gc::<ObjectObj>::downcast(obj)?;
    let e = entry(site);
    if !hit(&e, site, inst) || !e.next.is_empty() || !e.method.is_empty() {
        return None;
    }
    inst.slot(e.slot).filter(|v| !v.is_empty())
}

/// Records that `obj.name` (just read by the general path, which found it
/// on the instance with no class attribute in the way) lives in its slot.
pub fn fill_load(site: Site, obj: Value, name: Value) {
    let Some(inst) = Gc::<ObjectObj>::downcast(obj) else { return };
    let Some((cls, shape)) = layout(inst) else { return };
    let Some(slot) = inst.shape.get().and_then(|s| s.lookup(name)) else { return };
    set_entry(site, Entry { site, cls, shape, epoch: EPOCH.load(Relaxed), slot, next: Value::EMPTY, method: Value::EMPTY });
}

/// `obj.name = v` through the cache; false on a miss.
#[inline(always)]
pub fn store(site: Site, obj: Value, v: Value) -> bool {
    let Some(inst) = Gc::<ObjectObj>::downcast(obj) else { return false };
    let e = entry(site);
    if !hit(&e, site, inst) || !e.method.is_empty() {
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
pub fn fill_store(site: Site, obj: Value, name: Value, before: Value) {
    let Some(inst) = Gc::<ObjectObj>::downcast(obj) else { return };
    let Some((cls, after)) = layout(inst) else { return };
    let Some(slot) = inst.shape.get().and_then(|s| s.lookup(name)) else { return };
    let next = if after == before { Value::EMPTY } else { after };
    set_entry(site, Entry { site, cls, shape: before, epoch: EPOCH.load(Relaxed), slot, next, method: Value::EMPTY });
}

/// The shape of `obj` if it is a shaped instance (taken before a store).
#[inline(always)]
pub fn shape_of(obj: Value) -> Value {
    Gc::<ObjectObj>::downcast(obj).and_then(|i| i.shape.get()).map(|s| s.as_value()).unwrap_or(Value::EMPTY)
}

/// `obj.name` about to be called: the class's method, if this site has
/// seen `obj`'s layout.
#[inline(always)]
pub fn load_method(site: Site, obj: Value) -> Option<Value> {
    let inst = Gc::<ObjectObj>::downcast(obj)?;
    let e = entry(site);
    (hit(&e, site, inst) && !e.method.is_empty()).then_some(e.method)
}

/// Records the method `method_lookup` just found for `obj`.
pub fn fill_method(site: Site, obj: Value, method: Value) {
    let Some(inst) = Gc::<ObjectObj>::downcast(obj) else { return };
    let Some((cls, shape)) = layout(inst) else { return };
    set_entry(site, Entry { site, cls, shape, epoch: EPOCH.load(Relaxed), slot: 0, next: Value::EMPTY, method });
}
