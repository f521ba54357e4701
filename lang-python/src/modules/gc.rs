//! The `gc` module.
//!
//! CPython frees most objects by reference counting and its `gc` module
//! drives a generational collector that only breaks cycles. We have one
//! collector (vmcore's mark-sweep, triggered by allocated bytes) and it is
//! our only way of freeing memory, so the module maps onto it as follows:
//!
//! - `collect()` runs a full collection, then the weakref callbacks it made
//!   due, so a program can make dead referents' weak references return
//!   None deterministically. It returns 0: we do not count what died.
//! - `disable()` / `enable()` only change what `isenabled()` reports: turning
//!   off our only collector would let memory grow without bound.
//! - thresholds and debug flags are remembered and reported back, but do
//!   not steer the collector; `get_count()` is (0, 0, 0) as we have no
//!   generations; `garbage` stays empty (no finalizer ever makes a cycle
//!   uncollectable here).
//! - `get_objects`, `get_referents`, `get_referrers` and `is_tracked` are
//!   approximations: the collector's own traversal also sees internal
//!   objects (shapes, hash tables) with no Python identity, so these
//!   follow Python-level structure instead: the items of containers, an
//!   instance's `__dict__` and class, a function's code, globals, defaults
//!   and closure, and so on. `get_objects()` lists the container objects
//!   reachable from `sys.modules` and the running frames (CPython lists
//!   every object its collector tracks, reachable or not), and
//!   `is_tracked` applies CPython's rule: atoms (numbers, strings, None,
//!   code) are not tracked, nor are tuples and dicts holding only atoms.

use crate::interp::frame::FrameObj;
use crate::interp::generator::GeneratorObj;
use crate::objects::args;
use crate::objects::function::{as_function, as_method, as_wrapper, CellObj};
use crate::objects::module::{as_module, ModuleObj};
use crate::objects::typeobj::as_type;
use crate::objects::{classobj, dict, instance, int::new_int, list, set, tuple};
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{type_of, types, KwArgs, NativeFn, PyResult};
use std::cell::Cell;
use std::collections::HashSet;
use vmcore::gc::{Gc, RootedVec};
use vmcore::Value;

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_INSTANCES: i64 = 8;
pub const DEBUG_OBJECTS: i64 = 16;
pub const DEBUG_SAVEALL: i64 = 32;
pub const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_INSTANCES | DEBUG_OBJECTS | DEBUG_SAVEALL;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static THRESHOLD: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
    static DEBUG: Cell<i64> = const { Cell::new(0) };
}

fn int_arg(v: Value) -> PyResult<i64> {
    args::index_i64(v)?.ok_or_else(|| type_error("an integer is required"))
}

fn collect(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("collect", a, kw, &["generation"], 0)?;
    if let Some(g) = p[0] {
        if !(0..=2).contains(&int_arg(g)?) {
            return Err(value_error("invalid generation"));
        }
    }
    vmcore::gc::collect();
    crate::modules::weakref::run_callbacks();
    Ok(new_int(0))
}

fn enable(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("enable", a, kw)?;
    ENABLED.with(|e| e.set(true));
    Ok(Value::NONE)
}

fn disable(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("disable", a, kw)?;
    ENABLED.with(|e| e.set(false));
    Ok(Value::NONE)
}

fn isenabled(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("isenabled", a, kw)?;
    Ok(Value::from_bool(ENABLED.with(|e| e.get())))
}

fn get_count(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("get_count", a, kw)?;
    Ok(tuple::new_tuple(vec![new_int(0), new_int(0), new_int(0)]))
}

fn get_threshold(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("get_threshold", a, kw)?;
    let (x, y, z) = THRESHOLD.with(|t| t.get());
    Ok(tuple::new_tuple(vec![new_int(x), new_int(y), new_int(z)]))
}

fn set_threshold(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("set_threshold", a, kw, 1, 3)?;
    let (_, mut y, mut z) = THRESHOLD.with(|t| t.get());
    let x = int_arg(a[0])?;
    if let Some(&v) = a.get(1) {
        y = int_arg(v)?;
    }
    if let Some(&v) = a.get(2) {
        z = int_arg(v)?;
    }
    THRESHOLD.with(|t| t.set((x, y, z)));
    Ok(Value::NONE)
}

fn get_debug(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("get_debug", a, kw)?;
    Ok(new_int(DEBUG.with(|d| d.get())))
}

fn set_debug(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("set_debug", a, kw, 1, 1)?;
    let flags = int_arg(a[0])?;
    DEBUG.with(|d| d.set(flags));
    Ok(Value::NONE)
}

/// Objects CPython's collector never tracks.
fn is_atom(v: Value) -> bool {
    let t = type_of(v);
    !v.is_ptr()
        || [types::int(), types::long(), types::float(), types::complex(), types::str(), types::unicode(), types::code()].contains(&t)
}

/// CPython's `gc.is_tracked`: containers are tracked, except tuples and
/// dicts that hold only untracked objects (CPython untracks those lazily;
/// we answer as if it already had).
fn tracked(v: Value) -> bool {
    if is_atom(v) {
        return false;
    }
    let t = type_of(v);
    if t == types::tuple() || t == types::dict() {
        return referents(v).iter().any(|&x| tracked(x));
    }
    true
}

