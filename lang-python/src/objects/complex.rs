//! `complex`: a pair of doubles, with CPython 2.7's arithmetic (Smith's
//! division, exact repeated multiplication for small integer powers), repr
//! (`(1+2j)`, `1j`, `(-0-0j)`) and string parsing.
//!
//! Operators reach these methods through `ops::binop`'s special-method
//! path: for `1 + 2j` the int declines and `complex.__radd__` answers.

use super::args::{self, noargs, one};
use super::float::new_float;
use super::number_methods::num_of;
use super::numbers::{self, num_to_f64};
use super::typeobj::type_name;
use super::{add_method, add_static, instance, str as pystr, tuple::new_tuple};
use crate::ops::{self, CmpOp};
use crate::runtime::errors::{overflow_error, type_error, value_error, zero_division_error};
use crate::runtime::{types, KwArgs, NativeFn, PyResult, NOT_IMPLEMENTED};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct ComplexObj {
    pub cls: Value,
    pub re: f64,
    pub im: f64,
}
unsafe impl Trace for ComplexObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(ComplexObj, "complex");

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

pub fn new_complex(re: f64, im: f64) -> Value {
    alloc(ComplexObj { cls: types::complex(), re, im }).as_value()
}

fn cv(c: C) -> Value {
    new_complex(c.re, c.im)
}

pub fn as_complex(v: Value) -> Option<C> {
    Gc::<ComplexObj>::downcast(instance::unwrap_base(v)).map(|c| C { re: c.re, im: c.im })
}

/// A complex, or a real number widened to one (None for anything else).
fn to_c(v: Value) -> PyResult<Option<C>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    match num_of(v) {
        Some(n) => Ok(Some(C { re: num_to_f64(&n)?, im: 0.0 })),
        None => Ok(None),
    }
}

fn prod(a: C, b: C) -> C {
    C { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re }
}

/// CPython's `_Py_c_quot`: scale by the larger component of the divisor.
fn quot(a: C, b: C) -> PyResult<C> {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(zero_division_error("complex division by zero"));
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(C { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom })
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(C { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom })
    } else {
        Ok(C { re: f64::NAN, im: f64::NAN })
    }
}

fn pow_general(a: C, b: C) -> PyResult<C> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(C { re: 1.0, im: 0.0 });
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok(C { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Ok(C { re: len * phase.cos(), im: len * phase.sin() })
}

/// Small integer exponents multiply exactly, as CPython's `c_powi` does.
fn pow_int(a: C, n: i64) -> PyResult<C> {
    let powu = |x: C, n: u64| {
        let (mut r, mut p, mut mask) = (C { re: 1.0, im: 0.0 }, x, 1u64);
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = prod(r, p);
            }
            mask <<= 1;
            p = prod(p, p);
        }
        r
    };
    if n > 0 {
        return Ok(powu(a, n as u64));
    }
    // CPython reports the division's domain error as a power error.
    quot(C { re: 1.0, im: 0.0 }, powu(a, n.unsigned_abs())).map_err(|_| zero_division_error("0.0 to a negative or complex power"))
}

