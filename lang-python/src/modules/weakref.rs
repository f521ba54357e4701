//! The `_weakref` module: weak references (`ref`), proxies, and the
//! bookkeeping `weakref.py` and `_weakrefset.py` build on.
//!
//! A Python weak reference wraps a collector `WeakRef`, which the GC clears
//! when the referent dies. Our GC traces instead of counting references, so
//! a referent dies at the next collection after its last reference is gone,
//! not when `del` runs (PyPy behaves the same); `gc.collect()` forces that
//! collection. Callbacks run at a safe point after the collection that
//! cleared their reference: at the end of `gc.collect()`, else at the
//! interpreter's next loop back-edge (`run_callbacks`).
//!
//! CPython keeps a list of weak references in each referent, which
//! `getweakrefcount` reads and `ref(x)` uses to hand out one shared
//! callback-less reference. Our objects have no such slot, so a registry
//! maps referent addresses to the references made to them. The registry
//! must not keep those references alive, so it holds them through weak
//! handles of its own, and stale entries (dead references, or an address
//! reused by a new object) are dropped when seen.

use crate::interp::traceback::write_unraisable;
use crate::objects::args;
use crate::objects::instance::unwrap_base;
use crate::objects::list_methods::new_of_class;
use crate::objects::module::ModuleObj;
use crate::objects::typeobj::{self, type_name, WEAKREFABLE};
use crate::objects::{add_method, add_static, dict, int::new_int, list, str as pystr};
use crate::ops::{self, BinOp, CmpOp, UnaryOp};
use crate::runtime::errors::{reference_error, type_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyResult, NOT_IMPLEMENTED};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer, WeakRef};
use vmcore::Value;

/// A weak reference or proxy; `cls` tells which.
#[repr(C)]
pub struct RefObj {
    pub cls: Value,
    /// `target` is the referent (EMPTY once it died); `data` is the
    /// Python-visible reference while a callback is pending, which is what
    /// makes the collector queue it when the referent dies.
    weak: Gc<WeakRef>,
    callback: Cell<Value>,
    hash: Cell<Option<i64>>,
}
unsafe impl Trace for RefObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.gc(self.weak);
        t.value(self.callback.get());
    }
}
vmcore::gc_type!(RefObj, "weakref");

crate::native_type!(proxy_type, || crate::modules::new_native_type("__builtin__", "weakproxy", None, false));
crate::native_type!(callable_proxy_type, || crate::modules::new_native_type("__builtin__", "weakcallableproxy", None, false));

impl RefObj {
    /// The referent, or None once it died.
    fn target(&self) -> Option<Value> {
        let t = self.weak.target.get();
        (!t.is_empty()).then_some(t)
    }
}

/// The reference behind `v` (a ref, a proxy, or an instance of a subclass of ref).
fn as_ref(v: Value) -> Option<Gc<RefObj>> {
    Gc::<RefObj>::downcast(unwrap_base(v))
}

fn this(v: Value) -> PyResult<Gc<RefObj>> {
    as_ref(v).ok_or_else(|| type_error(format!("descriptor requires a 'weakref' object but received a '{}'", type_name(v))))
}

fn is_proxy(r: &RefObj) -> bool {
    r.cls == proxy_type() || r.cls == callable_proxy_type()
}

// ---- the registry ----

#[derive(Default)]
struct Registry {
    /// Referent address -> weak handles on the references made to it.
    by_target: HashMap<usize, Vec<Gc<WeakRef>>>,
    entries: usize,
    /// Entries after the last full clean-up (cleaning again at twice that
    /// keeps the cost amortised).
    cleaned_at: usize,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
    /// Set by every collection; tells the interpreter's safe points to look
    /// for cleared references with callbacks.
    static COLLECTED: Cell<bool> = const { Cell::new(false) };
}

/// The referent of a live registered reference held by `handle`, with the reference.
fn handle_entry(handle: Gc<WeakRef>) -> Option<(Value, Value)> {
    let r = handle.target.get();
    let target = as_ref(r)?.target()?;
    Some((target, r))
}

/// GC root scanner: keeps the handles (not the references) alive, and
/// notes that a collection ran. Must not allocate.
fn trace_registry(t: &mut Tracer) {
    COLLECTED.with(|c| c.set(true));
    REGISTRY.with(|r| {
        for hs in r.borrow().by_target.values() {
            for &h in hs {
                t.gc(h);
            }
        }
    });
}

