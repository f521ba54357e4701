//! `set` and `frozenset`: a hash table of keys (the dict's `Table`, values
//! unused), so iteration order matches CPython's.
//!
//! The algorithms follow CPython 2.7's setobject.c where the choice shows in
//! the result's order: which operand is iterated (intersection walks the
//! smaller set; symmetric difference starts from a copy of the *other*
//! operand), when the table is resized up front (merging a set or a dict),
//! and that `difference_update` shrinks a table left mostly dummies.
//! Results of operators and `copy()` have the left operand's type
//! (`frozenset | set` is a frozenset, `MySet | set` a MySet).
//!
//! A set used as an element to look up (`s in set_of_frozensets`) is looked
//! up as a frozenset, as CPython does for `in`, `remove` and `discard`.

use super::args::{self, noargs, one};
use super::hashtable::{Entry, Table};
use super::iterobj::{new_iter, IterKind, IterObj};
use super::typeobj::{self, is_subtype};
use super::{add_method, add_static, instance, int::new_int, list::new_list, str as pystr};
use crate::ops;
use crate::runtime::errors::{key_error, key_error_msg, runtime_error, type_error};
use crate::runtime::{type_of, types, KwArgs, PyResult, NOT_IMPLEMENTED};
use std::cell::{Cell, UnsafeCell};
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct SetObj {
    pub cls: Value,
    pub table: UnsafeCell<Table>,
    /// frozenset's cached hash, -1 until computed.
    pub hash: Cell<i64>,
}
unsafe impl Trace for SetObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        self.table.trace(t);
    }
}
vmcore::gc_type!(SetObj, "set");

