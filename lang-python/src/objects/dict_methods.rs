//! Methods of `dict`, and the dict views (`viewkeys()` etc.).
//!
//! Iteration order is the hash table's slot order, so every operation that
//! sizes the table must size it exactly as CPython 2.7 does, or printed
//! dicts come out in a different order. The rules reproduced here:
//! - `update`/`copy`/`dict(mapping)` with a dict argument grow the table
//!   once up front (`reserve_for_merge`) and then insert in the source's
//!   slot order;
//! - keyword arguments are first collected into a dict (as the call
//!   machinery does in CPython), which is then merged;
//! - `fromkeys` of a dict or set presizes to 3/2 of the source's size and
//!   then inserts without further growth;
//! - `popitem` keeps a search finger in slot 0's hash field.

use super::args::{self, noargs, one, unpack};
use super::dict::{as_dict, new_dict, DictObj};
use super::hashtable::{Entry, Table};
use super::iterobj::{new_iter, IterKind};
use super::list::new_list;
use super::list_methods::new_of_class;
use super::tuple::{as_tuple, new_tuple_from};
use super::{add_method, add_static, instance, int::new_int, str as pystr, typeobj};
use crate::ops;
use crate::runtime::errors::{key_error, key_error_msg, type_error, value_error};
use crate::runtime::{type_of, types, KwArgs, PyResult, NOT_IMPLEMENTED};
use vmcore::gc::{Gc, RootedVec};
use vmcore::Value;

/// The dict behind `v`, looking through subclass instances.
pub fn dict_of(v: Value) -> Option<Gc<DictObj>> {
    as_dict(instance::unwrap_base(v))
}

fn this(v: Value) -> PyResult<Gc<DictObj>> {
    dict_of(v).ok_or_else(|| type_error(format!("descriptor requires a 'dict' object but received a '{}'", typeobj::type_name(v))))
}

/// `PyDict_Merge(a, b, override=1)`.
pub fn merge(a: Gc<DictObj>, b: Value) -> PyResult<()> {
    if let Some(bd) = dict_of(b) {
        if bd == a || bd.is_empty() {
            return Ok(());
        }
        a.t().reserve_for_merge(bd.len());
        let entries: Vec<Entry> = bd.t().iter().copied().collect();
        let roots = RootedVec::from_vec(entries.iter().flat_map(|e| [e.key, e.value]).collect());
        for e in &entries {
            // Hashes are reused, as CPython's insertdict does.
            Table::insert(a.tp(), e.key, e.hash, e.value)?;
        }
        drop(roots);
        return Ok(());
    }
    // A mapping: `for k in b.keys(): a[k] = b[k]`.
    let keys = ops::call_method(b, "keys", &[])?;
    let it = ops::iter(keys)?;
    while let Some(k) = ops::next(it)? {
        let v = ops::getitem(b, k)?;
        a.set(k, v)?;
    }
    Ok(())
}

/// `PyDict_MergeFromSeq2`: an iterable of key/value pairs.
fn merge_pairs(a: Gc<DictObj>, seq: Value) -> PyResult<()> {
    let it = ops::iter(seq)?;
    let mut n = 0usize;
    while let Some(item) = ops::next(it)? {
        let pair = if let Some(t) = as_tuple(item) {
            t.to_vec()
        } else if let Some(l) = super::list::as_list(item) {
            l.v().clone()
        } else {
            match ops::to_vec(item) {
                Ok(v) => v,
                Err(e) if e.matches(types::type_error()) => {
                    return Err(type_error(format!("cannot convert dictionary update sequence element #{n} to a sequence")));
                }
                Err(e) => return Err(e),
            }
        };
        if pair.len() != 2 {
            return Err(value_error(format!("dictionary update sequence element #{n} has length {}; 2 is required", pair.len())));
        }
        let (k, v) = (pair[0], pair[1]);
        a.set(k, v)?;
        n += 1;
    }
    Ok(())
}

