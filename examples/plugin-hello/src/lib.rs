//! A toy language as an external plugin: each line of a `.hello` program is
//! a name to greet. It shows the whole plugin contract of vmbench (see
//! `vmcore::registry`): export `vmbench_plugin_entry`, return a static
//! `PluginInfo` whose first field is the ABI version, run programs on request.
//!
//! Build: `cargo build --manifest-path examples/plugin-hello/Cargo.toml`
//! Run:   `vmbench run --plugin target/debug/libplugin_hello.so greet.hello`

use std::ffi::{c_char, c_int, CStr};

#[repr(C)]
pub struct PluginInfo {
    abi_version: u32,
    name: *const c_char,
    extensions: *const c_char,
    run: extern "C" fn(*const PluginRequest) -> c_int,
}

#[repr(C)]
pub struct PluginRequest {
    kind: u32,
    source: *const c_char,
    argc: c_int,
    argv: *const *const c_char,
    jit: c_int,
    jit_threshold: u32,
}

// SAFETY: the pointers in INFO are to static, immutable strings.
unsafe impl Sync for PluginInfo {}

static INFO: PluginInfo = PluginInfo {
    abi_version: abi_version(),
    name: c"hello".as_ptr(),
    extensions: c"hello".as_ptr(),
    run,
};

/// The ABI version this plugin claims; a test build may pretend to be stale.
const fn abi_version() -> u32 {
    match option_env!("PLUGIN_HELLO_ABI") {
        Some(s) if s.len() == 2 && s.as_bytes()[0] == b'9' && s.as_bytes()[1] == b'9' => 99,
        _ => 1,
    }
}

#[no_mangle]
pub extern "C" fn vmbench_plugin_entry() -> *const PluginInfo {
    &INFO
}

extern "C" fn run(req: *const PluginRequest) -> c_int {
    // SAFETY: vmbench passes a valid request with NUL-terminated strings.
    let req = unsafe { &*req };
    let source = unsafe { CStr::from_ptr(req.source) }.to_string_lossy().into_owned();
    let text = if req.kind == 0 {
        match std::fs::read_to_string(&source) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("hello: {source}: {e}");
                return 1;
            }
        }
    } else {
        source
    };
    for name in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        println!("Hello, {name}!");
    }
    0
}
