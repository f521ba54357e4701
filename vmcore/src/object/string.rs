//! Immutable heap strings with a cached hash.
//!
//! `Str` holds bytes; the frontend decides what they mean (Python 2 `str` is
//! bytes, Prolog atoms' texts are UTF-8). The hash is computed once, on first
//! request, by a function the frontend supplies, because languages disagree on
//! string hashing and some (CPython) make it observable.

use crate::gc::{alloc, Gc, Trace, Tracer};
use std::cell::Cell;

pub struct Str {
    bytes: Box<[u8]>,
    hash: Cell<Option<i64>>,
}
unsafe impl Trace for Str {
    fn trace(&self, _: &mut Tracer) {}
}
crate::gc_type!(Str, "str");

impl Str {
    pub fn new(bytes: &[u8]) -> Gc<Str> {
        crate::gc::note_external_bytes(bytes.len());
        alloc(Str { bytes: bytes.into(), hash: Cell::new(None) })
    }
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
    /// The text as UTF-8, or None if the bytes are not valid UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    /// The hash, computed by `f` on first call and cached.
    pub fn hash_with(&self, f: impl FnOnce(&[u8]) -> i64) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = f(&self.bytes);
        self.hash.set(Some(h));
        h
    }
}
