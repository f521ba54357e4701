//! The `operator` module: Python's operators as functions, plus the
//! `itemgetter`, `attrgetter` and `methodcaller` callables.
//!
//! Each function is one protocol operation from `ops`. CPython's C module
//! unpacks arguments with `PyArg_UnpackTuple` under the C function's name,
//! so `operator.add(1)` says "op_add expected 2 arguments, got 1" while
//! `operator.pow(1)` says "pow ...": the names below keep those quirks.
//! The dunder aliases (`__add__`) are the same functions under a second name.

use super::module_with;
use crate::builtins::functions::is_callable;
use crate::objects::args::{self, one, unpack};
use crate::objects::typeobj::type_name;
use crate::objects::{add_method, add_static, classobj, dict, float, int, long, slice, str as pystr, tuple, unicode, xrange};
use crate::ops::{self, BinOp, CmpOp, UnaryOp};
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{types, KwArgs, NativeFn, PyResult};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

/// Two-argument functions: (C name for errors, operation).
macro_rules! binary {
    ($($f:ident, $cname:literal => $op:expr;)*) => {$(
        fn $f(a: &[Value], kw: KwArgs) -> PyResult {
            unpack($cname, a, kw, 2, 2)?;
            let op: fn(Value, Value) -> PyResult = $op;
            op(a[0], a[1])
        }
    )*};
}

/// One-argument (METH_O) functions.
macro_rules! unary {
    ($($f:ident, $name:literal => $op:expr;)*) => {$(
        fn $f(a: &[Value], kw: KwArgs) -> PyResult {
            let x = one($name, a, kw)?;
            let op: fn(Value) -> PyResult = $op;
            op(x)
        }
    )*};
}

binary! {
    add, "op_add" => |x, y| ops::binop(BinOp::Add, x, y);
    sub, "op_sub" => |x, y| ops::binop(BinOp::Sub, x, y);
    mul, "op_mul" => |x, y| ops::binop(BinOp::Mul, x, y);
    div, "op_div" => |x, y| ops::binop(BinOp::Div, x, y);
    floordiv, "op_floordiv" => |x, y| ops::binop(BinOp::FloorDiv, x, y);
    truediv, "op_truediv" => |x, y| ops::binop(BinOp::TrueDiv, x, y);
    mod_, "op_mod" => |x, y| ops::binop(BinOp::Mod, x, y);
    lshift, "op_lshift" => |x, y| ops::binop(BinOp::LShift, x, y);
    rshift, "op_rshift" => |x, y| ops::binop(BinOp::RShift, x, y);
    and_, "op_and_" => |x, y| ops::binop(BinOp::And, x, y);
    xor, "op_xor" => |x, y| ops::binop(BinOp::Xor, x, y);
    or_, "op_or_" => |x, y| ops::binop(BinOp::Or, x, y);
    pow, "pow" => |x, y| ops::binop(BinOp::Pow, x, y);
    iadd, "op_iadd" => |x, y| ops::inplace_op(BinOp::Add, x, y);
    isub, "op_isub" => |x, y| ops::inplace_op(BinOp::Sub, x, y);
    imul, "op_imul" => |x, y| ops::inplace_op(BinOp::Mul, x, y);
    idiv, "op_idiv" => |x, y| ops::inplace_op(BinOp::Div, x, y);
    ifloordiv, "op_ifloordiv" => |x, y| ops::inplace_op(BinOp::FloorDiv, x, y);
    itruediv, "op_itruediv" => |x, y| ops::inplace_op(BinOp::TrueDiv, x, y);
    imod, "op_imod" => |x, y| ops::inplace_op(BinOp::Mod, x, y);
    ilshift, "op_ilshift" => |x, y| ops::inplace_op(BinOp::LShift, x, y);
    irshift, "op_irshift" => |x, y| ops::inplace_op(BinOp::RShift, x, y);
    iand, "op_iand" => |x, y| ops::inplace_op(BinOp::And, x, y);
    ixor, "op_ixor" => |x, y| ops::inplace_op(BinOp::Xor, x, y);
    ior, "op_ior" => |x, y| ops::inplace_op(BinOp::Or, x, y);
    ipow, "ipow" => |x, y| ops::inplace_op(BinOp::Pow, x, y);
    lt, "op_lt" => |x, y| ops::compare(CmpOp::Lt, x, y);
    le, "op_le" => |x, y| ops::compare(CmpOp::Le, x, y);
    eq, "op_eq" => |x, y| ops::compare(CmpOp::Eq, x, y);
    ne, "op_ne" => |x, y| ops::compare(CmpOp::Ne, x, y);
    gt, "op_gt" => |x, y| ops::compare(CmpOp::Gt, x, y);
    ge, "op_ge" => |x, y| ops::compare(CmpOp::Ge, x, y);
    is_, "is_" => |x, y| Ok(Value::from_bool(x == y));
    is_not, "is_not" => |x, y| Ok(Value::from_bool(x != y));
    getitem, "op_getitem" => ops::getitem;
    delitem, "op_delitem" => |x, y| ops::delitem(x, y).map(|_| Value::NONE);
    contains, "op_contains" => |x, y| Ok(Value::from_bool(ops::contains(x, y)?));
    sequence_includes, "sequenceIncludes" => |x, y| Ok(Value::from_bool(ops::contains(x, y)?));
    index_of, "indexOf" => |x, y| index_of_impl(x, y);
    count_of, "countOf" => |x, y| count_of_impl(x, y);
    concat, "op_concat" => |x, y| concat_impl(x, y, false);
    iconcat, "op_iconcat" => |x, y| concat_impl(x, y, true);
}

