//! posix: processes, their ids and environment, and wait statuses.

use crate::modules::oslib::{c_id, c_int, os_error, path_arg, path_of, str_arg};
use crate::objects::args::{arity, noargs};
use crate::objects::{int, list, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use std::ffi::OsString;
use std::io;
use vmcore::gc::RootedVec;
use vmcore::host::{host, os_string, ProcessId};
use vmcore::Value;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getpid", getpid),
    ("getppid", getppid),
    ("getpgrp", getpgrp),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("setuid", setuid),
    ("seteuid", seteuid),
    ("setgid", setgid),
    ("setegid", setegid),
    ("getgroups", getgroups),
    ("getlogin", getlogin),
    ("getpgid", getpgid),
    ("setpgid", setpgid),
    ("setpgrp", setpgrp),
    ("getsid", getsid),
    ("setsid", setsid),
    ("nice", nice),
    ("kill", kill),
    ("killpg", killpg),
    ("_exit", exit),
    ("fork", fork),
    ("execv", execv),
    ("execve", execve),
    ("waitpid", waitpid),
    ("wait", wait),
    ("system", system),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("WIFEXITED", wifexited),
    ("WEXITSTATUS", wexitstatus),
    ("WIFSIGNALED", wifsignaled),
    ("WTERMSIG", wtermsig),
    ("WIFSTOPPED", wifstopped),
    ("WSTOPSIG", wstopsig),
    ("WIFCONTINUED", wifcontinued),
    ("WCOREDUMP", wcoredump),
];

fn einval() -> io::Error {
    io::Error::from_raw_os_error(libc::EINVAL)
}

macro_rules! id_getters {
    ($($name:ident => $which:ident),* $(,)?) => {
        $(
            fn $name(a: &[Value], kw: KwArgs) -> PyResult {
                noargs(stringify!($name), a, kw)?;
                Ok(int::new_int(host().process_id(ProcessId::$which) as i64))
            }
        )*
    };
}

id_getters! {
    getpid => Pid, getppid => ParentPid, getpgrp => ProcessGroup,
    getuid => Uid, geteuid => EffectiveUid, getgid => Gid, getegid => EffectiveGid,
}

macro_rules! id_setters {
    ($($name:ident => $which:ident, $what:literal),* $(,)?) => {
        $(
            fn $name(a: &[Value], kw: KwArgs) -> PyResult {
                arity(stringify!($name), a, kw, 1, 1)?;
                host().set_process_id(ProcessId::$which, c_id(a[0], $what)?).map_err(|e| os_error(&e))?;
                Ok(Value::NONE)
            }
        )*
    };
}

id_setters! {
    setuid => Uid, "user", seteuid => EffectiveUid, "user", setgid => Gid, "group", setegid => EffectiveGid, "group",
}

fn getgroups(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("getgroups", a, kw)?;
    let g = host().groups().map_err(|e| os_error(&e))?;
    Ok(list::new_list(g.into_iter().map(|x| int::new_int(x as i64)).collect()))
}

fn getlogin(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("getlogin", a, kw)?;
    match host().login_name() {
        Ok(n) => Ok(pystr::new_str(std::os::unix::ffi::OsStrExt::as_bytes(n.as_os_str()))),
        Err(e) if e.raw_os_error() == Some(0) => Err(crate::runtime::errors::os_error("unable to determine login name")),
        Err(e) => Err(os_error(&e)),
    }
}

fn getpgid(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getpgid", a, kw, 1, 1)?;
    host().getpgid(c_int(a[0])?).map(|p| int::new_int(p as i64)).map_err(|e| os_error(&e))
}

