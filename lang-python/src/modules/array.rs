//! The `array` module: sequences of one C type, stored compactly.
//!
//! An array keeps its items as raw native-endian bytes, as C's array does,
//! so `tostring`, `fromstring`, `byteswap`, `tofile` and the buffer other
//! modules read (`socket.recv_into`) are byte copies, and an item becomes a
//! Python object only when it is read. The typecode fixes the item size and
//! how a Python value is converted when stored, with the messages of the
//! `PyArg_Parse` formats CPython 2.7 uses for each code ('b' goes through
//! 'h' first, 'H' through 'i', ...). Slices, `+` and `*` make plain arrays
//! even for subclasses, as in CPython.

use crate::modules::math::to_f64;
use crate::modules::oslib::{c_int, c_long};
use crate::objects::args::{self, noargs, one};
use crate::objects::int::new_int;
use crate::objects::iterobj::{new_iter, IterKind};
use crate::objects::list::{as_list, new_list};
use crate::objects::list_methods::new_of_class;
use crate::objects::long::{as_long, new_long};
use crate::objects::slice::{self, as_slice};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobj::{is_subtype, type_name};
use crate::objects::unicode::{as_unicode, new_unicode};
use crate::objects::{add_method, add_static, file, instance, module::ModuleObj, str as pystr};
use crate::ops::{self, CmpOp};
use crate::runtime::errors::{eof_error, index_error, memory_error, overflow_error, type_error, value_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyResult, NOT_IMPLEMENTED};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::{Ref, RefCell, RefMut};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct ArrayObj {
    pub cls: Value,
    /// The typecode character (b'c', b'i', ...).
    code: u8,
    data: RefCell<Vec<u8>>,
}
unsafe impl Trace for ArrayObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(ArrayObj, "array.array");

const CODES: &[u8] = b"cbBuhHiIlLfd";

fn itemsize(code: u8) -> usize {
    match code {
        b'c' | b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

impl ArrayObj {
    fn size(&self) -> usize {
        itemsize(self.code)
    }
    pub fn len(&self) -> usize {
        self.data.borrow().len() / self.size()
    }
    /// The raw bytes (do not hold across calls into Python code).
    pub fn bytes(&self) -> Ref<'_, Vec<u8>> {
        self.data.borrow()
    }
    pub fn bytes_mut(&self) -> RefMut<'_, Vec<u8>> {
        self.data.borrow_mut()
    }
    fn item(&self, i: usize) -> Value {
        let n = self.size();
        decode(self.code, &self.data.borrow()[i * n..(i + 1) * n])
    }
}

crate::native_type!(array_type, make_array_type);

fn new_array(code: u8, data: Vec<u8>) -> Value {
    alloc(ArrayObj { cls: array_type(), code, data: RefCell::new(data) }).as_value()
}

/// The array behind `v` (an array or an instance of a subclass).
pub fn as_array(v: Value) -> Option<Gc<ArrayObj>> {
    Gc::<ArrayObj>::downcast(instance::unwrap_base(v))
}

fn this(v: Value, method: &str) -> PyResult<Gc<ArrayObj>> {
    as_array(v).ok_or_else(|| type_error(format!("descriptor '{method}' requires a 'array.array' object but received a '{}'", type_name(v))))
}

/// One item's bytes as a Python value.
fn decode(code: u8, b: &[u8]) -> Value {
    let arr = |n: usize| -> [u8; 8] {
        let mut a = [0u8; 8];
        a[..n].copy_from_slice(&b[..n]);
        a
    };
    let w2 = || u16::from_ne_bytes([b[0], b[1]]);
    let w4 = || u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
    match code {
        b'c' => pystr::new_str(&b[..1]),
        b'b' => new_int(b[0] as i8 as i64),
        b'B' => new_int(b[0] as i64),
        b'h' => new_int(w2() as i16 as i64),
        b'H' => new_int(w2() as i64),
        b'i' => new_int(w4() as i32 as i64),
        // 'I' and 'L' items are always longs in 2.7.
        b'I' => new_long(BigInt::from(w4())),
        b'l' => new_int(i64::from_ne_bytes(arr(8))),
        b'L' => new_long(BigInt::from(u64::from_ne_bytes(arr(8)))),
        b'f' => crate::objects::float::new_float(f32::from_bits(w4()) as f64),
        b'd' => crate::objects::float::new_float(f64::from_ne_bytes(arr(8))),
        _ => new_unicode(vec![w4()]),
    }
}