unary! {
    neg, "neg" => |x| ops::unaryop(UnaryOp::Neg, x);
    pos, "pos" => |x| ops::unaryop(UnaryOp::Pos, x);
    inv, "inv" => |x| ops::unaryop(UnaryOp::Invert, x);
    invert, "invert" => |x| ops::unaryop(UnaryOp::Invert, x);
    not_, "not_" => |x| ops::unaryop(UnaryOp::Not, x);
    truth, "truth" => |x| Ok(Value::from_bool(ops::truthy(x)?));
    abs, "abs" => abs_impl;
    index, "index" => number_index;
    is_callable_fn, "isCallable" => |x| Ok(Value::from_bool(is_callable(x)));
    is_number_type, "isNumberType" => |x| Ok(Value::from_bool(is_number(x)));
    is_sequence_type, "isSequenceType" => |x| Ok(Value::from_bool(is_sequence(x)));
    is_mapping_type, "isMappingType" => |x| Ok(Value::from_bool(is_mapping(x)));
}

fn setitem(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("op_setitem", a, kw, 3, 3)?;
    ops::setitem(a[0], a[1], a[2])?;
    Ok(Value::NONE)
}

fn abs_impl(x: Value) -> PyResult {
    if let Some(v) = crate::objects::number_methods::abs_value(x)? {
        return Ok(v);
    }
    match ops::lookup_special(x, "__abs__") {
        Some(m) => ops::call(m, &[], &[]),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", type_name(x)))),
    }
}

/// `PyNumber_Index`: ints and longs as they are, else `__index__`.
fn number_index(x: Value) -> PyResult {
    if int::as_int(x).is_some() || long::as_long(x).is_some() {
        return Ok(x);
    }
    let m = if float::as_float(x).is_some() { None } else { ops::lookup_special(x, "__index__") };
    let Some(m) = m else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an index", type_name(x))));
    };
    let r = ops::call(m, &[], &[])?;
    if int::as_int(r).is_some() || long::as_long(r).is_some() {
        return Ok(r);
    }
    Err(type_error(format!("__index__ returned non-(int,long) (type {})", type_name(r))))
}

/// `PyNumber_Check`: has `__int__` or `__float__` (every classic instance does).
pub fn is_number(x: Value) -> bool {
    if classobj::as_classic_instance(x).is_some() || crate::objects::numbers::to_num(x).is_some() {
        return true;
    }
    if crate::objects::complex::as_complex(x).is_some() {
        return true;
    }
    ops::lookup_special(x, "__int__").is_some() || ops::lookup_special(x, "__float__").is_some()
}

