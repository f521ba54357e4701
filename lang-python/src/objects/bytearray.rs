//! `bytearray`: a mutable sequence of bytes.
//!
//! The core of the type: construction (from a size, a str, a unicode with an
//! encoding, or any iterable of small ints), indexing and slicing, item and
//! slice assignment, `+`, `+=`, `*`, comparisons with str and bytearray,
//! `str()`, `repr()`, and the common list-like, search and join methods.
//! sre_compile builds its character maps with one.

use super::args::{self, arity, noargs, one};
use super::int::new_int;
use super::list_methods::{cmp_methods, new_of_class, seq_index};
use super::slice::{self, as_slice};
use super::{add_method, add_static, instance, str as pystr, typeobj};
use crate::ops::{self, CmpOp};
use crate::runtime::errors::{index_error, type_error, value_error};
use crate::runtime::{types, KwArgs, PyResult, NOT_IMPLEMENTED};
use std::cell::UnsafeCell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct ByteArrayObj {
    pub cls: Value,
    data: UnsafeCell<Vec<u8>>,
}
unsafe impl Trace for ByteArrayObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(ByteArrayObj, "bytearray");

impl ByteArrayObj {
    /// The bytes. Callers never hold this across a call into Python code
    /// (which could mutate the same object).
    #[allow(clippy::mut_from_ref)]
    pub fn b(&self) -> &mut Vec<u8> {
        // SAFETY: single-threaded heap; borrows are short and never overlap
        // a call that could reach this object again.
        unsafe { &mut *self.data.get() }
    }
}

pub fn new_bytearray(b: Vec<u8>) -> Value {
    alloc(ByteArrayObj { cls: types::bytearray(), data: UnsafeCell::new(b) }).as_value()
}

/// The bytearray behind `v` (also for instances of subclasses).
pub fn as_bytearray(v: Value) -> Option<Gc<ByteArrayObj>> {
    Gc::<ByteArrayObj>::downcast(instance::unwrap_base(v))
}

fn this(v: Value) -> PyResult<Gc<ByteArrayObj>> {
    as_bytearray(v).ok_or_else(|| type_error(format!("descriptor requires a 'bytearray' object but received a '{}'", typeobj::type_name(v))))
}

/// One byte from an item: an int in range(256) or a str of length 1.
fn byte_of(v: Value) -> PyResult<u8> {
    if let Some(s) = pystr::as_bytes(v) {
        return match s {
            [b] => Ok(*b),
            _ => Err(value_error("string must be of size 1")),
        };
    }
    let i = if super::float::as_float(v).is_some() { None } else { args::index_i64(v)? };
    let i = i.ok_or_else(|| type_error("an integer or string of size 1 is required"))?;
    u8::try_from(i).map_err(|_| value_error("byte must be in range(0, 256)"))
}

/// The bytes of a str or bytearray operand, if it is one.
fn buffer_of(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = pystr::as_bytes(instance::unwrap_base(v)) {
        return Some(b.to_vec());
    }
    as_bytearray(v).map(|b| b.b().clone())
}

/// A str or bytearray operand, or "Type X doesn't support the buffer API".
fn buffer_arg(v: Value) -> PyResult<Vec<u8>> {
    buffer_of(v).ok_or_else(|| type_error(format!("Type {} doesn't support the buffer API", typeobj::type_name(v))))
}

/// The contents `bytearray(x)` makes from `x`.
fn bytes_from(src: Value, encoding: Option<Value>) -> PyResult<Vec<u8>> {
    if let Some(enc) = encoding {
        if super::unicode::as_unicode(src).is_some() {
            let s = ops::call_method(src, "encode", &[enc])?;
            return Ok(pystr::as_bytes(s).unwrap_or(b"").to_vec());
        }
        if pystr::as_bytes(instance::unwrap_base(src)).is_none() {
            return Err(type_error("encoding or errors without a string argument"));
        }
    }
    if super::unicode::as_unicode(src).is_some() {
        return Err(type_error("unicode argument without an encoding"));
    }
    if let Some(b) = buffer_of(src) {
        return Ok(b);
    }
    if super::int::as_int(src).is_some() || super::long::as_long(src).is_some() {
        let n = args::ssize_arg(src)?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let it = ops::iter(src)?;
    let mut out = Vec::new();
    while let Some(x) = ops::next(it)? {
        out.push(byte_of(x)?);
    }
    Ok(out)
}

fn ba_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("bytearray", &a[1..], kw, &["source", "encoding", "errors"], 0)?;
    let data = match p[0] {
        None => Vec::new(),
        Some(src) => bytes_from(src, p[1])?,
    };
    new_of_class(a[0], types::bytearray(), || new_bytearray(data))
}

