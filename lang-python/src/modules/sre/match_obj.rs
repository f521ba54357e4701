//! `_sre.SRE_Match`: the result of a successful match. It keeps the
//! subject and the span of every group; the group strings are sliced from
//! the subject when asked for.

use super::pattern::as_pattern;
use super::{call_re, slice};
use crate::objects::{add_method, add_static, args, dict, int, long, tuple};
use crate::ops;
use crate::runtime::errors::{index_error, type_error};
use crate::runtime::{KwArgs, PyResult};
use num_traits::ToPrimitive;
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct MatchObj {
    pub cls: Value,
    /// The pattern object (`re`) and the subject (`string`).
    pub pattern: Value,
    pub string: Value,
    /// `regs`, built on first use.
    regs: Cell<Value>,
    pub pos: usize,
    pub endpos: usize,
    /// The last group closed, or -1.
    lastindex: isize,
    /// Start and end of group 0, 1, ...; -1 for groups that did not match.
    spans: Box<[isize]>,
}
unsafe impl Trace for MatchObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.pattern, self.string, self.regs.get()]);
    }
}
vmcore::gc_type!(MatchObj, "_sre.SRE_Match");

crate::native_type!(match_type, make_type);

pub fn new_match(pattern: Value, string: Value, spans: Vec<isize>, lastindex: isize, pos: usize, endpos: usize) -> Value {
    let m = MatchObj { cls: match_type(), pattern, string, regs: Cell::new(Value::NONE), pos, endpos, lastindex, spans: spans.into_boxed_slice() };
    alloc(m).as_value()
}

fn this(v: Value) -> PyResult<Gc<MatchObj>> {
    Gc::<MatchObj>::downcast(v).ok_or_else(|| type_error(format!("descriptor requires a '_sre.SRE_Match' object but received a '{}'", crate::objects::typeobj::type_name(v))))
}

impl MatchObj {
    fn groups(&self) -> usize {
        self.spans.len() / 2
    }

    fn groupindex(&self) -> Value {
        as_pattern(self.pattern).map_or(Value::NONE, |p| p.groupindex)
    }

    /// A group designator (number or name) as a group number; -1 when it
    /// is neither (the callers then raise "no such group").
    fn index(&self, g: Value) -> isize {
        if let Some(i) = int::as_int(g) {
            return i as isize;
        }
        if let Some(b) = long::as_long(g) {
            return b.to_isize().unwrap_or(-1);
        }
        let gi = self.groupindex();
        if gi == Value::NONE {
            return -1;
        }
        match ops::getitem(gi, g) {
            Ok(v) => int::as_int(v).map(|i| i as isize).or_else(|| long::as_long(v).and_then(|b| b.to_isize())).unwrap_or(-1),
            Err(_) => -1,
        }
    }

    fn checked(&self, g: Value) -> PyResult<usize> {
        let i = self.index(g);
        if i < 0 || i as usize >= self.groups() {
            return Err(index_error("no such group"));
        }
        Ok(i as usize)
    }

    fn span(&self, i: usize) -> (isize, isize) {
        (self.spans[2 * i], self.spans[2 * i + 1])
    }

    /// Group `g`'s text, or `dflt` if it did not take part.
    fn group(&self, g: Value, dflt: Value) -> PyResult {
        let (a, b) = self.span(self.checked(g)?);
        if a < 0 || self.string == Value::NONE {
            return Ok(dflt);
        }
        slice(self.string, a, b)
    }
}

fn m_group(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("group", kw)?;
    let m = this(a[0])?;
    match &a[1..] {
        [] => m.group(int::new_int(0), Value::NONE),
        [g] => m.group(*g, Value::NONE),
        gs => {
            let mut out = RootedVec::new();
            for &g in gs {
                out.push(m.group(g, Value::NONE)?);
            }
            Ok(tuple::new_tuple_from(&out))
        }
    }
}

fn m_groups(a: &[Value], kw: KwArgs) -> PyResult {
    let m = this(a[0])?;
    let p = args::parse("groups", &a[1..], kw, &["default"], 0)?;
    let dflt = p[0].unwrap_or(Value::NONE);
    let mut out = RootedVec::new();
    for i in 1..m.groups() {
        out.push(m.group(int::new_int(i as i64), dflt)?);
    }
    Ok(tuple::new_tuple_from(&out))
}

