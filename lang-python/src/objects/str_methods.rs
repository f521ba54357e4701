//! Methods of `str`, written once for both string types.
//!
//! Python 2 has two string types with nearly the same methods: `str` (bytes,
//! C-locale character classes) and `unicode` (code points, Unicode character
//! classes). Every method here is generic over the element type `T: Ch`
//! (`u8` or `u32`); `install` registers the `u8` instance on `str`, and
//! `unicode_methods` registers the `u32` instance on `unicode`.
//!
//! Mixing rule of 2.7: when a `str` method gets a `unicode` argument
//! (`'a,b'.split(u',')`), the whole call is redone as the unicode method on
//! `self` decoded as ASCII. `Ch::text_arg` returning `None` signals that.
//!
//! Argument errors follow CPython's `PyArg_ParseTuple` wording exactly
//! ("split() takes at most 2 arguments (3 given)"), see `Args`.

use super::codecs;
use super::format;
use super::int::new_int;
use super::str::{as_bytes, new_str, new_str_owned};
use super::typeobj::type_name;
use super::unicode::{as_unicode, new_unicode};
use super::{add_method, add_static, list, tuple};
use crate::ops;
use crate::runtime::errors::{index_error, type_error, value_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyResult, NOT_IMPLEMENTED};
use std::borrow::Cow;
use std::cmp::Ordering;
use vmcore::gc::RootedVec;
use vmcore::Value;

// ---------------------------------------------------------------------------
// Argument parsing with CPython's messages.

/// Positional arguments of a builtin method (`args[0]` is self).
pub struct Args;

impl Args {
    /// METH_NOARGS: `upper()`.
    pub fn none(name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
        no_kw(name, kw)?;
        if args.len() > 1 {
            return Err(type_error(format!("{name}() takes no arguments ({} given)", args.len() - 1)));
        }
        Ok(())
    }
    /// METH_O: `join(iterable)`.
    pub fn one(name: &str, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        no_kw(name, kw)?;
        if args.len() != 2 {
            return Err(type_error(format!("{name}() takes exactly one argument ({} given)", args.len() - 1)));
        }
        Ok(args[1])
    }
    /// `PyArg_ParseTuple` with `min` required and `max` (at most 3) total
    /// positionals; a fixed array, so method calls do not allocate for it.
    pub fn range(name: &str, args: &[Value], kw: KwArgs, min: usize, max: usize) -> PyResult<[Option<Value>; 3]> {
        debug_assert!(max <= 3);
        no_kw(name, kw)?;
        count_check(name, args.len() - 1, min, max)?;
        Ok([args.get(1).copied(), args.get(2).copied(), args.get(3).copied()])
    }
    /// `PyArg_ParseTupleAndKeywords`: positionals or keywords named `names`.
    pub fn kw(name: &str, args: &[Value], kw: KwArgs, names: &[&str], min: usize) -> PyResult<Vec<Option<Value>>> {
        let given = args.len() - 1 + kw.len();
        count_check(name, given, min, names.len())?;
        let mut out: Vec<Option<Value>> = (1..=names.len()).map(|i| args.get(i).copied()).collect();
        for &(k, v) in kw {
            let key = as_bytes(k).unwrap_or(b"");
            match names.iter().position(|n| n.as_bytes() == key) {
                Some(i) if out[i].is_some() => {
                    return Err(type_error(format!("Argument given by name ('{}') and position ({})", String::from_utf8_lossy(key), i + 1)))
                }
                Some(i) => out[i] = Some(v),
                None => return Err(type_error(format!("'{}' is an invalid keyword argument for this function", String::from_utf8_lossy(key)))),
            }
        }
        Ok(out)
    }
}

fn no_kw(name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() { Ok(()) } else { Err(type_error(format!("{name}() takes no keyword arguments"))) }
}

fn count_check(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max { ("exactly", min) } else if n < min { ("at least", min) } else { ("at most", max) };
    let s = if k == 1 { "" } else { "s" };
    Err(type_error(format!("{name}() takes {how} {k} argument{s} ({n} given)")))
}

/// A C `Py_ssize_t` argument (format code `n`/`i`).
pub fn arg_int(v: Value) -> PyResult<i64> {
    if let Some(i) = super::int::as_int(v) {
        return Ok(i);
    }
    if let Some(b) = super::long::as_long(v) {
        use num_traits::ToPrimitive;
        return b.to_i64().ok_or_else(|| crate::runtime::errors::overflow_error("Python int too large to convert to C long"));
    }
    if super::float::as_float(v).is_some() {
        return Err(type_error("integer argument expected, got float"));
    }
    Err(type_error("an integer is required"))
}

/// An optional start/end argument: None or absent means "no bound".
fn arg_slice_index(v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v == Value::NONE => Ok(None),
        Some(v) => match super::int::as_int(v) {
            Some(i) => Ok(Some(i)),
            None => match super::long::as_long(v) {
                Some(b) => {
                    use num_traits::{Signed, ToPrimitive};
                    Ok(Some(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })))
                }
                None => Err(type_error("slice indices must be integers or None or have an __index__ method")),
            },
        },
    }
}

// ---------------------------------------------------------------------------
// The element type: what differs between str and unicode.

