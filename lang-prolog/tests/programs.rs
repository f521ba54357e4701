//! Runs the small programs in tests/cases and compares their standard output
//! with the expected files (checked against SWI-Prolog; see cases/README.md).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The two JIT settings every test runs under.
pub const JIT_MODES: [[(&str, &str); 2]; 2] = [[("VMBENCH_JIT", "off"), ("VMBENCH_JIT_THRESHOLD", "1000")], [("VMBENCH_JIT", "on"), ("VMBENCH_JIT_THRESHOLD", "1")]];

pub fn run_prolog(file: &Path, dir: &Path) -> (String, String, i32) {
    run_prolog_with(file, dir, &JIT_MODES[0])
}

pub fn run_prolog_with(file: &Path, dir: &Path, env: &[(&str, &str)]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_vmbench-prolog"))
        .arg(file)
        .envs(env.iter().copied())
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run vmbench-prolog");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

#[test]
fn case_programs_match_expected_output() {
    let dir = cases_dir();
    let tmp = std::env::temp_dir().join(format!("prolog-cases-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "pl") {
            n += 1;
            let expected = std::fs::read_to_string(p.with_extension("out")).unwrap();
            for mode in &JIT_MODES {
                let (got, err, _) = run_prolog_with(&p, &tmp, mode);
                if got != expected {
                    failures.push(format!("{} {mode:?}:\n--- expected\n{expected}--- got\n{got}--- stderr\n{err}", p.display()));
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(n >= 8, "case programs missing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn run_text(name: &str, text: &str) -> (String, String, i32) {
    let tmp = std::env::temp_dir().join(format!("prolog-t-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let f = tmp.join(format!("{name}.pl"));
    std::fs::write(&f, text).unwrap();
    let r = run_prolog(&f, &tmp);
    let _ = std::fs::remove_dir_all(&tmp);
    r
}

#[test]
fn syntax_errors_are_reported_and_loading_goes_on() {
    let (out, err, code) = run_text("syn", "p(a b).\n:- write(after), nl.\n");
    assert_eq!(out, "after\n\n");
    assert!(err.contains("Syntax error"), "{err}");
    assert_eq!(code, 1);
}

#[test]
fn uncaught_errors_in_initialization_give_status_1() {
    let (_, err, code) = run_text("init", ":- initialization(main).\nmain :- foo(1).\n");
    assert!(err.contains("Unknown procedure: foo/1"), "{err}");
    assert_eq!(code, 1);
}

#[test]
fn halt_sets_the_exit_status() {
    let (out, _, code) = run_text("halt", ":- initialization(main).\nmain :- write(x), nl, halt(3).\n");
    assert_eq!(out, "x\n");
    assert_eq!(code, 3);
}

#[test]
fn deep_recursion_and_long_loops_run_in_bounded_native_stack() {
    let prog = r#"
:- initialization(main).
len([], 0).
len([_|T], N) :- len(T, N0), N is N0 + 1.
count(N, N) :- !.
count(I, N) :- I1 is I + 1, count(I1, N).
nest(0, z) :- !.
nest(N, f(T)) :- N1 is N - 1, nest(N1, T).
main :- numlist(1, 1000000, L), len(L, N), write(N), nl,
    count(0, 3000000), write(counted), nl,
    nest(300000, T), copy_term(T, T2), T == T2, msort([T, T2], _), write(deep_ok), nl.
"#;
    let (out, err, code) = run_text("deep", &format!("{prog}\n:- initialization(halt).\n"));
    assert_eq!(out, "1000000\ncounted\ndeep_ok\n", "{err}");
    assert_eq!(code, 0);
}

#[test]
fn exceptions_carry_iso_error_terms() {
    let prog = ":- initialization(main).\nmain :- catch(atom_length(X, _), error(E, _), true), writeq(E), nl, catch(X is 1/0, error(E2, _), true), writeq(E2), nl, halt.\n";
    let (out, _, _) = run_text("exc", prog);
    assert_eq!(out, "instantiation_error\nevaluation_error(zero_divisor)\n");
}
