//! `type`: new-style classes, and the method resolution order.
//!
//! A type holds its name, bases, MRO (C3 linearisation), a dict of
//! attributes, and the root of the shape tree its instances start from.
//! Attribute lookups on types are cached by (type, name) in `ops`; any
//! assignment to a type's dict bumps the global `EPOCH`, which invalidates
//! all caches at once. Cheap because classes are rarely mutated after
//! creation, and it is exactly the quasi-immutable pattern the JIT guards on.

use super::dict::{new_dict, DictObj};
use crate::runtime::{errors::type_error, types, PyResult};
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use vmcore::gc::{alloc, Gc, Trace, Tracer, WeakRef};
use vmcore::object::shape::Shape;
use vmcore::Value;

/// Bumped whenever any type's attributes change.
pub static EPOCH: AtomicU64 = AtomicU64::new(1);

pub fn bump_epoch() {
    EPOCH.fetch_add(1, Relaxed);
}

/// Type flags.
pub const HEAPTYPE: u32 = 1;
/// Instances have no per-instance attributes beyond `__slots__`.
pub const NO_DICT: u32 = 2;
/// May be used as a base class.
pub const BASETYPE: u32 = 4;
/// Instances may be the target of a weak reference (CPython's types with a
/// weak-reference list: functions, types, sets, user classes ...).
pub const WEAKREFABLE: u32 = 8;

#[repr(C)]
pub struct TypeObj {
    pub cls: Cell<Value>,
    pub name: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    pub mro: RefCell<Vec<Value>>,
    pub dict: Gc<DictObj>,
    /// The builtin type whose layout instances have (`object` for plain classes).
    pub solid: Cell<Value>,
    pub shape_root: Gc<Shape>,
    pub flags: Cell<u32>,
    /// Names declared in `__slots__` (they live in the shape like attributes).
    pub slot_names: RefCell<Vec<Value>>,
    /// Weak references to the direct subclasses, for `__subclasses__()`
    /// (a class must not keep its subclasses alive).
    pub subclasses: RefCell<Vec<Gc<WeakRef>>>,
}
unsafe impl Trace for TypeObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls.get());
        self.bases.trace(t);
        self.mro.trace(t);
        t.gc(self.dict);
        t.value(self.solid.get());
        t.gc(self.shape_root);
        self.slot_names.trace(t);
        self.subclasses.trace(t);
    }
}
vmcore::gc_type!(TypeObj, "type");

impl TypeObj {
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    /// CPython's `tp_name`, which error messages use: types written in C
    /// outside `__builtin__` carry their module (`itertools.count`,
    /// `exceptions.KeyError`); classes and builtins are just their name.
    pub fn tp_name(&self) -> String {
        if !self.has_flag(HEAPTYPE) {
            if let Some(m) = self.dict.get_str("__module__").and_then(super::str::as_bytes) {
                if m != b"__builtin__" {
                    return format!("{}.{}", String::from_utf8_lossy(m), self.name());
                }
            }
        }
        self.name()
    }
}

pub fn as_type(v: Value) -> Option<Gc<TypeObj>> {
    Gc::<TypeObj>::downcast(v)
}

/// The name of `v`'s type, for error messages.
pub fn type_name(v: Value) -> String {
    let t = crate::runtime::type_of(v);
    match as_type(t) {
        Some(t) => t.tp_name(),
        None => "?".into(),
    }
}

/// Creates a type object. `bases` must already be types (or classic classes).
pub fn new_type(meta: Value, name: &str, bases: Vec<Value>, solid: Value, flags: u32) -> Gc<TypeObj> {
    let dict = new_dict();
    let t = alloc(TypeObj {
        cls: Cell::new(meta),
        name: RefCell::new(name.to_string()),
        bases: RefCell::new(bases),
        mro: RefCell::new(Vec::new()),
        dict,
        solid: Cell::new(solid),
        shape_root: Shape::root(),
        flags: Cell::new(flags),
        slot_names: RefCell::new(Vec::new()),
        subclasses: RefCell::new(Vec::new()),
    });
    if solid.is_empty() {
        t.solid.set(t.as_value());
    }
    for &b in t.bases.borrow().iter() {
        if let Some(bt) = as_type(b) {
            let w = vmcore::gc::new_weak(t.as_value(), Value::EMPTY);
            let mut subs = bt.subclasses.borrow_mut();
            subs.retain(|s| !s.target.get().is_empty());
            subs.push(w);
        }
    }
    bump_epoch();
    t
}