fn range_err(x: i64, what: &str) -> crate::runtime::PyErr {
    overflow_error(format!("{what} is {} than {}", if x < 0 { "less" } else { "greater" }, if x < 0 { "minimum" } else { "maximum" }))
}

fn check(x: i64, lo: i64, hi: i64, what: &str) -> PyResult<i64> {
    if x < lo || x > hi { Err(range_err(x, what)) } else { Ok(x) }
}

/// `PyLong_AsUnsignedLong`, used for longs stored in 'I' and 'L' arrays.
fn long_as_u64(b: &BigInt) -> PyResult<u64> {
    if b.sign() == num_bigint::Sign::Minus {
        return Err(overflow_error("can't convert negative value to unsigned long"));
    }
    b.to_u64().ok_or_else(|| overflow_error("long int too large to convert"))
}

/// An unsigned item: longs through `PyLong_AsUnsignedLong`, anything else
/// as a C long that must not be negative.
fn unsigned(v: Value, max: u64, what: &str) -> PyResult<u64> {
    let x = match as_long(v) {
        Some(b) => long_as_u64(b)?,
        None => {
            let x = c_long(v)?;
            if x < 0 {
                return Err(overflow_error(format!("{what} is less than minimum")));
            }
            x as u64
        }
    };
    if x > max {
        return Err(overflow_error(format!("{what} is greater than maximum")));
    }
    Ok(x)
}

