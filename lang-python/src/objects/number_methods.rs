//! Constructors and methods of `int`, `long`, `bool` and `float`.
//!
//! The interpreter does arithmetic through `ops::binop` without looking
//! methods up; these methods exist for code that names them
//! (`int.__add__(1, 2)`, `(5).bit_length()`, `x.real`) and for subclasses.
//! Each binary method accepts the operand types CPython's slot would and
//! returns NotImplemented otherwise (`(1).__add__(1.5)` is NotImplemented,
//! so Python falls back to `float.__radd__`).

use super::args::{self, noargs, one};
use super::float::{as_float, new_float};
use super::int::{as_int, new_int};
use super::long::{as_long, int_or_long, new_long};
use super::numbers::{self, num_to_f64, Num};
use super::numconv::{self, FloatParse};
use super::typeobj::{self, is_subtype, type_name};
use super::{add_method, add_static, instance, str as pystr, tuple::new_tuple};
use crate::ops::{self, BinOp, CmpOp, UnaryOp};
use crate::runtime::errors::{overflow_error, type_error, value_error, zero_division_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyResult, NOT_IMPLEMENTED};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use vmcore::Value;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Long,
    Float,
}

/// The number behind `v` (looking through subclass instances).
pub fn num_of(v: Value) -> Option<Num> {
    numbers::to_num(v).or_else(|| {
        let b = instance::unwrap_base(v);
        if b != v { numbers::to_num(b) } else { None }
    })
}

fn kind_of(v: Value) -> Option<Kind> {
    let b = instance::unwrap_base(v);
    if as_float(b).is_some() {
        Some(Kind::Float)
    } else if as_long(b).is_some() {
        Some(Kind::Long)
    } else if as_int(b).is_some() {
        Some(Kind::Int)
    } else {
        None
    }
}

fn self_num(v: Value, want: Kind) -> PyResult<Num> {
    match (kind_of(v), want) {
        (Some(k), w) if k == w || (w == Kind::Long && k == Kind::Int) => Ok(num_of(v).expect("number")),
        _ => {
            let n = match want {
                Kind::Int => "int",
                Kind::Long => "long",
                Kind::Float => "float",
            };
            Err(type_error(format!("descriptor requires a '{n}' object but received a '{}'", type_name(v))))
        }
    }
}

/// The other operand as the method's own kind would accept it.
fn other_num(v: Value, me: Kind) -> Option<Num> {
    let k = kind_of(v)?;
    let ok = match me {
        Kind::Int => k == Kind::Int,
        Kind::Long => k != Kind::Float,
        Kind::Float => true,
    };
    if ok { num_of(v) } else { None }
}

fn to_big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Long(b) => b.clone(),
        Num::Float(f) => numconv::float_to_bigint(*f),
    }
}

/// Results of long methods stay longs even when small.
fn as_kind(v: Value, k: Kind) -> Value {
    if k == Kind::Long {
        if let Some(i) = as_int(v) {
            if v != Value::TRUE && v != Value::FALSE {
                return new_long(BigInt::from(i));
            }
        }
    }
    v
}

fn binary(me: Kind, op: BinOp, a: &[Value], kw: KwArgs, reflected: bool) -> PyResult {
    let o = one("operator", &a[1..], kw)?;
    let x = self_num(a[0], me)?;
    let Some(y) = other_num(o, me) else { return Ok(NOT_IMPLEMENTED) };
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    let res = numbers::arith(op, l, r)?;
    Ok(as_kind(res, me))
}