/// Computes and stores `t`'s MRO by C3 linearisation.
pub fn compute_mro(t: Gc<TypeObj>) -> PyResult<()> {
    let bases = t.bases.borrow().clone();
    let mut seqs: Vec<Vec<Value>> = Vec::new();
    for &b in &bases {
        seqs.push(mro_of(b));
    }
    seqs.push(bases.clone());
    let mut out = vec![t.as_value()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            break;
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&cand)) {
                chosen = Some(cand);
                break;
            }
        }
        let Some(c) = chosen else {
            let names: Vec<String> = bases.iter().map(|b| class_name(*b)).collect();
            return Err(type_error(format!(
                "Error when calling the metaclass bases\n    Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(c);
        for s in &mut seqs {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
    *t.mro.borrow_mut() = out;
    Ok(())
}

/// `type.__subclasses__()`: the live direct subclasses, oldest first.
fn type_subclasses(a: &[Value], kw: crate::runtime::KwArgs) -> PyResult {
    super::args::noargs("__subclasses__", &a[1..], kw)?;
    let t = as_type(a[0]).ok_or_else(|| type_error("descriptor '__subclasses__' requires a 'type' object"))?;
    let live: Vec<Value> = t.subclasses.borrow().iter().map(|w| w.target.get()).filter(|v| !v.is_empty()).collect();
    Ok(super::list::new_list(live))
}

/// `type.mro()`: the MRO as a list.
fn type_mro(a: &[Value], kw: crate::runtime::KwArgs) -> PyResult {
    super::args::noargs("mro", &a[1..], kw)?;
    let t = as_type(a[0]).ok_or_else(|| type_error("descriptor 'mro' requires a 'type' object"))?;
    let mro = t.mro.borrow().clone();
    Ok(super::list::new_list(mro))
}

pub fn install() {
    super::add_method(types::type_(), "__subclasses__", type_subclasses);
    super::add_method(types::type_(), "mro", type_mro);
}

/// The MRO of a new-style type, or the depth-first order of a classic class.
pub fn mro_of(c: Value) -> Vec<Value> {
    if let Some(t) = as_type(c) {
        return t.mro.borrow().clone();
    }
    if let Some(k) = super::classobj::as_class(c) {
        let mut out = Vec::new();
        super::classobj::classic_mro(k, &mut out);
        return out;
    }
    vec![c]
}

/// Name of a type or classic class.
pub fn class_name(c: Value) -> String {
    if let Some(t) = as_type(c) {
        return t.name();
    }
    if let Some(k) = super::classobj::as_class(c) {
        return super::str::as_bytes(k.name).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
    }
    "?".into()
}

const CACHE_SIZE: usize = 4096;

/// One entry of the type attribute cache: (type, name) -> result at `epoch`.
#[derive(Copy, Clone)]
struct CacheEntry {
    ty: Value,
    name: Value,
    epoch: u64,
    /// EMPTY when the type has no such attribute.
    result: Value,
}

const EMPTY_ENTRY: CacheEntry = CacheEntry { ty: Value::EMPTY, name: Value::EMPTY, epoch: 0, result: Value::EMPTY };

thread_local! {
    static CACHE: std::cell::UnsafeCell<[CacheEntry; CACHE_SIZE]> = const { std::cell::UnsafeCell::new([EMPTY_ENTRY; CACHE_SIZE]) };
}

/// The cache is a GC root: entries keep their type and name alive, so a
/// cached address can never be reused by another object.
pub fn trace_cache(t: &mut Tracer) {
    CACHE.with(|c| {
        for e in unsafe { &*c.get() }.iter() {
            t.values(&[e.ty, e.name, e.result]);
        }
    });
}

/// Looks `name` up along `t`'s MRO (no descriptors invoked), through a
/// direct-mapped cache validated by the global type `EPOCH` (as CPython's
/// method cache is by type version tags).
#[inline]
pub fn lookup(t: Value, name: Value) -> Option<Value> {
    let epoch = EPOCH.load(Relaxed);
    let slot = ((t.0 >> 4) ^ (name.0 >> 3).wrapping_mul(0x9E37_79B9)) as usize % CACHE_SIZE;
    let hit = CACHE.with(|c| {
        // SAFETY: thread-local; no reference escapes this closure.
        let e = unsafe { (*c.get())[slot] };
        (e.ty == t && e.name == name && e.epoch == epoch).then_some(e.result)
    });
    if let Some(r) = hit {
        return if r.is_empty() { None } else { Some(r) };
    }
    let r = lookup_uncached(t, name);
    CACHE.with(|c| unsafe { (&mut *c.get())[slot] = CacheEntry { ty: t, name, epoch, result: r.unwrap_or(Value::EMPTY) } });
    r
}

fn lookup_uncached(t: Value, name: Value) -> Option<Value> {
    let t = as_type(t)?;
    for &c in t.mro.borrow().iter() {
        let d = if let Some(ct) = as_type(c) { ct.dict } else if let Some(k) = super::classobj::as_class(c) { k.dict } else { continue };
        if let Ok(Some(v)) = d.get(name) {
            return Some(v);
        }
    }
    None
}

/// True when `a` is `b` or a subclass of it (new-style or classic).
pub fn is_subtype(a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    if let Some(t) = as_type(a) {
        return t.mro.borrow().contains(&b);
    }
    if super::classobj::as_class(a).is_some() {
        return mro_of(a).contains(&b);
    }
    false
}

/// The class argument of `base.__new__(cls, ...)` as a type, checked to
/// be `base` or a subtype with CPython's errors.
pub fn check_new_cls(cls: Value, base: Value) -> PyResult<Gc<TypeObj>> {
    let bname = as_type(base).map(|b| b.tp_name()).unwrap_or_default();
    let t = as_type(cls).ok_or_else(|| type_error(format!("{bname}.__new__(X): X is not a type object ({})", type_name(cls))))?;
    if !is_subtype(cls, base) {
        let n = t.tp_name();
        return Err(type_error(format!("{bname}.__new__({n}): {n} is not a subtype of {bname}")));
    }
    Ok(t)
}

/// `type.__lt__` and the other comparisons between types: by address, as
/// CPython 2.7's `type_richcompare` does (`functools.total_ordering` reads
/// `int.__gt__`, which is this, bound to `int`).
fn type_richcompare(a: &[Value], op: crate::ops::CmpOp) -> PyResult {
    use crate::ops::CmpOp::*;
    let (Some(x), Some(y)) = (as_type(a[0]), as_type(a[1])) else { return Ok(crate::runtime::NOT_IMPLEMENTED) };
    let o = x.addr().cmp(&y.addr());
    Ok(Value::from_bool(match op {
        Lt => o.is_lt(),
        Le => o.is_le(),
        Eq => o.is_eq(),
        Ne => o.is_ne(),
        Gt => o.is_gt(),
        Ge => o.is_ge(),
    }))
}

pub fn install_comparisons() {
    use crate::ops::CmpOp;
    macro_rules! cmp {
        ($($name:literal => $op:expr),*) => {$(
            super::add_method(types::type_(), $name, |a, kw| {
                super::args::one($name, &a[1..], kw)?;
                type_richcompare(a, $op)
            });
        )*};
    }
    cmp!("__lt__" => CmpOp::Lt, "__le__" => CmpOp::Le, "__eq__" => CmpOp::Eq, "__ne__" => CmpOp::Ne, "__gt__" => CmpOp::Gt, "__ge__" => CmpOp::Ge);
}

/// Sets `type.name = value` on a type, keeping caches honest.
pub fn set_type_attr(t: Gc<TypeObj>, name: Value, v: Value) -> PyResult<()> {
    t.dict.set(name, v)?;
    bump_epoch();
    Ok(())
}

/// Python name of builtin types created before `types::str()` exists.
pub fn builtin_meta() -> Value {
    types::type_()
}
