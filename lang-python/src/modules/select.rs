//! The `select` module: `select()` and `poll` objects, both over the host
//! layer's `poll`.
//!
//! select() is built on poll(2) with the kernel's own mapping of poll
//! events to select's three sets, so it has no FD_SETSIZE limit beyond the
//! check CPython makes. A signal ends a wait with select.error(EINTR, ...),
//! as in Python 2.

use super::oslib::{errno_error, new_exception};
use super::posix::fd_of;
use crate::objects::args::{arity, unpack};
use crate::objects::module::ModuleObj;
use crate::objects::{add_method, float, instance, int, list, tuple};
use crate::ops;
use crate::runtime::errors::{key_error, overflow_error, type_error, value_error};
use crate::runtime::{types, KwArgs, PyErr, PyResult};
use std::cell::RefCell;
use std::collections::BTreeMap;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::host::{host, PollFd};
use vmcore::Value;

crate::native_type!(select_error, || new_exception("select", "error", types::exception()));
crate::native_type!(poll_type, make_poll_type);

/// CPython's select() refuses descriptors past the C fd_set size.
const FD_SETSIZE: i32 = 1024;

const IN_SET: i16 = libc::POLLIN | libc::POLLRDNORM | libc::POLLRDBAND | libc::POLLHUP | libc::POLLERR;
const OUT_SET: i16 = libc::POLLOUT | libc::POLLWRNORM | libc::POLLWRBAND | libc::POLLERR;
const EX_SET: i16 = libc::POLLPRI;

fn error_from(e: &std::io::Error) -> PyErr {
    errno_error(select_error(), e.raw_os_error().unwrap_or(libc::EIO), None)
}

/// Waits on `fds`; EBADF if any is not open (as select(2) reports it).
fn wait(fds: &mut [PollFd], timeout_ms: i32) -> PyResult<()> {
    host().poll(fds, timeout_ms).map_err(|e| error_from(&e))?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(errno_error(select_error(), libc::EBADF, None));
    }
    Ok(())
}

/// The items of one of select's three sequences (kept rooted) and their
/// descriptors.
fn fd_list(v: Value) -> PyResult<(RootedVec, Vec<i32>)> {
    let items = ops::to_vec(v).map_err(|e| if e.matches(types::type_error()) { type_error("arguments 1-3 must be sequences") } else { e })?;
    let items = RootedVec::from_vec(items);
    let mut fds = Vec::with_capacity(items.len());
    for &x in items.iter() {
        let fd = fd_of(x)?;
        if fd >= FD_SETSIZE {
            return Err(value_error("filedescriptor out of range in select()"));
        }
        fds.push(fd);
    }
    Ok((items, fds))
}

/// A select() timeout in seconds as whole milliseconds, rounded up so the
/// wait is never shorter than asked; -1 for None (forever).
fn select_timeout(v: Option<Value>) -> PyResult<i32> {
    let Some(v) = v.filter(|&v| v != Value::NONE) else { return Ok(-1) };
    let secs = crate::modules::math::to_f64(v).map_err(|_| type_error("timeout must be a float or None"))?;
    if secs > i32::MAX as f64 {
        return Err(overflow_error("timeout period too long"));
    }
    if secs < 0.0 {
        return Err(errno_error(select_error(), libc::EINVAL, None));
    }
    Ok((secs * 1000.0).ceil().min(i32::MAX as f64) as i32)
}

/// `select(rlist, wlist, xlist[, timeout])` -> the ready subsets, as lists
/// of the objects given.
fn select(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("select", a, kw, 3, 4)?;
    let sets = [fd_list(a[0])?, fd_list(a[1])?, fd_list(a[2])?];
    let timeout = select_timeout(a.get(3).copied())?;
    let wants = [IN_SET, OUT_SET, EX_SET];
    let interest = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<PollFd> = Vec::new();
    for ((_, set), &ev) in sets.iter().zip(&interest) {
        fds.extend(set.iter().map(|&fd| PollFd { fd, events: ev, revents: 0 }));
    }
    wait(&mut fds, timeout)?;
    let mut results = RootedVec::new();
    let mut at = 0;
    for ((objs, _), &want) in sets.iter().zip(&wants) {
        let ready: Vec<Value> = objs.iter().zip(&fds[at..]).filter(|(_, p)| p.revents & want != 0).map(|(&obj, _)| obj).collect();
        at += objs.len();
        results.push(list::new_list(ready));
    }
    Ok(tuple::new_tuple_from(&results))
}