/// `PySequence_Check`: indexable and not a dict.
fn is_sequence(x: Value) -> bool {
    if classobj::as_classic_instance(x).is_some() {
        return has_attr(x, "__getitem__");
    }
    dict::as_dict(crate::objects::instance::unwrap_base(x)).is_none() && ops::lookup_special(x, "__getitem__").is_some()
}

/// `PyMapping_Check`: subscriptable, but not a sequence with old-style slicing.
fn is_mapping(x: Value) -> bool {
    if classobj::as_classic_instance(x).is_some() {
        return has_attr(x, "__getitem__");
    }
    xrange::as_xrange(x).is_none() && ops::lookup_special(x, "__getitem__").is_some() && ops::lookup_special(x, "__getslice__").is_none()
}

fn has_attr(x: Value, name: &str) -> bool {
    ops::getattr_opt(x, pystr::intern(name)).ok().flatten().is_some()
}

fn not_iterable(x: Value) -> crate::runtime::PyErr {
    type_error(format!("argument of type '{}' is not iterable", type_name(x)))
}

/// `_PySequence_IterSearch`: iterates `seq`, calling `stop(position,
/// item == x)` for each item until it returns true.
fn iter_search(seq: Value, x: Value, mut stop: impl FnMut(i64, bool) -> bool) -> PyResult<()> {
    let it = ops::iter(seq).map_err(|e| if e.matches(types::type_error()) { not_iterable(seq) } else { e })?;
    let mut i = 0;
    while let Some(v) = ops::next(it)? {
        if stop(i, ops::eq_bool(v, x)?) {
            return Ok(());
        }
        i += 1;
    }
    Ok(())
}

fn index_of_impl(seq: Value, x: Value) -> PyResult {
    let mut found = None;
    iter_search(seq, x, |i, hit| {
        if hit {
            found = Some(i);
        }
        hit
    })?;
    found.map(int::new_int).ok_or_else(|| value_error("sequence.index(x): x not in sequence"))
}

fn count_of_impl(seq: Value, x: Value) -> PyResult {
    let mut n = 0;
    iter_search(seq, x, |_, hit| {
        n += hit as i64;
        false
    })?;
    Ok(int::new_int(n))
}

/// The builtin sequences, whose `+` and `*` are sequence operations
/// (CPython's `sq_concat` / `sq_repeat` slots).
fn is_builtin_sequence(x: Value) -> bool {
    let b = crate::objects::instance::unwrap_base(x);
    crate::objects::list::as_list(b).is_some() || tuple::as_tuple(b).is_some() || pystr::as_bytes(b).is_some() || unicode::as_unicode(b).is_some()
}

/// `PySequence_Concat`: a sequence's own `+`; other types only when both
/// operands look like sequences.
fn concat_impl(x: Value, y: Value, inplace: bool) -> PyResult {
    if is_builtin_sequence(x) || (is_sequence(x) && is_sequence(y)) {
        return if inplace { ops::inplace_op(BinOp::Add, x, y) } else { ops::binop(BinOp::Add, x, y) };
    }
    Err(type_error(format!("'{}' object can't be concatenated", type_name(x))))
}

/// `repeat(seq, n)` / `irepeat`: "Oi" argument parsing, then `seq * n`.
fn repeat_impl(name: &str, a: &[Value], kw: KwArgs, inplace: bool) -> PyResult {
    args::arity(name, a, kw, 2, 2)?;
    let n = int::new_int(args::ssize_arg(a[1])?);
    if is_sequence(a[0]) {
        return if inplace { ops::inplace_op(BinOp::Mul, a[0], n) } else { ops::binop(BinOp::Mul, a[0], n) };
    }
    Err(type_error(format!("'{}' object can't be repeated", type_name(a[0]))))
}

fn repeat(a: &[Value], kw: KwArgs) -> PyResult {
    repeat_impl("op_repeat", a, kw, false)
}

