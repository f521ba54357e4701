//! `_struct`: packing Python values into C structs held in strings (the
//! engine of `struct.py`, which re-exports everything here).
//!
//! A format is parsed once into a `Layout` (a list of items with their
//! offsets) and cached by format string, as CPython does. The first
//! character picks byte order, sizes and alignment: `@` (default) native
//! sizes with C alignment, `=` and `<` little-endian standard sizes, `>` and
//! `!` big-endian standard sizes.
//!
//! Error messages follow CPython 2.7 on a 64-bit little-endian host, where
//! `=`/`<` reuse the native pack routines for codes of equal size (all but
//! `l`/`L`), so they share the native routines' wording.

use crate::modules::{module_with, new_native_type};
use crate::objects::exceptions::new_exception_class;
use crate::objects::float::new_float;
use crate::objects::instance::unwrap_base;
use crate::objects::list_methods::new_of_class;
use crate::objects::str::{as_bytes, new_str, new_str_owned};
use crate::objects::typeobj::type_name;
use crate::objects::unicode::as_unicode;
use crate::objects::{add_method, add_static, args, int, long, tuple};
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error};
use crate::runtime::{types, KwArgs, NativeFn, PyErr, PyResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use crate::objects::module::ModuleObj;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

crate::native_type!(error_type, || new_exception_class("struct", "error", &[types::exception()]));
crate::native_type!(struct_type, make_struct_type);

fn error(msg: impl AsRef<str>) -> PyErr {
    PyErr::new(error_type(), msg.as_ref())
}

#[derive(Copy, Clone, PartialEq)]
enum Mode {
    /// `@`: native sizes and alignment.
    Native,
    /// `=` and `<` (the host is little-endian).
    Little,
    /// `>` and `!`.
    Big,
}

/// One format code with its repeat count, placed at `offset`.
struct Item {
    code: u8,
    count: usize,
    offset: usize,
}

/// A parsed format.
struct Layout {
    mode: Mode,
    items: Vec<Item>,
    /// Bytes packed.
    size: usize,
    /// Python values packed or unpacked.
    nvalues: usize,
}

/// (size, alignment) of a code, or None for a bad code.
fn code_size(code: u8, mode: Mode) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native { 8 } else { 4 }
        }
        b'q' | b'Q' | b'd' => 8,
        b'P' if native => 8,
        _ => return None,
    };
    let align = if native && !matches!(code, b'x' | b'c' | b'b' | b'B' | b's' | b'p') { size } else { 1 };
    Some((size, align))
}

fn parse(fmt: &[u8]) -> PyResult<Layout> {
    let too_long = || error("total struct size too long");
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'=' | b'<') => (Mode::Little, &fmt[1..]),
        Some(b'>' | b'!') => (Mode::Big, &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let mut items = Vec::new();
    let (mut size, mut nvalues) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = (c - b'0') as usize;
            while i < body.len() && body[i].is_ascii_digit() {
                count = count.checked_mul(10).and_then(|n| n.checked_add((body[i] - b'0') as usize)).filter(|&n| n <= isize::MAX as usize).ok_or_else(too_long)?;
                i += 1;
            }
            // CPython ignores a count at the very end of the format.
            let Some(&next) = body.get(i) else { break };
            c = next;
            i += 1;
        }
        let (item_size, align) = code_size(c, mode).ok_or_else(|| error("bad char in struct format"))?;
        size = size.checked_add((align - size % align) % align).ok_or_else(too_long)?;
        let offset = size;
        size = count.checked_mul(item_size).and_then(|n| size.checked_add(n)).filter(|&n| n <= isize::MAX as usize).ok_or_else(too_long)?;
        nvalues += match c {
            b's' | b'p' => 1,
            b'x' => 0,
            _ => count,
        };
        items.push(Item { code: c, count, offset });
    }
    Ok(Layout { mode, items, size, nvalues })
}

thread_local! {
    /// Parsed formats by format string (CPython keeps up to 100).
    static CACHE: RefCell<HashMap<Vec<u8>, Rc<Layout>>> = RefCell::new(HashMap::new());
}

