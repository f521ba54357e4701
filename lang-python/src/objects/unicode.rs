//! `unicode`: UCS4 text. Code points are stored as `u32` rather than Rust
//! `char` because Python 2 unicode strings may hold lone surrogates.

use crate::runtime::{types, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct UnicodeObj {
    pub cls: Value,
    pub hash: Cell<i64>,
    pub chars: Box<[u32]>,
}
unsafe impl Trace for UnicodeObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(UnicodeObj, "unicode");

pub fn new_unicode(chars: Vec<u32>) -> Value {
    vmcore::gc::note_external_bytes(chars.len() * 4);
    alloc(UnicodeObj { cls: types::unicode(), hash: Cell::new(-1), chars: chars.into_boxed_slice() }).as_value()
}

pub fn as_unicode<'a>(v: Value) -> Option<&'a [u32]> {
    let u = Gc::<UnicodeObj>::downcast(crate::objects::instance::unwrap_base(v))?;
    // SAFETY: immutable, live while the caller holds `v`.
    Some(unsafe { &*(&*u.chars as *const [u32]) })
}

/// Same algorithm as str's hash, over code points, so u'abc' == 'abc' hash alike.
pub fn hash_chars(c: &[u32]) -> i64 {
    if c.is_empty() {
        return 0;
    }
    let mut x: i64 = (c[0] as i64) << 7;
    for &ch in c {
        x = x.wrapping_mul(1_000_003) ^ ch as i64;
    }
    x ^= c.len() as i64;
    if x == -1 { -2 } else { x }
}

/// `repr(u'...')` as CPython 2.7 writes it.
pub fn unicode_repr(v: Value) -> Vec<u8> {
    let c = as_unicode(v).unwrap_or(&[]);
    let q = if c.contains(&('\'' as u32)) && !c.contains(&('"' as u32)) { b'"' } else { b'\'' };
    let mut out = vec![b'u', q];
    for &ch in c {
        match ch {
            0x5c => out.extend_from_slice(b"\\\\"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x09 => out.extend_from_slice(b"\\t"),
            c if c == q as u32 => {
                out.push(b'\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(ch as u8),
            0..=0xff => out.extend_from_slice(format!("\\x{ch:02x}").as_bytes()),
            0x100..=0xffff => out.extend_from_slice(format!("\\u{ch:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{ch:08x}").as_bytes()),
        }
    }
    out.push(q);
    out
}

/// Encodes as ASCII, failing as CPython's implicit conversion does.
pub fn encode_ascii(v: Value) -> PyResult<Vec<u8>> {
    let c = as_unicode(v).unwrap_or(&[]);
    // The codec raises UnicodeEncodeError with CPython's exact message.
    crate::objects::codecs::encode_ascii(c, crate::objects::codecs::Handler::Strict)
}

/// Bytes written by `print` and `file.write` for a unicode object: ASCII,
/// as CPython does when the stream has no declared encoding.
pub fn encode_for_output(v: Value) -> PyResult<Vec<u8>> {
    encode_ascii(v)
}
