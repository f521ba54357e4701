//! The `_socket` module: BSD sockets through the host layer, as CPython
//! 2.7's socketmodule.c offers them (Lib/socket.py wraps this type).
//!
//! A socket object is a descriptor plus its family, type, protocol and
//! timeout. Timeouts work as in CPython: a socket with a timeout is put in
//! non-blocking mode, and each operation first polls for readiness for at
//! most the time left, raising `socket.timeout("timed out")` when nothing
//! comes; a timeout of 0.0 is plain non-blocking mode, None (stored as a
//! negative number) plain blocking mode.
//!
//! Closing by forgetting. CPython closes a socket the moment its last
//! reference goes, and Lib/socket.py relies on that: its `close()` only
//! drops the wrapped `_socket.socket`. Here memory is traced, so each open
//! socket is also listed with a weak reference; descriptors whose socket
//! object has died are closed ("reaped") when sockets are made, when the
//! OS runs short of descriptors or addresses, and before any wait that
//! could block, after a collection. That last point keeps a program that
//! talks to itself over a socket (a common test setup) from waiting for an
//! end-of-file that reference counting would have produced at once.

mod addr;
mod consts;

use crate::modules::array::{as_array, read_buffer};
use crate::modules::math::to_f64;
use crate::modules::oslib::{c_int, c_long, new_exception, str_arg};
use crate::objects::args::{self, noargs, one};
use crate::objects::float::new_float;
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::list_methods::new_of_class;
use crate::objects::long::{as_long, new_long};
use crate::objects::str::{as_bytes, new_str};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobj::type_name;
use crate::objects::unicode::as_unicode;
use crate::objects::{add_method, add_static, file, instance, module::ModuleObj};
use crate::runtime::errors::{from_io, overflow_error, type_error, value_error, PyErr};
use crate::runtime::{types, KwArgs, NativeFn, PyResult};
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};
use std::io;
use vmcore::gc::{alloc, Gc, Root, Trace, Tracer};
use vmcore::host::{host, AddrHints, Clock, CtlArg, LookupError, PollFd, SockAddr};
use vmcore::Value;

#[repr(C)]
pub struct SocketObj {
    pub cls: Value,
    /// -1 once closed.
    fd: Cell<i32>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    /// Seconds; negative for blocking mode without a timeout.
    timeout: Cell<f64>,
}
unsafe impl Trace for SocketObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(SocketObj, "_socket.socket");

crate::native_type!(socket_type, make_socket_type);
crate::native_type!(error_type, || new_exception("socket", "error", types::io_error()));
crate::native_type!(herror_type, || new_exception("socket", "herror", error_type()));
crate::native_type!(gaierror_type, || new_exception("socket", "gaierror", error_type()));
crate::native_type!(timeout_type, || new_exception("socket", "timeout", error_type()));

thread_local! {
    /// `setdefaulttimeout`: the timeout new sockets get (negative: None).
    static DEFAULT_TIMEOUT: Cell<f64> = const { Cell::new(-1.0) };
    /// Each open socket's descriptor and a weak reference to its object.
    static OPEN: RefCell<Vec<(Root, i32)>> = const { RefCell::new(Vec::new()) };
}

/// `socket.error(msg)`.
pub(crate) fn socket_error(msg: &str) -> PyErr {
    PyErr::new(error_type(), msg)
}

/// `socket.error(errno, strerror)` from an OS error.
fn os_error(e: &io::Error) -> PyErr {
    from_io(error_type(), e, None)
}

fn resolver_error(typ: Value, e: LookupError) -> PyErr {
    match e {
        LookupError::Resolver(code, msg) => PyErr::with_args(typ, &[new_int(code as i64), new_str(msg.as_bytes())]),
        LookupError::Os(e) => os_error(&e),
    }
}

/// `socket.gaierror(code, message)` (an OS error stays `socket.error`).
pub(crate) fn gai_err(e: LookupError) -> PyErr {
    resolver_error(gaierror_type(), e)
}

fn timed_out() -> PyErr {
    PyErr::new(timeout_type(), "timed out")
}

/// Arity check of an unnamed tuple format ("function takes at least 2
/// arguments (1 given)").
pub(crate) fn unnamed_arity(a: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = a.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max { ("exactly", min) } else if n < min { ("at least", min) } else { ("at most", max) };
    Err(type_error(format!("function takes {how} {k} argument{} ({n} given)", if k == 1 { "" } else { "s" })))
}

// ---- descriptor bookkeeping ----

fn track(s: Gc<SocketObj>) {
    let w = vmcore::gc::new_weak(s.as_value(), Value::NONE);
    OPEN.with(|o| o.borrow_mut().push((Root::new(w.as_value()), s.fd.get())));
}

fn untrack(fd: i32) {
    OPEN.with(|o| o.borrow_mut().retain(|(_, f)| *f != fd));
}

