//! The `__builtin__` module: functions every Python program sees.

use crate::objects::module::{new_module, ModuleObj};
use vmcore::gc::{Gc, Root};

thread_local! {
    static BUILTINS: std::cell::OnceCell<Root> = const { std::cell::OnceCell::new() };
}

/// The `__builtin__` module, created on first use.
pub fn module() -> Gc<ModuleObj> {
    let v = BUILTINS.with(|b| {
        b.get_or_init(|| {
            let m = new_module("__builtin__");
            install(m);
            Root::new(m.as_value())
        })
        .get()
    });
    crate::objects::module::as_module(v).expect("builtins is a module")
}

/// Fills the module's dict: builtin types by name, then functions.
fn install(m: Gc<ModuleObj>) {
    use crate::runtime::types;
    for &(slot, name) in types::ALL {
        if name.contains('-') || name.contains('_') && name != "NotImplementedType" {
            continue;
        }
        m.dict.set_str(name, types::get(slot));
    }
    // Python 2.6+ spells str `bytes` too.
    m.dict.set_str("bytes", types::str());
    m.dict.set_str("None", vmcore::Value::NONE);
    m.dict.set_str("True", vmcore::Value::TRUE);
    m.dict.set_str("False", vmcore::Value::FALSE);
    m.dict.set_str("NotImplemented", crate::runtime::NOT_IMPLEMENTED);
    m.dict.set_str("Ellipsis", crate::runtime::ELLIPSIS);
    functions::install(m);
    interp_functions::install(m);
}

pub mod functions;
pub mod interp_functions;
#[cfg(test)]
mod tests;
