//! posix: information about the machine and its configuration names
//! (sysconf, confstr, pathconf), device numbers, random bytes.
//!
//! These read libc directly, except pathconf (it names a file) and
//! urandom (a sandbox may want deterministic randomness), which use the host.

use super::fd_of;
use crate::modules::oslib::{c_int, c_long, os_error, os_error_path, path_of, str_arg, uint};
use crate::objects::args::{arity, as_index, noargs};
use crate::objects::{dict::DictObj, float, instance, int, str as pystr, tuple};
use crate::runtime::errors::{errno_message, os_error as os_error_msg, type_error, value_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use vmcore::gc::{Gc, RootedVec};
use vmcore::host::host;
use vmcore::Value;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("uname", uname),
    ("times", times),
    ("getloadavg", getloadavg),
    ("ctermid", ctermid),
    ("strerror", strerror),
    ("urandom", urandom),
    ("sysconf", sysconf),
    ("confstr", confstr),
    ("pathconf", pathconf),
    ("fpathconf", fpathconf),
    ("major", major),
    ("minor", minor),
    ("makedev", makedev),
];

/// The C string in a fixed-size char array.
fn c_chars(a: &[libc::c_char]) -> Value {
    let bytes: Vec<u8> = a.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    pystr::new_str(&bytes)
}

/// `uname()` -> (sysname, nodename, release, version, machine).
fn uname(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("uname", a, kw)?;
    // SAFETY: utsname is plain data, filled by the call.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(os_error(&std::io::Error::last_os_error()));
    }
    let items = RootedVec::from_vec([&u.sysname[..], &u.nodename[..], &u.release[..], &u.version[..], &u.machine[..]].map(c_chars).to_vec());
    Ok(tuple::new_tuple_from(&items))
}

/// `times()` -> (user, system, children's user, children's system, elapsed) in seconds.
fn times(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("times", a, kw)?;
    // SAFETY: tms is plain data, filled by the call.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let elapsed = unsafe { libc::times(&mut t) };
    if elapsed == !0 {
        return Err(os_error(&std::io::Error::last_os_error()));
    }
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let secs = [t.tms_utime, t.tms_stime, t.tms_cutime, t.tms_cstime, elapsed].map(|c| float::new_float(c as f64 / hz));
    let items = RootedVec::from_vec(secs.to_vec());
    Ok(tuple::new_tuple_from(&items))
}

fn getloadavg(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("getloadavg", a, kw)?;
    let mut l = [0f64; 3];
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(os_error_msg("Load averages are unobtainable"));
    }
    let items = RootedVec::from_vec(l.map(float::new_float).to_vec());
    Ok(tuple::new_tuple_from(&items))
}

fn ctermid(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("ctermid", a, kw)?;
    let mut buf = [0 as libc::c_char; 64];
    // SAFETY: the buffer is at least L_ctermid bytes.
    unsafe { libc::ctermid(buf.as_mut_ptr()) };
    Ok(c_chars(&buf))
}

fn strerror(a: &[Value], kw: KwArgs) -> PyResult {
    arity("strerror", a, kw, 1, 1)?;
    Ok(pystr::new_str(errno_message(c_int(a[0])?).as_bytes()))
}

/// `urandom(n)`: n bytes from the OS's random source.
fn urandom(a: &[Value], kw: KwArgs) -> PyResult {
    arity("urandom", a, kw, 1, 1)?;
    let n = c_long(a[0])?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let mut buf = Vec::new();
    buf.try_reserve_exact(n as usize).map_err(|_| crate::runtime::errors::memory_error(""))?;
    buf.resize(n as usize, 0);
    host().random_bytes(&mut buf).map_err(|e| os_error(&e))?;
    Ok(pystr::new_str_owned(buf))
}

macro_rules! names {
    ($table:ident: $($n:ident),* $(,)?) => {
        /// (name with a leading underscore, value); `names_dict` drops the underscore.
        const $table: &[(&str, i32)] = &[$((stringify!($n), libc::$n)),*];
    };
}

