//! `repr(x)` and `str(x)` for every value, with CPython 2.7's formats.

use crate::objects::numbers::{float_repr, float_str, to_num, Num};
use crate::objects::typeobj::{as_type, class_name, type_name};
use crate::objects::{classobj, dict, function, list, module, str as pystr, tuple};
use crate::runtime::errors::type_error;
use crate::runtime::{type_of, types, PyResult, ELLIPSIS, NOT_IMPLEMENTED};
use std::cell::RefCell;
use vmcore::Value;

thread_local! {
    /// Containers being printed, to print recursive ones as `[...]`.
    static IN_REPR: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// The repr of a Python str: quotes chosen as CPython does, escapes for
/// non-printable bytes.
pub fn str_repr(b: &[u8]) -> Vec<u8> {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = vec![q];
    for &c in b {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c == q => {
                out.push(b'\\');
                out.push(c);
            }
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    out.push(q);
    out
}

/// `repr(v)` as bytes.
pub fn repr_bytes(v: Value) -> PyResult<Vec<u8>> {
    if v.is_int() {
        return Ok(v.as_int().to_string().into_bytes());
    }
    if v == Value::NONE {
        return Ok(b"None".to_vec());
    }
    if v == Value::TRUE {
        return Ok(b"True".to_vec());
    }
    if v == Value::FALSE {
        return Ok(b"False".to_vec());
    }
    if v == NOT_IMPLEMENTED {
        return Ok(b"NotImplemented".to_vec());
    }
    if v == ELLIPSIS {
        return Ok(b"Ellipsis".to_vec());
    }
    let t = type_of(v);
    if let Some(n) = to_num(v) {
        return Ok(match n {
            Num::Int(i) => i.to_string(),
            Num::Long(b) => format!("{b}L"),
            Num::Float(f) => float_repr(f),
        }
        .into_bytes());
    }
    if t == types::str() {
        return Ok(str_repr(pystr::as_bytes(v).expect("str")));
    }
    if t == types::list() || t == types::tuple() || t == types::dict() {
        return container_repr(v);
    }
    if t == types::unicode() {
        return Ok(crate::objects::unicode::unicode_repr(v));
    }
    if let Some(m) = super::lookup_special(v, "__repr__") {
        if !crate::objects::function::as_builtin(m).is_some_and(|b| b.owner == types::object()) {
            let r = super::call(m, &[], &[])?;
            return match pystr::as_bytes(r) {
                Some(b) => Ok(b.to_vec()),
                None if type_of(r) == types::unicode() => crate::objects::unicode::encode_ascii(r),
                None => Err(type_error(format!("__repr__ returned non-string (type {})", type_name(r)))),
            };
        }
    }
    Ok(default_repr(v).into_bytes())
}

/// `<X object at 0x...>` and the other fixed forms.
pub fn default_repr(v: Value) -> String {
    let addr = v.0;
    if let Some(t) = as_type(v) {
        let module = t.dict.get_str("__module__").and_then(|m| pystr::as_bytes(m).map(|b| String::from_utf8_lossy(b).into_owned()));
        let kind = if t.has_flag(crate::objects::typeobj::HEAPTYPE) { "class" } else { "type" };
        return match module {
            Some(m) if m != "__builtin__" => format!("<{kind} '{m}.{}'>", t.name()),
            _ => format!("<{kind} '{}'>", t.name()),
        };
    }
    if let Some(c) = classobj::as_class(v) {
        let m = c.dict.get_str("__module__").and_then(|m| pystr::as_bytes(m).map(|b| String::from_utf8_lossy(b).into_owned())).unwrap_or_else(|| "?".into());
        return format!("<class {m}.{} at {addr:#x}>", class_name(v));
    }
    if let Some(i) = classobj::as_classic_instance(v) {
        let c = i.class.get();
        let m = classobj::as_class(c).and_then(|k| k.dict.get_str("__module__")).and_then(|m| pystr::as_bytes(m).map(|b| String::from_utf8_lossy(b).into_owned())).unwrap_or_else(|| "?".into());
        return format!("<{m}.{} instance at {addr:#x}>", class_name(c));
    }
    if let Some(f) = function::as_function(v) {
        return format!("<function {} at {addr:#x}>", String::from_utf8_lossy(pystr::as_bytes(f.name.get()).unwrap_or(b"?")));
    }
    if let Some(b) = function::as_builtin(v) {
        if b.cls == types::method_descriptor() {
            return format!("<method '{}' of '{}' objects>", b.name, class_name(b.owner));
        }
        if !b.self_.is_empty() {
            return format!("<built-in method {} of {} object at {:#x}>", b.name, type_name(b.self_), b.self_.0);
        }
        return format!("<built-in function {}>", b.name);
    }
    if let Some(m) = function::as_method(v) {
        let fname = function::as_function(m.func).map(|f| String::from_utf8_lossy(pystr::as_bytes(f.name.get()).unwrap_or(b"?")).into_owned()).unwrap_or_else(|| "?".into());
        if m.self_.is_empty() {
            return format!("<unbound method {}.{fname}>", class_name(m.im_class));
        }
        let self_repr = repr_bytes(m.self_).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        return format!("<bound method {}.{fname} of {self_repr}>", class_name(m.im_class));
    }
    if let Some(m) = module::as_module(v) {
        let name = m.dict.get_str("__name__").and_then(|n| pystr::as_bytes(n).map(|b| String::from_utf8_lossy(b).into_owned())).unwrap_or_else(|| "?".into());
        return match m.dict.get_str("__file__").and_then(|n| pystr::as_bytes(n).map(|b| String::from_utf8_lossy(b).into_owned())) {
            Some(f) => format!("<module '{name}' from '{f}'>"),
            None => format!("<module '{name}' (built-in)>"),
        };
    }
    let t = type_of(v);
    let module = as_type(t).and_then(|tt| tt.dict.get_str("__module__")).and_then(|m| pystr::as_bytes(m).map(|b| String::from_utf8_lossy(b).into_owned()));
    match module {
        Some(m) if m != "__builtin__" => format!("<{m}.{} object at {addr:#x}>", class_name(t)),
        _ => format!("<{} object at {addr:#x}>", type_name(v)),
    }
}

fn container_repr(v: Value) -> PyResult<Vec<u8>> {
    let t = type_of(v);
    let _guard = crate::interp::state::enter_recursive(" while getting the repr of an object")?;
    let busy = IN_REPR.with(|r| r.borrow().contains(&v));
    if busy {
        return Ok(if t == types::list() { b"[...]".to_vec() } else if t == types::dict() { b"{...}".to_vec() } else { b"(...)".to_vec() });
    }
    IN_REPR.with(|r| r.borrow_mut().push(v));
    let r = container_repr_inner(v, t);
    IN_REPR.with(|r| r.borrow_mut().pop());
    r
}

fn container_repr_inner(v: Value, t: Value) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    if t == types::dict() {
        let items = dict::as_dict(v).expect("dict").items();
        let flat: Vec<Value> = items.iter().flat_map(|(k, v)| [*k, *v]).collect();
        let flat = vmcore::gc::RootedVec::from_vec(flat);
        out.push(b'{');
        for (i, kv) in flat.chunks(2).enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            out.extend(repr_bytes(kv[0])?);
            out.extend_from_slice(b": ");
            out.extend(repr_bytes(kv[1])?);
        }
        out.push(b'}');
        return Ok(out);
    }
    let (open, close, items) = if t == types::list() {
        (b'[', b']', list::as_list(v).expect("list").v().clone())
    } else {
        (b'(', b')', tuple::as_tuple(v).expect("tuple").to_vec())
    };
    let items = vmcore::gc::RootedVec::from_vec(items);
    out.push(open);
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        out.extend(repr_bytes(x)?);
    }
    if t == types::tuple() && items.len() == 1 {
        out.push(b',');
    }
    out.push(close);
    Ok(out)
}