/// `divmod` of two numbers with Python's signs and messages.
pub fn divmod_nums(x: Num, y: Num) -> PyResult {
    if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
        let (a, b) = (num_to_f64(&x)?, num_to_f64(&y)?);
        if b == 0.0 {
            return Err(zero_division_error("float divmod()"));
        }
        let m = numbers::float_mod(a, b);
        let d = numbers::float_floordiv(a, b);
        return Ok(new_tuple(vec![new_float(d), new_float(m)]));
    }
    let long = matches!(x, Num::Long(_)) || matches!(y, Num::Long(_));
    let q = numbers::arith(BinOp::FloorDiv, x.clone(), y.clone())?;
    let r = numbers::arith(BinOp::Mod, x, y)?;
    let k = if long { Kind::Long } else { Kind::Int };
    Ok(new_tuple(vec![as_kind(q, k), as_kind(r, k)]))
}

/// `pow(x, y, z)` for integers.
pub fn pow3(x: Num, y: Num, z: Num) -> PyResult {
    if [&x, &y, &z].iter().any(|n| matches!(n, Num::Float(_))) {
        return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let long = [&x, &y, &z].iter().any(|n| matches!(n, Num::Long(_)));
    let (b, e, m) = (to_big(&x), to_big(&y), to_big(&z));
    if e.is_negative() {
        return Err(type_error("pow() 2nd argument cannot be negative when 3rd argument specified"));
    }
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let r = b.modpow(&e, &m);
    Ok(if long { new_long(r) } else { int_or_long(r) })
}

// ---- constructors ----

/// Wraps a builtin number for a subclass (`class I(int)`).
fn for_class(cls: Value, base_type: Value, v: Value) -> PyResult {
    if cls == base_type {
        return Ok(v);
    }
    let t = typeobj::as_type(cls).ok_or_else(|| type_error("__new__(X): X is not a type object"))?;
    let inst = instance::new_instance(t);
    inst.base.set(v);
    Ok(inst.as_value())
}

fn check_new(cls: Value, base: Value) -> PyResult<()> {
    let bname = typeobj::class_name(base);
    let Some(t) = typeobj::as_type(cls) else {
        return Err(type_error(format!("{bname}.__new__(X): X is not a type object ({})", type_name(cls))));
    };
    if !is_subtype(cls, base) {
        return Err(type_error(format!("{bname}.__new__({}): {} is not a subtype of {bname}", t.name(), t.name())));
    }
    if base == types::int() && is_subtype(cls, types::bool_()) {
        return Err(type_error("int.__new__(bool) is not safe, use bool.__new__()"));
    }
    Ok(())
}

/// The text of a str or unicode argument (unicode digits as ASCII where possible).
fn text_of(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = pystr::as_bytes(v) {
        return Some(b.to_vec());
    }
    let u = super::unicode::as_unicode(v)?;
    Some(
        u.iter()
            .map(|&c| match char::from_u32(c).and_then(|ch| ch.to_digit(10).filter(|_| c > 0x7f)) {
                Some(d) => b'0' + d as u8,
                None if c < 0x80 => c as u8,
                None => b'?',
            })
            .collect(),
    )
}

/// `int(x)` / `long(x)` of a non-string: numbers truncate, others need `__int__`/`__trunc__`.
fn integer_of(x: Value, name: &str) -> PyResult<BigInt> {
    if let Some(n) = num_of(x) {
        return match n {
            Num::Float(f) if f.is_infinite() => Err(overflow_error("cannot convert float infinity to integer")),
            Num::Float(f) if f.is_nan() => Err(value_error("cannot convert float NaN to integer")),
            n => Ok(to_big(&n)),
        };
    }
    let meth = if name == "long" { "__long__" } else { "__int__" };
    for m in [meth, "__int__", "__trunc__"] {
        if let Some(f) = ops::lookup_special(x, m) {
            let r = ops::call(f, &[], &[])?;
            return match num_of(r) {
                Some(n @ (Num::Int(_) | Num::Long(_))) => Ok(to_big(&n)),
                _ => Err(type_error(format!("{m} returned non-int (type {})", type_name(r)))),
            };
        }
    }
    Err(type_error(format!("{name}() argument must be a string or a number, not '{}'", type_name(x))))
}

fn int_or_long_new(a: &[Value], kw: KwArgs, long: bool) -> PyResult {
    let (name, base_t) = if long { ("long", types::long()) } else { ("int", types::int()) };
    check_new(a[0], base_t)?;
    let p = args::parse(name, &a[1..], kw, &["x", "base"], 0)?;
    let v = match (p[0], p[1]) {
        (None, _) => BigInt::zero(),
        (Some(x), None) => match text_of(x) {
            Some(t) => parse_with_base(&t, 10, name, long)?,
            None => integer_of(x, name)?,
        },
        (Some(x), Some(b)) => {
            let base = args::ssize_arg(b)?;
            let Some(t) = text_of(x) else {
                return Err(type_error(format!("{name}() can't convert non-string with explicit base")));
            };
            if base != 0 && !(2..=36).contains(&base) {
                return Err(value_error(format!("{name}() base must be >= 2 and <= 36")));
            }
            parse_with_base(&t, base as u32, name, long)?
        }
    };
    let out = if long { new_long(v) } else { int_or_long(v) };
    for_class(a[0], base_t, out)
}

fn parse_with_base(t: &[u8], base: u32, name: &str, long: bool) -> PyResult<BigInt> {
    numconv::parse_int(t, base, long).ok_or_else(|| {
        let shown = if t.len() > 200 { &t[..200] } else { t };
        let r = ops::repr_bytes(pystr::new_str(shown)).unwrap_or_default();
        value_error(format!("invalid literal for {name}() with base {base}: {}", String::from_utf8_lossy(&r)))
    })
}

fn int_new(a: &[Value], kw: KwArgs) -> PyResult {
    int_or_long_new(a, kw, false)
}

fn long_new(a: &[Value], kw: KwArgs) -> PyResult {
    int_or_long_new(a, kw, true)
}

/// `float(x)` of any value.
pub fn float_of(x: Value) -> PyResult<f64> {
    if let Some(t) = text_of(x) {
        let shown = String::from_utf8_lossy(numconv::trim(&t)).into_owned();
        let lead = String::from_utf8_lossy(&t[t.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(t.len())..]).into_owned();
        let _ = shown;
        return match numconv::parse_float(&t) {
            FloatParse::Ok(f) => Ok(f),
            FloatParse::Nothing => Err(value_error(format!("could not convert string to float: {lead}"))),
            FloatParse::Junk => Err(value_error(format!("invalid literal for float(): {lead}"))),
        };
    }
    if let Some(n) = num_of(x) {
        return num_to_f64(&n);
    }
    if let Some(f) = ops::lookup_special(x, "__float__") {
        let r = ops::call(f, &[], &[])?;
        return match as_float(r) {
            Some(v) => Ok(v),
            None => Err(type_error("__float__ returned non-float")),
        };
    }
    Err(type_error("float() argument must be a string or a number"))
}

fn float_new(a: &[Value], kw: KwArgs) -> PyResult {
    check_new(a[0], types::float())?;
    let p = args::parse("float", &a[1..], kw, &["x"], 0)?;
    let v = match p[0] {
        None => 0.0,
        Some(x) if a[0] == types::float() && type_of(x) == types::float() => return Ok(x),
        Some(x) => float_of(x)?,
    };
    for_class(a[0], types::float(), new_float(v))
}

fn bool_new(a: &[Value], kw: KwArgs) -> PyResult {
    check_new(a[0], types::bool_())?;
    let p = args::parse("bool", &a[1..], kw, &["x"], 0)?;
    Ok(Value::from_bool(match p[0] {
        Some(x) => ops::truthy(x)?,
        None => false,
    }))
}

// ---- int and long methods ----

fn unary(me: Kind, a: &[Value], kw: KwArgs, op: UnaryOp) -> PyResult {
    noargs("operator", &a[1..], kw)?;
    let x = self_num(a[0], me)?;
    Ok(as_kind(numbers::unary(op, x)?, me))
}

fn abs_num(x: Num) -> PyResult {
    Ok(match x {
        Num::Int(i) => i.checked_abs().map(new_int).unwrap_or_else(|| int_or_long(BigInt::from(i).abs())),
        Num::Long(b) => new_long(b.abs()),
        Num::Float(f) => new_float(f.abs()),
    })
}

pub fn abs_value(v: Value) -> PyResult<Option<Value>> {
    match num_of(v) {
        Some(n) if numbers::to_num(v).is_some() => Ok(Some(abs_num(n)?)),
        _ => Ok(None),
    }
}

macro_rules! num_fn {
    ($name:ident, $kind:expr, |$x:ident, $a:ident| $body:expr) => {
        fn $name($a: &[Value], kw: KwArgs) -> PyResult {
            noargs(stringify!($name), &$a[1..], kw)?;
            let $x = self_num($a[0], $kind)?;
            $body
        }
    };
}

fn bit_length(n: &Num) -> i64 {
    match n {
        Num::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Num::Long(b) => b.bits() as i64,
        Num::Float(_) => 0,
    }
}

num_fn!(int_bit_length, Kind::Int, |x, a| Ok(new_int(bit_length(&x))));
num_fn!(long_bit_length, Kind::Long, |x, a| Ok(new_int(bit_length(&x))));
num_fn!(int_self, Kind::Int, |x, a| Ok(int_or_long(to_big(&x))));
num_fn!(long_self, Kind::Long, |x, a| Ok(new_long(to_big(&x))));
num_fn!(int_long, Kind::Int, |x, a| Ok(new_long(to_big(&x))));
num_fn!(int_float, Kind::Int, |x, a| Ok(new_float(num_to_f64(&x)?)));
num_fn!(long_float, Kind::Long, |x, a| Ok(new_float(num_to_f64(&x)?)));
num_fn!(int_abs, Kind::Int, |x, a| abs_num(x));
num_fn!(long_abs, Kind::Long, |x, a| abs_num(x).map(|v| as_kind(v, Kind::Long)));
num_fn!(int_nonzero, Kind::Int, |x, a| Ok(Value::from_bool(!to_big(&x).is_zero())));
num_fn!(long_nonzero, Kind::Long, |x, a| Ok(Value::from_bool(!to_big(&x).is_zero())));
num_fn!(int_hash, Kind::Int, |x, a| Ok(new_int(ops::hash(int_or_long(to_big(&x)))?)));
num_fn!(long_hash, Kind::Long, |x, a| Ok(new_int(numbers::long_hash(&to_big(&x)))));
num_fn!(int_repr, Kind::Int, |x, a| Ok(pystr::new_str_owned(to_big(&x).to_string().into_bytes())));
num_fn!(long_repr, Kind::Long, |x, a| Ok(pystr::new_str_owned(format!("{}L", to_big(&x)).into_bytes())));
num_fn!(long_str, Kind::Long, |x, a| Ok(pystr::new_str_owned(to_big(&x).to_string().into_bytes())));
num_fn!(int_hex, Kind::Int, |x, a| Ok(pystr::new_str_owned(numconv::int_to_base(&to_big(&x), 16, false).into_bytes())));
num_fn!(int_oct, Kind::Int, |x, a| Ok(pystr::new_str_owned(numconv::int_to_base(&to_big(&x), 8, false).into_bytes())));
num_fn!(long_hex, Kind::Long, |x, a| Ok(pystr::new_str_owned(numconv::int_to_base(&to_big(&x), 16, true).into_bytes())));
num_fn!(long_oct, Kind::Long, |x, a| Ok(pystr::new_str_owned(numconv::int_to_base(&to_big(&x), 8, true).into_bytes())));
num_fn!(int_zero, Kind::Int, |x, a| {
    let _ = x;
    Ok(new_int(0))
});
num_fn!(long_zero, Kind::Long, |x, a| {
    let _ = x;
    Ok(new_long(BigInt::zero()))
});
num_fn!(int_one, Kind::Int, |x, a| {
    let _ = x;
    Ok(new_int(1))
});
num_fn!(long_one, Kind::Long, |x, a| {
    let _ = x;
    Ok(new_long(BigInt::from(1)))
});
num_fn!(int_getnewargs, Kind::Int, |x, a| Ok(new_tuple(vec![int_or_long(to_big(&x))])));

fn divmod_m(me: Kind, a: &[Value], kw: KwArgs, reflected: bool) -> PyResult {
    let o = one("divmod", &a[1..], kw)?;
    let x = self_num(a[0], me)?;
    let Some(y) = other_num(o, me) else { return Ok(NOT_IMPLEMENTED) };
    if reflected { divmod_nums(y, x) } else { divmod_nums(x, y) }
}

fn pow_m(me: Kind, a: &[Value], kw: KwArgs, reflected: bool) -> PyResult {
    args::no_kw("__pow__", kw)?;
    args::unpack_n("__pow__", a.len() - 1, 1, 2)?;
    let x = self_num(a[0], me)?;
    let Some(y) = other_num(a[1], me) else { return Ok(NOT_IMPLEMENTED) };
    let (b, e) = if reflected { (y, x) } else { (x, y) };
    match a.get(2) {
        Some(&z) if z != Value::NONE => {
            if me == Kind::Float {
                return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            let Some(zn) = other_num(z, me) else { return Ok(NOT_IMPLEMENTED) };
            pow3(b, e, zn).map(|v| as_kind(v, me))
        }
        _ => numbers::arith(BinOp::Pow, b, e).map(|v| as_kind(v, me)),
    }
}

fn coerce_m(me: Kind, a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__coerce__", &a[1..], kw)?;
    self_num(a[0], me)?;
    match kind_of(o) {
        // Same kind (bool counts as int): both come back unchanged.
        Some(k) if k == me && me != Kind::Long => Ok(new_tuple(vec![a[0], o])),
        Some(k) if k == me || (me == Kind::Long && k == Kind::Int) => {
            let conv = |v: Value| if me == Kind::Float { v } else { as_kind(int_or_long(to_big(&num_of(v).expect("number"))), me) };
            Ok(new_tuple(vec![conv(a[0]), conv(o)]))
        }
        Some(Kind::Int) | Some(Kind::Long) if me == Kind::Float => Ok(new_tuple(vec![a[0], new_float(num_to_f64(&num_of(o).expect("number"))?)])),
        _ => Ok(NOT_IMPLEMENTED),
    }
}

// ---- float methods ----

num_fn!(float_is_integer, Kind::Float, |x, a| {
    let f = num_to_f64(&x)?;
    Ok(Value::from_bool(f.is_finite() && f.fract() == 0.0))
});
num_fn!(float_trunc, Kind::Float, |x, a| {
    let f = num_to_f64(&x)?;
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    Ok(int_or_long(numconv::float_to_bigint(f)))
});
num_fn!(float_long, Kind::Float, |x, a| {
    let f = num_to_f64(&x)?;
    if !f.is_finite() {
        return Err(if f.is_nan() { value_error("cannot convert float NaN to integer") } else { overflow_error("cannot convert float infinity to integer") });
    }
    Ok(new_long(numconv::float_to_bigint(f)))
});
num_fn!(float_self, Kind::Float, |x, a| Ok(new_float(num_to_f64(&x)?)));
num_fn!(float_zero, Kind::Float, |x, a| {
    let _ = x;
    Ok(new_float(0.0))
});
num_fn!(float_abs, Kind::Float, |x, a| abs_num(x));
num_fn!(float_nonzero, Kind::Float, |x, a| Ok(Value::from_bool(num_to_f64(&x)? != 0.0)));
num_fn!(float_hash_m, Kind::Float, |x, a| Ok(new_int(numbers::float_hash(num_to_f64(&x)?))));
num_fn!(float_repr, Kind::Float, |x, a| Ok(pystr::new_str_owned(numbers::float_repr(num_to_f64(&x)?).into_bytes())));
num_fn!(float_str, Kind::Float, |x, a| Ok(pystr::new_str_owned(numbers::float_str(num_to_f64(&x)?).into_bytes())));
num_fn!(float_hex, Kind::Float, |x, a| Ok(pystr::new_str_owned(numconv::float_hex(num_to_f64(&x)?).into_bytes())));
num_fn!(float_as_integer_ratio, Kind::Float, |x, a| {
    let f = num_to_f64(&x)?;
    if f.is_infinite() {
        return Err(overflow_error("Cannot pass infinity to float.as_integer_ratio."));
    }
    if f.is_nan() {
        return Err(value_error("Cannot pass NaN to float.as_integer_ratio."));
    }
    if f == 0.0 {
        return Ok(new_tuple(vec![new_int(0), new_int(1)]));
    }
    // f = mant * 2**exp exactly, with an odd mantissa after reduction.
    let bits = f.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = (bits & ((1u64 << 52) - 1)) as i64;
    let mut exp = if bexp == 0 { -1074 } else { mant |= 1 << 52; bexp - 1075 };
    while mant & 1 == 0 {
        mant >>= 1;
        exp += 1;
    }
    let mut num = BigInt::from(if f < 0.0 { -mant } else { mant });
    let mut den = BigInt::from(1);
    if exp > 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    Ok(new_tuple(vec![int_or_long(num), int_or_long(den)]))
});

fn float_fromhex(a: &[Value], kw: KwArgs) -> PyResult {
    let s = one("fromhex", &a[1..], kw)?;
    let t = pystr::as_bytes(s).ok_or_else(|| type_error(format!("fromhex() argument 1 must be string, not {}", type_name(s))))?;
    let v = match numconv::float_fromhex(t) {
        Ok(v) => v,
        Err(true) => return Err(overflow_error("hexadecimal value too large to represent as a float")),
        Err(false) => return Err(value_error("invalid hexadecimal floating-point string")),
    };
    ops::call(a[0], &[new_float(v)], &[])
}

fn float_cmp(op: CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("comparison", &a[1..], kw)?;
    let x = self_num(a[0], Kind::Float)?;
    let Some(y) = other_num(o, Kind::Float) else { return Ok(NOT_IMPLEMENTED) };
    let (l, r) = (numbers_value(x), numbers_value(y));
    ops::compare(op, l, r)
}

fn numbers_value(n: Num) -> Value {
    match n {
        Num::Int(i) => new_int(i),
        Num::Long(b) => new_long(b),
        Num::Float(f) => new_float(f),
    }
}

fn real_of(a: &[Value], _kw: KwArgs) -> PyResult {
    let n = num_of(a[0]).ok_or_else(|| type_error("descriptor 'real' requires a number"))?;
    Ok(match (kind_of(a[0]), n) {
        (Some(Kind::Long), n) => new_long(to_big(&n)),
        (_, n) => numbers_value(n),
    })
}

fn imag_of(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(match kind_of(a[0]) {
        Some(Kind::Float) => new_float(0.0),
        Some(Kind::Long) => new_long(BigInt::zero()),
        _ => new_int(0),
    })
}

fn denominator_of(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(if kind_of(a[0]) == Some(Kind::Long) { new_long(BigInt::from(1)) } else { new_int(1) })
}

/// Registers the arithmetic methods of one numeric kind.
fn install_arith(t: Value, me: Kind) {
    macro_rules! ops_for {
        ($kind:expr) => {{
            const K: Kind = $kind;
            fn add(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Add, a, k, false) }
            fn radd(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Add, a, k, true) }
            fn sub(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Sub, a, k, false) }
            fn rsub(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Sub, a, k, true) }
            fn mul(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Mul, a, k, false) }
            fn rmul(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Mul, a, k, true) }
            fn div(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Div, a, k, false) }
            fn rdiv(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Div, a, k, true) }
            fn tdiv(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::TrueDiv, a, k, false) }
            fn rtdiv(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::TrueDiv, a, k, true) }
            fn fdiv(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::FloorDiv, a, k, false) }
            fn rfdiv(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::FloorDiv, a, k, true) }
            fn md(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Mod, a, k, false) }
            fn rmd(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Mod, a, k, true) }
            fn dm(a: &[Value], k: KwArgs) -> PyResult { divmod_m(K, a, k, false) }
            fn rdm(a: &[Value], k: KwArgs) -> PyResult { divmod_m(K, a, k, true) }
            fn pw(a: &[Value], k: KwArgs) -> PyResult { pow_m(K, a, k, false) }
            fn rpw(a: &[Value], k: KwArgs) -> PyResult { pow_m(K, a, k, true) }
            fn neg(a: &[Value], k: KwArgs) -> PyResult { unary(K, a, k, UnaryOp::Neg) }
            fn pos(a: &[Value], k: KwArgs) -> PyResult { unary(K, a, k, UnaryOp::Pos) }
            fn co(a: &[Value], k: KwArgs) -> PyResult { coerce_m(K, a, k) }
            let v: Vec<(&'static str, NativeFn)> = vec![
                ("__add__", add), ("__radd__", radd), ("__sub__", sub), ("__rsub__", rsub),
                ("__mul__", mul), ("__rmul__", rmul), ("__div__", div), ("__rdiv__", rdiv),
                ("__truediv__", tdiv), ("__rtruediv__", rtdiv), ("__floordiv__", fdiv), ("__rfloordiv__", rfdiv),
                ("__mod__", md), ("__rmod__", rmd), ("__divmod__", dm), ("__rdivmod__", rdm),
                ("__pow__", pw), ("__rpow__", rpw), ("__neg__", neg), ("__pos__", pos), ("__coerce__", co),
            ];
            v
        }};
    }
    macro_rules! bit_ops_for {
        ($kind:expr) => {{
            const K: Kind = $kind;
            fn and(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::And, a, k, false) }
            fn or(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Or, a, k, false) }
            fn xor(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::Xor, a, k, false) }
            fn lsh(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::LShift, a, k, false) }
            fn rlsh(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::LShift, a, k, true) }
            fn rsh(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::RShift, a, k, false) }
            fn rrsh(a: &[Value], k: KwArgs) -> PyResult { binary(K, BinOp::RShift, a, k, true) }
            fn inv(a: &[Value], k: KwArgs) -> PyResult { unary(K, a, k, UnaryOp::Invert) }
            let v: Vec<(&'static str, NativeFn)> = vec![
                ("__and__", and), ("__rand__", and), ("__or__", or), ("__ror__", or), ("__xor__", xor), ("__rxor__", xor),
                ("__lshift__", lsh), ("__rlshift__", rlsh), ("__rshift__", rsh), ("__rrshift__", rrsh), ("__invert__", inv),
            ];
            v
        }};
    }
    let mut all = match me {
        Kind::Int => ops_for!(Kind::Int),
        Kind::Long => ops_for!(Kind::Long),
        Kind::Float => ops_for!(Kind::Float),
    };
    match me {
        Kind::Int => all.extend(bit_ops_for!(Kind::Int)),
        Kind::Long => all.extend(bit_ops_for!(Kind::Long)),
        Kind::Float => {}
    }
    for (n, f) in all {
        add_method(t, n, f);
    }
}

