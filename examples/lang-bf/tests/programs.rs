//! Every program in programs/ and bench/ gives its `.expected` output with
//! the JIT off and with the JIT at threshold 1 (and 3), as the design asks
//! of every language test.

use lang_bf::{execute, parse::parse, State};
use tracer::Options;

fn opts(enabled: bool, threshold: u32) -> Options {
    let mut o = Options::from_env(enabled, threshold);
    o.enabled = enabled;
    o.threshold = threshold;
    o.log_path = None;
    o
}

fn run(src: &[u8], o: Options) -> (Result<i64, String>, Vec<u8>, Vec<u8>) {
    let mut st = State::with_input(b"");
    let r = parse(src).and_then(|ops| execute(ops, &mut st, o));
    let out = st.take_output();
    (r, out, st.tape.clone())
}

fn check(dir: &str, name: &str) {
    let base = format!("{}/{dir}/{name}", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read(format!("{base}.b")).expect("program file");
    let want = std::fs::read(format!("{base}.expected")).expect("expected file");
    for o in [opts(false, 1000), opts(true, 1), opts(true, 3)] {
        let label = format!("{name} jit={} threshold={}", o.enabled, o.threshold);
        let (r, out, _) = run(&src, o);
        assert!(r.is_ok(), "{label}: {r:?}");
        assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(&want), "{label}");
    }
}

#[test]
fn hello() {
    check("programs", "hello");
}

#[test]
fn cells() {
    check("programs", "cells");
}

#[test]
fn nested() {
    check("programs", "nested");
}

#[test]
fn mandelbrot() {
    check("bench", "mandelbrot");
}

#[test]
fn bad_programs_give_errors_not_panics() {
    let (r, _, _) = run(b"+[", opts(true, 1));
    assert_eq!(r.unwrap_err(), "unmatched '[' at line 1, column 2");
    for t in [1, 1000] {
        let (r, _, _) = run(b"<", opts(true, t));
        assert!(r.unwrap_err().contains("out of bounds"));
        // Out of bounds only after the loop is hot and compiled.
        let (r, _, _) = run(b"+[>+]", opts(true, t));
        assert!(r.unwrap_err().contains("out of bounds"));
    }
}
