//! Struct sequences: the tuple-like records C modules return
//! (`posix.stat_result`, `time.struct_time`, `pwd.struct_passwd` ...).
//!
//! A struct sequence behaves as the tuple of its first `visible` fields
//! (len, indexing, slicing, comparison, hashing, +, *) and has each named
//! field as a read-only attribute, including fields past the visible ones
//! (`st_atime` as a float beside the integer at index 7). Some fields may
//! be unnamed (reachable by index only). As in CPython 2.7 the type derives
//! from object, not tuple: `'%s' % t` formats it as one value.
//!
//! Layout: the type and a tuple of all the fields. Each named field is a
//! property on the type whose getter is one native function bound to the
//! field's index. A `Desc` per type gives its name and fields; `__new__`
//! finds it from the class through a small per-thread registry.

use super::args;
use super::function::{as_builtin, bind_builtin, new_builtin, new_wrapper};
use super::typeobj::{as_type, NO_DICT};
use super::{add_method, add_static, dict, int, str as pystr, tuple};
use crate::ops::{self, BinOp, CmpOp};
use crate::runtime::errors::type_error;
use crate::runtime::{types, KwArgs, PyResult};
use std::cell::RefCell;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

/// The shape of one struct-sequence type.
pub struct Desc {
    /// Dotted name as CPython's tp_name: "posix.stat_result".
    pub name: &'static str,
    pub doc: &'static str,
    /// All fields in order; "" for an unnamed one.
    pub fields: &'static [&'static str],
    /// How many leading fields form the sequence.
    pub visible: usize,
    /// Adjusts the fields of an instance built from Python (`stat_result`
    /// fills its float times from the integer ones).
    pub fixup: Option<fn(&mut [Value])>,
}

#[repr(C)]
pub struct StructSeqObj {
    pub cls: Value,
    pub desc: &'static Desc,
    /// A tuple of all the fields, the visible ones first.
    pub fields: Value,
}
unsafe impl Trace for StructSeqObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.fields]);
    }
}
vmcore::gc_type!(StructSeqObj, "structseq");

thread_local! {
    static TYPES: RefCell<Vec<(Value, &'static Desc)>> = const { RefCell::new(Vec::new()) };
}

fn desc_of(t: Value) -> Option<&'static Desc> {
    TYPES.with(|r| r.borrow().iter().find(|(v, _)| *v == t).map(|(_, d)| *d))
}

/// The visible fields of struct sequence `v`, if it is one.
pub fn items<'a>(v: Value) -> Option<&'a [Value]> {
    let s = Gc::<StructSeqObj>::downcast(v)?;
    let all = tuple::as_tuple(s.fields)?;
    Some(&all[..s.desc.visible])
}

/// Makes the type described by `desc`. Call it from a `native_type!`
/// getter, whose root keeps the type (and so the registry key) alive.
pub fn make_type(desc: &'static Desc) -> Value {
    let (module, name) = desc.name.rsplit_once('.').unwrap_or(("__builtin__", desc.name));
    let t = crate::modules::new_native_type(module, name, None, false);
    let tt = as_type(t).expect("new type");
    tt.flags.set(tt.flags.get() | NO_DICT);
    tt.dict.set_str("__doc__", pystr::new_str(desc.doc.as_bytes()));
    let unnamed = desc.fields.iter().filter(|f| f.is_empty()).count();
    tt.dict.set_str("n_sequence_fields", int::new_int(desc.visible as i64));
    tt.dict.set_str("n_fields", int::new_int(desc.fields.len() as i64));
    tt.dict.set_str("n_unnamed_fields", int::new_int(unnamed as i64));
    let getter = as_builtin(new_builtin("field", field_get)).expect("builtin");
    let setter = new_builtin("field", field_set);
    for (i, name) in desc.fields.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
        let prop = new_wrapper(types::property(), bind_builtin(getter, int::new_int(i as i64)));
        prop.fset.set(setter);
        tt.dict.set_str(name, prop.as_value());
    }
    add_static(t, "__new__", structseq_new);
    let methods: &[(&'static str, crate::runtime::NativeFn)] = &[
        ("__repr__", structseq_repr),
        ("__reduce__", structseq_reduce),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__getslice__", seq_getslice),
        ("__contains__", seq_contains),
        ("__hash__", seq_hash),
        ("__add__", seq_add),
        ("__mul__", seq_mul),
        ("__rmul__", seq_mul),
        ("__eq__", seq_eq),
        ("__ne__", seq_ne),
        ("__lt__", seq_lt),
        ("__le__", seq_le),
        ("__gt__", seq_gt),
        ("__ge__", seq_ge),
    ];
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    TYPES.with(|r| r.borrow_mut().push((t, desc)));
    t
}

