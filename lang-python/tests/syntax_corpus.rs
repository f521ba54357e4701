//! Parses the CPython 2.7 standard library with our parser and compares
//! `dump_module` with CPython's own `ast.dump(tree, include_attributes=True)`.
//!
//! CPython is the oracle: its dumps are produced at test time by
//! `tests/cpython_syntax_oracle.py`.  The test is skipped (with a message)
//! when python2.7 is not installed.  By default a fixed sample of files is
//! checked; set `PYSYNTAX_FULL_CORPUS=1` for every file, or
//! `PYSYNTAX_FILES=a.py:b.py` for specific ones.

mod syntax_common;

use lang_python::syntax::{dump::dump_module, parse_module};
use syntax_common::{python27, stdlib_dir};

const SAMPLE: usize = 150;

fn corpus_files() -> Option<Vec<String>> {
    if let Ok(list) = std::env::var("PYSYNTAX_FILES") {
        return Some(list.split(':').map(String::from).collect());
    }
    let root = stdlib_dir()?;
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for ent in rd.flatten() {
            let p = ent.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().map(|e| e == "py").unwrap_or(false) {
                files.push(p.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    if std::env::var("PYSYNTAX_FULL_CORPUS").is_err() && files.len() > SAMPLE {
        // A fixed, evenly spread sample.
        let step = files.len() as f64 / SAMPLE as f64;
        files = (0..SAMPLE).map(|i| files[(i as f64 * step) as usize].clone()).collect();
    }
    Some(files)
}

#[test]
fn stdlib_ast_matches_cpython() {
    let Some(py) = python27() else {
        eprintln!("SKIPPED: python2.7 not found (set PYTHON27=/path/to/python2.7)");
        return;
    };
    let Some(files) = corpus_files() else {
        eprintln!("SKIPPED: CPython 2.7 stdlib not found");
        return;
    };
    let mut expected = std::collections::HashMap::new();
    for chunk in files.chunks(200) {
        let out = std::process::Command::new(&py)
            .arg(syntax_common::oracle_script())
            .arg("dump")
            .args(chunk)
            .output()
            .expect("running python2.7");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines = text.lines();
        while let Some(h) = lines.next() {
            let path = h.strip_prefix("=== ").expect("oracle header").to_string();
            let dump = lines.next().unwrap_or("").to_string();
            expected.insert(path, dump);
        }
    }
    let (mut ok, mut skipped, mut failed) = (0, 0, Vec::new());
    for f in &files {
        let want = &expected[f];
        let src = std::fs::read(f).unwrap();
        let flags = lang_python::syntax::PYCF_STRING_INPUT;
        // Files CPython itself rejects (deliberately broken test data):
        // we must reject them too.
        if want.starts_with("!!!") {
            skipped += 1;
            if let Ok(Ok(_)) = std::panic::catch_unwind(|| parse_module(&src, f, flags)) {
                failed.push(format!("{}\n   CPython rejects this file, we accept it", f));
            }
            continue;
        }
        let got = match std::panic::catch_unwind(|| parse_module(&src, f, flags)) {
            Ok(Ok(m)) => dump_module(&m),
            Ok(Err(e)) => format!("ERROR {:?}", e),
            Err(_) => "PANIC".to_string(),
        };
        if &got == want {
            ok += 1;
        } else {
            let at = got.bytes().zip(want.bytes()).take_while(|(a, b)| a == b).count();
            let lo = at.saturating_sub(150);
            failed.push(format!(
                "{}\n   ours: ...{}\n cpython: ...{}",
                f,
                &got.get(lo..(at + 150).min(got.len())).unwrap_or(&got),
                &want.get(lo..(at + 150).min(want.len())).unwrap_or(want)
            ));
        }
    }
    eprintln!("corpus: {} files, {} match, {} differ, {} rejected by CPython (and by us unless listed)", files.len(), ok, failed.len(), skipped);
    for f in failed.iter().take(15) {
        eprintln!("MISMATCH {}", f);
    }
    assert!(failed.is_empty(), "{} of {} files differ from CPython", failed.len(), files.len());
}

/// Robustness: every stdlib file cut off at many points must give a tree
/// or a SyntaxError, never a panic.  Slow; run with `--ignored`.
#[test]
#[ignore]
fn truncated_stdlib_never_panics() {
    let Some(files) = corpus_files() else {
        eprintln!("SKIPPED: CPython 2.7 stdlib not found");
        return;
    };
    let mut n = 0;
    for f in &files {
        let src = std::fs::read(f).unwrap();
        let step = (src.len() / 40).max(1);
        for cut in (0..src.len()).step_by(step) {
            let r = std::panic::catch_unwind(|| {
                let _ = parse_module(&src[..cut], f, 0);
                let _ = lang_python::syntax::parse_expression(&src[..cut], f, 0);
            });
            assert!(r.is_ok(), "panic parsing {} cut at {}", f, cut);
            n += 1;
        }
    }
    eprintln!("{} truncated inputs parsed without panics", n);
}
