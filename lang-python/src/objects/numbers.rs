//! Numeric semantics shared by int, long, float and bool: arithmetic with
//! CPython 2.7's coercion rules (int overflows into long, anything with a
//! float becomes float), hashing that agrees across types (hash(1) ==
//! hash(1L) == hash(1.0)), and float formatting (`repr` is the shortest
//! round-tripping form, `str` uses 12 significant digits).

use super::float::{as_float, new_float, FloatObj};
use super::int::IntObj;
use super::long::{as_long, int_or_long, new_long, LongObj};
use crate::ops::{BinOp, UnaryOp};
use crate::runtime::errors::{overflow_error, value_error, zero_division_error};
use crate::runtime::{PyResult, NOT_IMPLEMENTED};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero, Pow};
use vmcore::gc::Gc;
use vmcore::Value;

/// A number unpacked from a Value.
#[derive(Clone, Debug)]
pub enum Num {
    Int(i64),
    Long(BigInt),
    Float(f64),
}

/// The number in `v` if it is an int, bool, long or float (exactly, not subclasses).
#[inline]
pub fn to_num(v: Value) -> Option<Num> {
    if v.is_int() {
        return Some(Num::Int(v.as_int()));
    }
    if v == Value::TRUE {
        return Some(Num::Int(1));
    }
    if v == Value::FALSE {
        return Some(Num::Int(0));
    }
    if let Some(f) = Gc::<FloatObj>::downcast(v) {
        return Some(Num::Float(f.v));
    }
    if let Some(i) = Gc::<IntObj>::downcast(v) {
        return Some(Num::Int(i.v));
    }
    if let Some(l) = Gc::<LongObj>::downcast(v) {
        return Some(Num::Long(l.v.clone()));
    }
    None
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Long(b) => b.clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// Converts to float as CPython's int/long -> float coercion does.
pub fn num_to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Float(f) => Ok(*f),
        Num::Long(b) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                Err(overflow_error("long int too large to convert to float"))
            } else {
                Ok(f)
            }
        }
    }
}

fn result_long(is_long: bool, v: BigInt) -> Value {
    if is_long { new_long(v) } else { int_or_long(v) }
}

/// Floor division and modulo with Python's signs.
fn int_divmod(x: i64, y: i64) -> Option<(i64, i64)> {
    if y == -1 && x == i64::MIN {
        return None;
    }
    let (q, r) = (x / y, x % y);
    if r != 0 && ((r < 0) != (y < 0)) { Some((q - 1, r + y)) } else { Some((q, r)) }
}

pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m + y } else { m }
    } else {
        0.0f64.copysign(y)
    }
}

pub fn float_floordiv(x: f64, y: f64) -> f64 {
    let m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(x / y)
    }
}

/// `x op y` for two numbers.
pub fn arith(op: BinOp, x: Num, y: Num) -> PyResult {
    use Num::*;
    match (&x, &y) {
        (Float(_), _) | (_, Float(_)) => {
            if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor) {
                return Ok(NOT_IMPLEMENTED);
            }
            let (a, b) = (num_to_f64(&x)?, num_to_f64(&y)?);
            float_arith(op, a, b)
        }
        (Int(a), Int(b)) => int_arith(op, *a, *b),
        _ => long_arith(op, big(&x), big(&y), matches!(x, Long(_)) || matches!(y, Long(_))),
    }
}

fn float_arith(op: BinOp, a: f64, b: f64) -> PyResult {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div | BinOp::TrueDiv => {
            if b == 0.0 {
                return Err(zero_division_error("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(zero_division_error("float divmod()"));
            }
            float_floordiv(a, b)
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(zero_division_error("float modulo"));
            }
            float_mod(a, b)
        }
        BinOp::Pow => return float_pow(a, b),
        _ => return Ok(NOT_IMPLEMENTED),
    };
    Ok(new_float(r))
}

