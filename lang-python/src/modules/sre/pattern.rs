//! `_sre.SRE_Pattern`: a compiled pattern and the operations that run it
//! (match, search, findall, finditer, split, sub, subn, scanner).
//!
//! findall, split and sub loop over successive searches on one matcher
//! state, as CPython does: after an empty match the next search starts one
//! character later, so `x*` finds the empty string between characters.

use super::engine::{Matcher, Program};
use super::{call_re, clamp, match_obj, scanner, slice, ssize, stopped, text_of};
use crate::builtins::functions::is_callable;
use crate::objects::{add_method, add_static, args, int, list, str as pystr, tuple, unicode};
use crate::ops;
use crate::runtime::errors::type_error;
use crate::runtime::{type_of, types, KwArgs, PyResult};
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct PatternObj {
    pub cls: Value,
    /// The source pattern, as given to `re.compile`.
    pub pattern: Value,
    /// name -> group number (a dict), and group number -> name (a list).
    pub groupindex: Value,
    pub indexgroup: Value,
    pub flags: i64,
    /// Number of capturing groups.
    pub groups: usize,
    pub prog: Program,
}
unsafe impl Trace for PatternObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.pattern, self.groupindex, self.indexgroup]);
    }
}
vmcore::gc_type!(PatternObj, "_sre.SRE_Pattern");

crate::native_type!(pattern_type, make_type);

pub fn new_pattern(pattern: Value, flags: i64, groups: usize, groupindex: Value, indexgroup: Value, prog: Program) -> Value {
    alloc(PatternObj { cls: pattern_type(), pattern, groupindex, indexgroup, flags, groups, prog }).as_value()
}

pub fn as_pattern(v: Value) -> Option<Gc<PatternObj>> {
    Gc::<PatternObj>::downcast(v)
}

fn this(v: Value) -> PyResult<Gc<PatternObj>> {
    as_pattern(v).ok_or_else(|| type_error(format!("descriptor requires a '_sre.SRE_Pattern' object but received a '{}'", crate::objects::typeobj::type_name(v))))
}

/// The arguments of match/search/findall/split: the subject (keyword
/// `string`, or the deprecated `alias`), then the `n`-format integers
/// `ints` with their defaults.
fn subject_args<const N: usize>(name: &str, a: &[Value], kw: KwArgs, ints: [(&str, i64); N], alias: &str) -> PyResult<(Value, [i64; N])> {
    let positional = 1 + N;
    if a.len() > positional {
        return Err(type_error(format!("{name}() takes at most {positional} positional arguments ({} given)", a.len())));
    }
    let mut vals = ints.map(|(_, dflt)| dflt);
    if kw.is_empty() {
        // The common case, without the keyword machinery.
        for (k, &v) in a.iter().skip(1).enumerate() {
            vals[k] = ssize(v)?;
        }
        return a.first().map(|&s| (s, vals)).ok_or_else(|| type_error("Required argument 'string' (pos 1) not found"));
    }
    let mut names = vec!["string"];
    names.extend(ints.iter().map(|&(n, _)| n));
    names.push(alias);
    let p = args::parse(name, a, kw, &names, 0)?;
    for (k, val) in vals.iter_mut().enumerate() {
        if let Some(v) = p[k + 1] {
            *val = ssize(v)?;
        }
    }
    let string = match (p[0], p[positional]) {
        (Some(_), Some(_)) => return Err(type_error(format!("Argument given by name ('{alias}') and position (1)"))),
        (None, None) => return Err(type_error("Required argument 'string' (pos 1) not found")),
        (s, old) => s.or(old).expect("one of them"),
    };
    Ok((string, vals))
}

const POS_ENDPOS: [(&str, i64); 2] = [("pos", 0), ("endpos", i64::MAX)];

/// A match object for the matcher's current success.
fn new_match(p: Gc<PatternObj>, string: Value, m: &Matcher, pos: usize, endpos: usize) -> Value {
    match_obj::new_match(p.as_value(), string, m.spans(p.groups), m.lastindex(), pos, endpos)
}

fn p_match(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a[0])?;
    let (string, v) = subject_args("match", &a[1..], kw, POS_ENDPOS, "pattern")?;
    let text = text_of(string)?;
    let (pos, endpos) = (clamp(v[0], text.char_count()), clamp(v[1], text.char_count()));
    let mut m = Matcher::new(&p.prog, &text, pos, endpos);
    Ok(if m.matches().map_err(stopped)? { new_match(p, string, &m, pos, endpos) } else { Value::NONE })
}

