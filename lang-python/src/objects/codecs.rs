//! The codecs written in Rust: what `str.decode`, `unicode.encode` and
//! `unicode(s, enc)` use directly, and what the `_codecs` module exposes to
//! `codecs.py` and the `encodings` package. Encodings not known here are
//! looked up in the codec registry (`modules::_codecs`).
//!
//! Each decoder reports how much input it consumed: with `final` false a
//! sequence cut off at the end is left for the next call (incremental
//! decoders). Malformed input goes to the error handler, which is one of
//! the builtin ones or a function registered with `codecs.register_error`;
//! errors are CPython's UnicodeDecodeError/UnicodeEncodeError with their
//! `(encoding, object, start, end, reason)` arguments.

use super::str::{as_bytes, new_str};
use super::tuple;
use super::typeobj::type_name;
use super::unicode::{as_unicode, new_unicode};
use crate::ops;
use crate::runtime::errors::{index_error, type_error, value_error};
use crate::runtime::{types, PyErr, PyResult};
use vmcore::Value;

// ---------------------------------------------------------------------------
// Errors and error handlers.

/// A UnicodeDecodeError for `input[start..end]`.
pub fn decode_exc(encoding: &str, input: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let args = [new_str(encoding.as_bytes()), new_str(input), int(start), int(end), new_str(reason.as_bytes())];
    PyErr::with_args(types::unicode_decode_error(), &args)
}

/// A UnicodeEncodeError for `input[start..end]`.
pub fn encode_exc(encoding: &str, input: &[u32], start: usize, end: usize, reason: &str) -> PyErr {
    let args = [new_str(encoding.as_bytes()), new_unicode(input.to_vec()), int(start), int(end), new_str(reason.as_bytes())];
    PyErr::with_args(types::unicode_encode_error(), &args)
}

fn int(i: usize) -> Value {
    super::int::new_int(i as i64)
}

/// An `errors` argument resolved.
#[derive(Clone, Copy)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    XmlCharRefReplace,
    BackslashReplace,
    /// A function registered with `codecs.register_error`.
    Custom(Value),
    /// Any other name (a str): looked up in the registry at the first
    /// error, as CPython does, so an unknown name only fails on bad input.
    Named(Value),
}

impl Handler {
    /// The builtin handlers by name, else a name for the registry.
    pub fn by_name(errors: &str) -> Handler {
        match errors {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "backslashreplace" => Handler::BackslashReplace,
            _ => Handler::Named(new_str(errors.as_bytes())),
        }
    }

    /// A `Named` handler looked up in the registry.
    fn resolve(self) -> PyResult<Handler> {
        match self {
            Handler::Named(name) => {
                let name = String::from_utf8_lossy(as_bytes(name).unwrap_or(b"")).into_owned();
                Ok(Handler::Custom(crate::modules::_codecs::lookup_error_handler(&name)?))
            }
            h => Ok(h),
        }
    }
}

/// Calls a registered handler on `exc`; returns (replacement, resume position).
fn call_handler(f: Value, exc: PyErr, input_len: usize, what: &str) -> PyResult<(Vec<u32>, usize)> {
    let r = ops::call(f, &[exc.value], &[])?;
    let bad = || type_error(format!("{what} error handler must return (unicode, int) tuple"));
    let items = tuple::as_tuple(r).filter(|t| t.len() == 2).ok_or_else(bad)?;
    let rep = as_unicode(items[0]).ok_or_else(bad)?.to_vec();
    let pos = super::int::as_int(items[1]).ok_or_else(bad)?;
    let pos = if pos < 0 { pos + input_len as i64 } else { pos };
    if pos < 0 || pos > input_len as i64 {
        return Err(index_error(format!("position {} from error handler out of bounds", pos)));
    }
    Ok((rep, pos as usize))
}

/// Handles undecodable `input[start..end]`; returns where decoding resumes.
pub fn on_decode_error(h: Handler, encoding: &str, input: &[u8], start: usize, end: usize, reason: &str, out: &mut Vec<u32>) -> PyResult<usize> {
    match h.resolve()? {
        Handler::Strict => Err(decode_exc(encoding, input, start, end, reason)),
        Handler::Ignore => Ok(end),
        Handler::Replace => {
            out.push(0xfffd);
            Ok(end)
        }
        Handler::XmlCharRefReplace | Handler::BackslashReplace => Err(type_error("don't know how to handle UnicodeDecodeError in error callback")),
        Handler::Named(_) => unreachable!("resolved above"),
        Handler::Custom(f) => {
            let (rep, pos) = call_handler(f, decode_exc(encoding, input, start, end, reason), input.len(), "decoding")?;
            out.extend(rep);
            Ok(pos)
        }
    }
}

