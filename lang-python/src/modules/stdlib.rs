//! Finding CPython 2.7's pure-Python standard library, which we run
//! unchanged (PyPy's approach): the C parts are our native modules, the rest
//! is CPython's own `lib/python2.7`. Nothing of it is copied into the repo.
//!
//! Search order: `$PY27_HOME`; the prefix of a real `python2.7` on PATH
//! (a pyenv shim is a script, not an install, and is skipped without being
//! run, so start-up spawns no process); pyenv's 2.7 installs; the usual
//! system places.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A prefix is usable when it holds `lib/python2.7/os.py`.
fn lib_of(prefix: &Path) -> Option<PathBuf> {
    let lib = prefix.join("lib").join("python2.7");
    lib.join("os.py").is_file().then_some(lib)
}

fn from_path_python() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let exe = dir.join("python2.7");
        let Ok(real) = std::fs::canonicalize(&exe) else { continue };
        // <prefix>/bin/python2.7
        if let Some(prefix) = real.parent().and_then(Path::parent) {
            if lib_of(prefix).is_some() {
                return Some(prefix.to_path_buf());
            }
        }
    }
    None
}

fn from_pyenv() -> Option<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")))?;
    let mut versions: Vec<PathBuf> = std::fs::read_dir(root.join("versions"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("2.7")))
        .collect();
    // Newest first ("2.7.18" > "2.7.9" numerically).
    versions.sort_by_key(|p| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        std::cmp::Reverse(n.split('.').map(|x| x.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>())
    });
    versions.into_iter().find(|p| lib_of(p).is_some())
}

/// The CPython 2.7 prefix whose `lib/python2.7` we use, found once per process.
pub fn prefix() -> Option<&'static Path> {
    static PREFIX: OnceLock<Option<PathBuf>> = OnceLock::new();
    PREFIX
        .get_or_init(|| {
            if let Some(h) = std::env::var_os("PY27_HOME") {
                let h = PathBuf::from(h);
                return lib_of(&h).is_some().then_some(h);
            }
            from_path_python().or_else(from_pyenv).or_else(|| ["/usr", "/usr/local"].iter().map(PathBuf::from).find(|p| lib_of(p).is_some()))
        })
        .as_deref()
}

/// The directories CPython puts on `sys.path` for its library (minus
/// `lib-dynload`, whose C extensions we cannot load: our native modules
/// stand in for them).
pub fn path_entries() -> Vec<String> {
    let Some(p) = prefix() else { return Vec::new() };
    let lib = p.join("lib").join("python2.7");
    let mut v = vec![lib.clone(), lib.join("plat-linux2"), lib.join("lib-tk"), lib.join("lib-old")];
    v.retain(|d| d.is_dir());
    v.into_iter().map(|d| d.to_string_lossy().into_owned()).collect()
}

/// What to tell a user whose program needs the library when there is none.
pub const MISSING: &str = "vmbench: CPython 2.7's standard library not found; install Python 2.7 (e.g. `pyenv install 2.7.18`) or set PY27_HOME to its prefix";
