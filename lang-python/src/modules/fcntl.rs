//! The `fcntl` module: fcntl, ioctl, flock and lockf on descriptors (or
//! objects with `fileno()`), through the host layer. Failures raise
//! IOError(errno, strerror).
//!
//! A str argument is copied into a buffer the kernel may rewrite; the
//! buffer comes back as a new str, as in CPython.

use super::oslib::{c_int, c_long, errno_error};
use super::posix::fd_of;
use crate::objects::args::arity;
use crate::objects::module::ModuleObj;
use crate::objects::{instance, int, str as pystr};
use crate::runtime::errors::value_error;
use crate::runtime::{types, KwArgs, PyErr, PyResult};
use vmcore::gc::Gc;
use vmcore::host::{host, CtlArg};
use vmcore::Value;

/// The largest str argument, as CPython's fixed buffer.
const ARG_MAX: usize = 1024;

fn io_error(e: &std::io::Error) -> PyErr {
    errno_error(types::io_error(), e.raw_os_error().unwrap_or(libc::EIO), None)
}

/// Runs `call` with the third argument: an int (default 0) or a str buffer.
fn with_arg(name: &str, arg: Option<Value>, call: impl FnOnce(CtlArg) -> std::io::Result<i64>) -> PyResult {
    if let Some(s) = arg.and_then(|v| pystr::as_bytes(instance::unwrap_base(v))) {
        if s.len() > ARG_MAX {
            return Err(value_error(format!("{name} string arg too long")));
        }
        let mut buf = s.to_vec();
        call(CtlArg::Buf(&mut buf)).map_err(|e| io_error(&e))?;
        return Ok(pystr::new_str_owned(buf));
    }
    let i = match arg {
        Some(v) => c_int(v)? as i64,
        None => 0,
    };
    call(CtlArg::Int(i)).map(int::new_int).map_err(|e| io_error(&e))
}

/// `fcntl(fd, op[, arg])`.
fn fcntl(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fcntl", a, kw, 2, 3)?;
    let fd = fd_of(a[0])?;
    let op = c_int(a[1])?;
    with_arg("fcntl", a.get(2).copied(), |arg| host().fcntl(fd, op, arg))
}

/// `ioctl(fd, request[, arg[, mutate_flag]])`: the request is taken as an
/// unsigned 32-bit number, whatever its sign.
fn ioctl(a: &[Value], kw: KwArgs) -> PyResult {
    arity("ioctl", a, kw, 2, 4)?;
    let fd = fd_of(a[0])?;
    let request = c_long(a[1])? as u32 as u64;
    with_arg("ioctl", a.get(2).copied(), |arg| host().ioctl(fd, request, arg))
}

fn flock(a: &[Value], kw: KwArgs) -> PyResult {
    arity("flock", a, kw, 2, 2)?;
    let fd = fd_of(a[0])?;
    host().flock(fd, c_int(a[1])?).map_err(|e| io_error(&e))?;
    Ok(Value::NONE)
}

/// `lockf(fd, operation[, length[, start[, whence]]])`: a POSIX record lock
/// by fcntl(F_SETLK / F_SETLKW with LOCK_NB).
fn lockf(a: &[Value], kw: KwArgs) -> PyResult {
    arity("lockf", a, kw, 2, 5)?;
    let fd = fd_of(a[0])?;
    let code = c_int(a[1])?;
    let len = a.get(2).map(|&v| c_long(v)).transpose()?.unwrap_or(0);
    let start = a.get(3).map(|&v| c_long(v)).transpose()?.unwrap_or(0);
    let whence = a.get(4).map(|&v| c_int(v)).transpose()?.unwrap_or(0);
    let kind = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(value_error("unrecognized lockf argument"));
    };
    // SAFETY: struct flock is plain data.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = kind as libc::c_short;
    lock.l_whence = whence as libc::c_short;
    lock.l_start = start;
    lock.l_len = len;
    // SAFETY: the bytes of a live, plain struct, handed to fcntl as its argument.
    let bytes = unsafe { std::slice::from_raw_parts_mut(&mut lock as *mut libc::flock as *mut u8, std::mem::size_of::<libc::flock>()) };
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    host().fcntl(fd, cmd, CtlArg::Buf(bytes)).map_err(|e| io_error(&e))?;
    Ok(Value::NONE)
}

/// Where the libc crate lacks a name, the value is the Linux header's.
const CONSTANTS: &[(&str, i64)] = &[
    ("F_DUPFD", libc::F_DUPFD as i64),
    ("F_GETFD", libc::F_GETFD as i64),
    ("F_SETFD", libc::F_SETFD as i64),
    ("F_GETFL", libc::F_GETFL as i64),
    ("F_SETFL", libc::F_SETFL as i64),
    ("F_GETLK", libc::F_GETLK as i64),
    ("F_SETLK", libc::F_SETLK as i64),
    ("F_SETLKW", libc::F_SETLKW as i64),
    ("F_GETLK64", libc::F_GETLK as i64),
    ("F_SETLK64", libc::F_SETLK as i64),
    ("F_SETLKW64", libc::F_SETLKW as i64),
    ("F_GETOWN", libc::F_GETOWN as i64),
    ("F_SETOWN", libc::F_SETOWN as i64),
    ("F_GETSIG", 11),
    ("F_SETSIG", 10),
    ("F_RDLCK", libc::F_RDLCK as i64),
    ("F_WRLCK", libc::F_WRLCK as i64),
    ("F_UNLCK", libc::F_UNLCK as i64),
    ("F_EXLCK", 4),
    ("F_SHLCK", 8),
    ("F_GETLEASE", libc::F_GETLEASE as i64),
    ("F_SETLEASE", libc::F_SETLEASE as i64),
    ("F_NOTIFY", libc::F_NOTIFY as i64),
    ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
    ("FASYNC", libc::O_ASYNC as i64),
    ("LOCK_SH", libc::LOCK_SH as i64),
    ("LOCK_EX", libc::LOCK_EX as i64),
    ("LOCK_NB", libc::LOCK_NB as i64),
    ("LOCK_UN", libc::LOCK_UN as i64),
    ("LOCK_MAND", 32),
    ("LOCK_READ", 64),
    ("LOCK_WRITE", 128),
    ("LOCK_RW", 192),
    ("DN_ACCESS", 1),
    ("DN_MODIFY", 2),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_RENAME", 16),
    ("DN_ATTRIB", 32),
    ("DN_MULTISHOT", 0x8000_0000),
];

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("fcntl", &[("fcntl", fcntl), ("ioctl", ioctl), ("flock", flock), ("lockf", lockf)]);
    m.dict.set_str("__doc__", pystr::new_str(b"fcntl() and ioctl() on file descriptors, and file locks (flock, lockf)."));
    for &(name, v) in CONSTANTS {
        m.dict.set_str(name, int::new_int(v));
    }
    m
}
