//! Number literal values, following CPython 2.7's ast.c `parsenumber`:
//! an integer literal is an `int` when it fits in a C long (64 bits here)
//! and a `long` otherwise or with an `L` suffix; a unary minus applied
//! directly to a literal is folded in first (so -9223372036854775808 is
//! an int).

use num_bigint::BigInt;
use num_traits::{Num as _, ToPrimitive};

use super::ast::Num;

/// `text` is the literal as written, optionally preceded by '-'.
pub fn parse_number(text: &str) -> Num {
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let last = body.as_bytes().last().copied().unwrap_or(b'0');
    if last == b'j' || last == b'J' {
        let v = parse_float(&body[..body.len() - 1]);
        return Num::Complex(if neg { -v } else { v });
    }
    let (is_long, digits) = if last == b'l' || last == b'L' { (true, &body[..body.len() - 1]) } else { (false, body) };
    let lower = digits.to_ascii_lowercase();
    let int_value = if let Some(h) = lower.strip_prefix("0x") {
        BigInt::from_str_radix(h, 16).ok()
    } else if let Some(o) = lower.strip_prefix("0o") {
        BigInt::from_str_radix(o, 8).ok()
    } else if let Some(b) = lower.strip_prefix("0b") {
        BigInt::from_str_radix(b, 2).ok()
    } else if lower.bytes().all(|c| c.is_ascii_digit()) {
        if lower.len() > 1 && lower.starts_with('0') {
            BigInt::from_str_radix(&lower[1..], 8).ok()
        } else {
            BigInt::from_str_radix(&lower, 10).ok()
        }
    } else {
        None
    };
    match int_value {
        Some(v) => {
            let v = if neg { -v } else { v };
            if is_long {
                return Num::Long(v);
            }
            match v.to_i64() {
                Some(i) => Num::Int(i),
                None => Num::Long(v),
            }
        }
        None => {
            let v = parse_float(digits);
            Num::Float(if neg { -v } else { v })
        }
    }
}

fn parse_float(s: &str) -> f64 {
    // Rust accepts every float spelling Python 2 does ("1.", ".5", "1e5").
    s.parse::<f64>().unwrap_or(f64::INFINITY)
}