/// Appends the bytes of `v` stored with typecode `code`.
fn encode(code: u8, v: Value, out: &mut Vec<u8>) -> PyResult<()> {
    match code {
        b'c' => match pystr::as_bytes(v) {
            Some([c]) => out.push(*c),
            _ => return Err(type_error("array item must be char")),
        },
        b'u' => match as_unicode(v) {
            Some([c]) => out.extend_from_slice(&c.to_ne_bytes()),
            _ => return Err(type_error("array item must be unicode character")),
        },
        b'b' => {
            let x = check(c_long(v)?, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            out.push(check(x, i8::MIN as i64, i8::MAX as i64, "signed char")? as u8);
        }
        b'B' => out.push(check(c_long(v)?, 0, 255, "unsigned byte integer")? as u8),
        b'h' => out.extend_from_slice(&(check(c_long(v)?, i16::MIN as i64, i16::MAX as i64, "signed short integer")? as i16).to_ne_bytes()),
        b'H' => out.extend_from_slice(&(check(c_int(v)? as i64, 0, u16::MAX as i64, "unsigned short")? as u16).to_ne_bytes()),
        b'i' => out.extend_from_slice(&c_int(v)?.to_ne_bytes()),
        b'I' => out.extend_from_slice(&(unsigned(v, u32::MAX as u64, "unsigned int")? as u32).to_ne_bytes()),
        b'l' => out.extend_from_slice(&c_long(v)?.to_ne_bytes()),
        b'L' => out.extend_from_slice(&unsigned(v, u64::MAX, "unsigned long")?.to_ne_bytes()),
        b'f' => out.extend_from_slice(&(to_f64(v)? as f32).to_ne_bytes()),
        _ => out.extend_from_slice(&to_f64(v)?.to_ne_bytes()),
    }
    Ok(())
}

fn encode_one(code: u8, v: Value) -> PyResult<Vec<u8>> {
    let mut b = Vec::with_capacity(8);
    encode(code, v, &mut b)?;
    Ok(b)
}

/// The bytes CPython's `s#`/`s*` formats read from an object with a
/// read buffer: str, unicode (default encoding), arrays, bytearray-likes.
pub fn read_buffer(v: Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(b) = pystr::as_bytes(v) {
        return Ok(Some(b.to_vec()));
    }
    if let Some(a) = as_array(v) {
        return Ok(Some(a.bytes().clone()));
    }
    if as_unicode(v).is_some() {
        return Ok(Some(crate::objects::unicode::encode_ascii(v)?));
    }
    let t = type_of(v);
    if [types::bytearray(), types::buffer(), types::memoryview()].iter().any(|&b| is_subtype(t, b)) {
        return Ok(Some(ops::str_bytes(v)?));
    }
    Ok(None)
}

/// Appends every item of an iterable.
fn extend_iter(a: Gc<ArrayObj>, src: Value) -> PyResult<()> {
    let it = ops::iter(src)?;
    while let Some(x) = ops::next(it)? {
        let b = encode_one(a.code, x)?;
        a.bytes_mut().extend_from_slice(&b);
    }
    Ok(())
}

fn typecode_arg(v: Value) -> PyResult<u8> {
    // A non-ASCII character passes this check and fails as a bad typecode.
    let c = match (pystr::as_bytes(v), as_unicode(v)) {
        (Some([c]), _) => Some(*c),
        (_, Some([c])) => Some(u8::try_from(*c).unwrap_or(0)),
        _ => None,
    };
    c.ok_or_else(|| type_error(format!("array() argument 1 or typecode must be char (string or ascii-unicode with length 1), not {}", type_name(v))))
}

fn array_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    if cls == array_type() && !kw.is_empty() {
        return Err(type_error("array.array() does not take keyword arguments"));
    }
    args::arity("array", &a[1..], &[], 1, 2)?;
    let code = typecode_arg(a[1])?;
    if !CODES.contains(&code) {
        return Err(value_error("bad typecode (must be c, b, B, u, h, H, i, I, l, L, f or d)"));
    }
    let mut data = Vec::new();
    let mut later = None;
    if let Some(&init) = a.get(2) {
        if let Some(items) = as_list(init).map(|l| l.v().clone()).or_else(|| as_tuple(init).map(|t| t.to_vec())) {
            let items = vmcore::gc::RootedVec::from_vec(items);
            for &x in items.iter() {
                encode(code, x, &mut data)?;
            }
        } else if let Some(b) = pystr::as_bytes(init) {
            from_bytes(code, &mut data, b)?;
        } else if let (b'u', Some(u)) = (code, as_unicode(init)) {
            data.extend(u.iter().flat_map(|c| c.to_ne_bytes()));
        } else {
            later = Some(init);
        }
    }
    let v = new_of_class(cls, array_type(), || new_array(code, data))?;
    if let Some(src) = later {
        extend_iter(as_array(v).expect("made above"), src)?;
    }
    Ok(v)
}

fn from_bytes(code: u8, data: &mut Vec<u8>, b: &[u8]) -> PyResult<()> {
    if b.len() % itemsize(code) != 0 {
        return Err(value_error("string length not a multiple of item size"));
    }
    data.extend_from_slice(b);
    Ok(())
}

/// An item index: ints and `__index__`; longs that do not fit are an IndexError.
fn index_arg(i: Value) -> PyResult<Option<i64>> {
    if let Some(b) = as_long(i) {
        return b.to_i64().map(Some).ok_or_else(|| index_error("cannot fit 'long' into an index-sized integer"));
    }
    if crate::objects::float::as_float(i).is_some() {
        return Ok(None);
    }
    args::index_i64(i)
}

fn resolve_index(a: Gc<ArrayObj>, i: Value, msg: &str) -> PyResult<usize> {
    let k = index_arg(i)?.ok_or_else(|| type_error("array indices must be integers"))?;
    let n = a.len() as i64;
    let k = if k < 0 { k + n } else { k };
    if k < 0 || k >= n {
        return Err(index_error(msg));
    }
    Ok(k as usize)
}

