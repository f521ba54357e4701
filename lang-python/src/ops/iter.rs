//! Container protocols: `len`, `iter`/`next`, `a[i]`, `a[i] = v`, `x in a`.

use crate::objects::iterobj::{as_iter, new_iter, IterKind};
use crate::objects::typeobj::type_name;
use crate::objects::{dict, list, str as pystr, tuple};
use crate::runtime::errors::{index_error, key_error, runtime_error, type_error};
use crate::runtime::{type_of, types, PyResult};
use vmcore::Value;

/// `len(v)`.
pub fn len(v: Value) -> PyResult<usize> {
    if let Some(so) = exact_set(v) {
        return Ok(so.len());
    }
    if let Some(l) = list::as_list(v) {
        if type_of(v) == types::list() {
            return Ok(l.v().len());
        }
    }
    if let Some(t) = tuple::as_tuple(v) {
        if type_of(v) == types::tuple() {
            return Ok(t.len());
        }
    }
    if let Some(b) = pystr::as_bytes(v) {
        return Ok(b.len());
    }
    if let Some(d) = dict::as_dict(v) {
        if type_of(v) == types::dict() {
            return Ok(d.len());
        }
    }
    if let Some(m) = super::lookup_special(v, "__len__") {
        let r = super::call(m, &[], &[])?;
        let n = crate::objects::int::as_int(r).ok_or_else(|| type_error("an integer is required"))?;
        if n < 0 {
            return Err(crate::runtime::errors::value_error("__len__() should return >= 0"));
        }
        return Ok(n as usize);
    }
    let b = crate::objects::instance::unwrap_base(v);
    if b != v {
        return len(b);
    }
    Err(type_error(format!("object of type '{}' has no len()", type_name(v))))
}

/// `iter(v)`.
pub fn iter(v: Value) -> PyResult {
    let t = type_of(v);
    if t == types::list() || t == types::tuple() || t == types::str() {
        return Ok(new_iter(IterKind::Seq, v, 0));
    }
    if let Some(so) = exact_set(v) {
        return Ok(new_iter(IterKind::SetItems, v, so.len()));
    }
    if t == types::dict() {
        let d = dict::as_dict(v).expect("dict");
        return Ok(new_iter(IterKind::DictKeys, v, d.len()));
    }
    if t == types::iterator() || t == types::generator() {
        return Ok(v);
    }
    if let Some(m) = super::lookup_special(v, "__iter__") {
        let r = super::call(m, &[], &[])?;
        if super::lookup_special(r, "next").is_none() && as_iter(r).is_none() && type_of(r) != types::generator() {
            return Err(type_error(format!("iter() returned non-iterator of type '{}'", type_name(r))));
        }
        return Ok(r);
    }
    if super::lookup_special(v, "__getitem__").is_some() {
        return Ok(new_iter(IterKind::GetItem, v, 0));
    }
    let b = crate::objects::instance::unwrap_base(v);
    if b != v {
        return iter(b);
    }
    Err(type_error(format!("'{}' object is not iterable", type_name(v))))
}

