//! The `cmath` module: complex versions of the libm functions, with the
//! special values of C99 Annex G as CPython 2.7 returns them.
//!
//! Each function first checks for an infinite or NaN component and answers
//! from a 7x7 table indexed by the kind of the real and imaginary parts
//! (-inf, negative, -0, +0, positive, +inf, nan). Finite arguments go through
//! formulas chosen to keep precision near branch cuts and to avoid spurious
//! overflow; the signs of zeros decide which side of a cut a point lies on.
//! A result may carry an error: `Dom` (ValueError "math domain error") where
//! C99 would raise invalid or divide-by-zero, `Range` (OverflowError "math
//! range error") on overflow.

use crate::modules::math::to_f64;
use crate::objects::complex::{as_complex, new_complex, C};
use crate::objects::float::new_float;
use crate::objects::numconv::ldexp;
use crate::objects::tuple::new_tuple;
use crate::objects::{args, module::ModuleObj};
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error, value_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use std::f64::consts::{E, LN_10, LN_2, PI};
use vmcore::gc::Gc;
use vmcore::Value;

#[derive(Clone, Copy, PartialEq)]
enum Err {
    None,
    Dom,
    Range,
}

type R = (C, Err);

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// Placeholder for table cells never read (both parts finite).
const U: f64 = 0.0;
const P: f64 = PI;
const P12: f64 = PI / 2.0;
const P14: f64 = PI / 4.0;
const P34: f64 = 0.75 * PI;

/// Thresholds beyond which the plain formulas could overflow.
const LARGE: f64 = f64::MAX / 4.0;
fn sqrt_large() -> f64 {
    LARGE.sqrt()
}
fn log_large() -> f64 {
    LARGE.ln()
}
/// Scaling that turns a subnormal into a normal (53 = 2*(53/2)+1).
const SCALE_UP: i64 = 53;
const SCALE_DOWN: i64 = -27;

extern "C" {
    // Rust's f64::asinh is not libm's; CPython's results come from libm.
    #[link_name = "asinh"]
    fn libm_asinh(x: f64) -> f64;
}

fn asinh_r(x: f64) -> f64 {
    // SAFETY: a pure libm function of a double.
    unsafe { libm_asinh(x) }
}

/// The row/column of `x` in a special-value table.
fn kind(x: f64) -> usize {
    if x.is_nan() {
        6
    } else if x.is_infinite() {
        if x > 0.0 { 5 } else { 0 }
    } else if x == 0.0 {
        if x.is_sign_positive() { 3 } else { 2 }
    } else if x > 0.0 {
        4
    } else {
        1
    }
}

type Table = [[(f64, f64); 7]; 7];

fn special(t: &Table, z: C) -> C {
    let (re, im) = t[kind(z.re)][kind(z.im)];
    C { re, im }
}

fn finite(z: C) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

fn c(re: f64, im: f64) -> C {
    C { re, im }
}

/// Multiplying by -i and i: how sin, tan, asin, atan reduce to the
/// hyperbolic functions.
fn times_i(z: C) -> C {
    c(-z.im, z.re)
}
fn times_minus_i(z: C) -> C {
    c(z.im, -z.re)
}

#[rustfmt::skip]
const SQRT_SV: Table = [
    [(INF,-INF), (0.,-INF), (0.,-INF), (0.,INF), (0.,INF), (INF,INF), (N,INF)],
    [(INF,-INF), (U,U), (U,U), (U,U), (U,U), (INF,INF), (N,N)],
    [(INF,-INF), (U,U), (0.,-0.), (0.,0.), (U,U), (INF,INF), (N,N)],
    [(INF,-INF), (U,U), (0.,-0.), (0.,0.), (U,U), (INF,INF), (N,N)],
    [(INF,-INF), (U,U), (U,U), (U,U), (U,U), (INF,INF), (N,N)],
    [(INF,-INF), (INF,-0.), (INF,-0.), (INF,0.), (INF,0.), (INF,INF), (INF,N)],
    [(INF,-INF), (N,N), (N,N), (N,N), (N,N), (INF,INF), (N,N)],
];