fn m_groupdict(a: &[Value], kw: KwArgs) -> PyResult {
    let m = this(a[0])?;
    let p = args::parse("groupdict", &a[1..], kw, &["default"], 0)?;
    let dflt = p[0].unwrap_or(Value::NONE);
    let out = dict::new_dict();
    let gi = m.groupindex();
    if gi == Value::NONE {
        return Ok(out.as_value());
    }
    let keys = match dict::as_dict(gi) {
        Some(d) => RootedVec::from_vec(d.items().into_iter().map(|(k, _)| k).collect()),
        None => RootedVec::from_vec(ops::to_vec(ops::call_method(gi, "keys", &[])?)?),
    };
    for &k in keys.iter() {
        out.set(k, m.group(k, dflt)?)?;
    }
    Ok(out.as_value())
}

/// The optional group argument of start/end/span (`PyArg_UnpackTuple`).
fn group_arg(name: &str, a: &[Value], kw: KwArgs) -> PyResult<(Gc<MatchObj>, usize)> {
    args::unpack(name, &a[1..], kw, 0, 1)?;
    let m = this(a[0])?;
    let i = m.checked(a.get(1).copied().unwrap_or(int::new_int(0)))?;
    Ok((m, i))
}

fn m_start(a: &[Value], kw: KwArgs) -> PyResult {
    let (m, i) = group_arg("start", a, kw)?;
    Ok(int::new_int(m.span(i).0 as i64))
}

fn m_end(a: &[Value], kw: KwArgs) -> PyResult {
    let (m, i) = group_arg("end", a, kw)?;
    Ok(int::new_int(m.span(i).1 as i64))
}

fn pair(m: &MatchObj, i: usize) -> Value {
    let (s, e) = m.span(i);
    tuple::new_tuple_from(&[int::new_int(s as i64), int::new_int(e as i64)])
}

fn m_span(a: &[Value], kw: KwArgs) -> PyResult {
    let (m, i) = group_arg("span", a, kw)?;
    Ok(pair(&m, i))
}

fn m_expand(a: &[Value], kw: KwArgs) -> PyResult {
    let template = args::one("expand", &a[1..], kw)?;
    let m = this(a[0])?;
    call_re("_expand", &[m.pattern, a[0], template])
}

fn m_copy(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__copy__", &a[1..], kw)?;
    Err(type_error("cannot copy this match object"))
}

fn m_deepcopy(a: &[Value], kw: KwArgs) -> PyResult {
    args::one("__deepcopy__", &a[1..], kw)?;
    Err(type_error("cannot deepcopy this match object"))
}

fn m_regs(a: &[Value], _kw: KwArgs) -> PyResult {
    let m = this(a[0])?;
    if m.regs.get() == Value::NONE {
        let mut pairs = RootedVec::new();
        for i in 0..m.groups() {
            pairs.push(pair(&m, i));
        }
        m.regs.set(tuple::new_tuple_from(&pairs));
    }
    Ok(m.regs.get())
}

fn m_lastindex(a: &[Value], _kw: KwArgs) -> PyResult {
    let m = this(a[0])?;
    Ok(if m.lastindex >= 0 { int::new_int(m.lastindex as i64) } else { Value::NONE })
}

/// The name of the last group closed, if it has one.
fn m_lastgroup(a: &[Value], _kw: KwArgs) -> PyResult {
    let m = this(a[0])?;
    let names = as_pattern(m.pattern).map_or(Value::NONE, |p| p.indexgroup);
    if names == Value::NONE || m.lastindex < 0 {
        return Ok(Value::NONE);
    }
    Ok(ops::getitem(names, int::new_int(m.lastindex as i64)).unwrap_or(Value::NONE))
}

fn m_new(_a: &[Value], _kw: KwArgs) -> PyResult {
    Err(type_error("cannot create '_sre.SRE_Match' instances"))
}

fn getter(a: &[Value], f: fn(Gc<MatchObj>) -> Value) -> PyResult {
    Ok(f(this(a[0])?))
}

fn make_type() -> Value {
    let t = crate::modules::new_native_type("_sre", "SRE_Match", None, false);
    add_static(t, "__new__", m_new);
    for (n, f) in [
        ("group", m_group as crate::runtime::NativeFn),
        ("groups", m_groups),
        ("groupdict", m_groupdict),
        ("start", m_start),
        ("end", m_end),
        ("span", m_span),
        ("expand", m_expand),
        ("__copy__", m_copy),
        ("__deepcopy__", m_deepcopy),
    ] {
        add_method(t, n, f);
    }
    args::add_getter(t, "regs", m_regs);
    args::add_getter(t, "lastindex", m_lastindex);
    args::add_getter(t, "lastgroup", m_lastgroup);
    args::add_getter(t, "string", |a, _| getter(a, |m| m.string));
    args::add_getter(t, "re", |a, _| getter(a, |m| m.pattern));
    args::add_getter(t, "pos", |a, _| getter(a, |m| int::new_int(m.pos as i64)));
    args::add_getter(t, "endpos", |a, _| getter(a, |m| int::new_int(m.endpos as i64)));
    t
}