/// Closes the descriptors of socket objects the collector found dead.
fn reap() {
    let dead: Vec<i32> = OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let gone = |r: &Root| Gc::<vmcore::gc::WeakRef>::downcast(r.get()).is_none_or(|w| w.target.get().is_empty());
        let fds = o.iter().filter(|(r, _)| gone(r)).map(|(_, f)| *f).collect();
        o.retain(|(r, _)| !gone(r));
        fds
    });
    for fd in dead {
        let _ = host().close(fd);
    }
}

fn collect_and_reap() {
    vmcore::gc::collect();
    reap();
}

/// Runs `op`; when it fails for want of a resource a forgotten socket may
/// hold (descriptors, a bound address), reaps and tries once more.
fn with_reap_retry<T>(retry_on: &[i32], mut op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    match op() {
        Err(e) if e.raw_os_error().is_some_and(|c| retry_on.contains(&c)) => {
            collect_and_reap();
            op()
        }
        r => r,
    }
}

const OUT_OF_FDS: &[i32] = &[libc::EMFILE, libc::ENFILE];

/// A socket object for an open descriptor.
fn new_socket(fd: i32, family: i32, kind: i32, proto: i32) -> Gc<SocketObj> {
    let s = alloc(SocketObj { cls: socket_type(), fd: Cell::new(fd), family: Cell::new(family), kind: Cell::new(kind), proto: Cell::new(proto), timeout: Cell::new(-1.0) });
    setup(s, fd, family, kind, proto);
    s
}

/// Gives `s` its descriptor and the default timeout (CPython's init_sockobject).
fn setup(s: Gc<SocketObj>, fd: i32, family: i32, kind: i32, proto: i32) {
    reap();
    s.fd.set(fd);
    s.family.set(family);
    s.kind.set(kind);
    s.proto.set(proto);
    let t = DEFAULT_TIMEOUT.with(Cell::get);
    s.timeout.set(t);
    track(s);
    if t >= 0.0 {
        set_nonblocking(fd, true);
    }
}

fn as_socket(v: Value) -> Option<Gc<SocketObj>> {
    Gc::<SocketObj>::downcast(instance::unwrap_base(v))
}

fn this(v: Value, method: &str) -> PyResult<Gc<SocketObj>> {
    as_socket(v).ok_or_else(|| type_error(format!("descriptor '{method}' requires a '_socket.socket' object but received a '{}'", type_name(v))))
}

// ---- waiting ----

fn would_block(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::EAGAIN) | Some(libc::EINPROGRESS))
}

/// Whether `fd` is ready for `events` within `ms` milliseconds.
fn poll(fd: i32, events: i16, ms: i32) -> PyResult<bool> {
    let mut p = [PollFd { fd, events, revents: 0 }];
    Ok(host().poll(&mut p, ms).map_err(|e| os_error(&e))? > 0)
}

/// Before an operation that may have to wait on `fd`: when it is not ready
/// at once, collects garbage, so that sockets the program forgot are closed
/// before we wait on their peers. Returns whether `fd` was ready.
fn before_waiting(fd: i32, events: i16) -> PyResult<bool> {
    if poll(fd, events, 0)? {
        return Ok(true);
    }
    collect_and_reap();
    Ok(false)
}

/// Whether `fd` becomes ready for `events` within `secs` seconds.
fn wait_ready(fd: i32, events: i16, secs: f64) -> PyResult<bool> {
    if before_waiting(fd, events)? {
        return Ok(true);
    }
    poll(fd, events, (secs * 1000.0 + 0.5).min(i32::MAX as f64) as i32)
}

/// Sets or clears O_NONBLOCK. Failures (a closed socket) are ignored, as
/// CPython ignores them.
fn set_nonblocking(fd: i32, on: bool) {
    let h = host();
    if let Ok(flags) = h.fcntl(fd, libc::F_GETFL, CtlArg::Int(0)) {
        let new = if on { flags | libc::O_NONBLOCK as i64 } else { flags & !(libc::O_NONBLOCK as i64) };
        let _ = h.fcntl(fd, libc::F_SETFL, CtlArg::Int(new));
    }
}

/// One socket operation under the socket's timeout: waits for readiness
/// (for at most the time left), runs `op`, and tries again while a socket
/// with a timeout reports it would block.
fn io_op<T>(s: Gc<SocketObj>, writing: bool, mut op: impl FnMut(i32) -> io::Result<T>) -> PyResult<T> {
    let events = if writing { libc::POLLOUT } else { libc::POLLIN };
    let timeout = s.timeout.get();
    let fd = s.fd.get();
    let deadline = host().clock(Clock::Monotonic) + timeout;
    loop {
        // A closed socket (fd -1) goes straight to the call, which fails with EBADF.
        if timeout > 0.0 && fd >= 0 {
            let left = deadline - host().clock(Clock::Monotonic);
            if left <= 0.0 || !wait_ready(fd, events, left)? {
                return Err(timed_out());
            }
        } else if timeout < 0.0 && fd >= 0 {
            before_waiting(fd, events)?;
        }
        match op(fd) {
            Err(e) if timeout > 0.0 && would_block(&e) => continue,
            r => return r.map_err(|e| os_error(&e)),
        }
    }
}