fn sqrt(z: C) -> R {
    if !finite(z) {
        return (special(&SQRT_SV, z), Err::None);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Err::None);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    // s = sqrt((|x| + hypot(x, y)) / 2), computed so it cannot overflow
    // and keeps full precision for subnormal inputs.
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 { c(s, d.copysign(z.im)) } else { c(d, s.copysign(z.im)) };
    (r, Err::None)
}

#[rustfmt::skip]
const ACOS_SV: Table = [
    [(P34,INF), (P,INF), (P,INF), (P,-INF), (P,-INF), (P34,-INF), (N,INF)],
    [(P12,INF), (U,U), (U,U), (U,U), (U,U), (P12,-INF), (N,N)],
    [(P12,INF), (U,U), (P12,0.), (P12,-0.), (U,U), (P12,-INF), (P12,N)],
    [(P12,INF), (U,U), (P12,0.), (P12,-0.), (U,U), (P12,-INF), (P12,N)],
    [(P12,INF), (U,U), (U,U), (U,U), (U,U), (P12,-INF), (N,N)],
    [(P14,INF), (0.,INF), (0.,INF), (0.,-INF), (0.,-INF), (P14,-INF), (N,INF)],
    [(N,INF), (N,N), (N,N), (N,N), (N,N), (N,-INF), (N,N)],
];

fn acos(z: C) -> R {
    if !finite(z) {
        return (special(&ACOS_SV, z), Err::None);
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = z.im.abs().atan2(z.re);
        let im = -((z.re / 2.0).hypot(z.im / 2.0).ln() + 2.0 * LN_2).copysign(z.im);
        return (c(re, im), Err::None);
    }
    let s1 = sqrt(c(1.0 - z.re, -z.im)).0;
    let s2 = sqrt(c(1.0 + z.re, z.im)).0;
    (c(2.0 * s1.re.atan2(s2.re), asinh_r(s2.re * s1.im - s2.im * s1.re)), Err::None)
}

#[rustfmt::skip]
const ACOSH_SV: Table = [
    [(INF,-P34), (INF,-P), (INF,-P), (INF,P), (INF,P), (INF,P34), (INF,N)],
    [(INF,-P12), (U,U), (U,U), (U,U), (U,U), (INF,P12), (N,N)],
    [(INF,-P12), (U,U), (0.,-P12), (0.,P12), (U,U), (INF,P12), (N,N)],
    [(INF,-P12), (U,U), (0.,-P12), (0.,P12), (U,U), (INF,P12), (N,N)],
    [(INF,-P12), (U,U), (U,U), (U,U), (U,U), (INF,P12), (N,N)],
    [(INF,-P14), (INF,-0.), (INF,-0.), (INF,0.), (INF,0.), (INF,P14), (INF,N)],
    [(INF,N), (N,N), (N,N), (N,N), (N,N), (INF,N), (N,N)],
];

fn acosh(z: C) -> R {
    if !finite(z) {
        return (special(&ACOSH_SV, z), Err::None);
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let re = (z.re / 2.0).hypot(z.im / 2.0).ln() + 2.0 * LN_2;
        return (c(re, z.im.atan2(z.re)), Err::None);
    }
    let s1 = sqrt(c(z.re - 1.0, z.im)).0;
    let s2 = sqrt(c(z.re + 1.0, z.im)).0;
    (c(asinh_r(s1.re * s2.re + s1.im * s2.im), 2.0 * s1.im.atan2(s2.re)), Err::None)
}

#[rustfmt::skip]
const ASINH_SV: Table = [
    [(-INF,-P14), (-INF,-0.), (-INF,-0.), (-INF,0.), (-INF,0.), (-INF,P14), (-INF,N)],
    [(-INF,-P12), (U,U), (U,U), (U,U), (U,U), (-INF,P12), (N,N)],
    [(-INF,-P12), (U,U), (-0.,-0.), (-0.,0.), (U,U), (-INF,P12), (N,N)],
    [(INF,-P12), (U,U), (0.,-0.), (0.,0.), (U,U), (INF,P12), (N,N)],
    [(INF,-P12), (U,U), (U,U), (U,U), (U,U), (INF,P12), (N,N)],
    [(INF,-P14), (INF,-0.), (INF,-0.), (INF,0.), (INF,0.), (INF,P14), (INF,N)],
    [(INF,N), (N,N), (N,-0.), (N,0.), (N,N), (INF,N), (N,N)],
];