fn ba_len(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this(a[0])?.b().len() as i64))
}

fn ba_getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, i) = (this(a[0])?, one("__getitem__", &a[1..], kw)?);
    if let Some(sl) = as_slice(i) {
        let r = slice::resolve(sl, s.b().len())?;
        return Ok(new_bytearray((0..r.len).map(|k| s.b()[r.at(k)]).collect()));
    }
    match seq_index(i, s.b().len(), "bytearray")? {
        Some(j) => Ok(new_int(s.b()[j] as i64)),
        None => Err(index_error("bytearray index out of range")),
    }
}

fn ba_setitem(a: &[Value], kw: KwArgs) -> PyResult {
    arity("__setitem__", &a[1..], kw, 2, 2)?;
    let (s, i, v) = (this(a[0])?, a[1], a[2]);
    if let Some(sl) = as_slice(i) {
        let new = match buffer_of(v) {
            Some(b) => b,
            None if super::int::as_int(v).is_some() => return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")),
            None => bytes_from(v, None)?,
        };
        let r = slice::resolve(sl, s.b().len())?;
        if r.step == 1 {
            let (lo, hi) = (r.start as usize, (r.start as usize + r.len));
            s.b().splice(lo..hi, new);
            return Ok(Value::NONE);
        }
        if new.len() != r.len {
            return Err(value_error(format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), r.len)));
        }
        for (k, byte) in new.into_iter().enumerate() {
            s.b()[r.at(k)] = byte;
        }
        return Ok(Value::NONE);
    }
    let byte = byte_of(v)?;
    match seq_index(i, s.b().len(), "bytearray")? {
        Some(j) => {
            s.b()[j] = byte;
            Ok(Value::NONE)
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

fn ba_delitem(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, i) = (this(a[0])?, one("__delitem__", &a[1..], kw)?);
    if let Some(sl) = as_slice(i) {
        let r = slice::resolve(sl, s.b().len())?;
        let gone: Vec<usize> = (0..r.len).map(|k| r.at(k)).collect();
        let mut k = 0;
        s.b().retain(|_| {
            let keep = !gone.contains(&k);
            k += 1;
            keep
        });
        return Ok(Value::NONE);
    }
    match seq_index(i, s.b().len(), "bytearray")? {
        Some(j) => {
            s.b().remove(j);
            Ok(Value::NONE)
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

/// The other operand of `+`/`+=`; CPython names the two types in opposite
/// orders in the two errors.
fn concat_operand(v: Value, inplace: bool) -> PyResult<Vec<u8>> {
    buffer_of(v).ok_or_else(|| {
        let other = typeobj::type_name(v);
        type_error(if inplace { format!("can't concat {other} to bytearray") } else { format!("can't concat bytearray to {other}") })
    })
}

fn ba_add(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, o) = (this(a[0])?, one("__add__", &a[1..], kw)?);
    let mut out = s.b().clone();
    out.extend(concat_operand(o, false)?);
    Ok(new_bytearray(out))
}

fn ba_iadd(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, o) = (this(a[0])?, one("__iadd__", &a[1..], kw)?);
    let more = concat_operand(o, true)?;
    s.b().extend(more);
    Ok(a[0])
}

fn ba_mul(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, n) = (this(a[0])?, one("__mul__", &a[1..], kw)?);
    let Some(n) = (if super::float::as_float(n).is_some() { None } else { args::index_i64(n)? }) else {
        return Ok(NOT_IMPLEMENTED);
    };
    Ok(new_bytearray(s.b().repeat(n.max(0) as usize)))
}

fn ba_contains(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, x) = (this(a[0])?, one("__contains__", &a[1..], kw)?);
    if let Some(i) = if super::float::as_float(x).is_some() { None } else { args::index_i64(x)? } {
        let byte = u8::try_from(i).map_err(|_| value_error("byte must be in range(0, 256)"))?;
        return Ok(Value::from_bool(s.b().contains(&byte)));
    }
    let sub = buffer_arg(x)?;
    Ok(Value::from_bool(super::str_methods::find_slice(s.b(), &sub).is_some()))
}