fn slice_bytes(a: Gc<ArrayObj>, r: slice::Range) -> Vec<u8> {
    let n = a.size();
    let d = a.bytes();
    let mut out = Vec::with_capacity(r.len * n);
    for k in 0..r.len {
        let i = r.at(k);
        out.extend_from_slice(&d[i * n..(i + 1) * n]);
    }
    out
}

fn getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = one("__getitem__", &a[1..], kw)?;
    let s = this(a[0], "__getitem__")?;
    if let Some(sl) = as_slice(i) {
        let r = slice::resolve(sl, s.len())?;
        return Ok(new_array(s.code, slice_bytes(s, r)));
    }
    Ok(s.item(resolve_index(s, i, "array index out of range")?))
}

/// The range of `__getslice__(i, j)` and friends: bounds clamp to the
/// array (negative means 0; the interpreter itself slices with `__getitem__`).
fn simple_range(i: Value, j: Value, len: usize) -> PyResult<slice::Range> {
    let bound = |v: Value| -> PyResult<i64> { Ok(args::index_i64(v)?.ok_or_else(|| type_error("an integer is required"))?.clamp(0, len as i64)) };
    let lo = bound(i)?;
    let hi = bound(j)?.max(lo);
    Ok(slice::Range { start: lo, stop: hi, step: 1, len: (hi - lo) as usize })
}

fn getslice(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__getslice__", &a[1..], kw, 2, 2)?;
    let s = this(a[0], "__getslice__")?;
    let r = simple_range(a[1], a[2], s.len())?;
    Ok(new_array(s.code, slice_bytes(s, r)))
}

/// Removes the items a resolved slice selects.
fn delete_range(s: Gc<ArrayObj>, r: slice::Range) {
    let n = s.size();
    let mut gone = vec![false; s.len()];
    for k in 0..r.len {
        gone[r.at(k)] = true;
    }
    let mut d = s.bytes_mut();
    let kept: Vec<u8> = d.chunks(n).zip(&gone).filter(|(_, &g)| !g).flat_map(|(c, _)| c.iter().copied()).collect();
    *d = kept;
}

/// `a[slice] = v` (v an array of the same kind) and `del a[slice]` (v None).
fn assign_slice(s: Gc<ArrayObj>, r: slice::Range, v: Option<Value>) -> PyResult<()> {
    let src = match v {
        None => Vec::new(),
        Some(v) => {
            let o = as_array(v).ok_or_else(|| type_error(format!("can only assign array (not \"{}\") to array slice", type_name(v))))?;
            if o.code != s.code {
                return Err(type_error("bad argument type for built-in operation"));
            }
            let b = o.bytes().clone();
            b
        }
    };
    let n = s.size();
    let needed = src.len() / n;
    if r.step == 1 {
        let start = r.start as usize * n;
        let stop = r.stop.max(r.start) as usize * n;
        s.bytes_mut().splice(start..stop, src);
        return Ok(());
    }
    // An empty array assigned to an extended slice deletes it, as in CPython.
    if needed == 0 {
        delete_range(s, r);
        return Ok(());
    }
    if needed != r.len {
        return Err(value_error(format!("attempt to assign array of size {needed} to extended slice of size {}", r.len)));
    }
    let mut d = s.bytes_mut();
    for k in 0..r.len {
        let i = r.at(k);
        d[i * n..(i + 1) * n].copy_from_slice(&src[k * n..(k + 1) * n]);
    }
    Ok(())
}

fn setitem(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__setitem__", &a[1..], kw, 2, 2)?;
    let s = this(a[0], "__setitem__")?;
    if let Some(sl) = as_slice(a[1]) {
        let r = slice::resolve(sl, s.len())?;
        assign_slice(s, r, Some(a[2]))?;
        return Ok(Value::NONE);
    }
    let i = resolve_index(s, a[1], "array assignment index out of range")?;
    let b = encode_one(s.code, a[2])?;
    let n = s.size();
    s.bytes_mut()[i * n..(i + 1) * n].copy_from_slice(&b);
    Ok(Value::NONE)
}

