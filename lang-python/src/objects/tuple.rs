//! `tuple`: an immutable array of values.

use crate::runtime::types;
use vmcore::gc::{Gc, GcType, Trace, Tracer, TypeDesc};
use vmcore::Value;

/// A tuple's header; its `len` items follow it inline in the same heap cell,
/// so a tuple is one allocation and no malloc (tuples are the most common
/// short-lived objects: argument packs, multiple returns, dict items).
#[repr(C)]
pub struct TupleObj {
    pub cls: Value,
    pub len: usize,
}

const ITEMS_OFFSET: usize = std::mem::size_of::<TupleObj>();

impl TupleObj {
    pub fn items(&self) -> &[Value] {
        // SAFETY: alloc_tuple wrote `len` initialised items right after the header.
        unsafe { std::slice::from_raw_parts((self as *const Self as *const u8).add(ITEMS_OFFSET) as *const Value, self.len) }
    }
}

unsafe impl Trace for TupleObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.values(self.items());
    }
}

unsafe fn trace_tuple(p: *const u8, t: &mut Tracer) {
    (*(p as *const TupleObj)).trace(t)
}

static TUPLE_DESC: TypeDesc = TypeDesc { name: "tuple", trace: trace_tuple, drop: None };

impl GcType for TupleObj {
    fn type_desc() -> &'static TypeDesc {
        &TUPLE_DESC
    }
}

/// A tuple of class `cls` holding `items` (which the caller keeps rooted).
fn alloc_tuple(cls: Value, items: &[Value]) -> Value {
    let size = items.len().checked_mul(8).and_then(|b| b.checked_add(8 + ITEMS_OFFSET)).unwrap_or(usize::MAX);
    let Some(obj) = vmcore::gc::raw_alloc(size, &TUPLE_DESC) else { vmcore::fatal("out of memory") };
    // SAFETY: a fresh cell of `size` bytes; the payload follows the 8-byte header.
    unsafe {
        let payload = obj.add(8);
        std::ptr::write(payload as *mut TupleObj, TupleObj { cls, len: items.len() });
        std::ptr::copy_nonoverlapping(items.as_ptr(), payload.add(ITEMS_OFFSET) as *mut Value, items.len());
    }
    Value::from_ptr(obj)
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    let items = vmcore::gc::RootedVec::from_vec(items);
    alloc_tuple(types::tuple(), &items)
}

pub fn new_tuple_from(items: &[Value]) -> Value {
    alloc_tuple(types::tuple(), items)
}

/// The items of a tuple (or tuple subclass instance).
#[inline]
pub fn as_tuple<'a>(v: Value) -> Option<&'a [Value]> {
    let v = super::instance::unwrap_base(v);
    let t = Gc::<TupleObj>::downcast(v)?;
    // SAFETY: tuples are immutable and live while the caller holds `v`.
    Some(unsafe { &*(t.items() as *const [Value]) })
}