pub fn float_pow(a: f64, b: f64) -> PyResult {
    if a == 0.0 && b < 0.0 {
        return Err(zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b != b.floor() && b.is_finite() {
        return Err(value_error("negative number cannot be raised to a fractional power"));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(new_float(r))
}

fn int_arith(op: BinOp, a: i64, b: i64) -> PyResult {
    use super::int::new_int;
    let r = match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::Div | BinOp::FloorDiv => {
            if b == 0 {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            int_divmod(a, b).map(|(q, _)| q)
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            int_divmod(a, b).map(|(_, r)| r)
        }
        BinOp::TrueDiv => {
            if b == 0 {
                return Err(zero_division_error("division by zero"));
            }
            return Ok(new_float(a as f64 / b as f64));
        }
        BinOp::Pow => {
            if b < 0 {
                if a == 0 {
                    return Err(zero_division_error("0.0 cannot be raised to a negative power"));
                }
                return Ok(new_float((a as f64).powf(b as f64)));
            }
            if b <= u32::MAX as i64 { a.checked_pow(b as u32) } else { None }
        }
        BinOp::LShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            if b < 64 && (a << b) >> b == a { Some(a << b) } else { None }
        }
        BinOp::RShift => {
            if b < 0 {
                return Err(value_error("negative shift count"));
            }
            Some(if b >= 64 { if a < 0 { -1 } else { 0 } } else { a >> b })
        }
        BinOp::And => Some(a & b),
        BinOp::Or => Some(a | b),
        BinOp::Xor => Some(a ^ b),
    };
    match r {
        Some(r) => Ok(new_int(r)),
        None => long_arith(op, BigInt::from(a), BigInt::from(b), false),
    }
}

fn long_arith(op: BinOp, a: BigInt, b: BigInt, is_long: bool) -> PyResult {
    let zero_msg = if is_long { "long division or modulo by zero" } else { "integer division or modulo by zero" };
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div | BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_division_error(zero_msg));
            }
            a.div_floor(&b)
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(zero_division_error(zero_msg));
            }
            a.mod_floor(&b)
        }
        BinOp::TrueDiv => {
            if b.is_zero() {
                return Err(zero_division_error(if is_long { "long division or modulo by zero" } else { "division by zero" }));
            }
            return Ok(new_float(long_true_div(&a, &b)?));
        }
        BinOp::Pow => {
            if b.is_negative() {
                let (fa, fb) = (a.to_f64().unwrap_or(f64::INFINITY), b.to_f64().unwrap_or(f64::NEG_INFINITY));
                if fa == 0.0 {
                    return Err(zero_division_error("0.0 cannot be raised to a negative power"));
                }
                return Ok(new_float(fa.powf(fb)));
            }
            let e = b.to_u32().ok_or_else(|| overflow_error("long int too large"))?;
            Pow::pow(a, e)
        }
        BinOp::LShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = b.to_usize().ok_or_else(|| overflow_error("outrageous left shift count"))?;
            a << s
        }
        BinOp::RShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = b.to_usize().unwrap_or(usize::MAX);
            if s > a.bits() as usize + 1 { if a.is_negative() { BigInt::from(-1) } else { BigInt::zero() } } else { a >> s }
        }
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
    };
    Ok(result_long(is_long, r))
}

fn long_true_div(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    match (a.to_f64(), b.to_f64()) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() && x.abs() < 9.0e15 && y.abs() < 9.0e15 => Ok(x / y),
        _ => {
            // Scale to keep 64+ significant bits, then divide.
            let shift = (a.bits() as i64 - b.bits() as i64 - 64).max(0) as usize;
            let q = if shift > 0 { (a / (b << shift)).to_f64() } else { ((a << 64usize) / b).to_f64().map(|q| q / 2f64.powi(64)) };
            let q = q.unwrap_or(f64::INFINITY) * 2f64.powi(shift as i32);
            if q.is_infinite() {
                return Err(overflow_error("integer division result too large for a float"));
            }
            Ok(q)
        }
    }
}

/// `-x`, `+x`, `~x` on a number.
pub fn unary(op: UnaryOp, n: Num) -> PyResult {
    use super::int::new_int;
    Ok(match (op, n) {
        (UnaryOp::Neg, Num::Int(i)) => i.checked_neg().map(new_int).unwrap_or_else(|| int_or_long(-BigInt::from(i))),
        (UnaryOp::Pos, Num::Int(i)) => new_int(i),
        (UnaryOp::Invert, Num::Int(i)) => new_int(!i),
        (UnaryOp::Neg, Num::Long(b)) => new_long(-b),
        (UnaryOp::Pos, Num::Long(b)) => new_long(b),
        (UnaryOp::Invert, Num::Long(b)) => new_long(-b - 1),
        (UnaryOp::Neg, Num::Float(f)) => new_float(-f),
        (UnaryOp::Pos, Num::Float(f)) => new_float(f),
        (UnaryOp::Invert, Num::Float(_)) => return Err(crate::runtime::errors::type_error("bad operand type for unary ~: 'float'")),
        (UnaryOp::Not, _) => unreachable!("`not` is handled by ops::unaryop"),
    })
}

/// CPython 2.7's hash of a long (30-bit digits, circular shift).
pub fn long_hash(b: &BigInt) -> i64 {
    let digits = b.magnitude().to_u32_digits();
    // Re-split the magnitude into 30-bit digits, most significant first.
    let mut d30: Vec<u64> = Vec::new();
    let mut acc: u128 = 0;
    let mut nbits = 0;
    for &d in &digits {
        acc |= (d as u128) << nbits;
        nbits += 32;
        while nbits >= 30 {
            d30.push((acc & 0x3fff_ffff) as u64);
            acc >>= 30;
            nbits -= 30;
        }
    }
    if acc != 0 {
        d30.push(acc as u64);
    }
    while d30.last() == Some(&0) {
        d30.pop();
    }
    let mut x: u64 = 0;
    for &d in d30.iter().rev() {
        x = (x >> (64 - 30)) | (x << 30);
        x = x.wrapping_add(d);
        if x < d {
            x = x.wrapping_add(1);
        }
    }
    let mut r = x as i64;
    if b.is_negative() {
        r = r.wrapping_neg();
    }
    if r == -1 { -2 } else { r }
}