fn asinh(z: C) -> R {
    if !finite(z) {
        return (special(&ASINH_SV, z), Err::None);
    }
    if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + 2.0 * LN_2;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        return (c(re, z.im.atan2(z.re.abs())), Err::None);
    }
    let s1 = sqrt(c(1.0 + z.im, -z.re)).0;
    let s2 = sqrt(c(1.0 - z.im, z.re)).0;
    let re = asinh_r(s1.re * s2.im - s2.re * s1.im);
    (c(re, z.im.atan2(s1.re * s2.re - s1.im * s2.im)), Err::None)
}

fn asin(z: C) -> R {
    let (s, e) = asinh(times_i(z));
    (times_minus_i(s), e)
}

#[rustfmt::skip]
const ATANH_SV: Table = [
    [(-0.,-P12), (-0.,-P12), (-0.,-P12), (-0.,P12), (-0.,P12), (-0.,P12), (-0.,N)],
    [(-0.,-P12), (U,U), (U,U), (U,U), (U,U), (-0.,P12), (N,N)],
    [(-0.,-P12), (U,U), (-0.,-0.), (-0.,0.), (U,U), (-0.,P12), (-0.,N)],
    [(0.,-P12), (U,U), (0.,-0.), (0.,0.), (U,U), (0.,P12), (0.,N)],
    [(0.,-P12), (U,U), (U,U), (U,U), (U,U), (0.,P12), (N,N)],
    [(0.,-P12), (0.,-P12), (0.,-P12), (0.,P12), (0.,P12), (0.,P12), (0.,N)],
    [(0.,-P12), (N,N), (N,N), (N,N), (N,N), (0.,P12), (N,N)],
];

fn atanh(z: C) -> R {
    if !finite(z) {
        return (special(&ATANH_SV, z), Err::None);
    }
    // atanh is odd: work with a non-negative real part.
    if z.re < 0.0 {
        let (r, e) = atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        // For large |z|, atanh(z) ~ 1/z +- i*pi/2.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return (c(z.re / 4.0 / h / h, P12.copysign(z.im)), Err::None);
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return (c(INF, z.im), Err::Dom);
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return (c(re, (2.0f64.atan2(-ay) / 2.0).copysign(z.im)), Err::None);
    }
    let re = (4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)).ln_1p() / 4.0;
    let im = -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    (c(re, im), Err::None)
}

fn atan(z: C) -> R {
    let (s, e) = atanh(times_i(z));
    (times_minus_i(s), e)
}

#[rustfmt::skip]
const COSH_SV: Table = [
    [(INF,N), (U,U), (INF,0.), (INF,-0.), (U,U), (INF,N), (INF,N)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(N,0.), (U,U), (1.,0.), (1.,-0.), (U,U), (N,0.), (N,0.)],
    [(N,0.), (U,U), (1.,-0.), (1.,0.), (U,U), (N,0.), (N,0.)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(INF,N), (U,U), (INF,-0.), (INF,0.), (U,U), (INF,N), (INF,N)],
    [(N,N), (N,N), (N,0.), (N,0.), (N,N), (N,N), (N,N)],
];

/// Infinite results of finite arguments are overflows.
fn overflow_check(r: C) -> R {
    (r, if r.re.is_infinite() || r.im.is_infinite() { Err::Range } else { Err::None })
}

fn cosh(z: C) -> R {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = INF.copysign(z.im.sin());
            c(INF.copysign(z.im.cos()), if z.re > 0.0 { im } else { -im })
        } else {
            special(&COSH_SV, z)
        };
        return (r, if z.im.is_infinite() && !z.re.is_nan() { Err::Dom } else { Err::None });
    }
    // Near the overflow threshold, cosh(x) may overflow while cosh(z) does not.
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.cosh() * E, z.im.sin() * x1.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    overflow_check(r)
}

fn cos(z: C) -> R {
    cosh(times_i(z))
}

#[rustfmt::skip]
const SINH_SV: Table = [
    [(INF,N), (U,U), (-INF,-0.), (-INF,0.), (U,U), (INF,N), (INF,N)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(0.,N), (U,U), (-0.,-0.), (-0.,0.), (U,U), (0.,N), (0.,N)],
    [(0.,N), (U,U), (0.,-0.), (0.,0.), (U,U), (0.,N), (0.,N)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(INF,N), (U,U), (INF,-0.), (INF,0.), (U,U), (INF,N), (INF,N)],
    [(N,N), (N,N), (N,-0.), (N,0.), (N,N), (N,N), (N,N)],
];

