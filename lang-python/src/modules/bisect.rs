//! The `_bisect` module: binary search in a sorted sequence, and insertion
//! that keeps it sorted (what `bisect.py` replaces its Python code with).
//!
//! Any sequence works: items are read with `a[mid]`, and `insort` calls
//! `a.insert` on anything that is not a list.

use super::module_with;
use crate::objects::args;
use crate::objects::int::new_int;
use crate::objects::list::as_list;
use crate::ops::{self, CmpOp};
use crate::runtime::errors::value_error;
use crate::runtime::{type_of, types, KwArgs, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

/// Parses `(a, x, lo=0, hi=len(a))` and returns the insertion point; with
/// `right`, after any items equal to `x`.
fn search(name: &str, a: &[Value], kw: KwArgs, right: bool) -> PyResult<(Value, Value, i64)> {
    let p = args::parse(name, a, kw, &["a", "x", "lo", "hi"], 2)?;
    let (seq, x) = (p[0].expect("required"), p[1].expect("required"));
    let mut lo = p[2].map(args::ssize_arg).transpose()?.unwrap_or(0);
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    // hi = -1 (the C default) also means "the length".
    let mut hi = match p[3].map(args::ssize_arg).transpose()? {
        None | Some(-1) => ops::len(seq)? as i64,
        Some(h) => h,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let item = ops::getitem(seq, new_int(mid))?;
        let go_right = if right {
            !ops::truthy(ops::compare(CmpOp::Lt, x, item)?)?
        } else {
            ops::truthy(ops::compare(CmpOp::Lt, item, x)?)?
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok((seq, x, lo))
}

fn bisect_right(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(new_int(search("bisect_right", a, kw, true)?.2))
}

fn bisect_left(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(new_int(search("bisect_left", a, kw, false)?.2))
}

fn insert(seq: Value, at: i64, x: Value) -> PyResult {
    match as_list(seq) {
        Some(l) if type_of(seq) == types::list() => l.v().insert((at as usize).min(l.v().len()), x),
        _ => {
            ops::call_method(seq, "insert", &[new_int(at), x])?;
        }
    }
    Ok(Value::NONE)
}

fn insort_right(a: &[Value], kw: KwArgs) -> PyResult {
    let (seq, x, at) = search("insort_right", a, kw, true)?;
    insert(seq, at, x)
}

fn insort_left(a: &[Value], kw: KwArgs) -> PyResult {
    let (seq, x, at) = search("insort_left", a, kw, false)?;
    insert(seq, at, x)
}

pub fn create() -> Gc<crate::objects::module::ModuleObj> {
    module_with(
        "_bisect",
        &[
            ("bisect_right", bisect_right),
            ("bisect", bisect_right),
            ("bisect_left", bisect_left),
            ("insort_right", insort_right),
            ("insort", insort_right),
            ("insort_left", insort_left),
        ],
    )
}
