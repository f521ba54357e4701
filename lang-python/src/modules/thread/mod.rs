//! The `thread` module: locks, thread identity, thread-local objects and
//! `start_new_thread`.
//!
//! Threads are green threads (see `green`): started threads run on the
//! interpreter's OS thread, each on its own stack, and take turns where a
//! thread blocks on a lock. This keeps `threading` (Thread.start/join,
//! Condition, Event, Queue) working with deterministic schedules while our
//! heap belongs to one OS thread. What it cannot do: run two threads at
//! once, or switch away from a thread busy in a loop that never blocks (a
//! thread spinning on a flag another thread must set waits forever), and a
//! real deadlock, where CPython would hang, raises `thread.error` in the
//! thread that would wait. A failed non-blocking `acquire(0)` lets the other
//! threads run once before answering, so polling loops (`Condition.wait`
//! with a timeout) see them make progress.

mod green;

pub use green::{current_ident, yield_now};

use crate::objects::args;
use crate::objects::instance::{self, ObjectObj};
use crate::objects::module::ModuleObj;
use crate::objects::typeobj::{self, as_type};
use crate::objects::{add_method, add_static, dict, int::new_int, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{types, KwArgs, NativeFn, PyErr, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

crate::native_type!(error_type, || {
    let ns = dict::new_dict();
    ns.set_str("__module__", pystr::intern("thread"));
    let bases = tuple::new_tuple(vec![types::exception()]);
    ops::call(types::type_(), &[pystr::intern("error"), bases, ns.as_value()], &[]).expect("thread.error is a plain exception class")
});
crate::native_type!(lock_type, make_lock_type);
crate::native_type!(local_type, make_local_type);

pub fn thread_error(msg: &str) -> PyErr {
    PyErr::new(error_type(), msg)
}

// ---- locks ----

#[repr(C)]
pub struct LockObj {
    pub cls: Value,
    locked: Cell<bool>,
}
unsafe impl Trace for LockObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(LockObj, "thread.lock");

fn lock(v: Value) -> PyResult<Gc<LockObj>> {
    Gc::<LockObj>::downcast(v).ok_or_else(|| type_error("descriptor requires a 'thread.lock' object"))
}

/// Takes the lock, waiting (letting other threads run) while it is held
/// when `blocking`.
pub fn acquire_lock(l: Gc<LockObj>, blocking: bool) -> PyResult<bool> {
    loop {
        if !l.locked.get() {
            l.locked.set(true);
            return Ok(true);
        }
        if !blocking {
            green::yield_now();
            let free = !l.locked.get();
            l.locked.set(true);
            return Ok(free);
        }
        green::block_on(l.addr())?;
    }
}

fn lock_acquire(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("acquire", &a[1..], kw, 0, 1)?;
    let blocking = match a.get(1) {
        Some(&v) => args::index_i64(v)?.ok_or_else(|| type_error("an integer is required"))? != 0,
        None => true,
    };
    Ok(Value::from_bool(acquire_lock(lock(a[0])?, blocking)?))
}

/// Frees the lock; threads waiting for it can run again.
pub fn release(l: Gc<LockObj>) -> PyResult<()> {
    if !l.locked.get() {
        return Err(thread_error("release unlocked lock"));
    }
    l.locked.set(false);
    green::wake(l.addr());
    Ok(())
}

fn lock_release(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("release", &a[1..], kw)?;
    release(lock(a[0])?)?;
    Ok(Value::NONE)
}

fn lock_locked(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("locked", &a[1..], kw)?;
    Ok(Value::from_bool(lock(a[0])?.locked.get()))
}

fn lock_exit(a: &[Value], _: KwArgs) -> PyResult {
    lock_release(&a[..1], &[])
}

fn make_lock_type() -> Value {
    let t = crate::modules::new_native_type("thread", "lock", None, false);
    for (name, f) in [
        ("acquire", lock_acquire as NativeFn),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("__exit__", lock_exit),
    ] {
        add_method(t, name, f);
    }
    t
}

pub fn new_lock() -> Gc<LockObj> {
    alloc(LockObj { cls: lock_type(), locked: Cell::new(false) })
}

fn allocate_lock(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("allocate_lock", a, kw)?;
    Ok(new_lock().as_value())
}

// ---- thread-local objects ----
//
// A `_local` (or subclass) instance is an ordinary instance whose `__dict__`
// is switched to the running thread's own dict before each attribute
// access; a thread's first access makes its dict and calls `__init__` with
// the constructor's arguments, as CPython does. The type defines
// `__getattribute__`/`__setattr__`/`__delattr__` so that the interpreter's
// attribute fast paths, which read an instance's dict directly, step aside.

/// What a thread-local instance wraps: the constructor's arguments and a
/// dict per thread (thread identifier -> attribute dict).
#[repr(C)]
pub struct LocalObj {
    pub cls: Value,
    args: Value,
    kw: Value,
    dicts: Gc<dict::DictObj>,
}
unsafe impl Trace for LocalObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.args, self.kw]);
        t.gc(self.dicts);
    }
}
vmcore::gc_type!(LocalObj, "thread._local");