fn sinh(z: C) -> R {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let re = INF.copysign(z.im.cos());
            c(if z.re > 0.0 { re } else { -re }, INF.copysign(z.im.sin()))
        } else {
            special(&SINH_SV, z)
        };
        return (r, if z.im.is_infinite() && !z.re.is_nan() { Err::Dom } else { Err::None });
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x1.sinh() * E, z.im.sin() * x1.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    overflow_check(r)
}

fn sin(z: C) -> R {
    let (s, e) = sinh(times_i(z));
    (times_minus_i(s), e)
}

#[rustfmt::skip]
const TANH_SV: Table = [
    [(-1.,0.), (U,U), (-1.,-0.), (-1.,0.), (U,U), (-1.,0.), (-1.,0.)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(N,N), (U,U), (-0.,-0.), (-0.,0.), (U,U), (N,N), (N,N)],
    [(N,N), (U,U), (0.,-0.), (0.,0.), (U,U), (N,N), (N,N)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(1.,0.), (U,U), (1.,-0.), (1.,0.), (U,U), (1.,0.), (1.,0.)],
    [(N,N), (N,N), (N,-0.), (N,0.), (N,N), (N,N), (N,N)],
];

fn tanh(z: C) -> R {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            c(1.0f64.copysign(z.re), 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos()))
        } else {
            special(&TANH_SV, z)
        };
        return (r, if z.im.is_infinite() && z.re.is_finite() { Err::Dom } else { Err::None });
    }
    // tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2),
    // with 1-tanh(x)^2 as 1/cosh(x)^2, or ~4exp(-2|x|) when cosh(x) would overflow.
    if z.re.abs() > log_large() {
        let im = 4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp();
        return (c(1.0f64.copysign(z.re), im), Err::None);
    }
    let (tx, ty) = (z.re.tanh(), z.im.tan());
    let cx = 1.0 / z.re.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx), Err::None)
}

fn tan(z: C) -> R {
    let (s, e) = tanh(times_i(z));
    (times_minus_i(s), e)
}

#[rustfmt::skip]
const EXP_SV: Table = [
    [(0.,0.), (U,U), (0.,-0.), (0.,0.), (U,U), (0.,0.), (0.,0.)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(N,N), (U,U), (1.,-0.), (1.,0.), (U,U), (N,N), (N,N)],
    [(N,N), (U,U), (1.,-0.), (1.,0.), (U,U), (N,N), (N,N)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(INF,N), (U,U), (INF,-0.), (INF,0.), (U,U), (INF,N), (INF,N)],
    [(N,N), (N,N), (N,-0.), (N,0.), (N,N), (N,N), (N,N)],
];

fn exp(z: C) -> R {
    if !finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let m = if z.re > 0.0 { INF } else { 0.0 };
            c(m.copysign(z.im.cos()), m.copysign(z.im.sin()))
        } else {
            special(&EXP_SV, z)
        };
        let dom = z.im.is_infinite() && (z.re.is_finite() || z.re == INF);
        return (r, if dom { Err::Dom } else { Err::None });
    }
    let r = if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    overflow_check(r)
}

#[rustfmt::skip]
const LOG_SV: Table = [
    [(INF,-P34), (INF,-P), (INF,-P), (INF,P), (INF,P), (INF,P34), (INF,N)],
    [(INF,-P12), (U,U), (U,U), (U,U), (U,U), (INF,P12), (N,N)],
    [(INF,-P12), (U,U), (-INF,-P), (-INF,P), (U,U), (INF,P12), (N,N)],
    [(INF,-P12), (U,U), (-INF,-0.), (-INF,0.), (U,U), (INF,P12), (N,N)],
    [(INF,-P12), (U,U), (U,U), (U,U), (U,U), (INF,P12), (N,N)],
    [(INF,-P14), (INF,-0.), (INF,-0.), (INF,0.), (INF,0.), (INF,P14), (INF,N)],
    [(INF,N), (N,N), (N,N), (N,N), (N,N), (INF,N), (N,N)],
];