names! { SYSCONF_NAMES:
    _SC_2_CHAR_TERM, _SC_2_C_BIND, _SC_2_C_DEV, _SC_2_C_VERSION, _SC_2_FORT_DEV, _SC_2_FORT_RUN, _SC_2_LOCALEDEF,
    _SC_2_SW_DEV, _SC_2_UPE, _SC_2_VERSION, _SC_AIO_LISTIO_MAX, _SC_AIO_MAX, _SC_AIO_PRIO_DELTA_MAX, _SC_ARG_MAX,
    _SC_ASYNCHRONOUS_IO, _SC_ATEXIT_MAX, _SC_AVPHYS_PAGES, _SC_BC_BASE_MAX, _SC_BC_DIM_MAX, _SC_BC_SCALE_MAX,
    _SC_BC_STRING_MAX, _SC_CHARCLASS_NAME_MAX, _SC_CHAR_BIT, _SC_CHAR_MAX, _SC_CHAR_MIN, _SC_CHILD_MAX,
    _SC_CLK_TCK, _SC_COLL_WEIGHTS_MAX, _SC_DELAYTIMER_MAX, _SC_EQUIV_CLASS_MAX, _SC_EXPR_NEST_MAX, _SC_FSYNC,
    _SC_GETGR_R_SIZE_MAX, _SC_GETPW_R_SIZE_MAX, _SC_INT_MAX, _SC_INT_MIN, _SC_IOV_MAX, _SC_JOB_CONTROL,
    _SC_LINE_MAX, _SC_LOGIN_NAME_MAX, _SC_LONG_BIT, _SC_MAPPED_FILES, _SC_MB_LEN_MAX, _SC_MEMLOCK,
    _SC_MEMLOCK_RANGE, _SC_MEMORY_PROTECTION, _SC_MESSAGE_PASSING, _SC_MQ_OPEN_MAX, _SC_MQ_PRIO_MAX,
    _SC_NGROUPS_MAX, _SC_NL_ARGMAX, _SC_NL_LANGMAX, _SC_NL_MSGMAX, _SC_NL_NMAX, _SC_NL_SETMAX, _SC_NL_TEXTMAX,
    _SC_NPROCESSORS_CONF, _SC_NPROCESSORS_ONLN, _SC_NZERO, _SC_OPEN_MAX, _SC_PAGESIZE, _SC_PAGE_SIZE,
    _SC_PASS_MAX, _SC_PHYS_PAGES, _SC_PII, _SC_PII_INTERNET, _SC_PII_INTERNET_DGRAM, _SC_PII_INTERNET_STREAM,
    _SC_PII_OSI, _SC_PII_OSI_CLTS, _SC_PII_OSI_COTS, _SC_PII_OSI_M, _SC_PII_SOCKET, _SC_PII_XTI, _SC_POLL,
    _SC_PRIORITIZED_IO, _SC_PRIORITY_SCHEDULING, _SC_REALTIME_SIGNALS, _SC_RE_DUP_MAX, _SC_RTSIG_MAX,
    _SC_SAVED_IDS, _SC_SCHAR_MAX, _SC_SCHAR_MIN, _SC_SELECT, _SC_SEMAPHORES, _SC_SEM_NSEMS_MAX, _SC_SEM_VALUE_MAX,
    _SC_SHARED_MEMORY_OBJECTS, _SC_SHRT_MAX, _SC_SHRT_MIN, _SC_SIGQUEUE_MAX, _SC_SSIZE_MAX, _SC_STREAM_MAX,
    _SC_SYNCHRONIZED_IO, _SC_THREADS, _SC_THREAD_ATTR_STACKADDR, _SC_THREAD_ATTR_STACKSIZE,
    _SC_THREAD_DESTRUCTOR_ITERATIONS, _SC_THREAD_KEYS_MAX, _SC_THREAD_PRIORITY_SCHEDULING,
    _SC_THREAD_PRIO_INHERIT, _SC_THREAD_PRIO_PROTECT, _SC_THREAD_PROCESS_SHARED, _SC_THREAD_SAFE_FUNCTIONS,
    _SC_THREAD_STACK_MIN, _SC_THREAD_THREADS_MAX, _SC_TIMERS, _SC_TIMER_MAX, _SC_TTY_NAME_MAX, _SC_TZNAME_MAX,
    _SC_T_IOV_MAX, _SC_UCHAR_MAX, _SC_UINT_MAX, _SC_UIO_MAXIOV, _SC_ULONG_MAX, _SC_USHRT_MAX, _SC_VERSION,
    _SC_WORD_BIT, _SC_XBS5_ILP32_OFF32, _SC_XBS5_ILP32_OFFBIG, _SC_XBS5_LP64_OFF64, _SC_XBS5_LPBIG_OFFBIG,
    _SC_XOPEN_CRYPT, _SC_XOPEN_ENH_I18N, _SC_XOPEN_LEGACY, _SC_XOPEN_REALTIME, _SC_XOPEN_REALTIME_THREADS,
    _SC_XOPEN_SHM, _SC_XOPEN_UNIX, _SC_XOPEN_VERSION, _SC_XOPEN_XCU_VERSION, _SC_XOPEN_XPG2, _SC_XOPEN_XPG3,
    _SC_XOPEN_XPG4,
}