/// `repr(v)` as a str object.
pub fn repr(v: Value) -> PyResult {
    Ok(pystr::new_str_owned(repr_bytes(v)?))
}

/// `str(v)` as bytes (unicode is encoded as ASCII, raising UnicodeEncodeError).
pub fn str_bytes(v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = pystr::as_bytes(v) {
        return Ok(b.to_vec());
    }
    if let Some(Num::Float(f)) = to_num(v) {
        return Ok(float_str(f).into_bytes());
    }
    if let Some(Num::Long(b)) = to_num(v) {
        return Ok(b.to_string().into_bytes());
    }
    if v.is_int() || !v.is_ptr() || to_num(v).is_some() {
        return repr_bytes(v);
    }
    if type_of(v) == types::unicode() {
        return crate::objects::unicode::encode_ascii(v);
    }
    if let Some(m) = super::lookup_special(v, "__str__") {
        if !crate::objects::function::as_builtin(m).is_some_and(|b| b.owner == types::object()) {
            let r = super::call(m, &[], &[])?;
            return match pystr::as_bytes(r) {
                Some(b) => Ok(b.to_vec()),
                None if type_of(r) == types::unicode() => crate::objects::unicode::encode_ascii(r),
                None => Err(type_error(format!("__str__ returned non-string (type {})", type_name(r)))),
            };
        }
    }
    if crate::objects::exceptions::is_exception_instance(v) {
        return crate::objects::exceptions::exception_str(v);
    }
    repr_bytes(v)
}

/// `str(v)` as a str object.
pub fn to_str(v: Value) -> PyResult {
    if type_of(v) == types::str() {
        return Ok(v);
    }
    Ok(pystr::new_str_owned(str_bytes(v)?))
}
