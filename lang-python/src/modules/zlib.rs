//! `zlib`: deflate compression over the zlib C library itself (through the
//! `libz-sys` crate), as CPython's module is. Using the same library keeps
//! the compressed bytes identical to CPython's, and with them the sizes and
//! CRCs that `gzip`/`zipfile` users see; every option (window bits for
//! zlib/gzip/raw streams, memory level, strategy, flush modes, stream
//! copies) and zlib's own error messages come with it.
//!
//! A `Stream` owns one boxed `z_stream` (zlib keeps a pointer back to it,
//! so it must not move) and ends it when dropped.

use crate::modules::{module_with, new_native_type};
use crate::objects::exceptions::new_exception_class;
use crate::objects::instance::unwrap_base;
use crate::objects::module::ModuleObj;
use crate::objects::str::{as_bytes, new_str, new_str_owned};
use crate::objects::typeobj::type_name;
use crate::objects::{add_method, add_static, args, int};
use crate::runtime::errors::{memory_error, type_error, value_error};
use crate::runtime::{types, KwArgs, NativeFn, PyErr, PyResult};
use libz_sys as z;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::os::raw::{c_int, c_uint, c_void};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

const MAX_WBITS: i32 = 15;
const DEF_MEM_LEVEL: i32 = 8;
/// Output buffer size to start with (CPython's DEFAULTALLOC).
const DEFAULT_ALLOC: usize = 16 * 1024;

crate::native_type!(error_type, || new_exception_class("zlib", "error", &[types::exception()]));
crate::native_type!(compress_type, || make_type("Compress", &[("compress", c_compress), ("flush", c_flush), ("copy", c_copy)]));
crate::native_type!(decompress_type, || {
    let t = make_type("Decompress", &[("decompress", d_decompress), ("flush", d_flush), ("copy", d_copy)]);
    args::add_getter(t, "unused_data", d_unused_data);
    args::add_getter(t, "unconsumed_tail", d_unconsumed_tail);
    t
});

// ---------------------------------------------------------------------------
// The z_stream wrapper.

unsafe extern "C" fn zalloc(_: *mut c_void, items: c_uint, size: c_uint) -> *mut c_void {
    libc::calloc(items as usize, size as usize)
}

unsafe extern "C" fn zfree(_: *mut c_void, p: *mut c_void) {
    libc::free(p)
}

struct Stream {
    z: Box<z::z_stream>,
    deflate: bool,
    /// False once ended (zlib then answers Z_STREAM_ERROR, as in CPython).
    live: bool,
}

impl Stream {
    fn blank(deflate: bool) -> Stream {
        let null = std::ptr::null_mut();
        let z = Box::new(z::z_stream {
            next_in: null as *mut u8,
            avail_in: 0,
            total_in: 0,
            next_out: null as *mut u8,
            avail_out: 0,
            total_out: 0,
            msg: null as *mut _,
            state: null as *mut _,
            zalloc,
            zfree,
            opaque: null,
            data_type: 0,
            adler: 0,
            reserved: 0,
        });
        Stream { z, deflate, live: false }
    }

    fn deflater(level: i32, method: i32, wbits: i32, memlevel: i32, strategy: i32) -> Result<Stream, (Stream, c_int)> {
        let mut s = Stream::blank(true);
        // SAFETY: a fresh, boxed stream; version and size are the library's.
        let err = unsafe { z::deflateInit2_(&mut *s.z, level, method, wbits, memlevel, strategy, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as c_int) };
        s.live = err == z::Z_OK;
        if s.live { Ok(s) } else { Err((s, err)) }
    }

    fn inflater(wbits: i32) -> Result<Stream, (Stream, c_int)> {
        let mut s = Stream::blank(false);
        // SAFETY: as in `deflater`.
        let err = unsafe { z::inflateInit2_(&mut *s.z, wbits, z::zlibVersion(), std::mem::size_of::<z::z_stream>() as c_int) };
        s.live = err == z::Z_OK;
        if s.live { Ok(s) } else { Err((s, err)) }
    }