fn p_search(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a[0])?;
    let (string, v) = subject_args("search", &a[1..], kw, POS_ENDPOS, "pattern")?;
    let text = text_of(string)?;
    let (pos, endpos) = (clamp(v[0], text.char_count()), clamp(v[1], text.char_count()));
    let mut m = Matcher::new(&p.prog, &text, pos, endpos);
    Ok(if m.search().map_err(stopped)? { new_match(p, string, &m, pos, endpos) } else { Value::NONE })
}

/// After a match, where the next search starts: one further on after an
/// empty match, so the loop always advances.
fn advance(m: &mut Matcher) {
    let next = if m.ptr() == m.start() { m.ptr() + 1 } else { m.ptr() };
    m.set_start(next);
}

fn p_findall(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a[0])?;
    let (string, v) = subject_args("findall", &a[1..], kw, POS_ENDPOS, "source")?;
    let text = text_of(string)?;
    let mut m = Matcher::new(&p.prog, &text, clamp(v[0], text.char_count()), clamp(v[1], text.char_count()));
    let out = list::new_list(Vec::new());
    let items = list::as_list(out).expect("list");
    while m.start() <= m.end() {
        m.reset();
        if !m.search().map_err(stopped)? {
            break;
        }
        // No match object: the whole match, the one group, or a tuple of
        // all groups (unmatched ones as empty strings).
        let group = |g: usize| {
            let (i, j) = m.span(g);
            if i < 0 { slice(string, 0, 0) } else { slice(string, i, j) }
        };
        let item = match p.groups {
            0 => group(0)?,
            1 => group(1)?,
            n => {
                let mut all = RootedVec::new();
                for g in 1..=n {
                    all.push(group(g)?);
                }
                tuple::new_tuple_from(&all)
            }
        };
        items.v().push(item);
        advance(&mut m);
    }
    Ok(out)
}

fn p_finditer(a: &[Value], kw: KwArgs) -> PyResult {
    this(a[0])?;
    args::no_kw("finditer", kw)?;
    let sc = scanner::new_scanner(a[0], &a[1..])?;
    let search = ops::getattr(sc, pystr::intern("search"))?;
    Ok(crate::objects::iters::new_call_iter(search, Value::NONE))
}

fn p_scanner(a: &[Value], kw: KwArgs) -> PyResult {
    this(a[0])?;
    args::no_kw("scanner", kw)?;
    scanner::new_scanner(a[0], &a[1..])
}

fn p_split(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a[0])?;
    let (string, v) = subject_args("split", &a[1..], kw, [("maxsplit", 0)], "source")?;
    let maxsplit = v[0];
    let text = text_of(string)?;
    let mut m = Matcher::new(&p.prog, &text, 0, text.char_count());
    let out = list::new_list(Vec::new());
    let items = list::as_list(out).expect("list");
    let (mut n, mut last) = (0, 0);
    while maxsplit == 0 || n < maxsplit {
        m.reset();
        if !m.search().map_err(stopped)? {
            break;
        }
        if m.start() == m.ptr() {
            // Empty matches do not split (2.7).
            if last == m.end() {
                break;
            }
            let next = m.ptr() + 1;
            m.set_start(next);
            continue;
        }
        items.v().push(slice(string, last as isize, m.start() as isize)?);
        for g in 1..=p.groups {
            let (i, j) = m.span(g);
            items.v().push(if i < 0 { Value::NONE } else { slice(string, i, j)? });
        }
        n += 1;
        last = m.ptr();
        m.set_start(last);
    }
    items.v().push(slice(string, last as isize, text.char_count() as isize)?);
    Ok(out)
}

/// `joiner.join(pieces)` where `joiner` is the subject's empty slice;
/// pieces all str (or all unicode) are concatenated directly.
fn join(pieces: Value, string: Value) -> PyResult {
    let joiner = slice(string, 0, 0)?;
    let items = list::as_list(pieces).expect("list");
    if items.v().is_empty() {
        return Ok(joiner);
    }
    let all = |t: Value| items.v().iter().all(|&x| type_of(x) == t);
    if type_of(joiner) == types::str() && all(types::str()) {
        let mut out = Vec::new();
        for &x in items.v().iter() {
            out.extend_from_slice(pystr::as_bytes(x).expect("str"));
        }
        return Ok(pystr::new_str_owned(out));
    }
    if type_of(joiner) == types::unicode() && all(types::unicode()) {
        let mut out = Vec::new();
        for &x in items.v().iter() {
            out.extend_from_slice(unicode::as_unicode(x).expect("unicode"));
        }
        return Ok(unicode::new_unicode(out));
    }
    ops::call_method(joiner, "join", &[pieces])
}

