//! Printing uncaught exceptions exactly as CPython 2.7 does, and turning
//! parser errors into SyntaxError instances.

use super::frame::{FrameObj, TracebackObj};
use crate::objects::typeobj::{as_type, class_name};
use crate::objects::{classobj, int, str as pystr, tuple};
use crate::ops;
use crate::runtime::{types, PyErr};
use std::cell::RefCell;
use std::collections::HashMap;
use vmcore::gc::Gc;
use vmcore::Value;

thread_local! {
    static LINES: RefCell<HashMap<String, Option<Vec<Vec<u8>>>>> = RefCell::new(HashMap::new());
}

/// Line `n` (1-based) of `filename`, stripped, if the file can be read.
pub fn source_line(filename: &str, n: u32) -> Option<Vec<u8>> {
    LINES.with(|l| {
        let mut l = l.borrow_mut();
        let lines = l.entry(filename.to_string()).or_insert_with(|| {
            vmcore::host::read_file(std::path::Path::new(filename)).ok().map(|b| b.split(|&c| c == b'\n').map(|s| s.to_vec()).collect())
        });
        let line = lines.as_ref()?.get(n.checked_sub(1)? as usize)?;
        let t: Vec<u8> = line.iter().copied().skip_while(|c| c.is_ascii_whitespace()).collect();
        let mut t = t;
        while t.last().is_some_and(|c| c.is_ascii_whitespace()) {
            t.pop();
        }
        Some(t)
    })
}

/// `SyntaxError(msg, (filename, lineno, offset, text))` from a parser error.
pub fn syntax_error_to_exception(e: crate::syntax::SyntaxError) -> PyErr {
    use crate::syntax::ErrorKind;
    let typ = match e.kind {
        ErrorKind::Syntax => types::syntax_error(),
        ErrorKind::Indentation => types::indentation_error(),
        ErrorKind::Tab => types::tab_error(),
        ErrorKind::Value => return PyErr::new(types::value_error(), &e.msg),
        ErrorKind::Type => return PyErr::new(types::type_error(), &e.msg),
        ErrorKind::Memory => return PyErr::new(types::memory_error(), &e.msg),
    };
    let details = tuple::new_tuple(vec![
        pystr::new_str(e.filename.as_bytes()),
        int::new_int(e.lineno as i64),
        e.offset.map(|o| int::new_int(o as i64)).unwrap_or(Value::NONE),
        e.text.as_ref().map(|t| pystr::new_str(t.as_bytes())).unwrap_or(Value::NONE),
    ]);
    let err = PyErr::with_args(typ, &[pystr::new_str(e.msg.as_bytes()), details]);
    if let Some(inst) = crate::objects::instance::as_instance(err.value) {
        let set = |k: &str, v: Value| {
            let _ = inst.set_attr(pystr::intern(k), v);
        };
        set("msg", pystr::new_str(e.msg.as_bytes()));
        set("filename", pystr::new_str(e.filename.as_bytes()));
        set("lineno", int::new_int(e.lineno as i64));
        set("offset", e.offset.map(|o| int::new_int(o as i64)).unwrap_or(Value::NONE));
        set("text", e.text.as_ref().map(|t| pystr::new_str(t.as_bytes())).unwrap_or(Value::NONE));
    }
    err
}

/// The exception's class name as the traceback prints it.
fn exc_type_name(typ: Value) -> String {
    let module = if let Some(t) = as_type(typ) {
        t.dict.get_str("__module__")
    } else {
        classobj::as_class(typ).and_then(|c| c.dict.get_str("__module__"))
    };
    let module = module.and_then(|m| pystr::as_bytes(m).map(|b| String::from_utf8_lossy(b).into_owned()));
    match module {
        Some(m) if m != "exceptions" && m != "__builtin__" => format!("{m}.{}", class_name(typ)),
        _ => class_name(typ),
    }
}

