//! `_md5`, `_sha`, `_sha256` and `_sha512`: the hash modules `hashlib.py`
//! falls back on when there is no OpenSSL `_hashlib` (as in the reference
//! CPython 2.7.18 build). The four modules share one hash object, written
//! over the RustCrypto digests; only their constructors and type names differ.

use crate::modules::{module_with, new_native_type};
use crate::objects::instance::unwrap_base;
use crate::objects::module::ModuleObj;
use crate::objects::str::{new_str, new_str_owned};
use crate::objects::typeobj::type_name;
use crate::objects::{add_method, add_static, args, int};
use crate::runtime::errors::type_error;
use crate::runtime::{KwArgs, NativeFn, PyResult};
use sha2::Digest;
use std::cell::RefCell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

/// (module, type name, `name` attribute, digest size, block size).
fn info(h: &Hasher) -> (&'static str, &'static str, &'static str, usize, usize) {
    match h {
        Hasher::Md5(_) => ("_md5", "md5", "MD5", 16, 64),
        Hasher::Sha1(_) => ("_sha", "sha", "SHA1", 20, 64),
        Hasher::Sha224(_) => ("_sha256", "sha224", "SHA224", 28, 64),
        Hasher::Sha256(_) => ("_sha256", "sha256", "SHA256", 32, 64),
        Hasher::Sha384(_) => ("_sha512", "sha384", "SHA384", 48, 128),
        Hasher::Sha512(_) => ("_sha512", "sha512", "SHA512", 64, 128),
    }
}

impl Hasher {
    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(data),
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha224(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    /// The digest so far; the object stays usable for more updates.
    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        }
    }

    fn type_object(&self) -> Value {
        match self {
            Hasher::Md5(_) => md5_type(),
            Hasher::Sha1(_) => sha1_type(),
            Hasher::Sha224(_) => sha224_type(),
            Hasher::Sha256(_) => sha256_type(),
            Hasher::Sha384(_) => sha384_type(),
            Hasher::Sha512(_) => sha512_type(),
        }
    }
}

#[repr(C)]
pub struct HashObj {
    pub cls: Value,
    /// Boxed: digest states may need more than the heap's 8-byte alignment.
    h: RefCell<Box<Hasher>>,
}
unsafe impl Trace for HashObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(HashObj, "hash");

fn new_hash(h: Hasher) -> Value {
    alloc(HashObj { cls: h.type_object(), h: RefCell::new(Box::new(h)) }).as_value()
}

fn this(v: Value) -> PyResult<Gc<HashObj>> {
    Gc::<HashObj>::downcast(unwrap_base(v)).ok_or_else(|| type_error(format!("descriptor requires a hash object but received a '{}'", type_name(v))))
}

fn h_update(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("update", &a[1..], kw, 1, 1)?;
    let data = args::buffer_arg(a[1], "update", 1)?;
    this(a[0])?.h.borrow_mut().update(&data);
    Ok(Value::NONE)
}

fn h_digest(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("digest", &a[1..], kw)?;
    Ok(new_str_owned(this(a[0])?.h.borrow().digest()))
}

fn h_hexdigest(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("hexdigest", &a[1..], kw)?;
    let d = this(a[0])?.h.borrow().digest();
    Ok(new_str_owned(d.iter().flat_map(|b| format!("{b:02x}").into_bytes()).collect()))
}

fn h_copy(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("copy", &a[1..], kw)?;
    Ok(new_hash(Hasher::clone(&this(a[0])?.h.borrow())))
}

fn h_digest_size(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(int::new_int(info(&this(a[0])?.h.borrow()).3 as i64))
}

fn h_block_size(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(int::new_int(info(&this(a[0])?.h.borrow()).4 as i64))
}

fn h_name(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_str(info(&this(a[0])?.h.borrow()).2.as_bytes()))
}