/// Before an attribute access on `inst`: if it is a thread-local object,
/// make its `__dict__` the running thread's. Called by `ops` for every
/// instance attribute access that leaves the fast paths.
pub fn select_local_dict(inst: Gc<ObjectObj>) -> PyResult<()> {
    let Some(local) = Gc::<LocalObj>::downcast(inst.base.get()) else { return Ok(()) };
    let key = new_int(green::current_ident());
    if let Some(d) = local.dicts.get(key)? {
        inst.shape.set(None);
        inst.dict.set(d);
        return Ok(());
    }
    let d = dict::new_dict();
    local.dicts.set(key, d.as_value())?;
    inst.shape.set(None);
    inst.dict.set(d.as_value());
    let cls = inst.cls.get();
    if let Some(init) = typeobj::lookup(cls, pystr::intern("__init__")) {
        let is_object_init = crate::objects::function::as_builtin(init).is_some_and(|b| b.owner == types::object());
        if !is_object_init {
            let mut argv = vec![inst.as_value()];
            argv.extend(tuple::as_tuple(local.args).unwrap_or(&[]).iter().copied());
            let argv = vmcore::gc::RootedVec::from_vec(argv);
            let kwv: Vec<(Value, Value)> = dict::as_dict(local.kw).map(|k| k.items()).unwrap_or_default();
            let init_fn = ops::bind_descriptor(init, Value::EMPTY, cls)?;
            if let Err(e) = ops::call(init_fn, &argv, &kwv) {
                local.dicts.del(key)?;
                return Err(e);
            }
        }
    }
    Ok(())
}

fn local_new(a: &[Value], kw: KwArgs) -> PyResult {
    let cls = a[0];
    let t = as_type(cls).filter(|_| typeobj::is_subtype(cls, local_type())).ok_or_else(|| type_error("thread._local.__new__(X): X is not a subtype of thread._local"))?;
    let has_init = typeobj::lookup(cls, pystr::intern("__init__")).is_some_and(|i| !crate::objects::function::as_builtin(i).is_some_and(|b| b.owner == types::object()));
    if (a.len() > 1 || !kw.is_empty()) && !has_init {
        return Err(type_error("Initialization arguments are not supported"));
    }
    let kwd = dict::new_dict();
    for &(k, v) in kw {
        kwd.set(k, v)?;
    }
    let local = alloc(LocalObj { cls: local_type(), args: tuple::new_tuple_from(&a[1..]), kw: kwd.as_value(), dicts: dict::new_dict() });
    let inst = instance::new_instance(t);
    inst.base.set(local.as_value());
    // The creating thread's dict exists from the start; `type(...)` then
    // calls `__init__` for it as for any object.
    let d = dict::new_dict();
    local.dicts.set(new_int(green::current_ident()), d.as_value())?;
    inst.shape.set(None);
    inst.dict.set(d.as_value());
    Ok(inst.as_value())
}

fn local_inst(v: Value) -> PyResult<Gc<ObjectObj>> {
    instance::as_instance(v).filter(|i| Gc::<LocalObj>::is(i.base.get())).ok_or_else(|| type_error("descriptor requires a 'thread._local' object"))
}

fn local_getattribute(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__getattribute__", &a[1..], kw, 1, 1)?;
    local_inst(a[0])?;
    ops::getattr(a[0], pystr::intern_value(a[1]))
}