fn register(target: Value, r: Value) {
    let handle = vmcore::gc::new_weak(r, Value::EMPTY);
    REGISTRY.with(|reg| {
        let mut reg = reg.borrow_mut();
        reg.by_target.entry(target.0 as usize).or_default().push(handle);
        reg.entries += 1;
        if reg.entries > 2 * reg.cleaned_at + 64 {
            let mut n = 0;
            reg.by_target.retain(|&addr, hs| {
                hs.retain(|&h| handle_entry(h).is_some_and(|(t, _)| t.0 as usize == addr));
                n += hs.len();
                !hs.is_empty()
            });
            reg.entries = n;
            reg.cleaned_at = n;
        }
    });
}

/// The live references to `target`, oldest first.
fn refs_to(target: Value) -> RootedVec {
    let found = REGISTRY.with(|reg| {
        let mut reg = reg.borrow_mut();
        let Some(hs) = reg.by_target.get_mut(&(target.0 as usize)) else { return Vec::new() };
        let before = hs.len();
        hs.retain(|&h| handle_entry(h).is_some_and(|(t, _)| t == target));
        let found: Vec<Value> = hs.iter().filter_map(|&h| handle_entry(h).map(|(_, r)| r)).collect();
        let removed = before - hs.len();
        if hs.is_empty() {
            reg.by_target.remove(&(target.0 as usize));
        }
        reg.entries -= removed;
        found
    });
    RootedVec::from_vec(found)
}

// ---- callbacks ----

/// True when a collection ran since the last `run_callbacks`.
#[inline]
pub fn callbacks_due() -> bool {
    COLLECTED.with(|c| c.get())
}

/// Calls the callbacks of references cleared by past collections, newest
/// reference first (CPython's order for references to one object). A
/// failing callback is reported on stderr and ignored, as in CPython.
pub fn run_callbacks() {
    COLLECTED.with(|c| c.set(false));
    let cleared = vmcore::gc::take_cleared_weakrefs();
    if cleared.is_empty() {
        return;
    }
    let refs = RootedVec::from_vec(cleared.iter().rev().map(|w| w.data.replace(Value::NONE)).collect());
    for &r in refs.iter() {
        let Some(inner) = as_ref(r) else { continue };
        let cb = inner.callback.replace(Value::NONE);
        if cb != Value::NONE {
            if let Err(e) = ops::call(cb, &[r], &[]) {
                write_unraisable(&e, cb);
            }
        }
    }
}

// ---- creating references ----

fn check_weakrefable(ob: Value) -> PyResult<()> {
    match typeobj::as_type(type_of(ob)) {
        Some(t) if t.has_flag(WEAKREFABLE) => Ok(()),
        Some(t) => Err(type_error(format!("cannot create weak reference to '{}' object", t.tp_name()))),
        None => Err(type_error(format!("cannot create weak reference to '{}' object", type_name(ob)))),
    }
}

fn new_ref_obj(cls: Value, ob: Value) -> Gc<RefObj> {
    let weak = vmcore::gc::new_weak(ob, Value::NONE);
    alloc(RefObj { cls, weak, callback: Cell::new(Value::NONE), hash: Cell::new(None) })
}

/// Records the Python-visible reference `outer` (the ref itself, or the
/// subclass instance wrapping it) and arms its callback.
fn finish(ob: Value, outer: Value, callback: Value) -> Value {
    let inner = as_ref(outer).expect("a weak reference");
    if callback != Value::NONE {
        inner.callback.set(callback);
        inner.weak.data.set(outer);
    }
    register(ob, outer);
    vmcore::gc::add_root_scanner(trace_registry);
    outer
}

/// The shared callback-less reference of exact type `cls` to `ob`, if one exists.
fn shared(ob: Value, cls: Value) -> Option<Value> {
    refs_to(ob).iter().copied().find(|&r| Gc::<RefObj>::downcast(r).is_some_and(|i| i.cls == cls && i.callback.get() == Value::NONE))
}

/// `(ob[, callback])` as CPython's weakref constructors unpack it.
fn ob_and_callback(name: &str, a: &[Value], kw: KwArgs) -> PyResult<(Value, Value)> {
    if !kw.is_empty() {
        return Err(type_error("ref() does not take keyword arguments"));
    }
    args::unpack_n(name, a.len(), 1, 2)?;
    Ok((a[0], a.get(1).copied().unwrap_or(Value::NONE)))
}

fn ref_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    let (ob, callback) = ob_and_callback("__new__", &a[1..], kw)?;
    check_weakrefable(ob)?;
    if cls == types::weakref() && callback == Value::NONE {
        if let Some(r) = shared(ob, cls) {
            return Ok(r);
        }
    }
    let outer = new_of_class(cls, types::weakref(), || new_ref_obj(types::weakref(), ob).as_value())?;
    Ok(finish(ob, outer, callback))
}