fn pow(a: C, b: C) -> PyResult<C> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 { pow_int(a, b.re as i64)? } else { pow_general(a, b)? };
    let overflowed = r.re.is_infinite() || r.im.is_infinite();
    if overflowed && a.re.is_finite() && a.im.is_finite() {
        return Err(overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// `(a // b, a % b)` for complex numbers (deprecated in 2.7 but allowed).
fn divmod(a: C, b: C) -> PyResult<(C, C)> {
    if b.re == 0.0 && b.im == 0.0 {
        return Err(zero_division_error("complex divmod()"));
    }
    let d = quot(a, b)?;
    let q = C { re: d.re.floor(), im: 0.0 };
    let m = prod(b, q);
    Ok((q, C { re: a.re - m.re, im: a.im - m.im }))
}

/// One component as CPython prints it: repr digits without a trailing ".0".
fn part(x: f64, for_str: bool) -> String {
    let s = if for_str { numbers::float_str(x) } else { numbers::float_repr(x) };
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

pub fn format(c: C, for_str: bool) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{}j", part(c.im, for_str));
    }
    let im = part(c.im, for_str);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", part(c.re, for_str))
}

/// Parses `complex('...')`: `a`, `bj`, `a+bj`, optionally in parentheses.
fn parse(s: &[u8]) -> Option<C> {
    let mut t = super::numconv::trim(s);
    if t.first() == Some(&b'(') {
        if t.last() != Some(&b')') {
            return None;
        }
        t = super::numconv::trim(&t[1..t.len() - 1]);
    }
    let text = std::str::from_utf8(t).ok()?;
    if text.is_empty() || text.contains(char::is_whitespace) {
        return None;
    }
    let num = |x: &str| -> Option<f64> {
        match x {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => match super::numconv::parse_float(x.as_bytes()) {
                super::numconv::FloatParse::Ok(f) => Some(f),
                _ => None,
            },
        }
    };
    if let Some(body) = text.strip_suffix(['j', 'J']) {
        // Split at the last sign that is not part of an exponent.
        let b = body.as_bytes();
        let mut split = None;
        for i in (1..b.len()).rev() {
            if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        return match split {
            Some(i) => {
                let re = num(&body[..i]).filter(|_| i > 0)?;
                if matches!(&body[..i], "" | "+" | "-") {
                    return None;
                }
                Some(C { re, im: num(&body[i..])? })
            }
            None => Some(C { re: 0.0, im: num(body)? }),
        };
    }
    if matches!(text, "+" | "-") {
        return None;
    }
    Some(C { re: num(text)?, im: 0.0 })
}

fn this(v: Value) -> PyResult<C> {
    as_complex(v).ok_or_else(|| type_error(format!("descriptor requires a 'complex' object but received a '{}'", type_name(v))))
}

/// The complex value of a constructor argument (`__complex__`, numbers).
fn arg_c(v: Value) -> PyResult<Option<C>> {
    if let Some(c) = to_c(v)? {
        return Ok(Some(c));
    }
    if let Some(m) = ops::lookup_special(v, "__complex__") {
        let r = ops::call(m, &[], &[])?;
        return match as_complex(r) {
            Some(c) => Ok(Some(c)),
            None => Err(type_error("__complex__ should return a complex object")),
        };
    }
    if let Some(m) = ops::lookup_special(v, "__float__") {
        let r = ops::call(m, &[], &[])?;
        return Ok(Some(C { re: super::float::as_float(r).ok_or_else(|| type_error("__float__ returned non-float"))?, im: 0.0 }));
    }
    Ok(None)
}

fn complex_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    let p = args::parse("complex", &a[1..], kw, &["real", "imag"], 0)?;
    let is_text = |v: Value| pystr::as_bytes(v).is_some() || super::unicode::as_unicode(v).is_some();
    let c = match (p[0], p[1]) {
        (None, None) => C { re: 0.0, im: 0.0 },
        (Some(r), i) if is_text(r) => {
            if i.is_some() {
                return Err(type_error("complex() can't take second arg if first is a string"));
            }
            let bytes: Vec<u8> = match pystr::as_bytes(r) {
                Some(b) => b.to_vec(),
                None => super::unicode::as_unicode(r).unwrap_or(&[]).iter().map(|&c| if c < 0x80 { c as u8 } else { b'?' }).collect(),
            };
            parse(&bytes).ok_or_else(|| value_error("complex() arg is a malformed string"))?
        }
        (r, i) => {
            if i.is_some_and(is_text) {
                return Err(type_error("complex() second arg can't be a string"));
            }
            let conv = |v: Option<Value>| -> PyResult<(C, bool)> {
                match v {
                    Some(v) => Ok((arg_c(v)?.ok_or_else(|| type_error("complex() argument must be a string or a number"))?, as_complex(v).is_some())),
                    None => Ok((C { re: 0.0, im: 0.0 }, false)),
                }
            };
            let ((re, r_cplx), (im, i_cplx)) = (conv(r)?, conv(i)?);
            // real + imag*1j; only complex parts contribute cross terms, so
            // signed zeros of plain reals survive (complex(1.5, -0.0)).
            let mut out = C { re: re.re, im: im.re };
            if i_cplx {
                out.re -= im.im;
            }
            if r_cplx {
                out.im += re.im;
            }
            out
        }
    };
    if cls == types::complex() {
        return Ok(cv(c));
    }
    let t = super::typeobj::as_type(cls).ok_or_else(|| type_error("complex.__new__(X): X is not a type object"))?;
    if !super::typeobj::is_subtype(cls, types::complex()) {
        return Err(type_error(format!("complex.__new__({}): {} is not a subtype of complex", t.name(), t.name())));
    }
    let inst = instance::new_instance(t);
    inst.base.set(cv(c));
    Ok(inst.as_value())
}

#[derive(Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Divmod,
    Pow,
}

fn apply(op: Op, x: C, y: C) -> PyResult {
    Ok(match op {
        Op::Add => cv(C { re: x.re + y.re, im: x.im + y.im }),
        Op::Sub => cv(C { re: x.re - y.re, im: x.im - y.im }),
        Op::Mul => cv(prod(x, y)),
        Op::Div => cv(quot(x, y)?),
        Op::FloorDiv => cv(divmod(x, y)?.0),
        Op::Mod => cv(divmod(x, y)?.1),
        Op::Divmod => {
            let (q, m) = divmod(x, y)?;
            new_tuple(vec![cv(q), cv(m)])
        }
        Op::Pow => cv(pow(x, y)?),
    })
}

fn binary(op: Op, a: &[Value], kw: KwArgs, reflected: bool) -> PyResult {
    args::no_kw("operator", kw)?;
    if op as u8 == Op::Pow as u8 {
        args::unpack_n("__pow__", a.len() - 1, 1, 2)?;
        if a.get(2).is_some_and(|z| *z != Value::NONE) {
            return Err(value_error("complex modulo"));
        }
    } else {
        args::unpack_n("operator", a.len() - 1, 1, 1)?;
    }
    let x = this(a[0])?;
    let Some(y) = to_c(a[1])? else { return Ok(NOT_IMPLEMENTED) };
    if reflected { apply(op, y, x) } else { apply(op, x, y) }
}