pub trait Ch: Copy + Eq + Ord + std::fmt::Debug + 'static {
    /// "str" or "unicode".
    const NAME: &'static str;
    fn code(self) -> u32;
    /// Callers guarantee `c` fits (ASCII, or a value taken from the same type).
    fn of(c: u32) -> Self;
    /// The contents of `self` of a method.
    fn slice_of<'a>(v: Value) -> Option<&'a [Self]>;
    fn make(v: Vec<Self>) -> Value;
    /// A string argument: borrowed or converted; Ok(None) means "redo the
    /// call as unicode" (a unicode argument given to a str method).
    fn text_arg<'a>(v: Value) -> PyResult<Option<Cow<'a, [Self]>>>;
    fn is_space(self) -> bool;
    fn is_alpha(self) -> bool;
    fn is_digit(self) -> bool;
    fn is_lower(self) -> bool;
    fn is_upper(self) -> bool;
    fn is_title(self) -> bool;
    fn is_linebreak(self) -> bool;
    fn to_lower(self) -> Self;
    fn to_upper(self) -> Self;
    fn to_title(self) -> Self;
    fn is_alnum(self) -> bool {
        self.is_alpha() || self.is_digit()
    }
}

/// `str`: the C locale's character classes, as CPython 2.7 uses.
impl Ch for u8 {
    const NAME: &'static str = "str";
    fn code(self) -> u32 {
        self as u32
    }
    fn of(c: u32) -> u8 {
        c as u8
    }
    fn slice_of<'a>(v: Value) -> Option<&'a [u8]> {
        as_bytes(v)
    }
    fn make(v: Vec<u8>) -> Value {
        new_str_owned(v)
    }
    fn text_arg<'a>(v: Value) -> PyResult<Option<Cow<'a, [u8]>>> {
        if let Some(b) = as_bytes(v) {
            return Ok(Some(Cow::Borrowed(b)));
        }
        if as_unicode(v).is_some() {
            return Ok(None);
        }
        Err(type_error("expected a string or other character buffer object"))
    }
    fn is_space(self) -> bool {
        matches!(self, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
    }
    fn is_alpha(self) -> bool {
        self.is_ascii_alphabetic()
    }
    fn is_digit(self) -> bool {
        self.is_ascii_digit()
    }
    fn is_lower(self) -> bool {
        self.is_ascii_lowercase()
    }
    fn is_upper(self) -> bool {
        self.is_ascii_uppercase()
    }
    fn is_title(self) -> bool {
        false
    }
    fn is_linebreak(self) -> bool {
        self == b'\n' || self == b'\r'
    }
    fn to_lower(self) -> u8 {
        self.to_ascii_lowercase()
    }
    fn to_upper(self) -> u8 {
        self.to_ascii_uppercase()
    }
    fn to_title(self) -> u8 {
        self.to_ascii_uppercase()
    }
}

// ---------------------------------------------------------------------------
// Generic algorithms (CPython's stringlib semantics).

/// CPython's ADJUST_INDICES: clamp optional start/end like a slice.
pub fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

pub fn find_slice<T: Ch>(hay: &[T], needle: &[T]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    (0..=hay.len() - needle.len()).find(|&i| hay[i] == first && &hay[i..i + needle.len()] == needle)
}

pub fn rfind_slice<T: Ch>(hay: &[T], needle: &[T]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Non-overlapping occurrences, at most `max`.
pub fn count_slice<T: Ch>(hay: &[T], needle: &[T], max: usize) -> usize {
    if needle.is_empty() {
        return (hay.len() + 1).min(max);
    }
    let (mut n, mut i) = (0, 0);
    while n < max {
        match find_slice(&hay[i..], needle) {
            Some(j) => {
                n += 1;
                i += j + needle.len();
            }
            None => break,
        }
    }
    n
}

/// `find`/`rfind` with optional bounds: the index or -1.
fn find_in<T: Ch>(s: &[T], sub: &[T], start: Option<i64>, end: Option<i64>, rev: bool) -> i64 {
    let (start, end) = adjust(start, end, s.len());
    if end - start < sub.len() as i64 {
        return -1;
    }
    let hay = &s[start as usize..end as usize];
    let r = if rev { rfind_slice(hay, sub) } else { find_slice(hay, sub) };
    r.map_or(-1, |i| i as i64 + start)
}

/// `startswith`/`endswith` on one candidate (CPython's _string_tailmatch).
fn tailmatch<T: Ch>(s: &[T], sub: &[T], start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let len = s.len() as i64;
    let (mut start, end) = adjust(start, end, s.len());
    let slen = sub.len() as i64;
    if !at_end {
        if start + slen > len {
            return false;
        }
    } else {
        if end - start < slen || start > len {
            return false;
        }
        if end - slen > start {
            start = end - slen;
        }
    }
    end - start >= slen && &s[start as usize..(start + slen) as usize] == sub
}

/// `split()` on whitespace runs.
fn split_ws<T: Ch>(s: &[T], mut max: usize) -> Vec<&[T]> {
    let mut out = Vec::new();
    let (mut i, n) = (0, s.len());
    while max > 0 {
        while i < n && s[i].is_space() {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        while i < n && !s[i].is_space() {
            i += 1;
        }
        out.push(&s[j..i]);
        max -= 1;
    }
    while i < n && s[i].is_space() {
        i += 1;
    }
    if i < n {
        out.push(&s[i..]);
    }
    out
}

fn rsplit_ws<T: Ch>(s: &[T], mut max: usize) -> Vec<&[T]> {
    let mut out = Vec::new();
    let mut i = s.len();
    while max > 0 {
        while i > 0 && s[i - 1].is_space() {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        while i > 0 && !s[i - 1].is_space() {
            i -= 1;
        }
        out.push(&s[i..j]);
        max -= 1;
    }
    while i > 0 && s[i - 1].is_space() {
        i -= 1;
    }
    if i > 0 {
        out.push(&s[..i]);
    }
    out.reverse();
    out
}

fn split_sep<'a, T: Ch>(s: &'a [T], sep: &[T], mut max: usize) -> Vec<&'a [T]> {
    let mut out = Vec::new();
    let mut i = 0;
    while max > 0 {
        match find_slice(&s[i..], sep) {
            Some(j) => {
                out.push(&s[i..i + j]);
                i += j + sep.len();
                max -= 1;
            }
            None => break,
        }
    }
    out.push(&s[i..]);
    out
}

fn rsplit_sep<'a, T: Ch>(s: &'a [T], sep: &[T], mut max: usize) -> Vec<&'a [T]> {
    let mut out = Vec::new();
    let mut end = s.len();
    while max > 0 {
        match rfind_slice(&s[..end], sep) {
            Some(j) => {
                out.push(&s[j + sep.len()..end]);
                end = j;
                max -= 1;
            }
            None => break,
        }
    }
    out.push(&s[..end]);
    out.reverse();
    out
}

