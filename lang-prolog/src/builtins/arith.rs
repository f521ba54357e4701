//! Arithmetic: is/2, the comparison predicates, and every ISO evaluable functor.
//!
//! Integers are unbounded: the fast path is i64 with overflow checks, falling
//! back to num-bigint; results are normalised so small values stay unboxed.

use crate::engine::*;
use crate::term::*;
use num_bigint::BigInt as Int;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero, One, Pow};
use std::cmp::Ordering;
use vmcore::gc::Gc;
use vmcore::object::bigint::BigInt;
use vmcore::object::symbol::name;
use vmcore::Value;

#[derive(Clone, Debug)]
pub enum Num {
    I(i64),
    B(Int),
    F(f64),
}
use Num::*;

impl Num {
    pub fn to_value(self) -> Value {
        match self {
            I(i) => mk_int(i),
            B(b) => mk_bigint(b),
            F(f) => mk_float(f),
        }
    }
    fn norm(b: Int) -> Num {
        match b.to_i64() {
            Some(i) => I(i),
            None => B(b),
        }
    }
    fn big(&self) -> Int {
        match self {
            I(i) => Int::from(*i),
            B(b) => b.clone(),
            F(f) => Int::from(*f as i64),
        }
    }
    fn float(&self) -> f64 {
        match self {
            I(i) => *i as f64,
            B(b) => b.to_f64().unwrap_or(f64::INFINITY),
            F(f) => *f,
        }
    }
    fn is_float(&self) -> bool {
        matches!(self, F(_))
    }
}

pub fn value_to_num(v: Value) -> Option<Num> {
    if v.is_int() {
        Some(I(v.as_int()))
    } else if let Some(b) = Gc::<BigInt>::downcast(v) {
        Some(B(b.n.clone()))
    } else {
        get_float(v).map(F)
    }
}

fn check_float(f: f64) -> Res<Num> {
    if f.is_nan() {
        Err(eval_err("undefined"))
    } else if f.is_infinite() {
        Err(eval_err("float_overflow"))
    } else {
        Ok(F(f))
    }
}

fn need_i(n: &Num) -> Res<()> {
    if let F(f) = n {
        Err(type_err("integer", mk_float(*f)))
    } else {
        Ok(())
    }
}

fn float_to_int(f: f64) -> Res<Num> {
    if f.is_nan() || f.is_infinite() {
        return Err(eval_err("undefined"));
    }
    if f.abs() < 9.0e18 {
        Ok(I(f as i64))
    } else {
        use num_traits::FromPrimitive;
        Ok(Num::norm(Int::from_f64(f).unwrap()))
    }
}

/// Evaluates an arithmetic expression (recursion depth = expression depth).
pub fn eval(t: Value) -> Res<Num> {
    let t = deref(t);
    if t.is_int() {
        return Ok(I(t.as_int()));
    }
    if let Some(n) = value_to_num(t) {
        return Ok(n);
    }
    if is_var(t) {
        return Err(inst_err());
    }
    if t.is_symbol() {
        return match atom_name(t) {
            "pi" => Ok(F(std::f64::consts::PI)),
            "e" => Ok(F(std::f64::consts::E)),
            "inf" | "infinite" => Ok(F(f64::INFINITY)),
            "nan" => Ok(F(f64::NAN)),
            "epsilon" => Ok(F(f64::EPSILON)),
            "max_tagged_integer" => Ok(I(vmcore::value::SMALL_INT_MAX)),
            "random" => Ok(I(rand_next() as i64 & 0x7fff_ffff)),
            "random_float" => Ok(F((rand_next() >> 11) as f64 / (1u64 << 53) as f64)),
            "cputime" => Ok(F(vmcore::host::host().clock(vmcore::host::Clock::ProcessCpu))),
            "realtime" => Ok(I(vmcore::host::host().clock(vmcore::host::Clock::Wall) as i64)),
            "[]" => Err(type_err("evaluable", errors::indicator(t.symbol_id(), 0))),
            _ => Err(type_err("evaluable", errors::indicator(t.symbol_id(), 0))),
        };
    }
    let (f, n) = match functor_of(t) {
        Some(x) => x,
        None => return Err(type_err("evaluable", t)),
    };
    let fname = name(f);
    if n == 1 {
        if fname == "." {
            // unreachable: '.'/1 is not a list cell
        }
        let x = eval(arg(t, 0))?;
        return eval1(fname, x).unwrap_or_else(|| Err(type_err("evaluable", errors::indicator(f, 1))));
    }
    if n == 2 {
        if f == wk().dot_id {
            // "a" in arithmetic: [X] evaluates X
            let tl = deref(arg(t, 1));
            if tl == wk().nil {
                return eval(arg(t, 0));
            }
        }
        let x = eval(arg(t, 0))?;
        let y = eval(arg(t, 1))?;
        return eval2(fname, x, y).unwrap_or_else(|| Err(type_err("evaluable", errors::indicator(f, 2))));
    }
    Err(type_err("evaluable", errors::indicator(f, n)))
}