/// A `poll` object: the registered descriptors and their event masks.
#[repr(C)]
pub struct PollObj {
    pub cls: Value,
    fds: RefCell<BTreeMap<i32, i16>>,
}
unsafe impl Trace for PollObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(PollObj, "select.poll");

fn this(a: &[Value]) -> PyResult<Gc<PollObj>> {
    a.first().and_then(|&v| Gc::<PollObj>::downcast(v)).ok_or_else(|| type_error("descriptor requires a 'select.poll' object"))
}

fn new_poll(a: &[Value], kw: KwArgs) -> PyResult {
    arity("poll", a, kw, 0, 0)?;
    Ok(alloc(PollObj { cls: poll_type(), fds: RefCell::new(BTreeMap::new()) }).as_value())
}

fn mask_arg(v: Option<&Value>, default: i16) -> PyResult<i16> {
    match v {
        Some(&m) => Ok(super::oslib::c_int(m)? as i16),
        None => Ok(default),
    }
}

/// `register(fd[, eventmask])`: adds or replaces fd's mask.
fn register(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a)?;
    arity("register", &a[1..], kw, 1, 2)?;
    let fd = fd_of(a[1])?;
    let mask = mask_arg(a.get(2), libc::POLLIN | libc::POLLPRI | libc::POLLOUT)?;
    p.fds.borrow_mut().insert(fd, mask);
    Ok(Value::NONE)
}

/// `modify(fd, eventmask)`: IOError ENOENT for an fd not registered.
fn modify(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a)?;
    arity("modify", &a[1..], kw, 2, 2)?;
    let fd = fd_of(a[1])?;
    let mask = mask_arg(a.get(2), 0)?;
    match p.fds.borrow_mut().get_mut(&fd) {
        Some(m) => *m = mask,
        None => return Err(errno_error(types::io_error(), libc::ENOENT, None)),
    }
    Ok(Value::NONE)
}

fn unregister(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a)?;
    arity("unregister", &a[1..], kw, 1, 1)?;
    let fd = fd_of(a[1])?;
    if p.fds.borrow_mut().remove(&fd).is_none() {
        return Err(key_error(int::new_int(fd as i64)));
    }
    Ok(Value::NONE)
}

/// `poll([timeout])`: timeout in milliseconds (None or negative: forever);
/// returns [(fd, events)] for the descriptors with events.
fn poll(a: &[Value], kw: KwArgs) -> PyResult {
    let p = this(a)?;
    arity("poll", &a[1..], kw, 0, 1)?;
    let timeout = match a.get(1) {
        None => -1,
        Some(&v) if v == Value::NONE => -1,
        Some(&v) => {
            let b = instance::unwrap_base(v);
            let ms = if let Some(f) = float::as_float(b) {
                f as i64
            } else {
                super::oslib::c_long(v).map_err(|_| type_error("timeout must be an integer or None"))?
            };
            ms.clamp(-1, i32::MAX as i64) as i32
        }
    };
    let mut fds: Vec<PollFd> = p.fds.borrow().iter().map(|(&fd, &events)| PollFd { fd, events, revents: 0 }).collect();
    host().poll(&mut fds, timeout).map_err(|e| error_from(&e))?;
    let mut out = RootedVec::new();
    for f in fds.iter().filter(|f| f.revents != 0) {
        out.push(tuple::new_tuple(vec![int::new_int(f.fd as i64), int::new_int(f.revents as u16 as i64)]));
    }
    Ok(list::new_list(out.into_vec()))
}

fn make_poll_type() -> Value {
    let t = super::new_native_type("select", "poll", None, false);
    add_method(t, "register", register);
    add_method(t, "modify", modify);
    add_method(t, "unregister", unregister);
    add_method(t, "poll", poll);
    t
}

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("select", &[("select", select), ("poll", new_poll)]);
    let d = m.dict;
    d.set_str("__doc__", crate::objects::str::new_str(b"Waiting for I/O readiness: select() and poll objects."));
    d.set_str("error", select_error());
    let consts = [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLRDBAND", libc::POLLRDBAND),
        ("POLLWRNORM", libc::POLLWRNORM),
        ("POLLWRBAND", libc::POLLWRBAND),
        ("POLLMSG", 0x400),
    ];
    for (name, v) in consts {
        d.set_str(name, int::new_int(v as i64));
    }
    d.set_str("PIPE_BUF", int::new_int(libc::PIPE_BUF as i64));
    m
}
