//! posix: paths, directories and file descriptors.

use super::{fd_of, stat_value, statvfs_value};
use crate::modules::oslib::{c_id, c_int, c_long, fs_decode, os_error, os_error_path, path_arg, path_of};
use crate::objects::args::arity;
use crate::objects::{file, instance, int, list, str as pystr, tuple, unicode};
use crate::runtime::errors::{memory_error, type_error, value_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use std::os::unix::ffi::OsStrExt;
use vmcore::gc::RootedVec;
use vmcore::host::{host, FileTime};
use vmcore::Value;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("fstat", fstat),
    ("statvfs", statvfs),
    ("fstatvfs", fstatvfs),
    ("listdir", listdir),
    ("getcwd", getcwd),
    ("getcwdu", getcwdu),
    ("chdir", chdir),
    ("fchdir", fchdir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("unlink", unlink),
    ("remove", remove),
    ("rename", rename),
    ("link", link),
    ("symlink", symlink),
    ("readlink", readlink),
    ("chmod", chmod),
    ("fchmod", fchmod),
    ("chown", chown),
    ("lchown", lchown),
    ("fchown", fchown),
    ("utime", utime),
    ("access", access),
    ("umask", umask),
    ("mkfifo", mkfifo),
    ("mknod", mknod),
    ("open", open),
    ("read", read),
    ("write", write),
    ("close", close),
    ("closerange", closerange),
    ("lseek", lseek),
    ("dup", dup),
    ("dup2", dup2),
    ("pipe", pipe),
    ("fdopen", fdopen),
    ("isatty", isatty),
    ("ttyname", ttyname),
    ("ftruncate", ftruncate),
    ("fsync", fsync),
    ("fdatasync", fdatasync),
];

/// The single path argument of `name(path)`.
fn one_path(name: &str, a: &[Value], kw: KwArgs) -> PyResult<Vec<u8>> {
    arity(name, a, kw, 1, 1)?;
    path_arg(a[0], name, 1)
}

fn stat(a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path("stat", a, kw)?;
    host().stat(&path_of(&p), true).map(|s| stat_value(&s)).map_err(|e| os_error_path(&e, &p))
}

fn lstat(a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path("lstat", a, kw)?;
    host().stat(&path_of(&p), false).map(|s| stat_value(&s)).map_err(|e| os_error_path(&e, &p))
}

fn fstat(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fstat", a, kw, 1, 1)?;
    host().fstat(c_int(a[0])?).map(|s| stat_value(&s)).map_err(|e| os_error(&e))
}

fn statvfs(a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path("statvfs", a, kw)?;
    host().statvfs(&path_of(&p)).map(|s| statvfs_value(&s)).map_err(|e| os_error_path(&e, &p))
}

fn fstatvfs(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fstatvfs", a, kw, 1, 1)?;
    host().fstatvfs(c_int(a[0])?).map(|s| statvfs_value(&s)).map_err(|e| os_error(&e))
}

/// Decodes a file name as the file-system encoding; undecodable names stay str.
fn fs_unicode(b: &[u8]) -> Value {
    match fs_decode(b) {
        Some(chars) => unicode::new_unicode(chars),
        None => pystr::new_str(b),
    }
}

/// `listdir(path)`: names in directory order, without '.' and '..';
/// unicode names for a unicode path.
fn listdir(a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path("listdir", a, kw)?;
    let want_unicode = unicode::as_unicode(a[0]).is_some();
    let names = host().list_dir(&path_of(&p)).map_err(|e| os_error_path(&e, &p))?;
    let mut out = RootedVec::new();
    for n in names {
        let b = n.as_bytes();
        out.push(if want_unicode { fs_unicode(b) } else { pystr::new_str(b) });
    }
    Ok(list::new_list(out.into_vec()))
}

fn getcwd(a: &[Value], kw: KwArgs) -> PyResult {
    crate::objects::args::noargs("getcwd", a, kw)?;
    host().getcwd().map(|c| pystr::new_str(c.as_bytes())).map_err(|e| os_error(&e))
}

fn getcwdu(a: &[Value], kw: KwArgs) -> PyResult {
    crate::objects::args::noargs("getcwdu", a, kw)?;
    let c = host().getcwd().map_err(|e| os_error(&e))?;
    // An undecodable directory name comes back with replacement characters.
    let chars = fs_decode(c.as_bytes()).unwrap_or_else(|| String::from_utf8_lossy(c.as_bytes()).chars().map(|ch| ch as u32).collect());
    Ok(unicode::new_unicode(chars))
}

fn chdir(a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path("chdir", a, kw)?;
    host().chdir(&path_of(&p)).map_err(|e| os_error_path(&e, &p))?;
    Ok(Value::NONE)
}

fn fchdir(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fchdir", a, kw, 1, 1)?;
    host().fchdir(fd_of(a[0])?).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// `path` and an optional int `mode` defaulting to `default`.
fn path_mode(name: &str, a: &[Value], kw: KwArgs, default: i32) -> PyResult<(Vec<u8>, i32)> {
    arity(name, a, kw, 1, 2)?;
    let p = path_arg(a[0], name, 1)?;
    let mode = match a.get(1) {
        Some(&m) => c_int(m)?,
        None => default,
    };
    Ok((p, mode))
}

fn mkdir(a: &[Value], kw: KwArgs) -> PyResult {
    let (p, mode) = path_mode("mkdir", a, kw, 0o777)?;
    host().mkdir(&path_of(&p), mode as u32).map_err(|e| os_error_path(&e, &p))?;
    Ok(Value::NONE)
}

fn rmdir(a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path("rmdir", a, kw)?;
    host().rmdir(&path_of(&p)).map_err(|e| os_error_path(&e, &p))?;
    Ok(Value::NONE)
}

fn unlink_named(name: &str, a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path(name, a, kw)?;
    host().unlink(&path_of(&p)).map_err(|e| os_error_path(&e, &p))?;
    Ok(Value::NONE)
}

fn unlink(a: &[Value], kw: KwArgs) -> PyResult {
    unlink_named("unlink", a, kw)
}

fn remove(a: &[Value], kw: KwArgs) -> PyResult {
    unlink_named("remove", a, kw)
}

/// Two paths; CPython reports errors of these calls without a filename.
fn two_paths(name: &str, a: &[Value], kw: KwArgs) -> PyResult<(std::path::PathBuf, std::path::PathBuf)> {
    arity(name, a, kw, 2, 2)?;
    Ok((path_of(&path_arg(a[0], name, 1)?), path_of(&path_arg(a[1], name, 2)?)))
}

fn rename(a: &[Value], kw: KwArgs) -> PyResult {
    let (x, y) = two_paths("rename", a, kw)?;
    host().rename(&x, &y).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn link(a: &[Value], kw: KwArgs) -> PyResult {
    let (x, y) = two_paths("link", a, kw)?;
    host().link(&x, &y).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn symlink(a: &[Value], kw: KwArgs) -> PyResult {
    let (x, y) = two_paths("symlink", a, kw)?;
    host().symlink(&x, &y).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// `readlink(path)`: unicode for a unicode path.
fn readlink(a: &[Value], kw: KwArgs) -> PyResult {
    let p = one_path("readlink", a, kw)?;
    let t = host().readlink(&path_of(&p)).map_err(|e| os_error_path(&e, &p))?;
    Ok(if unicode::as_unicode(a[0]).is_some() { fs_unicode(t.as_bytes()) } else { pystr::new_str(t.as_bytes()) })
}

fn chmod(a: &[Value], kw: KwArgs) -> PyResult {
    arity("chmod", a, kw, 2, 2)?;
    let p = path_arg(a[0], "chmod", 1)?;
    host().chmod(&path_of(&p), c_int(a[1])? as u32).map_err(|e| os_error_path(&e, &p))?;
    Ok(Value::NONE)
}

fn fchmod(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fchmod", a, kw, 2, 2)?;
    host().fchmod(c_int(a[0])?, c_int(a[1])? as u32).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn chown_named(name: &str, a: &[Value], kw: KwArgs, follow: bool) -> PyResult {
    arity(name, a, kw, 3, 3)?;
    let p = path_arg(a[0], name, 1)?;
    let (uid, gid) = (c_id(a[1], "user")?, c_id(a[2], "group")?);
    host().chown(&path_of(&p), uid, gid, follow).map_err(|e| os_error_path(&e, &p))?;
    Ok(Value::NONE)
}

fn chown(a: &[Value], kw: KwArgs) -> PyResult {
    chown_named("chown", a, kw, true)
}

fn lchown(a: &[Value], kw: KwArgs) -> PyResult {
    chown_named("lchown", a, kw, false)
}

fn fchown(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fchown", a, kw, 3, 3)?;
    host().fchown(c_int(a[0])?, c_id(a[1], "user")?, c_id(a[2], "group")?).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// A time for utime: an int, or a float split CPython's way (truncated
/// seconds, microseconds of the rest, never negative).
fn utime_part(v: Value) -> PyResult<FileTime> {
    if let Some(f) = crate::objects::float::as_float(instance::unwrap_base(v)) {
        let sec = f.trunc();
        let usec = ((f - sec) * 1e6) as i64;
        return Ok(FileTime { sec: sec as i64, nsec: usec.max(0) * 1000 });
    }
    Ok(FileTime { sec: c_long(v)?, nsec: 0 })
}

/// `utime(path, (atime, mtime))`, or `utime(path, None)` for now.
fn utime(a: &[Value], kw: KwArgs) -> PyResult {
    arity("utime", a, kw, 2, 2)?;
    let p = path_arg(a[0], "utime", 1)?;
    let times = if a[1] == Value::NONE {
        None
    } else {
        match tuple::as_tuple(a[1]) {
            Some(&[at, mt]) => Some((utime_part(at)?, utime_part(mt)?)),
            _ => return Err(type_error("utime() arg 2 must be a tuple (atime, mtime)")),
        }
    };
    host().utime(&path_of(&p), times).map_err(|e| os_error_path(&e, &p))?;
    Ok(Value::NONE)
}

fn access(a: &[Value], kw: KwArgs) -> PyResult {
    arity("access", a, kw, 2, 2)?;
    let p = path_arg(a[0], "access", 1)?;
    Ok(Value::from_bool(host().access(&path_of(&p), c_int(a[1])?)))
}

fn umask(a: &[Value], kw: KwArgs) -> PyResult {
    arity("umask", a, kw, 1, 1)?;
    Ok(int::new_int(host().umask(c_int(a[0])? as u32) as i64))
}

/// mkfifo and mknod report errors without a filename, as CPython does.
fn mkfifo(a: &[Value], kw: KwArgs) -> PyResult {
    let (p, mode) = path_mode("mkfifo", a, kw, 0o666)?;
    host().mknod(&path_of(&p), libc::S_IFIFO | mode as u32, 0).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn mknod(a: &[Value], kw: KwArgs) -> PyResult {
    arity("mknod", a, kw, 1, 3)?;
    let p = path_arg(a[0], "mknod", 1)?;
    let mode = a.get(1).map(|&m| c_int(m)).transpose()?.unwrap_or(0o600);
    let dev = a.get(2).map(|&d| c_int(d)).transpose()?.unwrap_or(0);
    host().mknod(&path_of(&p), mode as u32, dev as u32 as u64).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// `open(path, flags[, mode=0777])` -> a raw descriptor.
fn open(a: &[Value], kw: KwArgs) -> PyResult {
    arity("open", a, kw, 2, 3)?;
    let p = path_arg(a[0], "open", 1)?;
    let flags = c_int(a[1])?;
    let mode = a.get(2).map(|&m| c_int(m)).transpose()?.unwrap_or(0o777);
    let fd = host().open(&path_of(&p), flags, mode as u32).map_err(|e| os_error_path(&e, &p))?;
    Ok(int::new_int(fd as i64))
}

/// `read(fd, n)`: at most n bytes, empty at end of file.
fn read(a: &[Value], kw: KwArgs) -> PyResult {
    arity("read", a, kw, 2, 2)?;
    let fd = c_int(a[0])?;
    let n = c_int(a[1])?;
    if n < 0 {
        return Err(os_error(&std::io::Error::from_raw_os_error(libc::EINVAL)));
    }
    let mut buf = Vec::new();
    buf.try_reserve_exact(n as usize).map_err(|_| memory_error(""))?;
    buf.resize(n as usize, 0);
    let got = host().read(fd, &mut buf).map_err(|e| os_error(&e))?;
    buf.truncate(got);
    Ok(pystr::new_str_owned(buf))
}

/// The bytes of a "s*" argument: str, or unicode in the default encoding.
fn buffer_arg(v: Value, what: &str) -> PyResult<Vec<u8>> {
    let b = instance::unwrap_base(v);
    if let Some(s) = pystr::as_bytes(b) {
        return Ok(s.to_vec());
    }
    if unicode::as_unicode(b).is_some() {
        return unicode::encode_ascii(b);
    }
    Err(type_error(format!("{what} must be string or buffer, not {}", crate::objects::typeobj::type_name(v))))
}

fn write(a: &[Value], kw: KwArgs) -> PyResult {
    arity("write", a, kw, 2, 2)?;
    let fd = c_int(a[0])?;
    let data = buffer_arg(a[1], "write() argument 2")?;
    let n = host().write(fd, &data).map_err(|e| os_error(&e))?;
    Ok(int::new_int(n as i64))
}

fn close(a: &[Value], kw: KwArgs) -> PyResult {
    arity("close", a, kw, 1, 1)?;
    host().close(c_int(a[0])?).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

/// `closerange(lo, hi)`: closes lo <= fd < hi, ignoring errors.
fn closerange(a: &[Value], kw: KwArgs) -> PyResult {
    arity("closerange", a, kw, 2, 2)?;
    let (lo, hi) = (c_int(a[0])?, c_int(a[1])?);
    for fd in lo.max(0)..hi {
        let _ = host().close(fd);
    }
    Ok(Value::NONE)
}

/// `lseek(fd, pos, how)`; like CPython 2.7 it takes a float position too.
fn lseek(a: &[Value], kw: KwArgs) -> PyResult {
    arity("lseek", a, kw, 3, 3)?;
    let fd = c_int(a[0])?;
    let pos = match crate::objects::float::as_float(instance::unwrap_base(a[1])) {
        Some(f) => f as i64,
        None => c_long(a[1])?,
    };
    let how = c_int(a[2])?;
    host().seek(fd, pos, how).map(int::new_int).map_err(|e| os_error(&e))
}

fn dup(a: &[Value], kw: KwArgs) -> PyResult {
    arity("dup", a, kw, 1, 1)?;
    host().dup(c_int(a[0])?).map(|fd| int::new_int(fd as i64)).map_err(|e| os_error(&e))
}

fn dup2(a: &[Value], kw: KwArgs) -> PyResult {
    arity("dup2", a, kw, 2, 2)?;
    host().dup2(c_int(a[0])?, c_int(a[1])?).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn pipe(a: &[Value], kw: KwArgs) -> PyResult {
    crate::objects::args::noargs("pipe", a, kw)?;
    let (r, w) = host().pipe().map_err(|e| os_error(&e))?;
    Ok(tuple::new_tuple(vec![int::new_int(r as i64), int::new_int(w as i64)]))
}

/// `fdopen(fd[, mode='r'[, bufsize]])`: a file object owning `fd`.
fn fdopen(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fdopen", a, kw, 1, 3)?;
    let fd = c_int(a[0])?;
    let mode = match a.get(1) {
        Some(&m) => crate::modules::oslib::str_arg(m, "fdopen", 2)?,
        None => b"r".to_vec(),
    };
    if let Some(&b) = a.get(2) {
        c_int(b)?;
    }
    let m = String::from_utf8_lossy(&mode).into_owned();
    if !matches!(mode.first(), Some(b'r' | b'w' | b'a' | b'U')) {
        return Err(value_error(format!("mode string must begin with one of 'r', 'w', 'a' or 'U', not '{m}'")));
    }
    host().fstat(fd).map_err(|e| os_error(&e))?;
    Ok(file::new_file(fd, "<fdopen>", &m, true).as_value())
}

fn isatty(a: &[Value], kw: KwArgs) -> PyResult {
    arity("isatty", a, kw, 1, 1)?;
    Ok(Value::from_bool(host().isatty(c_int(a[0])?)))
}

fn ttyname(a: &[Value], kw: KwArgs) -> PyResult {
    arity("ttyname", a, kw, 1, 1)?;
    host().ttyname(c_int(a[0])?).map(|n| pystr::new_str(n.as_bytes())).map_err(|e| os_error(&e))
}

fn ftruncate(a: &[Value], kw: KwArgs) -> PyResult {
    arity("ftruncate", a, kw, 2, 2)?;
    host().ftruncate(c_int(a[0])?, c_long(a[1])?).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn fsync(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fsync", a, kw, 1, 1)?;
    host().fsync(fd_of(a[0])?, false).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}

fn fdatasync(a: &[Value], kw: KwArgs) -> PyResult {
    arity("fdatasync", a, kw, 1, 1)?;
    host().fsync(fd_of(a[0])?, true).map_err(|e| os_error(&e))?;
    Ok(Value::NONE)
}
