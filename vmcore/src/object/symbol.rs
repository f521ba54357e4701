//! Interned symbols: a name is stored once and named by a small id, so
//! comparing names is comparing integers and a symbol fits in a `Value`.
//!
//! The table lives outside the GC heap and is never collected: symbols come
//! from program text (identifiers, atoms, selectors), which is bounded.

use crate::value::Value;
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Default)]
struct Table {
    ids: HashMap<&'static str, u32>,
    names: Vec<&'static str>,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// The id of `name`, interning it on first use.
pub fn intern(name: &str) -> u32 {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(&id) = t.ids.get(name) {
            return id;
        }
        // Leaked on purpose: symbols live as long as the process.
        let s: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let id = t.names.len() as u32;
        t.names.push(s);
        t.ids.insert(s, id);
        id
    })
}

/// The symbol `name` as a `Value`.
pub fn sym(name: &str) -> Value {
    Value::symbol(intern(name))
}

/// The name of symbol `id`.
pub fn name(id: u32) -> &'static str {
    TABLE.with(|t| t.borrow().names.get(id as usize).copied().unwrap_or("<bad symbol>"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn interning_is_idempotent() {
        let a = super::intern("foo");
        let b = super::intern("bar");
        assert_ne!(a, b);
        assert_eq!(super::intern("foo"), a);
        assert_eq!(super::name(b), "bar");
        assert_eq!(super::sym("foo").symbol_id(), a);
    }
}