// ---- the socket type ----

fn sock_new(a: &[Value], _kw: KwArgs) -> PyResult {
    let t = DEFAULT_TIMEOUT.with(Cell::get);
    new_of_class(a[0], socket_type(), || {
        alloc(SocketObj { cls: socket_type(), fd: Cell::new(-1), family: Cell::new(libc::AF_INET), kind: Cell::new(libc::SOCK_STREAM), proto: Cell::new(0), timeout: Cell::new(t) }).as_value()
    })
}

fn sock_init(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "__init__")?;
    let p = args::parse("socket", &a[1..], kw, &["family", "type", "proto"], 0)?;
    let int_or = |v: Option<Value>, d: i32| v.map(c_int).transpose().map(|x| x.unwrap_or(d));
    let (family, kind, proto) = (int_or(p[0], libc::AF_INET)?, int_or(p[1], libc::SOCK_STREAM)?, int_or(p[2], 0)?);
    let fd = with_reap_retry(OUT_OF_FDS, || host().socket(family, kind, proto)).map_err(|e| os_error(&e))?;
    setup(s, fd, family, kind, proto);
    Ok(Value::NONE)
}

fn sock_repr(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__repr__", &a[1..], kw)?;
    let s = this(a[0], "__repr__")?;
    let r = format!("<socket object, fd={}, family={}, type={}, protocol={}>", s.fd.get(), s.family.get(), s.kind.get(), s.proto.get());
    Ok(new_str(r.as_bytes()))
}

fn sock_close(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("close", &a[1..], kw)?;
    let s = this(a[0], "close")?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        untrack(fd);
        let _ = host().close(fd);
    }
    Ok(Value::NONE)
}

fn sock_fileno(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("fileno", &a[1..], kw)?;
    Ok(new_int(this(a[0], "fileno")?.fd.get() as i64))
}

fn sock_dup(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("dup", &a[1..], kw)?;
    let s = this(a[0], "dup")?;
    let fd = with_reap_retry(OUT_OF_FDS, || host().dup(s.fd.get())).map_err(|e| os_error(&e))?;
    Ok(new_socket(fd, s.family.get(), s.kind.get(), s.proto.get()).as_value())
}

fn sock_bind(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "bind")?;
    let addr = addr::sockaddr_arg(s.family.get(), one("bind", &a[1..], kw)?)?;
    with_reap_retry(&[libc::EADDRINUSE], || host().bind(s.fd.get(), &addr)).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn sock_listen(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "listen")?;
    let backlog = c_int(one("listen", &a[1..], kw)?)?.max(0);
    host().listen(s.fd.get(), backlog).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn sock_accept(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("accept", &a[1..], kw)?;
    let s = this(a[0], "accept")?;
    let (fd, peer) = io_op(s, false, |fd| with_reap_retry(OUT_OF_FDS, || host().accept(fd)))?;
    let c = new_socket(fd, s.family.get(), s.kind.get(), s.proto.get());
    Ok(new_tuple(vec![c.as_value(), addr::sockaddr_value(&peer)]))
}

/// connect(2) under the timeout; Ok(errno) for connect_ex, with
/// Err(timeout) when the wait ran out.
fn connect_errno(s: Gc<SocketObj>, addr: &SockAddr) -> PyResult<i32> {
    let h = host();
    let fd = s.fd.get();
    let timeout = s.timeout.get();
    let err = match h.connect(fd, addr) {
        Ok(()) => return Ok(0),
        Err(e) => e.raw_os_error().unwrap_or(libc::EIO),
    };
    if timeout > 0.0 && err == libc::EINPROGRESS {
        if !wait_ready(fd, libc::POLLOUT, timeout)? {
            return Err(timed_out());
        }
        // The outcome of a non-blocking connect is in SO_ERROR.
        let b = h.getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, 4).map_err(|e| os_error(&e))?;
        let code = i32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        return Ok(if code == libc::EISCONN { 0 } else { code });
    }
    Ok(err)
}

fn sock_connect(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "connect")?;
    let addr = addr::sockaddr_arg(s.family.get(), one("connect", &a[1..], kw)?)?;
    match connect_errno(s, &addr)? {
        0 => Ok(Value::NONE),
        code => Err(os_error(&io::Error::from_raw_os_error(code))),
    }
}

fn sock_connect_ex(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "connect_ex")?;
    let addr = addr::sockaddr_arg(s.family.get(), one("connect_ex", &a[1..], kw)?)?;
    let code = match connect_errno(s, &addr) {
        Ok(c) => c,
        Err(e) if e.matches(timeout_type()) => libc::EWOULDBLOCK,
        Err(e) => return Err(e),
    };
    Ok(new_int(code as i64))
}

