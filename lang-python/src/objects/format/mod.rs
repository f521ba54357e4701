//! String formatting: `str % args` (`percent`), format specs such as
//! `'{:>10,.2f}'` (`spec`), and `str.format` templates (`template`).
//!
//! All three build their output as `u32` code points so one implementation
//! serves both `str` and `unicode` results; a `str` result is narrowed back
//! to bytes at the end (every code point is then below 256).
//!
//! This file holds the number-to-text primitives they share. Floats are
//! rendered with Rust's exactly-rounded `{:.N}`/`{:.Ne}` formatting, which
//! gives the same digits as CPython's dtoa-based `PyOS_double_to_string`
//! (both round the exact binary value half-to-even).

pub mod percent;
pub mod spec;
pub mod template;

use super::str::{as_bytes, new_str_owned};
use super::unicode::{as_unicode, new_unicode};
use crate::runtime::errors::type_error;
use crate::runtime::PyResult;
use num_bigint::BigInt;
use vmcore::Value;

/// Text being built, and whether it must become unicode.
pub type Text = Vec<u32>;

pub fn text_of(s: &str) -> Text {
    s.chars().map(|c| c as u32).collect()
}

pub fn bytes_text(b: &[u8]) -> Text {
    b.iter().map(|&c| c as u32).collect()
}

/// Builds the result object: unicode, or str (code points are all < 256).
pub fn finish(t: Text, unicode: bool) -> Value {
    if unicode {
        new_unicode(t)
    } else {
        new_str_owned(t.into_iter().map(|c| c as u8).collect())
    }
}

/// The text of a str or unicode value (None for other objects).
pub fn as_text(v: Value) -> Option<(Text, bool)> {
    if let Some(b) = as_bytes(v) {
        return Some((bytes_text(b), false));
    }
    as_unicode(v).map(|u| (u.to_vec(), true))
}

/// `inf`/`nan` spelled as C does, or None for finite values.
fn non_finite(x: f64, upper: bool) -> Option<String> {
    let s = if x.is_nan() {
        "nan"
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }
    } else {
        return None;
    };
    Some(if upper { s.to_uppercase() } else { s.to_string() })
}

/// C's `%.*f`; `alt` keeps the point even with no decimals.
pub fn fmt_f(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if let Some(s) = non_finite(x, upper) {
        return s;
    }
    let mut s = format!("{x:.prec$}");
    if alt && prec == 0 {
        s.push('.');
    }
    s
}

/// C's `%.*e`: at least two exponent digits, with a sign.
pub fn fmt_e(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    if let Some(s) = non_finite(x, upper) {
        return s;
    }
    let s = format!("{x:.prec$e}");
    let (mant, exp) = s.split_once('e').expect("Rust's {:e} has an exponent");
    let exp: i32 = exp.parse().expect("integer exponent");
    let dot = if alt && prec == 0 { "." } else { "" };
    let e = if upper { 'E' } else { 'e' };
    format!("{mant}{dot}{e}{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// C's `%.*g`; `add_dot_0` makes integral results end in ".0" (str.format's
/// default float presentation).
pub fn fmt_g(x: f64, prec: usize, alt: bool, upper: bool, add_dot_0: bool) -> String {
    if let Some(s) = non_finite(x, upper) {
        return s;
    }
    let p = prec.max(1);
    // The decimal exponent after rounding to p significant digits.
    let exp: i32 = if x == 0.0 {
        0
    } else {
        let s = format!("{:.*e}", p - 1, x);
        s.split_once('e').expect("exponent").1.parse().expect("integer exponent")
    };
    // With add_dot_0, CPython switches to exponent form one digit earlier.
    let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
    let mut s = if exp >= -4 && exp < limit {
        fmt_f(x, (p as i32 - 1 - exp) as usize, alt, upper)
    } else {
        fmt_e(x, p - 1, alt, upper)
    };
    if !alt {
        // Drop trailing zeros of the fraction (and a bare point).
        let (mant, tail) = match s.find(['e', 'E']) {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.').to_string() } else { mant };
        s = mant + &tail;
    } else if !s.contains('.') {
        let i = s.find(['e', 'E']).unwrap_or(s.len());
        s.insert(i, '.');
    }
    if add_dot_0 && !s.contains(['.', 'e', 'E', 'n', 'N', 'i', 'I']) {
        s.push_str(".0");
    }
    s
}

/// Digits of |n| in `radix`, lowercase or uppercase.
pub fn big_digits(n: &BigInt, radix: u32, upper: bool) -> String {
    let s = n.magnitude().to_str_radix(radix);
    if upper { s.to_uppercase() } else { s }
}

/// The integer value of an int, bool or long.
pub fn as_bigint(v: Value) -> Option<BigInt> {
    if let Some(i) = super::int::as_int(v) {
        return Some(BigInt::from(i));
    }
    super::long::as_long(v).cloned()
}

/// `format(value, spec)` for the `format()` builtin: the result as bytes
/// (a unicode result is encoded as ASCII, as `str()` would).
pub fn format_value(v: Value, spec: &[u8]) -> PyResult<Vec<u8>> {
    let r = format_builtin(v, new_str_owned(spec.to_vec()))?;
    if let Some(b) = as_bytes(r) {
        return Ok(b.to_vec());
    }
    crate::ops::str_bytes(r)
}

/// `format(value, spec)`: builtin types natively, others via `__format__`.
pub fn format_builtin(v: Value, spec: Value) -> PyResult {
    let (spec_text, unicode_spec) = as_text(spec).ok_or_else(|| {
        type_error(format!("format() argument 2 must be string, not {}", super::typeobj::type_name(spec)))
    })?;
    if let Some(r) = spec::format_native(v, &spec_text)? {
        let unicode = unicode_spec || as_unicode(v).is_some();
        if unicode && as_unicode(v).is_none() && r.iter().any(|&c| c >= 0x80) {
            // A byte from '%c' meets the implicit ASCII decoding of 2.7.
            let b: Vec<u8> = r.iter().map(|&c| c as u8).collect();
            super::str_methods::decode_ascii(&b)?;
        }
        return Ok(finish(r, unicode));
    }
    match crate::ops::lookup_special(v, "__format__") {
        Some(m) if !crate::objects::function::as_builtin(m).is_some_and(|b| b.owner == crate::runtime::types::object()) => {
            crate::ops::call(m, &[spec], &[])
        }
        // object.__format__: format str(self) with the spec.
        _ => {
            let s = if unicode_spec { new_unicode(super::unicode_methods::unicode_of(v)?) } else { crate::ops::to_str(v)? };
            let (t, u) = as_text(s).expect("string");
            Ok(finish(spec::format_text(&t, &spec_text, "str")?, u))
        }
    }
}
