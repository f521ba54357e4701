//! The exception hierarchy of Python 2.7 and the behaviour of
//! `BaseException` (args, message, str).
//!
//! Exception instances are ordinary instances whose `base` slot holds the
//! `args` tuple, so user subclasses need no special layout.

use super::instance::{as_instance, new_instance};
use super::typeobj::{as_type, is_subtype};
use super::{str as pystr, tuple};
use crate::runtime::types::{self, Ty};
use crate::runtime::{KwArgs, PyResult};
use vmcore::Value;

/// (exception, parent) in the order they are created.
pub const HIERARCHY: &[(Ty, Ty)] = &[
    (Ty::system_exit, Ty::base_exception),
    (Ty::keyboard_interrupt, Ty::base_exception),
    (Ty::generator_exit, Ty::base_exception),
    (Ty::exception, Ty::base_exception),
    (Ty::stop_iteration, Ty::exception),
    (Ty::standard_error, Ty::exception),
    (Ty::buffer_error, Ty::standard_error),
    (Ty::arithmetic_error, Ty::standard_error),
    (Ty::floating_point_error, Ty::arithmetic_error),
    (Ty::overflow_error, Ty::arithmetic_error),
    (Ty::zero_division_error, Ty::arithmetic_error),
    (Ty::assertion_error, Ty::standard_error),
    (Ty::attribute_error, Ty::standard_error),
    (Ty::environment_error, Ty::standard_error),
    (Ty::io_error, Ty::environment_error),
    (Ty::os_error, Ty::environment_error),
    (Ty::eof_error, Ty::standard_error),
    (Ty::import_error, Ty::standard_error),
    (Ty::lookup_error, Ty::standard_error),
    (Ty::index_error, Ty::lookup_error),
    (Ty::key_error, Ty::lookup_error),
    (Ty::memory_error, Ty::standard_error),
    (Ty::name_error, Ty::standard_error),
    (Ty::unbound_local_error, Ty::name_error),
    (Ty::reference_error, Ty::standard_error),
    (Ty::runtime_error, Ty::standard_error),
    (Ty::not_implemented_error, Ty::runtime_error),
    (Ty::syntax_error, Ty::standard_error),
    (Ty::indentation_error, Ty::syntax_error),
    (Ty::tab_error, Ty::indentation_error),
    (Ty::system_error, Ty::standard_error),
    (Ty::type_error, Ty::standard_error),
    (Ty::value_error, Ty::standard_error),
    (Ty::unicode_error, Ty::value_error),
    (Ty::unicode_decode_error, Ty::unicode_error),
    (Ty::unicode_encode_error, Ty::unicode_error),
    (Ty::unicode_translate_error, Ty::unicode_error),
    (Ty::warning, Ty::exception),
    (Ty::user_warning, Ty::warning),
    (Ty::deprecation_warning, Ty::warning),
    (Ty::pending_deprecation_warning, Ty::warning),
    (Ty::syntax_warning, Ty::warning),
    (Ty::runtime_warning, Ty::warning),
    (Ty::future_warning, Ty::warning),
    (Ty::import_warning, Ty::warning),
    (Ty::unicode_warning, Ty::warning),
    (Ty::bytes_warning, Ty::warning),
];

pub fn is_exception_instance(v: Value) -> bool {
    as_instance(v).is_some() && is_subtype(crate::runtime::type_of(v), types::base_exception())
}

fn args_of(v: Value) -> Value {
    as_instance(v).map(|i| i.base.get()).filter(|b| !b.is_empty()).unwrap_or_else(|| tuple::new_tuple(vec![]))
}

/// `BaseException.__new__(cls, *args)`.
pub fn exc_new(args: &[Value], _kw: KwArgs) -> PyResult {
    let cls = as_type(args[0]).ok_or_else(|| crate::runtime::errors::type_error("BaseException.__new__(X): X is not a type object"))?;
    let inst = new_instance(cls);
    inst.base.set(tuple::new_tuple_from(&args[1..]));
    Ok(inst.as_value())
}

/// `BaseException.__init__(self, *args)`.
pub fn exc_init(args: &[Value], _kw: KwArgs) -> PyResult {
    if let Some(i) = as_instance(args[0]) {
        i.base.set(tuple::new_tuple_from(&args[1..]));
    }
    Ok(Value::NONE)
}

/// `args` and `message`.
pub fn exception_attr(v: Value, name: &[u8]) -> PyResult<Option<Value>> {
    Ok(match name {
        b"args" => Some(args_of(v)),
        b"message" => {
            let a = args_of(v);
            let items = tuple::as_tuple(a).unwrap_or(&[]);
            Some(if items.len() == 1 { items[0] } else { pystr::new_str(b"") })
        }
        _ => None,
    })
}