fn ba_compare(op: CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    let (s, o) = (this(a[0])?, one("__cmp__", &a[1..], kw)?);
    let Some(other) = buffer_of(o) else { return Ok(NOT_IMPLEMENTED) };
    let ord = s.b().as_slice().cmp(other.as_slice());
    Ok(Value::from_bool(match op {
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Eq => ord.is_eq(),
        CmpOp::Ne => ord.is_ne(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    }))
}

fn ba_str(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__str__", &a[1..], kw)?;
    Ok(pystr::new_str(this(a[0])?.b()))
}

fn ba_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let s = this(a[0])?;
    let mut out = b"bytearray(b".to_vec();
    out.extend(ops::repr_bytes(pystr::new_str(s.b()))?);
    out.push(b')');
    Ok(pystr::new_str_owned(out))
}

fn ba_append(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, x) = (this(a[0])?, one("append", &a[1..], kw)?);
    let byte = byte_of(x)?;
    s.b().push(byte);
    Ok(Value::NONE)
}

fn ba_extend(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, x) = (this(a[0])?, one("extend", &a[1..], kw)?);
    let more = bytes_from(x, None)?;
    s.b().extend(more);
    Ok(Value::NONE)
}

fn ba_pop(a: &[Value], kw: KwArgs) -> PyResult {
    arity("pop", &a[1..], kw, 0, 1)?;
    let s = this(a[0])?;
    if s.b().is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    let i = match a.get(1) {
        Some(&v) => seq_index(v, s.b().len(), "bytearray")?.ok_or_else(|| index_error("pop index out of range"))?,
        None => s.b().len() - 1,
    };
    Ok(new_int(s.b().remove(i) as i64))
}

/// `find(sub[, start[, end]])`.
fn ba_find(a: &[Value], kw: KwArgs) -> PyResult {
    arity("find", &a[1..], kw, 1, 3)?;
    let s = this(a[0])?;
    let needle = buffer_arg(a[1])?;
    let n = s.b().len() as i64;
    let bound = |v: Option<&Value>, dflt: i64| -> PyResult<i64> {
        let i = match v {
            Some(&v) if v != Value::NONE => args::ssize_arg(v)?,
            _ => return Ok(dflt),
        };
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
    };
    let (lo, hi) = (bound(a.get(2), 0)?, bound(a.get(3), n)?);
    if hi - lo < needle.len() as i64 {
        return Ok(new_int(-1));
    }
    let hay = &s.b()[lo as usize..hi as usize];
    Ok(new_int(super::str_methods::find_slice(hay, &needle).map_or(-1, |i| i as i64 + lo)))
}

/// `sep.join(iterable)`: the items must be str or bytearray.
fn ba_join(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, items) = (this(a[0])?, one("join", &a[1..], kw)?);
    let it = ops::iter(items).map_err(|_| type_error("can only join an iterable"))?;
    let sep = s.b().clone();
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(x) = ops::next(it)? {
        let part = buffer_of(x).ok_or_else(|| type_error(format!("can only join an iterable of bytes (item {k} has type '{}')", typeobj::type_name(x))))?;
        if k > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(part);
        k += 1;
    }
    Ok(new_bytearray(out))
}

fn ba_decode(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0])?;
    let m = ops::getattr(pystr::new_str(s.b()), pystr::intern("decode"))?;
    ops::call(m, &a[1..], kw)
}

pub fn install() {
    let t = types::bytearray();
    add_static(t, "__new__", ba_new);
    for (n, f) in [
        ("__len__", ba_len as crate::runtime::NativeFn),
        ("__getitem__", ba_getitem),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__add__", ba_add),
        ("__iadd__", ba_iadd),
        ("__mul__", ba_mul),
        ("__rmul__", ba_mul),
        ("__contains__", ba_contains),
        ("__str__", ba_str),
        ("__repr__", ba_repr),
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("find", ba_find),
        ("join", ba_join),
        ("decode", ba_decode),
    ] {
        add_method(t, n, f);
    }
    cmp_methods!(t, ba_compare);
    args::set_attr(t, "__hash__", Value::NONE);
}
