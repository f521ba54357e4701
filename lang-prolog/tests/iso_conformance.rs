//! Runs the shared ISO conformance cases (when /work/shared is present) and
//! asserts a floor on the number passing.

use std::path::Path;
use std::process::{Command, Stdio};

const FLOOR: usize = 225;

#[test]
fn iso_conformance_cases() {
    let src = Path::new("/work/shared/conformance/prolog");
    if !src.join("run_cases.pl").exists() {
        eprintln!("skipping: /work/shared/conformance/prolog not found");
        return;
    }
    // the runner writes a scratch file next to itself: run from a copy
    let tmp = std::env::temp_dir().join(format!("prolog-iso-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for f in ["run_cases.pl", "iso_cases.pl"] {
        std::fs::copy(src.join(f), tmp.join(f)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_vmbench-prolog"))
        .args(["run_cases.pl", "--", "iso_cases.pl"])
        .current_dir(&tmp)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&tmp);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or("");
    let passed: usize = last.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(passed >= FLOOR, "only {passed} ISO cases passed:\n{stdout}");
}
