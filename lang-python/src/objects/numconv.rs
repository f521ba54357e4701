//! Conversions between numbers and text with CPython 2.7's rules:
//! `int(s, base)`, `float(s)`, `float.hex`/`fromhex`, `oct`/`hex` of
//! integers, and `round(x, n)` (which rounds exact halves away from zero
//! after looking at the exact decimal value of the double).

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

/// Parses an integer literal as `int(s, base)` does (base 0: guess from the
/// prefix; leading `0` means octal in Python 2). Surrounding whitespace and
/// whitespace after the sign are allowed; `allow_l` accepts a trailing
/// `L`/`l` (for `long()`). None: invalid literal.
pub fn parse_int(s: &[u8], base: u32, allow_l: bool) -> Option<BigInt> {
    let mut s = trim(s);
    let neg = match s.first() {
        Some(b'-') => true,
        Some(b'+') => false,
        _ => {
            return parse_unsigned(s, base, allow_l);
        }
    };
    s = trim(&s[1..]);
    let v = parse_unsigned(s, base, allow_l)?;
    Some(if neg { -v } else { v })
}

fn parse_unsigned(s: &[u8], base: u32, allow_l: bool) -> Option<BigInt> {
    let mut s = s;
    if allow_l && s.len() > 1 && matches!(s.last(), Some(b'l' | b'L')) {
        s = &s[..s.len() - 1];
    }
    let lower = |i: usize| s.get(i).map(|c| c.to_ascii_lowercase());
    let mut base = base;
    if s.first() == Some(&b'0') {
        let p = lower(1);
        let prefixed = match (base, p) {
            (0 | 16, Some(b'x')) => Some(16),
            (0 | 8, Some(b'o')) => Some(8),
            (0 | 2, Some(b'b')) => Some(2),
            _ => None,
        };
        if let Some(b) = prefixed {
            base = b;
            s = &s[2..];
            if s.is_empty() {
                return None;
            }
        } else if base == 0 {
            base = if s.len() > 1 { 8 } else { 10 };
        }
    }
    if base == 0 {
        base = 10;
    }
    if s.is_empty() {
        return None;
    }
    let mut v = BigInt::zero();
    for &c in s {
        let d = (c as char).to_digit(36)?;
        if d >= base {
            return None;
        }
        v = v * base + d;
    }
    Some(v)
}

pub fn trim(s: &[u8]) -> &[u8] {
    let is_ws = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let start = s.iter().position(|c| !is_ws(c)).unwrap_or(s.len());
    let end = s.iter().rposition(|c| !is_ws(c)).map(|i| i + 1).unwrap_or(start);
    &s[start..end]
}

/// Result of parsing a float string.
pub enum FloatParse {
    Ok(f64),
    /// Nothing parsed: "could not convert string to float: ..."
    Nothing,
    /// A prefix parsed but junk follows: "invalid literal for float(): ..."
    Junk,
}

/// `float(s)`: decimal literals, `inf`, `infinity`, `nan` with optional sign.
pub fn parse_float(s: &[u8]) -> FloatParse {
    let t = trim(s);
    if let Some(v) = float_token(t) {
        return FloatParse::Ok(v);
    }
    if (1..t.len()).rev().any(|n| float_token(&t[..n]).is_some()) {
        FloatParse::Junk
    } else {
        FloatParse::Nothing
    }
}

