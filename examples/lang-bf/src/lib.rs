//! lang-bf: Brainfuck, the tutorial frontend.
//!
//! The smallest complete frontend: a parser ([`parse`]), one dispatch loop
//! generic over `tracer::Mode` ([`interp`]), the driver below that moves
//! between interpreting, recording and running compiled traces, and the
//! registration that makes `vmbench --lang bf` find it. The tutorial in
//! `docs/writing-a-frontend.md` walks through it file by file.

pub mod interp;
pub mod parse;

use interp::{Program, Stop, TAPE_LEN};
use tracer::{Entered, GreenKey, Jit, Options};
use vmcore::registry::{Frontend, RunConfig, Source};

inventory::submit! {
    Frontend { name: "bf", extensions: &["b", "bf"], description: "Brainfuck (the tutorial frontend)", run }
}

/// Everything a run owns besides the frame: tape, buffered I/O, options.
pub struct State {
    pub tape: Vec<u8>,
    out: Vec<u8>,
    input: Vec<u8>,
    in_pos: usize,
    in_eof: bool,
    trace_exec: bool,
    /// Keep output in memory (tests, the fuzzer) instead of writing stdout.
    capture: bool,
}

impl State {
    pub fn new() -> State {
        State { tape: vec![0; TAPE_LEN], out: Vec::new(), input: Vec::new(), in_pos: 0, in_eof: false, trace_exec: false, capture: false }
    }

    /// Input given up front (tests); no stdin is read after it runs out.
    pub fn with_input(input: &[u8]) -> State {
        State { input: input.to_vec(), in_eof: true, capture: true, ..State::new() }
    }

    fn put(&mut self, b: u8) {
        self.out.push(b);
        if self.out.len() >= 1 << 16 {
            self.flush();
        }
    }

    fn get(&mut self) -> Option<u8> {
        if self.in_pos >= self.input.len() && !self.in_eof {
            self.flush(); // prompts appear before we block on input
            let mut buf = [0u8; 4096];
            match vmcore::host::host().read(0, &mut buf) {
                Ok(n) if n > 0 => {
                    self.input = buf[..n].to_vec();
                    self.in_pos = 0;
                }
                _ => self.in_eof = true,
            }
        }
        let b = self.input.get(self.in_pos).copied();
        self.in_pos += b.is_some() as usize;
        b
    }

    /// Writes buffered output to stdout; tests read `take_output` instead.
    pub fn flush(&mut self) {
        if !self.capture {
            let _ = vmcore::host::write_all(1, &self.out);
            self.out.clear();
        }
    }

    /// The output so far (for tests and the fuzzer).
    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    fn trace(&mut self, pc: usize, op: parse::Op, ptr: i64) {
        let line = format!("{pc:5}  {:<12} ptr={ptr} cell={}\n", format!("{op:?}"), self.tape.get(ptr as usize).copied().unwrap_or(0));
        let _ = vmcore::host::write_all(2, line.as_bytes());
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

/// Runs `ops` to the end with the given JIT options. Returns the final tape
/// pointer, or the one-line error. Output stays in `st` until flushed.
pub fn execute(ops: Vec<parse::Op>, st: &mut State, opts: Options) -> Result<i64, String> {
    execute_traced(ops, st, opts, &mut Vec::new())
}

/// As [`execute`], and collects the optimized text of every compiled trace.
pub fn execute_traced(ops: Vec<parse::Op>, st: &mut State, opts: Options, traces: &mut Vec<String>) -> Result<i64, String> {
    let p = Program { ops };
    let mut frame = [0i64; 1];
    let mut jit = Jit::new(opts, frame.len());
    let mut pc = 0usize;
    let result = loop {
        let stop = match interp::run(&mut jit.concrete, &p, st, &mut frame, pc) {
            Ok(s) => s,
            Err(e) => break Err(e),
        };
        let key = match stop {
            Stop::Done => break Ok(frame[0]),
            Stop::Left(next) => {
                pc = next;
                continue;
            }
            Stop::Hot(key) => key,
        };
        let (start, bridge) = match jit.enter(key, &mut frame) {
            Entered::Resume(pos) => {
                pc = pos.pc as usize;
                continue;
            }
            Entered::Record => (key, None),
            Entered::RecordBridge(pos, id) => (pos, Some(id)),
        };
        match record(&mut jit, &p, st, &mut frame, start, bridge) {
            Ok(Some(next)) => pc = next,
            Ok(None) => break Ok(frame[0]),
            Err(e) => break Err(e),
        }
    };
    jit.write_log();
    traces.extend(jit.trace_texts().iter().map(|t| t.to_string()));
    result
}

/// Records from `start`; returns where to continue (None: the program ended).
fn record(
    jit: &mut Jit,
    p: &Program,
    st: &mut State,
    frame: &mut [i64],
    start: GreenKey,
    bridge: Option<u32>,
) -> Result<Option<usize>, String> {
    let mut rec = jit.recorder(start, bridge);
    let r = interp::run(&mut rec, p, st, frame, start.pc as usize);
    let (outcome, trace) = (rec.outcome.clone(), std::mem::take(&mut rec.trace));
    jit.finish(outcome, trace, start, bridge);
    match r? {
        Stop::Done => Ok(None),
        Stop::Left(pc) => Ok(Some(pc)),
        Stop::Hot(k) => Ok(Some(k.pc as usize)),
    }
}

fn err(msg: &str) -> i32 {
    let _ = vmcore::host::write_all(2, format!("bf: error: {msg}\n").as_bytes());
    1
}

/// The frontend entry point: `vmbench --lang bf FILE`.
pub fn run(cfg: &RunConfig, src: Source) -> i32 {
    let text = match src {
        Source::File(path) => match vmcore::host::read_file(path) {
            Ok(t) => t,
            Err(e) => return err(&format!("cannot read {}: {e}", path.display())),
        },
        Source::Code(c) => c.as_bytes().to_vec(),
        Source::Repl => return err("Brainfuck has no interactive prompt; give a file or -c CODE"),
    };
    let ops = match parse::parse(&text) {
        Ok(o) => o,
        Err(e) => return err(&e),
    };
    if cfg.disasm {
        let _ = vmcore::host::write_all(1, parse::disasm(&ops).as_bytes());
        return 0;
    }
    let mut opts = Options::from_env(cfg.jit, cfg.jit_threshold);
    let mut st = State::new();
    if cfg.trace_exec {
        // Compiled code does not report each op, so tracing execution runs without the JIT.
        st.trace_exec = true;
        opts.enabled = false;
    }
    let r = execute(ops, &mut st, opts);
    st.flush();
    match r {
        Ok(_) => 0,
        Err(e) => err(&e),
    }
}