fn sock_name_of(a: &[Value], kw: KwArgs, name: &str, peer: bool) -> PyResult {
    noargs(name, &a[1..], kw)?;
    let s = this(a[0], name)?;
    let addr = host().sock_name(s.fd.get(), peer).map_err(|e| os_error(&e))?;
    Ok(addr::sockaddr_value(&addr))
}

fn sock_getsockname(a: &[Value], kw: KwArgs) -> PyResult {
    sock_name_of(a, kw, "getsockname", false)
}

fn sock_getpeername(a: &[Value], kw: KwArgs) -> PyResult {
    sock_name_of(a, kw, "getpeername", true)
}

fn sock_getsockopt(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("getsockopt", &a[1..], kw, 2, 3)?;
    let s = this(a[0], "getsockopt")?;
    let (level, name) = (c_int(a[1])?, c_int(a[2])?);
    let h = host();
    let Some(&len) = a.get(3) else {
        let b = h.getsockopt(s.fd.get(), level, name, 4).map_err(|e| os_error(&e))?;
        let mut w = [0u8; 4];
        w[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
        return Ok(new_int(i32::from_ne_bytes(w) as i64));
    };
    let len = c_int(len)?;
    if len == 0 {
        return sock_getsockopt(&a[..3], kw);
    }
    if len < 0 || len > 1024 {
        return Err(socket_error("getsockopt buflen out of range"));
    }
    let b = h.getsockopt(s.fd.get(), level, name, len as usize).map_err(|e| os_error(&e))?;
    Ok(new_str(&b))
}

fn sock_setsockopt(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("setsockopt", &a[1..], kw, 3, 3)?;
    let s = this(a[0], "setsockopt")?;
    let (level, name) = (c_int(a[1])?, c_int(a[2])?);
    // An int option, else the option's raw bytes.
    let value = match c_int(a[3]) {
        Ok(i) => i.to_ne_bytes().to_vec(),
        Err(_) => match as_bytes(a[3]) {
            Some(b) => b.to_vec(),
            None => return Err(type_error(format!("setsockopt() argument 3 must be string or read-only buffer, not {}", type_name(a[3])))),
        },
    };
    host().setsockopt(s.fd.get(), level, name, &value).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn set_timeout(s: Gc<SocketObj>, t: f64) {
    s.timeout.set(t);
    set_nonblocking(s.fd.get(), t >= 0.0);
}

fn sock_setblocking(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "setblocking")?;
    let flag = c_long(one("setblocking", &a[1..], kw)?)?;
    set_timeout(s, if flag != 0 { -1.0 } else { 0.0 });
    Ok(Value::NONE)
}

/// A timeout argument: None, or a non-negative number of seconds.
fn timeout_arg(v: Value) -> PyResult<f64> {
    if v == Value::NONE {
        return Ok(-1.0);
    }
    let t = to_f64(v)?;
    if t < 0.0 {
        return Err(value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 { Value::NONE } else { new_float(t) }
}

fn sock_settimeout(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "settimeout")?;
    set_timeout(s, timeout_arg(one("settimeout", &a[1..], kw)?)?);
    Ok(Value::NONE)
}

fn sock_gettimeout(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("gettimeout", &a[1..], kw)?;
    Ok(timeout_value(this(a[0], "gettimeout")?.timeout.get()))
}

fn sock_shutdown(a: &[Value], kw: KwArgs) -> PyResult {
    let s = this(a[0], "shutdown")?;
    let how = c_int(one("shutdown", &a[1..], kw)?)?;
    host().shutdown(s.fd.get(), how).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// Bytes to send (`s*`): str, unicode, arrays and other buffers.
fn data_arg(v: Value, fname: &str) -> PyResult<Vec<u8>> {
    read_buffer(v)?.ok_or_else(|| type_error(format!("{fname}() argument 1 must be string or buffer, not {}", type_name(v))))
}

fn flags_arg(v: Option<&Value>) -> PyResult<i32> {
    v.map(|&f| c_int(f)).transpose().map(|f| f.unwrap_or(0))
}

fn sock_send(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("send", &a[1..], kw, 1, 2)?;
    let s = this(a[0], "send")?;
    let data = data_arg(a[1], "send")?;
    let flags = flags_arg(a.get(2))?;
    let n = io_op(s, true, |fd| host().send(fd, &data, flags))?;
    Ok(new_int(n as i64))
}

fn sock_sendall(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("sendall", &a[1..], kw, 1, 2)?;
    let s = this(a[0], "sendall")?;
    let data = data_arg(a[1], "sendall")?;
    let flags = flags_arg(a.get(2))?;
    let mut sent = 0;
    while sent < data.len() {
        sent += io_op(s, true, |fd| host().send(fd, &data[sent..], flags))?;
    }
    Ok(Value::NONE)
}

fn sock_sendto(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("sendto", kw)?;
    let n = a.len() - 1;
    if !(2..=3).contains(&n) {
        return Err(type_error(format!("sendto() takes 2 or 3 arguments ({n} given)")));
    }
    let s = this(a[0], "sendto")?;
    let data = data_arg(a[1], "sendto")?;
    let flags = if n == 3 { c_int(a[2])? } else { 0 };
    let addr = addr::sockaddr_arg(s.family.get(), a[n])?;
    let sent = io_op(s, true, |fd| host().send_to(fd, &data, flags, &addr))?;
    Ok(new_int(sent as i64))
}

fn size_arg(v: Value, what: &str) -> PyResult<usize> {
    let n = args::ssize_arg(v)?;
    usize::try_from(n).map_err(|_| value_error(format!("negative buffersize in {what}")))
}

fn sock_recv(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("recv", &a[1..], kw, 1, 2)?;
    let s = this(a[0], "recv")?;
    let n = size_arg(a[1], "recv")?;
    let flags = flags_arg(a.get(2))?;
    let mut buf = vec![0u8; n];
    let got = io_op(s, false, |fd| host().recv(fd, &mut buf, flags))?;
    buf.truncate(got);
    Ok(crate::objects::str::new_str_owned(buf))
}

fn sock_recvfrom(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("recvfrom", &a[1..], kw, 1, 2)?;
    let s = this(a[0], "recvfrom")?;
    let n = size_arg(a[1], "recvfrom")?;
    let flags = flags_arg(a.get(2))?;
    let mut buf = vec![0u8; n];
    let (got, from) = io_op(s, false, |fd| host().recv_from(fd, &mut buf, flags))?;
    buf.truncate(got);
    let from = from.as_ref().map_or(Value::NONE, addr::sockaddr_value);
    Ok(new_tuple(vec![crate::objects::str::new_str_owned(buf), from]))
}

/// The shared part of recv_into and recvfrom_into: the target array and
/// how many bytes to read into it.
fn into_args(a: &[Value], kw: KwArgs, name: &str) -> PyResult<(Gc<SocketObj>, Gc<crate::modules::array::ArrayObj>, usize, i32)> {
    let p = args::parse(name, &a[1..], kw, &["buffer", "nbytes", "flags"], 1)?;
    let s = this(a[0], name)?;
    let b = p[0].expect("required");
    let arr = as_array(b).ok_or_else(|| type_error(format!("{name}() argument 1 must be read-write buffer, not {}", type_name(b))))?;
    let room = arr.bytes().len();
    let n = match p[1] {
        Some(v) => size_arg(v, name)?,
        None => 0,
    };
    if n > room {
        let msg = if name == "recv_into" { "buffer too small for requested bytes" } else { "nbytes is greater than the length of the buffer" };
        return Err(value_error(msg));
    }
    Ok((s, arr, if n == 0 { room } else { n }, flags_arg(p[2].as_ref())?))
}

fn sock_recv_into(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, arr, n, flags) = into_args(a, kw, "recv_into")?;
    let mut buf = vec![0u8; n];
    let got = io_op(s, false, |fd| host().recv(fd, &mut buf, flags))?;
    arr.bytes_mut()[..got].copy_from_slice(&buf[..got]);
    Ok(new_int(got as i64))
}

fn sock_recvfrom_into(a: &[Value], kw: KwArgs) -> PyResult {
    let (s, arr, n, flags) = into_args(a, kw, "recvfrom_into")?;
    let mut buf = vec![0u8; n];
    let (got, from) = io_op(s, false, |fd| host().recv_from(fd, &mut buf, flags))?;
    arr.bytes_mut()[..got].copy_from_slice(&buf[..got]);
    let from = from.as_ref().map_or(Value::NONE, addr::sockaddr_value);
    Ok(new_tuple(vec![new_int(got as i64), from]))
}

/// makefile([mode[, bufsize]]): a file object over a duplicate descriptor.
fn sock_makefile(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("makefile", &a[1..], kw, 0, 2)?;
    let s = this(a[0], "makefile")?;
    let mode = match a.get(1) {
        Some(&m) => String::from_utf8_lossy(as_bytes(m).ok_or_else(|| type_error(format!("makefile() argument 1 must be string, not {}", type_name(m))))?).into_owned(),
        None => "r".into(),
    };
    let fd = host().dup(s.fd.get()).map_err(|e| os_error(&e))?;
    Ok(file::new_file(fd, "<socket>", &mode, true).as_value())
}

fn attr_family(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_int(this(a[0], "family")?.family.get() as i64))
}

fn attr_type(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_int(this(a[0], "type")?.kind.get() as i64))
}