fn irepeat(a: &[Value], kw: KwArgs) -> PyResult {
    repeat_impl("op_irepeat", a, kw, true)
}

/// Old-style slice bounds: negative ones count from the end once (when the
/// object has a length), and what is still negative means 0.
fn slice_of(name: &str, a: &[Value], kw: KwArgs, n: usize) -> PyResult<Value> {
    args::arity(name, a, kw, n, n)?;
    let (mut i, mut j) = (args::ssize_arg(a[1])?, args::ssize_arg(a[2])?);
    if (i < 0 || j < 0) && ops::lookup_special(a[0], "__len__").is_some() {
        let len = ops::len(a[0])? as i64;
        i = if i < 0 { (i + len).max(0) } else { i };
        j = if j < 0 { (j + len).max(0) } else { j };
    }
    Ok(slice::new_slice(int::new_int(i), int::new_int(j), Value::NONE))
}

fn getslice(a: &[Value], kw: KwArgs) -> PyResult {
    let s = slice_of("getslice", a, kw, 3)?;
    ops::getitem(a[0], s)
}

fn setslice(a: &[Value], kw: KwArgs) -> PyResult {
    let s = slice_of("setslice", a, kw, 4)?;
    ops::setitem(a[0], s, a[3])?;
    Ok(Value::NONE)
}

fn delslice(a: &[Value], kw: KwArgs) -> PyResult {
    let s = slice_of("delslice", a, kw, 3)?;
    ops::delitem(a[0], s)?;
    Ok(Value::NONE)
}

/// `_compare_digest(a, b)`: equality of two strs (or two unicodes) whose
/// running time depends only on the length of `b`.
fn compare_digest(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("compare_digest", a, kw, 2, 2)?;
    let bytes = |v: Value| -> Option<Vec<u8>> {
        if let Some(u) = unicode::as_unicode(v) {
            return Some(u.iter().flat_map(|c| c.to_le_bytes()).collect());
        }
        pystr::as_bytes(v).map(|b| b.to_vec())
    };
    let both_unicode = unicode::as_unicode(a[0]).is_some() && unicode::as_unicode(a[1]).is_some();
    if !both_unicode {
        // Otherwise both must be strs (the only buffers we have).
        let (sa, sb) = (pystr::as_bytes(a[0]).is_some(), pystr::as_bytes(a[1]).is_some());
        if !sa && !sb {
            return Err(type_error(format!(
                "unsupported operand types(s) or combination of types: '{}' and '{}'",
                type_name(a[0]),
                type_name(a[1])
            )));
        }
        let bad = if sa { a[1] } else { a[0] };
        if !(sa && sb) {
            return Err(type_error(format!("'{}' does not have the buffer interface", type_name(bad))));
        }
    }
    let (x, y) = (bytes(a[0]).unwrap_or_default(), bytes(a[1]).unwrap_or_default());
    let mut diff = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(y.iter()) {
        diff |= p ^ q;
    }
    Ok(Value::from_bool(diff == 0))
}

// ---- itemgetter, attrgetter, methodcaller ----

/// The state of the three callable types: what to fetch or call.
/// `multi` means `what` is a tuple of several items or names.
#[repr(C)]
pub struct GetterObj {
    pub cls: Value,
    pub what: Value,
    pub multi: bool,
    /// methodcaller: positional arguments (a tuple) and keywords (a dict or NONE).
    pub args: Value,
    pub kwargs: Value,
}
unsafe impl Trace for GetterObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.what, self.args, self.kwargs]);
    }
}
vmcore::gc_type!(GetterObj, "operator getter");

crate::native_type!(itemgetter_type, || make_type("itemgetter", itemgetter_new, itemgetter_call));
crate::native_type!(attrgetter_type, || make_type("attrgetter", attrgetter_new, attrgetter_call));
crate::native_type!(methodcaller_type, || make_type("methodcaller", methodcaller_new, methodcaller_call));

fn make_type(name: &str, new: NativeFn, call: NativeFn) -> Value {
    let t = super::new_native_type("operator", name, None, false);
    add_static(t, "__new__", new);
    add_method(t, "__call__", call);
    t
}