fn strip_with<'a, T: Ch>(s: &'a [T], chars: Option<&[T]>, left: bool, right: bool) -> &'a [T] {
    let strip = |c: T| match chars {
        None => c.is_space(),
        Some(cs) => cs.contains(&c),
    };
    let (mut i, mut j) = (0, s.len());
    if left {
        while i < j && strip(s[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(s[j - 1]) {
            j -= 1;
        }
    }
    &s[i..j]
}

/// `replace(old, new, count)`; an empty `old` inserts `new` between characters.
fn replace_slice<T: Ch>(s: &[T], old: &[T], new: &[T], max: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(s.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &c) in s.iter().enumerate() {
            if n < max {
                out.extend_from_slice(new);
                n += 1;
            } else {
                out.extend_from_slice(&s[i..]);
                return out;
            }
            out.push(c);
        }
        if n < max {
            out.extend_from_slice(new);
        }
        return out;
    }
    let (mut i, mut n) = (0, 0);
    while n < max {
        match find_slice(&s[i..], old) {
            Some(j) => {
                out.extend_from_slice(&s[i..i + j]);
                out.extend_from_slice(new);
                i += j + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&s[i..]);
    out
}

fn splitlines_slice<T: Ch>(s: &[T], keep: bool) -> Vec<&[T]> {
    let mut out = Vec::new();
    let (mut i, n) = (0, s.len());
    while i < n {
        let j = i;
        while i < n && !s[i].is_linebreak() {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            // "\r\n" is one line break.
            if s[i].code() == '\r' as u32 && i + 1 < n && s[i + 1].code() == '\n' as u32 {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        out.push(&s[j..eol]);
    }
    out
}

fn expandtabs_slice<T: Ch>(s: &[T], tab: i64) -> Vec<T> {
    let mut out = Vec::with_capacity(s.len());
    let mut col: i64 = 0;
    for &c in s {
        match c.code() {
            0x09 => {
                if tab > 0 {
                    let n = tab - col % tab;
                    col += n;
                    out.extend(std::iter::repeat_n(T::of(' ' as u32), n as usize));
                }
            }
            0x0a | 0x0d => {
                col = 0;
                out.push(c);
            }
            _ => {
                col += 1;
                out.push(c);
            }
        }
    }
    out
}

/// Lowercase after a cased character, titlecase otherwise (2.7's unicode
/// rule; for str's ASCII letters it is the same as its own rule).
fn title_slice<T: Ch>(s: &[T]) -> Vec<T> {
    let mut prev_cased = false;
    s.iter()
        .map(|&c| {
            let r = if prev_cased { c.to_lower() } else { c.to_title() };
            prev_cased = c.is_lower() || c.is_upper() || c.is_title();
            r
        })
        .collect()
}

fn istitle_slice<T: Ch>(s: &[T]) -> bool {
    if s.len() == 1 {
        return s[0].is_title() || s[0].is_upper();
    }
    let (mut cased, mut prev_cased) = (false, false);
    for &c in s {
        if c.is_upper() || c.is_title() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lower() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `center`/`ljust`/`rjust` padding amounts (CPython's formula for center).
fn pad<T: Ch>(s: &[T], left: usize, right: usize, fill: T) -> Vec<T> {
    let mut out = Vec::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

// ---------------------------------------------------------------------------
// Shared conversions.

/// `self` of a method as a slice of `T`.
fn this<'a, T: Ch>(args: &[Value]) -> PyResult<&'a [T]> {
    T::slice_of(args[0]).ok_or_else(|| type_error(format!("descriptor requires a '{}' object", T::NAME)))
}

/// Decodes str bytes as ASCII (Python 2's implicit str -> unicode coercion).
pub fn decode_ascii(b: &[u8]) -> PyResult<Vec<u32>> {
    codecs::decode_ascii(b, codecs::Handler::Strict)
}

/// Redoes a str method call as the unicode method `f` on `self` decoded as ASCII.
fn promote(f: NativeFn, args: &[Value], kw: KwArgs) -> PyResult {
    let u = new_unicode(decode_ascii(as_bytes(args[0]).unwrap_or(b""))?);
    let mut a = RootedVec::from_vec(args.to_vec());
    a[0] = u;
    f(&a, kw)
}

/// A text argument, or the promoted call's result.
macro_rules! text {
    ($T:ty, $v:expr, $f:ident, $args:expr, $kw:expr) => {
        match <$T>::text_arg($v)? {
            Some(t) => t,
            None => return promote($f::<u32>, $args, $kw),
        }
    };
}

fn make_list<T: Ch>(parts: Vec<&[T]>) -> Value {
    let vals = RootedVec::from_vec(Vec::with_capacity(parts.len()));
    let mut vals = vals;
    for p in parts {
        vals.push(T::make(p.to_vec()));
    }
    list::new_list(vals.into_vec())
}

fn maxcount(v: Option<Value>) -> PyResult<usize> {
    Ok(match v {
        None => usize::MAX,
        Some(v) => {
            let n = arg_int(v)?;
            if n < 0 { usize::MAX } else { n as usize }
        }
    })
}

// ---------------------------------------------------------------------------
// Methods, generic over the element type.

macro_rules! map_method {
    ($name:ident, $py:literal, |$c:ident| $e:expr) => {
        pub fn $name<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
            Args::none($py, args, kw)?;
            Ok(T::make(this::<T>(args)?.iter().map(|&$c| $e).collect()))
        }
    };
}

map_method!(m_lower, "lower", |c| c.to_lower());
map_method!(m_upper, "upper", |c| c.to_upper());
map_method!(m_swapcase, "swapcase", |c| if c.is_upper() { c.to_lower() } else if c.is_lower() { c.to_upper() } else { c });

macro_rules! all_method {
    ($name:ident, $py:literal, $pred:ident) => {
        pub fn $name<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
            Args::none($py, args, kw)?;
            let s = this::<T>(args)?;
            Ok(Value::from_bool(!s.is_empty() && s.iter().all(|c| c.$pred())))
        }
    };
}

all_method!(m_isalnum, "isalnum", is_alnum);
all_method!(m_isalpha, "isalpha", is_alpha);
all_method!(m_isdigit, "isdigit", is_digit);
all_method!(m_isspace, "isspace", is_space);

pub fn m_islower<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("islower", args, kw)?;
    let s = this::<T>(args)?;
    let bad = s.iter().any(|c| c.is_upper() || c.is_title());
    Ok(Value::from_bool(!bad && s.iter().any(|c| c.is_lower())))
}

pub fn m_isupper<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("isupper", args, kw)?;
    let s = this::<T>(args)?;
    let bad = s.iter().any(|c| c.is_lower() || c.is_title());
    Ok(Value::from_bool(!bad && s.iter().any(|c| c.is_upper())))
}

pub fn m_istitle<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("istitle", args, kw)?;
    Ok(Value::from_bool(istitle_slice(this::<T>(args)?)))
}

pub fn m_title<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("title", args, kw)?;
    Ok(T::make(title_slice(this::<T>(args)?)))
}

pub fn m_capitalize<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("capitalize", args, kw)?;
    let s = this::<T>(args)?;
    let out = s
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == 0 { if c.is_lower() { c.to_upper() } else { c } } else if c.is_upper() { c.to_lower() } else { c })
        .collect();
    Ok(T::make(out))
}