fn attr_proto(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_int(this(a[0], "proto")?.proto.get() as i64))
}

fn attr_timeout(a: &[Value], _kw: KwArgs) -> PyResult {
    Ok(new_float(this(a[0], "timeout")?.timeout.get()))
}

fn make_socket_type() -> Value {
    let t = super::new_native_type("_socket", "socket", None, true);
    add_static(t, "__new__", sock_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", sock_init), ("__repr__", sock_repr), ("accept", sock_accept), ("bind", sock_bind),
        ("close", sock_close), ("connect", sock_connect), ("connect_ex", sock_connect_ex), ("dup", sock_dup),
        ("fileno", sock_fileno), ("getpeername", sock_getpeername), ("getsockname", sock_getsockname),
        ("getsockopt", sock_getsockopt), ("gettimeout", sock_gettimeout), ("listen", sock_listen),
        ("makefile", sock_makefile), ("recv", sock_recv), ("recv_into", sock_recv_into), ("recvfrom", sock_recvfrom),
        ("recvfrom_into", sock_recvfrom_into), ("send", sock_send), ("sendall", sock_sendall), ("sendto", sock_sendto),
        ("setblocking", sock_setblocking), ("setsockopt", sock_setsockopt), ("settimeout", sock_settimeout),
        ("shutdown", sock_shutdown),
    ];
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    args::add_getter(t, "family", attr_family);
    args::add_getter(t, "type", attr_type);
    args::add_getter(t, "proto", attr_proto);
    args::add_getter(t, "timeout", attr_timeout);
    t
}