fn float_token(t: &[u8]) -> Option<f64> {
    let (neg, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower: Vec<u8> = body.to_ascii_lowercase();
    let v = match &lower[..] {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => {
            // Only digits, one '.', and an exponent: Rust's parser accepts
            // the same decimal grammar but also "inf"/"nan" spellings handled above.
            if body.is_empty() || !body.iter().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
                return None;
            }
            if !body.iter().any(|c| c.is_ascii_digit()) {
                return None;
            }
            std::str::from_utf8(body).ok()?.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

/// `hex(i)` / `oct(i)` for ints (`long_suffix` adds the `L` of longs).
pub fn int_to_base(v: &BigInt, base: u32, long_suffix: bool) -> String {
    let sign = if v.sign() == Sign::Minus { "-" } else { "" };
    let mag = v.magnitude();
    let digits = mag.to_str_radix(base);
    let body = match base {
        16 => format!("0x{digits}"),
        8 if mag.is_zero() => "0".to_string(),
        8 => format!("0{digits}"),
        2 => format!("0b{digits}"),
        _ => digits,
    };
    format!("{sign}{body}{}", if long_suffix { "L" } else { "" })
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{mant:013x}p-1022")
    } else {
        format!("{sign}0x1.{mant:013x}p{:+}", exp - 1023)
    }
}

/// `m * 2**e` correctly rounded (half to even) to a double; None on overflow.
pub fn scale_to_f64(m: &BigInt, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let neg = m.sign() == Sign::Minus;
    let mag = m.magnitude().clone();
    let nbits = mag.bits() as i64;
    // Keep 53 significant bits, fewer for subnormal results.
    let top = nbits + e; // the value lies in [2**(top-1), 2**top)
    let keep = if top - 1 < -1022 { 53 - (-1022 - (top - 1)) } else { 53 };
    let shift = nbits - keep;
    let (mut q, mut e2) = if shift > 0 {
        let q = &mag >> (shift as usize);
        let rem = &mag - (&q << (shift as usize));
        let half = num_bigint::BigUint::from(1u8) << ((shift - 1) as usize);
        let q = if rem > half || (rem == half && q.bit(0)) { q + 1u8 } else { q };
        (q, e + shift)
    } else {
        (mag, e)
    };
    if q.bits() as i64 > 53 {
        q >>= 1usize;
        e2 += 1;
    }
    let f = q.to_f64()?;
    if e2 > 2000 {
        return None;
    }
    let r = ldexp(f, e2);
    if r.is_infinite() {
        return None;
    }
    Some(if neg { -r } else { r })
}

/// `float.fromhex(s)`. Err(true) on overflow, Err(false) on a bad string.
pub fn float_fromhex(s: &[u8]) -> Result<f64, bool> {
    let t = trim(s);
    let (neg, mut b) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let low = b.to_ascii_lowercase();
    if low == b"inf" || low == b"infinity" {
        return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if low == b"nan" {
        return Ok(f64::NAN);
    }
    if low.starts_with(b"0x") {
        b = &b[2..];
    }
    let mut m = BigInt::zero();
    let mut e: i64 = 0;
    let mut digits = 0;
    let mut seen_dot = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_dot {
            seen_dot = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            m = m * 16u32 + d;
            digits += 1;
            if seen_dot {
                e -= 4;
            }
        } else {
            break;
        }
        i += 1;
    }
    if digits == 0 {
        return Err(false);
    }
    if i < b.len() {
        if !matches!(b[i], b'p' | b'P') {
            return Err(false);
        }
        let rest = std::str::from_utf8(&b[i + 1..]).map_err(|_| false)?;
        let x: i64 = rest.parse().map_err(|_| false)?;
        e = e.saturating_add(x);
    }
    let v = scale_to_f64(&m, e).ok_or(true)?;
    Ok(if neg { -v } else { v })
}

/// `round(x, n)` as CPython 2.7: the exact decimal value of `x` decides,
/// and exact halves go away from zero.
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n > 22 + 308 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    if n >= 0 {
        let n = n as usize;
        // The exact expansion of a double has at most 1074 fractional digits.
        let exact = format!("{:.1100}", x.abs());
        let dot = exact.find('.').expect("fixed notation has a point");
        let frac = &exact[dot + 1..];
        if frac.len() <= n {
            return x;
        }
        let tail = &frac[n..];
        let is_half = tail.as_bytes()[0] == b'5' && tail[1..].bytes().all(|c| c == b'0');
        let r: f64 = if is_half {
            // Round away from zero: truncate and add one unit in the last place.
            let kept = format!("{}{}", &exact[..dot], &frac[..n]);
            let mut digits: Vec<u8> = kept.bytes().collect();
            let mut k = digits.len();
            loop {
                if k == 0 {
                    digits.insert(0, b'1');
                    break;
                }
                k -= 1;
                if digits[k] == b'9' {
                    digits[k] = b'0';
                } else {
                    digits[k] += 1;
                    break;
                }
            }
            let s = String::from_utf8(digits).expect("digits");
            let int_len = s.len() - n;
            format!("{}.{}", &s[..int_len], &s[int_len..]).trim_end_matches('.').parse().expect("decimal")
        } else {
            format!("{:.*}", n, x.abs()).parse().expect("decimal")
        };
        return r.copysign(x);
    }
    // Round the integer part at the 10**-n place. The dropped fraction of
    // |x| is below 1 and 10**-n is even, so it cannot move a remainder below
    // half over it: exact halves and above round away from zero.
    use num_traits::Signed;
    let q = float_to_bigint(x).abs();
    let p = num_traits::pow(BigInt::from(10), (-n) as usize);
    let rem = &q % &p;
    let twice: BigInt = &rem * 2;
    let mut r = &q - &rem;
    if twice >= p {
        r += &p;
    }
    let v = r.to_f64().unwrap_or(f64::INFINITY);
    if v.is_infinite() { x } else { v.copysign(x) }
}

/// Truncates a finite float to an integer (for `int(x)`, `long(x)`).
pub fn float_to_bigint(x: f64) -> BigInt {
    let t = x.trunc();
    if t.abs() < 9.0e15 {
        return BigInt::from(t as i64);
    }
    let (m, e) = super::numbers::frexp(t);
    let mant = (m * 2f64.powi(53)) as i64;
    let b = BigInt::from(mant);
    if e >= 53 { b << ((e - 53) as usize) } else { b >> ((53 - e) as usize) }
}

/// `f * 2**e`, in steps so no intermediate power of two under- or overflows.
pub fn ldexp(mut f: f64, mut e: i64) -> f64 {
    while e > 1000 {
        f *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        f *= 2f64.powi(-1000);
        e += 1000;
    }
    f * 2f64.powi(e as i32)
}
