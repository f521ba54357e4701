//! Methods of `unicode`, and the codecs behind `encode`/`decode`.
//!
//! Most methods are the generic ones of `str_methods` instantiated with
//! `u32` code points; the `Ch for u32` impl below supplies Unicode character
//! classes. Rust's `char` tables are a newer Unicode version than 2.7's 5.2
//! and mostly agree; where Python 2.7 differs in a way programs notice
//! (simple one-to-one case mapping, the extra whitespace of 2.7, linebreaks),
//! the code says so.
//!
//! Mixing with str: str arguments are decoded as ASCII (2.7's default
//! encoding), raising UnicodeDecodeError for bytes >= 0x80.

use super::str::{as_bytes, new_str_owned};
use super::str_methods::{decode_ascii, install_common, Args, Ch};
use super::typeobj::type_name;
use super::unicode::{as_unicode, hash_chars, new_unicode, unicode_repr};
use super::{add_method, add_static};
use crate::ops;
use crate::runtime::errors::{lookup_error, type_error};
use crate::runtime::{types, KwArgs, NativeFn, PyErr, PyResult, NOT_IMPLEMENTED};
use std::borrow::Cow;
use std::cmp::Ordering;
use vmcore::Value;

fn ch(c: u32) -> Option<char> {
    char::from_u32(c)
}

