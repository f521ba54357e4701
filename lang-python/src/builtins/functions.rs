//! The functions of `__builtin__` (being written).

use crate::objects::module::ModuleObj;
use vmcore::gc::Gc;

pub fn install(_m: Gc<ModuleObj>) {}
