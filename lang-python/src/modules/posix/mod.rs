//! The `posix` module: the OS interface CPython's `os` module is built on.
//!
//! Every file, process and environment operation goes through vmcore's
//! host layer (`vmcore::host::host()`), so a sandbox that swaps the host
//! sees all of them; only pure information about the machine (uname,
//! sysconf, times) is read from libc directly. Errors are
//! `OSError(errno, strerror[, filename])` as CPython builds them, with a
//! filename exactly where CPython gives one.
//!
//! The functions live in three files: `files` (paths and descriptors),
//! `process` (processes, ids, wait status) and `system` (machine
//! information and configuration names).

mod files;
mod process;
mod system;

use super::oslib::{c_int, uint};
use crate::objects::module::ModuleObj;
use crate::objects::structseq::{self, Desc};
use crate::objects::{dict, float, int, str as pystr};
use crate::ops;
use crate::runtime::errors::type_error;
use crate::runtime::{types, KwArgs, NativeFn, PyResult};
use std::cell::Cell;
use vmcore::gc::{Gc, RootedVec};
use vmcore::host::{Stat, StatVfs};
use vmcore::Value;

static STAT_RESULT: Desc = Desc {
    name: "posix.stat_result",
    doc: "stat_result: the result of stat, lstat and fstat.\n\nIndexes 0-9 are st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size\nand the access, modification and change times as ints; the times are also\nattributes (floats unless stat_float_times(False)), as are st_blksize,\nst_blocks and st_rdev.",
    fields: &[
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "", "", "", "st_atime", "st_mtime", "st_ctime", "st_blksize",
        "st_blocks", "st_rdev",
    ],
    visible: 10,
    fixup: Some(fill_float_times),
};

/// A stat_result built from Python with no float times takes the integer ones.
fn fill_float_times(f: &mut [Value]) {
    for i in 0..3 {
        if f[10 + i] == Value::NONE {
            f[10 + i] = f[7 + i];
        }
    }
}

static STATVFS_RESULT: Desc = Desc {
    name: "posix.statvfs_result",
    doc: "statvfs_result: the result of statvfs and fstatvfs.",
    fields: &["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax"],
    visible: 10,
    fixup: None,
};

crate::native_type!(stat_result_type, || structseq::make_type(&STAT_RESULT));
crate::native_type!(statvfs_result_type, || structseq::make_type(&STATVFS_RESULT));

thread_local! {
    /// `stat_float_times()`: whether st_atime & co. are floats.
    static FLOAT_TIMES: Cell<bool> = const { Cell::new(true) };
}

/// A stat_result for `s`.
pub fn stat_value(s: &Stat) -> Value {
    let floats = FLOAT_TIMES.with(|c| c.get());
    let mut f = RootedVec::new();
    f.extend([int::new_int(s.mode as i64), uint(s.ino), uint(s.dev), uint(s.nlink), int::new_int(s.uid as i64), int::new_int(s.gid as i64), int::new_int(s.size)]);
    let times = [s.atime, s.mtime, s.ctime];
    for t in times {
        f.push(int::new_int(t.sec));
    }
    for t in times {
        f.push(if floats { float::new_float(t.as_f64()) } else { int::new_int(t.sec) });
    }
    f.extend([int::new_int(s.blksize), int::new_int(s.blocks), uint(s.rdev)]);
    structseq::new(stat_result_type(), &f)
}

pub fn statvfs_value(s: &StatVfs) -> Value {
    let f = RootedVec::from_vec([s.bsize, s.frsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree, s.favail, s.flag, s.namemax].map(uint).to_vec());
    structseq::new(statvfs_result_type(), &f)
}