    /// One deflate/inflate call over `input`, appending at most `room` bytes
    /// to `out`. Returns (zlib's code, input bytes consumed).
    fn step(&mut self, input: &[u8], out: &mut Vec<u8>, room: usize, flush: c_int) -> (c_int, usize) {
        out.reserve(room);
        let z = &mut *self.z;
        z.next_in = input.as_ptr() as *mut u8;
        z.avail_in = input.len() as c_uint;
        // SAFETY: the spare capacity reserved above is writable.
        z.next_out = unsafe { out.as_mut_ptr().add(out.len()) };
        z.avail_out = room as c_uint;
        // SAFETY: the stream was initialised (or ended, which zlib detects).
        let err = unsafe { if self.deflate { z::deflate(z, flush) } else { z::inflate(z, flush) } };
        let written = room - z.avail_out as usize;
        // SAFETY: zlib initialised `written` bytes past the old length.
        unsafe { out.set_len(out.len() + written) };
        let consumed = input.len() - z.avail_in as usize;
        z.next_in = std::ptr::null_mut();
        z.next_out = std::ptr::null_mut();
        (err, consumed)
    }

    /// Whether the last step filled its output buffer.
    fn out_full(&self) -> bool {
        self.z.avail_out == 0
    }

    fn end(&mut self) -> c_int {
        if !self.live {
            return z::Z_OK;
        }
        self.live = false;
        // SAFETY: initialised and not yet ended.
        unsafe { if self.deflate { z::deflateEnd(&mut *self.z) } else { z::inflateEnd(&mut *self.z) } }
    }

    /// `deflateCopy`/`inflateCopy`.
    fn copy(&mut self) -> Result<Stream, c_int> {
        let mut s = Stream::blank(self.deflate);
        // SAFETY: both streams are boxed; the source is initialised.
        let err = unsafe { if self.deflate { z::deflateCopy(&mut *s.z, &mut *self.z) } else { z::inflateCopy(&mut *s.z, &mut *self.z) } };
        s.live = err == z::Z_OK;
        if s.live { Ok(s) } else { Err(err) }
    }

