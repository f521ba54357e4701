//! `tuple`: an immutable array of values.

use crate::runtime::types;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct TupleObj {
    pub cls: Value,
    pub items: Box<[Value]>,
}
unsafe impl Trace for TupleObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.values(&self.items);
    }
}
vmcore::gc_type!(TupleObj, "tuple");

pub fn new_tuple(items: Vec<Value>) -> Value {
    // The Vec is moved into the object by the same allocation call, and its
    // values are also in the caller's frame or a rooted vec (see gc rules).
    let items = vmcore::gc::RootedVec::from_vec(items);
    let t = alloc(TupleObj { cls: types::tuple(), items: Box::default() });
    unsafe { t.get_mut().items = items.into_vec().into_boxed_slice() };
    t.as_value()
}

pub fn new_tuple_from(items: &[Value]) -> Value {
    let t = alloc(TupleObj { cls: types::tuple(), items: Box::default() });
    unsafe { t.get_mut().items = items.into() };
    t.as_value()
}

/// The items of a tuple (or tuple subclass instance).
#[inline]
pub fn as_tuple<'a>(v: Value) -> Option<&'a [Value]> {
    let v = super::instance::unwrap_base(v);
    let t = Gc::<TupleObj>::downcast(v)?;
    // SAFETY: tuples are immutable and live while the caller holds `v`.
    Some(unsafe { &*(&*t.items as *const [Value]) })
}