fn ref_init(a: &[Value], kw: KwArgs) -> PyResult {
    ob_and_callback("__init__", &a[1..], kw)?;
    Ok(Value::NONE)
}

fn proxy(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("proxy", kw)?;
    args::unpack_n("proxy", a.len(), 1, 2)?;
    let (ob, callback) = (a[0], a.get(1).copied().unwrap_or(Value::NONE));
    check_weakrefable(ob)?;
    let cls = if crate::builtins::functions::is_callable(ob) { callable_proxy_type() } else { proxy_type() };
    if callback == Value::NONE {
        if let Some(p) = shared(ob, cls) {
            return Ok(p);
        }
    }
    let p = new_ref_obj(cls, ob).as_value();
    Ok(finish(ob, p, callback))
}

fn getweakrefcount(a: &[Value], kw: KwArgs) -> PyResult {
    let ob = args::one("getweakrefcount", a, kw)?;
    Ok(new_int(refs_to(ob).len() as i64))
}

fn getweakrefs(a: &[Value], kw: KwArgs) -> PyResult {
    let ob = args::one("getweakrefs", a, kw)?;
    Ok(list::new_list(refs_to(ob).to_vec()))
}

/// `_remove_dead_weakref(d, key)`: `del d[key]` if it is a dead reference
/// (weakref.py's callbacks use it so a live replacement is never removed).
fn remove_dead_weakref(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("_remove_dead_weakref", a, kw, 2, 2)?;
    let d = dict::as_dict(unwrap_base(a[0])).ok_or_else(|| type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {}", type_name(a[0]))))?;
    let Some(v) = d.get(a[1])? else { return Ok(Value::NONE) };
    let r = as_ref(v).filter(|r| !is_proxy(r)).ok_or_else(|| type_error("not a weakref"))?;
    if r.target().is_none() {
        d.del(a[1])?;
    }
    Ok(Value::NONE)
}

// ---- ref methods ----

fn ref_call(a: &[Value], kw: KwArgs) -> PyResult {
    args::parse("__call__", &a[1..], kw, &[], 0)?;
    Ok(this(a[0])?.target().unwrap_or(Value::NONE))
}

/// The referent's hash, remembered so it survives the referent.
fn ref_hash(a: &[Value], _: KwArgs) -> PyResult {
    let r = this(a[0])?;
    if let Some(h) = r.hash.get() {
        return Ok(new_int(h));
    }
    let t = r.target().ok_or_else(|| type_error("weak object has gone away"))?;
    let h = ops::hash(t)?;
    r.hash.set(Some(h));
    Ok(new_int(h))
}

/// `==` / `!=`: the referents' comparison while both live, identity after.
fn ref_compare(a: &[Value], op: CmpOp) -> PyResult {
    let (me, other) = (this(a[0])?, a[1]);
    let Some(them) = as_ref(other).filter(|r| !is_proxy(r)) else { return Ok(NOT_IMPLEMENTED) };
    match (me.target(), them.target()) {
        (Some(x), Some(y)) => ops::compare(op, x, y),
        _ => Ok(Value::from_bool((a[0] == other) == (op == CmpOp::Eq))),
    }
}
fn ref_eq(a: &[Value], _: KwArgs) -> PyResult {
    ref_compare(a, CmpOp::Eq)
}
fn ref_ne(a: &[Value], _: KwArgs) -> PyResult {
    ref_compare(a, CmpOp::Ne)
}

fn ref_repr(a: &[Value], _: KwArgs) -> PyResult {
    let r = this(a[0])?;
    let text = match r.target() {
        None => format!("<weakref at {:#x}; dead>", a[0].0),
        Some(t) => {
            let name = ops::getattr_opt(t, pystr::intern("__name__")).ok().flatten().and_then(|n| pystr::as_bytes(n).map(|b| String::from_utf8_lossy(b).into_owned()));
            let base = format!("<weakref at {:#x}; to '{}' at {:#x}", a[0].0, type_name(t), t.0);
            match name {
                Some(n) => format!("{base} ({n})>"),
                None => format!("{base}>"),
            }
        }
    };
    Ok(pystr::new_str_owned(text.into_bytes()))
}

// ---- proxies: every operation goes to the referent ----

/// The referent of proxy `v`: Ok(None) when `v` is not a proxy,
/// ReferenceError when the referent died. `ops` uses it to forward
/// attribute access.
pub fn proxy_target(v: Value) -> PyResult<Option<Value>> {
    match Gc::<RefObj>::downcast(v) {
        Some(r) if is_proxy(&r) => r.target().map(Some).ok_or_else(|| reference_error("weakly-referenced object no longer exists")),
        _ => Ok(None),
    }
}

/// A proxy operand replaced by its referent.
fn unwrap(v: Value) -> PyResult<Value> {
    Ok(proxy_target(v)?.unwrap_or(v))
}

fn referent(a: &[Value]) -> PyResult<Value> {
    proxy_target(a[0])?.ok_or_else(|| type_error("descriptor requires a 'weakproxy' object"))
}

fn proxy_repr(a: &[Value], _: KwArgs) -> PyResult {
    let t = referent(a)?;
    let kind = typeobj::class_name(type_of(a[0]));
    Ok(pystr::new_str_owned(format!("<{kind} at {:#x} to {} at {:#x}>", a[0].0, type_name(t), t.0).into_bytes()))
}

macro_rules! forward {
    ($($name:ident => |$t:ident, $rest:ident| $body:expr;)*) => {
        $(
            fn $name(a: &[Value], _: KwArgs) -> PyResult {
                let $t = referent(a)?;
                let $rest: Vec<Value> = a[1..].iter().map(|&v| unwrap(v)).collect::<PyResult<_>>()?;
                let $rest = RootedVec::from_vec($rest);
                $body
            }
        )*
    };
}

forward! {
    p_str => |t, _r| ops::to_str(t);
    p_unicode => |t, _r| ops::call(types::unicode(), &[t], &[]);
    p_len => |t, _r| Ok(new_int(ops::len(t)? as i64));
    p_nonzero => |t, _r| Ok(Value::from_bool(ops::truthy(t)?));
    p_contains => |t, r| Ok(Value::from_bool(ops::contains(t, r[0])?));
    p_getitem => |t, r| ops::getitem(t, r[0]);
    p_setitem => |t, r| ops::setitem(t, r[0], r[1]).map(|_| Value::NONE);
    p_delitem => |t, r| ops::delitem(t, r[0]).map(|_| Value::NONE);
    p_iter => |t, _r| ops::iter(t);
    p_next => |t, _r| ops::next(t)?.ok_or_else(crate::runtime::errors::stop_iteration);
    p_neg => |t, _r| ops::unaryop(UnaryOp::Neg, t);
    p_pos => |t, _r| ops::unaryop(UnaryOp::Pos, t);
    p_invert => |t, _r| ops::unaryop(UnaryOp::Invert, t);
    p_abs => |t, _r| ops::call(crate::builtins::module().dict.get_str("abs").unwrap_or(Value::NONE), &[t], &[]);
    p_int => |t, _r| ops::call(types::int(), &[t], &[]);
    p_long => |t, _r| ops::call(types::long(), &[t], &[]);
    p_float => |t, _r| ops::call(types::float(), &[t], &[]);
}

/// Binary operators: `(name, reflected name, in-place name, operator)`.
const BINOPS: [(&str, &str, &str, BinOp); 13] = [
    ("__add__", "__radd__", "__iadd__", BinOp::Add),
    ("__sub__", "__rsub__", "__isub__", BinOp::Sub),
    ("__mul__", "__rmul__", "__imul__", BinOp::Mul),
    ("__div__", "__rdiv__", "__idiv__", BinOp::Div),
    ("__truediv__", "__rtruediv__", "__itruediv__", BinOp::TrueDiv),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__", BinOp::FloorDiv),
    ("__mod__", "__rmod__", "__imod__", BinOp::Mod),
    ("__pow__", "__rpow__", "__ipow__", BinOp::Pow),
    ("__lshift__", "__rlshift__", "__ilshift__", BinOp::LShift),
    ("__rshift__", "__rrshift__", "__irshift__", BinOp::RShift),
    ("__and__", "__rand__", "__iand__", BinOp::And),
    ("__or__", "__ror__", "__ior__", BinOp::Or),
    ("__xor__", "__rxor__", "__ixor__", BinOp::Xor),
];

/// How a forwarded binary operator combines the referent `t` and operand `o`.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
    InPlace,
}