thread_local! {
    static SEED: std::cell::Cell<u64> = const { std::cell::Cell::new(0x2545F4914F6CDD1D) };
}
pub fn rand_next() -> u64 {
    SEED.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        x
    })
}

fn eval1(f: &str, x: Num) -> Option<Res<Num>> {
    Some(match f {
        "-" => Ok(match x {
            I(i) => i.checked_neg().map(I).unwrap_or_else(|| B(-Int::from(i))),
            B(b) => Num::norm(-b),
            F(f) => F(-f),
        }),
        "+" => Ok(x),
        "abs" => Ok(match x {
            I(i) => i.checked_abs().map(I).unwrap_or_else(|| B(Int::from(i).abs())),
            B(b) => B(b.abs()),
            F(f) => F(f.abs()),
        }),
        "sign" => Ok(match x {
            I(i) => I(i.signum()),
            B(b) => I(if b.is_negative() { -1 } else { 1 }),
            F(f) => F(if f > 0.0 { 1.0 } else if f < 0.0 { -1.0 } else { 0.0 }),
        }),
        "min" | "max" => return None,
        "sqrt" => {
            let v = x.float();
            if v < 0.0 { Err(eval_err("undefined")) } else { check_float(v.sqrt()) }
        }
        "sin" => check_float(x.float().sin()),
        "cos" => check_float(x.float().cos()),
        "tan" => check_float(x.float().tan()),
        "cot" => check_float(1.0 / x.float().tan()),
        "asin" => check_float(x.float().asin()),
        "acos" => check_float(x.float().acos()),
        "atan" => check_float(x.float().atan()),
        "sinh" => check_float(x.float().sinh()),
        "cosh" => check_float(x.float().cosh()),
        "tanh" => check_float(x.float().tanh()),
        "asinh" => check_float(x.float().asinh()),
        "acosh" => check_float(x.float().acosh()),
        "atanh" => check_float(x.float().atanh()),
        "exp" => check_float(x.float().exp()),
        "log" => {
            let v = x.float();
            if v <= 0.0 {
                if let I(0) = x { Err(eval_err("undefined")) } else if v == 0.0 { Err(eval_err("undefined")) } else { Err(eval_err("undefined")) }
            } else {
                check_float(v.ln())
            }
        }
        "log2" => {
            let v = x.float();
            if v <= 0.0 { Err(eval_err("undefined")) } else { check_float(v.log2()) }
        }
        "float" => check_float(x.float()),
        "integer" => match x {
            F(f) => float_to_int(f.round()),
            other => Ok(other),
        },
        "float_integer_part" => check_float(x.float().trunc()),
        "float_fractional_part" => check_float(x.float().fract()),
        "truncate" => match x {
            F(f) => float_to_int(f.trunc()),
            other => Ok(other),
        },
        "round" => match x {
            F(f) => float_to_int(f.round()),
            other => Ok(other),
        },
        "ceiling" => match x {
            F(f) => float_to_int(f.ceil()),
            other => Ok(other),
        },
        "floor" => match x {
            F(f) => float_to_int(f.floor()),
            other => Ok(other),
        },
        "\\" => match x {
            I(i) => Ok(I(!i)),
            B(b) => Ok(Num::norm(!b)),
            F(f) => Err(type_err("integer", mk_float(f))),
        },
        "msb" => match x {
            I(i) if i > 0 => Ok(I(63 - i.leading_zeros() as i64)),
            B(b) => Ok(I(b.bits() as i64 - 1)),
            _ => Err(type_err("integer", x.to_value())),
        },
        "succ" => eval2("+", x, I(1))?,
        "random" => match x {
            I(i) if i > 0 => Ok(I((rand_next() % i as u64) as i64)),
            _ => Err(type_err("integer", x.to_value())),
        },
        "random_float" => Ok(F((rand_next() >> 11) as f64 / (1u64 << 53) as f64)),
        _ => return None,
    })
}

