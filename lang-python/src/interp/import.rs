//! The import statement: `sys.modules`, native modules, then `.py` files
//! and packages on `sys.path`, with Python 2's implicit relative imports.
//! `find_module` / `load_module` are also the `imp` module's, and `reload`
//! the builtin's.

use crate::modules::sys;
use crate::objects::module::{as_module, new_module};
use crate::objects::{dict::DictObj, str as pystr};
use crate::ops;
use crate::runtime::errors::import_error;
use crate::runtime::PyResult;
use std::path::{Path, PathBuf};
use vmcore::gc::Gc;
use vmcore::Value;

fn s(v: Value) -> String {
    String::from_utf8_lossy(pystr::as_bytes(v).unwrap_or(b"")).into_owned()
}

/// The package an importing module lives in (for relative imports).
fn package_of(globals: Gc<DictObj>) -> Option<String> {
    let name = s(globals.get_str("__name__")?);
    if globals.get_str("__path__").is_some() {
        return Some(name);
    }
    name.rfind('.').map(|i| name[..i].to_string())
}

/// Where `find_module` found a module (CPython's module types).
pub enum Found {
    /// One of our native modules.
    Builtin,
    /// A package: the directory, which holds an `__init__.py`.
    Package(PathBuf),
    /// A `.py` file.
    Source(PathBuf),
}

/// The search path entries that are strings (CPython skips the others).
fn path_dirs(path: Value) -> PyResult<Vec<String>> {
    Ok(ops::to_vec(path)?.into_iter().filter_map(|d| pystr::as_bytes(d).map(|b| String::from_utf8_lossy(b).into_owned())).collect())
}

/// Finds module `name` (one name, no dots) as CPython's `find_module`: with
/// no `path`, a native module or else on `sys.path`; otherwise in the
/// directories of `path`. In each directory a package comes first, then
/// `name.py`. Ok(None) when there is none.
pub fn find_module(name: &str, path: Option<Value>) -> PyResult<Option<Found>> {
    let dirs = match path {
        Some(p) => path_dirs(p)?,
        None if crate::modules::NATIVE.iter().any(|(n, _)| *n == name) => return Ok(Some(Found::Builtin)),
        None => match sys::get("path") {
            Some(p) => path_dirs(p)?,
            None => Vec::new(),
        },
    };
    let host = vmcore::host::host();
    let is_file = |p: &Path| host.stat(p, true).map(|st| st.is_file()).unwrap_or(false);
    for dir in dirs {
        let base = if dir.is_empty() { PathBuf::from(".") } else { PathBuf::from(&dir) };
        let pkg = base.join(name);
        if is_file(&pkg.join("__init__.py")) {
            return Ok(Some(Found::Package(pkg)));
        }
        let file = base.join(format!("{name}.py"));
        if is_file(&file) {
            return Ok(Some(Found::Source(file)));
        }
    }
    Ok(None)
}

/// The native module `name`, made (and put in `sys.modules`) on first use;
/// None when we have no such module.
pub fn init_builtin(name: &str) -> Option<Value> {
    if let Some(m) = sys::modules().get_str(name) {
        if crate::modules::NATIVE.iter().any(|(n, _)| *n == name) {
            return Some(m);
        }
    }
    let m = crate::modules::create(name)?.as_value();
    sys::modules().set_str(name, m);
    Some(m)
}

/// Loads what `find_module` found as module `fullname`: into the module
/// `sys.modules` already has under that name (so loading again reloads),
/// else into a new one. On error the name is removed from `sys.modules`,
/// as CPython does.
pub fn load_module(fullname: &str, found: &Found) -> PyResult {
    let (file, package_dir) = match found {
        Found::Builtin => return init_builtin(fullname).ok_or_else(|| import_error(format!("No module named {fullname}"))),
        Found::Package(dir) => (dir.join("__init__.py"), Some(dir)),
        Found::Source(file) => (file.clone(), None),
    };
    let m = match sys::modules().get_str(fullname).and_then(as_module) {
        Some(m) => m,
        None => {
            let m = new_module(fullname);
            sys::modules().set_str(fullname, m.as_value());
            m
        }
    };
    if let Some(dir) = package_dir {
        m.dict.set_str("__path__", crate::objects::list::new_list(vec![pystr::new_str(dir.to_string_lossy().as_bytes())]));
    }
    m.dict.set_str("__file__", pystr::new_str(file.to_string_lossy().as_bytes()));
    if let Err(e) = super::exec_file(&file, m.dict) {
        let _ = sys::modules().del(pystr::intern(fullname));
        return Err(e);
    }
    Ok(sys::modules().get_str(fullname).unwrap_or(m.as_value()))
}