// ---- module functions ----

fn socketpair(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("socketpair", a, kw, 0, 3)?;
    let arg = |i: usize, d: i32| a.get(i).map(|&v| c_int(v)).transpose().map(|x| x.unwrap_or(d));
    let (family, kind, proto) = (arg(0, libc::AF_UNIX)?, arg(1, libc::SOCK_STREAM)?, arg(2, 0)?);
    let (x, y) = with_reap_retry(OUT_OF_FDS, || host().socketpair(family, kind, proto)).map_err(|e| os_error(&e))?;
    let sx = new_socket(x, family, kind, proto);
    let sy = new_socket(y, family, kind, proto);
    Ok(new_tuple(vec![sx.as_value(), sy.as_value()]))
}

fn fromfd(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("fromfd", a, kw, 3, 4)?;
    let (fd, family, kind) = (c_int(a[0])?, c_int(a[1])?, c_int(a[2])?);
    let proto = a.get(3).map(|&v| c_int(v)).transpose()?.unwrap_or(0);
    let fd = with_reap_retry(OUT_OF_FDS, || host().dup(fd)).map_err(|e| os_error(&e))?;
    Ok(new_socket(fd, family, kind, proto).as_value())
}

fn getdefaulttimeout(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("getdefaulttimeout", a, kw)?;
    Ok(timeout_value(DEFAULT_TIMEOUT.with(Cell::get)))
}

fn setdefaulttimeout(a: &[Value], kw: KwArgs) -> PyResult {
    let t = timeout_arg(one("setdefaulttimeout", a, kw)?)?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(Value::NONE)
}

fn gethostname(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("gethostname", a, kw)?;
    Ok(new_str(&host().hostname().map_err(|e| os_error(&e))?))
}

fn gethostbyname(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("gethostbyname", a, kw, 1, 1)?;
    let addr = addr::resolve(&str_arg(a[0], "gethostbyname", 1)?, libc::AF_INET)?;
    Ok(new_str(addr::ip_text(&addr).as_bytes()))
}

/// (name, aliases, addresses) of a host database entry.
fn host_entry(e: vmcore::host::HostEnt) -> Value {
    let aliases = e.aliases.iter().map(|a| new_str(a)).collect();
    let addrs = e.addrs.iter().map(|a| new_str(addr::ip_text(a).as_bytes())).collect();
    new_tuple(vec![new_str(&e.name), new_list(aliases), new_list(addrs)])
}

fn gethostbyname_ex(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("gethostbyname_ex", a, kw, 1, 1)?;
    let name = str_arg(a[0], "gethostbyname_ex", 1)?;
    addr::resolve(&name, libc::AF_INET)?;
    let e = host().gethostbyname(&name, libc::AF_INET).map_err(|e| resolver_error(herror_type(), e))?;
    Ok(host_entry(e))
}

fn gethostbyaddr(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("gethostbyaddr", a, kw, 1, 1)?;
    let addr = addr::resolve(&str_arg(a[0], "gethostbyaddr", 1)?, libc::AF_UNSPEC)?;
    let e = host().gethostbyaddr(&addr).map_err(|e| resolver_error(herror_type(), e))?;
    Ok(host_entry(e))
}

