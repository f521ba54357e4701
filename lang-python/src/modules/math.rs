//! The `math` module: C99 libm functions with CPython 2.7's argument
//! conversion (anything with `__float__`) and error rules (domain errors are
//! ValueError, overflows OverflowError, both "math ... error").

use crate::objects::float::new_float;
use crate::objects::function::new_builtin;
use crate::objects::module::{new_module, ModuleObj};
use crate::objects::numbers::{num_to_f64, to_num, Num};
use crate::objects::{args, int, long};
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error, value_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use num_bigint::BigInt;
use vmcore::gc::Gc;
use vmcore::Value;

/// `PyFloat_AsDouble`: numbers, then `__float__`.
pub fn to_f64(v: Value) -> PyResult<f64> {
    if let Some(n) = to_num(v) {
        return num_to_f64(&n);
    }
    let b = crate::objects::instance::unwrap_base(v);
    if b != v {
        if let Some(n) = to_num(b) {
            return num_to_f64(&n);
        }
    }
    if let Some(m) = ops::lookup_special(v, "__float__") {
        let r = ops::call(m, &[], &[])?;
        if let Some(Num::Float(f)) = to_num(r) {
            return Ok(f);
        }
    }
    Err(type_error("a float is required"))
}

fn domain() -> crate::runtime::PyErr {
    value_error("math domain error")
}

fn range() -> crate::runtime::PyErr {
    overflow_error("math range error")
}

/// Checks a libm result the way CPython's math_1 does.
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(new_float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $ovf:expr;)*) => {
        $(
            fn $name(a: &[Value], kw: KwArgs) -> PyResult {
                let x = to_f64(args::one(stringify!($name), a, kw)?)?;
                let f: fn(f64) -> f64 = $f;
                checked(x, f(x), $ovf)
            }
        )*
    };
}

unary! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => f64::asinh, false;
    acosh => f64::acosh, false;
    atanh => f64::atanh, false;
    fabs => f64::abs, false;
    expm1 => f64::exp_m1, true;
    log1p => f64::ln_1p, false;
    degrees => f64::to_degrees, false;
    radians => f64::to_radians, false;
}

/// floor and ceil return floats in Python 2.
fn floor(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(new_float(to_f64(args::one("floor", a, kw)?)?.floor()))
}

fn ceil(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(new_float(to_f64(args::one("ceil", a, kw)?)?.ceil()))
}

fn trunc(a: &[Value], kw: KwArgs) -> PyResult {
    let v = args::one("trunc", a, kw)?;
    if let Some(m) = ops::lookup_special(v, "__trunc__") {
        return ops::call(m, &[], &[]);
    }
    Err(type_error(format!("type {} doesn't define __trunc__ method", crate::objects::typeobj::type_name(v))))
}

/// log(x[, base]); works on longs too big for a float, as CPython does.
fn log_of(v: Value) -> PyResult<f64> {
    if let Some(b) = long::as_long(v) {
        if num_traits::Signed::is_positive(b) {
            let bits = b.bits();
            if bits > 1000 {
                let shift = bits - 64;
                let top: BigInt = b >> shift as usize;
                let f = num_traits::ToPrimitive::to_f64(&top).unwrap_or(f64::INFINITY);
                return Ok(f.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        } else {
            return Err(domain());
        }
    }
    let x = to_f64(v)?;
    if x <= 0.0 || x.is_nan() {
        return if x.is_nan() { Ok(x) } else { Err(domain()) };
    }
    Ok(x.ln())
}

fn log(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("log", a, kw, 1, 2)?;
    let num = log_of(a[0])?;
    if a.len() == 2 {
        let den = log_of(a[1])?;
        if den == 0.0 {
            return Err(crate::runtime::errors::zero_division_error("float division by zero"));
        }
        return Ok(new_float(num / den));
    }
    Ok(new_float(num))
}

fn log10(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(new_float(log_of(args::one("log10", a, kw)?)? / std::f64::consts::LN_10))
}

fn two(name: &str, a: &[Value], kw: KwArgs) -> PyResult<(f64, f64)> {
    args::arity(name, a, kw, 2, 2)?;
    Ok((to_f64(a[0])?, to_f64(a[1])?))
}

fn pow(a: &[Value], kw: KwArgs) -> PyResult {
    let (x, y) = two("pow", a, kw)?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(new_float(r))
}

fn atan2(a: &[Value], kw: KwArgs) -> PyResult {
    let (y, x) = two("atan2", a, kw)?;
    Ok(new_float(y.atan2(x)))
}

fn hypot(a: &[Value], kw: KwArgs) -> PyResult {
    let (x, y) = two("hypot", a, kw)?;
    Ok(new_float(x.hypot(y)))
}

fn fmod(a: &[Value], kw: KwArgs) -> PyResult {
    let (x, y) = two("fmod", a, kw)?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain());
    }
    Ok(new_float(x % y))
}

