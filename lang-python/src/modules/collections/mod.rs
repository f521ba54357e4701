//! The `_collections` module that `collections.py` builds on: `deque`
//! (in `deque.rs`) and `defaultdict` (in `defaultdict.rs`).

mod defaultdict;
mod deque;

pub fn create() -> vmcore::gc::Gc<crate::objects::module::ModuleObj> {
    let m = crate::objects::module::new_module("_collections");
    m.dict.set_str("deque", deque::deque_type());
    m.dict.set_str("defaultdict", defaultdict::defaultdict_type());
    m
}
