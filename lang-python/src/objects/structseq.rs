//! Struct sequences: the tuple-like records C modules return
//! (`posix.stat_result`, `time.struct_time`, `pwd.struct_passwd` ...).
//!
//! A struct sequence is a tuple of its first `visible` fields that also has
//! every named field as an attribute, including fields past the visible
//! ones (`st_atime` as a float beside the integer at index 7). Some fields
//! may be unnamed (reachable by index only).
//!
//! Layout: an instance of a subclass of tuple whose `base` is the visible
//! tuple, with each named field also stored as an instance attribute. The
//! type has no `__dict__` for users, so `s.x = 1` fails as in CPython.
//! A `Desc` per type gives its name and fields; the type is found back from
//! its value through a small per-thread registry.

use super::args;
use super::instance::{as_instance, new_instance};
use super::typeobj::{as_type, NO_DICT};
use super::{add_method, add_static, dict, int, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::type_error;
use crate::runtime::{type_of, types, KwArgs, PyResult};
use std::cell::RefCell;
use vmcore::gc::RootedVec;
use vmcore::Value;

/// The shape of one struct-sequence type.
pub struct Desc {
    /// Dotted name as CPython's tp_name: "posix.stat_result".
    pub name: &'static str,
    pub doc: &'static str,
    /// All fields in order; "" for an unnamed one.
    pub fields: &'static [&'static str],
    /// How many leading fields form the tuple.
    pub visible: usize,
    /// Adjusts the fields of an instance built from Python (`stat_result`
    /// fills its float times from the integer ones).
    pub fixup: Option<fn(&mut [Value])>,
}

thread_local! {
    static TYPES: RefCell<Vec<(Value, &'static Desc)>> = const { RefCell::new(Vec::new()) };
}

fn desc_of(t: Value) -> Option<&'static Desc> {
    TYPES.with(|r| r.borrow().iter().find(|(v, _)| *v == t).map(|(_, d)| *d))
}

/// Makes the type described by `desc`. Call it from a `native_type!`
/// getter, whose root keeps the type (and so the registry key) alive.
pub fn make_type(desc: &'static Desc) -> Value {
    let (module, name) = desc.name.rsplit_once('.').unwrap_or(("__builtin__", desc.name));
    let t = crate::modules::new_native_type(module, name, Some(types::tuple()), false);
    let tt = as_type(t).expect("new type");
    tt.flags.set(tt.flags.get() | NO_DICT);
    tt.dict.set_str("__doc__", pystr::new_str(desc.doc.as_bytes()));
    let unnamed = desc.fields.iter().filter(|f| f.is_empty()).count();
    tt.dict.set_str("n_sequence_fields", int::new_int(desc.visible as i64));
    tt.dict.set_str("n_fields", int::new_int(desc.fields.len() as i64));
    tt.dict.set_str("n_unnamed_fields", int::new_int(unnamed as i64));
    add_static(t, "__new__", structseq_new);
    add_method(t, "__repr__", structseq_repr);
    add_method(t, "__reduce__", structseq_reduce);
    TYPES.with(|r| r.borrow_mut().push((t, desc)));
    t
}

/// A new instance of struct-sequence type `t` from all its fields.
pub fn new(t: Value, fields: &[Value]) -> Value {
    let desc = desc_of(t).expect("structseq::new on a struct-sequence type");
    debug_assert_eq!(fields.len(), desc.fields.len());
    let inst = new_instance(as_type(t).expect("type"));
    inst.base.set(tuple::new_tuple_from(&fields[..desc.visible]));
    for (name, &v) in desc.fields.iter().zip(fields) {
        if !name.is_empty() {
            // Names are plain strs, so storing cannot fail.
            let _ = inst.set_attr(pystr::intern(name), v);
        }
    }
    inst.as_value()
}

/// The value of field `name` of struct sequence `v` (None if absent).
pub fn field(v: Value, name: &str) -> Value {
    as_instance(v).and_then(|i| i.get_attr(pystr::intern(name))).unwrap_or(Value::NONE)
}

/// `T(sequence[, dict])`: the visible fields from the sequence, the rest
/// from the sequence's tail or else from the dict by name, else None.
fn structseq_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    let desc = desc_of(cls).ok_or_else(|| type_error("structseq.__new__(X): X is not a struct sequence type"))?;
    let p = args::parse("structseq", &a[1..], kw, &["sequence", "dict"], 1)?;
    let seq = p[0].expect("required");
    let extra = p[1].filter(|&d| d != Value::NONE);
    let items = RootedVec::from_vec(ops::to_vec(seq).map_err(|e| if e.matches(types::type_error()) { type_error("constructor requires a sequence") } else { e })?);
    let extra = match extra {
        Some(d) => Some(dict::as_dict(d).ok_or_else(|| type_error(format!("{}() takes a dict as second arg, if any", desc.name)))?),
        None => None,
    };
    let (min, max, n) = (desc.visible, desc.fields.len(), items.len());
    if n < min || n > max {
        let how = if min == max { "a" } else if n < min { "an at least" } else { "an at most" };
        let k = if n < min { min } else { max };
        return Err(type_error(format!("{}() takes {how} {k}-sequence ({n}-sequence given)", desc.name)));
    }
    let mut fields = RootedVec::from_vec(items.to_vec());
    for name in &desc.fields[n..] {
        let v = match extra {
            Some(d) if !name.is_empty() => d.get_str(name).unwrap_or(Value::NONE),
            _ => Value::NONE,
        };
        fields.push(v);
    }
    if let Some(fix) = desc.fixup {
        fix(&mut fields);
    }
    Ok(new(cls, &fields))
}

fn visible_items<'a>(v: Value) -> &'a [Value] {
    tuple::as_tuple(super::instance::unwrap_base(v)).unwrap_or(&[])
}

/// `name(f1=v1, ...)` over the visible fields. Like CPython 2.7, labels
/// come from the named fields in order, so unnamed fields shift them.
fn structseq_repr(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__repr__", &a[1..], kw)?;
    let desc = desc_of(type_of(a[0])).ok_or_else(|| type_error("descriptor '__repr__' requires a struct sequence"))?;
    let mut out = format!("{}(", desc.name).into_bytes();
    let labels = desc.fields.iter().filter(|f| !f.is_empty());
    for (i, (label, &v)) in labels.zip(visible_items(a[0])).enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        out.extend_from_slice(label.as_bytes());
        out.push(b'=');
        out.extend(ops::repr_bytes(v)?);
    }
    out.push(b')');
    Ok(pystr::new_str(&out))
}

/// Pickles as `(type, (visible_tuple, {hidden_name: value}))`.
fn structseq_reduce(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__reduce__", &a[1..], kw)?;
    let this = a[0];
    let desc = desc_of(type_of(this)).ok_or_else(|| type_error("descriptor '__reduce__' requires a struct sequence"))?;
    let hidden = dict::new_dict();
    for name in desc.fields[desc.visible..].iter().filter(|f| !f.is_empty()) {
        hidden.set_str(name, field(this, name));
    }
    let state = tuple::new_tuple(vec![tuple::new_tuple_from(visible_items(this)), hidden.as_value()]);
    Ok(tuple::new_tuple(vec![type_of(this), state]))
}
