//! `fmt % args`: printf-style formatting, as CPython 2.7's
//! `PyString_Format`/`PyUnicode_Format` do it.
//!
//! One pass over the format: literal text is copied, each `%` spec is
//! parsed (`%(key)` `flags` `width` `.precision` `length` `type`) and
//! converted. `args` is a tuple (consumed left to right), a mapping (for
//! `%(key)s`), or a single value.
//!
//! The 2.7 coercion rule: a str format whose `%s` meets a unicode argument
//! becomes a unicode format: the whole operation restarts with the format
//! decoded as ASCII (`Restart` below).

use super::{as_bigint, big_digits, bytes_text, finish, fmt_e, fmt_f, fmt_g, text_of, Text};
use crate::objects::numbers::{to_num, Num};
use crate::objects::str::as_bytes;
use crate::objects::tuple::as_tuple;
use crate::objects::typeobj::type_name;
use crate::objects::unicode::as_unicode;
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error, value_error};
use crate::runtime::{type_of, types, PyErr, PyResult};
use num_bigint::BigInt;
use num_traits::Signed;
use vmcore::Value;

/// Why a str-format pass stopped: a real error, or "redo as unicode".
enum Stop {
    Err(PyErr),
    Restart,
}

impl From<PyErr> for Stop {
    fn from(e: PyErr) -> Stop {
        Stop::Err(e)
    }
}

/// `fmt % args` for a str or unicode `fmt`.
pub fn percent_format(fmt: Value, args: Value) -> PyResult {
    if let Some(u) = as_unicode(fmt) {
        return run(u, args, true).map_err(|s| match s {
            Stop::Err(e) => e,
            Stop::Restart => unreachable!("unicode formats never restart"),
        });
    }
    let b = as_bytes(fmt).ok_or_else(|| type_error("format requires a str or unicode"))?;
    let t = bytes_text(b);
    match run(&t, args, false) {
        Ok(v) => Ok(v),
        Err(Stop::Err(e)) => Err(e),
        Err(Stop::Restart) => {
            let u = crate::objects::str_methods::decode_ascii(b)?;
            run(&u, args, true).map_err(|s| match s {
                Stop::Err(e) => e,
                Stop::Restart => unreachable!("unicode formats never restart"),
            })
        }
    }
}

/// The argument source: a tuple, or one value; plus an optional mapping.
struct ArgList<'a> {
    items: &'a [Value],
    /// Index of the next tuple item; for a single value, whether it was used.
    next: usize,
    single: Option<Value>,
    mapping: Option<Value>,
}

impl ArgList<'_> {
    fn next_arg(&mut self) -> Result<Value, Stop> {
        if let Some(v) = self.single {
            if self.next == 0 {
                self.next = 1;
                return Ok(v);
            }
        } else if self.next < self.items.len() {
            self.next += 1;
            return Ok(self.items[self.next - 1]);
        }
        Err(type_error("not enough arguments for format string").into())
    }
    fn all_used(&self) -> bool {
        match self.single {
            Some(_) => self.next == 1,
            None => self.next >= self.items.len(),
        }
    }
}

/// Flags of one conversion.
#[derive(Default, Clone, Copy)]
struct Flags {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
}

