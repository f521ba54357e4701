//! The command line's error paths: every user mistake is one line on stderr
//! and exit status 2, never a panic; and the plugin contract end to end.

use std::path::{Path, PathBuf};
use std::process::Command;

fn vmbench(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vmbench")).args(args).output().expect("run vmbench");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn assert_usage_error(args: &[&str], needle: &str) {
    let (code, _, err) = vmbench(args);
    assert_eq!(code, 2, "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?} must print one line, got: {err}");
    assert!(err.contains(needle), "{args:?}: {err}");
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vmbench-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn langs_lists_python() {
    let (code, out, _) = vmbench(&["langs"]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("python")), "{out}");
}

#[test]
fn unknown_language() {
    assert_usage_error(&["run", "--lang", "cobol", "-c", "x"], "unknown language 'cobol'");
}

#[test]
fn missing_file() {
    assert_usage_error(&["run", "--lang", "python", "/nonexistent/prog.py"], "no such file");
}

#[test]
fn unreadable_file() {
    let dir = tmp("a-directory.py");
    std::fs::create_dir_all(&dir).unwrap();
    assert_usage_error(&["run", dir.to_str().unwrap()], "is a directory");
}

#[test]
fn uninferable_language() {
    let f = tmp("prog.unknownext");
    std::fs::write(&f, "x").unwrap();
    assert_usage_error(&["run", f.to_str().unwrap()], "cannot tell the language");
}

#[test]
fn bad_jit_setting() {
    let (code, _, err) = vmbench(&["run", "--lang", "python", "--jit", "maybe", "-c", "pass"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn not_a_plugin() {
    let f = tmp("garbage.so");
    std::fs::write(&f, b"this is not a shared library").unwrap();
    assert_usage_error(&["run", "--plugin", f.to_str().unwrap(), "-c", "x"], "not a loadable plugin");
    assert_usage_error(&["run", "--plugin", "/nonexistent/plugin.so", "-c", "x"], "no such plugin file");
}

/// Builds examples/plugin-hello (optionally claiming another ABI version).
fn build_plugin(abi: Option<&str>) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let target = root.join("target").join(format!("plugin-test-{}", abi.unwrap_or("ok")));
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["build", "--quiet", "--manifest-path"]).arg(root.join("examples/plugin-hello/Cargo.toml")).arg("--target-dir").arg(&target);
    if let Some(a) = abi {
        cmd.env("PLUGIN_HELLO_ABI", a);
    }
    let st = cmd.status().expect("cargo build plugin");
    assert!(st.success());
    target.join("debug/libplugin_hello.so")
}

#[test]
fn external_plugin_runs_and_stale_abi_is_refused() {
    let lib = build_plugin(None);
    let prog = tmp("greet.hello");
    std::fs::write(&prog, "world\nvmbench\n").unwrap();
    let (code, out, err) = vmbench(&["run", "--plugin", lib.to_str().unwrap(), prog.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "Hello, world!\nHello, vmbench!\n");
    let (code, out, _) = vmbench(&["langs", "--plugin", lib.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("hello") && out.contains("plugin"), "{out}");

    let stale = build_plugin(Some("99"));
    assert_usage_error(&["run", "--plugin", stale.to_str().unwrap(), "-c", "x"], "plugin ABI version 99 is not supported");
}

#[test]
fn python_errors_are_the_languages_own() {
    let (code, _, err) = vmbench(&["run", "--lang", "python", "-c", "1/0"]);
    assert_eq!(code, 1);
    assert!(err.ends_with("ZeroDivisionError: integer division or modulo by zero\n"), "{err}");
    let (code, _, err) = vmbench(&["run", "--lang", "python", "-c", "def f(:"]);
    assert_eq!(code, 1);
    assert!(err.contains("SyntaxError: invalid syntax"), "{err}");
}