/// Imports `fullname` (dotted), returning the leaf module or None if not found.
fn import_full(fullname: &str) -> PyResult<Option<Value>> {
    if let Some(m) = sys::modules().get_str(fullname) {
        return Ok(Some(m));
    }
    let (parent, leaf) = match fullname.rfind('.') {
        Some(i) => (Some(&fullname[..i]), &fullname[i + 1..]),
        None => (None, fullname),
    };
    let parent = match parent {
        Some(p) => match import_full(p)? {
            Some(pm) => Some(pm),
            None => return Ok(None),
        },
        None => None,
    };
    // Importing the parent may have registered the child (os sets sys.modules['os.path']).
    if let Some(m) = sys::modules().get_str(fullname) {
        return Ok(Some(m));
    }
    let path = match parent {
        Some(pm) => match ops::getattr_opt(pm, pystr::intern("__path__"))? {
            Some(path) => Some(path),
            None => return Ok(None),
        },
        None => None,
    };
    let Some(found) = find_module(leaf, path)? else { return Ok(None) };
    let m = load_module(fullname, &found)?;
    // A submodule becomes an attribute of its package.
    if let Some(pm) = parent {
        ops::setattr(pm, pystr::intern(leaf), m)?;
    }
    Ok(Some(m))
}

/// `reload(module)`: finds the module again where an import would (its
/// parent package's `__path__`, or `sys.path`) and re-executes it in the
/// same module object. Native modules are returned as they are.
pub fn reload(m: Value) -> PyResult {
    let md = as_module(m).ok_or_else(|| crate::runtime::errors::type_error("reload() argument must be module"))?;
    let name = md.dict.get_str("__name__").map(s).unwrap_or_default();
    if sys::modules().get_str(&name) != Some(m) {
        return Err(import_error(format!("reload(): module {name} not in sys.modules")));
    }
    let (path, leaf) = match name.rfind('.') {
        Some(i) => {
            let parent = &name[..i];
            let pm = sys::modules().get_str(parent).ok_or_else(|| import_error(format!("reload(): parent {parent} not in sys.modules")))?;
            (ops::getattr_opt(pm, pystr::intern("__path__"))?, &name[i + 1..])
        }
        None => (None, name.as_str()),
    };
    let found = find_module(leaf, path)?.ok_or_else(|| import_error(format!("No module named {leaf}")))?;
    load_module(&name, &found).inspect_err(|_| sys::modules().set_str(&name, m))
}

/// IMPORT_NAME: returns the top package (no fromlist) or the leaf module.
pub fn import_name(name: Value, globals: Gc<DictObj>, fromlist: Value, level: Value) -> PyResult {
    let name = s(name);
    let level = crate::objects::int::as_int(level).unwrap_or(-1);
    // Any non-empty sequence (`__import__` callers pass lists).
    let from_items = if fromlist == Value::NONE { Vec::new() } else { ops::to_vec(fromlist)? };
    let has_from = !from_items.is_empty();
    // Explicit relative imports: strip `level` components from the package.
    let base = if level > 0 {
        let mut pkg = package_of(globals).ok_or_else(|| crate::runtime::errors::value_error("Attempted relative import in non-package"))?;
        for _ in 1..level {
            match pkg.rfind('.') {
                Some(i) => pkg.truncate(i),
                None => return Err(crate::runtime::errors::value_error("Attempted relative import beyond toplevel package")),
            }
        }
        Some(pkg)
    } else {
        None
    };
    let resolved = match (&base, level) {
        (Some(b), _) => if name.is_empty() { b.clone() } else { format!("{b}.{name}") },
        (None, -1) => {
            // Python 2: try inside the current package first.
            match package_of(globals) {
                Some(p) if !name.is_empty() => {
                    let cand = format!("{p}.{name}");
                    if import_full(&cand)?.is_some() { cand } else { name.clone() }
                }
                _ => name.clone(),
            }
        }
        _ => name.clone(),
    };
    let leaf = import_full(&resolved)?.ok_or_else(|| import_error(format!("No module named {}", name.rsplit('.').next().unwrap_or(&name))))?;
    if has_from {
        // `from pkg import submodule` loads submodules named in the fromlist.
        if ops::getattr_opt(leaf, pystr::intern("__path__"))?.is_some() {
            for &item in &from_items {
                let it = s(item);
                if it != "*" && ops::getattr_opt(leaf, pystr::intern(&it))?.is_none() {
                    import_full(&format!("{resolved}.{it}"))?;
                }
            }
        }
        return Ok(leaf);
    }
    // `import a.b.c` binds `a`.
    let prefix = &resolved[..resolved.len() - name.len()];
    let top_name = format!("{prefix}{}", name.split('.').next().unwrap_or(&name));
    Ok(sys::modules().get_str(&top_name).unwrap_or(leaf))
}

pub fn import_from(m: Value, name: Value) -> PyResult {
    match ops::getattr_opt(m, name)? {
        Some(v) => Ok(v),
        None => Err(import_error(format!("cannot import name {}", s(name)))),
    }
}

pub fn import_star(m: Value, locals: Value) -> PyResult<()> {
    let md = match as_module(m) {
        Some(mm) => mm.dict,
        None => return Ok(()),
    };
    let names: Vec<Value> = match md.get_str("__all__") {
        Some(all) => ops::to_vec(all)?,
        None => md.items().into_iter().map(|(k, _)| k).filter(|k| !pystr::as_bytes(*k).is_some_and(|b| b.starts_with(b"_"))).collect(),
    };
    let names = vmcore::gc::RootedVec::from_vec(names);
    for &n in names.iter() {
        let v = ops::getattr(m, pystr::intern_value(n))?;
        ops::setitem(locals, n, v)?;
    }
    Ok(())
}