fn binary(a: &[Value], i: usize, side: Side) -> PyResult {
    let t = referent(a)?;
    let o = unwrap(*a.get(1).ok_or_else(|| type_error("expected 1 arguments, got 0"))?)?;
    let op = BINOPS[i].3;
    match side {
        Side::Left => ops::binop(op, t, o),
        Side::Right => ops::binop(op, o, t),
        Side::InPlace => ops::inplace_op(op, t, o),
    }
}

/// One native function per (operator, side): fn pointers cannot capture.
macro_rules! binary_fns {
    ($($i:literal: $l:ident $r:ident $ip:ident;)*) => {
        $(
            fn $l(a: &[Value], _: KwArgs) -> PyResult { binary(a, $i, Side::Left) }
            fn $r(a: &[Value], _: KwArgs) -> PyResult { binary(a, $i, Side::Right) }
            fn $ip(a: &[Value], _: KwArgs) -> PyResult { binary(a, $i, Side::InPlace) }
        )*
        const BINARY_FNS: [[NativeFn; 3]; 13] = [$([$l, $r, $ip]),*];
    };
}
binary_fns! {
    0: b0 r0 i0; 1: b1 r1 i1; 2: b2 r2 i2; 3: b3 r3 i3; 4: b4 r4 i4; 5: b5 r5 i5; 6: b6 r6 i6;
    7: b7 r7 i7; 8: b8 r8 i8; 9: b9 r9 i9; 10: b10 r10 i10; 11: b11 r11 i11; 12: b12 r12 i12;
}