fn copysign(a: &[Value], kw: KwArgs) -> PyResult {
    let (x, y) = two("copysign", a, kw)?;
    Ok(new_float(x.copysign(y)))
}

fn modf(a: &[Value], kw: KwArgs) -> PyResult {
    let x = to_f64(args::one("modf", a, kw)?)?;
    let (fr, ip) = if x.is_infinite() { (0.0f64.copysign(x), x) } else { (x.fract(), x.trunc()) };
    Ok(crate::objects::tuple::new_tuple(vec![new_float(fr), new_float(ip)]))
}

fn frexp(a: &[Value], kw: KwArgs) -> PyResult {
    let x = to_f64(args::one("frexp", a, kw)?)?;
    let (m, e) = crate::objects::numbers::frexp(x);
    Ok(crate::objects::tuple::new_tuple(vec![new_float(m), int::new_int(e as i64)]))
}

fn ldexp(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("ldexp", a, kw, 2, 2)?;
    let x = to_f64(a[0])?;
    let e = int::as_int(a[1]).ok_or_else(|| type_error("Expected an int or long as second argument to ldexp."))?;
    let r = crate::objects::numconv::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(new_float(r))
}

fn isnan(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(Value::from_bool(to_f64(args::one("isnan", a, kw)?)?.is_nan()))
}

fn isinf(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(Value::from_bool(to_f64(args::one("isinf", a, kw)?)?.is_infinite()))
}

fn factorial(a: &[Value], kw: KwArgs) -> PyResult {
    let v = args::one("factorial", a, kw)?;
    let n = match to_num(v) {
        Some(Num::Float(f)) if f.fract() == 0.0 => f as i64,
        Some(Num::Float(_)) => return Err(value_error("factorial() only accepts integral values")),
        _ => int::as_int(v).ok_or_else(|| type_error("an integer is required"))?,
    };
    if n < 0 {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let mut acc = BigInt::from(1);
    for k in 2..=n {
        acc *= k;
    }
    Ok(long::int_or_long(acc))
}

/// Exact sum of floats (Shewchuk's algorithm, as CPython's msum).
fn fsum(a: &[Value], kw: KwArgs) -> PyResult {
    let items = ops::to_vec(args::one("fsum", a, kw)?)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for it in items {
        let mut x = to_f64(it)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if special.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(new_float(special));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(new_float(hi))
}

pub fn create() -> Gc<ModuleObj> {
    let m = new_module("math");
    let fs: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt), ("exp", exp), ("sin", sin), ("cos", cos), ("tan", tan), ("asin", asin), ("acos", acos),
        ("atan", atan), ("sinh", sinh), ("cosh", cosh), ("tanh", tanh), ("asinh", asinh), ("acosh", acosh),
        ("atanh", atanh), ("fabs", fabs), ("expm1", expm1), ("log1p", log1p), ("degrees", degrees),
        ("radians", radians), ("floor", floor), ("ceil", ceil), ("trunc", trunc), ("log", log), ("log10", log10),
        ("pow", pow), ("atan2", atan2), ("hypot", hypot), ("fmod", fmod), ("copysign", copysign), ("modf", modf),
        ("frexp", frexp), ("ldexp", ldexp), ("isnan", isnan), ("isinf", isinf), ("factorial", factorial), ("fsum", fsum),
    ];
    for &(name, f) in fs {
        m.dict.set_str(name, new_builtin(name, f));
    }
    m.dict.set_str("pi", new_float(std::f64::consts::PI));
    m.dict.set_str("e", new_float(std::f64::consts::E));
    m
}