/// The replacement text a handler gives for unencodable `input[start..end]`
/// and where encoding resumes. The caller encodes the replacement.
pub fn on_encode_error(h: Handler, encoding: &str, input: &[u32], start: usize, end: usize, reason: &str) -> PyResult<(Vec<u32>, usize)> {
    let chars = &input[start..end];
    let text = |s: String| s.chars().map(|c| c as u32).collect::<Vec<u32>>();
    match h.resolve()? {
        Handler::Strict => Err(encode_exc(encoding, input, start, end, reason)),
        Handler::Ignore => Ok((Vec::new(), end)),
        Handler::Replace => Ok((vec!['?' as u32; chars.len()], end)),
        Handler::XmlCharRefReplace => Ok((text(chars.iter().map(|c| format!("&#{c};")).collect()), end)),
        Handler::BackslashReplace => Ok((text(chars.iter().map(|&c| char_escape(c)).collect()), end)),
        Handler::Custom(f) => call_handler(f, encode_exc(encoding, input, start, end, reason), input.len(), "encoding"),
        Handler::Named(_) => unreachable!("resolved above"),
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn char_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

// ---------------------------------------------------------------------------
// Encoders over a character set: ASCII, Latin-1, charmaps.

/// Encodes with `map` (a character's bytes, or None when unencodable);
/// runs of unencodable characters go to the handler, whose replacement
/// must itself be encodable (else the original error is raised).
fn encode_with(u: &[u32], h: Handler, encoding: &str, reason: &str, map: &mut dyn FnMut(u32, &mut Vec<u8>) -> PyResult<bool>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(u.len());
    let mut i = 0;
    while i < u.len() {
        if map(u[i], &mut out)? {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < u.len() {
            let mut scratch = Vec::new();
            if map(u[end], &mut scratch)? {
                break;
            }
            end += 1;
        }
        let (rep, resume) = on_encode_error(h, encoding, u, i, end, reason)?;
        for c in rep {
            if !map(c, &mut out)? {
                return Err(encode_exc(encoding, u, i, end, reason));
            }
        }
        i = resume;
    }
    Ok(out)
}

pub fn encode_ascii(u: &[u32], h: Handler) -> PyResult<Vec<u8>> {
    encode_with(u, h, "ascii", "ordinal not in range(128)", &mut |c, out| Ok(c < 0x80 && {
        out.push(c as u8);
        true
    }))
}

pub fn encode_latin1(u: &[u32], h: Handler) -> PyResult<Vec<u8>> {
    encode_with(u, h, "latin-1", "ordinal not in range(256)", &mut |c, out| Ok(c < 0x100 && {
        out.push(c as u8);
        true
    }))
}

/// `charmap_encode`: `mapping[ord(c)]` is a byte value, a str, or None /
/// missing for unencodable characters.
pub fn encode_charmap(u: &[u32], h: Handler, mapping: Value) -> PyResult<Vec<u8>> {
    encode_with(u, h, "charmap", "character maps to <undefined>", &mut |c, out| {
        let r = match ops::getitem(mapping, super::int::new_int(c as i64)) {
            Ok(r) => r,
            Err(e) if e.matches(types::lookup_error()) => return Ok(false),
            Err(e) => return Err(e),
        };
        if r == Value::NONE {
            return Ok(false);
        }
        if let Some(b) = as_bytes(r) {
            out.extend_from_slice(b);
        } else if let Some(i) = super::int::as_int(r) {
            if !(0..256).contains(&i) {
                return Err(type_error("character mapping must be in range(256)"));
            }
            out.push(i as u8);
        } else {
            return Err(type_error("character mapping must return integer, None or str"));
        }
        Ok(true)
    })
}

pub fn decode_ascii(b: &[u8], h: Handler) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            out.push(b[i] as u32);
            i += 1;
        } else {
            i = on_decode_error(h, "ascii", b, i, i + 1, "ordinal not in range(128)", &mut out)?;
        }
    }
    Ok(out)
}