/// Hash objects come only from the modules' constructors.
fn no_new(a: &[Value], _kw: KwArgs) -> PyResult {
    let module = crate::objects::typeobj::as_type(a[0]).and_then(|t| t.dict.get_str("__module__")).map(|m| crate::objects::str::as_bytes(m).unwrap_or(b"").to_vec()).unwrap_or_default();
    Err(type_error(format!("cannot create '{}.{}' instances", String::from_utf8_lossy(&module), crate::objects::typeobj::class_name(a[0]))))
}

fn make_type(h: Hasher) -> Value {
    let (module, name, ..) = info(&h);
    let t = new_native_type(module, name, None, false);
    add_static(t, "__new__", no_new);
    let methods: &[(&'static str, NativeFn)] = &[("update", h_update), ("digest", h_digest), ("hexdigest", h_hexdigest), ("copy", h_copy)];
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    args::add_getter(t, "digest_size", h_digest_size);
    args::add_getter(t, "digestsize", h_digest_size);
    args::add_getter(t, "block_size", h_block_size);
    args::add_getter(t, "name", h_name);
    t
}

crate::native_type!(md5_type, || make_type(Hasher::Md5(Default::default())));
crate::native_type!(sha1_type, || make_type(Hasher::Sha1(Default::default())));
crate::native_type!(sha224_type, || make_type(Hasher::Sha224(Default::default())));
crate::native_type!(sha256_type, || make_type(Hasher::Sha256(Default::default())));
crate::native_type!(sha384_type, || make_type(Hasher::Sha384(Default::default())));
crate::native_type!(sha512_type, || make_type(Hasher::Sha512(Default::default())));

/// A constructor `new([string])`; `_md5.new` alone takes no keywords.
fn construct(a: &[Value], kw: KwArgs, keywords: bool, mut h: Hasher) -> PyResult {
    let data = if keywords {
        args::parse("new", a, kw, &["string"], 0)?[0]
    } else {
        args::arity("new", a, kw, 0, 1)?;
        a.first().copied()
    };
    if let Some(v) = data {
        h.update(&args::buffer_arg(v, "new", 1)?);
    }
    Ok(new_hash(h))
}

fn md5_new(a: &[Value], kw: KwArgs) -> PyResult {
    construct(a, kw, false, Hasher::Md5(Default::default()))
}

fn sha1_new(a: &[Value], kw: KwArgs) -> PyResult {
    construct(a, kw, true, Hasher::Sha1(Default::default()))
}

fn sha224_new(a: &[Value], kw: KwArgs) -> PyResult {
    construct(a, kw, true, Hasher::Sha224(Default::default()))
}

fn sha256_new(a: &[Value], kw: KwArgs) -> PyResult {
    construct(a, kw, true, Hasher::Sha256(Default::default()))
}

fn sha384_new(a: &[Value], kw: KwArgs) -> PyResult {
    construct(a, kw, true, Hasher::Sha384(Default::default()))
}

fn sha512_new(a: &[Value], kw: KwArgs) -> PyResult {
    construct(a, kw, true, Hasher::Sha512(Default::default()))
}

pub fn create_md5() -> Gc<ModuleObj> {
    let m = module_with("_md5", &[("new", md5_new)]);
    m.dict.set_str("MD5Type", md5_type());
    m.dict.set_str("digest_size", int::new_int(16));
    m
}

pub fn create_sha() -> Gc<ModuleObj> {
    let m = module_with("_sha", &[("new", sha1_new)]);
    m.dict.set_str("blocksize", int::new_int(1));
    m.dict.set_str("digest_size", int::new_int(20));
    m.dict.set_str("digestsize", int::new_int(20));
    m
}

pub fn create_sha256() -> Gc<ModuleObj> {
    module_with("_sha256", &[("sha256", sha256_new), ("sha224", sha224_new)])
}

pub fn create_sha512() -> Gc<ModuleObj> {
    module_with("_sha512", &[("sha512", sha512_new), ("sha384", sha384_new)])
}
