//! The `signal` module: Python-level signal handlers, alarms and interval
//! timers.
//!
//! A signal with a Python handler gets the C handler `state::on_signal`,
//! which only marks it pending. The interpreter calls `run_pending` at its
//! next safe point (see `interp/state.rs`), and that calls the Python
//! handler with (signum, frame) in the main thread, as CPython does. SIGINT
//! starts out with `default_int_handler`, which raises KeyboardInterrupt.
//!
//! Handler dispositions, alarms and timers concern this process only and
//! are set with libc directly rather than through the host layer.

use super::oslib::{c_double, c_int, errno_error, new_exception};
use crate::interp::state;
use crate::objects::args::{arity, noargs};
use crate::objects::module::ModuleObj;
use crate::objects::{float, function, int, long, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{types, KwArgs, PyErr, PyResult};
use std::cell::RefCell;
use std::io;
use vmcore::gc::{Gc, Root};
use vmcore::Value;

/// Signal numbers are 1..NSIG on Linux.
const NSIG: i32 = 65;

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

crate::native_type!(itimer_error, || new_exception("signal", "ItimerError", types::io_error()));
crate::native_type!(default_int_handler_fn, || function::new_builtin("default_int_handler", default_int_handler));

thread_local! {
    /// The Python handler of each signal (SIG_DFL, SIG_IGN, a callable, or
    /// None for a C handler installed outside Python), made on first use.
    static HANDLERS: RefCell<Vec<Root>> = const { RefCell::new(Vec::new()) };
}

/// What `sig` is handled by now, as a Python value.
fn initial_handler(sig: i32) -> Value {
    // SAFETY: querying a disposition (null new action) has no effect.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) } != 0 {
        return int::new_int(SIG_DFL);
    }
    match old.sa_sigaction {
        libc::SIG_DFL => int::new_int(SIG_DFL),
        libc::SIG_IGN => int::new_int(SIG_IGN),
        h if h == state::on_signal as *const () as libc::sighandler_t && sig == libc::SIGINT => default_int_handler_fn(),
        _ => Value::NONE,
    }
}

fn with_handlers<R>(f: impl FnOnce(&mut Vec<Root>) -> R) -> R {
    HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_empty() {
            *h = (0..NSIG).map(|s| Root::new(if s == 0 { Value::NONE } else { initial_handler(s) })).collect();
        }
        f(&mut h)
    })
}

fn handler(sig: i32) -> Value {
    with_handlers(|h| h[sig as usize].get())
}

/// Runs the Python handlers of the signals caught since the last call.
/// An exception from a handler propagates; signals not yet handled stay pending.
pub fn run_pending() -> PyResult<()> {
    let bits = state::take_signals();
    if bits == 0 {
        return Ok(());
    }
    for sig in 1..NSIG {
        if bits & (1 << (sig - 1)) == 0 {
            continue;
        }
        let h = handler(sig);
        if h == Value::NONE || int::as_int(h).is_some() {
            continue;
        }
        let frame = state::ts().frame;
        if let Some(fr) = Gc::<crate::interp::frame::FrameObj>::downcast(frame) {
            fr.mark_escaped();
        }
        if let Err(e) = ops::call(h, &[int::new_int(sig as i64), frame], &[]) {
            // The signals numbered above this one are still to be handled.
            state::requeue_signals(bits & u64::MAX.checked_shl(sig as u32).unwrap_or(0));
            return Err(e);
        }
    }
    Ok(())
}

fn default_int_handler(_: &[Value], _: KwArgs) -> PyResult {
    Err(PyErr::with_args(types::keyboard_interrupt(), &[]))
}

fn signum_arg(v: Value) -> PyResult<i32> {
    let sig = c_int(v)?;
    if !(1..NSIG).contains(&sig) {
        return Err(value_error("signal number out of range"));
    }
    Ok(sig)
}