pub fn m_len<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("__len__", args, kw)?;
    Ok(new_int(this::<T>(args)?.len() as i64))
}

pub fn m_contains<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let x = Args::one("__contains__", args, kw)?;
    let s = this::<T>(args)?;
    if T::NAME == "str" && as_bytes(x).is_none() && as_unicode(x).is_none() {
        return Err(type_error(format!("'in <string>' requires string as left operand, not {}", type_name(x))));
    }
    let sub = text!(T, x, m_contains, args, kw);
    Ok(Value::from_bool(find_slice(s, &sub).is_some()))
}

/// `count`, `find`, `rfind`, `index`, `rindex`: (sub[, start[, end]]).
fn search<T: Ch>(name: &str, args: &[Value], kw: KwArgs) -> PyResult<Result<(&'static [T], Cow<'static, [T]>, Option<i64>, Option<i64>), ()>> {
    let a = Args::range(name, args, kw, 1, 3)?;
    let s = this::<T>(args)?;
    let start = arg_slice_index(a[1])?;
    let end = arg_slice_index(a[2])?;
    match T::text_arg(a[0].expect("required"))? {
        Some(sub) => Ok(Ok((s, sub, start, end))),
        None => Ok(Err(())),
    }
}

macro_rules! search_method {
    ($name:ident, $py:literal, $rev:expr, $raise:expr) => {
        pub fn $name<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
            let Ok((s, sub, start, end)) = search::<T>($py, args, kw)? else { return promote($name::<u32>, args, kw) };
            let i = find_in(s, &sub, start, end, $rev);
            if i < 0 && $raise {
                return Err(value_error("substring not found"));
            }
            Ok(new_int(i))
        }
    };
}