/// Formats an uncaught exception (traceback lines plus the final line).
pub fn format_exception(e: &PyErr) -> Vec<u8> {
    let mut out = Vec::new();
    let mut tb = e.tb;
    if tb != Value::NONE {
        out.extend_from_slice(b"Traceback (most recent call last):\n");
    }
    while let Some(t) = Gc::<TracebackObj>::downcast(tb) {
        if let Some(f) = Gc::<FrameObj>::downcast(t.frame) {
            let file = f.code.filename_str();
            out.extend_from_slice(format!("  File \"{file}\", line {}, in {}\n", t.lineno, f.code.name_str()).as_bytes());
            if let Some(line) = source_line(&file, t.lineno) {
                out.extend_from_slice(b"    ");
                out.extend_from_slice(&line);
                out.push(b'\n');
            }
        }
        tb = t.next;
    }
    let is_syntax = ops::exception_matches(e.typ, types::syntax_error());
    if is_syntax {
        if let Some(inst) = crate::objects::instance::as_instance(e.value) {
            let get = |k: &str| inst.get_attr(pystr::intern(k));
            let file = get("filename").and_then(|v| pystr::as_bytes(v).map(|b| String::from_utf8_lossy(b).into_owned()));
            let line = get("lineno").and_then(int::as_int);
            if let (Some(file), Some(line)) = (file, line) {
                out.extend_from_slice(format!("  File \"{file}\", line {line}\n").as_bytes());
                let text = get("text").and_then(|v| pystr::as_bytes(v).map(|b| String::from_utf8_lossy(b).into_owned()));
                let offset = get("offset").and_then(int::as_int);
                if let Some(text) = text {
                    let se = crate::syntax::SyntaxError {
                        kind: crate::syntax::ErrorKind::Syntax,
                        msg: String::new(),
                        filename: file,
                        lineno: line as usize,
                        offset: offset.map(|o| o as usize),
                        text: Some(text),
                        incomplete: false,
                    };
                    out.extend_from_slice(se.format_caret().as_bytes());
                }
            }
            let msg = get("msg").map(|m| ops::str_bytes(m).unwrap_or_default()).unwrap_or_default();
            out.extend_from_slice(exc_type_name(e.typ).as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(&msg);
            out.push(b'\n');
            return out;
        }
    }
    out.extend_from_slice(exc_type_name(e.typ).as_bytes());
    let msg = match ops::str_bytes(e.value) {
        Ok(m) => m,
        Err(_) => format!("<unprintable {} object>", exc_type_name(e.typ)).into_bytes(),
    };
    if !msg.is_empty() {
        out.extend_from_slice(b": ");
        out.extend_from_slice(&msg);
    }
    out.push(b'\n');
    out
}

/// Reports an exception that cannot be raised to anyone (a failing weakref
/// callback), as CPython's PyErr_WriteUnraisable:
/// `Exception ValueError: ValueError('boom',) in <function cb at 0x...> ignored`.
pub fn write_unraisable(e: &PyErr, obj: Value) {
    let mut text = b"Exception ".to_vec();
    text.extend_from_slice(exc_type_name(e.typ).as_bytes());
    if e.value != Value::NONE {
        text.extend_from_slice(b": ");
        text.extend(ops::repr_bytes(e.value).unwrap_or_else(|_| b"<unprintable>".to_vec()));
    }
    text.extend_from_slice(b" in ");
    text.extend(ops::repr_bytes(obj).unwrap_or_else(|_| b"<unprintable>".to_vec()));
    text.extend_from_slice(b" ignored\n");
    write_stderr(&text);
}

/// Writes to `sys.stderr` (or fd 2 while it is the original file).
pub fn write_stderr(text: &[u8]) {
    match crate::modules::sys::get("stderr") {
        Some(s) if crate::objects::file::as_file(s).is_none() => {
            let _ = ops::call_method(s, "write", &[pystr::new_str(text)]);
        }
        _ => {
            let _ = vmcore::host::write_all(2, text);
        }
    }
}

/// Prints an uncaught exception to stderr.
pub fn print_exception(e: &PyErr) {
    crate::modules::sys::flush_std_streams();
    write_stderr(&format_exception(e));
}