/// Characters of category Lt (titlecase letters).
fn is_titlecase(c: u32) -> bool {
    matches!(c, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

/// Zeros of the runs of ten decimal digits (category Nd) in Unicode 5.2.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
    0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xaa50, 0xabf0, 0xff10, 0x104a0,
];

pub fn is_decimal(c: u32) -> bool {
    // U+19DA, NEW TAI LUE THAM DIGIT ONE, stands alone.
    DECIMAL_ZEROS.iter().any(|&z| c >= z && c < z + 10) || (0x1d7ce..=0x1d7ff).contains(&c) || c == 0x19da
}

/// Characters with a digit value that are not decimals (superscripts, circled digits...).
fn is_digit_extra(c: u32) -> bool {
    matches!(c, 0xb2 | 0xb3 | 0xb9 | 0x1369..=0x1371 | 0x19da | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
        | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea | 0x24f5..=0x24fd | 0x24ff
        | 0x2776..=0x277e | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x10a40..=0x10a43 | 0x1f100..=0x1f10a)
}

/// CJK ideographs with numeric values (Python counts them as numeric).
fn is_cjk_numeric(c: u32) -> bool {
    matches!(c, 0x3007 | 0x4e00 | 0x4e8c | 0x4e09 | 0x56db | 0x4e94 | 0x516d | 0x4e03 | 0x516b | 0x4e5d | 0x5341
        | 0x767e | 0x5343 | 0x4e07 | 0x5104 | 0x5146 | 0x96f6 | 0x58f9 | 0x8cb3 | 0x53c3 | 0x8086 | 0x4f0d | 0x9678
        | 0x67d2 | 0x634c | 0x7396 | 0x62fe | 0x4f70 | 0x4edf)
}

pub fn is_numeric(c: u32) -> bool {
    is_decimal(c) || is_digit_extra(c) || ch(c).is_some_and(|x| x.is_numeric()) || is_cjk_numeric(c)
}

/// One-to-one case mapping (2.7 has no multi-character mappings: u'ß'.upper() is u'ß').
fn simple(c: u32, f: fn(char) -> Option<char>) -> u32 {
    match ch(c).and_then(f) {
        Some(x) => x as u32,
        None => c,
    }
}

fn single<I: Iterator<Item = char>>(mut it: I) -> Option<char> {
    let a = it.next()?;
    if it.next().is_some() { None } else { Some(a) }
}

impl Ch for u32 {
    const NAME: &'static str = "unicode";
    fn code(self) -> u32 {
        self
    }
    fn of(c: u32) -> u32 {
        c
    }
    fn slice_of<'a>(v: Value) -> Option<&'a [u32]> {
        as_unicode(v)
    }
    fn make(v: Vec<u32>) -> Value {
        new_unicode(v)
    }
    fn text_arg<'a>(v: Value) -> PyResult<Option<Cow<'a, [u32]>>> {
        Ok(Some(coerce(v)?))
    }
    fn is_space(self) -> bool {
        // 2.7 also treats the ASCII separators \x1c-\x1f and U+180E as space.
        matches!(self, 0x1c..=0x1f | 0x180e) || ch(self).is_some_and(|c| c.is_whitespace())
    }
    fn is_alpha(self) -> bool {
        // Python's letters are categories L*; Rust's Alphabetic adds the
        // letter numbers (Nl, excluded here) and Other_Alphabetic (marks and
        // circled letters, which still count as letters here).
        ch(self).is_some_and(|c| c.is_alphabetic() && !c.is_numeric())
    }
    fn is_digit(self) -> bool {
        is_decimal(self) || is_digit_extra(self)
    }
    fn is_alnum(self) -> bool {
        self.is_alpha() || is_numeric(self)
    }
    fn is_lower(self) -> bool {
        ch(self).is_some_and(|c| c.is_lowercase())
    }
    fn is_upper(self) -> bool {
        ch(self).is_some_and(|c| c.is_uppercase())
    }
    fn is_title(self) -> bool {
        is_titlecase(self)
    }
    fn is_linebreak(self) -> bool {
        matches!(self, 0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029)
    }
    fn to_lower(self) -> u32 {
        if self == 0x130 {
            return 'i' as u32;
        }
        simple(self, |c| single(c.to_lowercase()))
    }
    fn to_upper(self) -> u32 {
        simple(self, |c| single(c.to_uppercase()))
    }
    fn to_title(self) -> u32 {
        match self {
            0x1c4..=0x1c6 => 0x1c5,
            0x1c7..=0x1c9 => 0x1c8,
            0x1ca..=0x1cc => 0x1cb,
            0x1f1..=0x1f3 => 0x1f2,
            c => c.to_upper(),
        }
    }
}

/// An argument as unicode text: unicode as is, str decoded as ASCII.
pub fn coerce<'a>(v: Value) -> PyResult<Cow<'a, [u32]>> {
    if let Some(u) = as_unicode(v) {
        return Ok(Cow::Borrowed(u));
    }
    if let Some(b) = as_bytes(v) {
        return Ok(Cow::Owned(decode_ascii(b)?));
    }
    Err(type_error(format!("coercing to Unicode: need string or buffer, {} found", type_name(v))))
}

// ---------------------------------------------------------------------------
// Codecs.

#[derive(Copy, Clone, PartialEq, Debug)]
pub enum Codec {
    Ascii,
    Latin1,
    Utf8,
    /// UTF-16 with a BOM (None) or fixed little/big endian.
    Utf16(Option<bool>),
    /// rot13: a Latin-1 charmap that rotates ASCII letters.
    Rot13,
    /// `unicode_escape`: Python's backslash escapes.
    UnicodeEscape,
}

fn rot13(c: u32) -> u32 {
    match c {
        0x41..=0x5a => (c - 0x41 + 13) % 26 + 0x41,
        0x61..=0x7a => (c - 0x61 + 13) % 26 + 0x61,
        _ => c,
    }
}

impl Codec {
    /// The name CPython puts in codec error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf8 => "utf8",
            // Every UTF-16 variant reports itself as 'utf16'.
            Codec::Utf16(_) => "utf16",
            Codec::Rot13 => "charmap",
            Codec::UnicodeEscape => "unicodeescape",
        }
    }
}

/// Finds a codec by any of its usual aliases (case and -/_ insensitive).
pub fn lookup_codec(name: &str) -> PyResult<Codec> {
    let n: String = name.to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    Ok(match n.as_str() {
        "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
        "utf_8" | "utf8" | "u8" | "utf" => Codec::Utf8,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(true)),
        "rot13" | "rot_13" => Codec::Rot13,
        "unicode_escape" => Codec::UnicodeEscape,
        _ => return Err(lookup_error(format!("unknown encoding: {name}"))),
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

fn unknown_handler(errors: &str) -> PyErr {
    lookup_error(format!("unknown error handler name '{errors}'"))
}

fn decode_error(codec: Codec, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!("'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}", codec.name(), b[start])
    } else {
        format!("'{}' codec can't decode bytes in position {start}-{}: {reason}", codec.name(), end - 1)
    };
    PyErr::new(types::unicode_decode_error(), &msg)
}

/// Applies the error handler to undecodable bytes `start..end`.
fn on_decode_error(codec: Codec, errors: &str, b: &[u8], start: usize, end: usize, reason: &str, out: &mut Vec<u32>) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(codec, b, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push(0xfffd);
            Ok(())
        }
        _ => Err(unknown_handler(errors)),
    }
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<Vec<u32>> {
    let codec = lookup_codec(encoding)?;
    let mut out = Vec::with_capacity(b.len());
    match codec {
        Codec::Latin1 => out.extend(b.iter().map(|&c| c as u32)),
        Codec::Rot13 => out.extend(b.iter().map(|&c| rot13(c as u32))),
        Codec::Ascii => {
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as u32);
                } else {
                    on_decode_error(codec, errors, b, i, i + 1, "ordinal not in range(128)", &mut out)?;
                }
            }
        }
        Codec::Utf8 => decode_utf8(b, errors, &mut out)?,
        Codec::Utf16(order) => decode_utf16(b, order, errors, &mut out)?,
        Codec::UnicodeEscape => unicode_escape_decode(b, errors, &mut out)?,
    }
    Ok(out)
}