    fn msg(&self) -> Option<String> {
        let p = self.z.msg;
        // SAFETY: zlib's messages are static NUL-terminated strings.
        (!p.is_null()).then(|| unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.end();
    }
}

/// CPython's `zlib_error`: "Error <code> <what>: <zlib's message>".
fn zlib_error(s: &Stream, err: c_int, what: &str) -> PyErr {
    let msg = s.msg().or_else(|| {
        match err {
            z::Z_BUF_ERROR => Some("incomplete or truncated stream"),
            z::Z_STREAM_ERROR => Some("inconsistent stream state"),
            z::Z_DATA_ERROR => Some("invalid input data"),
            _ => None,
        }
        .map(String::from)
    });
    let text = match msg {
        Some(m) => format!("Error {err} {what}: {m}"),
        None => format!("Error {err} {what}"),
    };
    PyErr::new(error_type(), &text)
}

/// An `s#` argument: str, unicode (as ASCII) or a read-only buffer.
fn data_arg<'a>(v: Value, fname: &str) -> PyResult<Cow<'a, [u8]>> {
    args::buffer_bytes(v)?.ok_or_else(|| type_error(format!("{fname}() argument 1 must be string or read-only buffer, not {}", type_name(v))))
}

fn opt_int(v: Option<Value>, default: i32) -> PyResult<i32> {
    v.map(args::c_int).transpose().map(|x| x.unwrap_or(default))
}

// ---------------------------------------------------------------------------
// One-shot functions.

fn compress(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("compress", a, kw, 1, 2)?;
    let data = data_arg(a[0], "compress")?;
    let level = opt_int(a.get(1).copied(), z::Z_DEFAULT_COMPRESSION)?;
    let mut s = match Stream::deflater(level, z::Z_DEFLATED, MAX_WBITS, DEF_MEM_LEVEL, z::Z_DEFAULT_STRATEGY) {
        Ok(s) => s,
        Err((_, z::Z_MEM_ERROR)) => return Err(memory_error("Out of memory while compressing data")),
        Err((_, z::Z_STREAM_ERROR)) => return Err(PyErr::new(error_type(), "Bad compression level")),
        Err((s, err)) => return Err(zlib_error(&s, err, "while compressing data")),
    };
    // SAFETY: an initialised deflate stream.
    let bound = unsafe { z::deflateBound(&mut *s.z, data.len() as z::uLong) } as usize;
    let mut out = Vec::new();
    let (err, _) = s.step(&data, &mut out, bound, z::Z_FINISH);
    if err != z::Z_STREAM_END {
        return Err(zlib_error(&s, err, "while compressing data"));
    }
    let err = s.end();
    if err != z::Z_OK {
        return Err(zlib_error(&s, err, "while finishing compression"));
    }
    Ok(new_str_owned(out))
}

fn decompress(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("decompress", a, kw, 1, 3)?;
    let data = data_arg(a[0], "decompress")?;
    let wbits = opt_int(a.get(1).copied(), MAX_WBITS)?;
    let bufsize = a.get(2).map(|&v| args::ssize_arg(v)).transpose()?.unwrap_or(DEFAULT_ALLOC as i64).max(1) as usize;
    let mut s = match Stream::inflater(wbits) {
        Ok(s) => s,
        Err((_, z::Z_MEM_ERROR)) => return Err(memory_error("Out of memory while decompressing data")),
        Err((s, err)) => return Err(zlib_error(&s, err, "while preparing to decompress data")),
    };
    let mut out = Vec::new();
    let (mut pos, mut room) = (0, bufsize);
    loop {
        let (err, used) = s.step(&data[pos..], &mut out, room, z::Z_FINISH);
        pos += used;
        match err {
            z::Z_STREAM_END => break,
            // No progress with output room left: the data is bad or cut short.
            z::Z_BUF_ERROR if !s.out_full() => return Err(zlib_error(&s, err, "while decompressing data")),
            z::Z_OK | z::Z_BUF_ERROR => room = out.len().max(room),
            _ => return Err(zlib_error(&s, err, "while decompressing data")),
        }
    }
    let err = s.end();
    if err != z::Z_OK {
        return Err(zlib_error(&s, err, "while finishing data decompression"));
    }
    Ok(new_str_owned(out))
}

/// `crc32(data[, value])`, signed as in 2.7.
fn crc32(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("crc32", a, kw, 1, 2)?;
    let data = data_arg(a[0], "crc32")?;
    let start = a.get(1).map(|&v| crate::modules::binascii::c_uint_mask(v)).transpose()?.unwrap_or(0);
    Ok(int::new_int(crate::modules::binascii::crc32_update(start, &data) as i32 as i64))
}

/// `adler32(data[, value])`, signed as in 2.7.
fn adler32(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("adler32", a, kw, 1, 2)?;
    let data = data_arg(a[0], "adler32")?;
    let start = a.get(1).map(|&v| crate::modules::binascii::c_uint_mask(v)).transpose()?.unwrap_or(1);
    let mut acc = start as z::uLong;
    for chunk in data.chunks(1 << 30) {
        // SAFETY: a valid slice and its length.
        acc = unsafe { z::adler32(acc, chunk.as_ptr(), chunk.len() as c_uint) };
    }
    Ok(int::new_int(acc as u32 as i32 as i64))
}

// ---------------------------------------------------------------------------
// Compress and Decompress objects.

#[repr(C)]
pub struct ZObj {
    pub cls: Value,
    stream: RefCell<Stream>,
    /// Decompress only: input after the end of the stream.
    unused_data: Cell<Value>,
    /// Decompress only: input not yet consumed because of `max_length`.
    unconsumed_tail: Cell<Value>,
}
unsafe impl Trace for ZObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.unused_data.get(), self.unconsumed_tail.get()]);
    }
}
vmcore::gc_type!(ZObj, "zlib stream");

fn new_zobj(stream: Stream) -> Value {
    let cls = if stream.deflate { compress_type() } else { decompress_type() };
    let empty = new_str(b"");
    alloc(ZObj { cls, stream: RefCell::new(stream), unused_data: Cell::new(empty), unconsumed_tail: Cell::new(empty) }).as_value()
}

fn this(v: Value) -> PyResult<Gc<ZObj>> {
    Gc::<ZObj>::downcast(unwrap_base(v)).ok_or_else(|| type_error(format!("descriptor requires a zlib object but received a '{}'", type_name(v))))
}

fn compressobj(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("compressobj", a, kw, 0, 5)?;
    let get = |i: usize, d: i32| opt_int(a.get(i).copied(), d);
    let stream = Stream::deflater(get(0, z::Z_DEFAULT_COMPRESSION)?, get(1, z::Z_DEFLATED)?, get(2, MAX_WBITS)?, get(3, DEF_MEM_LEVEL)?, get(4, z::Z_DEFAULT_STRATEGY)?);
    match stream {
        Ok(s) => Ok(new_zobj(s)),
        Err((_, z::Z_MEM_ERROR)) => Err(memory_error("Can't allocate memory for compression object")),
        Err((_, z::Z_STREAM_ERROR)) => Err(value_error("Invalid initialization option")),
        Err((s, err)) => Err(zlib_error(&s, err, "while creating compression object")),
    }
}