/// `dict.update` / `dict.__init__` body: positional mapping or pairs, then keywords.
fn update_common(d: Gc<DictObj>, name: &str, a: &[Value], kw: KwArgs) -> PyResult<()> {
    args::unpack_n(name, a.len(), 0, 1)?;
    if let Some(&src) = a.first() {
        if dict_of(src).is_some() || ops::getattr_opt(src, pystr::intern("keys"))?.is_some() {
            merge(d, src)?;
        } else {
            merge_pairs(d, src)?;
        }
    }
    if !kw.is_empty() {
        // CPython's call machinery builds the keyword dict popping the
        // arguments off its stack: last keyword first.
        let kd = new_dict();
        for &(k, v) in kw.iter().rev() {
            kd.set(k, v)?;
        }
        merge(d, kd.as_value())?;
    }
    Ok(())
}

fn dict_new(a: &[Value], _kw: KwArgs) -> PyResult {
    new_of_class(a[0], types::dict(), || new_dict().as_value())
}

fn dict_init(a: &[Value], kw: KwArgs) -> PyResult {
    update_common(this(a[0])?, "dict", &a[1..], kw)?;
    Ok(Value::NONE)
}

fn dict_update(a: &[Value], kw: KwArgs) -> PyResult {
    update_common(this(a[0])?, "update", &a[1..], kw)?;
    Ok(Value::NONE)
}

fn dict_get(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("get", &a[1..], kw, 1, 2)?;
    let d = this(a[0])?;
    Ok(d.get(a[1])?.unwrap_or(a.get(2).copied().unwrap_or(Value::NONE)))
}

fn dict_setdefault(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("setdefault", &a[1..], kw, 1, 2)?;
    let d = this(a[0])?;
    if let Some(v) = d.get(a[1])? {
        return Ok(v);
    }
    let dflt = a.get(2).copied().unwrap_or(Value::NONE);
    d.set(a[1], dflt)?;
    Ok(dflt)
}

fn dict_pop(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("pop", &a[1..], kw, 1, 2)?;
    let d = this(a[0])?;
    let found = if d.is_empty() { None } else { d.del(a[1])? };
    match (found, a.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(&dflt)) => Ok(dflt),
        (None, None) => Err(key_error(a[1])),
    }
}

/// `popitem` scans from a finger kept in slot 0's hash field (when slot 0
/// holds no live entry), so repeated popitems don't rescan the table.
fn dict_popitem(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("popitem", &a[1..], kw)?;
    let d = this(a[0])?;
    if d.is_empty() {
        return Err(key_error_msg("popitem(): dictionary is empty"));
    }
    // Invariant: not empty (checked above).
    let e = d.t().pop_any().expect("non-empty table");
    Ok(new_tuple_from(&[e.key, e.value]))
}

fn dict_keys(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("keys", &a[1..], kw)?;
    let d = this(a[0])?;
    Ok(new_list(d.t().iter().map(|e| e.key).collect()))
}

fn dict_values(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("values", &a[1..], kw)?;
    let d = this(a[0])?;
    Ok(new_list(d.t().iter().map(|e| e.value).collect()))
}

fn dict_items(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("items", &a[1..], kw)?;
    let d = this(a[0])?;
    let pairs = RootedVec::from_vec(d.t().iter().flat_map(|e| [e.key, e.value]).collect());
    let mut out = RootedVec::new();
    for kv in pairs.chunks(2) {
        out.push(new_tuple_from(kv));
    }
    Ok(new_list(out.into_vec()))
}

fn iter_of(v: Value, kind: IterKind) -> PyResult {
    let d = this(v)?;
    Ok(new_iter(kind, d.as_value(), d.len()))
}

fn dict_iterkeys(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("iterkeys", &a[1..], kw)?;
    iter_of(a[0], IterKind::DictKeys)
}
fn dict_itervalues(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("itervalues", &a[1..], kw)?;
    iter_of(a[0], IterKind::DictValues)
}
fn dict_iteritems(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("iteritems", &a[1..], kw)?;
    iter_of(a[0], IterKind::DictItems)
}

fn dict_has_key(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("has_key", &a[1..], kw)?;
    Ok(Value::from_bool(this(a[0])?.get(k)?.is_some()))
}

fn dict_contains(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("__contains__", &a[1..], kw)?;
    Ok(Value::from_bool(this(a[0])?.get(k)?.is_some()))
}