/// CPython 2.7's hash of a float (equal to the int hash for integral values).
pub fn float_hash(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -271828 };
    }
    if v.fract() == 0.0 {
        if v.abs() < 9.2e18 {
            let i = v as i64;
            return if i == -1 { -2 } else { i };
        }
        let b = BigInt::from(v as i128);
        if v.abs() < 1.7e38 {
            return long_hash(&b);
        }
        let b = num_bigint::BigInt::from_biguint(if v < 0.0 { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus }, float_to_biguint(v.abs()));
        return long_hash(&b);
    }
    let (m, e) = frexp(v);
    let m = m * 2147483648.0;
    let hipart = m as i64;
    let m = (m - hipart as f64) * 2147483648.0;
    let x = hipart.wrapping_add(m as i64).wrapping_add((e as i64) << 15);
    if x == -1 { -2 } else { x }
}

fn float_to_biguint(v: f64) -> num_bigint::BigUint {
    let (m, e) = frexp(v);
    let mant = (m * 2f64.powi(53)) as u64;
    num_bigint::BigUint::from(mant) << ((e - 53).max(0) as usize)
}

/// Splits `v` into a mantissa in [0.5, 1) and a power of two.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Hash of a boxed number (None for non-numbers).
pub fn hash_number(v: Value) -> Option<PyResult<i64>> {
    if let Some(f) = Gc::<FloatObj>::downcast(v) {
        return Some(Ok(float_hash(f.v)));
    }
    if let Some(i) = Gc::<IntObj>::downcast(v) {
        return Some(Ok(if i.v == -1 { -2 } else { i.v }));
    }
    if let Some(l) = Gc::<LongObj>::downcast(v) {
        return Some(Ok(long_hash(&l.v)));
    }
    if v == Value::TRUE || v == Value::FALSE {
        return Some(Ok((v == Value::TRUE) as i64));
    }
    let _ = (as_float, as_long);
    None
}

/// `repr(float)`: the shortest string that reads back as the same double,
/// laid out as CPython 2.7 does (exponent form below 1e-4 and from 1e16).
pub fn float_repr(v: f64) -> String {
    format_float_digits(v, None)
}

/// `str(float)`: `%.12g`, with `.0` added to integral values.
pub fn float_str(v: f64) -> String {
    format_float_digits(v, Some(12))
}

fn format_float_digits(v: f64, precision: Option<usize>) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Scientific form from Rust: shortest round-trip ("{:e}") or rounded ("{:.N e}").
    let sci = match precision {
        None => format!("{:e}", v.abs()),
        Some(p) => format!("{:.*e}", p - 1, v.abs()),
    };
    let (mant, exp) = sci.split_once('e').expect("Rust's {:e} has an exponent");
    let exp: i32 = exp.parse().expect("integer exponent");
    let mut digits: String = mant.chars().filter(|c| *c != '.').collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let use_exp = match precision {
        None => !(-4..16).contains(&exp),
        // CPython's str() switches one digit early (its 'add .0' rule).
        Some(p) => exp < -4 || exp >= p as i32 - 1,
    };
    let body = if use_exp {
        let mut m = digits[..1].to_string();
        if digits.len() > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else if exp < 0 {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    } else {
        let e = exp as usize;
        if digits.len() > e + 1 {
            format!("{}.{}", &digits[..=e], &digits[e + 1..])
        } else {
            format!("{}{}.0", digits, "0".repeat(e + 1 - digits.len()))
        }
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1234567890123456.0), "1234567890123456.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(-2.5e-7), "-2.5e-07");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_str(1.0 / 3.0), "0.333333333333");
        assert_eq!(float_str(1e12), "1e+12");
        assert_eq!(float_str(123456789012.0), "1.23456789012e+11");
        assert_eq!(float_str(99999999999.5), "99999999999.5");
        assert_eq!(float_str(2.5), "2.5");
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(float_hash(1.5), 1610645504);
        assert_eq!(float_hash(0.1), 2576882278);
        assert_eq!(super::super::str::hash_bytes(b"ab"), 12416074593111939);
        assert_eq!(float_hash(2.0), 2);
        assert_eq!(long_hash(&BigInt::from(1u64 << 62)), 1 << 62);
        assert_eq!(long_hash(&(BigInt::from(1) << 64usize)), 1);
        assert_eq!(long_hash(&BigInt::from(-1)), -2);
    }
}