fn setslice(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__setslice__", &a[1..], kw, 3, 3)?;
    let s = this(a[0], "__setslice__")?;
    let r = simple_range(a[1], a[2], s.len())?;
    assign_slice(s, r, Some(a[3]))?;
    Ok(Value::NONE)
}

fn delitem(a: &[Value], kw: KwArgs) -> PyResult {
    let i = one("__delitem__", &a[1..], kw)?;
    let s = this(a[0], "__delitem__")?;
    let r = match as_slice(i) {
        Some(sl) => slice::resolve(sl, s.len())?,
        None => {
            let k = resolve_index(s, i, "array assignment index out of range")? as i64;
            slice::Range { start: k, stop: k + 1, step: 1, len: 1 }
        }
    };
    assign_slice(s, r, None)?;
    Ok(Value::NONE)
}

fn delslice(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__delslice__", &a[1..], kw, 2, 2)?;
    let s = this(a[0], "__delslice__")?;
    let r = simple_range(a[1], a[2], s.len())?;
    assign_slice(s, r, None)?;
    Ok(Value::NONE)
}

fn len(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this(a[0], "__len__")?.len() as i64))
}

fn iter(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    this(a[0], "__iter__")?;
    Ok(new_iter(IterKind::GetItem, a[0], 0))
}