/// UTF-8 as 2.7 decodes it: surrogates (ED A0..BF xx) are accepted.
fn decode_utf8(b: &[u8], errors: &str, out: &mut Vec<u32>) -> PyResult<()> {
    let cont = |x: u8| x & 0xc0 == 0x80;
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
        on_decode_error(Codec::Utf8, errors, b, i, end, reason, out)?;
        i = end;
    }
    Ok(())
}

fn decode_utf16(b: &[u8], order: Option<bool>, errors: &str, out: &mut Vec<u32>) -> PyResult<()> {
    let codec = Codec::Utf16(order);
    let mut big = order.unwrap_or(false);
    let mut i = 0;
    if order.is_none() && b.len() >= 2 {
        match (b[0], b[1]) {
            (0xff, 0xfe) => i = 2,
            (0xfe, 0xff) => {
                big = true;
                i = 2
            }
            _ => {}
        }
    }
    let unit = |k: usize| if big { (b[k] as u32) << 8 | b[k + 1] as u32 } else { (b[k + 1] as u32) << 8 | b[k] as u32 };
    while i < b.len() {
        if i + 2 > b.len() {
            on_decode_error(codec, errors, b, i, b.len(), "truncated data", out)?;
            break;
        }
        let u = unit(i);
        if (0xd800..0xdc00).contains(&u) && i + 4 <= b.len() && (0xdc00..0xe000).contains(&unit(i + 2)) {
            out.push(0x10000 + ((u - 0xd800) << 10) + (unit(i + 2) - 0xdc00));
            i += 4;
        } else if (0xd800..0xe000).contains(&u) {
            on_decode_error(codec, errors, b, i, i + 2, "illegal encoding", out)?;
            i += 2;
        } else {
            out.push(u);
            i += 2;
        }
    }
    Ok(())
}

fn char_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn encode_error(codec: Codec, u: &[u32], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!("'{}' codec can't encode character u'{}' in position {start}: {reason}", codec.name(), char_escape(u[start]))
    } else {
        format!("'{}' codec can't encode characters in position {start}-{}: {reason}", codec.name(), end - 1)
    };
    PyErr::new(types::unicode_encode_error(), &msg)
}