/// `stat_float_times([newval])`: reports, or sets, whether times are floats.
fn stat_float_times(a: &[Value], kw: KwArgs) -> PyResult {
    crate::objects::args::arity("stat_float_times", a, kw, 0, 1)?;
    match a.first() {
        None => Ok(Value::from_bool(FLOAT_TIMES.with(|c| c.get()))),
        Some(&v) => {
            let on = ops::truthy(v)?;
            FLOAT_TIMES.with(|c| c.set(on));
            Ok(Value::NONE)
        }
    }
}

/// A descriptor argument that may also be an object with `fileno()`
/// (`PyObject_AsFileDescriptor`).
pub fn fd_of(v: Value) -> PyResult<i32> {
    let fd = if int::as_int(v).is_some() || crate::objects::long::as_long(v).is_some() {
        c_int(v)?
    } else if let Some(m) = ops::getattr_opt(v, pystr::intern("fileno"))? {
        let r = ops::call(m, &[], &[])?;
        if int::as_int(r).is_none() && crate::objects::long::as_long(r).is_none() {
            return Err(type_error("fileno() returned a non-integer"));
        }
        c_int(r)?
    } else {
        return Err(type_error("argument must be an int, or have a fileno() method"));
    };
    if fd < 0 {
        return Err(crate::runtime::errors::value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

fn environ() -> Value {
    let d = dict::new_dict();
    for (k, v) in vmcore::host::host().env_vars() {
        use std::os::unix::ffi::OsStrExt;
        // Fresh strs as keys cannot make `set` fail.
        let _ = d.set(pystr::new_str(k.as_bytes()), pystr::new_str(v.as_bytes()));
    }
    d.as_value()
}

pub fn create() -> Gc<ModuleObj> {
    let mut funcs: Vec<(&'static str, NativeFn)> = vec![("stat_float_times", stat_float_times)];
    funcs.extend_from_slice(files::FUNCTIONS);
    funcs.extend_from_slice(process::FUNCTIONS);
    funcs.extend_from_slice(system::FUNCTIONS);
    let m = super::module_with("posix", &funcs);
    let d = m.dict;
    d.set_str("__doc__", pystr::new_str(b"The POSIX operating-system interface; use the os module instead."));
    d.set_str("error", types::os_error());
    d.set_str("environ", environ());
    d.set_str("stat_result", stat_result_type());
    d.set_str("statvfs_result", statvfs_result_type());
    for &(name, v) in CONSTANTS {
        d.set_str(name, int::new_int(v as i64));
    }
    system::add_conf_names(d);
    m
}

const CONSTANTS: &[(&str, i32)] = &[
    ("F_OK", libc::F_OK),
    ("R_OK", libc::R_OK),
    ("W_OK", libc::W_OK),
    ("X_OK", libc::X_OK),
    ("O_RDONLY", libc::O_RDONLY),
    ("O_WRONLY", libc::O_WRONLY),
    ("O_RDWR", libc::O_RDWR),
    ("O_APPEND", libc::O_APPEND),
    ("O_CREAT", libc::O_CREAT),
    ("O_EXCL", libc::O_EXCL),
    ("O_TRUNC", libc::O_TRUNC),
    ("O_NONBLOCK", libc::O_NONBLOCK),
    ("O_NDELAY", libc::O_NDELAY),
    ("O_NOCTTY", libc::O_NOCTTY),
    ("O_SYNC", libc::O_SYNC),
    ("O_DSYNC", libc::O_DSYNC),
    ("O_RSYNC", libc::O_RSYNC),
    ("O_ASYNC", libc::O_ASYNC),
    ("O_DIRECT", libc::O_DIRECT),
    ("O_DIRECTORY", libc::O_DIRECTORY),
    ("O_NOFOLLOW", libc::O_NOFOLLOW),
    ("O_NOATIME", libc::O_NOATIME),
    // CPython's value: what the C headers define O_LARGEFILE as for a 64-bit build.
    ("O_LARGEFILE", 0),
    ("WNOHANG", libc::WNOHANG),
    ("WUNTRACED", libc::WUNTRACED),
    ("WCONTINUED", libc::WCONTINUED),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
];