/// The first index whose item equals `x`.
fn find(s: Gc<ArrayObj>, x: Value) -> PyResult<Option<usize>> {
    let mut i = 0;
    while i < s.len() {
        if ops::eq_bool(s.item(i), x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn contains(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("__contains__", &a[1..], kw)?;
    Ok(Value::from_bool(find(this(a[0], "__contains__")?, x)?.is_some()))
}

fn count(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("count", &a[1..], kw)?;
    let s = this(a[0], "count")?;
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        if ops::eq_bool(s.item(i), x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(new_int(n))
}

fn index(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("index", &a[1..], kw)?;
    match find(this(a[0], "index")?, x)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(value_error("array.index(x): x not in list")),
    }
}

fn remove(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("remove", &a[1..], kw)?;
    let s = this(a[0], "remove")?;
    let i = find(s, x)?.ok_or_else(|| value_error("array.remove(x): x not in list"))?;
    let n = s.size();
    s.bytes_mut().drain(i * n..(i + 1) * n);
    Ok(Value::NONE)
}

fn append(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("append", &a[1..], kw)?;
    let s = this(a[0], "append")?;
    let b = encode_one(s.code, x)?;
    s.bytes_mut().extend_from_slice(&b);
    Ok(Value::NONE)
}

fn insert(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("insert", &a[1..], kw, 2, 2)?;
    let s = this(a[0], "insert")?;
    let i = args::ssize_arg(a[1])?;
    let b = encode_one(s.code, a[2])?;
    let len = s.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let n = s.size();
    s.bytes_mut().splice(i * n..i * n, b);
    Ok(Value::NONE)
}

fn pop(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("pop", &a[1..], kw, 0, 1)?;
    let s = this(a[0], "pop")?;
    let i = a.get(1).map(|&v| args::ssize_arg(v)).transpose()?.unwrap_or(-1);
    let len = s.len() as i64;
    if len == 0 {
        return Err(index_error("pop from empty array"));
    }
    let k = if i < 0 { i + len } else { i };
    if k < 0 || k >= len {
        return Err(index_error("pop index out of range"));
    }
    let v = s.item(k as usize);
    let n = s.size();
    s.bytes_mut().drain(k as usize * n..(k as usize + 1) * n);
    Ok(v)
}

fn extend(a: &[Value], kw: KwArgs) -> PyResult {
    let src = one("extend", &a[1..], kw)?;
    let s = this(a[0], "extend")?;
    match as_array(src) {
        Some(o) => {
            if o.code != s.code {
                return Err(type_error("can only extend with array of same kind"));
            }
            let b = o.bytes().clone();
            s.bytes_mut().extend_from_slice(&b);
        }
        None => extend_iter(s, src)?,
    }
    Ok(Value::NONE)
}

fn reverse(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("reverse", &a[1..], kw)?;
    let s = this(a[0], "reverse")?;
    let n = s.size();
    let mut d = s.bytes_mut();
    let rev: Vec<u8> = d.chunks(n).rev().flatten().copied().collect();
    *d = rev;
    Ok(Value::NONE)
}

fn byteswap(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("byteswap", &a[1..], kw)?;
    let s = this(a[0], "byteswap")?;
    let n = s.size();
    for item in s.bytes_mut().chunks_mut(n) {
        item.reverse();
    }
    Ok(Value::NONE)
}

fn buffer_info(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("buffer_info", &a[1..], kw)?;
    let s = this(a[0], "buffer_info")?;
    let addr = s.bytes().as_ptr() as i64;
    Ok(new_tuple(vec![new_int(addr), new_int(s.len() as i64)]))
}

fn tolist(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("tolist", &a[1..], kw)?;
    let s = this(a[0], "tolist")?;
    let mut items = vmcore::gc::RootedVec::new();
    for i in 0..s.len() {
        items.push(s.item(i));
    }
    Ok(new_list(items.into_vec()))
}

fn fromlist(a: &[Value], kw: KwArgs) -> PyResult {
    let l = one("fromlist", &a[1..], kw)?;
    let s = this(a[0], "fromlist")?;
    let items = as_list(l).ok_or_else(|| type_error("arg must be list"))?.v().clone();
    let items = vmcore::gc::RootedVec::from_vec(items);
    // All or nothing: convert everything before touching the array.
    let mut b = Vec::new();
    for &x in items.iter() {
        encode(s.code, x, &mut b)?;
    }
    s.bytes_mut().extend_from_slice(&b);
    Ok(Value::NONE)
}

fn tostring(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("tostring", &a[1..], kw)?;
    Ok(pystr::new_str(&this(a[0], "tostring")?.bytes()))
}

fn fromstring(a: &[Value], kw: KwArgs) -> PyResult {
    let v = one("fromstring", &a[1..], kw)?;
    let s = this(a[0], "fromstring")?;
    let b = read_buffer(v)?.ok_or_else(|| type_error(format!("fromstring() argument 1 must be string or read-only buffer, not {}", type_name(v))))?;
    let code = s.code;
    from_bytes(code, &mut s.bytes_mut(), &b)?;
    Ok(Value::NONE)
}

fn fromunicode(a: &[Value], kw: KwArgs) -> PyResult {
    let v = one("fromunicode", &a[1..], kw)?;
    let s = this(a[0], "fromunicode")?;
    let u = match as_unicode(v) {
        Some(u) => u,
        None if pystr::as_bytes(v).is_some() => return Err(type_error("fromunicode() argument 1 must be cannot convert raw buffers, not str")),
        None => return Err(type_error(format!("fromunicode() argument 1 must be unicode, not {}", type_name(v)))),
    };
    if s.code != b'u' {
        return Err(value_error("fromunicode() may only be called on type 'u' arrays"));
    }
    s.bytes_mut().extend(u.iter().flat_map(|c| c.to_ne_bytes()));
    Ok(Value::NONE)
}

fn tounicode(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("tounicode", &a[1..], kw)?;
    let s = this(a[0], "tounicode")?;
    if s.code != b'u' {
        return Err(value_error("tounicode() may only be called on type 'u' arrays"));
    }
    let chars = s.bytes().chunks(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect();
    Ok(new_unicode(chars))
}

fn open_file(v: Value, msg: &str) -> PyResult<Gc<file::FileObj>> {
    file::as_file(v).filter(|f| !f.closed.get()).ok_or_else(|| type_error(msg))
}

/// fromfile(f, n) (and its old name read): n items; whatever whole items
/// could be read are kept before EOFError.
fn fromfile(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("fromfile", &a[1..], kw, 2, 2)?;
    let s = this(a[0], "fromfile")?;
    let n = args::ssize_arg(a[2])?;
    let f = open_file(a[1], "arg1 must be open file")?;
    if n <= 0 {
        return Ok(Value::NONE);
    }
    let want = (n as usize).saturating_mul(s.size());
    let got = f.read(Some(want))?;
    let whole = got.len() / s.size() * s.size();
    s.bytes_mut().extend_from_slice(&got[..whole]);
    if got.len() < want {
        return Err(eof_error("not enough items in file"));
    }
    Ok(Value::NONE)
}

fn tofile(a: &[Value], kw: KwArgs) -> PyResult {
    let fv = one("tofile", &a[1..], kw)?;
    let s = this(a[0], "tofile")?;
    let f = open_file(fv, "arg must be open file")?;
    let b = s.bytes().clone();
    f.write(&b)?;
    Ok(Value::NONE)
}

fn copy(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__copy__", &a[1..], kw)?;
    let s = this(a[0], "__copy__")?;
    let b = s.bytes().clone();
    Ok(new_array(s.code, b))
}

fn deepcopy(a: &[Value], kw: KwArgs) -> PyResult {
    one("__deepcopy__", &a[1..], kw)?;
    copy(&a[..1], kw)
}

/// Pickling: `(type(a), (typecode, a.tolist()), a.__dict__ or None)`.
fn reduce(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__reduce__", &a[1..], kw)?;
    let s = this(a[0], "__reduce__")?;
    let dict = match ops::getattr_opt(a[0], ops::name("__dict__")) {
        Ok(Some(d)) => d,
        _ => Value::NONE,
    };
    let list = tolist(&a[..1], &[])?;
    let args = new_tuple(vec![pystr::new_str(&[s.code]), list]);
    Ok(new_tuple(vec![type_of(a[0]), args, dict]))
}

fn repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let s = this(a[0], "__repr__")?;
    let code = s.code as char;
    if s.len() == 0 {
        return Ok(pystr::new_str(format!("array('{code}')").as_bytes()));
    }
    let body = match s.code {
        b'c' => ops::repr_bytes(tostring(&a[..1], &[])?)?,
        b'u' => ops::repr_bytes(tounicode(&a[..1], &[])?)?,
        _ => ops::repr_bytes(tolist(&a[..1], &[])?)?,
    };
    let mut out = format!("array('{code}', ").into_bytes();
    out.extend(body);
    out.push(b')');
    Ok(pystr::new_str_owned(out))
}

/// A user object that may answer a binary operator itself (`__radd__`,
/// `__rmul__`): the array then declines instead of raising.
fn defers_to(v: Value, rname: &str) -> bool {
    let user = instance::as_instance(v).is_some() || crate::objects::classobj::as_classic_instance(v).is_some();
    user && ops::lookup_special(v, rname).is_some()
}

fn add(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__add__", &a[1..], kw)?;
    let s = this(a[0], "__add__")?;
    let Some(other) = as_array(o) else {
        if defers_to(o, "__radd__") {
            return Ok(NOT_IMPLEMENTED);
        }
        return Err(type_error(format!("can only append array (not \"{}\") to array", type_name(o))));
    };
    if other.code != s.code {
        return Err(type_error("bad argument type for built-in operation"));
    }
    let mut b = s.bytes().clone();
    b.extend_from_slice(&other.bytes());
    Ok(new_array(s.code, b))
}

fn iadd(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__iadd__", &a[1..], kw)?;
    let s = this(a[0], "__iadd__")?;
    let other = as_array(o).ok_or_else(|| type_error(format!("can only extend array with array (not \"{}\")", type_name(o))))?;
    if other.code != s.code {
        return Err(type_error("can only extend with array of same kind"));
    }
    let b = other.bytes().clone();
    s.bytes_mut().extend_from_slice(&b);
    Ok(a[0])
}

/// A repeat count: negative counts mean zero.
fn repeat_count(n: Value) -> PyResult<Option<usize>> {
    if let Some(b) = as_long(n) {
        let k = b.to_i64().ok_or_else(|| overflow_error("cannot fit 'long' into an index-sized integer"))?;
        return Ok(Some(k.max(0) as usize));
    }
    if crate::objects::float::as_float(n).is_some() {
        return Ok(None);
    }
    Ok(args::index_i64(n)?.map(|k| k.max(0) as usize))
}

fn repeated(s: Gc<ArrayObj>, k: usize) -> PyResult<Vec<u8>> {
    let d = s.bytes();
    if d.len().checked_mul(k).is_none_or(|t| t > 1 << 40) {
        return Err(memory_error(""));
    }
    Ok(d.repeat(k))
}

fn mul(a: &[Value], kw: KwArgs) -> PyResult {
    let n = one("__mul__", &a[1..], kw)?;
    let s = this(a[0], "__mul__")?;
    let Some(k) = repeat_count(n)? else {
        if defers_to(n, "__rmul__") {
            return Ok(NOT_IMPLEMENTED);
        }
        return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(n))));
    };
    Ok(new_array(s.code, repeated(s, k)?))
}