fn log(z: C) -> R {
    if !finite(z) {
        return (special(&LOG_SV, z), Err::None);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let im = z.im.atan2(z.re);
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax == 0.0 && ay == 0.0 {
            return (c(-INF, im), Err::Dom);
        }
        // |z| is subnormal: scale up so hypot keeps its precision.
        ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            // Near |z| = 1, log1p of (|z|^2 - 1) keeps the small real part exact.
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, im), Err::None)
}

fn log10(z: C) -> R {
    let (r, e) = log(z);
    (c(r.re / LN_10, r.im / LN_10), e)
}

#[rustfmt::skip]
const RECT_SV: Table = [
    [(INF,N), (U,U), (-INF,0.), (-INF,-0.), (U,U), (INF,N), (INF,N)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(0.,0.), (U,U), (-0.,0.), (-0.,-0.), (U,U), (0.,0.), (0.,0.)],
    [(0.,0.), (U,U), (0.,-0.), (0.,0.), (U,U), (0.,0.), (0.,0.)],
    [(N,N), (U,U), (U,U), (U,U), (U,U), (N,N), (N,N)],
    [(INF,N), (U,U), (INF,-0.), (INF,0.), (U,U), (INF,N), (INF,N)],
    [(N,N), (N,N), (N,0.), (N,0.), (N,N), (N,N), (N,N)],
];

/// rect(r, phi) follows exp(log(r) + i*phi), negated for negative r.
fn rect_c(r: f64, phi: f64) -> R {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (re, im) = (INF.copysign(phi.cos()), INF.copysign(phi.sin()));
            if r > 0.0 { c(re, im) } else { c(-re, -im) }
        } else {
            special(&RECT_SV, c(r, phi))
        };
        let dom = r != 0.0 && !r.is_nan() && phi.is_infinite();
        return (z, if dom { Err::Dom } else { Err::None });
    }
    if phi == 0.0 {
        return (c(r, r * phi), Err::None);
    }
    (c(r * phi.cos(), r * phi.sin()), Err::None)
}

/// `abs()` of a complex with C99's rule that an infinite part wins over a NaN.
fn abs_c(z: C) -> (f64, Err) {
    if !finite(z) {
        if z.re.is_infinite() || z.im.is_infinite() {
            return (INF, Err::None);
        }
        return (N, Err::None);
    }
    let h = z.re.hypot(z.im);
    (h, if h.is_finite() { Err::None } else { Err::Range })
}

fn raise(e: Err) -> PyResult<()> {
    match e {
        Err::None => Ok(()),
        Err::Dom => Err(value_error("math domain error")),
        Err::Range => Err(overflow_error("math range error")),
    }
}

/// CPython's `D` argument format: a complex, `__complex__`, then anything
/// `float()` accepts.
fn to_c(v: Value) -> PyResult<C> {
    if let Some(z) = as_complex(v) {
        return Ok(z);
    }
    if let Some(m) = ops::lookup_special(v, "__complex__") {
        let r = ops::call(m, &[], &[])?;
        return as_complex(r).ok_or_else(|| type_error("__complex__ should return a complex object"));
    }
    Ok(c(to_f64(v)?, 0.0))
}

/// Arity check of an unnamed `PyArg_ParseTuple` format ("function takes ...").
fn arity(name: &str, a: &[Value], kw: KwArgs, min: usize, max: usize) -> PyResult<()> {
    args::no_kw(name, kw)?;
    let n = a.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max { ("exactly", min) } else if n < min { ("at least", min) } else { ("at most", max) };
    Err(type_error(format!("function takes {how} {k} argument{} ({n} given)", if k == 1 { "" } else { "s" })))
}

macro_rules! unary {
    ($($name:ident => $f:ident;)*) => {
        $(
            fn $name(a: &[Value], kw: KwArgs) -> PyResult {
                arity(stringify!($f), a, kw, 1, 1)?;
                let (r, e) = $f(to_c(a[0])?);
                raise(e)?;
                Ok(new_complex(r.re, r.im))
            }
        )*
    };
}

