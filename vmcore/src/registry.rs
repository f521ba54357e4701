//! How frontends make themselves known.
//!
//! A frontend crate linked into the `vmbench` binary registers a `Frontend`
//! with `inventory::submit!`; the CLI finds it by name or file extension. A
//! frontend built outside the workspace as a `cdylib` exports the C-ABI
//! symbol `PLUGIN_ENTRY` returning a `PluginInfo`; the CLI loads it with
//! `--plugin PATH` and checks `abi_version` before calling anything else.

use std::ffi::{c_char, c_int};
use std::path::Path;

/// How the user asked to run a program.
pub enum Source<'a> {
    File(&'a Path),
    Code(&'a str),
    /// Interactive prompt.
    Repl,
}

/// Options every frontend receives.
#[derive(Clone, Debug)]
pub struct RunConfig {
    pub jit: bool,
    pub jit_threshold: u32,
    /// The program's own arguments (after the file or `-c CODE`).
    pub args: Vec<String>,
    /// Print the program's bytecode instead of (or before) running it.
    pub disasm: bool,
    /// Print each instruction as it executes.
    pub trace_exec: bool,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig { jit: true, jit_threshold: 1000, args: Vec::new(), disasm: false, trace_exec: false }
    }
}

/// A language frontend linked into vmbench.
pub struct Frontend {
    pub name: &'static str,
    /// File extensions without the dot, used to infer `--lang`.
    pub extensions: &'static [&'static str],
    pub description: &'static str,
    /// Runs a program; returns the process exit status.
    pub run: fn(&RunConfig, Source) -> i32,
}

inventory::collect!(Frontend);

/// Every registered frontend, sorted by name.
pub fn frontends() -> Vec<&'static Frontend> {
    let mut v: Vec<_> = inventory::iter::<Frontend>.into_iter().collect();
    v.sort_by_key(|f| f.name);
    v
}

pub fn find(name: &str) -> Option<&'static Frontend> {
    frontends().into_iter().find(|f| f.name == name)
}

pub fn for_extension(ext: &str) -> Option<&'static Frontend> {
    frontends().into_iter().find(|f| f.extensions.contains(&ext))
}

/// Version of the plugin C ABI this vmbench speaks.
pub const PLUGIN_ABI_VERSION: u32 = 1;
/// Name of the symbol a plugin exports: `extern "C" fn() -> *const PluginInfo`.
pub const PLUGIN_ENTRY: &str = "vmbench_plugin_entry";

/// What a plugin's entry function returns (static for the plugin's lifetime).
#[repr(C)]
pub struct PluginInfo {
    pub abi_version: u32,
    /// NUL-terminated language name.
    pub name: *const c_char,
    /// NUL-terminated, comma-separated file extensions.
    pub extensions: *const c_char,
    /// Runs a program; returns the exit status.
    pub run: extern "C" fn(request: *const PluginRequest) -> c_int,
}

/// A run request passed to a plugin. All strings are NUL-terminated UTF-8.
#[repr(C)]
pub struct PluginRequest {
    /// 0: `source` is a file path; 1: `source` is program text.
    pub kind: u32,
    pub source: *const c_char,
    pub argc: c_int,
    pub argv: *const *const c_char,
    pub jit: c_int,
    pub jit_threshold: u32,
}