search_method!(m_find, "find", false, false);
search_method!(m_rfind, "rfind", true, false);
search_method!(m_index, "index", false, true);
search_method!(m_rindex, "rindex", true, true);

pub fn m_count<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let Ok((s, sub, start, end)) = search::<T>("count", args, kw)? else { return promote(m_count::<u32>, args, kw) };
    let (start, end) = adjust(start, end, s.len());
    if end < start {
        return Ok(new_int(0));
    }
    Ok(new_int(count_slice(&s[start as usize..end as usize], &sub, usize::MAX) as i64))
}

fn tail_method<T: Ch>(name: &str, args: &[Value], kw: KwArgs, at_end: bool, me: NativeFn) -> PyResult {
    let a = Args::range(name, args, kw, 1, 3)?;
    let s = this::<T>(args)?;
    let (start, end) = (arg_slice_index(a[1])?, arg_slice_index(a[2])?);
    let prefix = a[0].expect("required");
    if let Some(items) = tuple::as_tuple(prefix) {
        for &p in items {
            let Some(p) = T::text_arg(p)? else { return promote(me, args, kw) };
            if tailmatch(s, &p, start, end, at_end) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    if as_bytes(prefix).is_none() && as_unicode(prefix).is_none() {
        return Err(type_error(format!("{name} first arg must be str, unicode, or tuple, not {}", type_name(prefix))));
    }
    let Some(p) = T::text_arg(prefix)? else { return promote(me, args, kw) };
    Ok(Value::from_bool(tailmatch(s, &p, start, end, at_end)))
}

pub fn m_startswith<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    tail_method::<T>("startswith", args, kw, false, m_startswith::<u32>)
}

pub fn m_endswith<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    tail_method::<T>("endswith", args, kw, true, m_endswith::<u32>)
}

fn split_impl<T: Ch>(name: &str, args: &[Value], kw: KwArgs, rev: bool, me: NativeFn) -> PyResult {
    let a = Args::range(name, args, kw, 0, 2)?;
    let s = this::<T>(args)?;
    let max = maxcount(a[1])?;
    let parts = match a[0] {
        None => if rev { rsplit_ws(s, max) } else { split_ws(s, max) },
        Some(v) if v == Value::NONE => if rev { rsplit_ws(s, max) } else { split_ws(s, max) },
        Some(v) => {
            let Some(sep) = T::text_arg(v)? else { return promote(me, args, kw) };
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let parts = if rev { rsplit_sep(s, &sep, max) } else { split_sep(s, &sep, max) };
            return Ok(make_list(parts));
        }
    };
    Ok(make_list(parts))
}

pub fn m_split<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    split_impl::<T>("split", args, kw, false, m_split::<u32>)
}

pub fn m_rsplit<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    split_impl::<T>("rsplit", args, kw, true, m_rsplit::<u32>)
}

pub fn m_splitlines<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::range("splitlines", args, kw, 0, 1)?;
    let keep = match a[0] {
        Some(v) => arg_int(v)? != 0,
        None => false,
    };
    Ok(make_list(splitlines_slice(this::<T>(args)?, keep)))
}

fn partition_impl<T: Ch>(name: &str, args: &[Value], kw: KwArgs, rev: bool, me: NativeFn) -> PyResult {
    let sepv = Args::one(name, args, kw)?;
    let s = this::<T>(args)?;
    let Some(sep) = T::text_arg(sepv)? else { return promote(me, args, kw) };
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if rev { rfind_slice(s, &sep) } else { find_slice(s, &sep) };
    let parts = match found {
        Some(i) => [T::make(s[..i].to_vec()), T::make(sep.to_vec()), T::make(s[i + sep.len()..].to_vec())],
        None if rev => [T::make(vec![]), T::make(vec![]), T::make(s.to_vec())],
        None => [T::make(s.to_vec()), T::make(vec![]), T::make(vec![])],
    };
    Ok(tuple::new_tuple_from(&parts))
}

pub fn m_partition<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    partition_impl::<T>("partition", args, kw, false, m_partition::<u32>)
}

pub fn m_rpartition<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    partition_impl::<T>("rpartition", args, kw, true, m_rpartition::<u32>)
}

fn strip_impl<T: Ch>(name: &str, args: &[Value], kw: KwArgs, left: bool, right: bool, me: NativeFn) -> PyResult {
    let a = Args::range(name, args, kw, 0, 1)?;
    let s = this::<T>(args)?;
    let chars = match a[0] {
        None => None,
        Some(v) if v == Value::NONE => None,
        Some(v) => {
            if as_bytes(v).is_none() && as_unicode(v).is_none() {
                let kinds = if T::NAME == "str" { "str or unicode" } else { "unicode or str" };
                return Err(type_error(format!("{name} arg must be None, {kinds}")));
            }
            match T::text_arg(v)? {
                Some(c) => Some(c),
                None => return promote(me, args, kw),
            }
        }
    };
    Ok(T::make(strip_with(s, chars.as_deref(), left, right).to_vec()))
}

pub fn m_strip<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    strip_impl::<T>("strip", args, kw, true, true, m_strip::<u32>)
}