fn int_pow(b: &Num, e: &Num) -> Res<Num> {
    let base = b.big();
    let ex = e.big();
    if ex.is_negative() {
        if base.is_one() {
            return Ok(I(1));
        }
        if base == Int::from(-1) {
            return Ok(I(if ex.is_even() { 1 } else { -1 }));
        }
        if base.is_zero() {
            return Err(eval_err("zero_divisor"));
        }
        return Err(type_err("float", b.clone().to_value()));
    }
    let e32 = ex.to_u32().ok_or_else(|| resource_err("memory"))?;
    Ok(Num::norm(Pow::pow(base, e32)))
}

fn eval2(f: &str, x: Num, y: Num) -> Option<Res<Num>> {
    Some(match f {
        "+" => Ok(match (x, y) {
            (I(a), I(b)) => a.checked_add(b).map(I).unwrap_or_else(|| B(Int::from(a) + b)),
            (F(a), b) => return Some(check_float(a + b.float())),
            (a, F(b)) => return Some(check_float(a.float() + b)),
            (a, b) => Num::norm(a.big() + b.big()),
        }),
        "-" => Ok(match (x, y) {
            (I(a), I(b)) => a.checked_sub(b).map(I).unwrap_or_else(|| B(Int::from(a) - b)),
            (F(a), b) => return Some(check_float(a - b.float())),
            (a, F(b)) => return Some(check_float(a.float() - b)),
            (a, b) => Num::norm(a.big() - b.big()),
        }),
        "*" => Ok(match (x, y) {
            (I(a), I(b)) => a.checked_mul(b).map(I).unwrap_or_else(|| B(Int::from(a) * b)),
            (F(a), b) => return Some(check_float(a * b.float())),
            (a, F(b)) => return Some(check_float(a.float() * b)),
            (a, b) => Num::norm(a.big() * b.big()),
        }),
        "/" => {
            if x.is_float() || y.is_float() {
                let d = y.float();
                if d == 0.0 {
                    return Some(Err(eval_err(if x.float() == 0.0 || x.float().is_nan() { "undefined" } else { "zero_divisor" })));
                }
                check_float(x.float() / d)
            } else {
                let (a, b) = (x.big(), y.big());
                if b.is_zero() {
                    return Some(Err(eval_err("zero_divisor")));
                }
                // ISO: int/int gives an integer when exact (SWI prefer_rationals=false does the same)
                if (&a % &b).is_zero() {
                    Ok(Num::norm(a / b))
                } else {
                    check_float(x.float() / y.float())
                }
            }
        }
        "//" | "rem" | "mod" | "div" => {
            if let Err(e) = need_i(&x) {
                return Some(Err(e));
            }
            if let Err(e) = need_i(&y) {
                return Some(Err(e));
            }
            if let (I(a), I(b)) = (&x, &y) {
                let (a, b) = (*a, *b);
                if b == 0 {
                    return Some(Err(eval_err("zero_divisor")));
                }
                if !(a == i64::MIN && b == -1) {
                    return Some(Ok(I(match f {
                        "//" => a / b,
                        "rem" => a % b,
                        "mod" => {
                            let m = a % b;
                            if m != 0 && ((m < 0) != (b < 0)) { m + b } else { m }
                        }
                        _ => Integer::div_floor(&a, &b),
                    })));
                }
            }
            let (a, b) = (x.big(), y.big());
            if b.is_zero() {
                return Some(Err(eval_err("zero_divisor")));
            }
            Ok(Num::norm(match f {
                "//" => &a / &b,
                "rem" => &a % &b,
                "mod" => a.mod_floor(&b),
                _ => a.div_floor(&b),
            }))
        }
        "min" => Ok(if num_cmp(&x, &y) == Ordering::Greater { y } else { x }),
        "max" => Ok(if num_cmp(&x, &y) == Ordering::Greater { x } else { y }),
        "**" => {
            if x.is_float() || y.is_float() {
                check_float(x.float().powf(y.float()))
            } else {
                // ISO: ** on integers gives a float
                check_float(x.float().powf(y.float()))
            }
        }
        "^" => {
            if x.is_float() || y.is_float() {
                check_float(x.float().powf(y.float()))
            } else {
                int_pow(&x, &y)
            }
        }
        "atan2" | "atan" => check_float(x.float().atan2(y.float())),
        "copysign" => check_float(x.float().copysign(y.float())),
        "log" => {
            let (b, v) = (x.float(), y.float());
            if b <= 0.0 || v <= 0.0 { Err(eval_err("undefined")) } else { check_float(v.ln() / b.ln()) }
        }
        ">>" | "<<" | "/\\" | "\\/" | "xor" | "gcd" => {
            if let Err(e) = need_i(&x) {
                return Some(Err(e));
            }
            if let Err(e) = need_i(&y) {
                return Some(Err(e));
            }
            if let (I(a), I(b)) = (&x, &y) {
                let (a, b) = (*a, *b);
                let r = match f {
                    ">>" => Some(if b >= 64 { if a < 0 { -1 } else { 0 } } else if b < 0 { return eval2("<<", I(a), I(-b)) } else { a >> b }),
                    "<<" => {
                        if (0..62).contains(&b) && (a.abs() < (1i64 << (62 - b))) { Some(a << b) } else { None }
                    }
                    "/\\" => Some(a & b),
                    "\\/" => Some(a | b),
                    "xor" => Some(a ^ b),
                    _ => Some(a.gcd(&b)),
                };
                if let Some(r) = r {
                    return Some(Ok(I(r)));
                }
            }
            let (a, b) = (x.big(), y.big());
            Ok(Num::norm(match f {
                "<<" => {
                    let s = b.to_i64().unwrap_or(0);
                    if s >= 0 { a << (s as usize) } else { a >> ((-s) as usize) }
                }
                ">>" => {
                    let s = b.to_i64().unwrap_or(0);
                    if s >= 0 { a >> (s as usize) } else { a << ((-s) as usize) }
                }
                "/\\" => a & b,
                "\\/" => a | b,
                "xor" => a ^ b,
                _ => a.gcd(&b),
            }))
        }
        "truncate" => return None,
        _ => return None,
    })
}

