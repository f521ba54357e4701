//! The `pwd` module: the user database, through the host layer.

use super::oslib::{c_long, str_arg};
use crate::objects::args::{arity, noargs};
use crate::objects::module::ModuleObj;
use crate::objects::structseq::{self, Desc};
use crate::objects::{int, list, str as pystr};
use crate::runtime::errors::key_error_msg;
use crate::runtime::{KwArgs, PyResult};
use std::os::unix::ffi::OsStrExt;
use vmcore::gc::{Gc, RootedVec};
use vmcore::host::{host, Lookup, UserEntry};
use vmcore::Value;

static STRUCT_PASSWD: Desc = Desc {
    name: "pwd.struct_passwd",
    doc: "struct_passwd: an entry of the password database (name, password, uid, gid,\ngecos, home directory, shell).",
    fields: &["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"],
    visible: 7,
    fixup: None,
};

crate::native_type!(struct_passwd_type, || structseq::make_type(&STRUCT_PASSWD));

fn entry(u: &UserEntry) -> Value {
    let s = |o: &std::ffi::OsString| pystr::new_str(o.as_bytes());
    let mut f = RootedVec::new();
    f.push(s(&u.name));
    f.push(s(&u.passwd));
    f.push(int::new_int(u.uid as i64));
    f.push(int::new_int(u.gid as i64));
    f.push(s(&u.gecos));
    f.push(s(&u.dir));
    f.push(s(&u.shell));
    structseq::new(struct_passwd_type(), &f)
}

/// `getpwuid(uid)`: KeyError when there is no such user.
fn getpwuid(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getpwuid", a, kw, 1, 1)?;
    let n = match c_long(a[0]) {
        Err(e) if e.matches(crate::runtime::types::overflow_error()) => return Err(key_error_msg("getpwuid(): uid not found")),
        r => r?,
    };
    // uids are unsigned 32-bit; -1 wraps as in C.
    let uid = u32::try_from(n).or_else(|_| i32::try_from(n).map(|x| x as u32)).map_err(|_| key_error_msg("getpwuid(): uid not found"))?;
    match host().user(Lookup::Id(uid)) {
        Some(u) => Ok(entry(&u)),
        None => Err(key_error_msg(format!("getpwuid(): uid not found: {uid}"))),
    }
}

fn getpwnam(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getpwnam", a, kw, 1, 1)?;
    let name = str_arg(a[0], "getpwnam", 1)?;
    match host().user(Lookup::Name(std::ffi::OsStr::from_bytes(&name))) {
        Some(u) => Ok(entry(&u)),
        None => Err(key_error_msg(format!("getpwnam(): name not found: {}", String::from_utf8_lossy(&name)))),
    }
}

fn getpwall(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("getpwall", a, kw)?;
    let mut out = RootedVec::new();
    for u in host().all_users() {
        out.push(entry(&u));
    }
    Ok(list::new_list(out.into_vec()))
}

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("pwd", &[("getpwuid", getpwuid), ("getpwnam", getpwnam), ("getpwall", getpwall)]);
    m.dict.set_str("__doc__", pystr::new_str(b"Access to the password database: getpwuid, getpwnam, getpwall."));
    m.dict.set_str("struct_passwd", struct_passwd_type());
    m.dict.set_str("struct_pwent", struct_passwd_type());
    m
}