fn getaddrinfo(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("getaddrinfo", a, kw, 2, 6)?;
    let name = match a[0] {
        v if v == Value::NONE => None,
        v if as_bytes(v).is_some() || as_unicode(v).is_some() => Some(addr::host_arg(v)?),
        _ => return Err(type_error("getaddrinfo() argument 1 must be string or None")),
    };
    let port = a[1];
    let service = if port == Value::NONE {
        None
    } else if let Some(b) = as_bytes(port) {
        Some(b.to_vec())
    } else if let Some(i) = crate::objects::int::as_int(port) {
        Some(i.to_string().into_bytes())
    } else if let Some(l) = as_long(port) {
        Some(l.to_string().into_bytes())
    } else {
        return Err(socket_error("getaddrinfo() argument 2 must be integer or string"));
    };
    let int = |i: usize| a.get(i).map(|&v| c_int(v)).transpose().map(|x| x.unwrap_or(0));
    let hints = AddrHints { family: int(2)?, socktype: int(3)?, protocol: int(4)?, flags: int(5)? };
    let res = host().getaddrinfo(name.as_deref(), service.as_deref(), hints).map_err(gai_err)?;
    let items = res
        .iter()
        .map(|r| new_tuple(vec![new_int(r.family as i64), new_int(r.socktype as i64), new_int(r.protocol as i64), new_str(&r.canonname), addr::sockaddr_value(&r.addr)]))
        .collect();
    Ok(new_list(items))
}

fn getnameinfo(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("getnameinfo", a, kw, 2, 2)?;
    let t = as_tuple(a[0]).ok_or_else(|| type_error("getnameinfo() argument 1 must be a tuple"))?;
    let flags = c_int(a[1])?;
    unnamed_arity(t, 2, 4)?;
    let name = as_bytes(t[0]).ok_or_else(|| type_error(format!("argument 1 must be string, not {}", type_name(t[0]))))?;
    let port = c_int(t[1])?;
    let flowinfo = t.get(2).map(|&v| c_long(v)).transpose()?.unwrap_or(0) as u32;
    let scope_id = t.get(3).map(|&v| c_long(v)).transpose()?.unwrap_or(0) as u32;
    let hints = AddrHints { socktype: libc::SOCK_DGRAM, flags: libc::AI_NUMERICHOST, ..Default::default() };
    let service = port.to_string();
    let res = host().getaddrinfo(Some(name), Some(service.as_bytes()), hints).map_err(gai_err)?;
    if res.len() > 1 {
        return Err(socket_error("sockaddr resolved to multiple addresses"));
    }
    let addr = match res.into_iter().next().map(|r| r.addr) {
        Some(SockAddr::Inet { ip, port }) => {
            if t.len() != 2 {
                return Err(socket_error("IPv4 sockaddr must be 2 tuple"));
            }
            SockAddr::Inet { ip, port }
        }
        Some(SockAddr::Inet6 { ip, port, .. }) => SockAddr::Inet6 { ip, port, flowinfo, scope_id },
        Some(other) => other,
        None => return Err(socket_error("getnameinfo(): no address found")),
    };
    let (h, s) = host().getnameinfo(&addr, flags).map_err(gai_err)?;
    Ok(new_tuple(vec![new_str(&h), new_str(&s)]))
}

fn getservbyname(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("getservbyname", a, kw, 1, 2)?;
    let name = str_arg(a[0], "getservbyname", 1)?;
    let proto = a.get(1).map(|&p| str_arg(p, "getservbyname", 2)).transpose()?;
    let port = host().getservbyname(&name, proto.as_deref()).ok_or_else(|| socket_error("service/proto not found"))?;
    Ok(new_int(port as i64))
}

fn getservbyport(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("getservbyport", a, kw, 1, 2)?;
    let port = c_int(a[0])?;
    let port = u16::try_from(port).map_err(|_| overflow_error("getservbyport: port must be 0-65535."))?;
    let proto = a.get(1).map(|&p| str_arg(p, "getservbyport", 2)).transpose()?;
    let name = host().getservbyport(port, proto.as_deref()).ok_or_else(|| socket_error("port/proto not found"))?;
    Ok(new_str(&name))
}

fn getprotobyname(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("getprotobyname", a, kw, 1, 1)?;
    let num = host().getprotobyname(&str_arg(a[0], "getprotobyname", 1)?).ok_or_else(|| socket_error("protocol not found"))?;
    Ok(new_int(num as i64))
}

/// htons/ntohs: an `i` argument that must not be negative, byte-swapped as 16 bits.
fn swap16(name: &str, a: &[Value], kw: KwArgs) -> PyResult {
    args::arity(name, a, kw, 1, 1)?;
    let x = c_int(a[0])?;
    if x < 0 {
        return Err(overflow_error("can't convert negative number to unsigned long"));
    }
    Ok(new_int(u16::from_be(x as u16) as i64))
}

fn htons(a: &[Value], kw: KwArgs) -> PyResult {
    swap16("htons", a, kw)
}

fn ntohs(a: &[Value], kw: KwArgs) -> PyResult {
    swap16("ntohs", a, kw)
}

