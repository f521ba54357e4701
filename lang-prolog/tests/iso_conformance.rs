//! Runs the shared ISO conformance cases (when ../shared is present) and
//! asserts a floor on the number passing.

use std::path::Path;
use std::process::{Command, Stdio};

const FLOOR: usize = 225;

#[test]
fn iso_conformance_cases() {
    let src = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance/prolog");
    if !src.join("run_cases.pl").exists() {
        eprintln!("skipping: ../shared/conformance/prolog not found beside the repository");
        return;
    }
    // the runner writes a scratch file next to itself: run from a copy
    let tmp = std::env::temp_dir().join(format!("prolog-iso-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for f in ["run_cases.pl", "iso_cases.pl"] {
        std::fs::copy(src.join(f), tmp.join(f)).unwrap();
    }
    // Every test runs with the JIT off and with the JIT on at threshold 1.
    for jit in [[("VMBENCH_JIT", "off"), ("VMBENCH_JIT_THRESHOLD", "1000")], [("VMBENCH_JIT", "on"), ("VMBENCH_JIT_THRESHOLD", "1")]] {
        let out = Command::new(env!("CARGO_BIN_EXE_vmbench-prolog"))
            .args(["run_cases.pl", "--", "iso_cases.pl"])
            .envs(jit)
            .current_dir(&tmp)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let last = stdout.lines().last().unwrap_or("");
        let passed: usize = last.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        assert!(passed >= FLOOR, "only {passed} ISO cases passed with {jit:?}:\n{stdout}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