fn local_setattr(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__setattr__", &a[1..], kw, 2, 2)?;
    local_inst(a[0])?;
    ops::setattr(a[0], pystr::intern_value(a[1]), a[2])?;
    Ok(Value::NONE)
}

fn local_delattr(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("__delattr__", &a[1..], kw, 1, 1)?;
    local_inst(a[0])?;
    ops::delattr(a[0], pystr::intern_value(a[1]))?;
    Ok(Value::NONE)
}

fn make_local_type() -> Value {
    let t = crate::modules::new_native_type("thread", "_local", None, true);
    add_static(t, "__new__", local_new);
    add_method(t, "__getattribute__", local_getattribute);
    add_method(t, "__setattr__", local_setattr);
    add_method(t, "__delattr__", local_delattr);
    t
}

// ---- module functions ----

thread_local! {
    static STACK_SIZE: Cell<usize> = const { Cell::new(0) };
}

fn start_new_thread(a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("start_new_thread", a, kw, 2, 3)?;
    let (func, fargs) = (a[0], a[1]);
    if !crate::builtins::functions::is_callable(func) {
        return Err(type_error("first arg must be callable"));
    }
    if tuple::as_tuple(fargs).is_none() {
        return Err(type_error("2nd arg must be a tuple"));
    }
    let fkw = a.get(2).copied().unwrap_or(Value::NONE);
    if fkw != Value::NONE && dict::as_dict(fkw).is_none() {
        return Err(type_error("optional 3rd arg must be a dictionary"));
    }
    match green::spawn(func, fargs, fkw, STACK_SIZE.with(|s| s.get())) {
        Some(id) => Ok(new_int(id)),
        None => Err(thread_error("can't start new thread")),
    }
}

fn get_ident(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("get_ident", a, kw)?;
    Ok(new_int(green::current_ident()))
}

fn count(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("_count", a, kw)?;
    Ok(new_int(green::count() as i64))
}

/// `stack_size([size])`: sets the stack size of threads started later
/// (0, also when omitted as in CPython: the default); returns the old one.
fn stack_size(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("stack_size", a, kw, 0, 1)?;
    let n = match a.first() {
        Some(&v) => args::index_i64(v)?.ok_or_else(|| type_error("an integer is required"))?,
        None => 0,
    };
    if n < 0 {
        return Err(value_error("size must be 0 or a positive value"));
    }
    if n != 0 && n < 32768 {
        return Err(value_error(format!("size not valid: {n} bytes")));
    }
    Ok(new_int(STACK_SIZE.with(|s| s.replace(n as usize)) as i64))
}

fn exit(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("exit", a, kw)?;
    Err(PyErr::with_args(types::system_exit(), &[]))
}

/// `interrupt_main()`: a KeyboardInterrupt for the main thread, delivered
/// as Ctrl-C would be (at its next loop back-edge).
fn interrupt_main(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("interrupt_main", a, kw)?;
    crate::interp::state::trip_signal(libc::SIGINT);
    Ok(Value::NONE)
}

/// At interpreter exit, as CPython: wait for `threading`'s non-daemon
/// threads (`threading._shutdown()`), if `threading` was imported.
pub fn wait_for_shutdown() {
    let Some(m) = crate::modules::sys::modules().get_str("threading") else { return };
    let r = ops::getattr_opt(m, pystr::intern("_shutdown")).and_then(|f| match f {
        Some(f) => ops::call(f, &[], &[]),
        None => Ok(Value::NONE),
    });
    if let Err(e) = r {
        crate::interp::traceback::write_unraisable(&e, m);
    }
}

pub fn create() -> Gc<ModuleObj> {
    let m = crate::modules::module_with(
        "thread",
        &[
            ("start_new_thread", start_new_thread as NativeFn),
            ("start_new", start_new_thread),
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("get_ident", get_ident),
            ("_count", count),
            ("stack_size", stack_size),
            ("exit", exit),
            ("exit_thread", exit),
            ("interrupt_main", interrupt_main),
        ],
    );
    let d = m.dict;
    d.set_str("error", error_type());
    d.set_str("LockType", lock_type());
    d.set_str("_local", local_type());
    m
}
