//! Argument checking for methods and functions written in Rust.
//!
//! CPython has three ways of unpacking arguments, each with its own error
//! wording, and programs (and test suites) see those messages:
//!
//! - `METH_NOARGS` / `METH_O`: "reverse() takes no arguments (1 given)",
//!   "append() takes exactly one argument (0 given)";
//! - `PyArg_ParseTuple[AndKeywords]`: "pop() takes at most 1 argument (2 given)",
//!   "'foo' is an invalid keyword argument for this function";
//! - `PyArg_UnpackTuple`: "get expected at least 1 arguments, got 0".
//!
//! The helpers below reproduce each. `args` never includes `self` here:
//! callers pass `&args[1..]` for methods.

use super::{function, str as pystr, typeobj};
use crate::runtime::errors::type_error;
use crate::runtime::{KwArgs, NativeFn, PyResult};
use vmcore::Value;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Rejects keyword arguments: "pop() takes no keyword arguments".
pub fn no_kw(name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() { Ok(()) } else { Err(type_error(format!("{name}() takes no keyword arguments"))) }
}

/// `METH_NOARGS`.
pub fn noargs(name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    no_kw(name, kw)?;
    if args.is_empty() { Ok(()) } else { Err(type_error(format!("{name}() takes no arguments ({} given)", args.len()))) }
}

/// `METH_O`: exactly one positional argument, returned.
pub fn one(name: &str, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(name, kw)?;
    if args.len() == 1 { Ok(args[0]) } else { Err(type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))) }
}

/// `PyArg_ParseTuple` arity check (positional only).
pub fn arity(name: &str, args: &[Value], kw: KwArgs, min: usize, max: usize) -> PyResult<()> {
    no_kw(name, kw)?;
    arity_msg(name, args.len(), min, max)
}

fn arity_msg(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max { ("exactly", min) } else if n < min { ("at least", min) } else { ("at most", max) };
    Err(type_error(format!("{name}() takes {how} {k} argument{} ({n} given)", plural(k))))
}

/// `PyArg_UnpackTuple` arity check (positional only).
pub fn unpack(name: &str, args: &[Value], kw: KwArgs, min: usize, max: usize) -> PyResult<()> {
    no_kw(name, kw)?;
    unpack_n(name, args.len(), min, max)
}

pub fn unpack_n(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        return Err(type_error(format!("{name} expected {}{min} arguments, got {n}", if min == max { "" } else { "at least " })));
    }
    if n > max {
        return Err(type_error(format!("{name} expected {}{max} arguments, got {n}", if min == max { "" } else { "at most " })));
    }
    Ok(())
}

/// The bytes of a keyword name.
pub fn kw_name(k: Value) -> &'static [u8] {
    pystr::as_bytes(k).unwrap_or(b"?")
}

/// `PyArg_ParseTupleAndKeywords`: binds positional and keyword arguments to
/// `names`; the first `required` are mandatory. Unfilled optional slots are None.
pub fn parse(name: &str, args: &[Value], kw: KwArgs, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let total = args.len() + kw.len();
    if total > names.len() {
        let k = names.len();
        return Err(type_error(format!("{name}() takes at most {k} argument{} ({total} given)", plural(k))));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, &a) in args.iter().enumerate() {
        out[i] = Some(a);
    }
    // CPython reports missing required arguments before unknown keywords.
    let mut unknown = None;
    for &(k, v) in kw {
        let kn = kw_name(k);
        match names.iter().position(|n| n.as_bytes() == kn) {
            Some(i) if i < args.len() => {
                return Err(type_error(format!("Argument given by name ('{}') and position ({})", names[i], i + 1)));
            }
            Some(i) => out[i] = Some(v),
            None => unknown = unknown.or(Some(kn)),
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(type_error(format!("Required argument '{}' (pos {}) not found", names[i], i + 1)));
        }
    }
    if let Some(kn) = unknown {
        return Err(type_error(format!("'{}' is an invalid keyword argument for this function", String::from_utf8_lossy(kn))));
    }
    Ok(out)
}

/// Adds a read-only attribute computed by `f(self)` (CPython's getset
/// descriptors), as a property whose getter is a builtin function.
pub fn add_getter(t: Value, name: &'static str, f: NativeFn) {
    let ty = typeobj::as_type(t).expect("add_getter on a type");
    let w = function::new_wrapper(crate::runtime::types::property(), function::new_builtin(name, f));
    ty.dict.set_str(name, w.as_value());
}

/// Stores a plain value (e.g. `__hash__ = None`) in a builtin type's dict.
pub fn set_attr(t: Value, name: &str, v: Value) {
    typeobj::as_type(t).expect("set_attr on a type").dict.set_str(name, v);
}