macro_rules! binops {
    ($($name:ident, $rname:ident => $op:expr;)*) => {
        $(
            fn $name(a: &[Value], k: KwArgs) -> PyResult { binary($op, a, k, false) }
            fn $rname(a: &[Value], k: KwArgs) -> PyResult { binary($op, a, k, true) }
        )*
    };
}
binops! {
    c_add, c_radd => Op::Add;
    c_sub, c_rsub => Op::Sub;
    c_mul, c_rmul => Op::Mul;
    c_div, c_rdiv => Op::Div;
    c_fdiv, c_rfdiv => Op::FloorDiv;
    c_mod, c_rmod => Op::Mod;
    c_divmod, c_rdivmod => Op::Divmod;
    c_pow, c_rpow => Op::Pow;
}

fn c_richcompare(op: CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("comparison", &a[1..], kw)?;
    let x = this(a[0])?;
    let Some(y) = to_c(o)? else { return Ok(NOT_IMPLEMENTED) };
    match op {
        CmpOp::Eq => Ok(Value::from_bool(x.re == y.re && x.im == y.im)),
        CmpOp::Ne => Ok(Value::from_bool(!(x.re == y.re && x.im == y.im))),
        _ => Err(type_error("no ordering relation is defined for complex numbers")),
    }
}

fn c_neg(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__neg__", &a[1..], kw)?;
    let x = this(a[0])?;
    Ok(new_complex(-x.re, -x.im))
}
fn c_pos(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__pos__", &a[1..], kw)?;
    let x = this(a[0])?;
    Ok(new_complex(x.re, x.im))
}
fn c_abs(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__abs__", &a[1..], kw)?;
    let x = this(a[0])?;
    let r = x.re.hypot(x.im);
    if r.is_infinite() && x.re.is_finite() && x.im.is_finite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(new_float(r))
}
fn c_nonzero(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__nonzero__", &a[1..], kw)?;
    let x = this(a[0])?;
    Ok(Value::from_bool(x.re != 0.0 || x.im != 0.0))
}
fn c_hash(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__hash__", &a[1..], kw)?;
    let x = this(a[0])?;
    let h = numbers::float_hash(x.re).wrapping_add(numbers::float_hash(x.im).wrapping_mul(1_000_003));
    Ok(super::int::new_int(if h == -1 { -2 } else { h }))
}
fn c_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    Ok(pystr::new_str_owned(format(this(a[0])?, false).into_bytes()))
}
fn c_str(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__str__", &a[1..], kw)?;
    Ok(pystr::new_str_owned(format(this(a[0])?, true).into_bytes()))
}
fn c_conjugate(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("conjugate", &a[1..], kw)?;
    let x = this(a[0])?;
    Ok(new_complex(x.re, -x.im))
}
fn c_real(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_float(this(a[0])?.re))
}
fn c_imag(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_float(this(a[0])?.im))
}
fn c_int(_a: &[Value], _kw: KwArgs) -> PyResult {
    Err(type_error("can't convert complex to int"))
}
fn c_long(_a: &[Value], _kw: KwArgs) -> PyResult {
    Err(type_error("can't convert complex to long"))
}
fn c_float(_a: &[Value], _kw: KwArgs) -> PyResult {
    Err(type_error("can't convert complex to float"))
}
fn c_getnewargs(a: &[Value], _kw: KwArgs) -> PyResult {
    let x = this(a[0])?;
    Ok(new_tuple(vec![new_float(x.re), new_float(x.im)]))
}
fn c_coerce(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__coerce__", &a[1..], kw)?;
    this(a[0])?;
    match to_c(o)? {
        Some(c) => Ok(new_tuple(vec![a[0], cv(c)])),
        None => Ok(NOT_IMPLEMENTED),
    }
}

pub fn install() {
    let t = types::complex();
    add_static(t, "__new__", complex_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__add__", c_add), ("__radd__", c_radd), ("__sub__", c_sub), ("__rsub__", c_rsub),
        ("__mul__", c_mul), ("__rmul__", c_rmul), ("__div__", c_div), ("__rdiv__", c_rdiv),
        ("__truediv__", c_div), ("__rtruediv__", c_rdiv), ("__floordiv__", c_fdiv), ("__rfloordiv__", c_rfdiv),
        ("__mod__", c_mod), ("__rmod__", c_rmod), ("__divmod__", c_divmod), ("__rdivmod__", c_rdivmod),
        ("__pow__", c_pow), ("__rpow__", c_rpow), ("__neg__", c_neg), ("__pos__", c_pos), ("__abs__", c_abs),
        ("__nonzero__", c_nonzero), ("__hash__", c_hash), ("__repr__", c_repr), ("__str__", c_str),
        ("conjugate", c_conjugate), ("__int__", c_int), ("__long__", c_long), ("__float__", c_float),
        ("__getnewargs__", c_getnewargs), ("__coerce__", c_coerce),
    ];
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    super::list_methods::cmp_methods!(t, c_richcompare);
    args::add_getter(t, "real", c_real);
    args::add_getter(t, "imag", c_imag);
}