fn dict_copy(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("copy", &a[1..], kw)?;
    let d = this(a[0])?;
    let c = new_dict();
    merge(c, d.as_value())?;
    Ok(c.as_value())
}

fn dict_clear(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("clear", &a[1..], kw)?;
    this(a[0])?.t().clear();
    Ok(Value::NONE)
}

/// `dict.fromkeys(seq, value=None)`, a classmethod: `cls()` then fill.
fn dict_fromkeys(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    unpack("fromkeys", &a[1..], kw, 1, 2)?;
    let (seq, value) = (a[1], a.get(2).copied().unwrap_or(Value::NONE));
    let d = ops::call(cls, &[], &[])?;
    if type_of(d) == types::dict() && as_dict(d).expect("dict").is_empty() {
        let dd = as_dict(d).expect("dict");
        if type_of(seq) == types::dict() {
            let src = as_dict(seq).expect("dict");
            // CPython 2.7.18 sizes for half as many again as the source holds.
            dd.t().resize(src.len() / 2 * 3);
            let keys: Vec<Entry> = src.t().iter().copied().collect();
            let _roots = RootedVec::from_vec(keys.iter().map(|e| e.key).collect());
            for e in keys {
                Table::insert_noresize(dd.tp(), e.key, e.hash, value)?;
            }
            return Ok(d);
        }
        if let Some(st) = super::set::table_of(seq).filter(|_| super::set::is_exact_set(seq)) {
            dd.t().resize(st.len() / 2 * 3);
            let keys: Vec<Entry> = st.iter().copied().collect();
            let _roots = RootedVec::from_vec(keys.iter().map(|e| e.key).collect());
            for e in keys {
                Table::insert_noresize(dd.tp(), e.key, e.hash, value)?;
            }
            return Ok(d);
        }
    }
    let it = ops::iter(seq)?;
    while let Some(k) = ops::next(it)? {
        ops::setitem(d, k, value)?;
    }
    Ok(d)
}

/// `d[k]`; a subclass's `__missing__` supplies absent keys.
fn dict_getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("__getitem__", &a[1..], kw)?;
    let d = this(a[0])?;
    if let Some(v) = d.get(k)? {
        return Ok(v);
    }
    if type_of(a[0]) != types::dict() {
        if let Some(m) = ops::lookup_special(a[0], "__missing__") {
            return ops::call(m, &[k], &[]);
        }
    }
    Err(key_error(k))
}

fn dict_setitem(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__setitem__", &a[1..], kw, 2, 2)?;
    this(a[0])?.set(a[1], a[2])?;
    Ok(Value::NONE)
}

fn dict_delitem(a: &[Value], kw: KwArgs) -> PyResult {
    let k = one("__delitem__", &a[1..], kw)?;
    match this(a[0])?.del(k)? {
        Some(_) => Ok(Value::NONE),
        None => Err(key_error(k)),
    }
}

fn dict_len(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__len__", &a[1..], kw)?;
    Ok(new_int(this(a[0])?.len() as i64))
}

fn dict_iter(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    iter_of(a[0], IterKind::DictKeys)
}

fn dict_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    ops::repr(this(a[0])?.as_value())
}