pub fn m_lstrip<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    strip_impl::<T>("lstrip", args, kw, true, false, m_lstrip::<u32>)
}

pub fn m_rstrip<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    strip_impl::<T>("rstrip", args, kw, false, true, m_rstrip::<u32>)
}

pub fn m_replace<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::range("replace", args, kw, 2, 3)?;
    let s = this::<T>(args)?;
    let old = text!(T, a[0].expect("required"), m_replace, args, kw);
    let new = text!(T, a[1].expect("required"), m_replace, args, kw);
    let max = maxcount(a[2])?;
    Ok(T::make(replace_slice(s, &old, &new, max)))
}

/// `center`/`ljust`/`rjust`: (width[, fillchar]).
fn justify<T: Ch>(name: &str, args: &[Value], kw: KwArgs, how: Ordering) -> PyResult {
    let a = Args::range(name, args, kw, 1, 2)?;
    let s = this::<T>(args)?;
    let width = arg_int(a[0].expect("required"))?;
    let fill = match a[1] {
        None => T::of(' ' as u32),
        Some(f) if T::NAME == "unicode" => {
            // unicode converts the fill (str decoded as ASCII), then checks its length.
            let c = super::unicode_methods::coerce(f).map_err(|_| type_error("The fill character cannot be converted to Unicode"))?;
            if c.len() != 1 {
                return Err(type_error("The fill character must be exactly one character long"));
            }
            T::of(c[0])
        }
        Some(f) => match T::slice_of(f) {
            Some(c) if c.len() == 1 => c[0],
            _ => return Err(type_error(format!("{name}() argument 2 must be char, not {}", type_name(f)))),
        },
    };
    let len = s.len() as i64;
    if width <= len {
        return Ok(T::make(s.to_vec()));
    }
    let marg = width - len;
    let left = match how {
        Ordering::Less => 0,
        Ordering::Greater => marg,
        Ordering::Equal => marg / 2 + (marg & width & 1),
    };
    Ok(T::make(pad(s, left as usize, (marg - left) as usize, fill)))
}

pub fn m_center<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    justify::<T>("center", args, kw, Ordering::Equal)
}

pub fn m_ljust<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    justify::<T>("ljust", args, kw, Ordering::Less)
}

pub fn m_rjust<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    justify::<T>("rjust", args, kw, Ordering::Greater)
}

pub fn m_zfill<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::range("zfill", args, kw, 1, 1)?;
    let s = this::<T>(args)?;
    let width = arg_int(a[0].expect("required"))?;
    if width <= s.len() as i64 {
        return Ok(T::make(s.to_vec()));
    }
    let fill = width as usize - s.len();
    let mut out = pad(s, fill, 0, T::of('0' as u32));
    // A sign moves in front of the zeros.
    if matches!(s.first().map(|c| c.code()), Some(0x2b) | Some(0x2d)) {
        out[0] = s[0];
        out[fill] = T::of('0' as u32);
    }
    Ok(T::make(out))
}

pub fn m_expandtabs<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::range("expandtabs", args, kw, 0, 1)?;
    let tab = match a[0] {
        Some(v) => arg_int(v)?,
        None => 8,
    };
    Ok(T::make(expandtabs_slice(this::<T>(args)?, tab)))
}

/// `sep.join(iterable)`; a unicode item makes the result unicode.
pub fn m_join<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let seq = Args::one("join", args, kw)?;
    let sep = this::<T>(args)?;
    let items = match ops::to_vec(seq) {
        Ok(v) => RootedVec::from_vec(v),
        Err(e) if e.matches(types::type_error()) => return Err(type_error("can only join an iterable")),
        Err(e) => return Err(e),
    };
    // Exact capacity when every item is already of our type: the result is
    // then boxed without reallocating.
    let total: usize = items.iter().map(|&it| T::slice_of(it).map_or(0, |s| s.len())).sum::<usize>() + sep.len() * items.len().saturating_sub(1);
    let mut out: Vec<T> = Vec::with_capacity(total);
    for (i, &it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        if as_bytes(it).is_none() && as_unicode(it).is_none() {
            let want = if T::NAME == "str" { "string" } else { "string or Unicode" };
            return Err(type_error(format!("sequence item {i}: expected {want}, {} found", type_name(it))));
        }
        match T::text_arg(it)? {
            Some(t) => out.extend_from_slice(&t),
            None => {
                let mut a = RootedVec::from_vec(vec![args[0], list::new_list(items.to_vec())]);
                a[0] = new_unicode(decode_ascii(as_bytes(args[0]).unwrap_or(b""))?);
                return m_join::<u32>(&a, &[]);
            }
        }
    }
    Ok(T::make(out))
}

/// `s[i]` and `s[i:j:k]`.
pub fn m_getitem<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let i = Args::one("__getitem__", args, kw)?;
    let s = this::<T>(args)?;
    if let Some(sl) = super::slice::as_slice(i) {
        let r = super::slice::resolve(sl, s.len())?;
        let (start, step, n) = (r.start, r.step, r.len);
        let out = (0..n as i64).map(|k| s[(start + k * step) as usize]).collect();
        return Ok(T::make(out));
    }
    if super::int::as_int(i).is_none() && super::long::as_long(i).is_none() {
        return Err(type_error(format!("string indices must be integers, not {}", type_name(i))));
    }
    let k = arg_int(i).unwrap_or(i64::MAX);
    let k = if k < 0 { k + s.len() as i64 } else { k };
    if k < 0 || k >= s.len() as i64 {
        return Err(index_error("string index out of range"));
    }
    Ok(T::make(vec![s[k as usize]]))
}

