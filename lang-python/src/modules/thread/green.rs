//! Green threads: each Python thread runs on its own native stack, all of
//! them on the interpreter's one OS thread, and control passes between
//! them only where a thread cannot go on (a blocking lock acquire) or offers
//! to (`yield_now`: a failed non-blocking acquire, `time.sleep`).
//!
//! Why not OS threads: the heap, the type registry and the interpreter
//! state are per OS thread (see vmcore's `gc` module), so a second OS
//! thread could not touch the first one's objects. Switching only at
//! blocking points makes every run of a program take the same path, which
//! the differential tests need; CPython may switch at any bytecode, so our
//! schedules are among the ones CPython allows.
//!
//! A switch saves the interpreter's per-thread state (current frame,
//! exception being handled, recursion depth, stack limit) and swaps native
//! stacks with `swapcontext`. The collector scans the running stack from
//! the stack pointer to `stack_hi`, so a switch points `stack_hi` at the new
//! stack and registers the suspended one as an extra root range; callee-
//! saved registers are spilled onto the suspended stack first, so values
//! only they held are scanned too.

use crate::interp::state::ts;
use crate::objects::{dict, tuple};
use crate::ops;
use crate::runtime::{PyErr, PyResult};
use std::cell::RefCell;
use vmcore::gc::stack;
use vmcore::gc::Tracer;
use vmcore::Value;

/// Native stack of a green thread (the main thread uses the OS one).
const STACK_BYTES: usize = 16 << 20;
/// Headroom below which Python code gets RuntimeError instead of overflowing.
const STACK_MARGIN: usize = 512 << 10;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Runnable,
    /// Waiting for the lock at this address to be released.
    Blocked(usize),
    Finished,
}

/// The interpreter state a suspended thread takes back when resumed.
#[derive(Clone, Copy)]
struct Saved {
    frame: Value,
    exc: (Value, Value, Value),
    depth: usize,
    stack_floor: usize,
}

struct Green {
    id: i64,
    state: State,
    /// Registers while suspended; boxed so its address is stable.
    ctx: Box<libc::ucontext_t>,
    /// (base, length) of the mmap'd stack; None for the main thread.
    stack: Option<(usize, usize)>,
    hi: usize,
    saved: Saved,
    /// `(function, args tuple, kwargs dict or NONE)` until the thread starts.
    start: Option<(Value, Value, Value)>,
    /// Set when this thread was woken because every thread was blocked.
    deadlocked: bool,
}

#[derive(Default)]
struct Scheduler {
    threads: Vec<Green>,
    current: usize,
}

thread_local! {
    static SCHED: RefCell<Scheduler> = RefCell::new(Scheduler::default());
}

fn with<R>(f: impl FnOnce(&mut Scheduler) -> R) -> R {
    SCHED.with(|s| f(&mut s.borrow_mut()))
}

fn zeroed_ctx() -> Box<libc::ucontext_t> {
    // SAFETY: ucontext_t is plain data; getcontext/swapcontext fill it.
    Box::new(unsafe { std::mem::zeroed() })
}

fn main_ident() -> i64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as i64 }
}

/// Makes sure the running (main) thread has an entry.
fn ensure_main(s: &mut Scheduler) {
    if s.threads.is_empty() {
        let t = ts();
        s.threads.push(Green {
            id: main_ident(),
            state: State::Runnable,
            ctx: zeroed_ctx(),
            stack: None,
            hi: stack::stack_hi(),
            saved: Saved { frame: t.frame, exc: t.exc, depth: t.depth, stack_floor: t.stack_floor },
            start: None,
            deadlocked: false,
        });
        vmcore::gc::add_root_scanner(trace);
    }
}

/// GC root scanner: what suspended threads will resume with. Must not allocate.
fn trace(t: &mut Tracer) {
    SCHED.with(|s| {
        // The scheduler is never borrowed across an allocation.
        let s = s.borrow();
        for g in &s.threads {
            t.values(&[g.saved.frame, g.saved.exc.0, g.saved.exc.1, g.saved.exc.2]);
            if let Some((f, a, k)) = g.start {
                t.values(&[f, a, k]);
            }
        }
    });
}