/// `charmap_decode`: the mapping is a unicode decoding table (U+FFFE marks
/// undefined bytes) or any mapping from byte values to unicode, an ordinal
/// or None.
pub fn decode_charmap(b: &[u8], h: Handler, mapping: Value) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len());
    let table = as_unicode(mapping);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let mapped: Option<Vec<u32>> = match table {
            Some(t) => t.get(c as usize).filter(|&&x| x != 0xfffe).map(|&x| vec![x]),
            None => match ops::getitem(mapping, super::int::new_int(c as i64)) {
                Ok(r) if r == Value::NONE => None,
                Ok(r) => Some(if let Some(u) = as_unicode(r) {
                    if u == [0xfffe] { Vec::new() } else { u.to_vec() }
                } else if let Some(x) = super::int::as_int(r) {
                    if !(0..0x110000).contains(&x) {
                        return Err(type_error("character mapping must be in range(0x110000)"));
                    }
                    vec![x as u32]
                } else {
                    return Err(type_error("character mapping must return integer, None or unicode"));
                }),
                Err(e) if e.matches(types::lookup_error()) => None,
                Err(e) => return Err(e),
            },
        };
        match mapped {
            Some(m) => {
                out.extend(m);
                i += 1;
            }
            None => i = on_decode_error(h, "charmap", b, i, i + 1, "character maps to <undefined>", &mut out)?,
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// UTF-8, UTF-16, UTF-32, UTF-7.

/// UTF-8 as 2.7 decodes it (encoded surrogates are accepted). Returns the
/// text and the bytes consumed.
pub fn decode_utf8(b: &[u8], h: Handler, last: bool) -> PyResult<(Vec<u32>, usize)> {
    let cont = |x: u8| x & 0xc0 == 0x80;
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            out.push(c as u32);
            i += 1;
            continue;
        }
        let n = match c {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        let (end, reason) = if n == 0 {
            (i + 1, "invalid start byte")
        } else if i + n > b.len() {
            if !last {
                break;
            }
            let mut e = i + 1;
            while e < b.len() && cont(b[e]) {
                e += 1;
            }
            (e, "unexpected end of data")
        } else {
            let s = &b[i..i + n];
            let bad = match n {
                2 => !cont(s[1]),
                3 => !cont(s[1]) || !cont(s[2]) || (s[0] == 0xe0 && s[1] < 0xa0),
                _ => !cont(s[1]) || !cont(s[2]) || !cont(s[3]) || (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f),
            };
            if !bad {
                let v = match n {
                    2 => ((s[0] as u32 & 0x1f) << 6) | (s[1] as u32 & 0x3f),
                    3 => ((s[0] as u32 & 0x0f) << 12) | ((s[1] as u32 & 0x3f) << 6) | (s[2] as u32 & 0x3f),
                    _ => ((s[0] as u32 & 0x07) << 18) | ((s[1] as u32 & 0x3f) << 12) | ((s[2] as u32 & 0x3f) << 6) | (s[3] as u32 & 0x3f),
                };
                out.push(v);
                i += n;
                continue;
            }
            // The error covers the valid-looking prefix of the sequence.
            let mut e = i + 1;
            if n >= 3 && cont(s[1]) {
                e += 1;
                if n == 4 && cont(s[2]) {
                    e += 1;
                }
            }
            (e, "invalid continuation byte")
        };
        i = on_decode_error(h, "utf8", b, i, end, reason, &mut out)?;
    }
    Ok((out, i))
}

pub fn push_utf8(c: u32, out: &mut Vec<u8>) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]);
    } else {
        out.extend_from_slice(&[0xf0 | (c >> 18) as u8, 0x80 | ((c >> 12) & 0x3f) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]);
    }
}

/// 2.7 joins a surrogate pair; lone surrogates are encoded as they are.
pub fn encode_utf8(u: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(u.len());
    let mut i = 0;
    while i < u.len() {
        let mut c = u[i];
        i += 1;
        if (0xd800..0xdc00).contains(&c) && i < u.len() && (0xdc00..0xe000).contains(&u[i]) {
            c = 0x10000 + ((c - 0xd800) << 10) + (u[i] - 0xdc00);
            i += 1;
        }
        push_utf8(c, &mut out);
    }
    out
}

/// Byte order of UTF-16/32: -1 little, 1 big, 0 undecided (a BOM decides,
/// else little-endian).
pub type ByteOrder = i64;

