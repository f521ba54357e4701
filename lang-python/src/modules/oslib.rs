//! Helpers shared by the OS modules (posix, time, signal, select, fcntl,
//! resource ...): C-typed arguments converted the way CPython's
//! `PyArg_ParseTuple` formats convert them (so the error messages match),
//! path arguments, and `OSError(errno, strerror[, filename])`.

use crate::objects::{float, instance, int, long, str as pystr, typeobj, unicode};
use crate::ops;
use crate::runtime::errors::{errno_message, overflow_error, type_error};
use crate::runtime::{types, PyErr, PyResult};
use num_traits::ToPrimitive;
use std::io;
use vmcore::Value;

/// A C `long` argument (format "l"): ints, longs that fit, `__int__`.
pub fn c_long(v: Value) -> PyResult<i64> {
    let v = instance::unwrap_base(v);
    if float::as_float(v).is_some() {
        return Err(type_error("integer argument expected, got float"));
    }
    if let Some(i) = int::as_int(v) {
        return Ok(i);
    }
    if v == Value::TRUE || v == Value::FALSE {
        return Ok((v == Value::TRUE) as i64);
    }
    if let Some(b) = long::as_long(v) {
        return b.to_i64().ok_or_else(|| overflow_error("Python int too large to convert to C long"));
    }
    if let Some(m) = ops::lookup_special(v, "__int__") {
        let r = ops::call(m, &[], &[])?;
        if int::as_int(r).is_some() || long::as_long(r).is_some() {
            return c_long(r);
        }
        return Err(type_error("nb_int should return int object"));
    }
    Err(type_error("an integer is required"))
}

/// A C `int` argument (format "i").
pub fn c_int(v: Value) -> PyResult<i32> {
    let i = c_long(v)?;
    if i > i32::MAX as i64 {
        return Err(overflow_error("signed integer is greater than maximum"));
    }
    if i < i32::MIN as i64 {
        return Err(overflow_error("signed integer is less than minimum"));
    }
    Ok(i as i32)
}

/// A C `double` argument (format "d").
pub fn c_double(v: Value) -> PyResult<f64> {
    crate::modules::math::to_f64(v)
}

/// The bytes of a str argument, or of a unicode one encoded as ASCII
/// (format "s": no NUL bytes); `func` and `pos` name it in errors.
pub fn str_arg(v: Value, func: &str, pos: usize) -> PyResult<Vec<u8>> {
    let b = instance::unwrap_base(v);
    let bytes = if let Some(s) = pystr::as_bytes(b) {
        s.to_vec()
    } else if unicode::as_unicode(b).is_some() {
        unicode::encode_ascii(b)?
    } else {
        let t = if v == Value::NONE { "None".to_string() } else { typeobj::type_name(v) };
        return Err(type_error(format!("{func}() argument {pos} must be string, not {t}")));
    };
    if bytes.contains(&0) {
        return Err(type_error(format!("{func}() argument {pos} must be string without null bytes, not str")));
    }
    Ok(bytes)
}

/// A file-system path argument (format "et" with the file-system
/// encoding): str as is, unicode encoded as UTF-8, no NUL bytes.
pub fn path_arg(v: Value, func: &str, pos: usize) -> PyResult<Vec<u8>> {
    let b = instance::unwrap_base(v);
    let bytes = if let Some(s) = pystr::as_bytes(b) {
        s.to_vec()
    } else if let Some(u) = unicode::as_unicode(b) {
        fs_encode(u)
    } else {
        return Err(type_error(format!("coercing to Unicode: need string or buffer, {} found", typeobj::type_name(v))));
    };
    if bytes.contains(&0) {
        return Err(type_error(format!("{func}() argument {pos} must be encoded string without null bytes, not str")));
    }
    Ok(bytes)
}

/// Unicode file names in the file-system encoding, UTF-8 (lone surrogates
/// encoded as three bytes, as Python 2's codec does; it never fails).
pub fn fs_encode(chars: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(chars.len());
    for &c in chars {
        match char::from_u32(c) {
            Some(ch) => out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes()),
            None => out.extend_from_slice(&[0xe0 | (c >> 12) as u8 & 0x0f, 0x80 | (c >> 6) as u8 & 0x3f, 0x80 | c as u8 & 0x3f]),
        }
    }
    out
}

/// A file name decoded from the file-system encoding; None if it is not UTF-8.
pub fn fs_decode(b: &[u8]) -> Option<Vec<u32>> {
    std::str::from_utf8(b).ok().map(|s| s.chars().map(|c| c as u32).collect())
}

/// A path as the host layer takes it.
pub fn path_of(bytes: &[u8]) -> std::path::PathBuf {
    std::path::PathBuf::from(vmcore::host::os_string(bytes))
}

/// `typ(errno, strerror[, filename])`, the way CPython's
/// `PyErr_SetFromErrnoWithFilename` builds OSError, IOError, select.error ...
/// For EINTR the pending signal handlers run first, and an exception one
/// raises (KeyboardInterrupt, a timeout) is what the call raises instead.
pub fn errno_error(typ: Value, errno: i32, filename: Option<&[u8]>) -> PyErr {
    if errno == libc::EINTR {
        if let Err(e) = crate::modules::signal::run_pending() {
            return e;
        }
    }
    // Rooted: each new str must survive the next one's allocation.
    let mut args = vmcore::gc::RootedVec::new();
    args.push(int::new_int(errno as i64));
    args.push(pystr::new_str(errno_message(errno).as_bytes()));
    if let Some(f) = filename {
        args.push(pystr::new_str(f));
    }
    PyErr::with_args(typ, &args)
}

fn errno_of(e: &io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

/// OSError from a failed host call.
pub fn os_error(e: &io::Error) -> PyErr {
    errno_error(types::os_error(), errno_of(e), None)
}

/// OSError naming the path the call failed on.
pub fn os_error_path(e: &io::Error, path: &[u8]) -> PyErr {
    errno_error(types::os_error(), errno_of(e), Some(path))
}

/// A Python int from an unsigned C value (a long when past i64).
pub fn uint(u: u64) -> Value {
    if u <= i64::MAX as u64 {
        int::new_int(u as i64)
    } else {
        long::new_long(u.into())
    }
}

/// A uid or gid argument (`what` is "user" or "group"); -1 means "leave
/// unchanged" and becomes u32::MAX, as the C calls expect.
pub fn c_id(v: Value, what: &str) -> PyResult<u32> {
    let n = match long::as_long(instance::unwrap_base(v)) {
        Some(b) => b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }),
        None => c_long(v)?,
    };
    if n == -1 {
        return Ok(u32::MAX);
    }
    if n < 0 {
        return Err(overflow_error(format!("{what} id is less than minimum")));
    }
    u32::try_from(n).ok().filter(|&x| x != u32::MAX).ok_or_else(|| overflow_error(format!("{what} id is greater than maximum")))
}

/// A new exception class `module.name` deriving from `base`, as C modules
/// make with `PyErr_NewException` (select.error, signal.ItimerError).
pub fn new_exception(module: &str, name: &str, base: Value) -> Value {
    let d = crate::objects::dict::new_dict();
    d.set_str("__module__", pystr::new_str(module.as_bytes()));
    let bases = crate::objects::tuple::new_tuple(vec![base]);
    let args = vmcore::gc::RootedVec::from_vec(vec![pystr::new_str(name.as_bytes()), bases, d.as_value()]);
    // Invariant: a class statement with an exception base and a plain dict cannot fail.
    ops::call(types::type_(), &args, &[]).expect("exception class")
}
