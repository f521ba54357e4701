//! Format specifications: the mini-language after `:` in `'{:*^10,.2f}'`
//! and the second argument of `format()`.
//!
//! ```text
//! [[fill]align][sign][#][0][width][,][.precision][type]
//! ```
//!
//! `parse` turns the spec into a `Spec`; `format_text`, `format_int` and
//! `format_float` render a value with it. Error messages are CPython 2.7's.

use super::{as_bigint, fmt_e, fmt_f, fmt_g, text_of, Text};
use crate::objects::numbers::{num_to_f64, Num};
use crate::runtime::errors::{overflow_error, value_error};
use crate::runtime::PyResult;
use num_bigint::BigInt;
use num_traits::Signed;
use vmcore::Value;

#[derive(Debug, Clone)]
pub struct Spec {
    pub fill: Option<u32>,
    pub align: Option<u8>,
    pub sign: Option<u8>,
    pub alt: bool,
    pub width: usize,
    pub comma: bool,
    pub prec: Option<usize>,
    pub ty: Option<u32>,
}

fn is_align(c: u32) -> bool {
    matches!(c, 0x3c | 0x3e | 0x3d | 0x5e) // < > = ^
}

fn digits(s: &[u32], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    let mut n: usize = 0;
    while *i < s.len() && (0x30..=0x39).contains(&s[*i]) {
        n = n.checked_mul(10).and_then(|n| n.checked_add((s[*i] - 0x30) as usize)).filter(|&n| n <= i64::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *i += 1;
    }
    Ok(if *i > start { Some(n) } else { None })
}

/// `default_ty` is the presentation type assumed when none is given (it
/// matters for the ',' check: strings default to 's').
pub fn parse(s: &[u32], default_ty: Option<char>) -> PyResult<Spec> {
    let mut sp = Spec { fill: None, align: None, sign: None, alt: false, width: 0, comma: false, prec: None, ty: None };
    let mut i = 0;
    if s.len() >= 2 && is_align(s[1]) {
        sp.fill = Some(s[0]);
        sp.align = Some(s[1] as u8);
        i = 2;
    } else if !s.is_empty() && is_align(s[0]) {
        sp.align = Some(s[0] as u8);
        i = 1;
    }
    if i < s.len() && matches!(s[i], 0x2b | 0x2d | 0x20) {
        sp.sign = Some(s[i] as u8);
        i += 1;
    }
    if i < s.len() && s[i] == '#' as u32 {
        sp.alt = true;
        i += 1;
    }
    // A leading zero means zero padding after the sign (backwards compatible).
    if sp.fill.is_none() && i < s.len() && s[i] == '0' as u32 {
        sp.fill = Some('0' as u32);
        if sp.align.is_none() {
            sp.align = Some(b'=');
        }
        i += 1;
    }
    sp.width = digits(s, &mut i)?.unwrap_or(0);
    if i < s.len() && s[i] == ',' as u32 {
        sp.comma = true;
        i += 1;
    }
    if i < s.len() && s[i] == '.' as u32 {
        i += 1;
        sp.prec = Some(digits(s, &mut i)?.ok_or_else(|| value_error("Format specifier missing precision"))?);
    }
    if s.len() - i > 1 {
        return Err(value_error("Invalid conversion specification"));
    }
    if i < s.len() {
        sp.ty = Some(s[i]);
    }
    if sp.comma {
        match sp.ty.and_then(char::from_u32).or(default_ty) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some(c) => return Err(value_error(format!("Cannot specify ',' with '{c}'."))),
        }
    }
    Ok(sp)
}

fn type_char(c: u32) -> String {
    char::from_u32(c).map(|c| c.to_string()).unwrap_or_else(|| format!("\\x{c:x}"))
}

fn unknown(ty: u32, what: &str) -> crate::runtime::PyErr {
    value_error(format!("Unknown format code '{}' for object of type '{what}'", type_char(ty)))
}

/// Pads `body` to the spec's width; `default` is the alignment when unspecified.
fn pad(body: Text, sp: &Spec, default: u8) -> Text {
    let n = body.len();
    if sp.width <= n {
        return body;
    }
    let fill = sp.fill.unwrap_or(' ' as u32);
    let total = sp.width - n;
    let left = match sp.align.unwrap_or(default) {
        b'<' => 0,
        b'^' => total / 2,
        _ => total,
    };
    let mut out = Vec::with_capacity(sp.width);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend(body);
    out.extend(std::iter::repeat_n(fill, total - left));
    out
}

/// Formats a str/unicode value (`type_name` for error messages).
pub fn format_text(t: &[u32], s: &[u32], type_name: &str) -> PyResult<Text> {
    let sp = parse(s, Some('s'))?;
    match sp.ty {
        None | Some(0x73) => {}
        Some(c) => return Err(unknown(c, type_name)),
    }
    if sp.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some(b'=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let body = match sp.prec {
        Some(p) if p < t.len() => t[..p].to_vec(),
        _ => t.to_vec(),
    };
    Ok(pad(body, &sp, b'<'))
}