fn setpgid(a: &[Value], kw: KwArgs) -> PyResult {
    arity("setpgid", a, kw, 2, 2)?;
    host().setpgid(c_int(a[0])?, c_int(a[1])?).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn setpgrp(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("setpgrp", a, kw)?;
    host().setpgid(0, 0).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn getsid(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getsid", a, kw, 1, 1)?;
    host().getsid(c_int(a[0])?).map(|p| int::new_int(p as i64)).map_err(|e| os_error(&e))
}

fn setsid(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("setsid", a, kw)?;
    host().setsid().map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn nice(a: &[Value], kw: KwArgs) -> PyResult {
    arity("nice", a, kw, 1, 1)?;
    host().nice(c_int(a[0])?).map(|n| int::new_int(n as i64)).map_err(|e| os_error(&e))
}

fn kill(a: &[Value], kw: KwArgs) -> PyResult {
    arity("kill", a, kw, 2, 2)?;
    host().kill(c_int(a[0])?, c_int(a[1])?).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// `killpg(pgid, sig)`: kill(-pgid), which for pgid 0 is our own group.
fn killpg(a: &[Value], kw: KwArgs) -> PyResult {
    arity("killpg", a, kw, 2, 2)?;
    let (pg, sig) = (c_int(a[0])?, c_int(a[1])?);
    let r = if pg < 0 { Err(einval()) } else { host().kill(-pg, sig) };
    r.map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// `_exit(n)`: ends the process at once, with no cleanup and no flushing.
fn exit(a: &[Value], kw: KwArgs) -> PyResult {
    arity("_exit", a, kw, 1, 1)?;
    host().exit(c_int(a[0])?)
}

fn fork(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("fork", a, kw)?;
    let pid = host().fork().map_err(|e| os_error(&e))?;
    if pid == 0 {
        crate::interp::state::after_fork();
    }
    Ok(int::new_int(pid as i64))
}

/// The argument vector of execv/execve: a non-empty tuple or list of paths.
fn exec_args(name: &str, v: Value) -> PyResult<Vec<OsString>> {
    let items = match (tuple::as_tuple(v), list::as_list(v)) {
        (Some(t), _) => t.to_vec(),
        (None, Some(l)) => l.v().clone(),
        _ => return Err(type_error(format!("{name}() arg 2 must be a tuple or list"))),
    };
    let items = RootedVec::from_vec(items);
    if items.is_empty() {
        return Err(value_error(format!("{name}() arg 2 must not be empty")));
    }
    items
        .iter()
        .map(|&x| path_arg(x, name, 2).map(|b| os_string(&b)).map_err(|_| type_error(format!("{name}() arg 2 must contain only strings"))))
        .collect()
}

fn execv(a: &[Value], kw: KwArgs) -> PyResult {
    arity("execv", a, kw, 2, 2)?;
    let p = path_arg(a[0], "execv", 1)?;
    let argv = exec_args("execv", a[1])?;
    Err(os_error(&host().execve(&path_of(&p), &argv, None)))
}

/// `execve(path, args, env)`: env is any mapping of str to str.
fn execve(a: &[Value], kw: KwArgs) -> PyResult {
    arity("execve", a, kw, 3, 3)?;
    let p = path_arg(a[0], "execve", 1)?;
    let argv = exec_args("execve", a[1])?;
    let env = a[2];
    if ops::lookup_special(env, "__getitem__").is_none() {
        return Err(type_error("execve() arg 3 must be a mapping object"));
    }
    let keys = RootedVec::from_vec(ops::to_vec(ops::call_method(env, "keys", &[])?)?);
    let mut envp = Vec::with_capacity(keys.len());
    for &k in keys.iter() {
        let v = ops::getitem(env, k)?;
        let kb = str_arg(k, "execve", 3).map_err(|_| type_error("execve() arg 3 contains a non-string key"))?;
        let vb = str_arg(v, "execve", 3).map_err(|_| type_error("execve() arg 3 contains a non-string value"))?;
        let mut entry = kb;
        entry.push(b'=');
        entry.extend_from_slice(&vb);
        envp.push(os_string(&entry));
    }
    Err(os_error(&host().execve(&path_of(&p), &argv, Some(&envp))))
}

fn status_pair(pid: i32, status: i32) -> Value {
    tuple::new_tuple(vec![int::new_int(pid as i64), int::new_int(status as i64)])
}

fn waitpid(a: &[Value], kw: KwArgs) -> PyResult {
    arity("waitpid", a, kw, 2, 2)?;
    let (pid, status) = host().waitpid(c_int(a[0])?, c_int(a[1])?).map_err(|e| os_error(&e))?;
    Ok(status_pair(pid, status))
}

fn wait(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("wait", a, kw)?;
    let (pid, status) = host().waitpid(-1, 0).map_err(|e| os_error(&e))?;
    Ok(status_pair(pid, status))
}

/// `system(command)`: runs it with /bin/sh, returns the raw wait status.
fn system(a: &[Value], kw: KwArgs) -> PyResult {
    arity("system", a, kw, 1, 1)?;
    let cmd = str_arg(a[0], "system", 1)?;
    host().system(&os_string(&cmd)).map(|s| int::new_int(s as i64)).map_err(|e| os_error(&e))
}

fn putenv(a: &[Value], kw: KwArgs) -> PyResult {
    arity("putenv", a, kw, 2, 2)?;
    let (k, v) = (str_arg(a[0], "putenv", 1)?, str_arg(a[1], "putenv", 2)?);
    if k.is_empty() || k.contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    host().set_env_var(&os_string(&k), Some(&os_string(&v)));
    Ok(Value::NONE)
}

fn unsetenv(a: &[Value], kw: KwArgs) -> PyResult {
    arity("unsetenv", a, kw, 1, 1)?;
    let k = str_arg(a[0], "unsetenv", 1)?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(os_error(&einval()));
    }
    host().set_env_var(&os_string(&k), None);
    Ok(Value::NONE)
}

macro_rules! wait_status {
    ($($name:ident, $py:literal => $f:expr, $as_bool:expr;)*) => {
        $(
            fn $name(a: &[Value], kw: KwArgs) -> PyResult {
                arity($py, a, kw, 1, 1)?;
                let status = c_int(a[0])?;
                let f: fn(i32) -> i32 = $f;
                let r = f(status);
                Ok(if $as_bool { Value::from_bool(r != 0) } else { int::new_int(r as i64) })
            }
        )*
    };
}

wait_status! {
    wifexited, "WIFEXITED" => |s| libc::WIFEXITED(s) as i32, true;
    wexitstatus, "WEXITSTATUS" => |s| libc::WEXITSTATUS(s), false;
    wifsignaled, "WIFSIGNALED" => |s| libc::WIFSIGNALED(s) as i32, true;
    wtermsig, "WTERMSIG" => |s| libc::WTERMSIG(s), false;
    wifstopped, "WIFSTOPPED" => |s| libc::WIFSTOPPED(s) as i32, true;
    wstopsig, "WSTOPSIG" => |s| libc::WSTOPSIG(s), false;
    wifcontinued, "WIFCONTINUED" => |s| libc::WIFCONTINUED(s) as i32, true;
    wcoredump, "WCOREDUMP" => |s| libc::WCOREDUMP(s) as i32, true;
}