fn layout_of(fmt: &[u8]) -> PyResult<Rc<Layout>> {
    if let Some(l) = CACHE.with(|c| c.borrow().get(fmt).cloned()) {
        return Ok(l);
    }
    let l = Rc::new(parse(fmt)?);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 100 {
            c.clear();
        }
        c.insert(fmt.to_vec(), l.clone());
    });
    Ok(l)
}

/// A format argument: str, or unicode as ASCII (`Struct(format)`'s rule).
fn format_bytes(v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    if as_unicode(v).is_some() {
        return crate::objects::unicode::encode_ascii(v);
    }
    Err(type_error(format!("Struct() argument 1 must be string, not {}", type_name(v))))
}

// ---------------------------------------------------------------------------
// Packing.

/// `get_pylong`: ints and longs; else `__index__`, then `__int__` (which
/// 2.7 still accepts, with a DeprecationWarning that is off by default).
fn to_integer(v: Value) -> PyResult<BigInt> {
    let exact = |r: Value| int::as_int(r).map(BigInt::from).or_else(|| long::as_long(r).cloned());
    if let Some(n) = exact(v) {
        return Ok(n);
    }
    if let Some(m) = ops::lookup_special(v, "__index__") {
        match ops::call(m, &[], &[]) {
            Ok(r) => return exact(r).ok_or_else(|| type_error(format!("__index__ returned non-(int,long) (type {})", type_name(r)))),
            Err(e) if e.matches(types::type_error()) => {}
            Err(e) => return Err(e),
        }
    }
    if let Some(m) = ops::lookup_special(v, "__int__") {
        let r = ops::call(m, &[], &[])?;
        return exact(r).ok_or_else(|| type_error("__int__ method returned non-integer"));
    }
    Err(error("cannot convert argument to integer"))
}

/// The range message of a code in a mode (see the module comment).
fn range_message(code: u8, mode: Mode, size: usize) -> String {
    match (code, mode) {
        (b'b', _) => "byte format requires -128 <= number <= 127".into(),
        (b'B', _) => "ubyte format requires 0 <= number <= 255".into(),
        (b'h', Mode::Native | Mode::Little) => "short format requires SHRT_MIN <= number <= SHRT_MAX".into(),
        (b'H', Mode::Native | Mode::Little) => "ushort format requires 0 <= number <= USHRT_MAX".into(),
        _ if code.is_ascii_lowercase() => {
            let max = (1i64 << (size * 8 - 1)) - 1;
            format!("'{}' format requires {} <= number <= {max}", code as char, -max - 1)
        }
        _ => format!("'{}' format requires 0 <= number <= {}", code as char, (1u64 << (size * 8)) - 1),
    }
}

/// An integer packed as `size` bytes (little-endian here, reversed for big).
fn pack_integer(code: u8, mode: Mode, size: usize, v: Value) -> PyResult<u64> {
    let n = to_integer(v)?;
    let out_of_range = || error(format!("integer out of range for '{}' format code", code as char));
    // B, and H in the native routines, are read as signed C longs.
    let signed = code.is_ascii_lowercase() || code == b'B' || (code == b'H' && mode != Mode::Big);
    let bits = if signed {
        let x = n.to_i64().ok_or_else(out_of_range)?;
        if size < 8 {
            let (lo, hi) = if code.is_ascii_lowercase() { (-(1i64 << (size * 8 - 1)), (1i64 << (size * 8 - 1)) - 1) } else { (0, (1i64 << (size * 8)) - 1) };
            if x < lo || x > hi {
                return Err(error(range_message(code, mode, size)));
            }
        }
        x as u64
    } else {
        let x = n.to_u64().ok_or_else(out_of_range)?;
        if size < 8 && x >> (size * 8) != 0 {
            return Err(error(range_message(code, mode, size)));
        }
        x
    };
    Ok(bits)
}