/// `next(it)`: Ok(None) when exhausted (StopIteration is not materialised).
pub fn next(it: Value) -> PyResult<Option<Value>> {
    if let Some(i) = as_iter(it) {
        let idx = i.index.get();
        match i.kind {
            IterKind::Seq => {
                let s = i.seq;
                let item = if let Some(l) = list::as_list(s) {
                    l.v().get(idx as usize).copied()
                } else if let Some(t) = tuple::as_tuple(s) {
                    t.get(idx as usize).copied()
                } else if let Some(b) = pystr::as_bytes(s) {
                    b.get(idx as usize).map(|c| pystr::new_str(&[*c]))
                } else {
                    None
                };
                if item.is_some() {
                    i.index.set(idx + 1);
                } else {
                    i.index.set(i64::MAX / 2);
                }
                return Ok(item);
            }
            IterKind::Range => {
                if idx >= i.len {
                    return Ok(None);
                }
                i.index.set(idx + 1);
                return Ok(Some(crate::objects::int::new_int(i.start + idx * i.step)));
            }
            IterKind::DictKeys | IterKind::DictValues | IterKind::DictItems => {
                let d = dict::as_dict(i.seq).expect("dict iterator over a dict");
                if d.len() != i.version.get() {
                    i.version.set(usize::MAX);
                    return Err(runtime_error("dictionary changed size during iteration"));
                }
                return Ok(match d.t().next_from(idx as usize) {
                    None => {
                        i.index.set(i64::MAX / 2);
                        None
                    }
                    Some((slot, e)) => {
                        i.index.set(slot as i64 + 1);
                        Some(match i.kind {
                            IterKind::DictKeys => e.key,
                            IterKind::DictValues => e.value,
                            _ => tuple::new_tuple_from(&[e.key, e.value]),
                        })
                    }
                });
            }
            IterKind::SetItems => return crate::objects::set::iter_next(&i),
            IterKind::GetItem => {
                return match getitem(i.seq, crate::objects::int::new_int(idx)) {
                    Ok(v) => {
                        i.index.set(idx + 1);
                        Ok(Some(v))
                    }
                    Err(e) if e.matches(types::index_error()) || e.matches(types::stop_iteration()) => Ok(None),
                    Err(e) => Err(e),
                };
            }
        }
    }
    if type_of(it) == types::generator() {
        return crate::interp::generator_next(it, Value::NONE);
    }
    // enumerate/reversed/iter(f, sentinel): stepped directly, no StopIteration object.
    if let Some(r) = crate::objects::iters::step(it) {
        return r;
    }
    let m = super::lookup_special(it, "next").ok_or_else(|| type_error(format!("{} object is not an iterator", type_name(it))))?;
    match super::call(m, &[], &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(types::stop_iteration()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// All items of an iterable.
pub fn to_vec(v: Value) -> PyResult<Vec<Value>> {
    if let Some(l) = list::as_list(v) {
        if type_of(v) == types::list() {
            return Ok(l.v().clone());
        }
    }
    if let Some(t) = tuple::as_tuple(v) {
        if type_of(v) == types::tuple() {
            return Ok(t.to_vec());
        }
    }
    let it = iter(v)?;
    let mut out = vmcore::gc::RootedVec::new();
    while let Some(x) = next(it)? {
        out.push(x);
    }
    Ok(out.into_vec())
}

/// Normalises an index for a sequence of length `n` (negative from the end).
pub fn seq_index(i: Value, n: usize, what: &str) -> PyResult<Option<usize>> {
    let i = crate::objects::int::as_int(i).ok_or_else(|| type_error(format!("{what} indices must be integers, not {}", type_name(i))))?;
    let j = if i < 0 { i + n as i64 } else { i };
    Ok(if j < 0 || j >= n as i64 { None } else { Some(j as usize) })
}

/// `a[i]`.
pub fn getitem(a: Value, i: Value) -> PyResult {
    let t = type_of(a);
    if t == types::list() && i.is_int() {
        let l = list::as_list(a).expect("list");
        return match seq_index(i, l.v().len(), "list")? {
            Some(j) => Ok(l.v()[j]),
            None => Err(index_error("list index out of range")),
        };
    }
    if t == types::tuple() && i.is_int() {
        let items = tuple::as_tuple(a).expect("tuple");
        return match seq_index(i, items.len(), "tuple")? {
            Some(j) => Ok(items[j]),
            None => Err(index_error("tuple index out of range")),
        };
    }
    if t == types::dict() {
        let d = dict::as_dict(a).expect("dict");
        return match d.get(i)? {
            Some(v) => Ok(v),
            None => Err(key_error(i)),
        };
    }
    if t == types::str() && i.is_int() {
        let b = pystr::as_bytes(a).expect("str");
        return match seq_index(i, b.len(), "string")? {
            Some(j) => Ok(pystr::new_str(&[b[j]])),
            None => Err(index_error("string index out of range")),
        };
    }
    if let Some(m) = super::lookup_special(a, "__getitem__") {
        return super::call(m, &[i], &[]);
    }
    Err(type_error(format!("'{}' object has no attribute '__getitem__'", type_name(a))))
}

/// `a[i] = v`.
pub fn setitem(a: Value, i: Value, v: Value) -> PyResult<()> {
    let t = type_of(a);
    if t == types::list() && i.is_int() {
        let l = list::as_list(a).expect("list");
        return match seq_index(i, l.v().len(), "list")? {
            Some(j) => {
                l.v()[j] = v;
                Ok(())
            }
            None => Err(index_error("list assignment index out of range")),
        };
    }
    if t == types::dict() {
        return dict::as_dict(a).expect("dict").set(i, v);
    }
    if let Some(m) = super::lookup_special(a, "__setitem__") {
        super::call(m, &[i, v], &[])?;
        return Ok(());
    }
    Err(type_error(format!("'{}' object does not support item assignment", type_name(a))))
}

/// `del a[i]`.
pub fn delitem(a: Value, i: Value) -> PyResult<()> {
    let t = type_of(a);
    if t == types::dict() {
        return match dict::as_dict(a).expect("dict").del(i)? {
            Some(_) => Ok(()),
            None => Err(key_error(i)),
        };
    }
    if let Some(m) = super::lookup_special(a, "__delitem__") {
        super::call(m, &[i], &[])?;
        return Ok(());
    }
    Err(type_error(format!("'{}' object does not support item deletion", type_name(a))))
}

/// `x in a`.
pub fn contains(a: Value, x: Value) -> PyResult<bool> {
    let t = type_of(a);
    if t == types::dict() {
        return Ok(dict::as_dict(a).expect("dict").get(x)?.is_some());
    }
    if let Some(so) = exact_set(a) {
        return crate::objects::set::contains(so, x);
    }
    if t == types::str() {
        let hay = pystr::as_bytes(a).expect("str");
        let Some(needle) = pystr::as_bytes(x) else {
            // `u'b' in 'abc'`: str.__contains__ redoes the test as unicode.
            if type_of(x) == types::unicode() {
                if let Some(m) = super::lookup_special(a, "__contains__") {
                    return super::truthy(super::call(m, &[x], &[])?);
                }
            }
            return Err(type_error(format!("'in <string>' requires string as left operand, not {}", type_name(x))));
        };
        return Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle));
    }
    if t == types::list() || t == types::tuple() {
        let items = to_vec(a)?;
        let items = vmcore::gc::RootedVec::from_vec(items);
        for &it in items.iter() {
            if super::eq_bool(it, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(m) = super::lookup_special(a, "__contains__") {
        return super::truthy(super::call(m, &[x], &[])?);
    }
    let it = iter(a).map_err(|_| type_error(format!("argument of type '{}' is not iterable", type_name(a))))?;
    while let Some(v) = next(it)? {
        if super::eq_bool(v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}


/// A set or frozenset (not a subclass, whose methods may be overridden).
fn exact_set(v: Value) -> Option<vmcore::gc::Gc<crate::objects::set::SetObj>> {
    let so = vmcore::gc::Gc::<crate::objects::set::SetObj>::downcast(v)?;
    (so.cls == types::set() || so.cls == types::frozenset()).then_some(so)
}