/// UTF-16 or UTF-32 (`unit` 2 or 4 bytes). Returns (text, consumed, byte
/// order found).
pub fn decode_utf16_32(b: &[u8], unit: usize, h: Handler, mut order: ByteOrder, last: bool) -> PyResult<(Vec<u32>, usize, ByteOrder)> {
    let name = if unit == 2 { "utf16" } else { "utf32" };
    let mut out = Vec::with_capacity(b.len() / unit);
    let mut i = 0;
    if order == 0 && b.len() >= unit {
        let bom = &b[..unit];
        let (le, be): (&[u8], &[u8]) = if unit == 2 { (&[0xff, 0xfe], &[0xfe, 0xff]) } else { (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]) };
        if bom == le {
            order = -1;
            i = unit;
        } else if bom == be {
            order = 1;
            i = unit;
        }
    }
    let big = order == 1;
    let read = |k: usize| -> u32 {
        let bytes = &b[k..k + unit];
        let mut v = 0u32;
        for j in 0..unit {
            let byte = if big { bytes[j] } else { bytes[unit - 1 - j] };
            v = v << 8 | byte as u32;
        }
        v
    };
    while i < b.len() {
        if i + unit > b.len() {
            if !last {
                break;
            }
            i = on_decode_error(h, name, b, i, b.len(), "truncated data", &mut out)?;
            continue;
        }
        let u = read(i);
        if unit == 4 {
            if u > 0x10ffff {
                i = on_decode_error(h, name, b, i, i + 4, "code point not in range(0x110000)", &mut out)?;
            } else {
                out.push(u);
                i += 4;
            }
            continue;
        }
        if !(0xd800..0xe000).contains(&u) {
            out.push(u);
            i += 2;
        } else if u >= 0xdc00 {
            i = on_decode_error(h, name, b, i, i + 2, "illegal encoding", &mut out)?;
        } else if i + 4 > b.len() {
            if !last {
                break;
            }
            i = on_decode_error(h, name, b, i, b.len(), "unexpected end of data", &mut out)?;
        } else if (0xdc00..0xe000).contains(&read(i + 2)) {
            out.push(0x10000 + ((u - 0xd800) << 10) + (read(i + 2) - 0xdc00));
            i += 4;
        } else {
            i = on_decode_error(h, name, b, i, i + 2, "illegal UTF-16 surrogate", &mut out)?;
        }
    }
    Ok((out, i, order))
}

/// UTF-16 or UTF-32; byte order 0 writes a BOM and little-endian data.
pub fn encode_utf16_32(u: &[u32], unit: usize, order: ByteOrder) -> Vec<u8> {
    let mut out = Vec::with_capacity(u.len() * unit + unit);
    let big = order == 1;
    let mut put = |x: u32| {
        for j in 0..unit {
            let shift = 8 * if big { unit - 1 - j } else { j };
            out.push((x >> shift) as u8);
        }
    };
    if order == 0 {
        put(0xfeff);
    }
    let mut i = 0;
    while i < u.len() {
        let c = u[i];
        i += 1;
        if unit == 2 && c >= 0x10000 {
            put(0xd800 + ((c - 0x10000) >> 10));
            put(0xdc00 + ((c - 0x10000) & 0x3ff));
        } else if unit == 4 && (0xd800..0xdc00).contains(&c) && i < u.len() && (0xdc00..0xe000).contains(&u[i]) {
            put(0x10000 + ((c - 0xd800) << 10) + (u[i] - 0xdc00));
            i += 1;
        } else {
            put(c);
        }
    }
    out
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|v| v as u32)
}

/// Characters UTF-7 writes as themselves (RFC 2152's direct and optional
/// direct sets, and whitespace).
fn utf7_direct(c: u32) -> bool {
    c > 0 && c < 0x7f && c != b'+' as u32 && c != b'\\' as u32 && c != b'~' as u32 && (c >= 0x20 || matches!(c, 9 | 10 | 13))
}

pub fn encode_utf7(u: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(u.len());
    let (mut shifted, mut bits, mut acc) = (false, 0u32, 0u64);
    let emit = |acc: &mut u64, bits: &mut u32, out: &mut Vec<u8>, v: u32| {
        *acc = (*acc << 16) | v as u64;
        *bits += 16;
        while *bits >= 6 {
            out.push(B64[((*acc >> (*bits - 6)) & 63) as usize]);
            *bits -= 6;
        }
    };
    for &c in u {
        if shifted && utf7_direct(c) {
            if bits > 0 {
                out.push(B64[((acc << (6 - bits)) & 63) as usize]);
                bits = 0;
                acc = 0;
            }
            shifted = false;
            // A base64 character or '-' right after would read as part of
            // the shift sequence: end it explicitly.
            if b64_value(c as u8).is_some() || c == b'-' as u32 {
                out.push(b'-');
            }
            out.push(c as u8);
            continue;
        }
        if !shifted {
            if c == b'+' as u32 {
                out.extend_from_slice(b"+-");
                continue;
            }
            if utf7_direct(c) {
                out.push(c as u8);
                continue;
            }
            out.push(b'+');
            shifted = true;
        }
        if c >= 0x10000 {
            emit(&mut acc, &mut bits, &mut out, 0xd800 | ((c - 0x10000) >> 10));
            emit(&mut acc, &mut bits, &mut out, 0xdc00 | ((c - 0x10000) & 0x3ff));
        } else {
            emit(&mut acc, &mut bits, &mut out, c);
        }
    }
    if bits > 0 {
        out.push(B64[((acc << (6 - bits)) & 63) as usize]);
    }
    if shifted {
        out.push(b'-');
    }
    out
}