/// `P`: a C pointer from any integer, with PyLong_AsVoidPtr's errors.
fn pack_pointer(v: Value) -> PyResult<u64> {
    let n = to_integer(v)?;
    if n.is_negative() {
        n.to_i64().map(|x| x as u64).ok_or_else(|| overflow_error("Python int too large to convert to C long"))
    } else {
        n.to_u64().ok_or_else(|| overflow_error("long int too large to convert"))
    }
}

fn put(out: &mut [u8], bits: u64, big: bool) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if big { n - 1 - k } else { k };
        *b = (bits >> (8 * shift)) as u8;
    }
}

fn float_arg(v: Value) -> PyResult<f64> {
    crate::modules::math::to_f64(v).map_err(|_| error("required argument is not a float"))
}

/// Packs `values` (exactly `layout.nvalues` of them) into `out`.
fn pack_values(layout: &Layout, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let big = layout.mode == Mode::Big;
    let mut vals = values.iter().copied();
    for item in &layout.items {
        let code = item.code;
        let (size, _) = code_size(code, layout.mode).expect("parsed");
        match code {
            b'x' => continue,
            b's' | b'p' => {
                let v = vals.next().expect("counted");
                let b = as_bytes(v).ok_or_else(|| error(format!("argument for '{}' must be a string", code as char)))?;
                let field = &mut out[item.offset..item.offset + item.count];
                if code == b's' {
                    let n = b.len().min(item.count);
                    field[..n].copy_from_slice(&b[..n]);
                } else if item.count > 0 {
                    // Pascal string: a length byte (at most 255), then the data.
                    let n = b.len().min(item.count - 1);
                    field[1..1 + n].copy_from_slice(&b[..n]);
                    field[0] = n.min(255) as u8;
                }
                continue;
            }
            _ => {}
        }
        for k in 0..item.count {
            let v = vals.next().expect("counted");
            let at = &mut out[item.offset + k * size..item.offset + (k + 1) * size];
            match code {
                b'c' => match as_bytes(v) {
                    Some(&[c]) => at[0] = c,
                    _ => return Err(error("char format require string of length 1")),
                },
                b'?' => at[0] = ops::truthy(v)? as u8,
                b'f' => {
                    let x = float_arg(v)?;
                    let y = x as f32;
                    if y.is_infinite() && !x.is_infinite() && layout.mode != Mode::Native {
                        return Err(overflow_error("float too large to pack with f format"));
                    }
                    put(at, y.to_bits() as u64, big);
                }
                b'd' => put(at, float_arg(v)?.to_bits(), big),
                b'P' => put(at, pack_pointer(v)?, big),
                _ => put(at, pack_integer(code, layout.mode, size, v)?, big),
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Unpacking.

fn get(b: &[u8], big: bool) -> u64 {
    let n = b.len();
    (0..n).fold(0u64, |acc, k| acc | (b[k] as u64) << (8 * if big { n - 1 - k } else { k }))
}

fn unpack_values(layout: &Layout, data: &[u8]) -> Value {
    let big = layout.mode == Mode::Big;
    // Rooted: each value allocated may trigger a collection.
    let mut out = RootedVec::new();
    for item in &layout.items {
        let code = item.code;
        let (size, _) = code_size(code, layout.mode).expect("parsed");
        match code {
            b'x' => continue,
            b's' => {
                out.push(new_str(&data[item.offset..item.offset + item.count]));
                continue;
            }
            b'p' => {
                let field = &data[item.offset..item.offset + item.count];
                let n = field.first().map_or(0, |&n| (n as usize).min(item.count.saturating_sub(1)));
                out.push(new_str(field.get(1..1 + n).unwrap_or(&[])));
                continue;
            }
            _ => {}
        }
        for k in 0..item.count {
            let at = &data[item.offset + k * size..item.offset + (k + 1) * size];
            let bits = get(at, big);
            out.push(match code {
                b'c' => new_str(at),
                b'?' => Value::from_bool(bits != 0),
                b'f' => new_float(f32::from_bits(bits as u32) as f64),
                b'd' => new_float(f64::from_bits(bits)),
                _ if code.is_ascii_lowercase() => {
                    // Sign-extend from `size` bytes.
                    let shift = 64 - 8 * size;
                    int::new_int(((bits << shift) as i64) >> shift)
                }
                _ => long::int_or_long(BigInt::from(bits)),
            });
        }
    }
    tuple::new_tuple_from(&out)
}

// ---------------------------------------------------------------------------
// The Struct type.

#[repr(C)]
pub struct StructObj {
    pub cls: Value,
    format: Cell<Value>,
    layout: RefCell<Rc<Layout>>,
}
unsafe impl Trace for StructObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.value(self.format.get());
    }
}
vmcore::gc_type!(StructObj, "Struct");

fn new_struct(format: Value, layout: Rc<Layout>) -> Value {
    alloc(StructObj { cls: struct_type(), format: Cell::new(format), layout: RefCell::new(layout) }).as_value()
}

fn this(v: Value) -> PyResult<Gc<StructObj>> {
    Gc::<StructObj>::downcast(unwrap_base(v)).ok_or_else(|| type_error(format!("descriptor requires a 'Struct' object but received a '{}'", type_name(v))))
}

fn layout(v: Value) -> PyResult<Rc<Layout>> {
    Ok(this(v)?.layout.borrow().clone())
}

fn struct_new(a: &[Value], _kw: KwArgs) -> PyResult {
    new_of_class(a[0], struct_type(), || new_struct(Value::NONE, Rc::new(Layout { mode: Mode::Native, items: Vec::new(), size: 0, nvalues: 0 })))
}

fn struct_init(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("Struct", &a[1..], kw, &["format"], 1)?;
    let fmt = p[0].expect("required");
    let bytes = format_bytes(fmt)?;
    let s = this(a[0])?;
    *s.layout.borrow_mut() = layout_of(&bytes)?;
    s.format.set(if as_bytes(fmt).is_some() { fmt } else { new_str_owned(bytes) });
    Ok(Value::NONE)
}

fn s_format(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(this(a[0])?.format.get())
}

fn s_size(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(int::new_int(layout(a[0])?.size as i64))
}

fn s_pack(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("pack", kw)?;
    let l = layout(a[0])?;
    let values = &a[1..];
    if values.len() != l.nvalues {
        return Err(error(format!("pack expected {} items for packing (got {})", l.nvalues, values.len())));
    }
    let mut out = vec![0u8; l.size];
    pack_values(&l, values, &mut out)?;
    Ok(new_str_owned(out))
}

/// A buffer offset: negative counts from the end; the rest must fit.
fn place(offset: i64, len: usize, size: usize, what: &str) -> PyResult<usize> {
    let off = if offset < 0 { offset + len as i64 } else { offset };
    if off < 0 || (len as i64 - off) < size as i64 {
        return Err(error(format!("{what} requires a buffer of at least {size} bytes")));
    }
    Ok(off as usize)
}

fn s_pack_into(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("pack_into", kw)?;
    let l = layout(a[0])?;
    let rest = &a[1..];
    if rest.len() != l.nvalues + 2 {
        return Err(error(match rest.len() {
            0 => "pack_into expected buffer argument".to_string(),
            1 => "pack_into expected offset argument".to_string(),
            n => format!("pack_into expected {} items for packing (got {})", l.nvalues, n - 2),
        }));
    }
    let buf = rest[0];
    if as_bytes(buf).is_some() || as_unicode(buf).is_some() || crate::runtime::type_of(buf) == types::buffer() {
        return Err(type_error(format!("argument must be read-write buffer, not {}", type_name(buf))));
    }
    let offset = match args::index_i64(rest[1])? {
        Some(i) => i,
        None => crate::modules::math::to_f64(rest[1]).map_err(|_| type_error("an integer is required"))? as i64,
    };
    let len = ops::len(buf)?;
    let off = place(offset, len, l.size, "pack_into")?;
    let mut out = vec![0u8; l.size];
    pack_values(&l, &rest[2..], &mut out)?;
    let span = crate::objects::slice::new_slice(int::new_int(off as i64), int::new_int((off + l.size) as i64), Value::NONE);
    ops::setitem(buf, span, new_str_owned(out))?;
    Ok(Value::NONE)
}

fn s_unpack(a: &[Value], kw: KwArgs) -> PyResult {
    let input = args::one("unpack", &a[1..], kw)?;
    let l = layout(a[0])?;
    match args::buffer_bytes(input)? {
        Some(b) if b.len() == l.size => Ok(unpack_values(&l, &b)),
        _ => Err(error(format!("unpack requires a string argument of length {}", l.size))),
    }
}

fn s_unpack_from(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("unpack_from", &a[1..], kw, &["buffer", "offset"], 1)?;
    let l = layout(a[0])?;
    let buf = p[0].expect("required");
    let b = args::buffer_arg(buf, "unpack_from", 1)?;
    let offset = p[1].map(args::ssize_arg).transpose()?.unwrap_or(0);
    let off = place(offset, b.len(), l.size, "unpack_from")?;
    Ok(unpack_values(&l, &b[off..off + l.size]))
}

fn make_struct_type() -> Value {
    let t = new_native_type("__builtin__", "Struct", None, true);
    add_static(t, "__new__", struct_new);
    add_method(t, "__init__", struct_init);
    let methods: &[(&'static str, NativeFn)] = &[("pack", s_pack), ("pack_into", s_pack_into), ("unpack", s_unpack), ("unpack_from", s_unpack_from)];
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    args::add_getter(t, "format", s_format);
    args::add_getter(t, "size", s_size);
    t
}

// ---------------------------------------------------------------------------
// Module functions: a Struct for the format, then its method.

fn cached(fmt: Value) -> PyResult<Value> {
    let bytes = format_bytes(fmt)?;
    Ok(new_struct(if as_bytes(fmt).is_some() { fmt } else { new_str_owned(bytes.clone()) }, layout_of(&bytes)?))
}

/// `f(fmt, *args)` as `Struct(fmt).method(*args)`.
fn via_struct(a: &[Value], kw: KwArgs, method: NativeFn) -> PyResult {
    let Some(&fmt) = a.first() else { return Err(type_error("missing format argument")) };
    let mut v = RootedVec::new();
    v.push(cached(fmt)?);
    v.extend_from_slice(&a[1..]);
    method(&v, kw)
}

fn pack(a: &[Value], kw: KwArgs) -> PyResult {
    via_struct(a, kw, s_pack)
}

fn pack_into(a: &[Value], kw: KwArgs) -> PyResult {
    via_struct(a, kw, s_pack_into)
}

fn unpack(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("unpack", a, kw, 2, 2)?;
    via_struct(a, kw, s_unpack)
}

fn unpack_from(a: &[Value], kw: KwArgs) -> PyResult {
    via_struct(a, kw, s_unpack_from)
}

fn calcsize(a: &[Value], kw: KwArgs) -> PyResult {
    let fmt = args::one("calcsize", a, kw)?;
    Ok(int::new_int(layout_of(&format_bytes(fmt)?)?.size as i64))
}

fn clearcache(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("_clearcache", a, kw)?;
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(Value::NONE)
}

pub fn create() -> Gc<ModuleObj> {
    let m = module_with(
        "_struct",
        &[("pack", pack), ("pack_into", pack_into), ("unpack", unpack), ("unpack_from", unpack_from), ("calcsize", calcsize), ("_clearcache", clearcache)],
    );
    let d = m.dict;
    d.set_str("Struct", struct_type());
    d.set_str("error", error_type());
    d.set_str("__doc__", new_str(b"Functions to convert between Python values and C structs stored in strings.\nSee the struct module documentation for format strings."));
    d.set_str("__version__", new_str(b"0.2"));
    d.set_str("_PY_STRUCT_RANGE_CHECKING", int::new_int(1));
    d.set_str("_PY_STRUCT_FLOAT_COERCE", int::new_int(1));
    m
}
