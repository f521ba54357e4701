//! vmcore: what every language frontend of vmbench stands on.
//!
//! - [`value`]: the one-word tagged `Value`;
//! - [`gc`]: the shared garbage-collected heap (precise heap tracing,
//!   conservative stack roots, non-moving, lazy sweep, weak refs, finalizers);
//! - [`object`]: symbols, shapes (hidden classes), strings and big integers;
//! - [`host`]: every OS access a frontend makes, behind one trait;
//! - [`registry`]: how frontends make themselves known to the CLI.
//!
//! vmcore knows no language and nothing of the JIT backend.

pub mod gc;
pub mod host;
pub mod object;
pub mod registry;
pub mod value;

pub use gc::{Gc, GcType, Trace, Tracer};
pub use value::Value;

/// Ends the process with a one-line internal error (exit status 70), for
/// conditions no user program can recover from (the OS refusing memory).
pub fn fatal(msg: &str) -> ! {
    eprintln!("vmbench: fatal error: {msg}");
    std::process::exit(70)
}

/// Internal panics become one line and exit status 70, unless the user asked
/// for a backtrace with RUST_BACKTRACE.
pub fn install_panic_hook() {
    if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("vmbench: internal error: {}{loc} (set RUST_BACKTRACE=1 for details)", msg.lines().next().unwrap_or(""));
        std::process::exit(70);
    }));
}
