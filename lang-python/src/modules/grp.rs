//! The `grp` module: the group database, through the host layer.

use super::oslib::c_id;
use crate::objects::args::{arity, noargs};
use crate::objects::module::ModuleObj;
use crate::objects::structseq::{self, Desc};
use crate::objects::{int, list, str as pystr};
use crate::ops;
use crate::runtime::errors::key_error_msg;
use crate::runtime::{types, KwArgs, PyResult};
use std::os::unix::ffi::OsStrExt;
use vmcore::gc::{Gc, RootedVec};
use vmcore::host::{host, GroupEntry, Lookup};
use vmcore::Value;

static STRUCT_GROUP: Desc = Desc {
    name: "grp.struct_group",
    doc: "struct_group: an entry of the group database (name, password, gid, members).",
    fields: &["gr_name", "gr_passwd", "gr_gid", "gr_mem"],
    visible: 4,
    fixup: None,
};

crate::native_type!(struct_group_type, || structseq::make_type(&STRUCT_GROUP));

fn entry(g: &GroupEntry) -> Value {
    let mut members = RootedVec::new();
    for m in &g.members {
        members.push(pystr::new_str(m.as_bytes()));
    }
    let mut f = RootedVec::new();
    f.push(pystr::new_str(g.name.as_bytes()));
    f.push(pystr::new_str(g.passwd.as_bytes()));
    f.push(int::new_int(g.gid as i64));
    f.push(list::new_list(members.into_vec()));
    structseq::new(struct_group_type(), &f)
}

/// `getgrgid(gid)`: the gid goes through int() first, as in CPython.
fn getgrgid(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getgrgid", a, kw, 1, 1)?;
    let n = ops::call(types::int(), &[a[0]], &[])?;
    let gid = c_id(n, "group")?;
    match host().group(Lookup::Id(gid)) {
        Some(g) => Ok(entry(&g)),
        None => Err(key_error_msg(format!("getgrgid(): gid not found: {gid}"))),
    }
}

/// `getgrnam(name)`: any argument is looked up by its str().
fn getgrnam(a: &[Value], kw: KwArgs) -> PyResult {
    arity("getgrnam", a, kw, 1, 1)?;
    let name = ops::str_bytes(a[0])?;
    let found = if name.contains(&0) { None } else { host().group(Lookup::Name(std::ffi::OsStr::from_bytes(&name))) };
    match found {
        Some(g) => Ok(entry(&g)),
        None => Err(key_error_msg(format!("getgrnam(): name not found: {}", String::from_utf8_lossy(&name)))),
    }
}

fn getgrall(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("getgrall", a, kw)?;
    let mut out = RootedVec::new();
    for g in host().all_groups() {
        out.push(entry(&g));
    }
    Ok(list::new_list(out.into_vec()))
}

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("grp", &[("getgrgid", getgrgid), ("getgrnam", getgrnam), ("getgrall", getgrall)]);
    m.dict.set_str("__doc__", pystr::new_str(b"Access to the group database: getgrgid, getgrnam, getgrall."));
    m.dict.set_str("struct_group", struct_group_type());
    m
}
