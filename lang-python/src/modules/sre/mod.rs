//! `_sre`: the regular expression engine under CPython's unchanged `re`,
//! `sre_parse` and `sre_compile`.
//!
//! sre_parse turns a pattern into a tree, sre_compile turns the tree into a
//! list of integer codes and calls `_sre.compile`, which validates the codes
//! and wraps them in a pattern object. Everything a pattern does then runs
//! here: the matcher (engine.rs) walks the codes over the subject's
//! characters; pattern.rs, match_obj.rs and scanner.rs are the Python
//! objects. Two things call back into `re`: a replacement template with
//! backslashes is compiled by `re._subx`, and `match.expand` is `re._expand`,
//! as in CPython.

pub mod chars;
pub mod engine;
pub mod match_obj;
pub mod pattern;
pub mod scanner;
mod validate;

use crate::objects::module::ModuleObj;
use crate::objects::{args, bytearray, float, instance, int, list, long, str as pystr, unicode};
use crate::ops;
use crate::runtime::errors::{overflow_error, runtime_error, type_error};
use crate::runtime::{types, KwArgs, PyErr, PyResult};
use engine::{Program, Text};
use num_traits::ToPrimitive;
use std::borrow::Cow;
use vmcore::gc::Gc;
use vmcore::Value;

const MAGIC: i64 = 20031017;
const CODESIZE: i64 = 4;
const COPYRIGHT: &str = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ";

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("_sre", &[("compile", compile), ("getcodesize", getcodesize), ("getlower", getlower)]);
    m.dict.set_str("MAGIC", int::new_int(MAGIC));
    m.dict.set_str("CODESIZE", int::new_int(CODESIZE));
    m.dict.set_str("MAXREPEAT", long::new_long(engine::MAXREPEAT.into()));
    m.dict.set_str("copyright", pystr::new_str(COPYRIGHT.as_bytes()));
    m
}

/// A C `int` argument (`i` format).
fn c_int(v: Value) -> PyResult<i64> {
    if float::as_float(v).is_some() {
        return Err(type_error("integer argument expected, got float"));
    }
    let i = match long::as_long(v) {
        Some(b) => b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }),
        None => args::index_i64(v)?.ok_or_else(|| type_error("an integer is required"))?,
    };
    if i > i32::MAX as i64 {
        return Err(overflow_error("signed integer is greater than maximum"));
    }
    if i < i32::MIN as i64 {
        return Err(overflow_error("signed integer is less than minimum"));
    }
    Ok(i)
}

/// A `Py_ssize_t` argument (`n` format).
pub fn ssize(v: Value) -> PyResult<i64> {
    if let Some(b) = long::as_long(v) {
        return b.to_i64().ok_or_else(|| overflow_error("Python int too large to convert to C long"));
    }
    args::ssize_arg(v)
}

/// Arity errors of the unnamed `PyArg_ParseTuple` formats used here.
fn arity(a: &[Value], kw: KwArgs, name: &str, min: usize, max: usize) -> PyResult<()> {
    args::no_kw(name, kw)?;
    let n = a.len();
    let (how, k) = if min == max { ("exactly", min) } else if n < min { ("at least", min) } else { ("at most", max) };
    if n < min || n > max {
        return Err(type_error(format!("function takes {how} {k} argument{} ({n} given)", if k == 1 { "" } else { "s" })));
    }
    Ok(())
}

/// `compile(pattern, flags, code, groups=0, groupindex=None, indexgroup=None)`.
fn compile(a: &[Value], kw: KwArgs) -> PyResult {
    arity(a, kw, "compile", 3, 6)?;
    let flags = c_int(a[1])?;
    let Some(l) = list::as_list(a[2]) else {
        return Err(type_error(format!("argument 3 must be list, not {}", crate::objects::typeobj::type_name(a[2]))));
    };
    let groups = a.get(3).map(|&g| ssize(g)).transpose()?.unwrap_or(0);
    let too_big = || overflow_error("regular expression code size limit exceeded");
    let mut code = Vec::with_capacity(l.v().len());
    for &o in l.v().iter() {
        let w = if let Some(i) = int::as_int(o) {
            u32::try_from(i).map_err(|_| too_big())?
        } else if let Some(b) = long::as_long(o) {
            b.to_u32().ok_or_else(too_big)?
        } else {
            return Err(PyErr::new(types::system_error(), "bad argument to internal function"));
        };
        code.push(w);
    }
    let mark_len = validate::validate(&code, groups).ok_or_else(|| runtime_error("invalid SRE code"))?;
    let prog = Program { code: code.into_boxed_slice(), flags: flags as u32, mark_len };
    let opt = |i: usize| a.get(i).copied().unwrap_or(Value::NONE);
    Ok(pattern::new_pattern(a[0], flags, groups as usize, opt(4), opt(5), prog))
}