fn imul(a: &[Value], kw: KwArgs) -> PyResult {
    let n = one("__imul__", &a[1..], kw)?;
    let s = this(a[0], "__imul__")?;
    let k = match as_long(n) {
        Some(_) => repeat_count(n)?.unwrap_or(0),
        None => args::as_index(n)?.max(0) as usize,
    };
    let b = repeated(s, k)?;
    *s.bytes_mut() = b;
    Ok(a[0])
}

/// Item by item, as sequences compare; arrays of different lengths are
/// unequal without looking at the items.
fn compare(op: CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("comparison", &a[1..], kw)?;
    let s = this(a[0], "comparison")?;
    let Some(other) = as_array(o) else { return Ok(NOT_IMPLEMENTED) };
    let (la, lb) = (s.len(), other.len());
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::from_bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    while i < s.len().min(other.len()) {
        let (x, y) = (s.item(i), other.item(i));
        if !ops::eq_bool(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => ops::compare(op, x, y),
            };
        }
        i += 1;
    }
    let o = la.cmp(&lb);
    Ok(Value::from_bool(match op {
        CmpOp::Lt => o.is_lt(),
        CmpOp::Le => o.is_le(),
        CmpOp::Eq => o.is_eq(),
        CmpOp::Ne => o.is_ne(),
        CmpOp::Gt => o.is_gt(),
        CmpOp::Ge => o.is_ge(),
    }))
}

