//! `module`: a namespace with a dict (`__name__`, `__file__`, globals).

use super::dict::{new_dict, DictObj};
use crate::runtime::types;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct ModuleObj {
    pub cls: Value,
    pub dict: Gc<DictObj>,
}
unsafe impl Trace for ModuleObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.gc(self.dict);
    }
}
vmcore::gc_type!(ModuleObj, "module");

pub fn new_module(name: &str) -> Gc<ModuleObj> {
    let d = new_dict();
    d.set_str("__name__", super::str::new_str(name.as_bytes()));
    d.set_str("__doc__", Value::NONE);
    d.set_str("__package__", Value::NONE);
    alloc(ModuleObj { cls: types::module(), dict: d })
}

pub fn as_module(v: Value) -> Option<Gc<ModuleObj>> {
    Gc::<ModuleObj>::downcast(v)
}