/// Adds a classmethod implemented in Rust (`dict.fromkeys`): args[0] is the class.
pub fn add_classmethod(t: Value, name: &'static str, f: NativeFn) {
    let ty = typeobj::as_type(t).expect("add_classmethod on a type");
    let w = function::new_wrapper(crate::runtime::types::classmethod(), function::new_builtin(name, f));
    ty.dict.set_str(name, w.as_value());
}

/// An integer argument as i64 (ints, longs that fit, bools, `__index__`).
pub fn index_i64(v: Value) -> PyResult<Option<i64>> {
    use num_traits::ToPrimitive;
    if let Some(i) = super::int::as_int(v) {
        return Ok(Some(i));
    }
    if let Some(b) = super::long::as_long(v) {
        return Ok(Some(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX })));
    }
    if super::float::as_float(v).is_none() {
        if let Some(m) = crate::ops::lookup_special(v, "__index__") {
            let r = crate::ops::call(m, &[], &[])?;
            return index_i64(r);
        }
    }
    Ok(None)
}

/// An index-like argument as CPython's `n` format takes it.
pub fn ssize_arg(v: Value) -> PyResult<i64> {
    if super::float::as_float(v).is_some() {
        return Err(type_error("integer argument expected, got float"));
    }
    index_i64(v)?.ok_or_else(|| type_error("an integer is required"))
}

/// A C `int` argument (`PyArg_ParseTuple`'s `i`): floats refused, range
/// checked.
pub fn c_int(v: Value) -> PyResult<i32> {
    let i = match super::long::as_long(v) {
        Some(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        Some(_) => i64::MAX,
        None => ssize_arg(v)?,
    };
    if i > i32::MAX as i64 {
        return Err(crate::runtime::errors::overflow_error("signed integer is greater than maximum"));
    }
    if i < i32::MIN as i64 {
        return Err(crate::runtime::errors::overflow_error("signed integer is less than minimum"));
    }
    Ok(i as i32)
}

/// `PyNumber_Index`: "'str' object cannot be interpreted as an index".
pub fn as_index(v: Value) -> PyResult<i64> {
    match if super::float::as_float(v).is_some() { None } else { index_i64(v)? } {
        Some(i) => Ok(i),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an index", typeobj::type_name(v)))),
    }
}

/// `PyInt_AsSsize_t` as Python 2.7 does it: ints and longs that fit, else
/// the object's `__int__` (so floats truncate). Ok(None) when that fails.
pub fn int_as_ssize(v: Value) -> PyResult<Option<i64>> {
    use num_traits::ToPrimitive;
    if let Some(i) = super::int::as_int(v) {
        return Ok(Some(i));
    }
    if let Some(b) = super::long::as_long(v) {
        return Ok(b.to_i64());
    }
    if let Some(f) = super::float::as_float(v) {
        return Ok((f.is_finite() && f.abs() < 9.2e18).then_some(f.trunc() as i64));
    }
    match crate::ops::lookup_special(v, "__int__") {
        Some(m) => match crate::ops::call(m, &[], &[]) {
            Ok(r) if super::int::as_int(r).is_some() || super::long::as_long(r).is_some() => int_as_ssize(r),
            _ => Ok(None),
        },
        None => Ok(None),
    }
}

/// The bytes of an argument CPython reads through the buffer protocol
/// (`s*`): str as is, unicode encoded with the default (ASCII) codec,
/// bytearray/buffer/memoryview through their `str()`. Ok(None) for objects
/// without a buffer, so each caller can raise its own error.
pub fn buffer_bytes<'a>(v: Value) -> PyResult<Option<std::borrow::Cow<'a, [u8]>>> {
    use crate::runtime::types;
    if let Some(b) = super::str::as_bytes(v) {
        return Ok(Some(std::borrow::Cow::Borrowed(b)));
    }
    if super::unicode::as_unicode(v).is_some() {
        return Ok(Some(std::borrow::Cow::Owned(super::unicode::encode_ascii(v)?)));
    }
    let t = crate::runtime::type_of(v);
    if [types::bytearray(), types::buffer(), types::memoryview()].iter().any(|&b| typeobj::is_subtype(t, b)) {
        return Ok(Some(std::borrow::Cow::Owned(crate::ops::str_bytes(v)?)));
    }
    Ok(None)
}

/// `s*` for argument `pos` (1-based) of `fname`, with CPython's message
/// for other types.
pub fn buffer_arg<'a>(v: Value, fname: &str, pos: usize) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    buffer_bytes(v)?.ok_or_else(|| type_error(format!("{fname}() argument {pos} must be string or buffer, not {}", typeobj::type_name(v))))
}
