//! The functions of `__builtin__`.
//!
//! Each follows its CPython 2.7 counterpart in bltinmodule.c, including
//! argument checking (and so error wording) and the order in which it
//! consults special methods. Types that double as builtins (`int`, `list`,
//! `xrange`, `enumerate`, `super`, ...) are installed by `builtins::install`
//! from the type registry; their constructors live with the types.
//!
//! `globals()`, `locals()` and `vars()` need the caller's frame and live in
//! `interp_functions.rs`; `dir()` without arguments uses that `locals()`.

use crate::objects::args::{self, one, unpack};
use crate::objects::int::{as_int, new_int};
use crate::objects::module::ModuleObj;
use crate::objects::number_methods::{divmod_nums, float_of, num_of, pow3};
use crate::objects::numbers::Num;
use crate::objects::typeobj::{self, as_type, is_subtype, type_name};
use crate::objects::{classobj, function, list, numconv, str as pystr, tuple, unicode};
use crate::ops::{self, BinOp, CmpOp};
use crate::runtime::errors::{attribute_error, stop_iteration, type_error, value_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyErr, PyResult, NOT_IMPLEMENTED};
use vmcore::gc::{Gc, RootedVec};
use vmcore::Value;

/// `locals()` of the running frame, from the interpreter's builtin.
fn frame_locals() -> PyResult {
    let f = super::module().dict.get_str("locals").ok_or_else(|| crate::runtime::errors::system_error("no locals()"))?;
    ops::call(f, &[], &[])
}

// ---- helpers ----

/// An attribute name argument: a str (unicode is encoded), interned.
fn attr_name(v: Value, func: &str) -> PyResult<Value> {
    if let Some(b) = pystr::as_bytes(v) {
        return Ok(pystr::intern_bytes(b));
    }
    if type_of(v) == types::unicode() {
        return Ok(pystr::intern_bytes(&unicode::encode_ascii(v)?));
    }
    Err(type_error(format!("{func}(): attribute name must be string")))
}

fn s(text: String) -> Value {
    pystr::new_str_owned(text.into_bytes())
}

// ---- the functions ----

fn b_abs(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("abs", a, kw)?;
    if let Some(v) = crate::objects::number_methods::abs_value(x)? {
        return Ok(v);
    }
    match ops::lookup_special(x, "__abs__") {
        Some(m) => ops::call(m, &[], &[]),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", type_name(x)))),
    }
}

