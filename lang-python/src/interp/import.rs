//! The import statement: `sys.modules`, native modules, then `.py` files
//! and packages on `sys.path`, with Python 2's implicit relative imports.

use crate::modules::sys;
use crate::objects::module::{as_module, new_module};
use crate::objects::{dict::DictObj, str as pystr};
use crate::ops;
use crate::runtime::errors::import_error;
use crate::runtime::PyResult;
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

/// Imports `fullname` (dotted), returning the leaf module or None if not found.
fn import_full(fullname: &str) -> PyResult<Option<Value>> {
    if let Some(m) = sys::modules().get_str(fullname) {
        return Ok(Some(m));
    }
    let (parent, leaf) = match fullname.rfind('.') {
        Some(i) => (Some(&fullname[..i]), &fullname[i + 1..]),
        None => (None, fullname),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let Some(pm) = import_full(p)? else { return Ok(None) };
            // Importing the parent may have registered the child (os sets sys.modules['os.path']).
            if let Some(m) = sys::modules().get_str(fullname) {
                return Ok(Some(m));
            }
            match ops::getattr_opt(pm, pystr::intern("__path__"))? {
                Some(path) => ops::to_vec(path)?.into_iter().map(s).collect(),
                None => return Ok(None),
            }
        }
        None => {
            if let Some(m) = crate::modules::create(fullname) {
                sys::modules().set_str(fullname, m.as_value());
                return Ok(Some(m.as_value()));
            }
            match sys::get("path") {
                Some(p) => ops::to_vec(p)?.into_iter().map(s).collect(),
                None => Vec::new(),
            }
        }
    };
    for dir in search {
        let base = if dir.is_empty() { std::path::PathBuf::from(".") } else { std::path::PathBuf::from(&dir) };
        let pkg = base.join(leaf);
        let init = pkg.join("__init__.py");
        let host = vmcore::host::host();
        if host.stat(&init, true).map(|st| st.is_file()).unwrap_or(false) {
            let m = new_module(fullname);
            m.dict.set_str("__path__", crate::objects::list::new_list(vec![pystr::new_str(pkg.to_string_lossy().as_bytes())]));
            m.dict.set_str("__package__", pystr::new_str(fullname.as_bytes()));
            return load_source(m, &init, fullname, parent).map(Some);
        }
        let file = base.join(format!("{leaf}.py"));
        if host.stat(&file, true).map(|st| st.is_file()).unwrap_or(false) {
            let m = new_module(fullname);
            return load_source(m, &file, fullname, parent).map(Some);
        }
    }
    Ok(None)
}

fn load_source(m: Gc<crate::objects::module::ModuleObj>, path: &std::path::Path, fullname: &str, parent: Option<&str>) -> PyResult {
    let fname = path.to_string_lossy().into_owned();
    m.dict.set_str("__file__", pystr::new_str(fname.as_bytes()));
    sys::modules().set_str(fullname, m.as_value());
    if let Err(e) = super::exec_file(path, m.dict) {
        let _ = sys::modules().del(pystr::intern(fullname));
        return Err(e);
    }
    let m = sys::modules().get_str(fullname).unwrap_or(m.as_value());
    if let Some(p) = parent {
        if let Some(pm) = sys::modules().get_str(p) {
            let leaf = &fullname[p.len() + 1..];
            ops::setattr(pm, pystr::intern(leaf), m)?;
        }
    }
    Ok(m)
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
