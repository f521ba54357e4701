//! Per-thread interpreter state: the current frame, recursion depth and
//! limit, and the exception currently being handled (`sys.exc_info()`).

use std::cell::UnsafeCell;
use vmcore::gc::Tracer;
use vmcore::Value;

pub struct ThreadState {
    pub depth: usize,
    pub limit: usize,
    /// (type, value, traceback) being handled, or Nones.
    pub exc: (Value, Value, Value),
    /// The innermost running Python frame, or NONE.
    pub frame: Value,
    /// Lowest safe native stack address: below it we raise RuntimeError
    /// instead of overflowing.
    pub stack_floor: usize,
    /// Slot vectors of finished frames that never escaped, for reuse.
    pub slot_pool: Vec<Vec<Value>>,
}

thread_local! {
    static TS: UnsafeCell<ThreadState> = const {
        UnsafeCell::new(ThreadState { depth: 0, limit: 1000, exc: (Value::NONE, Value::NONE, Value::NONE), frame: Value::NONE, stack_floor: 0, slot_pool: Vec::new() })
    };
}

/// The state of the current thread.
#[allow(clippy::mut_from_ref)]
pub fn ts() -> &'static mut ThreadState {
    // SAFETY: thread-local, and no caller keeps the reference across a call
    // that could also take it mutably in a conflicting way.
    TS.with(|t| unsafe { &mut *t.get() })
}

pub fn trace_roots(t: &mut Tracer) {
    let s = ts();
    t.values(&[s.exc.0, s.exc.1, s.exc.2, s.frame]);
}

/// True when the native stack is nearly exhausted.
#[inline]
pub fn stack_low() -> bool {
    let here = 0u8;
    let sp = &here as *const u8 as usize;
    let s = ts();
    if s.stack_floor == 0 {
        let hi = vmcore::gc::stack::stack_hi();
        // Assume at least 8 MiB below the recorded base; the runner gives more.
        let size = std::env::var("VMBENCH_STACK_MB").ok().and_then(|v| v.parse::<usize>().ok()).unwrap_or(8) << 20;
        s.stack_floor = hi.saturating_sub(size) + (512 << 10);
    }
    sp < s.stack_floor
}

/// Set by the SIGINT handler; the dispatch loop turns it into KeyboardInterrupt.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Routes Ctrl-C to the interpreter instead of killing the process.
pub fn install_sigint() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

/// Consumes a pending Ctrl-C.
#[inline]
pub fn take_interrupt() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed) && INTERRUPTED.swap(false, std::sync::atomic::Ordering::Relaxed)
}

/// Counts a level of native recursion (repr, comparison, hashing of nested
/// containers) against the recursion limit, as CPython's Py_EnterRecursiveCall.
pub struct RecursionGuard(());

impl Drop for RecursionGuard {
    fn drop(&mut self) {
        let s = ts();
        s.depth = s.depth.saturating_sub(1);
    }
}

/// Enters one level; RuntimeError "maximum recursion depth exceeded{what}" past the limit.
#[inline]
pub fn enter_recursive(what: &str) -> crate::runtime::PyResult<RecursionGuard> {
    let s = ts();
    if s.depth >= s.limit || stack_low() {
        return Err(crate::runtime::errors::runtime_error(format!("maximum recursion depth exceeded{what}")));
    }
    s.depth += 1;
    Ok(RecursionGuard(()))
}