fn decompressobj(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("decompressobj", a, kw, 0, 1)?;
    match Stream::inflater(opt_int(a.first().copied(), MAX_WBITS)?) {
        Ok(s) => Ok(new_zobj(s)),
        Err((_, z::Z_MEM_ERROR)) => Err(memory_error("Can't allocate memory for decompression object")),
        Err((_, z::Z_STREAM_ERROR)) => Err(value_error("Invalid initialization option")),
        Err((s, err)) => Err(zlib_error(&s, err, "while creating decompression object")),
    }
}

/// Runs `flush` steps while they fill the whole output buffer (doubling
/// it), the loop of CPython's object methods. Returns the last code and the
/// input consumed.
fn drain(s: &mut Stream, input: &[u8], out: &mut Vec<u8>, flush: c_int, also_buf_error: bool) -> (c_int, usize) {
    let mut room = DEFAULT_ALLOC;
    let (mut err, mut pos) = s.step(input, out, room, flush);
    while (err == z::Z_OK || (also_buf_error && err == z::Z_BUF_ERROR)) && s.out_full() {
        room *= 2;
        let (e, used) = s.step(&input[pos..], out, room, flush);
        err = e;
        pos += used;
    }
    (err, pos)
}

fn c_compress(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("compress", &a[1..], kw, 1, 1)?;
    let data = data_arg(a[1], "compress")?;
    let o = this(a[0])?;
    let mut s = o.stream.borrow_mut();
    let mut out = Vec::new();
    let (err, _) = drain(&mut s, &data, &mut out, z::Z_NO_FLUSH, false);
    if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(&s, err, "while compressing data"));
    }
    Ok(new_str_owned(out))
}

fn c_flush(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("flush", &a[1..], kw, 0, 1)?;
    let mode = opt_int(a.get(1).copied(), z::Z_FINISH)?;
    if mode == z::Z_NO_FLUSH {
        return Ok(new_str(b""));
    }
    let o = this(a[0])?;
    let mut s = o.stream.borrow_mut();
    let mut out = Vec::new();
    let (err, _) = drain(&mut s, &[], &mut out, mode, false);
    if err == z::Z_STREAM_END && mode == z::Z_FINISH {
        let err = s.end();
        if err != z::Z_OK {
            return Err(zlib_error(&s, err, "from deflateEnd()"));
        }
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(&s, err, "while flushing"));
    }
    Ok(new_str_owned(out))
}

fn copy_of(a: &[Value], kw: KwArgs, what: &str) -> PyResult {
    args::noargs("copy", &a[1..], kw)?;
    let o = this(a[0])?;
    let mut s = o.stream.borrow_mut();
    if !s.live {
        return Err(value_error("Inconsistent stream state"));
    }
    match s.copy() {
        Ok(c) => {
            let v = new_zobj(c);
            let n = this(v)?;
            n.unused_data.set(o.unused_data.get());
            n.unconsumed_tail.set(o.unconsumed_tail.get());
            Ok(v)
        }
        Err(z::Z_STREAM_ERROR) => Err(value_error("Inconsistent stream state")),
        Err(z::Z_MEM_ERROR) => Err(memory_error(format!("Can't allocate memory for {what} object"))),
        Err(err) => Err(zlib_error(&s, err, &format!("while copying {what} object"))),
    }
}

fn c_copy(a: &[Value], kw: KwArgs) -> PyResult {
    copy_of(a, kw, "compression")
}

fn d_copy(a: &[Value], kw: KwArgs) -> PyResult {
    copy_of(a, kw, "decompression")
}

/// CPython's `save_unconsumed_input`: after the end of the stream, the
/// rest of the input joins `unused_data`; input left because of an output
/// limit becomes `unconsumed_tail` (which is also refreshed whenever it was
/// non-empty, from the same unconsumed rest).
fn save_unconsumed(o: &ZObj, input: &[u8], consumed: usize, err: c_int) {
    let mut avail = input.len() - consumed;
    let rest = &input[consumed..];
    if err == z::Z_STREAM_END && avail > 0 {
        let mut u = as_bytes(o.unused_data.get()).unwrap_or(b"").to_vec();
        u.extend_from_slice(rest);
        o.unused_data.set(new_str_owned(u));
        avail = 0;
    }
    if avail > 0 || !as_bytes(o.unconsumed_tail.get()).unwrap_or(b"").is_empty() {
        o.unconsumed_tail.set(new_str(rest));
    }
}