/// sub and subn: the replacement is a callable (given the match), a
/// literal string (no backslash), or a template `re._subx` turns into one
/// of those.
fn subx(a: &[Value], kw: KwArgs, name: &str) -> PyResult<(Value, i64)> {
    let p = this(a[0])?;
    let v = args::parse(name, &a[1..], kw, &["repl", "string", "count"], 2)?;
    let (repl, string) = (v[0].expect("required"), v[1].expect("required"));
    let count = v[2].map(ssize).transpose()?.unwrap_or(0);
    let (filter, callable) = if is_callable(repl) {
        (repl, true)
    } else {
        let literal = match text_of(repl) {
            Ok(super::engine::Text::Narrow(b)) => !b.contains(&b'\\'),
            Ok(super::engine::Text::Wide(w)) => !w.contains(&(b'\\' as u32)),
            Err(_) => false,
        };
        if literal {
            (repl, false)
        } else {
            let f = call_re("_subx", &[p.as_value(), repl])?;
            (f, is_callable(f))
        }
    };
    let text = text_of(string)?;
    let len = text.char_count();
    let mut m = Matcher::new(&p.prog, &text, 0, len);
    let pieces = list::new_list(Vec::new());
    let items = list::as_list(pieces).expect("list");
    let (mut n, mut i) = (0, 0);
    while count == 0 || n < count {
        m.reset();
        if !m.search().map_err(stopped)? {
            break;
        }
        let (b, e) = (m.start(), m.ptr());
        if i < b {
            items.v().push(slice(string, i as isize, b as isize)?);
        } else if i == b && i == e && n > 0 {
            // An empty match right after the previous match is skipped.
            advance(&mut m);
            continue;
        }
        let item = if callable { ops::call(filter, &[new_match(p, string, &m, 0, len)], &[])? } else { filter };
        if item != Value::NONE {
            items.v().push(item);
        }
        i = e;
        n += 1;
        advance(&mut m);
    }
    if i < len {
        items.v().push(slice(string, i as isize, len as isize)?);
    }
    Ok((join(pieces, string)?, n))
}

fn p_sub(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(subx(a, kw, "sub")?.0)
}

fn p_subn(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, n) = subx(a, kw, "subn")?;
    Ok(tuple::new_tuple(vec![s, int::new_int(n)]))
}

fn p_copy(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("__copy__", &a[1..], kw)?;
    Err(type_error("cannot copy this pattern object"))
}

fn p_deepcopy(a: &[Value], kw: KwArgs) -> PyResult {
    args::one("__deepcopy__", &a[1..], kw)?;
    Err(type_error("cannot deepcopy this pattern object"))
}

fn p_new(_a: &[Value], _kw: KwArgs) -> PyResult {
    Err(type_error("cannot create '_sre.SRE_Pattern' instances"))
}

fn getter(a: &[Value], f: fn(Gc<PatternObj>) -> Value) -> PyResult {
    Ok(f(this(a[0])?))
}

fn make_type() -> Value {
    let t = crate::modules::new_native_type("_sre", "SRE_Pattern", None, false);
    add_static(t, "__new__", p_new);
    for (n, f) in [
        ("match", p_match as crate::runtime::NativeFn),
        ("search", p_search),
        ("findall", p_findall),
        ("finditer", p_finditer),
        ("split", p_split),
        ("sub", p_sub),
        ("subn", p_subn),
        ("scanner", p_scanner),
        ("__copy__", p_copy),
        ("__deepcopy__", p_deepcopy),
    ] {
        add_method(t, n, f);
    }
    args::add_getter(t, "pattern", |a, _| getter(a, |p| p.pattern));
    args::add_getter(t, "flags", |a, _| getter(a, |p| int::new_int(p.flags)));
    args::add_getter(t, "groups", |a, _| getter(a, |p| int::new_int(p.groups as i64)));
    args::add_getter(t, "groupindex", |a, _| getter(a, |p| p.groupindex));
    t
}
