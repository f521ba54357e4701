//! Frames, tracebacks, code objects and cells as Python programs see them:
//! `f_back`, `tb_lineno`, `co_varnames`, `cell_contents` ... (what
//! `traceback`, `inspect`, `pdb` and `warnings` read). Each attribute is a
//! getter computed from the interpreter's own structures; code objects'
//! byte-level attributes come from `compiler::cpython_view`.

use super::frame::{FrameObj, TracebackObj};
use crate::compiler::code::{CodeObj, CO_FUTURE_MASK, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS};
use crate::compiler::cpython_view;
use crate::objects::args::add_getter;
use crate::objects::function::{new_builtin, new_wrapper, CellObj};
use crate::objects::{add_method, int::new_int, str as pystr, tuple::new_tuple_from};
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{types, KwArgs, NativeFn, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

fn frame(v: Value) -> PyResult<Gc<FrameObj>> {
    Gc::<FrameObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a 'frame' object"))
}
fn tb(v: Value) -> PyResult<Gc<TracebackObj>> {
    Gc::<TracebackObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a 'traceback' object"))
}
fn code(v: Value) -> PyResult<Gc<CodeObj>> {
    Gc::<CodeObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a 'code' object"))
}

/// CPython's byte offset of instruction `pc` (-1 before the first).
fn lasti(c: &CodeObj, pc: Option<u32>) -> Value {
    match pc {
        Some(pc) => new_int(cpython_view::offsets(c).get(pc as usize).copied().unwrap_or(0) as i64),
        None => new_int(-1),
    }
}

// ---- frames ----

fn f_back(a: &[Value], _: KwArgs) -> PyResult {
    let b = frame(a[0])?.back.get();
    Ok(if Gc::<FrameObj>::is(b) { b } else { Value::NONE })
}
fn f_code(a: &[Value], _: KwArgs) -> PyResult {
    Ok(frame(a[0])?.code.as_value())
}
fn f_globals(a: &[Value], _: KwArgs) -> PyResult {
    Ok(frame(a[0])?.globals.as_value())
}
fn f_builtins(a: &[Value], _: KwArgs) -> PyResult {
    Ok(frame(a[0])?.builtins.as_value())
}
fn f_locals(a: &[Value], _: KwArgs) -> PyResult {
    Ok(crate::builtins::interp_functions::frame_locals(frame(a[0])?))
}
fn f_lineno(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_int(frame(a[0])?.lineno() as i64))
}
fn f_lasti(a: &[Value], _: KwArgs) -> PyResult {
    let f = frame(a[0])?;
    Ok(lasti(&f.code, f.pc.get().checked_sub(1)))
}
fn f_restricted(a: &[Value], _: KwArgs) -> PyResult {
    frame(a[0])?;
    Ok(Value::FALSE)
}
fn f_trace(a: &[Value], _: KwArgs) -> PyResult {
    Ok(frame(a[0])?.trace.get())
}
fn f_trace_set(a: &[Value], _: KwArgs) -> PyResult {
    frame(a[0])?.trace.set(a.get(1).copied().unwrap_or(Value::NONE));
    Ok(Value::NONE)
}
/// `f_exc_*`: the exception that was being handled when this frame began
/// handling one of its own (restored when it exits).
fn saved_exc(a: &[Value], which: usize) -> PyResult {
    Ok(match frame(a[0])?.saved_exc.get() {
        Some(t) => [t.0, t.1, t.2][which],
        None => Value::NONE,
    })
}
fn f_exc_type(a: &[Value], _: KwArgs) -> PyResult {
    saved_exc(a, 0)
}
fn f_exc_value(a: &[Value], _: KwArgs) -> PyResult {
    saved_exc(a, 1)
}
fn f_exc_traceback(a: &[Value], _: KwArgs) -> PyResult {
    saved_exc(a, 2)
}

// ---- tracebacks ----

fn tb_frame(a: &[Value], _: KwArgs) -> PyResult {
    Ok(tb(a[0])?.frame)
}
fn tb_lineno(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_int(tb(a[0])?.lineno as i64))
}
fn tb_next(a: &[Value], _: KwArgs) -> PyResult {
    Ok(tb(a[0])?.next)
}
fn tb_lasti(a: &[Value], _: KwArgs) -> PyResult {
    let t = tb(a[0])?;
    let f = frame(t.frame)?;
    Ok(lasti(&f.code, Some(t.pc)))
}

// ---- code objects ----

const CO_OPTIMIZED: u32 = 0x1;
const CO_PY_NEWLOCALS: u32 = 0x2;
const CO_NOFREE: u32 = 0x40;

/// `co_flags` with CPython's meanings. Our CO_NEWLOCALS marks code whose
/// locals live in a dict (module and class bodies); CPython's marks a new
/// locals namespace (functions and class bodies) and CO_OPTIMIZED marks
/// fast locals (functions).
pub fn co_flags_of(c: &CodeObj) -> u32 {
    let mut f = c.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_NESTED | CO_GENERATOR | CO_FUTURE_MASK);
    if c.flags & CO_NEWLOCALS == 0 {
        f |= CO_OPTIMIZED | CO_PY_NEWLOCALS;
    } else if c.name_str() != "<module>" {
        f |= CO_PY_NEWLOCALS;
    }
    if c.cellvars.is_empty() && c.freevars.is_empty() {
        f |= CO_NOFREE;
    }
    f
}