fn d_decompress(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("decompress", &a[1..], kw, 1, 2)?;
    let data = args::buffer_arg(a[1], "decompress", 1)?;
    let max_length = opt_int(a.get(2).copied(), 0)?;
    if max_length < 0 {
        return Err(value_error("max_length must be greater than zero"));
    }
    let o = this(a[0])?;
    let mut s = o.stream.borrow_mut();
    let mut out = Vec::new();
    let limit = max_length as usize;
    let mut room = if limit > 0 { DEFAULT_ALLOC.min(limit) } else { DEFAULT_ALLOC };
    let (mut err, mut pos) = s.step(&data, &mut out, room, z::Z_SYNC_FLUSH);
    while err == z::Z_OK && s.out_full() {
        if limit > 0 && out.len() >= limit {
            break;
        }
        // Grow the buffer to twice the output so far, within the limit.
        room = if limit > 0 { out.len().min(limit - out.len()) } else { out.len() };
        let (e, used) = s.step(&data[pos..], &mut out, room, z::Z_SYNC_FLUSH);
        err = e;
        pos += used;
    }
    save_unconsumed(&o, &data, pos, err);
    if err != z::Z_STREAM_END && err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(&s, err, "while decompressing"));
    }
    Ok(new_str_owned(out))
}

fn d_flush(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("flush", &a[1..], kw, 0, 1)?;
    if opt_int(a.get(1).copied(), DEFAULT_ALLOC as i32)? <= 0 {
        return Err(value_error("length must be greater than zero"));
    }
    let o = this(a[0])?;
    let mut s = o.stream.borrow_mut();
    let tail = as_bytes(o.unconsumed_tail.get()).unwrap_or(b"").to_vec();
    let mut out = Vec::new();
    let (err, pos) = drain(&mut s, &tail, &mut out, z::Z_FINISH, true);
    save_unconsumed(&o, &tail, pos, err);
    if err == z::Z_STREAM_END {
        let err = s.end();
        if err != z::Z_OK {
            return Err(zlib_error(&s, err, "from inflateEnd()"));
        }
    }
    Ok(new_str_owned(out))
}

fn d_unused_data(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(this(a[0])?.unused_data.get())
}

fn d_unconsumed_tail(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(this(a[0])?.unconsumed_tail.get())
}

/// Compress and Decompress objects come only from compressobj/decompressobj.
fn no_new(a: &[Value], _kw: KwArgs) -> PyResult {
    Err(type_error(format!("cannot create 'zlib.{}' instances", crate::objects::typeobj::class_name(a[0]))))
}

fn make_type(name: &str, methods: &[(&'static str, NativeFn)]) -> Value {
    let t = new_native_type("zlib", name, None, false);
    add_static(t, "__new__", no_new);
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    t
}

pub fn create() -> Gc<ModuleObj> {
    let m = module_with(
        "zlib",
        &[("compress", compress), ("decompress", decompress), ("compressobj", compressobj), ("decompressobj", decompressobj), ("crc32", crc32), ("adler32", adler32)],
    );
    let d = m.dict;
    d.set_str("error", error_type());
    let consts: &[(&str, i32)] = &[
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", z::Z_DEFLATED),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("Z_BEST_SPEED", z::Z_BEST_SPEED),
        ("Z_BEST_COMPRESSION", z::Z_BEST_COMPRESSION),
        ("Z_DEFAULT_COMPRESSION", z::Z_DEFAULT_COMPRESSION),
        ("Z_FILTERED", z::Z_FILTERED),
        ("Z_HUFFMAN_ONLY", z::Z_HUFFMAN_ONLY),
        ("Z_DEFAULT_STRATEGY", z::Z_DEFAULT_STRATEGY),
        ("Z_FINISH", z::Z_FINISH),
        ("Z_NO_FLUSH", z::Z_NO_FLUSH),
        ("Z_SYNC_FLUSH", z::Z_SYNC_FLUSH),
        ("Z_FULL_FLUSH", z::Z_FULL_FLUSH),
    ];
    for &(n, v) in consts {
        d.set_str(n, int::new_int(v as i64));
    }
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    let version = unsafe { std::ffi::CStr::from_ptr(z::zlibVersion()) };
    d.set_str("ZLIB_VERSION", new_str(version.to_bytes()));
    d.set_str("__version__", new_str(b"1.0"));
    m
}