fn b_all(a: &[Value], kw: KwArgs) -> PyResult {
    let it = ops::iter(one("all", a, kw)?)?;
    while let Some(x) = ops::next(it)? {
        if !ops::truthy(x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn b_any(a: &[Value], kw: KwArgs) -> PyResult {
    let it = ops::iter(one("any", a, kw)?)?;
    while let Some(x) = ops::next(it)? {
        if ops::truthy(x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn b_apply(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("apply", a, kw, 1, 3)?;
    let posargs = match a.get(1) {
        None => Vec::new(),
        Some(&t) => {
            if tuple::as_tuple(t).is_none() && ops::lookup_special(t, "__getitem__").is_none() {
                return Err(type_error(format!("apply() arg 2 expected sequence, found {}", type_name(t))));
            }
            ops::to_vec(t)?
        }
    };
    let posargs = RootedVec::from_vec(posargs);
    let mut kwargs = Vec::new();
    if let Some(&d) = a.get(2) {
        let dd = crate::objects::dict_methods::dict_of(d).ok_or_else(|| type_error(format!("apply() arg 3 expected dictionary, found {}", type_name(d))))?;
        for (k, v) in dd.items() {
            kwargs.push((pystr::as_bytes(k).map(pystr::intern_bytes).unwrap_or(k), v));
        }
    }
    ops::call(a[0], &posargs, &kwargs)
}

/// `bin`/`hex`/`oct` of an integer.
fn int_text(x: Value, base: u32) -> Option<String> {
    let long = crate::objects::long::as_long(x).is_some();
    let n = match num_of(x)? {
        Num::Int(i) => num_bigint::BigInt::from(i),
        Num::Long(b) => b,
        Num::Float(_) => return None,
    };
    Some(numconv::int_to_base(&n, base, long && base != 2))
}

fn b_bin(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("bin", a, kw)?;
    let i = if num_of(x).is_some_and(|n| !matches!(n, Num::Float(_))) { x } else { new_int(args::as_index(x)?) };
    Ok(s(int_text(i, 2).expect("integer")))
}

fn b_hex(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("hex", a, kw)?;
    if let Some(t) = int_text(x, 16) {
        return Ok(s(t));
    }
    match ops::lookup_special(x, "__hex__") {
        Some(m) if crate::objects::float::as_float(x).is_none() => ops::call(m, &[], &[]),
        _ => Err(type_error("hex() argument can't be converted to hex")),
    }
}

fn b_oct(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("oct", a, kw)?;
    if let Some(t) = int_text(x, 8) {
        return Ok(s(t));
    }
    match ops::lookup_special(x, "__oct__") {
        Some(m) if crate::objects::float::as_float(x).is_none() => ops::call(m, &[], &[]),
        _ => Err(type_error("oct() argument can't be converted to oct")),
    }
}

/// `callable(x)`: classes, functions, and objects whose class has `__call__`.
pub fn is_callable(x: Value) -> bool {
    if as_type(x).is_some() || classobj::as_class(x).is_some() {
        return true;
    }
    if function::as_function(x).is_some() || function::as_builtin(x).is_some() || function::as_method(x).is_some() {
        return true;
    }
    if classobj::as_classic_instance(x).is_some() {
        return ops::getattr_opt(x, pystr::intern("__call__")).ok().flatten().is_some();
    }
    typeobj::lookup(type_of(x), pystr::intern("__call__")).is_some()
}

fn b_callable(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(Value::from_bool(is_callable(one("callable", a, kw)?)))
}

fn b_chr(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("chr", a, kw)?;
    let i = args::ssize_arg(x)?;
    if !(0..256).contains(&i) {
        return Err(value_error("chr() arg not in range(256)"));
    }
    Ok(pystr::new_str(&[i as u8]))
}

fn b_unichr(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("unichr", a, kw)?;
    let i = args::ssize_arg(x)?;
    if !(0..0x110000).contains(&i) {
        return Err(value_error("unichr() arg not in range(0x110000) (wide Python build)"));
    }
    Ok(unicode::new_unicode(vec![i as u32]))
}

fn b_ord(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("ord", a, kw)?;
    let n = if let Some(b) = pystr::as_bytes(x) {
        if b.len() == 1 {
            return Ok(new_int(b[0] as i64));
        }
        b.len()
    } else if let Some(u) = unicode::as_unicode(x) {
        if u.len() == 1 {
            return Ok(new_int(u[0] as i64));
        }
        u.len()
    } else {
        return Err(type_error(format!("ord() expected string of length 1, but {} found", type_name(x))));
    };
    Err(type_error(format!("ord() expected a character, but string of length {n} found")))
}

/// `cmp(a, b)`: -1, 0 or 1, trying ==, < and > before the 3-way fallback.
pub fn cmp_values(x: Value, y: Value) -> PyResult<i64> {
    if type_of(x) == type_of(y) {
        if let Some(m) = ops::lookup_special(x, "__cmp__") {
            if !function::as_builtin(m).is_some_and(|b| b.owner == types::object()) {
                let r = ops::call(m, &[y], &[])?;
                if r != NOT_IMPLEMENTED {
                    let i = as_int(r).ok_or_else(|| type_error("comparison did not return an int"))?;
                    return Ok(i.signum());
                }
            }
        }
    }
    if ops::eq_bool(x, y)? {
        return Ok(0);
    }
    if ops::truthy(ops::compare(CmpOp::Lt, x, y)?)? {
        return Ok(-1);
    }
    if ops::truthy(ops::compare(CmpOp::Gt, x, y)?)? {
        return Ok(1);
    }
    Ok(ops::cmp3(x, y)? as i64)
}

fn b_cmp(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("cmp", a, kw, 2, 2)?;
    Ok(new_int(cmp_values(a[0], a[1])?))
}

fn b_coerce(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("coerce", a, kw, 2, 2)?;
    let (x, y) = (a[0], a[1]);
    if type_of(x) == type_of(y) {
        return Ok(tuple::new_tuple(vec![x, y]));
    }
    for (p, q, flip) in [(x, y, false), (y, x, true)] {
        if let Some(m) = ops::lookup_special(p, "__coerce__") {
            let r = ops::call(m, &[q], &[])?;
            if r != NOT_IMPLEMENTED {
                let t = tuple::as_tuple(r).ok_or_else(|| type_error("coercion should return None or 2-tuple"))?.to_vec();
                return Ok(if flip { tuple::new_tuple(vec![t[1], t[0]]) } else { r });
            }
        }
    }
    Err(type_error("number coercion failed"))
}

fn b_delattr(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("delattr", a, kw, 2, 2)?;
    ops::delattr(a[0], attr_name(a[1], "delattr")?)?;
    Ok(Value::NONE)
}

fn b_setattr(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("setattr", a, kw, 3, 3)?;
    ops::setattr(a[0], attr_name(a[1], "setattr")?, a[2])?;
    Ok(Value::NONE)
}

fn b_getattr(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("getattr", a, kw, 2, 3)?;
    let name = attr_name(a[1], "getattr")?;
    match ops::getattr(a[0], name) {
        Err(e) if a.len() == 3 && e.matches(types::attribute_error()) => Ok(a[2]),
        r => r,
    }
}

/// Python 2's `hasattr` answers False for any Exception, not just AttributeError.
fn b_hasattr(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("hasattr", a, kw, 2, 2)?;
    let name = attr_name(a[1], "hasattr")?;
    match ops::getattr(a[0], name) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) if e.matches(types::exception()) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

/// Names for `dir(obj)`: the instance's attributes and its class chain's.
fn b_dir(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("dir", a, kw, 0, 1)?;
    let mut names: Vec<Vec<u8>> = Vec::new();
    let special = crate::objects::dict::new_dict();
    special.set_str("__class__", Value::NONE);
    special.set_str("__doc__", Value::NONE);
    let mut add_dict = |d: Value| {
        if let Some(dd) = crate::objects::dict_methods::dict_of(d) {
            for (k, _) in dd.items() {
                if let Some(b) = pystr::as_bytes(k) {
                    names.push(b.to_vec());
                }
            }
        }
    };
    match a.first() {
        None => add_dict(frame_locals()?),
        Some(&o) => {
            if let Some(m) = ops::lookup_special(o, "__dir__") {
                let r = ops::call(m, &[], &[])?;
                let l = list::new_list(ops::to_vec(r)?);
                crate::objects::list_methods::sort_list(list::as_list(l).expect("list"), None, None, false)?;
                return Ok(l);
            }
            if crate::objects::module::as_module(o).is_some() {
                add_dict(ops::getattr(o, pystr::intern("__dict__"))?);
            } else {
                // Attributes every object answers without a dict entry here.
                add_dict(special.as_value());
                let classes = if as_type(o).is_some() || classobj::as_class(o).is_some() {
                    typeobj::mro_of(o)
                } else {
                    if let Some(d) = ops::getattr_opt(o, pystr::intern("__dict__")).ok().flatten() {
                        add_dict(d);
                    }
                    typeobj::mro_of(ops::class_of(o))
                };
                for c in classes {
                    if let Some(t) = as_type(c) {
                        add_dict(t.dict.as_value());
                    } else if let Some(k) = classobj::as_class(c) {
                        add_dict(k.dict.as_value());
                    }
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let mut out = RootedVec::new();
    for n in &names {
        out.push(pystr::new_str(n));
    }
    Ok(list::new_list(out.into_vec()))
}

fn b_divmod(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("divmod", a, kw, 2, 2)?;
    let (x, y) = (a[0], a[1]);
    if let (Some(p), Some(q)) = (crate::objects::numbers::to_num(x), crate::objects::numbers::to_num(y)) {
        return divmod_nums(p, q);
    }
    binary_special(x, y, "__divmod__", "__rdivmod__", "divmod()")
}

/// `x.__op__(y)`, then `y.__rop__(x)`, as the number protocol does for
/// operations without an `ops::BinOp`.
fn binary_special(x: Value, y: Value, name: &str, rname: &str, sym: &str) -> PyResult {
    if let Some(m) = ops::lookup_special(x, name) {
        let r = ops::call(m, &[y], &[])?;
        if r != NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    if type_of(x) != type_of(y) {
        if let Some(m) = ops::lookup_special(y, rname) {
            let r = ops::call(m, &[x], &[])?;
            if r != NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
    }
    Err(type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", type_name(x), type_name(y))))
}

fn b_filter(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("filter", a, kw, 2, 2)?;
    let (f, seq) = (a[0], a[1]);
    let keep = |x: Value| -> PyResult<bool> {
        if f == Value::NONE {
            ops::truthy(x)
        } else {
            ops::truthy(ops::call(f, &[x], &[])?)
        }
    };
    if let Some(b) = pystr::as_bytes(seq) {
        let mut out = Vec::new();
        for &c in b {
            if keep(pystr::new_str(&[c]))? {
                out.push(c);
            }
        }
        return Ok(pystr::new_str_owned(out));
    }
    if type_of(seq) == types::unicode() {
        let chars = unicode::as_unicode(seq).expect("unicode").to_vec();
        let mut out = Vec::new();
        for c in chars {
            if keep(unicode::new_unicode(vec![c]))? {
                out.push(c);
            }
        }
        return Ok(unicode::new_unicode(out));
    }
    let it = ops::iter(seq)?;
    let mut out = RootedVec::new();
    while let Some(x) = ops::next(it)? {
        if keep(x)? {
            out.push(x);
        }
    }
    if tuple::as_tuple(seq).is_some() {
        return Ok(tuple::new_tuple(out.into_vec()));
    }
    Ok(list::new_list(out.into_vec()))
}

/// `format(value[, spec])`: the str helper's formatter does the work.
fn b_format(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("format", a, kw, 1, 2)?;
    let spec = a.get(1).copied().unwrap_or_else(|| pystr::new_str(b""));
    if pystr::as_bytes(spec).is_none() && type_of(spec) != types::unicode() {
        return Err(type_error(format!("format expects arg 2 to be string or unicode, not {}", type_name(spec))));
    }
    crate::objects::format::format_builtin(a[0], spec)
}

fn b_hash(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(new_int(ops::hash(one("hash", a, kw)?)?))
}

/// `id(x)`: the object's address; immediates use their tagged word, which
/// is just as unique and stable.
fn b_id(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("id", a, kw)?;
    Ok(crate::objects::long::int_or_long(num_bigint::BigInt::from(x.0)))
}

fn b_intern(a: &[Value], kw: KwArgs) -> PyResult {
    let x = one("intern", a, kw)?;
    if pystr::as_bytes(x).is_none() {
        return Err(type_error(format!("intern() argument 1 must be string, not {}", type_name(x))));
    }
    if type_of(x) != types::str() {
        return Err(type_error("can't intern subclass of string"));
    }
    Ok(pystr::intern_value(x))
}

/// `isinstance`'s class argument check and test, recursing into tuples.
fn instance_of(x: Value, cls: Value, depth: usize) -> PyResult<bool> {
    if let Some(items) = tuple::as_tuple(cls) {
        for &c in items.to_vec().iter() {
            if depth > 1000 {
                return Err(crate::runtime::errors::runtime_error("maximum recursion depth exceeded in __instancecheck__"));
            }
            if instance_of(x, c, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = as_type(type_of(cls)).filter(|t| t.has_flag(typeobj::HEAPTYPE)) {
        if let Some(m) = typeobj::lookup(t.as_value(), pystr::intern("__instancecheck__")) {
            return ops::truthy(ops::call(m, &[cls, x], &[])?);
        }
    }
    if as_type(cls).is_some() || classobj::as_class(cls).is_some() {
        let c = ops::class_of(x);
        return Ok(is_subtype(c, cls) || (c != type_of(x) && is_subtype(type_of(x), cls)));
    }
    Err(type_error("isinstance() arg 2 must be a class, type, or tuple of classes and types"))
}

fn b_isinstance(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("isinstance", a, kw, 2, 2)?;
    Ok(Value::from_bool(instance_of(a[0], a[1], 0)?))
}

/// `PyObject_IsSubclass`: `issubclass(c, cls)`, honouring `__subclasscheck__`.
pub fn subclass_of(c: Value, cls: Value) -> PyResult<bool> {
    if let Some(items) = tuple::as_tuple(cls) {
        for &k in items.to_vec().iter() {
            if subclass_of(c, k)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = as_type(type_of(cls)).filter(|t| t.has_flag(typeobj::HEAPTYPE)) {
        if let Some(m) = typeobj::lookup(t.as_value(), pystr::intern("__subclasscheck__")) {
            return ops::truthy(ops::call(m, &[cls, c], &[])?);
        }
    }
    if as_type(cls).is_none() && classobj::as_class(cls).is_none() {
        return Err(type_error("issubclass() arg 2 must be a class or tuple of classes"));
    }
    Ok(is_subtype(c, cls))
}

fn b_issubclass(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("issubclass", a, kw, 2, 2)?;
    if as_type(a[0]).is_none() && classobj::as_class(a[0]).is_none() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::from_bool(subclass_of(a[0], a[1])?))
}

fn b_iter(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("iter", a, kw, 1, 2)?;
    if a.len() == 1 {
        return ops::iter(a[0]);
    }
    if !is_callable(a[0]) {
        return Err(type_error("iter(v, w): v must be callable"));
    }
    Ok(crate::objects::iters::new_call_iter(a[0], a[1]))
}

fn b_len(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(new_int(ops::len(one("len", a, kw)?)? as i64))
}

fn b_map(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("map", kw)?;
    if a.len() < 2 {
        return Err(type_error("map() requires at least two args"));
    }
    let f = a[0];
    if f == Value::NONE && a.len() == 2 {
        // map(None, S) is list(S).
        return Ok(list::new_list(ops::to_vec(a[1])?));
    }
    let mut iters = RootedVec::new();
    for (k, &seq) in a[1..].iter().enumerate() {
        let it = ops::iter(seq).map_err(|e| if e.matches(types::type_error()) { type_error(format!("argument {} to map() must support iteration", k + 2)) } else { e })?;
        iters.push(it);
    }
    let mut out = RootedVec::new();
    loop {
        let mut row = RootedVec::new();
        let mut live = 0;
        for k in 0..iters.len() {
            match ops::next(iters[k])? {
                Some(x) => {
                    live += 1;
                    row.push(x);
                }
                None => row.push(Value::NONE),
            }
        }
        if live == 0 {
            break;
        }
        let v = if f == Value::NONE {
            if row.len() == 1 { row[0] } else { tuple::new_tuple(row.to_vec()) }
        } else {
            ops::call(f, &row, &[])?
        };
        out.push(v);
    }
    Ok(list::new_list(out.into_vec()))
}

/// `min`/`max`: one iterable or several arguments, optional `key=`.
fn min_max(a: &[Value], kw: KwArgs, name: &str, op: CmpOp) -> PyResult {
    let mut key = None;
    if !kw.is_empty() {
        if kw.len() != 1 || args::kw_name(kw[0].0) != b"key" {
            return Err(type_error(format!("{name}() got an unexpected keyword argument")));
        }
        key = Some(kw[0].1);
    }
    if a.len() <= 1 {
        args::unpack_n(name, a.len(), 1, 1)?;
    }
    let src = if a.len() == 1 { a[0] } else { tuple::new_tuple_from(a) };
    let it = ops::iter(src)?;
    let mut best: Option<(Value, Value)> = None;
    while let Some(x) = ops::next(it)? {
        let k = match key {
            Some(f) => ops::call(f, &[x], &[])?,
            None => x,
        };
        best = match best {
            None => Some((x, k)),
            Some((bx, bk)) => {
                if ops::truthy(ops::compare(op, k, bk)?)? { Some((x, k)) } else { Some((bx, bk)) }
            }
        };
    }
    match best {
        Some((x, _)) => Ok(x),
        None => Err(value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn b_max(a: &[Value], kw: KwArgs) -> PyResult {
    min_max(a, kw, "max", CmpOp::Gt)
}

fn b_min(a: &[Value], kw: KwArgs) -> PyResult {
    min_max(a, kw, "min", CmpOp::Lt)
}

fn is_iterator(x: Value) -> bool {
    crate::objects::iterobj::as_iter(x).is_some() || type_of(x) == types::generator() || ops::lookup_special(x, "next").is_some()
}

fn b_next(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("next", a, kw, 1, 2)?;
    if !is_iterator(a[0]) {
        return Err(type_error(format!("{} object is not an iterator", type_name(a[0]))));
    }
    match ops::next(a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(&d) => Ok(d),
            None => Err(stop_iteration()),
        },
    }
}

fn b_pow(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("pow", a, kw, 2, 3)?;
    let z = a.get(2).copied().filter(|z| *z != Value::NONE);
    let Some(z) = z else { return ops::binop(BinOp::Pow, a[0], a[1]) };
    let nums = (crate::objects::numbers::to_num(a[0]), crate::objects::numbers::to_num(a[1]), crate::objects::numbers::to_num(z));
    if let (Some(x), Some(y), Some(m)) = nums {
        return pow3(x, y, m);
    }
    if let Some(m) = ops::lookup_special(a[0], "__pow__") {
        let r = ops::call(m, &[a[1], z], &[])?;
        if r != NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for pow(): '{}', '{}', '{}'",
        type_name(a[0]),
        type_name(a[1]),
        type_name(z)
    )))
}

pub fn b_reduce(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("reduce", a, kw, 2, 3)?;
    let it = ops::iter(a[1]).map_err(|e| if e.matches(types::type_error()) { type_error("reduce() arg 2 must support iteration") } else { e })?;
    let mut acc = a.get(2).copied();
    while let Some(x) = ops::next(it)? {
        acc = Some(match acc {
            None => x,
            Some(v) => ops::call(a[0], &[v, x], &[])?,
        });
    }
    acc.ok_or_else(|| type_error("reduce() of empty sequence with no initial value"))
}

fn b_repr(a: &[Value], kw: KwArgs) -> PyResult {
    ops::repr(one("repr", a, kw)?)
}

fn b_round(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("round", a, kw, &["number", "ndigits"], 1)?;
    let x = p[0].expect("required");
    let is_number = num_of(x).is_some() || ops::lookup_special(x, "__float__").is_some();
    if !is_number {
        return Err(type_error("a float is required"));
    }
    let f = float_of(x)?;
    let n = match p[1] {
        Some(v) => args::as_index(v)?,
        None => 0,
    };
    Ok(crate::objects::float::new_float(numconv::round_float(f, n)))
}

fn b_sorted(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("sorted", a, kw, &["iterable", "cmp", "key", "reverse"], 1)?;
    let items = ops::to_vec(p[0].expect("required"))?;
    let l = list::new_list(items);
    let reverse = match p[3] {
        Some(v) => args::ssize_arg(v)? != 0,
        None => false,
    };
    let f = |v: Option<Value>| v.filter(|x| *x != Value::NONE);
    crate::objects::list_methods::sort_list(list::as_list(l).expect("list"), f(p[1]), f(p[2]), reverse)?;
    Ok(l)
}

fn b_sum(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("sum", a, kw, 1, 2)?;
    let mut acc = a.get(1).copied().unwrap_or(new_int(0));
    if pystr::as_bytes(acc).is_some() {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = ops::iter(a[0])?;
    while let Some(x) = ops::next(it)? {
        acc = ops::binop(BinOp::Add, acc, x)?;
    }
    Ok(acc)
}

fn b_zip(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("zip", kw)?;
    let mut iters = RootedVec::new();
    for (k, &seq) in a.iter().enumerate() {
        let it = ops::iter(seq).map_err(|e| if e.matches(types::type_error()) { type_error(format!("zip argument #{} must support iteration", k + 1)) } else { e })?;
        iters.push(it);
    }
    let mut out = RootedVec::new();
    if iters.is_empty() {
        return Ok(list::new_list(Vec::new()));
    }
    'rows: loop {
        let mut row = RootedVec::new();
        for k in 0..iters.len() {
            match ops::next(iters[k])? {
                Some(x) => row.push(x),
                None => break 'rows,
            }
        }
        out.push(tuple::new_tuple(row.to_vec()));
    }
    Ok(list::new_list(out.into_vec()))
}

#[allow(dead_code)]
fn unused(_: Gc<ModuleObj>, _: PyErr) -> PyResult {
    Err(attribute_error(""))
}

pub fn install(m: Gc<ModuleObj>) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("abs", b_abs),
        ("all", b_all),
        ("any", b_any),
        ("apply", b_apply),
        ("bin", b_bin),
        ("callable", b_callable),
        ("chr", b_chr),
        ("cmp", b_cmp),
        ("coerce", b_coerce),
        ("delattr", b_delattr),
        ("dir", b_dir),
        ("divmod", b_divmod),
        ("filter", b_filter),
        ("format", b_format),
        ("getattr", b_getattr),
        ("hasattr", b_hasattr),
        ("hash", b_hash),
        ("hex", b_hex),
        ("id", b_id),
        ("intern", b_intern),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("iter", b_iter),
        ("len", b_len),
        ("map", b_map),
        ("max", b_max),
        ("min", b_min),
        ("next", b_next),
        ("oct", b_oct),
        ("ord", b_ord),
        ("pow", b_pow),
        ("range", crate::objects::xrange::builtin_range),
        ("reduce", b_reduce),
        ("repr", b_repr),
        ("round", b_round),
        ("setattr", b_setattr),
        ("sorted", b_sorted),
        ("sum", b_sum),
        ("unichr", b_unichr),
        ("zip", b_zip),
    ];
    for &(name, f) in fns {
        let b = function::new_builtin(name, f);
        if let Some(bo) = function::as_builtin(b) {
            // SAFETY: freshly allocated, not yet shared.
            unsafe { bo.get_mut().module = pystr::intern("__builtin__") };
        }
        m.dict.set_str(name, b);
    }
    // The interned names of types the registry skips (they contain '_').
    m.dict.set_str("super", types::super_());
}