/// UTF-7 decoding; an unfinished shift sequence is left unconsumed unless
/// `last`.
pub fn decode_utf7(b: &[u8], h: Handler, last: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut out: Vec<u32> = Vec::with_capacity(b.len());
    let (mut shifted, mut bits, mut acc, mut surrogate) = (false, 0u32, 0u64, 0u32);
    let (mut shift_start, mut shift_out) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if shifted {
            if let Some(v) = b64_value(c) {
                acc = (acc << 6) | v as u64;
                bits += 6;
                i += 1;
                if bits >= 16 {
                    let unit = (acc >> (bits - 16)) as u32 & 0xffff;
                    bits -= 16;
                    acc &= (1 << bits) - 1;
                    if surrogate != 0 {
                        if (0xdc00..0xe000).contains(&unit) {
                            out.push((((surrogate & 0x3ff) << 10) | (unit & 0x3ff)) + 0x10000);
                            surrogate = 0;
                            continue;
                        }
                        out.push(surrogate);
                        surrogate = 0;
                    }
                    if (0xd800..0xdc00).contains(&unit) {
                        surrogate = unit;
                    } else {
                        out.push(unit);
                    }
                }
                continue;
            }
            // Leaving the base64 section.
            shifted = false;
            let reason = if bits >= 6 {
                Some("partial character in shift sequence")
            } else if bits > 0 && acc != 0 {
                Some("non-zero padding bits in shift sequence")
            } else {
                None
            };
            if let Some(reason) = reason {
                i = on_decode_error(h, "utf7", b, shift_start, i + 1, reason, &mut out)?;
                continue;
            }
            if surrogate != 0 && c < 0x80 {
                out.push(surrogate);
            }
            surrogate = 0;
            if c == b'-' {
                i += 1;
            }
        } else if c == b'+' {
            shift_start = i;
            i += 1;
            if b.get(i) == Some(&b'-') {
                i += 1;
                out.push(b'+' as u32);
            } else {
                shifted = true;
                surrogate = 0;
                shift_out = out.len();
                bits = 0;
                acc = 0;
            }
        } else if c < 0x80 {
            out.push(c as u32);
            i += 1;
        } else {
            i = on_decode_error(h, "utf7", b, i, i + 1, "unexpected special character", &mut out)?;
        }
    }
    if shifted && last && (surrogate != 0 || bits >= 6 || (bits > 0 && acc != 0)) {
        i = on_decode_error(h, "utf7", b, shift_start, b.len(), "unterminated shift sequence", &mut out)?;
        shifted = false;
    }
    if shifted && !last {
        // Hand the unfinished sequence back to be decoded with what follows.
        out.truncate(shift_out);
        return Ok((out, shift_start));
    }
    Ok((out, i))
}

// ---------------------------------------------------------------------------
// Escape codecs.

/// One step of backslash-escape decoding at `b[i]`.
enum Escape {
    /// A decoded character and the index after it.
    Char(u32, usize),
    /// Bytes copied as they are (no escape, or an unknown one), up to the index.
    Literal(usize),
    /// A line continuation: nothing, resume at the index.
    Skip(usize),
    /// A malformed escape: (start, end, reason).
    Bad(usize, usize, &'static str),
}

/// Decodes the escape (or plain run) at `i`; `unicode` enables \u, \U, \N.
fn unescape(b: &[u8], i: usize, unicode: bool) -> Escape {
    if b[i] != b'\\' {
        let end = b[i..].iter().position(|&c| c == b'\\').map_or(b.len(), |k| i + k);
        return Escape::Literal(end);
    }
    let Some(&c) = b.get(i + 1) else { return Escape::Bad(i, b.len(), "\\ at end of string") };
    let simple = |v: u8| Escape::Char(v as u32, i + 2);
    match c {
        b'\n' => Escape::Skip(i + 2),
        b'\\' | b'\'' | b'"' => simple(c),
        b'b' => simple(8),
        b'f' => simple(12),
        b't' => simple(9),
        b'n' => simple(10),
        b'r' => simple(13),
        b'v' => simple(11),
        b'a' => simple(7),
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut j = i + 1;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            Escape::Char(if unicode { v } else { v & 0xff }, j)
        }
        b'x' | b'u' | b'U' if c == b'x' || unicode => hex_escape(b, i, c),
        b'N' if unicode => Escape::Bad(i, (i + 2).min(b.len()), "malformed \\N character escape"),
        _ => Escape::Literal(i + 2),
    }
}