names! { PATHCONF_NAMES:
    _PC_ASYNC_IO, _PC_CHOWN_RESTRICTED, _PC_FILESIZEBITS, _PC_LINK_MAX, _PC_MAX_CANON, _PC_MAX_INPUT,
    _PC_NAME_MAX, _PC_NO_TRUNC, _PC_PATH_MAX, _PC_PIPE_BUF, _PC_PRIO_IO, _PC_SOCK_MAXBUF, _PC_SYNC_IO,
    _PC_VDISABLE,
}

/// confstr names. The libc crate has only _CS_PATH; the others are glibc's
/// fixed values from <bits/confname.h>.
const CONFSTR_NAMES: &[(&str, i32)] = &[
    ("_CS_PATH", libc::_CS_PATH),
    ("_CS_LFS_CFLAGS", 1000),
    ("_CS_LFS_LDFLAGS", 1001),
    ("_CS_LFS_LIBS", 1002),
    ("_CS_LFS_LINTFLAGS", 1003),
    ("_CS_LFS64_CFLAGS", 1004),
    ("_CS_LFS64_LDFLAGS", 1005),
    ("_CS_LFS64_LIBS", 1006),
    ("_CS_LFS64_LINTFLAGS", 1007),
    ("_CS_XBS5_ILP32_OFF32_CFLAGS", 1100),
    ("_CS_XBS5_ILP32_OFF32_LDFLAGS", 1101),
    ("_CS_XBS5_ILP32_OFF32_LIBS", 1102),
    ("_CS_XBS5_ILP32_OFF32_LINTFLAGS", 1103),
    ("_CS_XBS5_ILP32_OFFBIG_CFLAGS", 1104),
    ("_CS_XBS5_ILP32_OFFBIG_LDFLAGS", 1105),
    ("_CS_XBS5_ILP32_OFFBIG_LIBS", 1106),
    ("_CS_XBS5_ILP32_OFFBIG_LINTFLAGS", 1107),
    ("_CS_XBS5_LP64_OFF64_CFLAGS", 1108),
    ("_CS_XBS5_LP64_OFF64_LDFLAGS", 1109),
    ("_CS_XBS5_LP64_OFF64_LIBS", 1110),
    ("_CS_XBS5_LP64_OFF64_LINTFLAGS", 1111),
    ("_CS_XBS5_LPBIG_OFFBIG_CFLAGS", 1112),
    ("_CS_XBS5_LPBIG_OFFBIG_LDFLAGS", 1113),
    ("_CS_XBS5_LPBIG_OFFBIG_LIBS", 1114),
    ("_CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", 1115),
];

fn names_dict(table: &[(&str, i32)]) -> Value {
    let d = crate::objects::dict::new_dict();
    for &(n, v) in table {
        d.set_str(&n[1..], int::new_int(v as i64));
    }
    d.as_value()
}

