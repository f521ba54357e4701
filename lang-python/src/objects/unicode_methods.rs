//! Methods of `unicode` (its codecs are in `objects::codecs`).
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
use super::codecs::{self, Handler};
use super::{add_method, add_static};
use crate::ops;
use crate::runtime::errors::type_error;
use crate::runtime::{types, KwArgs, NativeFn, PyResult, NOT_IMPLEMENTED};
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
// unicode-only methods.

fn this<'a>(args: &[Value]) -> PyResult<&'a [u32]> {
    as_unicode(args[0]).ok_or_else(|| type_error("descriptor requires a 'unicode' object"))
}

fn u_encode(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("encode", args, kw, &["encoding", "errors"], 0)?;
    let (enc, errors) = codecs::codec_args("encode", a[0], a[1])?;
    if let Some(c) = codecs::bytes_codec(&enc) {
        // A bytes codec: 2.7 first encodes with the default (ASCII) codec.
        let b = codecs::encode_ascii(this(args)?, Handler::Strict)?;
        return Ok(new_str_owned(codecs::apply_bytes_codec(c, &b, false)?));
    }
    if !codecs::is_fast(&enc) {
        return string_result(crate::modules::_codecs::encode_with_registry(args[0], &enc, &errors)?, "encoder");
    }
    Ok(new_str_owned(codecs::encode(this(args)?, &enc, &errors)?))
}

/// `unicode.decode`: 2.7 first encodes with the default (ASCII) codec.
fn u_decode(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("decode", args, kw, &["encoding", "errors"], 0)?;
    let (enc, errors) = codecs::codec_args("decode", a[0], a[1])?;
    if let Some(c) = codecs::bytes_codec(&enc) {
        let b = codecs::encode_ascii(this(args)?, Handler::Strict)?;
        return Ok(new_str_owned(codecs::apply_bytes_codec(c, &b, true)?));
    }
    if !codecs::is_fast(&enc) {
        return string_result(crate::modules::_codecs::decode_with_registry(args[0], &enc, &errors)?, "decoder");
    }
    let b = codecs::encode_ascii(this(args)?, Handler::Strict)?;
    Ok(new_unicode(codecs::decode(&b, &enc, &errors)?))
}

/// What `str.encode`/`str.decode`/`unicode.encode`/`unicode.decode`
/// accept from a registered codec: str or unicode.
pub fn string_result(r: Value, what: &str) -> PyResult {
    if as_bytes(r).is_some() || as_unicode(r).is_some() {
        Ok(r)
    } else {
        Err(type_error(format!("{what} did not return a string/unicode object (type={})", type_name(r))))
    }
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
    Ok(new_str_owned(codecs::encode_ascii(this(args)?, Handler::Strict)?))
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
            let (enc, errors) = codecs::codec_args("unicode", a[1], a[2])?;
            codecs::decode(b, &enc, &errors)?
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
