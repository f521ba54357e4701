//! `_codecs`: the codec registry and the base codecs under `codecs.py` and
//! the `encodings` package.
//!
//! The registry holds search functions (`encodings` registers its own on
//! import, and the first lookup imports `encodings`, as CPython does), a
//! cache of the codec tuples they returned, and the error handlers by name.
//! The codecs themselves are in `objects::codecs`; the functions here give
//! them the `(result, length consumed)` interface of CPython's `_codecs`.

use crate::builtins::functions::is_callable;
use crate::interp::import::import_name;
use crate::modules::module_with;
use crate::objects::codecs::{self as c, Handler};
use crate::objects::dict::{new_dict, DictObj};
use crate::objects::exceptions::is_exception_instance;
use crate::objects::function::new_builtin;
use crate::objects::module::ModuleObj;
use crate::objects::str::{as_bytes, new_str, new_str_owned};
use crate::objects::typeobj::{is_subtype, type_name};
use crate::objects::unicode::{as_unicode, new_unicode};
use crate::objects::unicode_methods::coerce;
use crate::objects::{args, int, list, tuple};
use crate::ops;
use crate::runtime::errors::{lookup_error, type_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyErr, PyResult};
use std::cell::OnceCell;
use vmcore::gc::{Gc, Root};
use vmcore::Value;

// ---------------------------------------------------------------------------
// The registry.

struct Registry {
    search: Root,
    cache: Root,
    errors: Root,
}

thread_local! {
    static REGISTRY: OnceCell<Registry> = const { OnceCell::new() };
}

/// (search functions, codec cache, error handlers).
fn registry() -> (Value, Gc<DictObj>, Gc<DictObj>) {
    REGISTRY.with(|r| {
        let r = r.get_or_init(|| {
            let errors = new_dict();
            for (name, f) in BUILTIN_HANDLERS {
                errors.set_str(name.trim_end_matches("_errors"), new_builtin(name, *f));
            }
            Registry { search: Root::new(list::new_list(vec![])), cache: Root::new(new_dict().as_value()), errors: Root::new(errors.as_value()) }
        });
        let dict = |v: Value| crate::objects::dict::as_dict(v).expect("registry dict");
        (r.search.get(), dict(r.cache.get()), dict(r.errors.get()))
    })
}