pub fn num_cmp(x: &Num, y: &Num) -> Ordering {
    match (x, y) {
        (I(a), I(b)) => a.cmp(b),
        (F(_), _) | (_, F(_)) => x.float().partial_cmp(&y.float()).unwrap_or(Ordering::Equal),
        _ => x.big().cmp(&y.big()),
    }
}

pub fn bi_is(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let v = eval(a[1])?.to_value();
    Ok(e.unify(a[0], v))
}

fn compare_args(a: &[Value]) -> Res<Ordering> {
    let x = deref(a[0]);
    let y = deref(a[1]);
    if x.is_int() && y.is_int() {
        return Ok(x.as_int().cmp(&y.as_int()));
    }
    Ok(num_cmp(&eval(x)?, &eval(y)?))
}

pub fn bi_lt(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare_args(a)? == Ordering::Less)
}
pub fn bi_gt(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare_args(a)? == Ordering::Greater)
}
pub fn bi_le(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare_args(a)? != Ordering::Greater)
}
pub fn bi_ge(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare_args(a)? != Ordering::Less)
}
pub fn bi_eq(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare_args(a)? == Ordering::Equal)
}
pub fn bi_ne(_: &mut Engine, a: &[Value]) -> Res<bool> {
    Ok(compare_args(a)? != Ordering::Equal)
}