/// `str(exc)`: empty, the single argument, or the args tuple; KeyError uses repr.
pub fn exception_str(v: Value) -> PyResult<Vec<u8>> {
    let a = args_of(v);
    let items = tuple::as_tuple(a).unwrap_or(&[]).to_vec();
    match items.len() {
        0 => Ok(Vec::new()),
        1 if is_subtype(crate::runtime::type_of(v), types::key_error()) => crate::ops::repr_bytes(items[0]),
        1 => crate::ops::str_bytes(items[0]),
        _ => crate::ops::repr_bytes(a),
    }
}

/// `repr(exc)`: the class name followed by the repr of `args`.
pub fn exc_repr(args: &[Value], _kw: KwArgs) -> PyResult {
    let v = args[0];
    let name = crate::objects::typeobj::class_name(crate::runtime::type_of(v));
    let a = args_of(v);
    let mut out = name.into_bytes();
    out.extend(crate::ops::repr_bytes(a)?);
    Ok(pystr::new_str_owned(out))
}

/// `str(exc)`.
pub fn exc_str(args: &[Value], _kw: KwArgs) -> PyResult {
    Ok(pystr::new_str_owned(exception_str(args[0])?))
}

fn set(v: Value, name: &str, x: Value) -> PyResult<()> {
    match as_instance(v) {
        Some(i) => i.set_attr(pystr::intern(name), x),
        None => Ok(()),
    }
}

/// `SystemExit.__init__`: `code` is the single argument, None, or the args tuple.
pub fn system_exit_init(args: &[Value], kw: KwArgs) -> PyResult {
    exc_init(args, kw)?;
    let rest = &args[1..];
    let code = match rest.len() {
        0 => Value::NONE,
        1 => rest[0],
        _ => tuple::new_tuple_from(rest),
    };
    set(args[0], "code", code)?;
    Ok(Value::NONE)
}

/// `EnvironmentError.__init__`: with 2 or 3 arguments, `errno`, `strerror`
/// (and `filename`, which is then dropped from `args`), as CPython 2.7 does.
pub fn env_error_init(args: &[Value], kw: KwArgs) -> PyResult {
    exc_init(args, kw)?;
    let v = args[0];
    let rest = &args[1..];
    let (errno, strerror, filename) = match rest.len() {
        2 => (rest[0], rest[1], Value::NONE),
        3 => (rest[0], rest[1], rest[2]),
        _ => (Value::NONE, Value::NONE, Value::NONE),
    };
    set(v, "errno", errno)?;
    set(v, "strerror", strerror)?;
    set(v, "filename", filename)?;
    if rest.len() == 3 {
        if let Some(i) = as_instance(v) {
            i.base.set(tuple::new_tuple_from(&rest[..2]));
        }
    }
    Ok(Value::NONE)
}

/// `str(EnvironmentError)`: "[Errno N] message: 'filename'".
pub fn env_error_str(args: &[Value], kw: KwArgs) -> PyResult {
    let v = args[0];
    let get = |n: &str| as_instance(v).and_then(|i| i.get_attr(pystr::intern(n))).unwrap_or(Value::NONE);
    let (errno, strerror, filename) = (get("errno"), get("strerror"), get("filename"));
    if filename != Value::NONE {
        let mut out = format!("[Errno {}] ", String::from_utf8_lossy(&crate::ops::str_bytes(errno)?)).into_bytes();
        out.extend(crate::ops::str_bytes(strerror)?);
        out.extend_from_slice(b": ");
        out.extend(crate::ops::repr_bytes(filename)?);
        return Ok(pystr::new_str_owned(out));
    }
    if errno != Value::NONE && strerror != Value::NONE {
        let mut out = format!("[Errno {}] ", String::from_utf8_lossy(&crate::ops::str_bytes(errno)?)).into_bytes();
        out.extend(crate::ops::str_bytes(strerror)?);
        return Ok(pystr::new_str_owned(out));
    }
    exc_str(args, kw)
}

/// A new exception class `module.name` deriving from `bases`, made as
/// CPython's `PyErr_NewException` makes it: by calling `type(name, bases,
/// {'__module__': module})`, so it is a class like one written in Python.
pub fn new_exception_class(module: &str, name: &str, bases: &[Value]) -> Value {
    let d = super::dict::new_dict();
    d.set_str("__module__", pystr::new_str(module.as_bytes()));
    let args = [pystr::new_str(name.as_bytes()), tuple::new_tuple_from(bases), d.as_value()];
    // Invariant: exception bases are valid, so type() cannot fail.
    crate::ops::call(types::type_(), &args, &[]).expect("exception class")
}