fn getcodesize(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("getcodesize", a, kw)?;
    Ok(int::new_int(CODESIZE))
}

/// `getlower(ch, flags)`: the case folding IGNORECASE uses under `flags`.
fn getlower(a: &[Value], kw: KwArgs) -> PyResult {
    arity(a, kw, "getlower", 2, 2)?;
    let (c, flags) = (c_int(a[0])?, c_int(a[1])? as u32);
    // The C code works on the unsigned value; negative ones pass unchanged.
    let u = c as u32;
    let lower = if flags & engine::FLAG_LOCALE == 0 && flags & engine::FLAG_UNICODE != 0 { chars::lower_unicode(u) } else { chars::lower_ascii(u) };
    Ok(int::new_int(lower as i32 as i64))
}

/// The characters of a subject: str and unicode (and their subclasses)
/// are borrowed, a bytearray is copied (a callback could resize it while
/// the matcher runs).
pub fn text_of<'a>(v: Value) -> PyResult<Text<'a>> {
    let b = instance::unwrap_base(v);
    if let Some(s) = pystr::as_bytes(b) {
        return Ok(Text::Narrow(Cow::Borrowed(s)));
    }
    if let Some(u) = unicode::as_unicode(b) {
        return Ok(Text::Wide(u));
    }
    if let Some(ba) = bytearray::as_bytearray(v) {
        return Ok(Text::Narrow(Cow::Owned(ba.b().clone())));
    }
    Err(type_error("expected string or buffer"))
}

/// `pos`/`endpos` clamped to the subject, as CPython's state_init does.
pub fn clamp(i: i64, len: usize) -> usize {
    i.clamp(0, len as i64) as usize
}

/// `string[i:j]` (`PySequence_GetSlice`): str and unicode slices are made
/// directly (the whole of an exact str or unicode is itself), anything else
/// is sliced through its own `__getitem__`.
pub fn slice(string: Value, i: isize, j: isize) -> PyResult {
    let b = instance::unwrap_base(string);
    let exact = b == string && (crate::runtime::type_of(b) == types::str() || crate::runtime::type_of(b) == types::unicode());
    let bounds = |n: usize| {
        let i = i.clamp(0, n as isize) as usize;
        (i, (j.clamp(0, n as isize) as usize).max(i))
    };
    if let Some(s) = pystr::as_bytes(b) {
        let (i, j) = bounds(s.len());
        return Ok(if exact && i == 0 && j == s.len() { string } else { pystr::new_str(&s[i..j]) });
    }
    if let Some(u) = unicode::as_unicode(b) {
        let (i, j) = bounds(u.len());
        return Ok(if exact && i == 0 && j == u.len() { string } else { unicode::new_unicode(u[i..j].to_vec()) });
    }
    let sl = crate::objects::slice::new_slice(int::new_int(i as i64), int::new_int(j as i64), Value::NONE);
    ops::getitem(string, sl)
}

/// Calls `re.<name>(*args)` (importing `re` if needed), as `_sre.c` does
/// for template compilation and expansion.
pub fn call_re(name: &str, a: &[Value]) -> PyResult {
    let re = crate::interp::import::import_name(pystr::intern("re"), crate::objects::dict::new_dict(), Value::NONE, int::new_int(0))?;
    let f = ops::getattr(re, pystr::intern(name))?;
    ops::call(f, a, &[])
}

/// The Python error for a matcher that stopped without an answer.
pub fn stopped(stop: engine::Stop) -> PyErr {
    match stop {
        engine::Stop::Internal => runtime_error("internal error in regular expression engine"),
        engine::Stop::Signal(e) => e,
    }
}