fn run(fmt: &[u32], args: Value, unicode: bool) -> Result<Value, Stop> {
    let tuple_items = if type_of(args) == types::tuple() || as_tuple(args).is_some() { as_tuple(args) } else { None };
    // Anything subscriptable that is not a tuple or string is a mapping.
    let is_mapping = tuple_items.is_none()
        && as_bytes(args).is_none()
        && as_unicode(args).is_none()
        && (crate::objects::dict::as_dict(args).is_some() || ops::lookup_special(args, "__getitem__").is_some());
    let mut al = ArgList {
        items: tuple_items.unwrap_or(&[]),
        next: 0,
        single: if tuple_items.is_some() { None } else { Some(args) },
        mapping: if is_mapping { Some(args) } else { None },
    };
    let mut out: Text = Vec::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let n = fmt.len();
    let at = |i: usize| -> u32 { fmt[i] };
    while i < n {
        if at(i) != '%' as u32 {
            out.push(at(i));
            i += 1;
            continue;
        }
        i += 1;
        if i < n && at(i) == '(' as u32 {
            let Some(m) = al.mapping else { return Err(type_error("format requires a mapping").into()) };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < n && depth > 0 {
                if at(i) == ')' as u32 {
                    depth -= 1;
                } else if at(i) == '(' as u32 {
                    depth += 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key").into());
            }
            let key = finish(fmt[start..i - 1].to_vec(), unicode);
            // As in CPython, the looked-up value becomes the (single) argument.
            al.items = &[];
            al.single = Some(ops::getitem(m, key)?);
            al.next = 0;
        }
        let next = |al: &mut ArgList| al.next_arg();
        let mut fl = Flags::default();
        while i < n {
            match char::from_u32(at(i)) {
                Some('-') => fl.left = true,
                Some('+') => fl.sign = true,
                Some(' ') => fl.blank = true,
                Some('#') => fl.alt = true,
                Some('0') => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if i < n && at(i) == '*' as u32 {
            let v = next(&mut al)?;
            let w = crate::objects::int::as_int(v).ok_or_else(|| type_error("* wants int"))?;
            if w < 0 {
                fl.left = true;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && (0x30..=0x39).contains(&at(i)) {
                width = width.checked_mul(10).and_then(|w| w.checked_add((at(i) - 0x30) as usize)).ok_or_else(|| value_error("width too big"))?;
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if i < n && at(i) == '.' as u32 {
            i += 1;
            if i < n && at(i) == '*' as u32 {
                let v = next(&mut al)?;
                let p = crate::objects::int::as_int(v).ok_or_else(|| type_error("* wants int"))?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while i < n && (0x30..=0x39).contains(&at(i)) {
                    p = p.checked_mul(10).and_then(|w| w.checked_add((at(i) - 0x30) as usize)).ok_or_else(|| value_error("prec too big"))?;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        // Length modifiers are accepted and ignored.
        if i < n && matches!(char::from_u32(at(i)), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        if i >= n {
            return Err(value_error("incomplete format").into());
        }
        let c = at(i);
        let conv_index = i;
        i += 1;
        let arg = if c == '%' as u32 { Value::NONE } else { next(&mut al)? };
        let (body, numeric) = convert(c, arg, fl, prec, unicode, conv_index)?;
        emit(&mut out, body, numeric, fl, width);
    }
    if !al.all_used() && al.mapping.is_none() {
        return Err(type_error("not all arguments converted during string formatting").into());
    }
    Ok(finish(out, unicode))
}

/// Converts one argument; returns its text and whether it is numeric
/// (numbers take the sign flags and zero fill).
fn convert(c: u32, v: Value, fl: Flags, prec: Option<usize>, unicode: bool, index: usize) -> Result<(Text, bool), Stop> {
    let ch = char::from_u32(c).unwrap_or('\u{fffd}');
    Ok(match ch {
        '%' => (vec!['%' as u32], false),
        's' | 'r' => {
            let mut t = if ch == 'r' {
                bytes_text(&ops::repr_bytes(v)?)
            } else if let Some(u) = as_unicode(v) {
                if !unicode {
                    return Err(Stop::Restart);
                }
                u.to_vec()
            } else if unicode {
                crate::objects::unicode_methods::unicode_of(v)?
            } else {
                bytes_text(&ops::str_bytes(v)?)
            };
            if let Some(p) = prec {
                t.truncate(p);
            }
            (t, false)
        }
        'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_arg(v, if ch == 'i' { 'd' } else { ch })?;
            (text_of(&format_integer(&n, ch, fl.alt, prec)), true)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(v)?;
            let p = prec.unwrap_or(6);
            let s = match ch {
                'e' | 'E' => fmt_e(x, p, fl.alt, ch == 'E'),
                'f' | 'F' => fmt_f(x, p, fl.alt, ch == 'F'),
                _ => fmt_g(x, p, fl.alt, ch == 'G', false),
            };
            (text_of(&s), true)
        }
        'c' => (vec![char_arg(v, unicode)?], false),
        _ => {
            // str formats show the raw character, unicode ones only printable ASCII.
            let shown = if (0x20..0x7f).contains(&c) || (!unicode && c < 0x80) { ch.to_string() } else { "?".to_string() };
            return Err(value_error(format!("unsupported format character '{shown}' (0x{c:x}) at index {index}")).into());
        }
    })
}

/// The integer for %d/%x/...: ints and longs as is, floats truncated.
fn int_arg(v: Value, conv: char) -> Result<BigInt, Stop> {
    let bad = || Stop::Err(type_error(format!("%{conv} format: a number is required, not {}", type_name(v))));
    match to_num(crate::objects::instance::unwrap_base(v)) {
        Some(Num::Float(f)) => {
            if !f.is_finite() {
                return Err(bad());
            }
            Ok(BigInt::from(f.trunc() as i128))
        }
        Some(_) => Ok(as_bigint(crate::objects::instance::unwrap_base(v)).expect("int or long")),
        None => match ops::lookup_special(v, "__int__") {
            Some(m) => as_bigint(ops::call(m, &[], &[])?).ok_or_else(bad),
            None => Err(bad()),
        },
    }
}

fn float_arg(v: Value) -> Result<f64, Stop> {
    let bad = || Stop::Err(type_error(format!("float argument required, not {}", type_name(v))));
    match to_num(crate::objects::instance::unwrap_base(v)) {
        Some(n) => crate::objects::numbers::num_to_f64(&n).map_err(|_| bad()),
        None => match ops::lookup_special(v, "__float__") {
            Some(m) => crate::objects::float::as_float(ops::call(m, &[], &[])?).ok_or_else(bad),
            None => Err(bad()),
        },
    }
}

fn char_arg(v: Value, unicode: bool) -> Result<u32, Stop> {
    if let Some(b) = as_bytes(v) {
        if b.len() == 1 {
            return Ok(b[0] as u32);
        }
    } else if let Some(u) = as_unicode(v) {
        if u.len() == 1 {
            if !unicode {
                return Err(Stop::Restart);
            }
            return Ok(u[0]);
        }
    } else if let Some(i) = crate::objects::int::as_int(v) {
        if unicode {
            if !(0..0x110000).contains(&i) {
                return Err(overflow_error("%c arg not in range(0x110000) (wide Python build)").into());
            }
        } else if i < 0 {
            return Err(overflow_error("unsigned byte integer is less than minimum").into());
        } else if i > 255 {
            return Err(overflow_error("unsigned byte integer is greater than maximum").into());
        }
        return Ok(i as u32);
    } else if crate::objects::float::as_float(v).is_some() {
        return Err(type_error("integer argument expected, got float").into());
    }
    Err(type_error("%c requires int or char").into())
}

/// Integer text with its sign, `#` prefix and precision (minimum digits).
fn format_integer(n: &BigInt, conv: char, alt: bool, prec: Option<usize>) -> String {
    let radix = match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = big_digits(n, radix, conv == 'X');
    if let Some(p) = prec {
        while digits.len() < p {
            digits.insert(0, '0');
        }
    }
    let prefix = match (alt, conv) {
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        // C's %#o: a leading 0 unless the digits already start with one.
        (true, 'o') if !digits.starts_with('0') => "0",
        _ => "",
    };
    format!("{}{prefix}{digits}", if n.is_negative() { "-" } else { "" })
}

/// Appends one converted field with sign, `0x` prefix and padding, in
/// CPython's order: sign and prefix go before zero fill, after space fill.
fn emit(out: &mut Text, mut body: Text, numeric: bool, fl: Flags, width: usize) {
    let mut sign: Option<u32> = None;
    let mut prefix: Vec<u32> = Vec::new();
    if numeric {
        match body.first().copied() {
            Some(0x2d) | Some(0x2b) => {
                sign = Some(body[0]);
                body.remove(0);
            }
            _ if fl.sign => sign = Some('+' as u32),
            _ if fl.blank => sign = Some(' ' as u32),
            _ => {}
        }
        if fl.alt && body.len() >= 2 && body[0] == '0' as u32 && (body[1] == 'x' as u32 || body[1] == 'X' as u32) {
            prefix = body.drain(..2).collect();
        }
    }
    let fill = if numeric && fl.zero && !fl.left { '0' as u32 } else { ' ' as u32 };
    let used = body.len() + prefix.len() + sign.is_some() as usize;
    let padn = width.saturating_sub(used);
    if fill == '0' as u32 {
        out.extend(sign);
        out.extend_from_slice(&prefix);
        out.extend(std::iter::repeat_n(fill, padn));
    } else {
        if !fl.left {
            out.extend(std::iter::repeat_n(fill, padn));
        }
        out.extend(sign);
        out.extend_from_slice(&prefix);
    }
    out.extend(body);
    if fl.left {
        out.extend(std::iter::repeat_n(' ' as u32, padn));
    }
}