fn is_tracked(a: &[Value], kw: KwArgs) -> PyResult {
    Ok(Value::from_bool(tracked(args::one("is_tracked", a, kw)?)))
}

/// What `v` refers to, in the order CPython's traversal visits it.
fn referents(v: Value) -> Vec<Value> {
    let mut out = Vec::new();
    if is_atom(v) {
        return out;
    }
    let base = instance::unwrap_base(v);
    if let Some(items) = tuple::as_tuple(base) {
        out.extend(items.iter().rev());
    } else if let Some(l) = list::as_list(base) {
        out.extend(l.v().iter().rev());
    } else if let Some(d) = dict::as_dict(base) {
        out.extend(d.items().into_iter().flat_map(|(k, x)| [k, x]));
    } else if let Some(t) = set::table_of(base) {
        out.extend(t.iter().map(|e| e.key));
    }
    if let Some(inst) = instance::as_instance(v) {
        // `__slots__` values, or the `__dict__` (made now, as reading it would).
        if as_type(inst.cls.get()).is_some_and(|t| t.has_flag(crate::objects::typeobj::NO_DICT)) {
            if let Some(s) = inst.shape.get() {
                out.extend(s.keys().into_iter().filter_map(|k| inst.get_attr(k)));
            }
        } else {
            out.push(inst.to_dict_mode().as_value());
        }
        out.push(inst.cls.get());
    } else if let Some(i) = classobj::as_classic_instance(v) {
        out.extend([i.class.get(), i.dict.get().as_value()]);
    } else if let Some(c) = classobj::as_class(v) {
        out.push(tuple::new_tuple(c.bases.borrow().clone()));
        out.extend([c.dict.as_value(), c.name]);
    } else if let Some(t) = as_type(v) {
        out.push(t.dict.as_value());
        out.extend(t.mro.borrow().iter().copied());
        out.extend(t.bases.borrow().iter().copied());
    } else if let Some(m) = as_module(v) {
        out.push(m.dict.as_value());
    } else if let Some(f) = as_function(v) {
        out.extend([f.code.get(), f.globals, f.module.get(), f.defaults.get(), f.doc.get(), f.name.get(), f.dict.get(), f.closure]);
    } else if let Some(m) = as_method(v) {
        out.extend([m.func, m.self_, m.im_class]);
    } else if let Some(w) = as_wrapper(v) {
        out.extend([w.f.get(), w.fset.get(), w.fdel.get(), w.doc.get()]);
    } else if let Some(c) = Gc::<CellObj>::downcast(v) {
        out.push(c.v.get());
    } else if let Some(g) = Gc::<GeneratorObj>::downcast(v) {
        out.push(g.frame.as_value());
    } else if let Some(f) = Gc::<FrameObj>::downcast(v) {
        out.extend([f.back.get(), f.code.as_value(), f.builtins.as_value(), f.globals.as_value(), f.locals.get()]);
        out.extend(f.stack().iter().copied());
        out.extend(f.cells().iter().copied());
    }
    out.retain(|x| !x.is_empty() && *x != Value::NONE);
    out
}

fn get_referents(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("get_referents", kw)?;
    let mut out = RootedVec::new();
    for &v in a {
        let r = referents(v);
        out.extend(r);
    }
    Ok(list::new_list(out.to_vec()))
}

/// The tracked objects reachable from `sys.modules` and the running frames.
fn reachable() -> RootedVec {
    let mut seen: HashSet<u64> = HashSet::new();
    let mut found = RootedVec::new();
    let mut todo = RootedVec::from_vec(vec![crate::modules::sys::modules().as_value(), crate::interp::state::ts().frame]);
    while let Some(v) = todo.pop() {
        if !v.is_ptr() || !seen.insert(v.0) {
            continue;
        }
        if tracked(v) {
            found.push(v);
        }
        let r = referents(v);
        todo.extend(r);
    }
    found
}

fn get_objects(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("get_objects", a, kw)?;
    let all = reachable();
    Ok(list::new_list(all.to_vec()))
}

fn get_referrers(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("get_referrers", kw)?;
    let all = reachable();
    let mut out = RootedVec::new();
    for &o in all.iter() {
        if referents(o).iter().any(|r| a.contains(r)) {
            out.push(o);
        }
    }
    Ok(list::new_list(out.to_vec()))
}

pub fn create() -> vmcore::gc::Gc<ModuleObj> {
    let m = crate::modules::module_with(
        "gc",
        &[
            ("collect", collect as NativeFn),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_debug", get_debug),
            ("set_debug", set_debug),
            ("get_objects", get_objects),
            ("get_referents", get_referents),
            ("get_referrers", get_referrers),
            ("is_tracked", is_tracked),
        ],
    );
    let d = m.dict;
    for (n, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_INSTANCES", DEBUG_INSTANCES),
        ("DEBUG_OBJECTS", DEBUG_OBJECTS),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        d.set_str(n, new_int(v));
    }
    d.set_str("garbage", list::new_list(Vec::new()));
    m
}