/// `unicode.encode(encoding, errors)`.
pub fn encode(u: &[u32], encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(encoding)?;
    let mut out = Vec::with_capacity(u.len());
    match codec {
        Codec::Ascii | Codec::Latin1 | Codec::Rot13 => {
            let (limit, reason) = match codec {
                Codec::Ascii => (0x80, "ordinal not in range(128)"),
                Codec::Latin1 => (0x100, "ordinal not in range(256)"),
                _ => (0x100, "character maps to <undefined>"),
            };
            let mut i = 0;
            while i < u.len() {
                if u[i] < limit {
                    out.push(if codec == Codec::Rot13 { rot13(u[i]) } else { u[i] } as u8);
                    i += 1;
                    continue;
                }
                // The handler sees the whole run of unencodable characters.
                let mut end = i;
                while end < u.len() && u[end] >= limit {
                    end += 1;
                }
                for &c in &u[i..end] {
                    match errors {
                        "strict" => return Err(encode_error(codec, u, i, end, reason)),
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        "xmlcharrefreplace" => out.extend_from_slice(format!("&#{c};").as_bytes()),
                        "backslashreplace" => out.extend_from_slice(char_escape(c).as_bytes()),
                        _ => return Err(unknown_handler(errors)),
                    }
                }
                i = end;
            }
        }
        Codec::Utf8 => {
            let mut i = 0;
            while i < u.len() {
                let mut c = u[i];
                i += 1;
                // 2.7 joins a surrogate pair; lone surrogates are encoded as is.
                if (0xd800..0xdc00).contains(&c) && i < u.len() && (0xdc00..0xe000).contains(&u[i]) {
                    c = 0x10000 + ((c - 0xd800) << 10) + (u[i] - 0xdc00);
                    i += 1;
                }
                push_utf8(c, &mut out);
            }
        }
        Codec::UnicodeEscape => unicode_escape_encode(u, &mut out),
        Codec::Utf16(order) => {
            let big = order.unwrap_or(false);
            let mut put = |x: u32| {
                if big {
                    out.extend_from_slice(&[(x >> 8) as u8, x as u8]);
                } else {
                    out.extend_from_slice(&[x as u8, (x >> 8) as u8]);
                }
            };
            if order.is_none() {
                put(0xfeff);
            }
            for &c in u {
                if c >= 0x10000 {
                    put(0xd800 + ((c - 0x10000) >> 10));
                    put(0xdc00 + ((c - 0x10000) & 0x3ff));
                } else {
                    put(c);
                }
            }
        }
    }
    Ok(out)
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

/// 2.7's bytes-to-bytes codecs: with them both `encode` and `decode`
/// return str.
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
        (BytesCodec::StringEscape, false) => {
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
            Ok(out)
        }
        (BytesCodec::StringEscape, true) => {
            let mut out = Vec::with_capacity(b.len());
            let mut i = 0;
            while i < b.len() {
                match unescape(b, i, false)? {
                    Escape::Char(c, next) => {
                        out.push(c as u8);
                        i = next;
                    }
                    Escape::Literal(next) => {
                        out.extend_from_slice(&b[i..next]);
                        i = next;
                    }
                    Escape::Skip(next) => i = next,
                    Escape::Bad(_, _, msg) => return Err(value_error_msg(msg)),
                }
            }
            Ok(out)
        }
    }
}

fn value_error_msg(msg: &str) -> PyErr {
    crate::runtime::errors::value_error(match msg {
        "truncated \\xXX escape" => "invalid \\x escape",
        "\\ at end of string" => "Trailing \\ in string",
        m => m,
    })
}

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

/// Decodes the escape (or plain byte) at `i`; `unicode` enables \u, \U, \N.
fn unescape(b: &[u8], i: usize, unicode: bool) -> PyResult<Escape> {
    if b[i] != b'\\' {
        let end = b[i..].iter().position(|&c| c == b'\\').map_or(b.len(), |k| i + k);
        return Ok(Escape::Literal(end));
    }
    let Some(&c) = b.get(i + 1) else { return Ok(Escape::Bad(i, b.len(), "\\ at end of string")) };
    let simple = |v: u8| Ok(Escape::Char(v as u32, i + 2));
    match c {
        b'\n' => Ok(Escape::Skip(i + 2)),
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
            Ok(Escape::Char(if unicode { v } else { v & 0xff }, j))
        }
        b'x' | b'u' | b'U' if c == b'x' || unicode => {
            let (n, what) = match c {
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
                return Ok(Escape::Bad(i, j, what));
            }
            if v > 0x10ffff {
                return Ok(Escape::Bad(i, j, "illegal Unicode character"));
            }
            Ok(Escape::Char(v, j))
        }
        b'N' if unicode => Ok(Escape::Bad(i, (i + 2).min(b.len()), "malformed \\N character escape")),
        _ => Ok(Escape::Literal(i + 2)),
    }
}

fn unicode_escape_decode(b: &[u8], errors: &str, out: &mut Vec<u32>) -> PyResult<()> {
    let mut i = 0;
    while i < b.len() {
        match unescape(b, i, true)? {
            Escape::Char(c, next) => {
                out.push(c);
                i = next;
            }
            Escape::Literal(next) => {
                out.extend(b[i..next].iter().map(|&c| c as u32));
                i = next;
            }
            Escape::Skip(next) => i = next,
            Escape::Bad(start, end, msg) => {
                on_decode_error(Codec::UnicodeEscape, errors, b, start, end.max(start + 1), msg, out)?;
                i = end.max(start + 1);
            }
        }
    }
    Ok(())
}