fn p_call(a: &[Value], kw: KwArgs) -> PyResult {
    let t = referent(a)?;
    ops::call(t, &a[1..], kw)
}

fn proxy_compare(a: &[Value], op: CmpOp) -> PyResult {
    let t = referent(a)?;
    ops::compare(op, t, unwrap(a[1])?)
}
fn p_lt(a: &[Value], _: KwArgs) -> PyResult {
    proxy_compare(a, CmpOp::Lt)
}
fn p_le(a: &[Value], _: KwArgs) -> PyResult {
    proxy_compare(a, CmpOp::Le)
}
fn p_eq(a: &[Value], _: KwArgs) -> PyResult {
    proxy_compare(a, CmpOp::Eq)
}
fn p_ne(a: &[Value], _: KwArgs) -> PyResult {
    proxy_compare(a, CmpOp::Ne)
}
fn p_gt(a: &[Value], _: KwArgs) -> PyResult {
    proxy_compare(a, CmpOp::Gt)
}
fn p_ge(a: &[Value], _: KwArgs) -> PyResult {
    proxy_compare(a, CmpOp::Ge)
}

fn install_proxy_type(t: Value, callable: bool) {
    let methods: [(&'static str, NativeFn); 25] = [
        ("__repr__", proxy_repr),
        ("__str__", p_str),
        ("__unicode__", p_unicode),
        ("__len__", p_len),
        ("__nonzero__", p_nonzero),
        ("__contains__", p_contains),
        ("__getitem__", p_getitem),
        ("__setitem__", p_setitem),
        ("__delitem__", p_delitem),
        ("__iter__", p_iter),
        ("next", p_next),
        ("__neg__", p_neg),
        ("__pos__", p_pos),
        ("__invert__", p_invert),
        ("__abs__", p_abs),
        ("__int__", p_int),
        ("__long__", p_long),
        ("__float__", p_float),
        ("__lt__", p_lt),
        ("__le__", p_le),
        ("__eq__", p_eq),
        ("__ne__", p_ne),
        ("__gt__", p_gt),
        ("__ge__", p_ge),
        ("__call__", p_call),
    ];
    for (n, f) in methods {
        if n != "__call__" || callable {
            add_method(t, n, f);
        }
    }
    for (i, &(l, r, ip, _)) in BINOPS.iter().enumerate() {
        add_method(t, l, BINARY_FNS[i][0]);
        add_method(t, r, BINARY_FNS[i][1]);
        add_method(t, ip, BINARY_FNS[i][2]);
    }
    args::set_attr(t, "__hash__", Value::NONE);
}

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Methods of `weakref` and the proxy types (once per thread).
fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let r = types::weakref();
    add_static(r, "__new__", ref_new);
    add_method(r, "__init__", ref_init);
    add_method(r, "__call__", ref_call);
    add_method(r, "__hash__", ref_hash);
    add_method(r, "__eq__", ref_eq);
    add_method(r, "__ne__", ref_ne);
    add_method(r, "__repr__", ref_repr);
    install_proxy_type(proxy_type(), false);
    install_proxy_type(callable_proxy_type(), true);
}

pub fn create() -> Gc<ModuleObj> {
    install();
    let m = crate::modules::module_with(
        "_weakref",
        &[
            ("getweakrefcount", getweakrefcount as NativeFn),
            ("getweakrefs", getweakrefs),
            ("proxy", proxy),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    let d = m.dict;
    d.set_str("ref", types::weakref());
    d.set_str("ReferenceType", types::weakref());
    d.set_str("ProxyType", proxy_type());
    d.set_str("CallableProxyType", callable_proxy_type());
    m
}
