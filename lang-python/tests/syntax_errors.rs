//! Bad (and a few good) snippets from `tests/syntax_error_snippets.txt`:
//! our SyntaxError must agree with CPython 2.7's compile() on type,
//! message, lineno, offset and text.  CPython's answers are produced at
//! test time by `tests/cpython_syntax_oracle.py`; without python2.7 the
//! test is skipped.

mod syntax_common;

use lang_python::syntax::dump::repr_bytes;
use lang_python::syntax::{parse_expression, parse_interactive, parse_module, ErrorKind, SyntaxError, PYCF_STRING_INPUT};

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn describe(r: Result<(), SyntaxError>) -> String {
    match r {
        Ok(()) => "'OK'|None|None|None|None".into(),
        Err(e) => {
            let ty = repr_bytes(e.type_name().as_bytes());
            let msg = repr_bytes(e.msg.as_bytes());
            if matches!(e.kind, ErrorKind::Value | ErrorKind::Type) {
                // CPython raises these without location.
                return format!("{}|{}|None|None|None", ty, msg);
            }
            let off = e.offset.map(|o| o.to_string()).unwrap_or("None".into());
            let text = e.text.map(|t| repr_bytes(t.as_bytes())).unwrap_or("None".into());
            format!("{}|{}|{}|{}|{}", ty, msg, e.lineno, off, text)
        }
    }
}

#[test]
fn syntax_errors_match_cpython() {
    let Some(py) = syntax_common::python27() else {
        eprintln!("SKIPPED: python2.7 not found (set PYTHON27=/path/to/python2.7)");
        return;
    };
    let snippets = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax_error_snippets.txt")).unwrap();
    let mut child = std::process::Command::new(&py)
        .arg(syntax_common::oracle_script())
        .arg("errors")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python2.7");
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&snippets).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let expected_lines = String::from_utf8_lossy(&snippets)
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    assert_eq!(text.lines().count(), expected_lines, "oracle failed: {}", String::from_utf8_lossy(&out.stderr));
    let (mut ok, mut bad) = (0, Vec::new());
    for line in text.lines() {
        let f: Vec<&str> = line.splitn(7, '|').collect();
        assert_eq!(f.len(), 7, "oracle line {:?}", line);
        let src = unhex(f[0]);
        let mode = f[1];
        // The oracle compiled the snippet from a file, so ast.c errors have
        // the file's line as text; we report the same.
        let want_text = if f[6] == "None" {
            "None".to_string()
        } else {
            repr_bytes(String::from_utf8_lossy(&unhex(f[6])).as_bytes())
        };
        let want = format!("{}|{}|{}|{}|{}", f[2], f[3], f[4], f[5], want_text);
        let want = if f[2] == "'ValueError'" || f[2] == "'TypeError'" {
            format!("{}|{}|None|None|None", f[2], f[3])
        } else {
            want
        };
        let fname = "snippet.py";
        let flags = PYCF_STRING_INPUT;
        let got = describe(match mode {
            "exec" => parse_module(&src, fname, flags).map(|_| ()),
            "eval" => parse_expression(&src, fname, flags).map(|_| ()),
            _ => parse_interactive(&src, fname, flags).map(|_| ()),
        });
        if got == want {
            ok += 1;
        } else {
            bad.push(format!("{} {}\n   ours:    {}\n   cpython: {}", mode, repr_bytes(&src), got, want));
        }
    }
    eprintln!("error snippets: {} agree, {} differ", ok, bad.len());
    for b in &bad {
        eprintln!("{}", b);
    }
    assert!(ok >= 50, "too few snippets checked");
    assert!(bad.is_empty(), "{} snippets differ from CPython", bad.len());
}
