//! The differential suite: every program in tests/programs/ runs under
//! vmbench-python and must reproduce CPython 2.7.18's stdout, stderr and
//! exit status exactly (expected files made by regen-expected.sh). Each
//! program runs twice, with the JIT off and with the JIT on at threshold 1,
//! and once more under GC stress (a collection every few allocations) when
//! VMBENCH_DIFF_STRESS is set.
//!
//! tests/programs/ needs nothing but the interpreter; tests/stdlib/ holds
//! programs that import CPython's pure-Python library and is skipped, with
//! a message, where no CPython 2.7 install is found.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn suite_dir(suite: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(suite)
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: i32,
}

fn run(dir: &Path, name: &str, env: &[(&str, &str)]) -> Outcome {
    let stdin = dir.join(format!("{}.in", name.trim_end_matches(".py")));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vmbench-python"));
    cmd.arg(name).current_dir(dir).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.exists() { Stdio::from(std::fs::File::open(stdin).unwrap()) } else { Stdio::null() });
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run vmbench-python");
    Outcome { stdout: out.stdout, stderr: out.stderr, status: out.status.code().unwrap_or(-1) }
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}: expected {:?}, got {:?}", i + 1, x, y);
        }
    }
    format!("expected {} lines, got {}", a.lines().count(), b.lines().count())
}

#[test]
fn programs_match_cpython() {
    check_suite("programs");
}

#[test]
fn stdlib_programs_match_cpython() {
    if lang_python::modules::stdlib::prefix().is_none() {
        eprintln!("skipped tests/stdlib: {}", lang_python::modules::stdlib::MISSING);
        return;
    }
    check_suite("stdlib");
}

fn check_suite(suite: &str) {
    let dir = suite_dir(suite);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py") && !n.starts_with('_'))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no programs in {}", dir.display());
    let stress = std::env::var("VMBENCH_DIFF_STRESS").is_ok();
    let mut modes: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("jit off", vec![("VMBENCH_JIT", "off")]),
        ("jit threshold 1", vec![("VMBENCH_JIT", "on"), ("VMBENCH_JIT_THRESHOLD", "1")]),
    ];
    if stress {
        modes.push(("gc stress", vec![("VMBENCH_JIT", "off"), ("VMBENCH_GC_STRESS", "7")]));
    }
    let mut failures = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".py");
        let read = |ext: &str| std::fs::read(dir.join(format!("{stem}.{ext}"))).unwrap_or_else(|_| panic!("missing {stem}.{ext}: run tests/regen-expected.sh"));
        let (want_out, want_err) = (read("out"), read("err"));
        let want_status: i32 = String::from_utf8_lossy(&read("status")).trim().parse().unwrap();
        for (mode, env) in &modes {
            let got = run(&dir, name, env);
            if got.stdout != want_out {
                failures.push(format!("{name} [{mode}] stdout: {}", first_difference(&want_out, &got.stdout)));
            } else if got.stderr != want_err {
                failures.push(format!("{name} [{mode}] stderr: {}", first_difference(&want_err, &got.stderr)));
            } else if got.status != want_status {
                failures.push(format!("{name} [{mode}] exit status: expected {want_status}, got {}", got.status));
            }
        }
    }
    let total = names.len() * modes.len();
    eprintln!("differential suite {suite}: {} of {total} runs match CPython 2.7.18", total - failures.len());
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
