//! The `print` statement: items separated by spaces, with Python 2's
//! "softspace" rule (a space is written before an item only if the previous
//! write did not end a line), writing to `sys.stdout` or `>>dest`.

use crate::modules::sys;
use crate::objects::file::{as_file, FileObj};
use crate::ops;
use crate::runtime::errors::runtime_error;
use crate::runtime::{type_of, types, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

fn target(dest: Value) -> PyResult<Value> {
    if dest != Value::NONE {
        return Ok(dest);
    }
    sys::get("stdout").ok_or_else(|| runtime_error("lost sys.stdout"))
}

fn write(dest: Value, f: Option<Gc<FileObj>>, bytes: &[u8]) -> PyResult<()> {
    match f {
        Some(file) => file.write(bytes),
        None => {
            let s = crate::objects::str::new_str(bytes);
            ops::call_method(dest, "write", &[s]).map(|_| ())
        }
    }
}

fn softspace(dest: Value, f: Option<Gc<FileObj>>) -> bool {
    match f {
        Some(file) => file.softspace.get(),
        None => ops::getattr_opt(dest, crate::iname!("softspace")).ok().flatten().and_then(|v| ops::truthy(v).ok()).unwrap_or(false),
    }
}

fn set_softspace(dest: Value, f: Option<Gc<FileObj>>, on: bool) {
    match f {
        Some(file) => file.softspace.set(on),
        None => {
            let _ = ops::setattr(dest, crate::iname!("softspace"), Value::from_bool(on));
        }
    }
}

pub fn print_item(dest: Value, v: Value) -> PyResult<()> {
    let dest = target(dest)?;
    let f = as_file(dest);
    if softspace(dest, f) {
        write(dest, f, b" ")?;
    }
    let bytes = if type_of(v) == types::unicode() {
        crate::objects::unicode::encode_for_output(v)?
    } else {
        ops::str_bytes(v)?
    };
    write(dest, f, &bytes)?;
    // Like CPython: no softspace after a string ending in whitespace other than ' '.
    let ends_line = type_of(v) == types::str() && bytes.last().is_some_and(|&c| c.is_ascii_whitespace() && c != b' ');
    set_softspace(dest, f, !ends_line);
    Ok(())
}

pub fn print_newline(dest: Value) -> PyResult<()> {
    let dest = target(dest)?;
    let f = as_file(dest);
    write(dest, f, b"\n")?;
    set_softspace(dest, f, false);
    Ok(())
}

/// Interactive echo of an expression statement's value.
pub fn display(v: Value) -> PyResult<()> {
    if v == Value::NONE {
        return Ok(());
    }
    let dest = target(Value::NONE)?;
    let f = as_file(dest);
    let mut r = ops::repr_bytes(v)?;
    r.push(b'\n');
    write(dest, f, &r)?;
    set_softspace(dest, f, false);
    crate::builtins::module().dict.set_str("_", v);
    Ok(())
}

/// The `print()` function (`from __future__ import print_function`):
/// `print(*objects, sep=' ', end='\n', file=sys.stdout)`.
pub fn print_function(args: &[Value], kw: crate::runtime::KwArgs) -> PyResult {
    let (mut sep, mut end, mut dest) = (Value::NONE, Value::NONE, Value::NONE);
    for &(k, v) in kw {
        match crate::objects::str::as_bytes(k) {
            Some(b"sep") => sep = v,
            Some(b"end") => end = v,
            Some(b"file") => dest = v,
            _ => {
                return Err(crate::runtime::errors::type_error(format!(
                    "'{}' is an invalid keyword argument for this function",
                    String::from_utf8_lossy(crate::objects::str::as_bytes(k).unwrap_or(b"?"))
                )))
            }
        }
    }
    let text = |v: Value, default: &[u8], what: &str| -> PyResult<Vec<u8>> {
        if v == Value::NONE {
            return Ok(default.to_vec());
        }
        match crate::objects::str::as_bytes(v) {
            Some(b) => Ok(b.to_vec()),
            None if type_of(v) == types::unicode() => crate::objects::unicode::encode_for_output(v),
            None => Err(crate::runtime::errors::type_error(format!("{what} must be None, str or unicode, not {}", crate::objects::typeobj::type_name(v)))),
        }
    };
    let sep = text(sep, b" ", "sep")?;
    let end = text(end, b"\n", "end")?;
    let dest = target(dest)?;
    let f = as_file(dest);
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            write(dest, f, &sep)?;
        }
        let bytes = if type_of(a) == types::unicode() { crate::objects::unicode::encode_for_output(a)? } else { ops::str_bytes(a)? };
        write(dest, f, &bytes)?;
    }
    write(dest, f, &end)?;
    set_softspace(dest, f, false);
    Ok(Value::NONE)
}
