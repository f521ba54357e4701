//! The `resource` module: resource limits (through the host layer, as a
//! sandbox must control them) and resource usage of this process and its
//! children (read from libc).

use super::oslib::{c_int, c_long, errno_error, new_exception};
use crate::objects::args::{arity, noargs};
use crate::objects::module::ModuleObj;
use crate::objects::structseq::{self, Desc};
use crate::objects::{float, int, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::value_error;
use crate::runtime::{types, KwArgs, PyResult};
use vmcore::gc::{Gc, RootedVec};
use vmcore::host::host;
use vmcore::Value;

static STRUCT_RUSAGE: Desc = Desc {
    name: "resource.struct_rusage",
    doc: "struct_rusage: the result of getrusage(): user and system time as floats,\nthen the other getrusage(2) counters.",
    fields: &[
        "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
        "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
    ],
    visible: 16,
    fixup: None,
};

crate::native_type!(struct_rusage_type, || structseq::make_type(&STRUCT_RUSAGE));
crate::native_type!(resource_error, || new_exception("resource", "error", types::exception()));

/// Limits are reported as C's signed `long long`, so RLIM_INFINITY is -1.
fn limit_value(x: u64) -> Value {
    int::new_int(x as i64)
}

/// How many resources Linux has (RLIM_NLIMITS of its headers).
const NLIMITS: i32 = 16;

fn resource_arg(v: Value) -> PyResult<i32> {
    let r = c_int(v)?;
    if !(0..NLIMITS).contains(&r) {
        return Err(value_error("invalid resource specified"));
    }
    Ok(r)
}

fn getrlimit(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getrlimit", a, kw, 1, 1)?;
    let r = resource_arg(a[0])?;
    let (cur, max) = host().rlimit(r, None).map_err(|e| errno_error(resource_error(), e.raw_os_error().unwrap_or(libc::EINVAL), None))?;
    Ok(tuple::new_tuple(vec![limit_value(cur), limit_value(max)]))
}

/// `setrlimit(resource, (soft, hard))`.
fn setrlimit(a: &[Value], kw: KwArgs) -> PyResult {
    arity("setrlimit", a, kw, 2, 2)?;
    let r = resource_arg(a[0])?;
    let pair = RootedVec::from_vec(ops::to_vec(a[1])?);
    if pair.len() != 2 {
        return Err(value_error("expected a tuple of 2 integers"));
    }
    let (cur, max) = (c_long(pair[0])? as u64, c_long(pair[1])? as u64);
    match host().rlimit(r, Some((cur, max))) {
        Ok(_) => Ok(Value::NONE),
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => Err(value_error("current limit exceeds maximum limit")),
        Err(e) if e.raw_os_error() == Some(libc::EPERM) => Err(value_error("not allowed to raise maximum limit")),
        Err(e) => Err(errno_error(resource_error(), e.raw_os_error().unwrap_or(libc::EIO), None)),
    }
}

fn getrusage(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getrusage", a, kw, 1, 1)?;
    let who = c_int(a[0])?;
    // SAFETY: rusage is plain data, filled by the call.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(who, &mut u) } != 0 {
        return Err(value_error("invalid who parameter"));
    }
    let secs = |t: libc::timeval| float::new_float(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6);
    let mut f = RootedVec::new();
    f.push(secs(u.ru_utime));
    f.push(secs(u.ru_stime));
    let counts = [u.ru_maxrss, u.ru_ixrss, u.ru_idrss, u.ru_isrss, u.ru_minflt, u.ru_majflt, u.ru_nswap, u.ru_inblock, u.ru_oublock, u.ru_msgsnd, u.ru_msgrcv, u.ru_nsignals, u.ru_nvcsw, u.ru_nivcsw];
    f.extend(counts.map(int::new_int));
    Ok(structseq::new(struct_rusage_type(), &f))
}

fn getpagesize(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("getpagesize", a, kw)?;
    Ok(int::new_int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("resource", &[("getrlimit", getrlimit), ("setrlimit", setrlimit), ("getrusage", getrusage), ("getpagesize", getpagesize)]);
    let d = m.dict;
    d.set_str("__doc__", pystr::new_str(b"Resource limits (getrlimit, setrlimit) and usage (getrusage)."));
    d.set_str("error", resource_error());
    d.set_str("struct_rusage", struct_rusage_type());
    let consts = [
        ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
        ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
        ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
        ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
        ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
        ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
        ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
        ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
        ("RLIMIT_AS", libc::RLIMIT_AS as i64),
        ("RLIM_INFINITY", libc::RLIM_INFINITY as i64),
        ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
        ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
    ];
    for (name, v) in consts {
        d.set_str(name, int::new_int(v));
    }
    m
}