fn new_getter(cls: Value, what: Value, multi: bool, args: Value, kwargs: Value) -> Value {
    alloc(GetterObj { cls, what, multi, args, kwargs }).as_value()
}

/// `itemgetter(item)` / `attrgetter(name)`: one item, or the tuple of several.
fn getter_new(name: &str, cls: Value, a: &[Value], kw: KwArgs) -> PyResult {
    no_kw(&format!("{name}()"), kw)?;
    if a.len() <= 1 {
        unpack(name, a, &[], 1, 1)?;
        return Ok(new_getter(cls, a[0], false, Value::NONE, Value::NONE));
    }
    Ok(new_getter(cls, tuple::new_tuple_from(a), true, Value::NONE, Value::NONE))
}

fn itemgetter_new(a: &[Value], kw: KwArgs) -> PyResult {
    getter_new("itemgetter", itemgetter_type(), &a[1..], kw)
}

fn attrgetter_new(a: &[Value], kw: KwArgs) -> PyResult {
    getter_new("attrgetter", attrgetter_type(), &a[1..], kw)
}

fn this(v: Value, cls: Value) -> PyResult<Gc<GetterObj>> {
    Gc::<GetterObj>::downcast(v)
        .filter(|g| g.cls == cls)
        .ok_or_else(|| type_error(format!("descriptor '__call__' requires a '{}' object", type_name(v))))
}

/// The single argument of a call of one of these objects.
fn call_arg(name: &str, a: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(name, kw)?;
    unpack(name, &a[1..], &[], 1, 1)?;
    Ok(a[1])
}

/// `_PyArg_NoKeywords`.
fn no_kw(name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() { Ok(()) } else { Err(type_error(format!("{name} does not take keyword arguments"))) }
}

/// Applies `f` to the one item (or name), or to each to make a tuple.
fn fetch_each(g: Gc<GetterObj>, mut f: impl FnMut(Value) -> PyResult) -> PyResult {
    if !g.multi {
        return f(g.what);
    }
    let whats = tuple::as_tuple(g.what).expect("multi getters hold a tuple");
    let mut out = vmcore::gc::RootedVec::new();
    for &w in whats {
        out.push(f(w)?);
    }
    Ok(tuple::new_tuple(out.into_vec()))
}

fn itemgetter_call(a: &[Value], kw: KwArgs) -> PyResult {
    let g = this(a[0], itemgetter_type())?;
    let obj = call_arg("itemgetter", a, kw)?;
    fetch_each(g, |item| ops::getitem(obj, item))
}

/// `getattr` through a dotted path: "a.b.c".
fn dotted_getattr(obj: Value, name: Value) -> PyResult {
    let owned;
    let bytes = if let Some(b) = pystr::as_bytes(name) {
        b
    } else if unicode::as_unicode(name).is_some() {
        owned = unicode::encode_ascii(name)?;
        &owned[..]
    } else {
        return Err(type_error("attribute name must be a string"));
    };
    let mut v = obj;
    for part in bytes.split(|&c| c == b'.') {
        v = ops::getattr(v, pystr::intern_bytes(part))?;
    }
    Ok(v)
}

fn attrgetter_call(a: &[Value], kw: KwArgs) -> PyResult {
    let g = this(a[0], attrgetter_type())?;
    let obj = call_arg("attrgetter", a, kw)?;
    fetch_each(g, |name| dotted_getattr(obj, name))
}

fn methodcaller_new(a: &[Value], kw: KwArgs) -> PyResult {
    let a = &a[1..];
    if a.is_empty() {
        return Err(type_error("methodcaller needs at least one argument, the method name"));
    }
    let kwargs = if kw.is_empty() {
        Value::NONE
    } else {
        let d = dict::new_dict();
        for &(k, v) in kw {
            d.set(k, v)?;
        }
        d.as_value()
    };
    Ok(new_getter(methodcaller_type(), a[0], false, tuple::new_tuple_from(&a[1..]), kwargs))
}

