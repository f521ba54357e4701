//! `str`: Python 2 byte strings.
//!
//! Immutable bytes with a cached hash (CPython 2.7's string hash, so dict and
//! set order match CPython). Identifiers and attribute names are interned:
//! one object per distinct name, so shape lookups and dict probes compare
//! pointers first.

use crate::runtime::types;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use vmcore::gc::{alloc, Gc, Root, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct StrObj {
    pub cls: Value,
    /// -1 until computed (CPython never yields -1 as a hash).
    pub hash: Cell<i64>,
    pub bytes: Box<[u8]>,
}
unsafe impl Trace for StrObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(StrObj, "str");

/// CPython 2.7's string hash (no randomisation, as with PYTHONHASHSEED unset).
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut x: i64 = (b[0] as i64) << 7;
    for &c in b {
        x = x.wrapping_mul(1_000_003) ^ c as i64;
    }
    x ^= b.len() as i64;
    if x == -1 { -2 } else { x }
}

impl StrObj {
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_bytes(&self.bytes);
        self.hash.set(h);
        h
    }
    pub fn as_str_lossy(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }
}

pub fn new_str(b: &[u8]) -> Value {
    if b.len() == 1 {
        return single_char(b[0]);
    }
    vmcore::gc::note_external_bytes(b.len());
    alloc(StrObj { cls: types::str(), hash: Cell::new(-1), bytes: b.into() }).as_value()
}

pub fn new_str_owned(b: Vec<u8>) -> Value {
    if b.len() == 1 {
        return single_char(b[0]);
    }
    vmcore::gc::note_external_bytes(b.len());
    alloc(StrObj { cls: types::str(), hash: Cell::new(-1), bytes: b.into_boxed_slice() }).as_value()
}

pub fn new_str_of_class(cls: Value, b: &[u8]) -> Value {
    alloc(StrObj { cls, hash: Cell::new(-1), bytes: b.into() }).as_value()
}

/// The bytes of a str (or str subclass instance).
#[inline]
pub fn as_bytes<'a>(v: Value) -> Option<&'a [u8]> {
    let s = Gc::<StrObj>::downcast(v)?;
    // SAFETY: the object is live while the caller holds `v` (conservative roots);
    // its bytes never change.
    Some(unsafe { &*(&*s.bytes as *const [u8]) })
}

/// A fast non-cryptographic hasher for the intern table: names are short and
/// come from program text, and the table is probed on every `intern`.
#[derive(Default)]
pub struct FxHasher(u64);
impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}
type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

thread_local! {
    static INTERNED: RefCell<HashMap<Box<[u8]>, Root, FxBuild>> = RefCell::new(HashMap::default());
    static CHARS: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
}

/// The one-character strings are preallocated, as in CPython.
fn single_char(c: u8) -> Value {
    CHARS.with(|cs| {
        let mut cs = cs.borrow_mut();
        if cs.is_empty() {
            for i in 0..=255u8 {
                let s = alloc(StrObj { cls: types::str(), hash: Cell::new(-1), bytes: Box::new([i]) });
                cs.push(Root::new(s.as_value()));
            }
        }
        cs[c as usize].get()
    })
}

/// The interned str for a name known at compile time, cached per call site:
/// `iname!("__init__")` costs a thread-local load after the first use.
#[macro_export]
macro_rules! iname {
    ($s:literal) => {{
        thread_local! {
            static NAME: std::cell::Cell<vmcore::Value> = const { std::cell::Cell::new(vmcore::Value::EMPTY) };
        }
        NAME.with(|n| {
            let v = n.get();
            if v.is_empty() {
                let v = $crate::objects::str::intern($s);
                n.set(v);
                v
            } else {
                v
            }
        })
    }};
}

/// The unique str object for `name`.
pub fn intern(name: &str) -> Value {
    intern_bytes(name.as_bytes())
}

pub fn intern_bytes(b: &[u8]) -> Value {
    if let Some(v) = INTERNED.with(|m| m.borrow().get(b).map(|r| r.get())) {
        return v;
    }
    let v = new_str(b);
    INTERNED.with(|m| m.borrow_mut().insert(b.into(), Root::new(v)));
    v
}

/// Interns an existing str value (returns the canonical object).
pub fn intern_value(v: Value) -> Value {
    match as_bytes(v) {
        Some(b) if Gc::<StrObj>::downcast(v).map(|s| s.cls) == Some(types::str()) => {
            if let Some(c) = INTERNED.with(|m| m.borrow().get(b).map(|r| r.get())) {
                return c;
            }
            INTERNED.with(|m| m.borrow_mut().insert(b.into(), Root::new(v)));
            v
        }
        _ => v,
    }
}
