//! The shared benchmark programs must print exactly their .expected output.
//! They take seconds each in an optimised build, so in a debug build this
//! test only runs when VMBENCH_PROLOG_BENCH=1 (use `cargo test --release`).

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn bench_programs_print_expected_output() {
    let dir = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/prolog");
    if !dir.exists() {
        eprintln!("skipping: ../shared/bench/prolog not found beside the repository");
        return;
    }
    if cfg!(debug_assertions) && std::env::var("VMBENCH_PROLOG_BENCH").is_err() {
        eprintln!("skipping in a debug build: set VMBENCH_PROLOG_BENCH=1 or use --release");
        return;
    }
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "pl") {
            let expected = std::fs::read_to_string(p.with_extension("expected")).unwrap();
            let out = Command::new(env!("CARGO_BIN_EXE_vmbench-prolog")).arg(&p).stdin(Stdio::null()).output().unwrap();
            let got = String::from_utf8_lossy(&out.stdout);
            if got != expected {
                failures.push(format!("{}: expected {expected:?}, got {got:?}", p.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
