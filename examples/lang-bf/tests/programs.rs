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

#[test]
fn move_loop_trace_shape() {
    // `[->+<]` adds cell 0 to cell 1. Its loop: one bounds guard per move,
    // the second byte load of cell 0 forwarded from the store, the loop exit
    // guard on the masked value, no calls, no allocation.
    let mut st = State::with_input(b"");
    let mut traces = Vec::new();
    let o = opts(true, 2);
    let ops = parse(b"++++++++++[->+<]>.").unwrap();
    let r = lang_bf::execute_traced(ops, &mut st, o, &mut traces);
    assert!(r.is_ok());
    assert_eq!(st.take_output(), vec![10]);
    let tape = format!("#{}", st.tape.as_ptr() as i64);
    let t = traces[0].replace(&tape, "#TAPE");
    let t = t.lines().map(|l| l.split(" [").next().unwrap_or(l)).collect::<Vec<_>>().join("\n");
    assert_eq!(
        t,
        "v0 = input #0
label v0
v2 = getbyte #TAPE, v0
v3 = int_add v2, #255
setbyte #TAPE, v0, v3
v5 = int_add v0, #1
v6 = uint_lt v5, #30000
guard_true v6
v8 = getbyte #TAPE, v5
v9 = int_add v8, #1
setbyte #TAPE, v5, v9
v11 = uint_lt v0, #30000
guard_true v11
v13 = int_and v3, #255
guard_true v13
jump v0"
    );
}