/// Adds sysconf_names, confstr_names and pathconf_names to the module.
pub fn add_conf_names(d: Gc<DictObj>) {
    d.set_str("sysconf_names", names_dict(SYSCONF_NAMES));
    d.set_str("confstr_names", names_dict(CONFSTR_NAMES));
    d.set_str("pathconf_names", names_dict(PATHCONF_NAMES));
}

/// A configuration name: an int, or a str looked up in `table`.
fn conf_name(v: Value, table: &[(&str, i32)]) -> PyResult<i32> {
    let b = instance::unwrap_base(v);
    if let Some(s) = pystr::as_bytes(b) {
        return table.iter().find(|(n, _)| &n.as_bytes()[1..] == s).map(|&(_, x)| x).ok_or_else(|| value_error("unrecognized configuration name"));
    }
    if int::as_int(b).is_some() || crate::objects::long::as_long(b).is_some() {
        return c_int(v);
    }
    Err(type_error("configuration names must be strings or integers"))
}

fn sysconf(a: &[Value], kw: KwArgs) -> PyResult {
    arity("sysconf", a, kw, 1, 1)?;
    let name = conf_name(a[0], SYSCONF_NAMES)?;
    // -1 is a valid answer ("no limit") unless errno says otherwise.
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::sysconf(name) };
    let e = std::io::Error::last_os_error();
    if r == -1 && e.raw_os_error() != Some(0) {
        return Err(os_error(&e));
    }
    Ok(int::new_int(r as i64))
}

/// `confstr(name)`: a str, or None when the name has no value.
fn confstr(a: &[Value], kw: KwArgs) -> PyResult {
    arity("confstr", a, kw, 1, 1)?;
    let name = conf_name(a[0], CONFSTR_NAMES)?;
    unsafe { *libc::__errno_location() = 0 };
    let len = unsafe { libc::confstr(name, std::ptr::null_mut(), 0) };
    if len == 0 {
        let e = std::io::Error::last_os_error();
        return if e.raw_os_error() == Some(0) { Ok(Value::NONE) } else { Err(os_error(&e)) };
    }
    let mut buf = vec![0u8; len];
    unsafe { libc::confstr(name, buf.as_mut_ptr() as *mut libc::c_char, len) };
    buf.truncate(len - 1);
    Ok(pystr::new_str_owned(buf))
}

/// pathconf/fpathconf: an indefinite limit is -1, as from C.
fn limit_value(r: Option<i64>) -> Value {
    int::new_int(r.unwrap_or(-1))
}

fn pathconf(a: &[Value], kw: KwArgs) -> PyResult {
    arity("pathconf", a, kw, 2, 2)?;
    let p = str_arg(a[0], "pathconf", 1)?;
    let name = conf_name(a[1], PATHCONF_NAMES)?;
    // EINVAL may be the name's fault rather than the path's: no filename then.
    host().pathconf(&path_of(&p), name).map(limit_value).map_err(|e| if e.raw_os_error() == Some(libc::EINVAL) { os_error(&e) } else { os_error_path(&e, &p) })
}

fn fpathconf(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fpathconf", a, kw, 2, 2)?;
    let fd = fd_of(a[0])?;
    let name = conf_name(a[1], PATHCONF_NAMES)?;
    host().fpathconf(fd, name).map(limit_value).map_err(|e| os_error(&e))
}

/// A device number argument (any integer, by `__index__`).
fn dev_arg(v: Value) -> PyResult<u64> {
    Ok(as_index(v)? as u64)
}

fn major(a: &[Value], kw: KwArgs) -> PyResult {
    arity("major", a, kw, 1, 1)?;
    Ok(uint(libc::major(dev_arg(a[0])?) as u64))
}

fn minor(a: &[Value], kw: KwArgs) -> PyResult {
    arity("minor", a, kw, 1, 1)?;
    Ok(uint(libc::minor(dev_arg(a[0])?) as u64))
}

fn makedev(a: &[Value], kw: KwArgs) -> PyResult {
    arity("makedev", a, kw, 2, 2)?;
    let (ma, mi) = (c_int(a[0])?, c_int(a[1])?);
    Ok(uint(libc::makedev(ma as u32, mi as u32)))
}