/// The identifier of the running thread (`thread.get_ident()`).
pub fn current_ident() -> i64 {
    with(|s| s.threads.get(s.current).map(|g| g.id)).unwrap_or_else(main_ident)
}

/// Green threads started and not yet finished (`thread._count()`).
pub fn count() -> usize {
    with(|s| s.threads.iter().skip(1).filter(|g| g.state != State::Finished).count())
}

/// Starts `func(*args, **kw)` in a new green thread; it first runs when the
/// current thread blocks or yields. Returns its identifier.
pub fn spawn(func: Value, args: Value, kw: Value, stack_size: usize) -> Option<i64> {
    let size = stack_size.max(STACK_BYTES);
    // SAFETY: a fresh private mapping; its lowest page becomes a guard page.
    let base = unsafe {
        let p = libc::mmap(std::ptr::null_mut(), size, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK, -1, 0);
        if p == libc::MAP_FAILED {
            return None;
        }
        libc::mprotect(p, 4096, libc::PROT_NONE);
        p as usize
    };
    let mut ctx = zeroed_ctx();
    // SAFETY: `ctx` is initialised by getcontext before makecontext edits it;
    // `entry` never returns (it switches away when the thread ends).
    unsafe {
        if libc::getcontext(&mut *ctx) != 0 {
            libc::munmap(base as *mut libc::c_void, size);
            return None;
        }
        ctx.uc_stack.ss_sp = base as *mut libc::c_void;
        ctx.uc_stack.ss_size = size;
        ctx.uc_link = std::ptr::null_mut();
        libc::makecontext(&mut *ctx, entry, 0);
    }
    let hi = base + size;
    let id = hi as i64;
    with(|s| {
        ensure_main(s);
        s.threads.push(Green {
            id,
            state: State::Runnable,
            ctx,
            stack: Some((base, size)),
            hi,
            saved: Saved { frame: Value::NONE, exc: (Value::NONE, Value::NONE, Value::NONE), depth: 0, stack_floor: base + STACK_MARGIN },
            start: Some((func, args, kw)),
            deadlocked: false,
        });
    });
    Some(id)
}

/// Where a new green thread begins, on its own stack.
extern "C" fn entry() {
    let start = with(|s| {
        let cur = s.current;
        s.threads[cur].start.take()
    });
    if let Some((func, args, kw)) = start {
        // An unwinding Rust panic cannot cross into the context that started us.
        let run = std::panic::catch_unwind(|| run_thread(func, args, kw));
        if run.is_err() {
            std::process::abort();
        }
    }
    with(|s| {
        let cur = s.current;
        s.threads[cur].state = State::Finished;
    });
    schedule();
    unreachable!("a finished green thread was resumed");
}

/// Runs the thread's function; an exception other than SystemExit is
/// reported as CPython's thread module does.
fn run_thread(func: Value, args: Value, kw: Value) {
    let argv = tuple::as_tuple(args).map(|a| a.to_vec()).unwrap_or_default();
    let argv = vmcore::gc::RootedVec::from_vec(argv);
    let kwv: Vec<(Value, Value)> = dict::as_dict(kw).map(|d| d.items()).unwrap_or_default();
    let flat = vmcore::gc::RootedVec::from_vec(kwv.iter().flat_map(|&(k, v)| [k, v]).collect());
    let r = ops::call(func, &argv, &kwv);
    drop(flat);
    if let Err(e) = r {
        if !e.matches(crate::runtime::types::system_exit()) {
            report_unhandled(func, &e);
        }
    }
}

fn report_unhandled(func: Value, e: &PyErr) {
    crate::modules::sys::flush_std_streams();
    let mut text = b"Unhandled exception in thread started by ".to_vec();
    text.extend(ops::repr_bytes(func).unwrap_or_default());
    text.push(b'\n');
    crate::interp::traceback::write_stderr(&text);
    crate::interp::traceback::print_exception(e);
}