/// `bool & bool` stays a bool; with an int it is int arithmetic.
fn bool_bitop(op: BinOp, a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("operator", &a[1..], kw)?;
    let (x, y) = (a[0], o);
    if (x == Value::TRUE || x == Value::FALSE) && (y == Value::TRUE || y == Value::FALSE) {
        let (p, q) = (x == Value::TRUE, y == Value::TRUE);
        return Ok(Value::from_bool(match op {
            BinOp::And => p & q,
            BinOp::Or => p | q,
            _ => p ^ q,
        }));
    }
    binary(Kind::Int, op, a, kw, false)
}
fn bool_and(a: &[Value], kw: KwArgs) -> PyResult {
    bool_bitop(BinOp::And, a, kw)
}
fn bool_or(a: &[Value], kw: KwArgs) -> PyResult {
    bool_bitop(BinOp::Or, a, kw)
}
fn bool_xor(a: &[Value], kw: KwArgs) -> PyResult {
    bool_bitop(BinOp::Xor, a, kw)
}
fn bool_repr(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(pystr::new_str(if ops::truthy(a[0])? { b"True" } else { b"False" }))
}

pub fn install() {
    let int_t = types::int();
    add_static(int_t, "__new__", int_new);
    install_arith(int_t, Kind::Int);
    for (n, f) in [
        ("bit_length", int_bit_length as NativeFn),
        ("conjugate", int_self),
        ("__int__", int_self),
        ("__index__", int_self),
        ("__trunc__", int_self),
        ("__long__", int_long),
        ("__float__", int_float),
        ("__abs__", int_abs),
        ("__nonzero__", int_nonzero),
        ("__hash__", int_hash),
        ("__repr__", int_repr),
        ("__str__", int_repr),
        ("__hex__", int_hex),
        ("__oct__", int_oct),
        ("__getnewargs__", int_getnewargs),
    ] {
        add_method(int_t, n, f);
    }
    args::add_getter(int_t, "real", int_self);
    args::add_getter(int_t, "numerator", int_self);
    args::add_getter(int_t, "imag", int_zero);
    args::add_getter(int_t, "denominator", int_one);

    let long_t = types::long();
    add_static(long_t, "__new__", long_new);
    install_arith(long_t, Kind::Long);
    for (n, f) in [
        ("bit_length", long_bit_length as NativeFn),
        ("conjugate", long_self),
        ("__int__", long_self),
        ("__long__", long_self),
        ("__index__", long_self),
        ("__trunc__", long_self),
        ("__float__", long_float),
        ("__abs__", long_abs),
        ("__nonzero__", long_nonzero),
        ("__hash__", long_hash),
        ("__repr__", long_repr),
        ("__str__", long_str),
        ("__hex__", long_hex),
        ("__oct__", long_oct),
    ] {
        add_method(long_t, n, f);
    }
    args::add_getter(long_t, "real", long_self);
    args::add_getter(long_t, "numerator", long_self);
    args::add_getter(long_t, "imag", long_zero);
    args::add_getter(long_t, "denominator", long_one);

    let float_t = types::float();
    add_static(float_t, "__new__", float_new);
    install_arith(float_t, Kind::Float);
    for (n, f) in [
        ("conjugate", float_self as NativeFn),
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("__trunc__", float_trunc),
        ("__int__", float_trunc),
        ("__long__", float_long),
        ("__float__", float_self),
        ("__abs__", float_abs),
        ("__nonzero__", float_nonzero),
        ("__hash__", float_hash_m),
        ("__repr__", float_repr),
        ("__str__", float_str),
    ] {
        add_method(float_t, n, f);
    }
    args::add_classmethod(float_t, "fromhex", float_fromhex);
    super::list_methods::cmp_methods!(float_t, float_cmp);
    args::add_getter(float_t, "real", float_self);
    args::add_getter(float_t, "imag", float_zero);

    let bool_t = types::bool_();
    add_static(bool_t, "__new__", bool_new);
    for (n, f) in [
        ("__and__", bool_and as NativeFn),
        ("__rand__", bool_and),
        ("__or__", bool_or),
        ("__ror__", bool_or),
        ("__xor__", bool_xor),
        ("__rxor__", bool_xor),
        ("__repr__", bool_repr),
        ("__str__", bool_repr),
    ] {
        add_method(bool_t, n, f);
    }
    let _ = (real_of, imag_of, denominator_of);
}