impl SetObj {
    /// The table, for code that runs no Python code while holding it.
    #[allow(clippy::mut_from_ref)]
    pub fn t(&self) -> &mut Table {
        // SAFETY: single-threaded heap; not held across calls into Python.
        unsafe { &mut *self.table.get() }
    }
    fn tp(&self) -> *mut Table {
        self.table.get()
    }
    pub fn len(&self) -> usize {
        self.t().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn add(&self, key: Value) -> PyResult<()> {
        Table::insert(self.tp(), key, ops::hash(key)?, Value::NONE)
    }
    fn add_entry(&self, e: &Entry) -> PyResult<()> {
        Table::insert(self.tp(), e.key, e.hash, Value::NONE)
    }
    fn contains_entry(&self, e: &Entry) -> PyResult<bool> {
        Ok(Table::get(self.tp(), e.key, e.hash)?.is_some())
    }
    fn discard_entry(&self, e: &Entry) -> PyResult<bool> {
        Ok(Table::remove(self.tp(), e.key, e.hash)?.is_some())
    }
    /// Live entries, with their keys rooted by the caller's `RootedVec`.
    fn entries(&self) -> (Vec<Entry>, RootedVec) {
        let es: Vec<Entry> = self.t().iter().copied().collect();
        let roots = RootedVec::from_vec(es.iter().map(|e| e.key).collect());
        (es, roots)
    }
}

/// A new empty set of exactly `cls` (set, frozenset, or a subclass: then an
/// instance wrapping a base set).
fn make_set(cls: Value) -> Value {
    let base = if is_subtype(cls, types::frozenset()) { types::frozenset() } else { types::set() };
    let s = alloc(SetObj { cls: base, table: UnsafeCell::new(Table::new()), hash: Cell::new(-1) }).as_value();
    if cls == base {
        return s;
    }
    let inst = instance::new_instance(typeobj::as_type(cls).expect("set subclass is a type"));
    inst.base.set(s);
    inst.as_value()
}

pub fn new_set() -> Value {
    make_set(types::set())
}

pub fn new_frozenset() -> Value {
    make_set(types::frozenset())
}

/// The set behind `v` (set, frozenset, or subclass instance).
pub fn as_set(v: Value) -> Option<Gc<SetObj>> {
    Gc::<SetObj>::downcast(instance::unwrap_base(v))
}

/// The table of a set or frozenset, for other modules (dict.fromkeys).
pub fn table_of<'a>(v: Value) -> Option<&'a Table> {
    // SAFETY: as `SetObj::t`; read-only use by callers.
    as_set(v).map(|s| unsafe { &*s.table.get() })
}

pub fn is_exact_set(v: Value) -> bool {
    let t = type_of(v);
    t == types::set() || t == types::frozenset()
}

fn is_frozen(v: Value) -> bool {
    is_subtype(type_of(v), types::frozenset())
}

fn this(v: Value) -> PyResult<Gc<SetObj>> {
    as_set(v).ok_or_else(|| type_error(format!("descriptor requires a 'set' object but received a '{}'", typeobj::type_name(v))))
}


/// `set_update_internal`: merge a set or dict with one resize up front, or
/// add the items of any iterable one by one.
fn update_internal(so: Gc<SetObj>, other: Value) -> PyResult<()> {
    if let Some(o) = as_set(other) {
        if o == so || o.is_empty() {
            return Ok(());
        }
        so.t().reserve_for_merge(o.len());
        let (es, _roots) = o.entries();
        for e in &es {
            so.add_entry(e)?;
        }
        return Ok(());
    }
    if type_of(other) == types::dict() {
        let d = super::dict::as_dict(other).expect("dict");
        so.t().reserve_for_merge(d.len());
        let es: Vec<Entry> = d.t().iter().copied().collect();
        let _roots = RootedVec::from_vec(es.iter().map(|e| e.key).collect());
        for e in &es {
            so.add_entry(e)?;
        }
        return Ok(());
    }
    let it = ops::iter(other)?;
    while let Some(k) = ops::next(it)? {
        so.add(k)?;
    }
    Ok(())
}

fn make_new(cls: Value, iterable: Option<Value>) -> PyResult {
    let s = make_set(cls);
    if let Some(it) = iterable {
        update_internal(as_set(s).expect("set"), it)?;
    }
    Ok(s)
}

/// `set_copy`: a new set of the same type (subclasses included, as in 2.7).
fn copy_of(v: Value) -> PyResult {
    make_new(type_of(v), Some(v))
}

/// Looks `key` up; a set key is retried as a frozenset when unhashable.
fn with_frozen_key<T>(key: Value, f: impl Fn(Value) -> PyResult<T>) -> PyResult<T> {
    match f(key) {
        Err(e) if e.matches(types::type_error()) && as_set(key).is_some() && !is_frozen(key) => {
            let fk = make_new(types::frozenset(), Some(key))?;
            f(fk)
        }
        r => r,
    }
}

pub fn contains(so: Gc<SetObj>, key: Value) -> PyResult<bool> {
    with_frozen_key(key, |k| Ok(Table::get(so.tp(), k, ops::hash(k)?)?.is_some()))
}

fn discard(so: Gc<SetObj>, key: Value) -> PyResult<bool> {
    with_frozen_key(key, |k| Ok(Table::remove(so.tp(), k, ops::hash(k)?)?.is_some()))
}

fn clear_internal(so: Gc<SetObj>) {
    so.t().clear();
    so.hash.set(-1);
}

/// `set_intersection`: walks the smaller set (or the iterable) and keeps
/// what the other contains; the result has `so`'s type.
fn intersection(so_v: Value, other: Value) -> PyResult {
    let so = this(so_v)?;
    if let Some(o) = as_set(other) {
        if o == so {
            return copy_of(so_v);
        }
    }
    let result_v = make_set(type_of(so_v));
    let result = as_set(result_v).expect("set");
    if let Some(o) = as_set(other) {
        let (small, big) = if o.len() > so.len() { (so, o) } else { (o, so) };
        let (es, _roots) = small.entries();
        for e in &es {
            if big.contains_entry(e)? {
                result.add_entry(e)?;
            }
        }
        return Ok(result_v);
    }
    let it = ops::iter(other)?;
    while let Some(k) = ops::next(it)? {
        let e = Entry { hash: ops::hash(k)?, key: k, value: Value::NONE };
        if so.contains_entry(&e)? {
            result.add_entry(&e)?;
        }
    }
    Ok(result_v)
}

/// Swaps two sets' contents (the frozenset hash cache is reset).
fn swap_bodies(a: Gc<SetObj>, b: Gc<SetObj>) {
    std::mem::swap(a.t(), b.t());
    a.hash.set(-1);
    b.hash.set(-1);
}

/// `set_difference_update_internal`, including CPython's shrink when the
/// table is left mostly deleted slots.
fn difference_update_internal(so: Gc<SetObj>, other: Value) -> PyResult<()> {
    if as_set(other) == Some(so) {
        clear_internal(so);
        return Ok(());
    }
    if let Some(o) = as_set(other) {
        let (es, _roots) = o.entries();
        for e in &es {
            so.discard_entry(e)?;
        }
    } else {
        let it = ops::iter(other)?;
        while let Some(k) = ops::next(it)? {
            discard(so, k)?;
        }
    }
    let t = so.t();
    if (t.fill - t.used) * 5 >= t.entries.len() - 1 {
        let n = if t.used > 50_000 { t.used * 2 } else { t.used * 4 };
        t.resize(n);
    }
    Ok(())
}

fn difference(so_v: Value, other: Value) -> PyResult {
    let so = this(so_v)?;
    let other_is_dict = type_of(other) == types::dict();
    if as_set(other).is_none() && !other_is_dict || (so.len() >> 2) > ops::len(other)? {
        let r = copy_of(so_v)?;
        difference_update_internal(as_set(r).expect("set"), other)?;
        return Ok(r);
    }
    let result_v = make_set(type_of(so_v));
    let result = as_set(result_v).expect("set");
    let (es, _roots) = so.entries();
    for e in &es {
        let present = if other_is_dict {
            let d = super::dict::as_dict(other).expect("dict");
            Table::get(d.tp(), e.key, e.hash)?.is_some()
        } else {
            as_set(other).expect("set").contains_entry(e)?
        };
        if !present {
            result.add_entry(e)?;
        }
    }
    Ok(result_v)
}

fn symmetric_difference_update(so: Gc<SetObj>, other: Value) -> PyResult<()> {
    if as_set(other) == Some(so) {
        clear_internal(so);
        return Ok(());
    }
    let (es, _roots) = if type_of(other) == types::dict() {
        let d = super::dict::as_dict(other).expect("dict");
        let es: Vec<Entry> = d.t().iter().copied().collect();
        let roots = RootedVec::from_vec(es.iter().map(|e| e.key).collect());
        (es, roots)
    } else if let Some(o) = as_set(other) {
        o.entries()
    } else {
        let tmp = make_new(type_of_set_base(so), Some(other))?;
        as_set(tmp).expect("set").entries()
    };
    for e in &es {
        if !so.discard_entry(e)? {
            so.add_entry(e)?;
        }
    }
    Ok(())
}

fn type_of_set_base(so: Gc<SetObj>) -> Value {
    so.cls
}

/// `set_symmetric_difference`: a copy of `other` (as `so`'s type), updated with `so`.
fn symmetric_difference(so_v: Value, other: Value) -> PyResult {
    let r = make_new(type_of(so_v), Some(other))?;
    symmetric_difference_update(as_set(r).expect("set"), so_v)?;
    Ok(r)
}

fn issubset(so: Gc<SetObj>, other: Value) -> PyResult<bool> {
    let o = match as_set(other) {
        Some(o) => o,
        None => as_set(make_new(types::set(), Some(other))?).expect("set"),
    };
    if so.len() > o.len() {
        return Ok(false);
    }
    let (es, _roots) = so.entries();
    for e in &es {
        if !o.contains_entry(e)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(so: Gc<SetObj>, other: Value) -> PyResult<bool> {
    let o = match as_set(other) {
        Some(o) => o,
        None => as_set(make_new(types::set(), Some(other))?).expect("set"),
    };
    issubset(o, so.as_value())
}

/// `frozenset`'s hash: order-independent mix of the element hashes.
fn frozenset_hash(so: Gc<SetObj>) -> i64 {
    if so.hash.get() != -1 {
        return so.hash.get();
    }
    let mut h: u64 = 1927868237u64.wrapping_mul(so.len() as u64 + 1);
    for e in so.t().iter() {
        let eh = e.hash as u64;
        h ^= (eh ^ 89869747u64 ^ (eh << 16)).wrapping_mul(3644798167u64);
    }
    let mut r = h.wrapping_mul(69069).wrapping_add(907133923) as i64;
    if r == -1 {
        r = 590923713;
    }
    so.hash.set(r);
    r
}

/// `set.__iter__` state lives in an `IterObj` of kind `SetItems`; this is its step.
pub fn iter_next(i: &IterObj) -> PyResult<Option<Value>> {
    let Some(so) = as_set(i.seq) else { return Ok(None) };
    if so.len() != i.version.get() {
        i.version.set(usize::MAX);
        return Err(runtime_error("Set changed size during iteration"));
    }
    match so.t().next_from(i.index.get() as usize) {
        None => {
            i.index.set(i64::MAX / 2);
            Ok(None)
        }
        Some((slot, e)) => {
            i.index.set(slot as i64 + 1);
            Ok(Some(e.key))
        }
    }
}

// ---- methods ----

fn set_new(a: &[Value], kw: KwArgs) -> PyResult {
    if a[0] == types::set() && !kw.is_empty() {
        return Err(type_error("set() does not take keyword arguments"));
    }
    check_cls(a[0], types::set())?;
    Ok(make_set(a[0]))
}

fn check_cls(cls: Value, base: Value) -> PyResult<()> {
    let bname = typeobj::class_name(base);
    let Some(t) = typeobj::as_type(cls) else {
        return Err(type_error(format!("{bname}.__new__(X): X is not a type object ({})", typeobj::type_name(cls))));
    };
    if !is_subtype(cls, base) {
        return Err(type_error(format!("{bname}.__new__({}): {} is not a subtype of {bname}", t.name(), t.name())));
    }
    Ok(())
}

fn set_init(a: &[Value], kw: KwArgs) -> PyResult {
    let so = this(a[0])?;
    args::unpack(&typeobj::type_name(a[0]), &a[1..], kw, 0, 1)?;
    clear_internal(so);
    if let Some(&it) = a.get(1) {
        update_internal(so, it)?;
    }
    Ok(Value::NONE)
}

thread_local! {
    /// The empty frozenset is a singleton, as in CPython.
    static EMPTY_FROZEN: std::cell::OnceCell<vmcore::gc::Root> = const { std::cell::OnceCell::new() };
}

fn frozenset_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    if cls == types::frozenset() && !kw.is_empty() {
        return Err(type_error("frozenset() does not take keyword arguments"));
    }
    check_cls(cls, types::frozenset())?;
    args::unpack_n(&typeobj::class_name(cls), a.len() - 1, 0, 1)?;
    let iterable = a.get(1).copied();
    if cls != types::frozenset() {
        return make_new(cls, iterable);
    }
    if let Some(it) = iterable {
        if type_of(it) == types::frozenset() {
            return Ok(it);
        }
        let r = make_new(cls, Some(it))?;
        if !as_set(r).expect("set").is_empty() {
            return Ok(r);
        }
    }
    Ok(EMPTY_FROZEN.with(|e| e.get_or_init(|| vmcore::gc::Root::new(make_set(types::frozenset()))).get()))
}

fn set_add(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("add", &a[1..], kw)?;
    this(a[0])?.add(k)?;
    Ok(Value::NONE)
}

fn set_discard(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("discard", &a[1..], kw)?;
    discard(this(a[0])?, k)?;
    Ok(Value::NONE)
}

fn set_remove(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("remove", &a[1..], kw)?;
    if discard(this(a[0])?, k)? { Ok(Value::NONE) } else { Err(key_error(k)) }
}

/// `pop` keeps a search finger in slot 0's hash field, like `dict.popitem`.
fn set_pop(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("pop", &a[1..], kw)?;
    let so = this(a[0])?;
    if so.is_empty() {
        return Err(key_error_msg("pop from an empty set"));
    }
    // Invariant: not empty (checked above).
    let e = so.t().pop_any().expect("non-empty table");
    Ok(e.key)
}

fn set_clear(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("clear", &a[1..], kw)?;
    clear_internal(this(a[0])?);
    Ok(Value::NONE)
}

fn set_copy(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("copy", &a[1..], kw)?;
    this(a[0])?;
    if type_of(a[0]) == types::frozenset() {
        return Ok(a[0]);
    }
    copy_of(a[0])
}

fn set_update(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("update", kw)?;
    let so = this(a[0])?;
    for &o in &a[1..] {
        update_internal(so, o)?;
    }
    Ok(Value::NONE)
}

fn set_union(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("union", kw)?;
    let so = this(a[0])?;
    let r = copy_of(a[0])?;
    for &o in &a[1..] {
        if as_set(o) != Some(so) {
            update_internal(as_set(r).expect("set"), o)?;
        }
    }
    Ok(r)
}

fn intersection_multi(a: &[Value]) -> PyResult {
    if a.len() == 1 {
        return copy_of(a[0]);
    }
    let mut r = a[0];
    for &o in &a[1..] {
        r = intersection(r, o)?;
    }
    Ok(r)
}

fn set_intersection(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("intersection", kw)?;
    this(a[0])?;
    intersection_multi(a)
}

fn set_intersection_update(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("intersection_update", kw)?;
    let so = this(a[0])?;
    let tmp = intersection_multi(a)?;
    swap_bodies(so, as_set(tmp).expect("set"));
    Ok(Value::NONE)
}

fn set_difference(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("difference", kw)?;
    this(a[0])?;
    if a.len() == 1 {
        return copy_of(a[0]);
    }
    let r = difference(a[0], a[1])?;
    for &o in &a[2..] {
        difference_update_internal(as_set(r).expect("set"), o)?;
    }
    Ok(r)
}

fn set_difference_update(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("difference_update", kw)?;
    let so = this(a[0])?;
    for &o in &a[1..] {
        difference_update_internal(so, o)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("symmetric_difference", &a[1..], kw)?;
    this(a[0])?;
    symmetric_difference(a[0], o)
}

fn set_symmetric_difference_update(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("symmetric_difference_update", &a[1..], kw)?;
    symmetric_difference_update(this(a[0])?, o)?;
    Ok(Value::NONE)
}

fn set_issubset(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("issubset", &a[1..], kw)?;
    Ok(Value::from_bool(issubset(this(a[0])?, o)?))
}

fn set_issuperset(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("issuperset", &a[1..], kw)?;
    Ok(Value::from_bool(issuperset(this(a[0])?, o)?))
}

fn set_isdisjoint(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("isdisjoint", &a[1..], kw)?;
    let so = this(a[0])?;
    if let Some(os) = as_set(o) {
        if os == so {
            return Ok(Value::from_bool(so.is_empty()));
        }
        let (small, big) = if os.len() > so.len() { (so, os) } else { (os, so) };
        let (es, _roots) = small.entries();
        for e in &es {
            if big.contains_entry(e)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = ops::iter(o)?;
    while let Some(k) = ops::next(it)? {
        if contains(so, k)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// Binary operators need sets on both sides, else NotImplemented.
fn both_sets(a: &[Value], name: &str, kw: KwArgs) -> PyResult<Option<Value>> {
    let o = one(name, &a[1..], kw)?;
    this(a[0])?;
    Ok(if as_set(o).is_some() { Some(o) } else { None })
}

fn set_or(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__or__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    let r = copy_of_typed(a[0])?;
    if o != a[0] {
        update_internal(as_set(r).expect("set"), o)?;
    }
    Ok(r)
}

/// CPython's set_or copies via set_copy.
fn copy_of_typed(v: Value) -> PyResult {
    copy_of(v)
}

fn set_and(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__and__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    intersection(a[0], o)
}

fn set_sub(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__sub__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    difference(a[0], o)
}

fn set_xor(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__xor__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    symmetric_difference(a[0], o)
}

fn set_ior(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__ior__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    update_internal(this(a[0])?, o)?;
    Ok(a[0])
}

fn set_iand(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__iand__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    let tmp = intersection(a[0], o)?;
    swap_bodies(this(a[0])?, as_set(tmp).expect("set"));
    Ok(a[0])
}

fn set_isub(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__isub__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    difference_update_internal(this(a[0])?, o)?;
    Ok(a[0])
}

fn set_ixor(a: &[Value], kw: KwArgs) -> PyResult {
    let Some(o) = both_sets(a, "__ixor__", kw)? else { return Ok(NOT_IMPLEMENTED) };
    symmetric_difference_update(this(a[0])?, o)?;
    Ok(a[0])
}

/// Comparisons are subset tests; against a non-set only ==/!= answer.
fn set_richcompare(op: ops::CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    use ops::CmpOp::*;
    let o = one("comparison", &a[1..], kw)?;
    let so = this(a[0])?;
    let Some(os) = as_set(o) else {
        return Ok(match op {
            Eq => Value::FALSE,
            Ne => Value::TRUE,
            _ => NOT_IMPLEMENTED,
        });
    };
    let r = match op {
        Eq | Ne => {
            let eq = so.len() == os.len()
                && !(is_frozen(a[0]) && is_frozen(o) && so.hash.get() != -1 && os.hash.get() != -1 && so.hash.get() != os.hash.get())
                && issubset(so, o)?;
            eq == (op == Eq)
        }
        Le => issubset(so, o)?,
        Ge => issuperset(so, o)?,
        Lt => so.len() < os.len() && issubset(so, o)?,
        Gt => so.len() > os.len() && issuperset(so, o)?,
    };
    Ok(Value::from_bool(r))
}

fn set_contains(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("__contains__", &a[1..], kw)?;
    Ok(Value::from_bool(contains(this(a[0])?, k)?))
}

fn set_len(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this(a[0])?.len() as i64))
}

fn set_iter(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    let so = this(a[0])?;
    Ok(new_iter(IterKind::SetItems, so.as_value(), so.len()))
}

thread_local! {
    static IN_REPR: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `set([1, 2])`, `frozenset([...])`, `MySet([...])`; `set(...)` when recursive.
fn set_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let so = this(a[0])?;
    let name = typeobj::type_name(a[0]);
    if IN_REPR.with(|r| r.borrow().contains(&a[0])) {
        return Ok(pystr::new_str_owned(format!("{name}(...)").into_bytes()));
    }
    let keys = new_list(so.t().iter().map(|e| e.key).collect());
    IN_REPR.with(|r| r.borrow_mut().push(a[0]));
    let body = ops::repr_bytes(keys);
    IN_REPR.with(|r| r.borrow_mut().pop());
    let mut out = format!("{name}(").into_bytes();
    out.extend(body?);
    out.push(b')');
    Ok(pystr::new_str_owned(out))
}

fn frozenset_hash_m(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__hash__", &a[1..], kw)?;
    Ok(new_int(frozenset_hash(this(a[0])?)))
}

fn set_cmp(a: &[Value], _kw: KwArgs) -> PyResult {
    if as_set(a[1]).is_none() {
        return Ok(NOT_IMPLEMENTED);
    }
    Err(type_error("cannot compare sets using cmp()"))
}

pub fn install() {
    let common: &[(&'static str, crate::runtime::NativeFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__or__", set_or),
        ("__ror__", set_or),
        ("__and__", set_and),
        ("__rand__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("__rxor__", set_xor),
        ("__contains__", set_contains),
        ("__len__", set_len),
        ("__iter__", set_iter),
        ("__repr__", set_repr),
        ("__cmp__", set_cmp),
    ];
    let mutating: &[(&'static str, crate::runtime::NativeFn)] = &[
        ("__init__", set_init),
        ("add", set_add),
        ("discard", set_discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
        ("__ior__", set_ior),
        ("__iand__", set_iand),
        ("__isub__", set_isub),
        ("__ixor__", set_ixor),
    ];
    for t in [types::set(), types::frozenset()] {
        for &(n, f) in common {
            add_method(t, n, f);
        }
        super::list_methods::cmp_methods!(t, set_richcompare);
    }
    for &(n, f) in mutating {
        add_method(types::set(), n, f);
    }
    add_static(types::set(), "__new__", set_new);
    add_static(types::frozenset(), "__new__", frozenset_new);
    args::set_attr(types::set(), "__hash__", Value::NONE);
    add_method(types::frozenset(), "__hash__", frozenset_hash_m);
}
