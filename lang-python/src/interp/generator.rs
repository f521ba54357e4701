//! Generators: a suspended frame resumed by `next`/`send`/`throw`/`close`.

use super::eval::{run, Exit};
use super::frame::FrameObj;
use super::state::ts;
use crate::runtime::errors::{runtime_error, type_error, value_error};
use crate::runtime::{types, KwArgs, PyErr, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[repr(C)]
pub struct GeneratorObj {
    pub cls: Value,
    pub frame: Gc<FrameObj>,
    pub running: Cell<bool>,
    pub started: Cell<bool>,
    pub finished: Cell<bool>,
}
unsafe impl Trace for GeneratorObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.gc(self.frame);
    }
}
vmcore::gc_type!(GeneratorObj, "generator");

pub fn new_generator(frame: Gc<FrameObj>) -> Value {
    alloc(GeneratorObj { cls: types::generator(), frame, running: Cell::new(false), started: Cell::new(false), finished: Cell::new(false) }).as_value()
}

fn this(v: Value) -> PyResult<Gc<GeneratorObj>> {
    Gc::<GeneratorObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a 'generator' object"))
}

/// Resumes the generator; Ok(None) when it finished (StopIteration).
pub fn resume(g: Gc<GeneratorObj>, send: Value, throw: Option<PyErr>) -> PyResult<Option<Value>> {
    if g.running.get() {
        return Err(value_error("generator already executing"));
    }
    if g.finished.get() {
        return match throw {
            Some(e) => Err(e),
            None => Ok(None),
        };
    }
    if !g.started.get() && send != Value::NONE && throw.is_none() {
        return Err(type_error("can't send non-None value to a just-started generator"));
    }
    let f = g.frame;
    if g.started.get() && throw.is_none() {
        f.stack().push(send);
    }
    g.started.set(true);
    super::eval::enter_frame(f, ts().frame)?;
    g.running.set(true);
    let mut m = tracer::Concrete::new(false, 1);
    let r = run(&mut m, f, throw);
    g.running.set(false);
    f.back.set(Value::NONE);
    match r {
        Ok(Exit::Yield(v)) => Ok(Some(v)),
        Ok(Exit::Return(_)) => {
            g.finished.set(true);
            Ok(None)
        }
        Err(e) => {
            g.finished.set(true);
            Err(e)
        }
    }
}

fn gen_next(args: &[Value], _: KwArgs) -> PyResult {
    match resume(this(args[0])?, Value::NONE, None)? {
        Some(v) => Ok(v),
        None => Err(crate::runtime::errors::stop_iteration()),
    }
}

fn gen_send(args: &[Value], _: KwArgs) -> PyResult {
    let v = *args.get(1).ok_or_else(|| type_error("send() takes exactly one argument (0 given)"))?;
    match resume(this(args[0])?, v, None)? {
        Some(v) => Ok(v),
        None => Err(crate::runtime::errors::stop_iteration()),
    }
}

fn gen_throw(args: &[Value], _: KwArgs) -> PyResult {
    let g = this(args[0])?;
    let typ = *args.get(1).ok_or_else(|| type_error("throw expected at least 1 arguments, got 0"))?;
    let e = super::make_raise(typ, args.get(2).copied().unwrap_or(Value::NONE), args.get(3).copied().unwrap_or(Value::NONE));
    match resume(g, Value::NONE, Some(e))? {
        Some(v) => Ok(v),
        None => Err(crate::runtime::errors::stop_iteration()),
    }
}

fn gen_close(args: &[Value], _: KwArgs) -> PyResult {
    let g = this(args[0])?;
    if !g.started.get() || g.finished.get() {
        g.finished.set(true);
        return Ok(Value::NONE);
    }
    let e = PyErr::with_args(types::generator_exit(), &[]);
    match resume(g, Value::NONE, Some(e)) {
        Ok(Some(_)) => Err(runtime_error("generator ignored GeneratorExit")),
        Ok(None) => Ok(Value::NONE),
        Err(e) if e.matches(types::generator_exit()) || e.matches(types::stop_iteration()) => Ok(Value::NONE),
        Err(e) => Err(e),
    }
}

fn gen_iter(args: &[Value], _: KwArgs) -> PyResult {
    Ok(args[0])
}

/// `gi_frame`: the suspended frame, None once the generator has finished.
fn gi_frame(args: &[Value], _: KwArgs) -> PyResult {
    let g = this(args[0])?;
    if g.finished.get() {
        return Ok(Value::NONE);
    }
    g.frame.mark_escaped();
    Ok(g.frame.as_value())
}
fn gi_running(args: &[Value], _: KwArgs) -> PyResult {
    Ok(crate::objects::int::new_int(this(args[0])?.running.get() as i64))
}
fn gi_code(args: &[Value], _: KwArgs) -> PyResult {
    Ok(this(args[0])?.frame.code.as_value())
}
fn gen_name(args: &[Value], _: KwArgs) -> PyResult {
    Ok(this(args[0])?.frame.code.name)
}

pub fn install() {
    let t = types::generator();
    crate::objects::add_method(t, "next", gen_next);
    crate::objects::add_method(t, "send", gen_send);
    crate::objects::add_method(t, "throw", gen_throw);
    crate::objects::add_method(t, "close", gen_close);
    crate::objects::add_method(t, "__iter__", gen_iter);
    for (n, g) in [("gi_frame", gi_frame as crate::runtime::NativeFn), ("gi_running", gi_running), ("gi_code", gi_code), ("__name__", gen_name)] {
        crate::objects::args::add_getter(t, n, g);
    }
}
