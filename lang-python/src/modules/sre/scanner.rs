//! `_sre.SRE_Scanner`: successive matches over one subject (what
//! `finditer` iterates, and what `re.Scanner` drives with `match`). Each
//! call continues where the previous one ended, one character further
//! after an empty match. A failure, or an empty match at the end, exhausts
//! the scanner for good.

use super::engine::Matcher;
use super::pattern::as_pattern;
use super::{clamp, match_obj, ssize, stopped, text_of};
use crate::objects::{add_method, add_static, args};
use crate::runtime::errors::type_error;
use crate::runtime::{KwArgs, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct ScannerObj {
    pub cls: Value,
    pub pattern: Value,
    pub string: Value,
    /// Where the next match attempt starts; None once exhausted.
    start: Cell<Option<usize>>,
    pos: usize,
    endpos: usize,
}
unsafe impl Trace for ScannerObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.pattern, self.string]);
    }
}
vmcore::gc_type!(ScannerObj, "_sre.SRE_Scanner");

crate::native_type!(scanner_type, make_type);

/// `pattern.scanner(string[, pos[, endpos]])`.
pub fn new_scanner(pattern: Value, a: &[Value]) -> PyResult {
    args::arity("scanner", a, &[], 1, 3)?;
    let pos = a.get(1).map(|&v| ssize(v)).transpose()?.unwrap_or(0);
    let endpos = a.get(2).map(|&v| ssize(v)).transpose()?.unwrap_or(i64::MAX);
    let len = text_of(a[0])?.char_count();
    let (pos, endpos) = (clamp(pos, len), clamp(endpos, len));
    let s = ScannerObj { cls: scanner_type(), pattern, string: a[0], start: Cell::new(Some(pos)), pos, endpos };
    Ok(alloc(s).as_value())
}

fn this(v: Value) -> PyResult<Gc<ScannerObj>> {
    Gc::<ScannerObj>::downcast(v).ok_or_else(|| type_error(format!("descriptor requires a '_sre.SRE_Scanner' object but received a '{}'", crate::objects::typeobj::type_name(v))))
}

fn step(a: &[Value], kw: KwArgs, name: &str, search: bool) -> PyResult {
    args::noargs(name, &a[1..], kw)?;
    let sc = this(a[0])?;
    let Some(start) = sc.start.get() else { return Ok(Value::NONE) };
    let p = as_pattern(sc.pattern).expect("scanner of a pattern");
    let text = text_of(sc.string)?;
    // A bytearray subject may have shrunk since.
    let end = sc.endpos.min(text.char_count());
    let mut m = Matcher::new(&p.prog, &text, start, end);
    if !(if search { m.search() } else { m.matches() }.map_err(stopped)?) {
        sc.start.set(None);
        return Ok(Value::NONE);
    }
    let (from, to) = (m.start(), m.ptr());
    sc.start.set(if to != from {
        Some(to)
    } else if to != end {
        Some(to + 1)
    } else {
        None
    });
    Ok(match_obj::new_match(sc.pattern, sc.string, m.spans(p.groups), m.lastindex(), sc.pos, sc.endpos))
}

fn sc_match(a: &[Value], kw: KwArgs) -> PyResult {
    step(a, kw, "match", false)
}

fn sc_search(a: &[Value], kw: KwArgs) -> PyResult {
    step(a, kw, "search", true)
}

fn sc_new(_a: &[Value], _kw: KwArgs) -> PyResult {
    Err(type_error("cannot create '_sre.SRE_Scanner' instances"))
}

fn make_type() -> Value {
    let t = crate::modules::new_native_type("_sre", "SRE_Scanner", None, false);
    add_static(t, "__new__", sc_new);
    add_method(t, "match", sc_match);
    add_method(t, "search", sc_search);
    args::add_getter(t, "pattern", |a, _| Ok(this(a[0])?.pattern));
    t
}