/// `s[i:j]` (Python 2's old slicing hook; bounds already non-negative-ish).
pub fn m_getslice<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::range("__getslice__", args, kw, 2, 2)?;
    let s = this::<T>(args)?;
    let (i, j) = (arg_int(a[0].expect("required"))?, arg_int(a[1].expect("required"))?);
    let n = s.len() as i64;
    let i = i.clamp(0, n);
    let j = j.clamp(i, n);
    Ok(T::make(s[i as usize..j as usize].to_vec()))
}

pub fn m_mul<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let n = Args::one("__mul__", args, kw)?;
    let s = this::<T>(args)?;
    let k = match super::int::as_int(n) {
        Some(k) => k,
        None if super::long::as_long(n).is_some() => {
            use num_traits::ToPrimitive;
            super::long::as_long(n).and_then(|b| b.to_i64()).ok_or_else(|| crate::runtime::errors::overflow_error("cannot fit 'long' into an index-sized integer"))?
        }
        // Not an index: let the other operand try (`__rmul__`); the binary
        // operator then reports "can't multiply sequence by non-int".
        None => return Ok(NOT_IMPLEMENTED),
    };
    let k = k.max(0) as usize;
    if s.len().checked_mul(k).is_none_or(|t| t > (1usize << 40)) {
        return Err(crate::runtime::errors::memory_error(""));
    }
    Ok(T::make(s.repeat(k)))
}

pub fn m_hash<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("__hash__", args, kw)?;
    this::<T>(args)?;
    // ops::hash uses the str's cached hash; unicode hashes like an equal str.
    Ok(new_int(ops::hash(args[0])?))
}

pub fn m_format<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    format::template::str_format(args[0], &args[1..], kw)
}

pub fn m_dunder_format<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let spec = Args::one("__format__", args, kw)?;
    if as_bytes(spec).is_none() && as_unicode(spec).is_none() {
        return Err(type_error(format!("__format__ arg must be str or unicode, not {}", type_name(spec))));
    }
    this::<T>(args)?;
    format::format_method(args[0], spec, T::NAME == "unicode")
}

pub fn m_mod<T: Ch>(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::one("__mod__", args, kw)?;
    format::percent::percent_format(args[0], a)
}

// ---------------------------------------------------------------------------
// str-only methods.

fn str_add(args: &[Value], kw: KwArgs) -> PyResult {
    let b = Args::one("__add__", args, kw)?;
    let a = this::<u8>(args)?;
    if let Some(y) = as_bytes(b) {
        let mut v = Vec::with_capacity(a.len() + y.len());
        v.extend_from_slice(a);
        v.extend_from_slice(y);
        return Ok(new_str_owned(v));
    }
    if let Some(u) = as_unicode(b) {
        let mut v = decode_ascii(a)?;
        v.extend_from_slice(u);
        return Ok(new_unicode(v));
    }
    Err(type_error(format!("cannot concatenate 'str' and '{}' objects", type_name(b))))
}

fn str_cmp(name: &str, args: &[Value], kw: KwArgs, test: fn(Ordering) -> bool) -> PyResult {
    let b = Args::one(name, args, kw)?;
    match (as_bytes(args[0]), as_bytes(b)) {
        (Some(x), Some(y)) => Ok(Value::from_bool(test(x.cmp(y)))),
        _ => Ok(NOT_IMPLEMENTED),
    }
}

fn str_eq(a: &[Value], k: KwArgs) -> PyResult {
    str_cmp("__eq__", a, k, |o| o == Ordering::Equal)
}
fn str_ne(a: &[Value], k: KwArgs) -> PyResult {
    str_cmp("__ne__", a, k, |o| o != Ordering::Equal)
}
fn str_lt(a: &[Value], k: KwArgs) -> PyResult {
    str_cmp("__lt__", a, k, |o| o == Ordering::Less)
}
fn str_le(a: &[Value], k: KwArgs) -> PyResult {
    str_cmp("__le__", a, k, |o| o != Ordering::Greater)
}
fn str_gt(a: &[Value], k: KwArgs) -> PyResult {
    str_cmp("__gt__", a, k, |o| o == Ordering::Greater)
}
fn str_ge(a: &[Value], k: KwArgs) -> PyResult {
    str_cmp("__ge__", a, k, |o| o != Ordering::Less)
}

fn str_repr(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("__repr__", args, kw)?;
    // An exact-str copy reprs natively (a subclass's own repr would recurse here).
    ops::repr(new_str(this::<u8>(args)?))
}

fn str_str(args: &[Value], kw: KwArgs) -> PyResult {
    Args::none("__str__", args, kw)?;
    if type_of(args[0]) == types::str() {
        return Ok(args[0]);
    }
    Ok(new_str(this::<u8>(args)?))
}