/// `\xNN`, `\uNNNN`, `\UNNNNNNNN` at `i` (`kind` is the letter).
fn hex_escape(b: &[u8], i: usize, kind: u8) -> Escape {
    let (n, what) = match kind {
        b'x' => (2, "truncated \\xXX escape"),
        b'u' => (4, "truncated \\uXXXX escape"),
        _ => (8, "truncated \\UXXXXXXXX escape"),
    };
    let mut v = 0u32;
    let mut j = i + 2;
    while j < b.len() && j < i + 2 + n {
        match (b[j] as char).to_digit(16) {
            Some(d) => v = v * 16 + d,
            None => break,
        }
        j += 1;
    }
    if j < i + 2 + n {
        return Escape::Bad(i, j, what);
    }
    if v > 0x10ffff {
        return Escape::Bad(i, j, "illegal Unicode character");
    }
    Escape::Char(v, j)
}

pub fn decode_unicode_escape(b: &[u8], h: Handler) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match unescape(b, i, true) {
            Escape::Char(c, next) => {
                out.push(c);
                i = next;
            }
            Escape::Literal(next) => {
                out.extend(b[i..next].iter().map(|&c| c as u32));
                i = next;
            }
            Escape::Skip(next) => i = next,
            Escape::Bad(start, end, msg) => i = on_decode_error(h, "unicodeescape", b, start, end.max(start + 1), msg, &mut out)?,
        }
    }
    Ok(out)
}

pub fn encode_unicode_escape(u: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(u.len());
    for &c in u {
        match c {
            0x5c => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c as u8),
            _ => out.extend_from_slice(char_escape(c).as_bytes()),
        }
    }
    out
}

/// `raw_unicode_escape`: only `\u` and `\U` after an odd run of
/// backslashes are escapes; every other byte is Latin-1.
pub fn decode_raw_unicode_escape(b: &[u8], h: Handler) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i] as u32);
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|&&c| c == b'\\').count();
        let after = i + run;
        let escape = run % 2 == 1 && matches!(b.get(after), Some(b'u' | b'U'));
        let literal = if escape { run - 1 } else { run };
        out.extend(std::iter::repeat_n(b'\\' as u32, literal));
        i += literal;
        if !escape {
            continue;
        }
        match hex_escape(b, i, b[after]) {
            Escape::Char(c, next) => {
                out.push(c);
                i = next;
            }
            Escape::Bad(start, end, msg) => {
                let msg = if msg == "illegal Unicode character" { "\\Uxxxxxxxx out of range" } else { msg };
                i = on_decode_error(h, "rawunicodeescape", b, start, end, msg, &mut out)?;
            }
            _ => unreachable!("hex_escape yields a character or an error"),
        }
    }
    Ok(out)
}

pub fn encode_raw_unicode_escape(u: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(u.len());
    for &c in u {
        if c < 0x100 {
            out.push(c as u8);
        } else if c < 0x10000 {
            out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{c:08x}").as_bytes());
        }
    }
    out
}

/// `string_escape` / `escape_encode`: str's repr without the quotes.
pub fn encode_string_escape(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    for &c in b {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    out
}

/// `string_escape` / `escape_decode`: Python string-literal escapes.
pub fn decode_string_escape(b: &[u8]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match unescape(b, i, false) {
            Escape::Char(c, next) => {
                out.push(c as u8);
                i = next;
            }
            Escape::Literal(next) => {
                out.extend_from_slice(&b[i..next]);
                i = next;
            }
            Escape::Skip(next) => i = next,
            Escape::Bad(_, _, msg) => {
                return Err(value_error(match msg {
                    "truncated \\xXX escape" => "invalid \\x escape",
                    "\\ at end of string" => "Trailing \\ in string",
                    m => m,
                }))
            }
        }
    }
    Ok(out)
}

