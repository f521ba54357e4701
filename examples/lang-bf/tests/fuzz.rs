//! Differential fuzzer: random terminating Brainfuck programs run with the
//! JIT off and with the JIT at threshold 1; output, final tape and pointer
//! must agree.
//!
//! Programs are built so they always terminate: every loop counts a cell
//! down that its body never otherwise touches (the generator tracks which
//! tape cells are loop counters), or clears its cell before `]` (an "if").
//! Pointer moves inside a loop body are balanced, so every cell position
//! is known while generating. Runs for `BF_FUZZ_SECS` seconds (default 3).

use lang_bf::{execute, parse::parse, State};
use tracer::Options;

/// xorshift64*: deterministic, seedable, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const CELLS: i64 = 24;

struct Gen<'a> {
    rng: &'a mut Rng,
    out: String,
    pos: i64,
    reserved: Vec<i64>,
}

impl Gen<'_> {
    fn go(&mut self, to: i64) {
        let d = to - self.pos;
        let c = if d > 0 { '>' } else { '<' };
        for _ in 0..d.abs() {
            self.out.push(c);
        }
        self.pos = to;
    }

    fn free_cell(&mut self) -> Option<i64> {
        for _ in 0..8 {
            let c = self.rng.below(CELLS as u64) as i64;
            if !self.reserved.contains(&c) {
                return Some(c);
            }
        }
        None
    }

    fn block(&mut self, depth: u32, len: u32) {
        for _ in 0..len {
            match self.rng.below(10) {
                0..=3 => {
                    if let Some(c) = self.free_cell() {
                        self.go(c);
                        let n = 1 + self.rng.below(6);
                        let ch = if self.rng.below(2) == 0 { '+' } else { '-' };
                        for _ in 0..n {
                            self.out.push(ch);
                        }
                    }
                }
                4 => {
                    if let Some(c) = self.free_cell() {
                        self.go(c);
                        self.out.push('.');
                    }
                }
                5 => {
                    if let Some(c) = self.free_cell() {
                        self.go(c);
                        self.out.push(',');
                    }
                }
                6..=8 if depth < 3 => {
                    // A counted loop: set a fresh counter, body, count down.
                    let Some(c) = self.free_cell() else { continue };
                    self.go(c);
                    self.out.push_str("[-]");
                    for _ in 0..1 + self.rng.below(12) {
                        self.out.push('+');
                    }
                    self.out.push('[');
                    self.reserved.push(c);
                    let len = 1 + self.rng.below(5) as u32;
                    self.block(depth + 1, len);
                    self.reserved.pop();
                    self.go(c);
                    self.out.push_str("-]");
                }
                _ => {
                    // An "if": runs once when the cell is non-zero, then clears it.
                    let Some(c) = self.free_cell() else { continue };
                    self.go(c);
                    self.out.push('[');
                    self.reserved.push(c);
                    let len = 1 + self.rng.below(3) as u32;
                    self.block(depth + 1, len);
                    self.reserved.pop();
                    self.go(c);
                    self.out.push_str("[-]]");
                }
            }
        }
    }
}

fn program(seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let len = 3 + rng.below(12) as u32;
    let mut g = Gen { rng: &mut rng, out: String::new(), pos: 0, reserved: Vec::new() };
    g.block(0, len);
    g.out
}

fn run(src: &str, jit: bool) -> (Result<i64, String>, Vec<u8>, Vec<u8>) {
    let mut o = Options::from_env(jit, 1);
    o.enabled = jit;
    o.threshold = 1;
    o.bridge_threshold = 2;
    o.log_path = None;
    let mut st = State::with_input(b"fuzz input bytes");
    let r = parse(src.as_bytes()).and_then(|ops| execute(ops, &mut st, o));
    let out = st.take_output();
    (r, out, st.tape.clone())
}

#[test]
fn jit_agrees_with_interpreter() {
    let secs: f64 = std::env::var("BF_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let base: u64 = std::env::var("BF_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let t0 = std::time::Instant::now();
    let mut n = 0u64;
    while t0.elapsed().as_secs_f64() < secs {
        let seed = base.wrapping_add(n);
        let src = program(seed);
        let (a, b) = (run(&src, false), run(&src, true));
        assert_eq!(a, b, "seed {seed}: program {src}");
        n += 1;
    }
    eprintln!("fuzz: {n} programs agreed (seeds {base}..{})", base.wrapping_add(n));
}