fn unicode_escape_encode(u: &[u32], out: &mut Vec<u8>) {
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
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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
        let Some(v) = B64.iter().position(|&x| x == c) else { continue };
        acc = acc << 6 | v as u32;
        bits += 6;
        quads += 1;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if quads % 4 != 0 && pads < 4 - quads % 4 {
        // binascii.Error in CPython; raised here as ValueError, its base.
        return Err(crate::runtime::errors::value_error("Incorrect padding"));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// unicode-only methods.

fn this<'a>(args: &[Value]) -> PyResult<&'a [u32]> {
    as_unicode(args[0]).ok_or_else(|| type_error("descriptor requires a 'unicode' object"))
}

fn u_encode(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("encode", args, kw, &["encoding", "errors"], 0)?;
    let (enc, errors) = codec_args("encode", a[0], a[1])?;
    if let Some(c) = bytes_codec(&enc) {
        // A bytes codec: 2.7 first encodes with the default (ASCII) codec.
        let b = encode(this(args)?, "ascii", "strict")?;
        return Ok(new_str_owned(apply_bytes_codec(c, &b, false)?));
    }
    Ok(new_str_owned(encode(this(args)?, &enc, &errors)?))
}

/// `unicode.decode`: 2.7 first encodes with the default (ASCII) codec.
fn u_decode(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("decode", args, kw, &["encoding", "errors"], 0)?;
    let (enc, errors) = codec_args("decode", a[0], a[1])?;
    if let Some(c) = bytes_codec(&enc) {
        let b = encode(this(args)?, "ascii", "strict")?;
        return Ok(new_str_owned(apply_bytes_codec(c, &b, true)?));
    }
    lookup_codec(&enc)?;
    let b = encode(this(args)?, "ascii", "strict")?;
    Ok(new_unicode(decode(&b, &enc, &errors)?))
}

fn u_isdecimal(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("isdecimal", args, kw)?;
    let s = this(args)?;
    Ok(Value::from_bool(!s.is_empty() && s.iter().all(|&c| is_decimal(c))))
}

fn u_isnumeric(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("isnumeric", args, kw)?;
    let s = this(args)?;
    Ok(Value::from_bool(!s.is_empty() && s.iter().all(|&c| is_numeric(c))))
}

fn u_add(args: &[Value], kw: KwArgs) -> PyResult {
    let b = Args::one("__add__", args, kw)?;
    let mut v = this(args)?.to_vec();
    v.extend_from_slice(&coerce(b)?);
    Ok(new_unicode(v))
}

/// Rich comparison: a str operand is decoded as ASCII. When that fails,
/// == and != answer "unequal" (2.7 warns), ordering raises.
fn u_cmp(name: &str, args: &[Value], kw: KwArgs, test: fn(Ordering) -> bool) -> PyResult {
    let b = Args::one(name, args, kw)?;
    let a = this(args)?;
    if as_bytes(b).is_none() && as_unicode(b).is_none() {
        return Ok(NOT_IMPLEMENTED);
    }
    match coerce(b) {
        Ok(y) => Ok(Value::from_bool(test(a.cmp(&y)))),
        Err(e) if name == "__eq__" || name == "__ne__" => {
            if e.matches(types::unicode_decode_error()) { Ok(Value::from_bool(name == "__ne__")) } else { Err(e) }
        }
        Err(e) => Err(e),
    }
}

fn u_eq(a: &[Value], k: KwArgs) -> PyResult {
    u_cmp("__eq__", a, k, |o| o == Ordering::Equal)
}
fn u_ne(a: &[Value], k: KwArgs) -> PyResult {
    u_cmp("__ne__", a, k, |o| o != Ordering::Equal)
}
fn u_lt(a: &[Value], k: KwArgs) -> PyResult {
    u_cmp("__lt__", a, k, |o| o == Ordering::Less)
}
fn u_le(a: &[Value], k: KwArgs) -> PyResult {
    u_cmp("__le__", a, k, |o| o != Ordering::Greater)
}
fn u_gt(a: &[Value], k: KwArgs) -> PyResult {
    u_cmp("__gt__", a, k, |o| o == Ordering::Greater)
}
fn u_ge(a: &[Value], k: KwArgs) -> PyResult {
    u_cmp("__ge__", a, k, |o| o != Ordering::Less)
}

fn u_hash(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("__hash__", args, kw)?;
    Ok(super::int::new_int(hash_chars(this(args)?)))
}

fn u_repr(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("__repr__", args, kw)?;
    Ok(new_str_owned(unicode_repr(args[0])))
}

/// `str(u)`: encoded with the default codec (ASCII).
fn u_str(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("__str__", args, kw)?;
    Ok(new_str_owned(encode(this(args)?, "ascii", "strict")?))
}

/// `u.translate(table)`: table maps ordinals to ordinals, unicode or None.
fn u_translate(args: &[Value], kw: KwArgs) -> PyResult {
    let table = Args::one("translate", args, kw)?;
    let s = this(args)?;
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        let r = match ops::getitem(table, super::int::new_int(c as i64)) {
            Ok(r) => r,
            Err(e) if e.matches(types::lookup_error()) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if r == Value::NONE {
            continue;
        }
        if let Some(u) = as_unicode(r) {
            out.extend_from_slice(u);
        } else if let (Some(i), false) = (super::int::as_int(r), r == Value::TRUE || r == Value::FALSE) {
            if !(0..0x110000).contains(&i) {
                // 2.7 really prints the unexpanded format here.
                return Err(type_error("character mapping must be in range(0x%lx)"));
            }
            out.push(i as u32);
        } else {
            return Err(type_error("character mapping must return integer, None or unicode"));
        }
    }
    Ok(new_unicode(out))
}

/// `unicode(object='')` / `unicode(string, encoding[, errors])`.
fn u_new(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("unicode", args, kw, &["string", "encoding", "errors"], 0)?;
    let chars: Vec<u32> = match (a[0], a[1].is_some() || a[2].is_some()) {
        (None, _) => Vec::new(),
        (Some(v), false) => unicode_of(v)?,
        (Some(v), true) => {
            if as_unicode(v).is_some() {
                return Err(type_error("decoding Unicode is not supported"));
            }
            let b = as_bytes(v).ok_or_else(|| type_error(format!("coercing to Unicode: need string or buffer, {} found", type_name(v))))?;
            let (enc, errors) = codec_args("unicode", a[1], a[2])?;
            decode(b, &enc, &errors)?
        }
    };
    let u = new_unicode(chars);
    if args[0] == types::unicode() {
        return Ok(u);
    }
    // A subclass: an instance of it wrapping the unicode value.
    let cls = super::typeobj::as_type(args[0]).ok_or_else(|| type_error("unicode.__new__(X): X is not a type object"))?;
    let inst = super::instance::new_instance(cls);
    inst.base.set(u);
    Ok(inst.as_value())
}

/// `unicode(v)` for one argument: `__unicode__`, else str(v) decoded as ASCII.
pub fn unicode_of(v: Value) -> PyResult<Vec<u32>> {
    if let Some(u) = as_unicode(v) {
        return Ok(u.to_vec());
    }
    if let Some(b) = as_bytes(v) {
        return decode_ascii(b);
    }
    if let Some(m) = ops::lookup_special(v, "__unicode__") {
        let r = ops::call(m, &[], &[])?;
        return Ok(coerce(r)?.into_owned());
    }
    // A Python-level __str__ may return unicode, which is then used as is.
    if let Some(r) = user_str(v)? {
        return Ok(coerce(r)?.into_owned());
    }
    let s = ops::str_bytes(v)?;
    decode_ascii(&s)
}

/// The result of `v.__str__()` when its class defines one in Python (not a
/// builtin type's), which may be str or unicode; None otherwise.
pub fn user_str(v: Value) -> PyResult<Option<Value>> {
    match ops::lookup_special(v, "__str__") {
        Some(m) if crate::objects::function::as_builtin(m).is_none() => {
            let r = ops::call(m, &[], &[])?;
            if as_bytes(r).is_none() && as_unicode(r).is_none() {
                return Err(type_error(format!("__str__ returned non-string (type {})", type_name(r))));
            }
            Ok(Some(r))
        }
        _ => Ok(None),
    }
}

/// Installs unicode's methods into its type dict.
pub fn install() {
    let t = types::unicode();
    install_common::<u32>(t);
    let own: &[(&'static str, NativeFn)] = &[
        ("encode", u_encode),
        ("decode", u_decode),
        ("isdecimal", u_isdecimal),
        ("isnumeric", u_isnumeric),
        ("__add__", u_add),
        ("__eq__", u_eq),
        ("__ne__", u_ne),
        ("__lt__", u_lt),
        ("__le__", u_le),
        ("__gt__", u_gt),
        ("__ge__", u_ge),
        ("__hash__", u_hash),
        ("__repr__", u_repr),
        ("__str__", u_str),
        ("translate", u_translate),
    ];
    for &(name, f) in own {
        add_method(t, name, f);
    }
    add_static(t, "__new__", u_new);

}
