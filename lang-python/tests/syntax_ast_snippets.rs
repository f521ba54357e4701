//! Small programs from `tests/syntax_ast_snippets.txt` (literal edge
//! cases, encodings, future imports, node positions, each grammar form):
//! our AST dump must equal CPython 2.7's `ast.dump(..., include_attributes=True)`
//! in exec, eval and single mode.  CPython's dumps come from
//! `tests/cpython_syntax_oracle.py` at test time.

mod syntax_common;

use lang_python::syntax::dump::{dump_expression, dump_interactive, dump_module, repr_bytes};
use lang_python::syntax::{parse_expression, parse_interactive, parse_module, SyntaxError, PYCF_STRING_INPUT};

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn ours(mode: &str, src: &[u8]) -> String {
    let flags = PYCF_STRING_INPUT;
    let r: Result<String, SyntaxError> = match mode {
        "exec" => parse_module(src, "<snippet>", flags).map(|m| dump_module(&m)),
        "eval" => parse_expression(src, "<snippet>", flags).map(|e| dump_expression(&e)),
        _ => parse_interactive(src, "<snippet>", flags).map(|m| dump_interactive(&m)),
    };
    match r {
        Ok(d) => d,
        Err(e) => format!("!!! {} ({})", e.type_name(), e.msg),
    }
}

#[test]
fn snippet_asts_match_cpython() {
    let Some(py) = syntax_common::python27() else {
        eprintln!("SKIPPED: python2.7 not found (set PYTHON27=/path/to/python2.7)");
        return;
    };
    let snippets = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax_ast_snippets.txt")).unwrap();
    let mut child = std::process::Command::new(&py)
        .arg(syntax_common::oracle_script())
        .arg("snippets")
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
        let f: Vec<&str> = line.splitn(3, '|').collect();
        let src = unhex(f[0]);
        let want = f[2];
        let got = ours(f[1], &src);
        // When CPython rejects the snippet we only require that we do too.
        let same = if want.starts_with("!!! ") {
            got.starts_with(&want[..want.len()])
        } else {
            got == want
        };
        if same {
            ok += 1;
        } else {
            let at = got.bytes().zip(want.bytes()).take_while(|(a, b)| a == b).count();
            let lo = at.saturating_sub(120);
            bad.push(format!(
                "{} {}\n   ours:    ...{}\n   cpython: ...{}",
                f[1],
                repr_bytes(&src),
                got.get(lo..(at + 200).min(got.len())).unwrap_or(&got),
                want.get(lo..(at + 200).min(want.len())).unwrap_or(want)
            ));
        }
    }
    eprintln!("AST snippets: {} agree, {} differ", ok, bad.len());
    for b in &bad {
        eprintln!("{}", b);
    }
    assert!(ok >= 60, "too few snippets checked");
    assert!(bad.is_empty(), "{} snippets differ from CPython", bad.len());
}
