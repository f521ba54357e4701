//! A toy register machine run through the real recorder, optimizer and
//! backend: the trace-shape tests assert the exact operations left in the
//! optimized loop, and the execution tests compare JIT and interpreter.

use tracer::{Entered, GreenKey, IntOp, Jit, Mode, Options};

/// The toy's instructions; slots are frame slots.
#[derive(Copy, Clone)]
enum Op {
    /// slot[a] = slot[a] + slot[b]
    Add(usize, usize),
    /// slot[a] = slot[a] + k
    AddK(usize, i64),
    /// slot[a] = slot[a] * k
    MulK(usize, i64),
    /// if slot[a] < slot[b] goto t (a backward jump: a loop)
    JumpLt(usize, usize, usize),
    Halt,
}

const CODE: usize = 0x100;

fn key(pc: usize) -> GreenKey {
    GreenKey { code: CODE, pc: pc as u32 }
}

enum Stop {
    Done,
    Hot(GreenKey),
    Left(usize),
}

fn interp<M: Mode>(m: &mut M, prog: &[Op], frame: &mut [i64], mut pc: usize) -> Stop {
    loop {
        m.merge_point(key(pc));
        if M::RECORDING && m.stop() {
            return Stop::Left(pc);
        }
        match prog[pc] {
            Op::Add(a, b) => {
                let (x, y) = (m.get(frame, a), m.get(frame, b));
                let r = m.int(IntOp::Add, x, y);
                m.set(frame, a, r);
            }
            Op::AddK(a, k) => {
                let x = m.get(frame, a);
                let k = m.konst(k);
                let r = m.int(IntOp::Add, x, k);
                m.set(frame, a, r);
            }
            Op::MulK(a, k) => {
                let x = m.get(frame, a);
                let k = m.konst(k);
                let r = m.int(IntOp::Mul, x, k);
                m.set(frame, a, r);
            }
            Op::JumpLt(a, b, t) => {
                let (x, y) = (m.get(frame, a), m.get(frame, b));
                let c = m.int(IntOp::Lt, x, y);
                if m.is_true(c) {
                    pc = t;
                    if m.can_enter_jit(key(pc)) {
                        return Stop::Hot(key(pc));
                    }
                    continue;
                }
            }
            Op::Halt => return Stop::Done,
        }
        pc += 1;
    }
}

/// The run loop every frontend writes: interpret, enter, record.
fn run(prog: &[Op], frame: &mut [i64], jit_on: bool) -> Jit {
    let mut o = Options::from_env(jit_on, 2);
    o.enabled = jit_on;
    o.threshold = 2;
    o.bridge_threshold = 3;
    o.log_path = None;
    let mut jit = Jit::new(o, frame.len());
    let mut pc = 0;
    loop {
        let k = match interp(&mut jit.concrete, prog, frame, pc) {
            Stop::Done => return jit,
            Stop::Left(p) => {
                pc = p;
                continue;
            }
            Stop::Hot(k) => k,
        };
        let (start, bridge) = match jit.enter(k, frame) {
            Entered::Resume(p) => {
                pc = p.pc as usize;
                continue;
            }
            Entered::Record => (k, None),
            Entered::RecordBridge(p, id) => (p, Some(id)),
        };
        let mut rec = jit.recorder(start, bridge);
        let stop = interp(&mut rec, prog, frame, start.pc as usize);
        let (outcome, trace) = (rec.outcome.clone(), std::mem::take(&mut rec.trace));
        jit.finish(outcome, trace, start, bridge);
        match stop {
            Stop::Done => return jit,
            Stop::Left(p) => pc = p,
            Stop::Hot(k) => pc = k.pc as usize,
        }
    }
}

// slots: 0 = i, 1 = acc, 2 = n
const SUM: &[Op] = &[Op::Add(1, 0), Op::AddK(0, 1), Op::JumpLt(0, 2, 0), Op::Halt];

#[test]
fn sum_loop_trace_shape() {
    let mut frame = [0, 0, 100];
    let jit = run(SUM, &mut frame, true);
    assert_eq!(frame, [100, 4950, 100]);
    assert_eq!(
        jit.trace_texts(),
        vec![
            "v0 = input #0\n\
             v1 = input #1\n\
             v2 = input #2\n\
             label v0, v1, v2\n\
             v4 = int_add v1, v0\n\
             v5 = int_add v0, #1\n\
             v6 = int_lt v5, v2\n\
             guard_true v6 [100:2 | 0=v5 1=v4]\n\
             jump v5, v4, v2\n"
        ]
    );
}

#[test]
fn constant_arithmetic_folds_away() {
    // i = (i + 2 - 2) * 1 leaves no trace; acc += i and i += 1 remain.
    let prog = &[
        Op::AddK(0, 2),
        Op::AddK(0, -2),
        Op::MulK(0, 1),
        Op::Add(1, 0),
        Op::AddK(0, 1),
        Op::JumpLt(0, 2, 0),
        Op::Halt,
    ];
    let mut frame = [0, 0, 50];
    let jit = run(prog, &mut frame, true);
    assert_eq!(frame, [50, 1225, 50]);
    let t = jit.trace_texts()[0].to_string();
    assert_eq!(t.matches("int_add").count(), 2, "{t}");
    assert!(!t.contains("int_mul"), "{t}");
}

#[test]
fn jit_and_interpreter_agree() {
    // Nested loops: an inner loop trace, an outer one and bridges between them.
    // slots: 0 = i, 1 = acc, 2 = n, 3 = j, 4 = m
    let prog = &[
        Op::MulK(3, 0),      // 0: j = 0
        Op::Add(1, 3),       // 1: acc += j
        Op::AddK(3, 1),      // 2: j += 1
        Op::JumpLt(3, 4, 1), // 3: inner loop
        Op::AddK(0, 1),      // 4: i += 1
        Op::JumpLt(0, 2, 0), // 5: outer loop
        Op::Halt,
    ];
    for (n, m) in [(1, 1), (3, 50), (200, 7), (1000, 30)] {
        let mut a = [0, 0, n, 0, m];
        let mut b = a;
        run(prog, &mut a, false);
        let jit = run(prog, &mut b, true);
        assert_eq!(a, b, "n={n} m={m}");
        if n > 10 {
            assert!(jit.compiled_count() >= 2, "expected loop and bridge traces");
        }
    }
}
