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

// Signals. The C handler only records the signal; the interpreter runs
// the Python-level handler (modules/signal.rs) at its next safe point: a
// backward jump or the return of a native call, as CPython's eval loop does.

use std::sync::atomic::{AtomicI32, AtomicU64, Ordering::Relaxed};

/// Signals caught and not yet handled: bit n-1 for signal n (1..=64).
static PENDING: AtomicU64 = AtomicU64::new(0);

/// `signal.set_wakeup_fd`: a descriptor the C handler writes a byte to, or -1.
pub static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    /// Only the main thread runs Python signal handlers.
    static MAIN_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The C handler for every signal that has a Python handler.
pub extern "C" fn on_signal(sig: libc::c_int) {
    trip_signal(sig);
}

/// Marks `sig` as caught, as its arrival would (thread.interrupt_main
/// trips SIGINT this way). Async-signal-safe.
pub fn trip_signal(sig: libc::c_int) {
    if (1..=64).contains(&sig) {
        PENDING.fetch_or(1 << (sig - 1), Relaxed);
    }
    let fd = WAKEUP_FD.load(Relaxed);
    if fd >= 0 {
        // SAFETY: write(2) is async-signal-safe; a failure is of no consequence.
        unsafe { libc::write(fd, c"".as_ptr() as *const libc::c_void, 1) };
    }
}

/// Makes this the main thread and routes Ctrl-C to the interpreter
/// (KeyboardInterrupt) instead of killing the process. Like every Python
/// handler it is installed without SA_RESTART, so Ctrl-C also interrupts
/// a blocking read.
pub fn install_sigint() {
    MAIN_THREAD.with(|m| m.set(true));
    let _ = set_disposition(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
}

/// Sets what `sig` does: SIG_DFL, SIG_IGN or `on_signal`, without
/// SA_RESTART (slow system calls then fail with EINTR, as in CPython).
pub fn set_disposition(sig: libc::c_int, handler: libc::sighandler_t) -> std::io::Result<()> {
    // SAFETY: a zeroed sigaction with an empty mask; `on_signal` only
    // touches atomics and write(2).
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        libc::sigemptyset(&mut act.sa_mask);
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Blocks asynchronous signals in the calling thread, so the kernel
/// delivers them to the interpreter thread and interrupts its blocking
/// calls (sleep, select, pause) there. For the thread that only waits for
/// the interpreter thread to finish.
pub fn leave_signals_to_interpreter() {
    // SAFETY: a sigset filled and edited locally, then applied to this thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for sync in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP] {
            libc::sigdelset(&mut set, sync);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

pub fn is_main_thread() -> bool {
    MAIN_THREAD.with(|m| m.get())
}

/// After fork(), the forking thread is the child's main thread.
pub fn after_fork() {
    MAIN_THREAD.with(|m| m.set(true));
}

/// True when some signal awaits its Python handler.
#[inline]
pub fn signals_pending() -> bool {
    PENDING.load(Relaxed) != 0
}

/// Takes the set of pending signals (none outside the main thread).
pub fn take_signals() -> u64 {
    if is_main_thread() { PENDING.swap(0, Relaxed) } else { 0 }
}

/// Puts back signals whose handlers did not get to run.
pub fn requeue_signals(bits: u64) {
    PENDING.fetch_or(bits, Relaxed);
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
