//! Running one program once under one runtime and measuring it.
//!
//! Why not `std::process::Child::wait`? It throws away the child's resource
//! usage. `wait4` returns the rusage of exactly that child (user and system
//! CPU time, peak resident set), which `getrusage(RUSAGE_CHILDREN)` could only
//! give as a running total over every child we ever had.
//!
//! Each child gets its own process group, so a timeout can kill the runtime
//! together with anything it spawned (a `sh -c` wrapper, a JIT server...).

use std::io::Read;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Process group of the run in progress (0: none). Because each child has
/// its own group, Ctrl-C at the terminal reaches only us, not the child; the
/// handler below passes it on so no benchmark keeps running after we quit.
static RUNNING: AtomicI32 = AtomicI32::new(0);

extern "C" fn on_interrupt(sig: libc::c_int) {
    // Only async-signal-safe calls here: kill and _exit.
    let pgid = RUNNING.load(Ordering::SeqCst);
    unsafe {
        if pgid > 0 {
            libc::kill(-pgid, libc::SIGKILL);
        }
        libc::_exit(128 + sig);
    }
}

/// Call once before running anything: Ctrl-C, SIGTERM and SIGHUP then stop
/// the current run's process group along with vmbench.
pub fn stop_runs_on_interrupt() {
    let handler = on_interrupt as extern "C" fn(libc::c_int);
    for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        unsafe { libc::signal(sig, handler as libc::sighandler_t) };
    }
}

/// How one run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    /// Killed by us after the timeout.
    Timeout,
}

#[derive(Clone, Debug)]
pub struct Measurement {
    pub exit: Exit,
    pub wall_s: f64,
    pub user_s: f64,
    pub sys_s: f64,
    /// Peak resident set of the child, in KiB (Linux reports ru_maxrss in KiB).
    pub max_rss_kb: u64,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Start `argv` and wait for it (at most `timeout`). `Err` only when it could
/// not be started at all (for example: not found, not executable).
pub fn run_once(argv: &[String], timeout: Option<Duration>) -> Result<Measurement, std::io::Error> {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};

    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..]).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);

    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let pid = child.id() as libc::pid_t;
    RUNNING.store(pid, Ordering::SeqCst);

    // Drain both pipes on their own threads: a child that fills one pipe
    // while we block reading the other would otherwise deadlock.
    let out_reader = child.stdout.take().map(drain);
    let err_reader = child.stderr.take().map(drain);

    // The watchdog kills the whole process group if the run outlives the
    // timeout; we tell it to stand down as soon as the child has ended.
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let watchdog = timeout.map(|limit| {
        std::thread::spawn(move || match done_rx.recv_timeout(limit) {
            Err(mpsc::RecvTimeoutError::Timeout) => {
                unsafe { libc::kill(-pid, libc::SIGKILL) };
                true
            }
            _ => false,
        })
    });

    // Wait for the end *without reaping* (WNOWAIT): the child stays a zombie,
    // so its pid and process group cannot be reused by an unrelated process
    // while the watchdog might still signal it.
    wait_no_reap(pid);
    let wall_s = start.elapsed().as_secs_f64();
    let _ = done_tx.send(());
    let timed_out = watchdog.is_some_and(|w| w.join().unwrap_or(false));

    // A run is over when its main process is. Anything it left behind in its
    // group would keep our pipes open and steal CPU from the next run.
    unsafe { libc::kill(-pid, libc::SIGKILL) };

    let (status, usage) = reap(pid);
    RUNNING.store(0, Ordering::SeqCst);
    let stdout = out_reader.map(|h| h.join().unwrap_or_default()).unwrap_or_default();
    let stderr = err_reader.map(|h| h.join().unwrap_or_default()).unwrap_or_default();

    let exit = if timed_out {
        Exit::Timeout
    } else if libc::WIFEXITED(status) {
        Exit::Code(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        Exit::Signal(libc::WTERMSIG(status))
    } else {
        Exit::Code(-1)
    };
    let secs = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    Ok(Measurement {
        exit,
        wall_s,
        user_s: secs(usage.ru_utime),
        sys_s: secs(usage.ru_stime),
        max_rss_kb: usage.ru_maxrss.max(0) as u64,
        stdout,
        stderr,
    })
}

fn drain<R: Read + Send + 'static>(mut r: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn wait_no_reap(pid: libc::pid_t) {
    loop {
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return;
        }
    }
}

fn reap(pid: libc::pid_t) -> (libc::c_int, libc::rusage) {
    let mut status: libc::c_int = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return (status, usage);
        }
    }
}