/// Hands control to the next runnable thread (round-robin after the
/// current one). The current thread's state says why: Runnable (a yield:
/// returns at once if no one else can run), Blocked or Finished. When no
/// thread can run, every thread is waiting for a lock no one will release:
/// CPython would hang; we wake the main thread (or the current one) with a
/// deadlock error.
fn schedule() -> bool {
    let (from, to) = with(|s| {
        let n = s.threads.len();
        let cur = s.current;
        let next = (1..=n).map(|k| (cur + k) % n).find(|&i| s.threads[i].state == State::Runnable && i != cur);
        match next {
            Some(i) => Some((cur, i)),
            None if s.threads[cur].state == State::Finished => {
                let main = 0;
                s.threads[main].state = State::Runnable;
                s.threads[main].deadlocked = true;
                Some((cur, main))
            }
            None => {
                if matches!(s.threads[cur].state, State::Blocked(_)) {
                    s.threads[cur].deadlocked = true;
                }
                s.threads[cur].state = State::Runnable;
                None
            }
        }
    })
    .unzip();
    if let (Some(from), Some(to)) = (from, to) {
        switch(from, to);
    }
    with(|s| {
        let cur = s.current;
        std::mem::take(&mut s.threads[cur].deadlocked)
    })
}

/// Suspends thread `from` (the running one) and resumes `to`.
fn switch(from: usize, to: usize) {
    let t = ts();
    let (from_ctx, to_ctx, to_hi, to_saved, finished) = with(|s| {
        s.threads[from].saved = Saved { frame: t.frame, exc: t.exc, depth: t.depth, stack_floor: t.stack_floor };
        s.current = to;
        let from_ctx: *mut libc::ucontext_t = &mut *s.threads[from].ctx;
        let to_ctx: *const libc::ucontext_t = &*s.threads[to].ctx;
        (from_ctx, to_ctx, s.threads[to].hi, s.threads[to].saved, s.threads[from].state == State::Finished)
    });
    stack::with_stack_range(&mut |lo, hi| {
        // From here to the swap nothing allocates, so no collection sees
        // the half-switched state. A finished thread's stack holds nothing
        // live (and is unmapped once we have left it).
        if !finished {
            vmcore::gc::add_stack(lo, hi);
        }
        stack::set_stack_hi(to_hi);
        let t = ts();
        t.frame = to_saved.frame;
        t.exc = to_saved.exc;
        t.depth = to_saved.depth;
        t.stack_floor = to_saved.stack_floor;
        // SAFETY: both contexts are boxed and live in the scheduler; `to`
        // was suspended by this function or prepared by `spawn`.
        unsafe { libc::swapcontext(from_ctx, to_ctx) };
        // Resumed: whoever switched back restored our state and stack_hi.
        vmcore::gc::remove_stack(lo, hi);
    });
    reap();
}

/// Frees the stacks of finished threads (never the running one's).
fn reap() {
    let dead: Vec<(usize, usize)> = with(|s| {
        let cur = s.current;
        let mut out = Vec::new();
        for (i, g) in s.threads.iter_mut().enumerate() {
            if i != cur && g.state == State::Finished {
                if let Some(st) = g.stack.take() {
                    out.push(st);
                }
            }
        }
        let cur_id = s.threads[cur].id;
        s.threads.retain(|g| g.state != State::Finished || g.stack.is_some());
        s.current = s.threads.iter().position(|g| g.id == cur_id).expect("the running thread");
        out
    });
    for (base, len) in dead {
        // SAFETY: the stack of a thread that will never run again.
        unsafe { libc::munmap(base as *mut libc::c_void, len) };
    }
}

/// Blocks the running thread until the lock at `lock` is released; Err
/// when every thread is blocked.
pub fn block_on(lock: usize) -> PyResult<()> {
    let alone = with(|s| {
        ensure_main(s);
        let cur = s.current;
        s.threads[cur].state = State::Blocked(lock);
        s.threads.len() == 1
    });
    if alone || schedule() {
        with(|s| {
            let cur = s.current;
            s.threads[cur].state = State::Runnable;
        });
        return Err(super::thread_error("deadlock: every thread is waiting for a lock"));
    }
    Ok(())
}

/// Makes the threads waiting for `lock` runnable (they retry the acquire).
pub fn wake(lock: usize) {
    with(|s| {
        for g in &mut s.threads {
            if g.state == State::Blocked(lock) {
                g.state = State::Runnable;
            }
        }
    });
}

/// Lets the other runnable threads run until they block or finish.
pub fn yield_now() {
    let others = with(|s| s.threads.len() > 1);
    if others {
        schedule();
    }
}