/// The `UnicodeEncodeError`/`UnicodeDecodeError`/`UnicodeTranslateError`
/// arguments `(encoding, object, start, end, reason)` (no encoding for
/// translate), checked as CPython's `__init__` checks them and kept as
/// attributes.
fn unicode_error_init(args: &[Value], kw: KwArgs, object_type: Value, with_encoding: bool) -> PyResult {
    let rest = &args[1..];
    let n = if with_encoding { 5 } else { 4 };
    if rest.len() != n {
        return Err(crate::runtime::errors::type_error(format!("function takes exactly {n} arguments ({} given)", rest.len())));
    }
    let want = |i: usize, t: Value| -> PyResult<()> {
        if is_subtype(crate::runtime::type_of(rest[i]), t) {
            Ok(())
        } else {
            Err(crate::runtime::errors::type_error(format!("argument {} must be {}, not {}", i + 1, crate::objects::typeobj::class_name(t), crate::objects::typeobj::type_name(rest[i]))))
        }
    };
    let o = if with_encoding { 1 } else { 0 };
    if with_encoding {
        want(0, types::str())?;
    }
    want(o, object_type)?;
    let start = super::args::ssize_arg(rest[o + 1])?;
    let end = super::args::ssize_arg(rest[o + 2])?;
    want(o + 3, types::str())?;
    exc_init(args, kw)?;
    let v = args[0];
    if with_encoding {
        set(v, "encoding", rest[0])?;
    }
    set(v, "object", rest[o])?;
    set(v, "start", super::int::new_int(start))?;
    set(v, "end", super::int::new_int(end))?;
    set(v, "reason", rest[o + 3])
        .map(|_| Value::NONE)
}

pub fn unicode_encode_error_init(args: &[Value], kw: KwArgs) -> PyResult {
    unicode_error_init(args, kw, types::unicode(), true)
}

pub fn unicode_decode_error_init(args: &[Value], kw: KwArgs) -> PyResult {
    unicode_error_init(args, kw, types::str(), true)
}

pub fn unicode_translate_error_init(args: &[Value], kw: KwArgs) -> PyResult {
    unicode_error_init(args, kw, types::unicode(), false)
}

/// `str()` of the three unicode errors: one character (or byte) named when
/// the error covers exactly one, else the range.
pub fn unicode_error_str(args: &[Value], kw: KwArgs) -> PyResult {
    let v = args[0];
    let get = |n: &str| as_instance(v).and_then(|i| i.get_attr(pystr::intern(n)));
    let (Some(object), Some(start), Some(end), Some(reason)) = (get("object"), get("start"), get("end"), get("reason")) else {
        return exc_str(args, kw);
    };
    let t = crate::runtime::type_of(v);
    let (start, end) = (super::int::as_int(start).unwrap_or(0), super::int::as_int(end).unwrap_or(0));
    let reason = String::from_utf8_lossy(&crate::ops::str_bytes(reason)?).into_owned();
    let codec = match get("encoding") {
        Some(e) => format!("'{}' codec can't ", String::from_utf8_lossy(&crate::ops::str_bytes(e)?)),
        None => "can't ".to_string(),
    };
    let len = crate::ops::len(object)? as i64;
    let one = start >= 0 && start < len && end == start + 1;
    let text = if is_subtype(t, types::unicode_decode_error()) {
        let b = pystr::as_bytes(object).unwrap_or(b"");
        if one {
            format!("{codec}decode byte 0x{:02x} in position {start}: {reason}", b[start as usize])
        } else {
            format!("{codec}decode bytes in position {start}-{}: {reason}", end - 1)
        }
    } else {
        let verb = if is_subtype(t, types::unicode_encode_error()) { "encode" } else { "translate" };
        let u = super::unicode::as_unicode(object).unwrap_or(&[]);
        if one {
            let c = u[start as usize];
            let esc = if c < 0x100 { format!("\\x{c:02x}") } else if c < 0x10000 { format!("\\u{c:04x}") } else { format!("\\U{c:08x}") };
            format!("{codec}{verb} character u'{esc}' in position {start}: {reason}")
        } else {
            format!("{codec}{verb} characters in position {start}-{}: {reason}", end - 1)
        }
    };
    Ok(pystr::new_str_owned(text.into_bytes()))
}
