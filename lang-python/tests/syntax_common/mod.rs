//! Shared helpers for the syntax tests: locating the CPython 2.7 oracle.

use std::path::PathBuf;
use std::process::Command;

/// The python2.7 binary: $PYTHON27, then pyenv's 2.7.18, then PATH.
pub fn python27() -> Option<PathBuf> {
    let mut cands: Vec<PathBuf> = Vec::new();
    if let Ok(p) = std::env::var("PYTHON27") {
        cands.push(p.into());
    }
    if let Ok(out) = Command::new("pyenv").args(["prefix", "2.7.18"]).output() {
        let prefix = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !prefix.is_empty() {
            cands.push(PathBuf::from(prefix).join("bin/python2.7"));
        }
    }
    cands.push("python2.7".into());
    cands.into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import sys; assert sys.version_info[:2] == (2, 7)"])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    })
}

#[allow(dead_code)]
pub fn stdlib_dir() -> Option<PathBuf> {
    let py = python27()?;
    let out = Command::new(py).args(["-c", "import os; print(os.path.dirname(os.__file__))"]).output().ok()?;
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if dir.is_empty() {
        None
    } else {
        Some(dir.into())
    }
}

pub fn oracle_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cpython_syntax_oracle.py")
}