/// `signal(signalnum, handler)` -> the previous handler.
fn signal(a: &[Value], kw: KwArgs) -> PyResult {
    arity("signal", a, kw, 2, 2)?;
    let sig = signum_arg(a[0])?;
    let h = a[1];
    if !state::is_main_thread() {
        return Err(value_error("signal only works in main thread"));
    }
    let disposition = match int::as_int(h) {
        Some(SIG_IGN) if h != Value::TRUE => libc::SIG_IGN,
        Some(SIG_DFL) if h != Value::FALSE => libc::SIG_DFL,
        _ if crate::builtins::functions::is_callable(h) => state::on_signal as *const () as libc::sighandler_t,
        _ => return Err(type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    if let Err(e) = state::set_disposition(sig, disposition) {
        return Err(errno_error(types::runtime_error(), e.raw_os_error().unwrap_or(libc::EINVAL), None));
    }
    Ok(with_handlers(|t| {
        let old = t[sig as usize].get();
        t[sig as usize].set(h);
        old
    }))
}

fn getsignal(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getsignal", a, kw, 1, 1)?;
    Ok(handler(signum_arg(a[0])?))
}

/// `alarm(seconds)`: SIGALRM after that many seconds; returns the seconds
/// left of the previous alarm.
fn alarm(a: &[Value], kw: KwArgs) -> PyResult {
    arity("alarm", a, kw, 1, 1)?;
    let secs = c_int(a[0])?;
    Ok(int::new_int(unsafe { libc::alarm(secs as libc::c_uint) } as i64))
}

/// `pause()`: waits for a signal, then runs its handler.
fn pause(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("pause", a, kw)?;
    unsafe { libc::pause() };
    run_pending()?;
    Ok(Value::NONE)
}

/// `set_wakeup_fd(fd)`: the C handler also writes a byte to fd (-1: none).
/// Returns the previous fd.
fn set_wakeup_fd(a: &[Value], kw: KwArgs) -> PyResult {
    arity("set_wakeup_fd", a, kw, 1, 1)?;
    let fd = c_int(a[0])?;
    if !state::is_main_thread() {
        return Err(value_error("set_wakeup_fd only works in main thread"));
    }
    if fd != -1 && vmcore::host::host().fstat(fd).is_err() {
        return Err(value_error("invalid fd"));
    }
    let old = state::WAKEUP_FD.swap(fd, std::sync::atomic::Ordering::Relaxed);
    Ok(long::new_long(old.into()))
}

/// `siginterrupt(sig, flag)`: whether the signal interrupts system calls
/// (true) or lets them restart (false), by SA_RESTART.
fn siginterrupt(a: &[Value], kw: KwArgs) -> PyResult {
    arity("siginterrupt", a, kw, 2, 2)?;
    let sig = signum_arg(a[0])?;
    let flag = c_int(a[1])?;
    // SAFETY: reading and rewriting this signal's action, plain data.
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    let mut r = unsafe { libc::sigaction(sig, std::ptr::null(), &mut act) };
    if r == 0 {
        if flag != 0 {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        r = unsafe { libc::sigaction(sig, &act, std::ptr::null_mut()) };
    }
    if r != 0 {
        return Err(errno_error(types::runtime_error(), io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL), None));
    }
    Ok(Value::NONE)
}

fn timeval_of(secs: f64) -> libc::timeval {
    let whole = secs.floor();
    let usec = ((secs - whole) * 1e6) as libc::suseconds_t;
    libc::timeval { tv_sec: whole as libc::time_t, tv_usec: usec }
}

fn seconds_of(tv: &libc::timeval) -> Value {
    float::new_float(tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6)
}

fn itimer_value(v: &libc::itimerval) -> Value {
    let (a, b) = (seconds_of(&v.it_value), seconds_of(&v.it_interval));
    tuple::new_tuple(vec![a, b])
}

fn itimer_err() -> PyErr {
    errno_error(itimer_error(), io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL), None)
}

/// `setitimer(which, seconds[, interval])` -> the old (delay, interval).
fn setitimer(a: &[Value], kw: KwArgs) -> PyResult {
    arity("setitimer", a, kw, 2, 3)?;
    let which = c_int(a[0])?;
    let first = c_double(a[1])?;
    let interval = a.get(2).map(|&v| c_double(v)).transpose()?.unwrap_or(0.0);
    let new = libc::itimerval { it_value: timeval_of(first), it_interval: timeval_of(interval) };
    // SAFETY: plain data structs for the call.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(itimer_err());
    }
    Ok(itimer_value(&old))
}

fn getitimer(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getitimer", a, kw, 1, 1)?;
    let which = c_int(a[0])?;
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which, &mut cur) } != 0 {
        return Err(itimer_err());
    }
    Ok(itimer_value(&cur))
}

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with(
        "signal",
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("alarm", alarm),
            ("pause", pause),
            ("set_wakeup_fd", set_wakeup_fd),
            ("siginterrupt", siginterrupt),
            ("setitimer", setitimer),
            ("getitimer", getitimer),
        ],
    );
    let d = m.dict;
    d.set_str("__doc__", pystr::new_str(b"Set handlers for asynchronous events (signals); alarms and interval timers."));
    d.set_str("default_int_handler", default_int_handler_fn());
    d.set_str("ItimerError", itimer_error());
    d.set_str("NSIG", int::new_int(NSIG as i64));
    d.set_str("SIG_DFL", int::new_int(SIG_DFL));
    d.set_str("SIG_IGN", int::new_int(SIG_IGN));
    for &(name, n) in SIGNALS {
        d.set_str(name, int::new_int(n as i64));
    }
    // glibc keeps the first real-time signals for itself: ask it.
    d.set_str("SIGRTMIN", int::new_int(libc::SIGRTMIN() as i64));
    d.set_str("SIGRTMAX", int::new_int(libc::SIGRTMAX() as i64));
    for (name, n) in [("ITIMER_REAL", libc::ITIMER_REAL), ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL), ("ITIMER_PROF", libc::ITIMER_PROF)] {
        d.set_str(name, long::new_long((n as i64).into()));
    }
    // Make the handler table now, while SIGINT is still the interpreter's.
    with_handlers(|_| ());
    m
}