/// Inserts ',' every three digits; with zero padding, zeros are grouped too
/// until `min_width` is reached (as CPython does: format(42, '08,') is '0,000,042').
fn group(digits: &str, min_width: usize) -> String {
    let mut rem = digits.as_bytes();
    let mut out: Vec<u8> = Vec::new();
    loop {
        let take = rem.len().min(3);
        let mut g = rem[rem.len() - take..].to_vec();
        rem = &rem[..rem.len() - take];
        let want = min_width.saturating_sub(out.len()).clamp(1, 3);
        while g.len() < want {
            g.insert(0, b'0');
        }
        g.reverse();
        out.extend(g);
        if rem.is_empty() && out.len() >= min_width {
            break;
        }
        out.push(b',');
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

/// Lays out sign, prefix, grouped integer digits and the rest of a number.
fn number(neg: bool, prefix: &str, int_digits: &str, rest: &str, sp: &Spec) -> Text {
    let sign = if neg {
        "-"
    } else {
        match sp.sign {
            Some(b'+') => "+",
            Some(b' ') => " ",
            _ => "",
        }
    };
    let zero_fill = sp.fill == Some('0' as u32) && sp.align == Some(b'=');
    let int_part = if sp.comma {
        let min = if zero_fill { sp.width.saturating_sub(sign.len() + prefix.len() + rest.len()) } else { 0 };
        group(int_digits, min)
    } else {
        int_digits.to_string()
    };
    let head = text_of(&format!("{sign}{prefix}"));
    let tail = text_of(&format!("{int_part}{rest}"));
    if sp.align == Some(b'=') {
        // Padding goes between the sign/prefix and the digits.
        let n = head.len() + tail.len();
        let fill = sp.fill.unwrap_or(' ' as u32);
        let mut out = head;
        out.extend(std::iter::repeat_n(fill, sp.width.saturating_sub(n)));
        out.extend(tail);
        return out;
    }
    let mut body = head;
    body.extend(tail);
    pad(body, sp, b'>')
}

/// Formats an int, bool or long.
pub fn format_int(n: &BigInt, s: &[u32], char_limit: u32) -> PyResult<Text> {
    let sp = parse(s, Some('d'))?;
    let ty = sp.ty.and_then(char::from_u32).unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = num_to_f64(&Num::Long(n.clone()))?;
            return float_with(x, &sp);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        _ => return Err(unknown(sp.ty.unwrap_or(0), "int")),
    }
    if sp.prec.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        let c = num_traits::ToPrimitive::to_i64(n).ok_or_else(|| overflow_error("Python int too large to convert to C long"))?;
        if c < 0 || c >= char_limit as i64 {
            return Err(overflow_error(format!("%c arg not in range(0x{char_limit:x})")));
        }
        return Ok(pad(vec![c as u32], &sp, b'>'));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = super::big_digits(n, radix, ty == 'X');
    Ok(number(n.is_negative(), if sp.alt { prefix } else { "" }, &digits, "", &sp))
}

fn float_with(x: f64, sp: &Spec) -> PyResult<Text> {
    if sp.alt {
        return Err(value_error("Alternate form (#) not allowed in float format specifier"));
    }
    let ty = sp.ty.and_then(char::from_u32);
    let s = match ty {
        None => fmt_g(x, sp.prec.unwrap_or(12), false, false, true),
        Some('e' | 'E') => fmt_e(x, sp.prec.unwrap_or(6), false, ty == Some('E')),
        Some('f' | 'F') => fmt_f(x, sp.prec.unwrap_or(6), false, ty == Some('F')),
        Some('g' | 'G' | 'n') => fmt_g(x, sp.prec.unwrap_or(6), false, ty == Some('G'), false),
        Some('%') => fmt_f(x * 100.0, sp.prec.unwrap_or(6), false, false) + "%",
        _ => return Err(unknown(sp.ty.unwrap_or(0), "float")),
    };
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    // Split the integer digits (grouped) from the fraction/exponent.
    let cut = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let (int_digits, rest) = if body.starts_with(|c: char| c.is_ascii_digit()) { body.split_at(cut) } else { ("", body) };
    if int_digits.is_empty() {
        // inf/nan: no grouping, zero fill still applies.
        let mut sp2 = sp.clone();
        sp2.comma = false;
        return Ok(number(neg, "", rest, "", &sp2));
    }
    Ok(number(neg, "", int_digits, rest, sp))
}

pub fn format_float(x: f64, s: &[u32]) -> PyResult<Text> {
    let sp = parse(s, None)?;
    float_with(x, &sp)
}

/// Formats builtin values natively; None for other objects (use `__format__`).
pub fn format_native(v: Value, s: &[u32]) -> PyResult<Option<Text>> {
    if let Some((t, unicode)) = super::as_text(v) {
        return format_text(&t, s, if unicode { "unicode" } else { "str" }).map(Some);
    }
    let is_num = crate::objects::numbers::to_num(v).is_some();
    if !is_num {
        return Ok(None);
    }
    if s.is_empty() {
        // An empty spec means str(v) (so format(True, '') is 'True').
        return Ok(Some(super::bytes_text(&crate::ops::str_bytes(v)?)));
    }
    if let Some(f) = crate::objects::float::as_float(v) {
        return format_float(f, s).map(Some);
    }
    match as_bigint(v) {
        // 2.7 renders %c of an int as a byte, even for a unicode spec.
        Some(n) => format_int(&n, s, 0x100).map(Some),
        None => Ok(None),
    }
}
