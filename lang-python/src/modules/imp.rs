//! The `imp` module: the import machinery's parts, as `pkgutil`, `runpy`
//! and `reload` use them. Finding and loading are `interp::import`'s own
//! `find_module` / `load_module`, the code the import statement runs.
//!
//! What we can load: our native modules (C_BUILTIN), `.py` files
//! (PY_SOURCE) and package directories (PKG_DIRECTORY). Compiled `.pyc`
//! files would need marshalled code objects and C extensions a C ABI, so
//! `get_suffixes()` lists only `.py`, and loading the others is an
//! ImportError.

use crate::interp::import::{self, Found};
use crate::modules::thread::{self, LockObj};
use crate::objects::args;
use crate::objects::module::{new_module, ModuleObj};
use crate::objects::{add_method, add_static, int::new_int, list, str as pystr, tuple};
use crate::runtime::errors::{import_error, runtime_error, type_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use std::cell::Cell;
use std::path::PathBuf;
use vmcore::gc::{Gc, Root};
use vmcore::Value;

pub const SEARCH_ERROR: i64 = 0;
pub const PY_SOURCE: i64 = 1;
pub const PY_COMPILED: i64 = 2;
pub const C_EXTENSION: i64 = 3;
pub const PY_RESOURCE: i64 = 4;
pub const PKG_DIRECTORY: i64 = 5;
pub const C_BUILTIN: i64 = 6;
pub const PY_FROZEN: i64 = 7;
pub const PY_CODERESOURCE: i64 = 8;
pub const IMP_HOOK: i64 = 9;

/// CPython 2.7's `.pyc` magic number (62211), for tools that write `.pyc` files.
const MAGIC: &[u8] = b"\x03\xf3\r\n";

fn str_arg(func: &str, n: usize, v: Value) -> PyResult<String> {
    pystr::as_bytes(v)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .ok_or_else(|| type_error(format!("{func}() argument {n} must be string, not {}", crate::objects::typeobj::type_name(v))))
}

fn description(suffix: &str, mode: &str, kind: i64) -> Value {
    tuple::new_tuple(vec![pystr::new_str(suffix.as_bytes()), pystr::new_str(mode.as_bytes()), new_int(kind)])
}

/// `find_module(name[, path])` -> (file, pathname, (suffix, mode, type)).
fn find_module(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("find_module", a, kw, 1, 2)?;
    let name = str_arg("find_module", 1, a[0])?;
    let path = a.get(1).copied().filter(|&p| p != Value::NONE);
    let found = import::find_module(&name, path)?.ok_or_else(|| import_error(format!("No module named {name}")))?;
    Ok(match found {
        Found::Builtin => tuple::new_tuple(vec![Value::NONE, pystr::new_str(name.as_bytes()), description("", "", C_BUILTIN)]),
        Found::Package(dir) => tuple::new_tuple(vec![Value::NONE, pystr::new_str(dir.to_string_lossy().as_bytes()), description("", "", PKG_DIRECTORY)]),
        Found::Source(file) => {
            let p = pystr::new_str(file.to_string_lossy().as_bytes());
            let f = crate::objects::file::open(&[p, pystr::new_str(b"U")], &[])?;
            tuple::new_tuple(vec![f, p, description(".py", "U", PY_SOURCE)])
        }
    })
}

/// `load_module(name, file, pathname, (suffix, mode, type))`. A source
/// module is read from `pathname` (the file `find_module` opened on it is
/// left to the caller, who closes it).
fn load_module(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("load_module", a, kw, 4, 4)?;
    let name = str_arg("load_module", 1, a[0])?;
    let pathname = str_arg("load_module", 3, a[2])?;
    let desc = tuple::as_tuple(a[3]).filter(|d| d.len() == 3).ok_or_else(|| {
        let n = tuple::as_tuple(a[3]).map_or(0, |d| d.len());
        type_error(format!("load_module() argument 4 must be sequence of length 3, not {n}"))
    })?;
    let kind = args::index_i64(desc[2])?.ok_or_else(|| type_error("an integer is required"))?;
    let found = match kind {
        PY_SOURCE => Found::Source(PathBuf::from(&pathname)),
        PKG_DIRECTORY => Found::Package(PathBuf::from(&pathname)),
        C_BUILTIN => return import::init_builtin(&name).ok_or_else(|| import_error(format!("Purported builtin module {name} not found"))),
        PY_COMPILED => return Err(import_error(format!("{pathname}: loading compiled (.pyc) modules is not supported"))),
        C_EXTENSION => return Err(import_error(format!("{pathname}: dynamic modules are not supported"))),
        _ => return Err(import_error(format!("Don't know how to import {name} (type code {kind})"))),
    };
    import::load_module(&name, &found)
}

fn load_source(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("load_source", a, kw, 2, 3)?;
    let name = str_arg("load_source", 1, a[0])?;
    let path = str_arg("load_source", 2, a[1])?;
    import::load_module(&name, &Found::Source(PathBuf::from(path)))
}

fn load_package(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("load_package", a, kw, 2, 2)?;
    let name = str_arg("load_package", 1, a[0])?;
    let path = str_arg("load_package", 2, a[1])?;
    import::load_module(&name, &Found::Package(PathBuf::from(path)))
}

fn load_compiled(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("load_compiled", a, kw, 2, 3)?;
    Err(import_error(format!("{}: loading compiled (.pyc) modules is not supported", str_arg("load_compiled", 2, a[1])?)))
}

fn load_dynamic(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("load_dynamic", a, kw, 2, 3)?;
    Err(import_error(format!("{}: dynamic modules are not supported", str_arg("load_dynamic", 2, a[1])?)))
}

fn new_module_fn(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("new_module", a, kw, 1, 1)?;
    Ok(new_module(&str_arg("new_module", 1, a[0])?).as_value())
}

fn get_suffixes(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("get_suffixes", a, kw)?;
    Ok(list::new_list(vec![description(".py", "U", PY_SOURCE)]))
}

fn get_magic(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("get_magic", a, kw)?;
    Ok(pystr::new_str(MAGIC))
}

/// 1 for a native module, -1 for those CPython cannot re-initialise
/// (`sys`, `__builtin__`, `exceptions`), 0 otherwise.
fn is_builtin(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("is_builtin", a, kw, 1, 1)?;
    let name = str_arg("is_builtin", 1, a[0])?;
    let r = if ["sys", "__builtin__", "exceptions"].contains(&name.as_str()) {
        -1
    } else {
        crate::modules::NATIVE.iter().any(|(n, _)| *n == name) as i64
    };
    Ok(new_int(r))
}

fn init_builtin(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("init_builtin", a, kw, 1, 1)?;
    Ok(import::init_builtin(&str_arg("init_builtin", 1, a[0])?).unwrap_or(Value::NONE))
}

// We have no frozen modules.
fn is_frozen(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("is_frozen", a, kw, 1, 1)?;
    str_arg("is_frozen", 1, a[0])?;
    Ok(Value::FALSE)
}
fn init_frozen(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("init_frozen", a, kw, 1, 1)?;
    str_arg("init_frozen", 1, a[0])?;
    Ok(Value::NONE)
}
fn get_frozen_object(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("get_frozen_object", a, kw, 1, 1)?;
    Err(import_error(format!("No such frozen object named {}", str_arg("get_frozen_object", 1, a[0])?)))
}

fn reload(a: &[Value], kw: KwArgs) -> PyResult {
    import::reload(args::one("reload", a, kw)?)
}

// ---- the import lock ----
//
// A reentrant lock that threads take around imports they want atomic
// (CPython's import statement takes it too; ours need not, as green
// threads only switch when one blocks on a lock).

thread_local! {
    static LOCK: std::cell::OnceCell<Root> = const { std::cell::OnceCell::new() };
    /// (owning thread, depth)
    static OWNER: Cell<Option<(i64, u32)>> = const { Cell::new(None) };
}

fn import_lock() -> Gc<LockObj> {
    let v = LOCK.with(|l| l.get_or_init(|| Root::new(thread::new_lock().as_value())).get());
    Gc::<LockObj>::downcast(v).expect("the import lock")
}

fn acquire_lock(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("acquire_lock", a, kw)?;
    let me = thread::current_ident();
    match OWNER.with(|o| o.get()) {
        Some((owner, depth)) if owner == me => OWNER.with(|o| o.set(Some((me, depth + 1)))),
        _ => {
            thread::acquire_lock(import_lock(), true)?;
            OWNER.with(|o| o.set(Some((me, 1))));
        }
    }
    Ok(Value::NONE)
}

fn release_lock(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("release_lock", a, kw)?;
    match OWNER.with(|o| o.get()) {
        Some((owner, depth)) if owner == thread::current_ident() => {
            if depth > 1 {
                OWNER.with(|o| o.set(Some((owner, depth - 1))));
            } else {
                OWNER.with(|o| o.set(None));
                thread::release(import_lock())?;
            }
            Ok(Value::NONE)
        }
        _ => Err(runtime_error("not holding the import lock")),
    }
}

fn lock_held(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("lock_held", a, kw)?;
    Ok(Value::from_bool(OWNER.with(|o| o.get()).is_some()))
}

// ---- NullImporter ----
//
// The `sys.path_importer_cache` entry for a directory entry no importer
// claims: `find_module` finds nothing there.

crate::native_type!(null_importer_type, || {
    let t = crate::modules::new_native_type("imp", "NullImporter", None, true);
    add_static(t, "__new__", null_importer_new);
    add_method(t, "__init__", null_importer_init);
    add_method(t, "find_module", null_importer_find);
    t
});

fn null_importer_new(a: &[Value], _: KwArgs) -> PyResult {
    let cls = crate::objects::typeobj::as_type(a[0]).ok_or_else(|| type_error("NullImporter.__new__(X): X is not a type object"))?;
    Ok(crate::objects::instance::new_instance(cls).as_value())
}

fn null_importer_init(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("NullImporter", &a[1..], kw, 1, 1)?;
    let path = str_arg("NullImporter", 1, a[1])?;
    if path.is_empty() {
        return Err(import_error("empty pathname"));
    }
    if std::path::Path::new(&path).is_dir() {
        return Err(import_error("existing directory"));
    }
    Ok(Value::NONE)
}

fn null_importer_find(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("find_module", &a[1..], kw, 1, 2)?;
    Ok(Value::NONE)
}

pub fn create() -> Gc<ModuleObj> {
    let m = crate::modules::module_with(
        "imp",
        &[
            ("find_module", find_module as NativeFn),
            ("load_module", load_module),
            ("load_source", load_source),
            ("load_package", load_package),
            ("load_compiled", load_compiled),
            ("load_dynamic", load_dynamic),
            ("new_module", new_module_fn),
            ("get_suffixes", get_suffixes),
            ("get_magic", get_magic),
            ("is_builtin", is_builtin),
            ("init_builtin", init_builtin),
            ("is_frozen", is_frozen),
            ("init_frozen", init_frozen),
            ("get_frozen_object", get_frozen_object),
            ("reload", reload),
            ("acquire_lock", acquire_lock),
            ("release_lock", release_lock),
            ("lock_held", lock_held),
        ],
    );
    let d = m.dict;
    for (n, v) in [
        ("SEARCH_ERROR", SEARCH_ERROR),
        ("PY_SOURCE", PY_SOURCE),
        ("PY_COMPILED", PY_COMPILED),
        ("C_EXTENSION", C_EXTENSION),
        ("PY_RESOURCE", PY_RESOURCE),
        ("PKG_DIRECTORY", PKG_DIRECTORY),
        ("C_BUILTIN", C_BUILTIN),
        ("PY_FROZEN", PY_FROZEN),
        ("PY_CODERESOURCE", PY_CODERESOURCE),
        ("IMP_HOOK", IMP_HOOK),
    ] {
        d.set_str(n, new_int(v));
    }
    d.set_str("NullImporter", null_importer_type());
    m
}