/// A new instance of struct-sequence type `t` from all its fields.
pub fn new(t: Value, fields: &[Value]) -> Value {
    let desc = desc_of(t).expect("structseq::new on a struct-sequence type");
    debug_assert_eq!(fields.len(), desc.fields.len());
    let all = tuple::new_tuple_from(fields);
    alloc(StructSeqObj { cls: t, desc, fields: all }).as_value()
}

fn this(v: Value) -> PyResult<Gc<StructSeqObj>> {
    Gc::<StructSeqObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a struct sequence"))
}

/// The visible fields as a real tuple, for delegating to tuple's behaviour.
fn as_plain_tuple(v: Value) -> PyResult<Value> {
    Ok(tuple::new_tuple_from(items(v).ok_or_else(|| type_error("descriptor requires a struct sequence"))?))
}

/// A field's getter: bound to the field index, called with the instance.
fn field_get(a: &[Value], _: KwArgs) -> PyResult {
    let i = int::as_int(a[0]).unwrap_or(0) as usize;
    let s = this(*a.get(1).ok_or_else(|| type_error("field getter needs an instance"))?)?;
    Ok(tuple::as_tuple(s.fields).and_then(|f| f.get(i).copied()).unwrap_or(Value::NONE))
}

fn field_set(_: &[Value], _: KwArgs) -> PyResult {
    Err(type_error("readonly attribute"))
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

/// `name(f1=v1, ...)` over the visible fields. Like CPython 2.7, labels
/// come from the named fields in order, so unnamed fields shift them.
fn structseq_repr(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__repr__", &a[1..], kw)?;
    let s = this(a[0])?;
    let mut out = format!("{}(", s.desc.name).into_bytes();
    let labels = s.desc.fields.iter().filter(|f| !f.is_empty());
    for (i, (label, &v)) in labels.zip(items(a[0]).unwrap_or(&[])).enumerate() {
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
    let s = this(a[0])?;
    let all = tuple::as_tuple(s.fields).unwrap_or(&[]);
    let hidden = dict::new_dict();
    for (name, &v) in s.desc.fields.iter().zip(all).skip(s.desc.visible).filter(|(n, _)| !n.is_empty()) {
        hidden.set_str(name, v);
    }
    let visible = as_plain_tuple(a[0])?;
    let state = tuple::new_tuple(vec![visible, hidden.as_value()]);
    Ok(tuple::new_tuple(vec![s.cls, state]))
}

fn seq_len(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__len__", &a[1..], kw)?;
    Ok(int::new_int(this(a[0])?.desc.visible as i64))
}

fn seq_getitem(a: &[Value], kw: KwArgs) -> PyResult {
    let key = args::one("__getitem__", &a[1..], kw)?;
    ops::getitem(as_plain_tuple(a[0])?, key)
}

fn seq_getslice(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__getslice__", &a[1..], kw, 2, 2)?;
    let sl = ops::call(types::slice(), &a[1..3], &[])?;
    ops::getitem(as_plain_tuple(a[0])?, sl)
}

fn seq_contains(a: &[Value], kw: KwArgs) -> PyResult {
    let x = args::one("__contains__", &a[1..], kw)?;
    Ok(Value::from_bool(ops::contains(as_plain_tuple(a[0])?, x)?))
}

fn seq_hash(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__hash__", &a[1..], kw)?;
    Ok(int::new_int(ops::hash(as_plain_tuple(a[0])?)?))
}

fn seq_add(a: &[Value], kw: KwArgs) -> PyResult {
    let other = args::one("__add__", &a[1..], kw)?;
    ops::binop(BinOp::Add, as_plain_tuple(a[0])?, other)
}

fn seq_mul(a: &[Value], kw: KwArgs) -> PyResult {
    let n = args::one("__mul__", &a[1..], kw)?;
    ops::binop(BinOp::Mul, as_plain_tuple(a[0])?, n)
}

/// Compares as the tuple of visible fields (the other side too, when it
/// is a struct sequence).
fn seq_compare(op: CmpOp, a: &[Value], kw: KwArgs) -> PyResult {
    let other = args::one("comparison", &a[1..], kw)?;
    let other = if items(other).is_some() { as_plain_tuple(other)? } else { other };
    ops::compare(op, as_plain_tuple(a[0])?, other)
}

macro_rules! comparisons {
    ($($name:ident => $op:ident),*) => {
        $(fn $name(a: &[Value], kw: KwArgs) -> PyResult { seq_compare(CmpOp::$op, a, kw) })*
    };
}

comparisons!(seq_eq => Eq, seq_ne => Ne, seq_lt => Lt, seq_le => Le, seq_gt => Gt, seq_ge => Ge);