fn co_name(a: &[Value], _: KwArgs) -> PyResult {
    Ok(code(a[0])?.name)
}
fn co_filename(a: &[Value], _: KwArgs) -> PyResult {
    Ok(code(a[0])?.filename)
}
fn co_firstlineno(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_int(code(a[0])?.firstlineno as i64))
}
fn co_argcount(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_int(code(a[0])?.argcount as i64))
}
fn co_nlocals(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_int(code(a[0])?.varnames.len() as i64))
}
fn co_flags(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_int(co_flags_of(&*code(a[0])?) as i64))
}
fn co_varnames(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_tuple_from(&code(a[0])?.varnames))
}
fn co_cellvars(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_tuple_from(&code(a[0])?.cellvars))
}
fn co_freevars(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_tuple_from(&code(a[0])?.freevars))
}
fn co_names(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_tuple_from(&code(a[0])?.names))
}
fn co_consts(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_tuple_from(&code(a[0])?.consts))
}
fn co_code(a: &[Value], _: KwArgs) -> PyResult {
    Ok(pystr::new_str_owned(cpython_view::co_code(&*code(a[0])?)))
}
fn co_lnotab(a: &[Value], _: KwArgs) -> PyResult {
    Ok(pystr::new_str_owned(cpython_view::co_lnotab(&*code(a[0])?)))
}
fn co_stacksize(a: &[Value], _: KwArgs) -> PyResult {
    Ok(new_int(cpython_view::stack_size(&*code(a[0])?) as i64))
}

fn code_repr(a: &[Value], _: KwArgs) -> PyResult {
    let c = code(a[0])?;
    let text = format!("<code object {} at {:#x}, file \"{}\", line {}>", c.name_str(), a[0].0, c.filename_str(), c.firstlineno);
    Ok(pystr::new_str_owned(text.into_bytes()))
}

// ---- cells ----

fn cell(v: Value) -> PyResult<Gc<CellObj>> {
    Gc::<CellObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a 'cell' object"))
}
fn cell_contents(a: &[Value], _: KwArgs) -> PyResult {
    let v = cell(a[0])?.v.get();
    if v.is_empty() {
        return Err(value_error("Cell is empty"));
    }
    Ok(v)
}
fn cell_repr(a: &[Value], _: KwArgs) -> PyResult {
    let v = cell(a[0])?.v.get();
    let text = if v.is_empty() {
        format!("<cell at {:#x}: empty>", a[0].0)
    } else {
        format!("<cell at {:#x}: {} object at {:#x}>", a[0].0, crate::objects::typeobj::type_name(v), v.0)
    };
    Ok(pystr::new_str_owned(text.into_bytes()))
}

/// A read-write attribute: a property with builtin getter and setter.
fn add_property(t: Value, name: &'static str, get: NativeFn, set: NativeFn) {
    let w = new_wrapper(types::property(), new_builtin(name, get));
    w.fset.set(new_builtin(name, set));
    crate::objects::args::set_attr(t, name, w.as_value());
}

pub fn install() {
    let f = types::frame();
    let getters: [(&str, NativeFn); 11] = [
        ("f_back", f_back),
        ("f_code", f_code),
        ("f_globals", f_globals),
        ("f_builtins", f_builtins),
        ("f_locals", f_locals),
        ("f_lineno", f_lineno),
        ("f_lasti", f_lasti),
        ("f_restricted", f_restricted),
        ("f_exc_type", f_exc_type),
        ("f_exc_value", f_exc_value),
        ("f_exc_traceback", f_exc_traceback),
    ];
    for (n, g) in getters {
        add_getter(f, n, g);
    }
    add_property(f, "f_trace", f_trace, f_trace_set);

    let t = types::traceback();
    for (n, g) in [("tb_frame", tb_frame as NativeFn), ("tb_lineno", tb_lineno), ("tb_next", tb_next), ("tb_lasti", tb_lasti)] {
        add_getter(t, n, g);
    }

    let c = types::code();
    let getters: [(&str, NativeFn); 14] = [
        ("co_name", co_name),
        ("co_filename", co_filename),
        ("co_firstlineno", co_firstlineno),
        ("co_argcount", co_argcount),
        ("co_nlocals", co_nlocals),
        ("co_flags", co_flags),
        ("co_varnames", co_varnames),
        ("co_cellvars", co_cellvars),
        ("co_freevars", co_freevars),
        ("co_names", co_names),
        ("co_consts", co_consts),
        ("co_code", co_code),
        ("co_lnotab", co_lnotab),
        ("co_stacksize", co_stacksize),
    ];
    for (n, g) in getters {
        add_getter(c, n, g);
    }
    add_method(c, "__repr__", code_repr);

    add_getter(types::cell(), "cell_contents", cell_contents);
    add_method(types::cell(), "__repr__", cell_repr);
}