/// `dict_equal`: same size, and every key of `a` maps to an equal value in `b`.
fn dicts_equal(a: Gc<DictObj>, b: Gc<DictObj>) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let mut i = 0;
    while let Some((slot, e)) = a.t().next_from(i) {
        i = slot + 1;
        let Some(bv) = b.get(e.key)? else { return Ok(false) };
        if !ops::eq_bool(e.value, bv)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_eq(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__eq__", &a[1..], kw)?;
    let Some(other) = dict_of(o) else { return Ok(NOT_IMPLEMENTED) };
    Ok(Value::from_bool(dicts_equal(this(a[0])?, other)?))
}

fn dict_ne(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__ne__", &a[1..], kw)?;
    let Some(other) = dict_of(o) else { return Ok(NOT_IMPLEMENTED) };
    Ok(Value::from_bool(!dicts_equal(this(a[0])?, other)?))
}

/// The smallest key of `a` whose value differs in (or is absent from) `b`,
/// with its value: CPython's `characterize`, the heart of dict ordering.
fn characterize(a: Gc<DictObj>, b: Gc<DictObj>) -> PyResult<Option<(Value, Value)>> {
    let mut best: Option<(Value, Value)> = None;
    let mut i = 0;
    while let Some((slot, e)) = a.t().next_from(i) {
        i = slot + 1;
        if let Some((bk, _)) = best {
            if ops::truthy(ops::compare(ops::CmpOp::Lt, bk, e.key)?)? {
                continue;
            }
        }
        let differs = match b.get(e.key)? {
            None => true,
            Some(bv) => !ops::eq_bool(e.value, bv)?,
        };
        if differs {
            best = Some((e.key, e.value));
        }
    }
    Ok(best)
}

/// Python 2's dict ordering (`cmp(d1, d2)`): shorter first; else by the
/// smallest differing key, then by its values.
fn dict_cmp(a: &[Value], kw: KwArgs) -> PyResult {
    let o = one("__cmp__", &a[1..], kw)?;
    let Some(b) = dict_of(o) else { return Ok(NOT_IMPLEMENTED) };
    let a = this(a[0])?;
    if a.len() != b.len() {
        return Ok(new_int(if a.len() < b.len() { -1 } else { 1 }));
    }
    let Some((ak, av)) = characterize(a, b)? else { return Ok(new_int(0)) };
    let bdiff = characterize(b, a)?;
    let mut res = std::cmp::Ordering::Equal;
    if let Some((bk, _)) = bdiff {
        res = ops::cmp3(ak, bk)?;
    }
    if res.is_eq() {
        if let Some((_, bv)) = bdiff {
            res = ops::cmp3(av, bv)?;
        }
    }
    Ok(new_int(res as i64))
}

// ---- views ----

/// `d.viewkeys()`, `viewvalues()`, `viewitems()`: live views of a dict.
#[repr(C)]
pub struct DictViewObj {
    pub cls: Value,
    pub dict: Value,
    pub kind: IterKind,
}
unsafe impl vmcore::gc::Trace for DictViewObj {
    fn trace(&self, t: &mut vmcore::gc::Tracer) {
        t.value(self.cls);
        t.value(self.dict);
    }
}
vmcore::gc_type!(DictViewObj, "dict_view");

thread_local! {
    /// The three view types (made at bootstrap, per heap).
    static VIEW_TYPES: std::cell::RefCell<Vec<vmcore::gc::Root>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn view_type(kind: IterKind) -> Value {
    let i = match kind {
        IterKind::DictKeys => 0,
        IterKind::DictValues => 1,
        _ => 2,
    };
    VIEW_TYPES.with(|v| v.borrow()[i].get())
}

fn new_view(a: &[Value], kw: KwArgs, name: &str, kind: IterKind) -> PyResult {
    noargs(name, &a[1..], kw)?;
    let d = this(a[0])?;
    Ok(vmcore::gc::alloc(DictViewObj { cls: view_type(kind), dict: d.as_value(), kind }).as_value())
}
fn dict_viewkeys(a: &[Value], kw: KwArgs) -> PyResult {
    new_view(a, kw, "viewkeys", IterKind::DictKeys)
}
fn dict_viewvalues(a: &[Value], kw: KwArgs) -> PyResult {
    new_view(a, kw, "viewvalues", IterKind::DictValues)
}
fn dict_viewitems(a: &[Value], kw: KwArgs) -> PyResult {
    new_view(a, kw, "viewitems", IterKind::DictItems)
}

fn view(v: Value) -> PyResult<Gc<DictViewObj>> {
    Gc::<DictViewObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a dict view"))
}

fn view_len(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_int(as_dict(view(a[0])?.dict).expect("dict").len() as i64))
}

fn view_iter(a: &[Value], _kw: KwArgs) -> PyResult {
    let v = view(a[0])?;
    Ok(new_iter(v.kind, v.dict, as_dict(v.dict).expect("dict").len()))
}

fn view_contains(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("__contains__", &a[1..], kw)?;
    let v = view(a[0])?;
    let d = as_dict(v.dict).expect("dict");
    Ok(Value::from_bool(match v.kind {
        IterKind::DictKeys => d.get(x)?.is_some(),
        IterKind::DictItems => match as_tuple(x) {
            Some(t) if t.len() == 2 => match d.get(t[0])? {
                Some(val) => ops::eq_bool(val, t[1])?,
                None => false,
            },
            _ => false,
        },
        _ => {
            let it = view_iter(a, kw)?;
            let mut found = false;
            while let Some(y) = ops::next(it)? {
                if ops::eq_bool(y, x)? {
                    found = true;
                    break;
                }
            }
            found
        }
    }))
}

fn view_repr(a: &[Value], kw: KwArgs) -> PyResult {
    let v = view(a[0])?;
    let items = ops::to_vec(view_iter(a, kw)?)?;
    let l = new_list(items);
    let mut out = typeobj::type_name(a[0]).into_bytes();
    out.push(b'(');
    out.extend(ops::repr_bytes(l)?);
    out.push(b')');
    let _ = v;
    Ok(pystr::new_str_owned(out))
}

fn view_and(a: &[Value], _kw: KwArgs) -> PyResult {
    view_setop_result(a, "__and__")
}
/// Set operations on key and item views build sets from both operands.
fn view_setop_result(a: &[Value], op: &str) -> PyResult {
    let s = ops::call(types::set(), &[a[0]], &[])?;
    let o = ops::call(types::set(), &[a[1]], &[])?;
    ops::call_method(s, op, &[o])
}
fn view_or(a: &[Value], _kw: KwArgs) -> PyResult {
    view_setop_result(a, "__or__")
}
fn view_sub(a: &[Value], _kw: KwArgs) -> PyResult {
    view_setop_result(a, "__sub__")
}
fn view_xor(a: &[Value], _kw: KwArgs) -> PyResult {
    view_setop_result(a, "__xor__")
}

fn view_eq(a: &[Value], _kw: KwArgs) -> PyResult {
    let v = view(a[0])?;
    if v.kind == IterKind::DictValues || Gc::<DictViewObj>::downcast(a[1]).is_none() && super::set::table_of(a[1]).is_none() {
        return Ok(NOT_IMPLEMENTED);
    }
    view_setop_result(a, "__eq__")
}

fn make_view_types() {
    let names = ["dict_keys", "dict_values", "dict_items"];
    let mut made = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let t = typeobj::new_type(types::type_(), n, vec![types::object()], Value::EMPTY, 0);
        unsafe { t.dict.get_mut().cls = types::dict() };
        typeobj::compute_mro(t).expect("view MRO");
        let tv = t.as_value();
        add_method(tv, "__len__", view_len);
        add_method(tv, "__iter__", view_iter);
        add_method(tv, "__contains__", view_contains);
        add_method(tv, "__repr__", view_repr);
        if i != 1 {
            add_method(tv, "__and__", view_and);
            add_method(tv, "__or__", view_or);
            add_method(tv, "__sub__", view_sub);
            add_method(tv, "__xor__", view_xor);
            add_method(tv, "__eq__", view_eq);
        }
        made.push(vmcore::gc::Root::new(tv));
    }
    VIEW_TYPES.with(|v| *v.borrow_mut() = made);
}

pub fn install() {
    let t = types::dict();
    add_static(t, "__new__", dict_new);
    args::add_classmethod(t, "fromkeys", dict_fromkeys);
    for (n, f) in [
        ("__init__", dict_init as crate::runtime::NativeFn),
        ("update", dict_update),
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("iterkeys", dict_iterkeys),
        ("itervalues", dict_itervalues),
        ("iteritems", dict_iteritems),
        ("viewkeys", dict_viewkeys),
        ("viewvalues", dict_viewvalues),
        ("viewitems", dict_viewitems),
        ("has_key", dict_has_key),
        ("__contains__", dict_contains),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__len__", dict_len),
        ("__iter__", dict_iter),
        ("__repr__", dict_repr),
        ("__eq__", dict_eq),
        ("__ne__", dict_ne),
        ("__cmp__", dict_cmp),
    ] {
        add_method(t, n, f);
    }
    args::set_attr(t, "__hash__", Value::NONE);
    make_view_types();
}
