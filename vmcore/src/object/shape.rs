//! Shapes (hidden classes, "maps" in PyPy and V8).
//!
//! An object with named slots stores only its values, in a compact array; the
//! layout (which name sits at which index) lives in a shared `Shape`. Adding an
//! attribute moves the object to a child shape along a transition; objects
//! built the same way share shapes, so a million instances share one layout
//! instead of carrying a million dictionaries. Because a shape never changes,
//! a JIT can guard on the shape pointer and then load a slot at a constant index.

use crate::gc::{alloc, Gc, Trace, Tracer};
use crate::value::Value;
use std::cell::RefCell;

/// One layout: the names of slots 0..len, in order.
pub struct Shape {
    parent: Option<Gc<Shape>>,
    /// The key added by this shape (EMPTY for the root).
    key: Value,
    len: u32,
    /// Child shapes by the key they add.
    transitions: RefCell<Vec<(Value, Gc<Shape>)>>,
    /// All keys of this shape in slot order, built on first lookup.
    keys: RefCell<Option<Vec<Value>>>,
}

unsafe impl Trace for Shape {
    fn trace(&self, t: &mut Tracer) {
        self.parent.trace(t);
        t.value(self.key);
        self.transitions.trace(t);
        self.keys.trace(t);
    }
}
crate::gc_type!(Shape, "shape");

impl Shape {
    /// A new empty root shape (one per class or object kind).
    pub fn root() -> Gc<Shape> {
        alloc(Shape { parent: None, key: Value::EMPTY, len: 0, transitions: RefCell::new(Vec::new()), keys: RefCell::new(None) })
    }

    /// Number of slots an object of this shape has.
    pub fn len(&self) -> usize {
        self.len as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Keys in slot order. Keys are compared by `Value` identity, so frontends
    /// use interned symbols or interned strings as keys.
    pub fn keys(&self) -> Vec<Value> {
        if let Some(k) = &*self.keys.borrow() {
            return k.clone();
        }
        let mut ks = Vec::with_capacity(self.len());
        let mut s: Option<&Shape> = Some(self);
        while let Some(sh) = s {
            if sh.len > 0 {
                ks.push(sh.key);
            }
            s = sh.parent.as_ref().map(|p| &**p);
        }
        ks.reverse();
        *self.keys.borrow_mut() = Some(ks.clone());
        ks
    }

    /// Slot index of `key`, if this shape has it.
    pub fn lookup(&self, key: Value) -> Option<usize> {
        if self.len <= 8 {
            // Short chains: walking is cheaper than building the key vector.
            let mut s: &Shape = self;
            while s.len > 0 {
                if s.key == key {
                    return Some(s.len as usize - 1);
                }
                s = s.parent.as_ref().map(|p| &**p)?;
            }
            return None;
        }
        if self.keys.borrow().is_none() {
            self.keys();
        }
        self.keys.borrow().as_ref()?.iter().position(|&k| k == key)
    }

    /// The shape with `key` appended, shared with every other object that took
    /// the same transition.
    pub fn with_key(this: Gc<Shape>, key: Value) -> Gc<Shape> {
        if let Some(&(_, s)) = this.transitions.borrow().iter().find(|(k, _)| *k == key) {
            return s;
        }
        let child = alloc(Shape { parent: Some(this), key, len: this.len + 1, transitions: RefCell::new(Vec::new()), keys: RefCell::new(None) });
        this.transitions.borrow_mut().push((key, child));
        child
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::symbol::sym;

    #[test]
    fn objects_built_alike_share_shapes() {
        let root = Shape::root();
        let a = Shape::with_key(Shape::with_key(root, sym("x")), sym("y"));
        let b = Shape::with_key(Shape::with_key(root, sym("x")), sym("y"));
        assert_eq!(a, b);
        assert_eq!(a.lookup(sym("y")), Some(1));
        assert_eq!(a.lookup(sym("z")), None);
        let mut s = root;
        for i in 0..20 {
            s = Shape::with_key(s, sym(&format!("k{i}")));
        }
        assert_eq!(s.lookup(sym("k13")), Some(13));
        assert_eq!(s.keys().len(), 20);
    }
}