/// CPython's name normalisation before searching: lower case, spaces to
/// hyphens (the `encodings` search function normalises further).
fn normalize(name: &str) -> String {
    name.chars().map(|c| if c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect()
}

/// `codecs.lookup(encoding)`: the codec's 4-tuple (a CodecInfo).
pub fn lookup(encoding: &str) -> PyResult<Value> {
    let (search, cache, _) = registry();
    let key = normalize(encoding);
    if let Some(hit) = cache.get_str(&key) {
        return Ok(hit);
    }
    if list::as_list(search).is_some_and(|l| l.v().is_empty()) {
        // The encodings package registers its search function on import;
        // like CPython, carry on without it if it cannot be imported.
        if let Err(e) = import_name(new_str(b"encodings"), new_dict(), Value::NONE, int::new_int(0)) {
            if !e.matches(types::import_error()) {
                return Err(e);
            }
        }
    }
    let funcs = ops::to_vec(search)?;
    for f in funcs {
        let r = ops::call(f, &[new_str(key.as_bytes())], &[])?;
        if r == Value::NONE {
            continue;
        }
        if tuple::as_tuple(r).is_none_or(|t| t.len() != 4) {
            return Err(type_error("codec search functions must return 4-tuples"));
        }
        cache.set_str(&key, r);
        return Ok(r);
    }
    Err(lookup_error(format!("unknown encoding: {encoding}")))
}

/// Runs the registered codec's encoder (index 0) or decoder (1) and returns
/// the first item of its result.
fn run_codec(obj: Value, encoding: &str, errors: &str, index: usize) -> PyResult {
    let codec = lookup(encoding)?;
    let f = tuple::as_tuple(codec).expect("checked 4-tuple")[index];
    let r = ops::call(f, &[obj, new_str(errors.as_bytes())], &[])?;
    match tuple::as_tuple(r) {
        Some(t) if t.len() == 2 => Ok(t[0]),
        _ => Err(type_error(format!("{} must return a tuple (object,integer)", if index == 0 { "encoder" } else { "decoder" }))),
    }
}

pub fn encode_with_registry(obj: Value, encoding: &str, errors: &str) -> PyResult {
    run_codec(obj, encoding, errors, 0)
}

pub fn decode_with_registry(obj: Value, encoding: &str, errors: &str) -> PyResult {
    run_codec(obj, encoding, errors, 1)
}

/// The handler registered as `name`.
pub fn lookup_error_handler(name: &str) -> PyResult<Value> {
    registry().2.get_str(name).ok_or_else(|| lookup_error(format!("unknown error handler name '{name}'")))
}

fn str_arg(v: Value, fname: &str, pos: usize) -> PyResult<String> {
    match as_bytes(v) {
        Some(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        None => Err(type_error(format!("{fname}() argument {pos} must be string, not {}", type_name(v)))),
    }
}

fn register(a: &[Value], kw: KwArgs) -> PyResult {
    let f = args::one("register", a, kw)?;
    if !is_callable(f) {
        return Err(type_error("argument must be callable"));
    }
    list::as_list(registry().0).expect("search list").v().push(f);
    Ok(Value::NONE)
}

fn lookup_fn(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("lookup", a, kw, 1, 1)?;
    lookup(&str_arg(a[0], "lookup", 1)?)
}

fn encoding_args(name: &str, a: &[Value], kw: KwArgs) -> PyResult<(Value, String, String)> {
    args::arity(name, a, kw, 1, 3)?;
    let enc = a.get(1).map(|&v| str_arg(v, name, 2)).transpose()?.unwrap_or_else(|| "ascii".into());
    let errors = a.get(2).map(|&v| str_arg(v, name, 3)).transpose()?.unwrap_or_else(|| "strict".into());
    Ok((a[0], enc, errors))
}

fn encode_fn(a: &[Value], kw: KwArgs) -> PyResult {
    let (obj, enc, errors) = encoding_args("encode", a, kw)?;
    encode_with_registry(obj, &enc, &errors)
}

fn decode_fn(a: &[Value], kw: KwArgs) -> PyResult {
    let (obj, enc, errors) = encoding_args("decode", a, kw)?;
    decode_with_registry(obj, &enc, &errors)
}

fn register_error(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("register_error", a, kw, 2, 2)?;
    let name = str_arg(a[0], "register_error", 1)?;
    let f = a[1];
    if !is_callable(f) {
        return Err(type_error("handler must be callable"));
    }
    registry().2.set_str(&name, f);
    Ok(Value::NONE)
}

fn lookup_error_fn(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("lookup_error", a, kw, 1, 1)?;
    lookup_error_handler(&str_arg(a[0], "lookup_error", 1)?)
}

// ---------------------------------------------------------------------------
// The builtin error handlers as functions (what lookup_error returns).

fn attr(exc: Value, name: &str) -> PyResult<Value> {
    ops::getattr(exc, crate::objects::str::intern(name))
}

fn span(exc: Value) -> PyResult<(usize, usize)> {
    let get = |n| -> PyResult<usize> { Ok(args::ssize_arg(attr(exc, n)?)?.max(0) as usize) };
    Ok((get("start")?, get("end")?))
}

/// CPython names the exception's class by its `__name__` here (not tp_name).
fn cant_handle(exc: Value) -> PyErr {
    let name = crate::objects::typeobj::class_name(crate::runtime::type_of(exc));
    type_error(format!("don't know how to handle {name} in error callback"))
}

fn is(exc: Value, t: Value) -> bool {
    is_subtype(type_of(exc), t)
}

fn strict_errors(a: &[Value], kw: KwArgs) -> PyResult {
    let exc = args::one("strict_errors", a, kw)?;
    if is_exception_instance(exc) {
        Err(PyErr::from_instance(exc))
    } else {
        Err(type_error("codec must pass exception instance"))
    }
}

/// A handler's answer: (replacement, resume at `end`).
fn answer(rep: Vec<u32>, end: usize) -> PyResult {
    Ok(tuple::new_tuple_from(&[new_unicode(rep), int::new_int(end as i64)]))
}

fn ignore_errors(a: &[Value], kw: KwArgs) -> PyResult {
    let exc = args::one("ignore_errors", a, kw)?;
    if ![types::unicode_encode_error(), types::unicode_decode_error(), types::unicode_translate_error()].iter().any(|&t| is(exc, t)) {
        return Err(cant_handle(exc));
    }
    answer(Vec::new(), span(exc)?.1)
}

fn replace_errors(a: &[Value], kw: KwArgs) -> PyResult {
    let exc = args::one("replace_errors", a, kw)?;
    let (start, end) = if is(exc, types::unicode_error()) { span(exc)? } else { (0, 0) };
    let n = end.saturating_sub(start);
    if is(exc, types::unicode_encode_error()) {
        answer(vec!['?' as u32; n], end)
    } else if is(exc, types::unicode_decode_error()) {
        answer(vec![0xfffd], end)
    } else if is(exc, types::unicode_translate_error()) {
        answer(vec![0xfffd; n], end)
    } else {
        Err(cant_handle(exc))
    }
}

/// The characters an encode error covers.
fn encode_error_chars(exc: Value) -> PyResult<(Vec<u32>, usize)> {
    if !is(exc, types::unicode_encode_error()) {
        return Err(cant_handle(exc));
    }
    let (start, end) = span(exc)?;
    let obj = attr(exc, "object")?;
    let u = as_unicode(obj).ok_or_else(|| type_error("object attribute must be unicode"))?;
    Ok((u[start.min(u.len())..end.min(u.len())].to_vec(), end))
}

fn xmlcharrefreplace_errors(a: &[Value], kw: KwArgs) -> PyResult {
    let (chars, end) = encode_error_chars(args::one("xmlcharrefreplace_errors", a, kw)?)?;
    answer(chars.iter().flat_map(|c| format!("&#{c};").chars().map(|x| x as u32).collect::<Vec<_>>()).collect(), end)
}

fn backslashreplace_errors(a: &[Value], kw: KwArgs) -> PyResult {
    let (chars, end) = encode_error_chars(args::one("backslashreplace_errors", a, kw)?)?;
    answer(chars.iter().flat_map(|&c| c::char_escape(c).chars().map(|x| x as u32).collect::<Vec<_>>()).collect(), end)
}

const BUILTIN_HANDLERS: &[(&str, NativeFn)] = &[
    ("strict_errors", strict_errors),
    ("ignore_errors", ignore_errors),
    ("replace_errors", replace_errors),
    ("xmlcharrefreplace_errors", xmlcharrefreplace_errors),
    ("backslashreplace_errors", backslashreplace_errors),
];

// ---------------------------------------------------------------------------
// The codec functions: `xxx_encode(unicode, errors=None)` -> (str, length),
// `xxx_decode(data, errors=None[, final])` -> (unicode, consumed).

fn handler(v: Option<&Value>) -> PyResult<Handler> {
    match v {
        None => Ok(Handler::Strict),
        Some(&v) if v == Value::NONE => Ok(Handler::Strict),
        Some(&v) => Ok(Handler::by_name(&String::from_utf8_lossy(as_bytes(v).ok_or_else(|| type_error(format!("argument 2 must be string or None, not {}", type_name(v))))?))),
    }
}

fn flag(v: Option<&Value>) -> PyResult<bool> {
    Ok(v.map(|&v| args::c_int(v)).transpose()?.unwrap_or(0) != 0)
}

fn pair(result: Value, n: usize) -> PyResult {
    Ok(tuple::new_tuple_from(&[result, int::new_int(n as i64)]))
}

/// Arguments of an encoder: the text (str coerced as ASCII) and the handler.
fn enc_args(name: &str, a: &[Value], kw: KwArgs, max: usize) -> PyResult<(Vec<u32>, Handler)> {
    args::arity(name, a, kw, 1, max)?;
    Ok((coerce(a[0])?.into_owned(), handler(a.get(1))?))
}

/// Arguments of a decoder: the bytes (`s*`) and the handler.
fn dec_args<'a>(name: &str, a: &[Value], kw: KwArgs, max: usize) -> PyResult<(std::borrow::Cow<'a, [u8]>, Handler)> {
    args::arity(name, a, kw, 1, max)?;
    Ok((args::buffer_arg(a[0], name, 1)?, handler(a.get(1))?))
}

macro_rules! simple_codec {
    ($enc:ident, $dec:ident, $encode:expr, $decode:expr) => {
        fn $enc(a: &[Value], kw: KwArgs) -> PyResult {
            let (u, h) = enc_args(stringify!($enc), a, kw, 2)?;
            let f: fn(&[u32], Handler) -> PyResult<Vec<u8>> = $encode;
            pair(new_str_owned(f(&u, h)?), u.len())
        }
        fn $dec(a: &[Value], kw: KwArgs) -> PyResult {
            let (b, h) = dec_args(stringify!($dec), a, kw, 2)?;
            let f: fn(&[u8], Handler) -> PyResult<Vec<u32>> = $decode;
            pair(new_unicode(f(&b, h)?), b.len())
        }
    };
}

simple_codec!(ascii_encode, ascii_decode, c::encode_ascii, c::decode_ascii);
simple_codec!(latin_1_encode, latin_1_decode, c::encode_latin1, |b, _| Ok(b.iter().map(|&x| x as u32).collect()));
simple_codec!(unicode_escape_encode, unicode_escape_decode, |u, _| Ok(c::encode_unicode_escape(u)), c::decode_unicode_escape);
simple_codec!(raw_unicode_escape_encode, raw_unicode_escape_decode, |u, _| Ok(c::encode_raw_unicode_escape(u)), c::decode_raw_unicode_escape);

/// Decoders with a `final` flag that may leave input unconsumed.
macro_rules! stateful_codec {
    ($enc:ident, $dec:ident, $encode:expr, $decode:expr) => {
        fn $enc(a: &[Value], kw: KwArgs) -> PyResult {
            let (u, _) = enc_args(stringify!($enc), a, kw, 2)?;
            let f: fn(&[u32]) -> Vec<u8> = $encode;
            pair(new_str_owned(f(&u)), u.len())
        }
        fn $dec(a: &[Value], kw: KwArgs) -> PyResult {
            let (b, h) = dec_args(stringify!($dec), a, kw, 3)?;
            let f: fn(&[u8], Handler, bool) -> PyResult<(Vec<u32>, usize)> = $decode;
            let (u, n) = f(&b, h, flag(a.get(2))?)?;
            pair(new_unicode(u), n)
        }
    };
}

stateful_codec!(utf_8_encode, utf_8_decode, c::encode_utf8, c::decode_utf8);
stateful_codec!(utf_7_encode, utf_7_decode, c::encode_utf7, c::decode_utf7);

/// UTF-16 and UTF-32 in each byte order (`unit` 2 or 4; order 0 = BOM).
macro_rules! utf_codec {
    ($enc:ident, $dec:ident, $unit:expr, $order:expr) => {
        fn $enc(a: &[Value], kw: KwArgs) -> PyResult {
            let (u, _) = enc_args(stringify!($enc), a, kw, if $order == 0 { 3 } else { 2 })?;
            let order = if $order == 0 { a.get(2).map(|&v| args::c_int(v)).transpose()?.unwrap_or(0) as i64 } else { $order };
            pair(new_str_owned(c::encode_utf16_32(&u, $unit, order.signum())), u.len())
        }
        fn $dec(a: &[Value], kw: KwArgs) -> PyResult {
            let (b, h) = dec_args(stringify!($dec), a, kw, 3)?;
            let (u, n, _) = c::decode_utf16_32(&b, $unit, h, $order, flag(a.get(2))?)?;
            pair(new_unicode(u), n)
        }
    };
}

utf_codec!(utf_16_encode, utf_16_decode, 2, 0);
utf_codec!(utf_16_le_encode, utf_16_le_decode, 2, -1);
utf_codec!(utf_16_be_encode, utf_16_be_decode, 2, 1);
utf_codec!(utf_32_encode, utf_32_decode, 4, 0);
utf_codec!(utf_32_le_encode, utf_32_le_decode, 4, -1);
utf_codec!(utf_32_be_encode, utf_32_be_decode, 4, 1);

/// `utf_16_ex_decode(data, errors, byteorder, final)` -> (text, consumed,
/// byte order): the stream readers use it to find the BOM.
fn ex_decode(name: &str, unit: usize, a: &[Value], kw: KwArgs) -> PyResult {
    let (b, h) = dec_args(name, a, kw, 4)?;
    let order = a.get(2).map(|&v| args::c_int(v)).transpose()?.unwrap_or(0) as i64;
    let (u, n, order) = c::decode_utf16_32(&b, unit, h, order.signum(), flag(a.get(3))?)?;
    Ok(tuple::new_tuple_from(&[new_unicode(u), int::new_int(n as i64), int::new_int(order)]))
}

fn utf_16_ex_decode(a: &[Value], kw: KwArgs) -> PyResult {
    ex_decode("utf_16_ex_decode", 2, a, kw)
}

fn utf_32_ex_decode(a: &[Value], kw: KwArgs) -> PyResult {
    ex_decode("utf_32_ex_decode", 4, a, kw)
}

fn charmap_encode(a: &[Value], kw: KwArgs) -> PyResult {
    let (u, h) = enc_args("charmap_encode", a, kw, 3)?;
    let out = match a.get(2) {
        Some(&m) if m != Value::NONE => c::encode_charmap(&u, h, m)?,
        _ => c::encode_latin1(&u, h)?,
    };
    pair(new_str_owned(out), u.len())
}

fn charmap_decode(a: &[Value], kw: KwArgs) -> PyResult {
    let (b, h) = dec_args("charmap_decode", a, kw, 3)?;
    let out = match a.get(2) {
        Some(&m) if m != Value::NONE => c::decode_charmap(&b, h, m)?,
        _ => b.iter().map(|&x| x as u32).collect(),
    };
    pair(new_unicode(out), b.len())
}

/// `charmap_build(decoding_table)`: the inverse table, as a dict (which is
/// what CPython also returns for tables it cannot pack).
fn charmap_build(a: &[Value], kw: KwArgs) -> PyResult {
    let t = args::one("charmap_build", a, kw)?;
    let table = as_unicode(t).ok_or_else(|| type_error("bad argument type for built-in operation"))?;
    let d = new_dict();
    for (i, &ch) in table.iter().enumerate() {
        d.set(int::new_int(ch as i64), int::new_int(i as i64))?;
    }
    Ok(d.as_value())
}

fn unicode_internal_encode(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("unicode_internal_encode", a, kw, 1, 2)?;
    if let Some(u) = as_unicode(a[0]) {
        return pair(new_str_owned(c::encode_unicode_internal(u)), u.len());
    }
    let b = args::buffer_arg(a[0], "unicode_internal_encode", 1)?;
    pair(new_str(&b), b.len())
}

fn unicode_internal_decode(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("unicode_internal_decode", a, kw, 1, 2)?;
    if let Some(u) = as_unicode(a[0]) {
        return pair(a[0], u.len());
    }
    let (b, h) = dec_args("unicode_internal_decode", a, kw, 2)?;
    pair(new_unicode(c::decode_unicode_internal(&b, h)?), b.len())
}

fn escape_encode(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("escape_encode", a, kw, 1, 2)?;
    let b = as_bytes(a[0]).ok_or_else(|| type_error(format!("escape_encode() argument 1 must be string, not {}", type_name(a[0]))))?;
    pair(new_str_owned(c::encode_string_escape(b)), b.len())
}

fn escape_decode(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("escape_decode", a, kw, 1, 2)?;
    let b = args::buffer_arg(a[0], "escape_decode", 1)?;
    pair(new_str_owned(c::decode_string_escape(&b)?), b.len())
}

/// `readbuffer_encode` and `charbuffer_encode`: the bytes of a buffer.
fn readbuffer_encode(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("readbuffer_encode", a, kw, 1, 2)?;
    let b = args::buffer_arg(a[0], "readbuffer_encode", 1)?;
    pair(new_str(&b), b.len())
}

fn charbuffer_encode(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("charbuffer_encode", a, kw, 1, 2)?;
    let b = args::buffer_arg(a[0], "charbuffer_encode", 1)?;
    pair(new_str(&b), b.len())
}

pub fn create() -> Gc<ModuleObj> {
    module_with(
        "_codecs",
        &[
            ("register", register),
            ("lookup", lookup_fn),
            ("encode", encode_fn),
            ("decode", decode_fn),
            ("register_error", register_error),
            ("lookup_error", lookup_error_fn),
            ("ascii_encode", ascii_encode),
            ("ascii_decode", ascii_decode),
            ("latin_1_encode", latin_1_encode),
            ("latin_1_decode", latin_1_decode),
            ("utf_8_encode", utf_8_encode),
            ("utf_8_decode", utf_8_decode),
            ("utf_7_encode", utf_7_encode),
            ("utf_7_decode", utf_7_decode),
            ("utf_16_encode", utf_16_encode),
            ("utf_16_decode", utf_16_decode),
            ("utf_16_le_encode", utf_16_le_encode),
            ("utf_16_le_decode", utf_16_le_decode),
            ("utf_16_be_encode", utf_16_be_encode),
            ("utf_16_be_decode", utf_16_be_decode),
            ("utf_16_ex_decode", utf_16_ex_decode),
            ("utf_32_encode", utf_32_encode),
            ("utf_32_decode", utf_32_decode),
            ("utf_32_le_encode", utf_32_le_encode),
            ("utf_32_le_decode", utf_32_le_decode),
            ("utf_32_be_encode", utf_32_be_encode),
            ("utf_32_be_decode", utf_32_be_decode),
            ("utf_32_ex_decode", utf_32_ex_decode),
            ("unicode_escape_encode", unicode_escape_encode),
            ("unicode_escape_decode", unicode_escape_decode),
            ("raw_unicode_escape_encode", raw_unicode_escape_encode),
            ("raw_unicode_escape_decode", raw_unicode_escape_decode),
            ("unicode_internal_encode", unicode_internal_encode),
            ("unicode_internal_decode", unicode_internal_decode),
            ("charmap_encode", charmap_encode),
            ("charmap_decode", charmap_decode),
            ("charmap_build", charmap_build),
            ("escape_encode", escape_encode),
            ("escape_decode", escape_decode),
            ("readbuffer_encode", readbuffer_encode),
            ("charbuffer_encode", charbuffer_encode),
        ],
    )
}
