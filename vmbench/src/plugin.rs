//! Frontends built outside the workspace, loaded from a shared library.
//!
//! The library exports `vmcore::registry::PLUGIN_ENTRY`, a C function that
//! returns a static `PluginInfo`. We check the ABI version before touching
//! anything else in it, so a stale plugin is refused with a message instead
//! of crashing.

use std::ffi::{c_char, CStr, CString};
use std::path::Path;
use vmcore::registry::{PluginInfo, PluginRequest, RunConfig, PLUGIN_ABI_VERSION, PLUGIN_ENTRY};

pub struct Plugin {
    pub name: String,
    pub extensions: Vec<String>,
    info: &'static PluginInfo,
    // Keeps the code mapped for as long as `info` is used.
    _lib: libloading::Library,
}

impl Plugin {
    pub fn load(path: &Path) -> Result<Plugin, String> {
        if !path.exists() {
            return Err(format!("{}: no such plugin file", path.display()));
        }
        // SAFETY: loading runs the library's initialisers; that is the contract of --plugin.
        let lib = unsafe { libloading::Library::new(path) }.map_err(|e| format!("{}: not a loadable plugin ({})", path.display(), first_line(&e.to_string())))?;
        let entry: libloading::Symbol<extern "C" fn() -> *const PluginInfo> = unsafe { lib.get(PLUGIN_ENTRY.as_bytes()) }
            .map_err(|_| format!("{}: not a vmbench plugin (no {PLUGIN_ENTRY} symbol)", path.display()))?;
        let info = entry();
        if info.is_null() {
            return Err(format!("{}: plugin entry returned nothing", path.display()));
        }
        // SAFETY: the entry returns a pointer to a static PluginInfo; the version field comes first.
        let info: &'static PluginInfo = unsafe { &*info };
        if info.abi_version != PLUGIN_ABI_VERSION {
            return Err(format!(
                "{}: plugin ABI version {} is not supported (this vmbench speaks version {PLUGIN_ABI_VERSION})",
                path.display(),
                info.abi_version
            ));
        }
        let cstr = |p: *const c_char| -> Result<String, String> {
            if p.is_null() {
                return Err(format!("{}: malformed plugin (missing name)", path.display()));
            }
            // SAFETY: ABI v1 strings are NUL-terminated and static.
            Ok(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
        };
        let name = cstr(info.name)?;
        let extensions = cstr(info.extensions)?.split(',').map(|s| s.trim().trim_start_matches('.').to_string()).filter(|s| !s.is_empty()).collect();
        Ok(Plugin { name, extensions, info, _lib: lib })
    }

    /// kind 0: `source` is a file path; kind 1: program text.
    pub fn run(&self, kind: u32, source: &str, cfg: &RunConfig) -> i32 {
        let Ok(src) = CString::new(source) else {
            eprintln!("vmbench: program text contains a NUL byte");
            return 2;
        };
        let args: Vec<CString> = cfg.args.iter().map(|a| CString::new(a.as_str()).unwrap_or_default()).collect();
        let argv: Vec<*const c_char> = args.iter().map(|a| a.as_ptr()).collect();
        let req = PluginRequest {
            kind,
            source: src.as_ptr(),
            argc: argv.len() as i32,
            argv: argv.as_ptr(),
            jit: cfg.jit as i32,
            jit_threshold: cfg.jit_threshold,
        };
        (self.info.run)(&req)
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}