/// `str(object='')`, also for subclasses of str.
fn str_new(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("str", args, kw, &["object"], 0)?;
    let s = match a[0] {
        None => new_str(b""),
        Some(v) => ops::to_str(v)?,
    };
    if args[0] == types::str() {
        return Ok(s);
    }
    Ok(super::str::new_str_of_class(args[0], as_bytes(s).unwrap_or(b"")))
}

/// `translate(table[, deletechars])`: a 256-byte table or None.
fn str_translate(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::range("translate", args, kw, 1, 2)?;
    let s = this::<u8>(args)?;
    let table = match a[0].expect("required") {
        t if t == Value::NONE => None,
        t => match as_bytes(t) {
            Some(b) if b.len() == 256 => Some(b),
            Some(_) => return Err(value_error("translation table must be 256 characters long")),
            None => return Err(type_error("expected a character buffer object")),
        },
    };
    let del: &[u8] = match a[1] {
        None => b"",
        Some(d) => as_bytes(d).ok_or_else(|| type_error("expected a character buffer object"))?,
    };
    let out = s.iter().filter(|c| !del.contains(c)).map(|&c| table.map_or(c, |t| t[c as usize])).collect();
    Ok(new_str_owned(out))
}

fn str_decode(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("decode", args, kw, &["encoding", "errors"], 0)?;
    let s = this::<u8>(args)?;
    let (enc, errors) = codecs::codec_args("decode", a[0], a[1])?;
    if let Some(c) = codecs::bytes_codec(&enc) {
        return Ok(new_str_owned(codecs::apply_bytes_codec(c, s, true)?));
    }
    if !codecs::is_fast(&enc) {
        let r = crate::modules::_codecs::decode_with_registry(args[0], &enc, &errors)?;
        return super::unicode_methods::string_result(r, "decoder");
    }
    Ok(new_unicode(codecs::decode(s, &enc, &errors)?))
}

/// `str.encode`: 2.7 first decodes the bytes with the default (ASCII) codec.
fn str_encode(args: &[Value], kw: KwArgs) -> PyResult {
    let a = Args::kw("encode", args, kw, &["encoding", "errors"], 0)?;
    let s = this::<u8>(args)?;
    let (enc, errors) = codecs::codec_args("encode", a[0], a[1])?;
    if let Some(c) = codecs::bytes_codec(&enc) {
        return Ok(new_str_owned(codecs::apply_bytes_codec(c, s, false)?));
    }
    if !codecs::is_fast(&enc) {
        let r = crate::modules::_codecs::encode_with_registry(args[0], &enc, &errors)?;
        return super::unicode_methods::string_result(r, "encoder");
    }
    let u = decode_ascii(s)?;
    Ok(new_str_owned(codecs::encode(&u, &enc, &errors)?))
}

/// Registers the methods shared by str and unicode for element type `T`.
pub fn install_common<T: Ch>(t: Value) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("lower", m_lower::<T>),
        ("upper", m_upper::<T>),
        ("swapcase", m_swapcase::<T>),
        ("title", m_title::<T>),
        ("capitalize", m_capitalize::<T>),
        ("isalnum", m_isalnum::<T>),
        ("isalpha", m_isalpha::<T>),
        ("isdigit", m_isdigit::<T>),
        ("isspace", m_isspace::<T>),
        ("islower", m_islower::<T>),
        ("isupper", m_isupper::<T>),
        ("istitle", m_istitle::<T>),
        ("__len__", m_len::<T>),
        ("__contains__", m_contains::<T>),
        ("find", m_find::<T>),
        ("rfind", m_rfind::<T>),
        ("index", m_index::<T>),
        ("rindex", m_rindex::<T>),
        ("count", m_count::<T>),
        ("startswith", m_startswith::<T>),
        ("endswith", m_endswith::<T>),
        ("split", m_split::<T>),
        ("rsplit", m_rsplit::<T>),
        ("splitlines", m_splitlines::<T>),
        ("partition", m_partition::<T>),
        ("rpartition", m_rpartition::<T>),
        ("strip", m_strip::<T>),
        ("lstrip", m_lstrip::<T>),
        ("rstrip", m_rstrip::<T>),
        ("replace", m_replace::<T>),
        ("center", m_center::<T>),
        ("ljust", m_ljust::<T>),
        ("rjust", m_rjust::<T>),
        ("zfill", m_zfill::<T>),
        ("expandtabs", m_expandtabs::<T>),
        ("join", m_join::<T>),
        ("__getitem__", m_getitem::<T>),
        ("__getslice__", m_getslice::<T>),
        ("__mul__", m_mul::<T>),
        ("__rmul__", m_mul::<T>),
        ("__hash__", m_hash::<T>),
        ("format", m_format::<T>),
        ("__format__", m_dunder_format::<T>),
        ("__mod__", m_mod::<T>),
    ];
    for &(name, f) in methods {
        add_method(t, name, f);
    }
}

/// Installs str's methods into its type dict.
pub fn install() {
    let t = types::str();
    install_common::<u8>(t);
    let own: &[(&'static str, NativeFn)] = &[
        ("__add__", str_add),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__repr__", str_repr),
        ("__str__", str_str),
        ("translate", str_translate),
        ("decode", str_decode),
        ("encode", str_encode),
    ];
    for &(name, f) in own {
        add_method(t, name, f);
    }
    add_static(t, "__new__", str_new);
    // `__format__` of the numeric types lives with the format-spec code.
    format::install();
}