unary! {
    py_sqrt => sqrt; py_exp => exp; py_log10 => log10;
    py_acos => acos; py_asin => asin; py_atan => atan;
    py_acosh => acosh; py_asinh => asinh; py_atanh => atanh;
    py_cos => cos; py_sin => sin; py_tan => tan;
    py_cosh => cosh; py_sinh => sinh; py_tanh => tanh;
}

/// log(z[, base]): log(z)/log(base). As in CPython, only the base's log
/// and the division report errors once a base is given (log(0, 2) is
/// -inf+nanj), and dividing by a zero log is a domain error.
fn py_log(a: &[Value], kw: KwArgs) -> PyResult {
    arity("log", a, kw, 1, 2)?;
    let x = to_c(a[0])?;
    let base = a.get(1).map(|&b| to_c(b)).transpose()?;
    let (mut r, mut e) = log(x);
    if let Some(b) = base {
        let (lb, eb) = log(b);
        e = eb;
        if lb.re == 0.0 && lb.im == 0.0 {
            e = Err::Dom;
        } else {
            r = quot(r, lb);
        }
    }
    raise(e)?;
    Ok(new_complex(r.re, r.im))
}

/// Complex division scaled by the divisor's larger part (CPython's c_quot).
fn quot(a: C, b: C) -> C {
    if b.re.abs() >= b.im.abs() {
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        c((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else if b.im.abs() >= b.re.abs() {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        c((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    } else {
        c(N, N)
    }
}

fn one_c(name: &str, a: &[Value], kw: KwArgs) -> PyResult<C> {
    args::arity(name, a, kw, 1, 1)?;
    to_c(a[0])
}

/// libm's atan2 and whether it set errno (glibc reports some underflows
/// with ERANGE, which CPython's phase() turns into OverflowError).
fn atan2_errno(y: f64, x: f64) -> (f64, Err) {
    // SAFETY: errno is a thread-local int.
    unsafe { *libc::__errno_location() = 0 };
    let r = y.atan2(x);
    let e = unsafe { *libc::__errno_location() };
    (r, if e == 0 { Err::None } else if e == libc::EDOM { Err::Dom } else { Err::Range })
}

fn phase(a: &[Value], kw: KwArgs) -> PyResult {
    let z = one_c("phase", a, kw)?;
    let (r, e) = atan2_errno(z.im, z.re);
    raise(e)?;
    Ok(new_float(r))
}

fn polar(a: &[Value], kw: KwArgs) -> PyResult {
    let z = one_c("polar", a, kw)?;
    let (r, e) = abs_c(z);
    raise(e)?;
    Ok(new_tuple(vec![new_float(r), new_float(z.im.atan2(z.re))]))
}

fn rect(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("rect", a, kw, 2, 2)?;
    let (z, e) = rect_c(to_f64(a[0])?, to_f64(a[1])?);
    raise(e)?;
    Ok(new_complex(z.re, z.im))
}

fn isnan(a: &[Value], kw: KwArgs) -> PyResult {
    let z = one_c("isnan", a, kw)?;
    Ok(Value::from_bool(z.re.is_nan() || z.im.is_nan()))
}

fn isinf(a: &[Value], kw: KwArgs) -> PyResult {
    let z = one_c("isinf", a, kw)?;
    Ok(Value::from_bool(z.re.is_infinite() || z.im.is_infinite()))
}

pub fn create() -> Gc<ModuleObj> {
    let fs: &[(&'static str, NativeFn)] = &[
        ("acos", py_acos), ("acosh", py_acosh), ("asin", py_asin), ("asinh", py_asinh), ("atan", py_atan),
        ("atanh", py_atanh), ("cos", py_cos), ("cosh", py_cosh), ("exp", py_exp), ("isinf", isinf),
        ("isnan", isnan), ("log", py_log), ("log10", py_log10), ("phase", phase), ("polar", polar),
        ("rect", rect), ("sin", py_sin), ("sinh", py_sinh), ("sqrt", py_sqrt), ("tan", py_tan), ("tanh", py_tanh),
    ];
    let m = super::module_with("cmath", fs);
    let doc = "This module is always available. It provides access to mathematical\nfunctions for complex numbers.";
    m.dict.set_str("__doc__", crate::objects::str::new_str(doc.as_bytes()));
    m.dict.set_str("pi", new_float(PI));
    m.dict.set_str("e", new_float(E));
    m
}