/// The internal representation (UCS-4, native little-endian order).
pub fn encode_unicode_internal(u: &[u32]) -> Vec<u8> {
    u.iter().flat_map(|c| c.to_le_bytes()).collect()
}

pub fn decode_unicode_internal(b: &[u8], h: Handler) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(b.len() / 4);
    let mut i = 0;
    while i < b.len() {
        if i + 4 > b.len() {
            i = on_decode_error(h, "unicode_internal", b, i, b.len(), "truncated input", &mut out)?;
            continue;
        }
        let c = u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        if c > 0x10ffff {
            i = on_decode_error(h, "unicode_internal", b, i, i + 4, "illegal code point (> 0x10FFFF)", &mut out)?;
        } else {
            out.push(c);
            i += 4;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Bytes-to-bytes codecs of 2.7 (both encode and decode give str).

#[derive(Copy, Clone, PartialEq, Debug)]
pub enum BytesCodec {
    Hex,
    Base64,
    StringEscape,
}

pub fn bytes_codec(encoding: &str) -> Option<BytesCodec> {
    match encoding.to_ascii_lowercase().replace('-', "_").as_str() {
        "hex" | "hex_codec" => Some(BytesCodec::Hex),
        "base64" | "base_64" | "base64_codec" => Some(BytesCodec::Base64),
        "string_escape" => Some(BytesCodec::StringEscape),
        _ => None,
    }
}

pub fn apply_bytes_codec(c: BytesCodec, b: &[u8], decode: bool) -> PyResult<Vec<u8>> {
    match (c, decode) {
        (BytesCodec::Hex, false) => Ok(b.iter().flat_map(|c| format!("{c:02x}").into_bytes()).collect()),
        (BytesCodec::Hex, true) => {
            if b.len() % 2 == 1 {
                return Err(type_error("Odd-length string"));
            }
            let digit = |c: u8| (c as char).to_digit(16);
            b.chunks(2)
                .map(|p| match (digit(p[0]), digit(p[1])) {
                    (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
                    _ => Err(type_error("Non-hexadecimal digit found")),
                })
                .collect()
        }
        (BytesCodec::Base64, false) => Ok(base64_encode(b)),
        (BytesCodec::Base64, true) => base64_decode(b),
        (BytesCodec::StringEscape, false) => Ok(encode_string_escape(b)),
        (BytesCodec::StringEscape, true) => decode_string_escape(b),
    }
}

/// `base64.encodestring`: lines of 76 characters, each ending in a newline.
fn base64_encode(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in b.chunks(57) {
        for g in line.chunks(3) {
            let n = (g[0] as u32) << 16 | (*g.get(1).unwrap_or(&0) as u32) << 8 | *g.get(2).unwrap_or(&0) as u32;
            for k in 0..4 {
                out.push(if k <= g.len() { B64[(n >> (18 - 6 * k) & 63) as usize] } else { b'=' });
            }
        }
        out.push(b'\n');
    }
    out
}

/// `base64.decodestring`: characters outside the alphabet are skipped.
fn base64_decode(b: &[u8]) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits, mut quads) = (0u32, 0, 0usize);
    let mut pads = 0;
    for &c in b {
        if c == b'=' {
            pads += 1;
            continue;
        }
        let Some(v) = b64_value(c) else { continue };
        acc = acc << 6 | v;
        bits += 6;
        quads += 1;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if quads % 4 != 0 && pads < 4 - quads % 4 {
        return Err(PyErr::new(crate::modules::binascii::error_type(), "Incorrect padding"));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Encoding names and the entry points of str/unicode methods.

/// The codecs `str.decode` and `unicode.encode` run without the registry.
#[derive(Copy, Clone, PartialEq, Debug)]
enum Codec {
    Ascii,
    Latin1,
    Utf8,
    Utf7,
    /// UTF-16 or UTF-32 (unit size) with a byte order (0: BOM).
    Utf(usize, ByteOrder),
    UnicodeEscape,
    RawUnicodeEscape,
    UnicodeInternal,
    /// rot13 (encodings/rot_13.py): a charmap over Latin-1 that rotates
    /// ASCII letters.
    Rot13,
}

fn rot13(c: u32) -> u32 {
    match c {
        0x41..=0x5a => (c - 0x41 + 13) % 26 + 0x41,
        0x61..=0x7a => (c - 0x61 + 13) % 26 + 0x61,
        _ => c,
    }
}

/// A fast-path codec by any of its usual aliases (case and -/_ insensitive).
fn fast_codec(name: &str) -> Option<Codec> {
    let n: String = name.to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    Some(match n.as_str() {
        "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "utf_7" | "utf7" | "u7" | "unicode_1_1_utf_7" => Codec::Utf7,
        "utf_16" | "utf16" | "u16" => Codec::Utf(2, 0),
        "utf_16_le" | "utf_16le" => Codec::Utf(2, -1),
        "utf_16_be" | "utf_16be" => Codec::Utf(2, 1),
        "utf_32" | "utf32" | "u32" => Codec::Utf(4, 0),
        "utf_32_le" | "utf_32le" => Codec::Utf(4, -1),
        "utf_32_be" | "utf_32be" => Codec::Utf(4, 1),
        "unicode_escape" => Codec::UnicodeEscape,
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
        "unicode_internal" => Codec::UnicodeInternal,
        "rot13" | "rot_13" => Codec::Rot13,
        _ => return None,
    })
}

/// (encoding, errors) from optional arguments; 2.7's defaults are ascii/strict.
pub fn codec_args(name: &str, enc: Option<Value>, errors: Option<Value>) -> PyResult<(String, String)> {
    let get = |v: Option<Value>, n: usize, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => match as_bytes(v) {
                Some(b) => Ok(String::from_utf8_lossy(b).into_owned()),
                None => match as_unicode(v) {
                    Some(u) => Ok(u.iter().filter_map(|&c| char::from_u32(c)).collect()),
                    None => Err(type_error(format!("{name}() argument {n} must be string, not {}", type_name(v)))),
                },
            },
        }
    };
    Ok((get(enc, 1, "ascii")?, get(errors, 2, "strict")?))
}

/// Decodes `b` to unicode: the Rust codecs, else the registered codec
/// (whose result must be unicode).
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<Vec<u32>> {
    let Some(codec) = fast_codec(encoding) else {
        let r = crate::modules::_codecs::decode_with_registry(new_str(b), encoding, errors)?;
        return match as_unicode(r) {
            Some(u) => Ok(u.to_vec()),
            None => Err(type_error(format!("decoder did not return an unicode object (type={})", type_name(r)))),
        };
    };
    let h = Handler::by_name(errors);
    Ok(match codec {
        Codec::Latin1 => b.iter().map(|&c| c as u32).collect(),
        Codec::Ascii => decode_ascii(b, h)?,
        Codec::Utf8 => decode_utf8(b, h, true)?.0,
        Codec::Utf7 => decode_utf7(b, h, true)?.0,
        Codec::Utf(unit, order) => decode_utf16_32(b, unit, h, order, true)?.0,
        Codec::UnicodeEscape => decode_unicode_escape(b, h)?,
        Codec::RawUnicodeEscape => decode_raw_unicode_escape(b, h)?,
        Codec::UnicodeInternal => decode_unicode_internal(b, h)?,
        Codec::Rot13 => b.iter().map(|&c| rot13(c as u32)).collect(),
    })
}

/// Encodes `u` to str: the Rust codecs, else the registered codec (whose
/// result must be str).
pub fn encode(u: &[u32], encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = fast_codec(encoding) else {
        let r = crate::modules::_codecs::encode_with_registry(new_unicode(u.to_vec()), encoding, errors)?;
        return match as_bytes(r) {
            Some(b) => Ok(b.to_vec()),
            None => Err(type_error(format!("encoder did not return a string object (type={})", type_name(r)))),
        };
    };
    let h = Handler::by_name(errors);
    Ok(match codec {
        Codec::Ascii => encode_ascii(u, h)?,
        Codec::Latin1 => encode_latin1(u, h)?,
        Codec::Utf8 => encode_utf8(u),
        Codec::Utf7 => encode_utf7(u),
        Codec::Utf(unit, order) => encode_utf16_32(u, unit, order),
        Codec::UnicodeEscape => encode_unicode_escape(u),
        Codec::RawUnicodeEscape => encode_raw_unicode_escape(u),
        Codec::UnicodeInternal => encode_unicode_internal(u),
        Codec::Rot13 => encode_with(u, h, "charmap", "character maps to <undefined>", &mut |c, out| {
            Ok(c < 0x100 && {
                out.push(rot13(c) as u8);
                true
            })
        })?,
    })
}

/// Whether `encoding` has a Rust codec (else it is looked up in the registry).
pub fn is_fast(encoding: &str) -> bool {
    fast_codec(encoding).is_some()
}