/// htonl/ntohl: an int or long, byte-swapped as 32 bits; always a long.
fn swap32(name: &str, a: &[Value], kw: KwArgs) -> PyResult {
    let v = one(name, a, kw)?;
    let x: u64 = if let Some(i) = crate::objects::int::as_int(v) {
        u64::try_from(i).map_err(|_| overflow_error("can't convert negative number to unsigned long"))?
    } else if let Some(l) = as_long(v) {
        if l.sign() == num_bigint::Sign::Minus {
            return Err(overflow_error("can't convert negative number to unsigned long"));
        }
        l.to_u64().ok_or_else(|| overflow_error("long int too large to convert"))?
    } else {
        return Err(type_error(format!("expected int/long, {} found", type_name(v))));
    };
    Ok(new_long(u32::from_be(x as u32).into()))
}

fn htonl(a: &[Value], kw: KwArgs) -> PyResult {
    swap32("htonl", a, kw)
}

fn ntohl(a: &[Value], kw: KwArgs) -> PyResult {
    swap32("ntohl", a, kw)
}

fn inet_aton(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("inet_aton", a, kw, 1, 1)?;
    let s = match (as_bytes(a[0]), as_unicode(a[0])) {
        (Some(b), _) => b.to_vec(),
        (_, Some(_)) => crate::objects::unicode::encode_ascii(a[0])?,
        _ => return Err(type_error(format!("inet_aton() argument 1 must be string, not {}", type_name(a[0])))),
    };
    let ip = addr::parse_aton(&s).ok_or_else(|| socket_error("illegal IP address string passed to inet_aton"))?;
    Ok(new_str(&ip.to_be_bytes()))
}

fn inet_ntoa(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("inet_ntoa", a, kw, 1, 1)?;
    let b = read_buffer(a[0])?.ok_or_else(|| type_error(format!("inet_ntoa() argument 1 must be string or read-only buffer, not {}", type_name(a[0]))))?;
    let ip: [u8; 4] = b.as_slice().try_into().map_err(|_| socket_error("packed IP wrong length for inet_ntoa"))?;
    Ok(new_str(addr::format_v4(ip).as_bytes()))
}

fn inet_pton(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("inet_pton", a, kw, 2, 2)?;
    let family = c_int(a[0])?;
    let s = &str_arg(a[1], "inet_pton", 2)?;
    let bad = || socket_error("illegal IP address string passed to inet_pton");
    match family {
        libc::AF_INET => Ok(new_str(&addr::parse_v4(s).ok_or_else(bad)?)),
        libc::AF_INET6 => Ok(new_str(&addr::parse_v6(s).ok_or_else(bad)?)),
        _ => Err(os_error(&io::Error::from_raw_os_error(libc::EAFNOSUPPORT))),
    }
}

fn inet_ntop(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("inet_ntop", a, kw, 2, 2)?;
    let family = c_int(a[0])?;
    let b = read_buffer(a[1])?.ok_or_else(|| type_error(format!("inet_ntop() argument 2 must be string or read-only buffer, not {}", type_name(a[1]))))?;
    let wrong = || value_error("invalid length of packed IP address string");
    let text = match family {
        libc::AF_INET => addr::format_v4(b.as_slice().try_into().map_err(|_| wrong())?),
        libc::AF_INET6 => addr::format_v6(b.as_slice().try_into().map_err(|_| wrong())?),
        _ => return Err(value_error(format!("unknown address family {family}"))),
    };
    Ok(new_str(text.as_bytes()))
}

pub fn create() -> Gc<ModuleObj> {
    let fs: &[(&'static str, NativeFn)] = &[
        ("fromfd", fromfd), ("getaddrinfo", getaddrinfo), ("getdefaulttimeout", getdefaulttimeout),
        ("gethostbyaddr", gethostbyaddr), ("gethostbyname", gethostbyname), ("gethostbyname_ex", gethostbyname_ex),
        ("gethostname", gethostname), ("getnameinfo", getnameinfo), ("getprotobyname", getprotobyname),
        ("getservbyname", getservbyname), ("getservbyport", getservbyport), ("htonl", htonl), ("htons", htons),
        ("inet_aton", inet_aton), ("inet_ntoa", inet_ntoa), ("inet_ntop", inet_ntop), ("inet_pton", inet_pton),
        ("ntohl", ntohl), ("ntohs", ntohs), ("setdefaulttimeout", setdefaulttimeout), ("socketpair", socketpair),
    ];
    let m = super::module_with("_socket", fs);
    let d = &m.dict;
    d.set_str("socket", socket_type());
    d.set_str("SocketType", socket_type());
    d.set_str("error", error_type());
    d.set_str("herror", herror_type());
    d.set_str("gaierror", gaierror_type());
    d.set_str("timeout", timeout_type());
    d.set_str("has_ipv6", Value::TRUE);
    for &(name, v) in consts::CONSTANTS {
        d.set_str(name, crate::objects::long::int_or_long(v.into()));
    }
    m
}