fn itemsize_get(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_int(this(a[0], "itemsize")?.size() as i64))
}

fn typecode_get(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(pystr::new_str(&[this(a[0], "typecode")?.code]))
}

fn make_array_type() -> Value {
    let t = super::new_native_type("array", "array", None, true);
    add_static(t, "__new__", array_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", append), ("buffer_info", buffer_info), ("byteswap", byteswap), ("count", count),
        ("extend", extend), ("fromfile", fromfile), ("fromlist", fromlist), ("fromstring", fromstring),
        ("fromunicode", fromunicode), ("index", index), ("insert", insert), ("pop", pop), ("read", fromfile),
        ("remove", remove), ("reverse", reverse), ("tofile", tofile), ("tolist", tolist), ("tostring", tostring),
        ("tounicode", tounicode), ("write", tofile), ("__copy__", copy), ("__deepcopy__", deepcopy),
        ("__reduce__", reduce), ("__repr__", repr), ("__len__", len), ("__iter__", iter),
        ("__contains__", contains), ("__getitem__", getitem), ("__setitem__", setitem), ("__delitem__", delitem),
        ("__getslice__", getslice), ("__setslice__", setslice), ("__delslice__", delslice), ("__add__", add),
        ("__iadd__", iadd), ("__mul__", mul), ("__rmul__", mul), ("__imul__", imul),
    ];
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    crate::objects::list_methods::cmp_methods!(t, compare);
    args::add_getter(t, "itemsize", itemsize_get);
    args::add_getter(t, "typecode", typecode_get);
    args::set_attr(t, "__hash__", Value::NONE);
    t
}

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("array", &[]);
    m.dict.set_str("array", array_type());
    m.dict.set_str("ArrayType", array_type());
    m
}