pub fn bi_succ(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let x = deref(a[0]);
    let y = deref(a[1]);
    if is_var(x) {
        if is_var(y) {
            return Err(inst_err());
        }
        let y = need_int(y)?;
        let n = get_bigint(y).unwrap();
        if n.is_negative() {
            return Err(type_err("not_less_than_zero", y));
        }
        if n.is_zero() {
            return Ok(false);
        }
        return Ok(e.unify(x, mk_bigint(n - 1)));
    }
    let x = need_int(x)?;
    let n = get_bigint(x).unwrap();
    if n.is_negative() {
        return Err(type_err("not_less_than_zero", x));
    }
    if !is_var(y) {
        let yv = need_int(y)?;
        if get_bigint(yv).unwrap().is_negative() {
            return Err(type_err("not_less_than_zero", yv));
        }
    }
    Ok(e.unify(y, mk_bigint(n + 1)))
}

pub fn bi_plus(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let (x, y, z) = (deref(a[0]), deref(a[1]), deref(a[2]));
    if !is_var(x) && !is_var(y) {
        let v = eval2("+", eval(x)?, eval(y)?).unwrap()?.to_value();
        return Ok(e.unify(z, v));
    }
    if !is_var(x) && !is_var(z) {
        let v = eval2("-", eval(z)?, eval(x)?).unwrap()?.to_value();
        return Ok(e.unify(y, v));
    }
    if !is_var(y) && !is_var(z) {
        let v = eval2("-", eval(z)?, eval(y)?).unwrap()?.to_value();
        return Ok(e.unify(x, v));
    }
    Err(inst_err())
}

/// Evaluates an expression given as a clause-body template, reading
/// variables from the slot environment: `N1 is N - 1` runs without building
/// the term `N - 1`. None when the template needs the general path.
pub fn eval_template(env: &[Value], t: Value) -> Option<Res<Num>> {
    use crate::engine::db::{slot_of, TCompound};
    if let Some(k) = slot_of(t) {
        let v = env[k];
        if v.is_empty() {
            return Some(Err(inst_err()));
        }
        return Some(eval(v));
    }
    let tc = match Gc::<TCompound>::downcast(t) {
        Some(tc) => tc,
        None => return Some(eval(t)),
    };
    let fname = name(tc.name);
    match tc.args.len() {
        1 => {
            let x = match eval_template(env, tc.args[0])? {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            Some(eval1(fname, x).unwrap_or_else(|| Err(type_err("evaluable", errors::indicator(tc.name, 1)))))
        }
        2 if tc.name != wk().dot_id => {
            let x = match eval_template(env, tc.args[0])? {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            let y = match eval_template(env, tc.args[1])? {
                Ok(y) => y,
                Err(e) => return Some(Err(e)),
            };
            // small-integer fast paths
            if let (I(a), I(b)) = (&x, &y) {
                let (a, b) = (*a, *b);
                let r = match fname {
                    "+" => a.checked_add(b),
                    "-" => a.checked_sub(b),
                    "*" => a.checked_mul(b),
                    _ => None,
                };
                if let Some(r) = r {
                    return Some(Ok(I(r)));
                }
            }
            Some(eval2(fname, x, y).unwrap_or_else(|| Err(type_err("evaluable", errors::indicator(tc.name, 2)))))
        }
        _ => None,
    }
}