fn methodcaller_call(a: &[Value], kw: KwArgs) -> PyResult {
    let g = this(a[0], methodcaller_type())?;
    let obj = call_arg("methodcaller", a, kw)?;
    let name = pystr::as_bytes(g.what).map(pystr::intern_bytes).ok_or_else(|| {
        type_error(format!("attribute name must be string, not '{}'", type_name(g.what)))
    })?;
    let m = ops::getattr(obj, name)?;
    let pos = tuple::as_tuple(g.args).expect("methodcaller args are a tuple");
    let kws: Vec<(Value, Value)> = dict::as_dict(g.kwargs).map(|d| d.items()).unwrap_or_default();
    ops::call(m, pos, &kws)
}

pub fn create() -> Gc<crate::objects::module::ModuleObj> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("isCallable", is_callable_fn),
        ("isNumberType", is_number_type),
        ("isSequenceType", is_sequence_type),
        ("isMappingType", is_mapping_type),
        ("truth", truth),
        ("sequenceIncludes", sequence_includes),
        ("indexOf", index_of),
        ("countOf", count_of),
        ("is_", is_),
        ("is_not", is_not),
        ("setitem", setitem),
        ("__setitem__", setitem),
        ("repeat", repeat),
        ("__repeat__", repeat),
        ("irepeat", irepeat),
        ("__irepeat__", irepeat),
        ("getslice", getslice),
        ("__getslice__", getslice),
        ("setslice", setslice),
        ("__setslice__", setslice),
        ("delslice", delslice),
        ("__delslice__", delslice),
        ("_compare_digest", compare_digest),
    ];
    let m = module_with("operator", funcs);
    // Functions with a `__name__` alias: `add` and `__add__`.
    let aliased: &[(&'static str, &'static str, NativeFn)] = &[
        ("contains", "__contains__", contains),
        ("index", "__index__", index),
        ("add", "__add__", add),
        ("sub", "__sub__", sub),
        ("mul", "__mul__", mul),
        ("div", "__div__", div),
        ("floordiv", "__floordiv__", floordiv),
        ("truediv", "__truediv__", truediv),
        ("mod", "__mod__", mod_),
        ("neg", "__neg__", neg),
        ("pos", "__pos__", pos),
        ("abs", "__abs__", abs),
        ("inv", "__inv__", inv),
        ("invert", "__invert__", invert),
        ("lshift", "__lshift__", lshift),
        ("rshift", "__rshift__", rshift),
        ("not_", "__not__", not_),
        ("and_", "__and__", and_),
        ("xor", "__xor__", xor),
        ("or_", "__or__", or_),
        ("iadd", "__iadd__", iadd),
        ("isub", "__isub__", isub),
        ("imul", "__imul__", imul),
        ("idiv", "__idiv__", idiv),
        ("ifloordiv", "__ifloordiv__", ifloordiv),
        ("itruediv", "__itruediv__", itruediv),
        ("imod", "__imod__", imod),
        ("ilshift", "__ilshift__", ilshift),
        ("irshift", "__irshift__", irshift),
        ("iand", "__iand__", iand),
        ("ixor", "__ixor__", ixor),
        ("ior", "__ior__", ior),
        ("concat", "__concat__", concat),
        ("iconcat", "__iconcat__", iconcat),
        ("getitem", "__getitem__", getitem),
        ("delitem", "__delitem__", delitem),
        ("pow", "__pow__", pow),
        ("ipow", "__ipow__", ipow),
        ("lt", "__lt__", lt),
        ("le", "__le__", le),
        ("eq", "__eq__", eq),
        ("ne", "__ne__", ne),
        ("gt", "__gt__", gt),
        ("ge", "__ge__", ge),
    ];
    for &(name, alias, f) in aliased {
        m.dict.set_str(name, crate::objects::function::new_builtin(name, f));
        m.dict.set_str(alias, crate::objects::function::new_builtin(alias, f));
    }
    m.dict.set_str("itemgetter", itemgetter_type());
    m.dict.set_str("attrgetter", attrgetter_type());
    m.dict.set_str("methodcaller", methodcaller_type());
    m
}
