//! The JIT driver: owns the counters, compiled traces, exits and the log.
//!
//! A frontend's run loop talks to it in three moves:
//!
//! 1. Run the interpreter in concrete mode (`jit.concrete`). When
//!    `can_enter_jit(key)` returns true, return `key` to the run loop.
//! 2. Call [`Jit::enter`]. If compiled code waits at `key` it runs it (and
//!    any bridges and linked traces it leads to) and says where the
//!    interpreter resumes. Otherwise it asks for a recording.
//! 3. To record, build a [`Record`] with [`Jit::recorder`], run the same
//!    interpreter loop with it from `key` until `m.stop()`, then hand the
//!    recorder back with [`Jit::finish`], which optimizes, compiles and
//!    installs the trace (or backs off after an abort).
//!
//! Exits are numbered globally: each compiled trace's guards return ids in
//! its own range. Each exit counts its failures; past `bridge_threshold` the
//! driver asks the frontend to record a bridge from that exit's resume
//! position, and from then on the exit continues in the bridge's code.

use crate::backend::{Backend, TraceFn};
use crate::counters::GreenKey;
use crate::ir::{Op, Trace};
use crate::mode::Concrete;
use crate::record::{Outcome, Record};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// Tuning knobs.
#[derive(Clone, Debug)]
pub struct Options {
    pub enabled: bool,
    pub threshold: u32,
    /// Failures of one guard before a bridge is recorded from it.
    pub bridge_threshold: u64,
    pub max_trace_len: usize,
    /// Run the optimizer (off only to compare).
    pub optimize: bool,
    /// Where to write the JIT log at the end (VMBENCH_JITLOG).
    pub log_path: Option<String>,
}

impl Options {
    /// Options from the run config, overridden by `VMBENCH_JIT`,
    /// `VMBENCH_JIT_THRESHOLD` and `VMBENCH_JITLOG`.
    pub fn from_env(enabled: bool, threshold: u32) -> Options {
        let mut o = Options {
            enabled,
            threshold,
            bridge_threshold: 20,
            max_trace_len: 4000,
            optimize: true,
            log_path: None,
        };
        match std::env::var("VMBENCH_JIT").as_deref() {
            Ok("off") | Ok("0") => o.enabled = false,
            Ok("on") | Ok("1") => o.enabled = true,
            _ => {}
        }
        if let Some(n) = std::env::var("VMBENCH_JIT_THRESHOLD").ok().and_then(|s| s.parse().ok()) {
            o.threshold = n;
        }
        if let Some(n) = std::env::var("VMBENCH_JIT_BRIDGE").ok().and_then(|s| s.parse().ok()) {
            o.bridge_threshold = n;
        }
        o.log_path = std::env::var("VMBENCH_JITLOG").ok().filter(|s| !s.is_empty());
        o
    }
}

struct Code {
    f: TraceFn,
    /// The optimized trace as text (tests assert on it).
    text: String,
    name: String,
    entries: u64,
}

struct Exit {
    pos: GreenKey,
    /// Set for `finish`: the key whose compiled loop continues from here.
    link: Option<GreenKey>,
    /// `link` resolved to a compiled loop, once it has been.
    link_code: Option<usize>,
    failures: u64,
    bridge: Option<usize>,
    bridge_tries: u32,
    trace: usize,
}

/// What [`Jit::enter`] decided.
#[derive(Debug, PartialEq, Eq)]
pub enum Entered {
    /// Nothing compiled at this key: record a loop from it.
    Record,
    /// Compiled code ran; the frame is written back; resume at this position.
    Resume(GreenKey),
    /// As `Resume`, and this exit is hot: record a bridge (pass the id to `recorder`).
    RecordBridge(GreenKey, u32),
}

pub struct Jit {
    pub opts: Options,
    /// The concrete mode the interpreter runs in between traces.
    pub concrete: Concrete,
    nslots: usize,
    loops: HashMap<GreenKey, usize>,
    compiled: HashSet<GreenKey>,
    codes: Vec<Code>,
    exits: Vec<Exit>,
    aborts: HashMap<GreenKey, u32>,
    backend: Option<Backend>,
    log: String,
    compile_time: std::time::Duration,
}

impl Jit {
    /// A JIT for a frontend whose virtualizable frame has `nslots` slots.
    pub fn new(opts: Options, nslots: usize) -> Jit {
        let concrete = Concrete::new(opts.enabled, opts.threshold);
        let backend = if opts.enabled { Backend::new().ok() } else { None };
        let mut concrete = concrete;
        if backend.is_none() {
            concrete.jit_enabled = false;
        }
        Jit {
            opts,
            concrete,
            nslots,
            loops: HashMap::new(),
            compiled: HashSet::new(),
            codes: Vec::new(),
            exits: Vec::new(),
            aborts: HashMap::new(),
            backend,
            log: String::new(),
            compile_time: Default::default(),
        }
    }

    /// Runs compiled code for `key` if there is any; see [`Entered`].
    pub fn enter(&mut self, key: GreenKey, frame: &mut [i64]) -> Entered {
        let Some(&first) = self.loops.get(&key) else { return Entered::Record };
        assert!(frame.len() >= self.nslots, "frame smaller than declared");
        let mut code = first;
        loop {
            self.codes[code].entries += 1;
            // SAFETY: the trace was compiled for a frame of `nslots` words and
            // only touches memory the frontend's handlers touched while recording.
            let id = unsafe { (self.codes[code].f)(frame.as_mut_ptr()) } as usize;
            let Some(exit) = self.exits.get_mut(id) else { return Entered::Resume(key) };
            exit.failures += 1;
            if let Some(b) = exit.bridge {
                code = b;
                continue;
            }
            if let Some(c) = exit.link_code {
                code = c;
                continue;
            }
            if let Some(l) = exit.link {
                if let Some(&c) = self.loops.get(&l) {
                    // Loops are never replaced, so the lookup can be remembered.
                    exit.link_code = Some(c);
                    code = c;
                    continue;
                }
            }
            if exit.link.is_none()
                && exit.failures >= self.opts.bridge_threshold
                && exit.bridge_tries < 3
                && self.codes.len() < 10_000
            {
                exit.bridge_tries += 1;
                return Entered::RecordBridge(exit.pos, id as u32);
            }
            return Entered::Resume(exit.pos);
        }
    }

    /// A recorder starting at `key` (a loop), or at an exit's position (a bridge).
    pub fn recorder(&self, key: GreenKey, bridge_of: Option<u32>) -> Record<'_> {
        Record::new(key, self.nslots, bridge_of, &self.compiled, self.opts.max_trace_len)
    }

    /// Takes a finished recording: optimize, compile, install; or back off.
    pub fn finish(&mut self, rec: Outcome, trace: Trace, start: GreenKey, bridge_of: Option<u32>) {
        let what = match bridge_of {
            Some(g) => format!("bridge from exit {g} at {:x}:{}", start.code, start.pc),
            None => format!("loop at {:x}:{}", start.code, start.pc),
        };
        let ok = matches!(rec, Outcome::Loop | Outcome::Linked(_));
        if !ok {
            let why = match rec {
                Outcome::Aborted(w) => w,
                _ => "interpreter left the trace (program ended or error)".into(),
            };
            let _ = writeln!(self.log, "# abort {what}: {why}\n");
            if bridge_of.is_none() {
                let n = self.aborts.entry(start).or_insert(0);
                *n += 1;
                self.concrete.counters.back_off(start, *n);
            }
            return;
        }
        let logging = self.opts.log_path.is_some();
        if logging {
            let _ = writeln!(self.log, "# {what}: recorded, {} ops\n{}", trace.insts.len(), trace.to_text());
        }
        let opt = if self.opts.optimize { crate::opt::optimize(&trace) } else { trace };
        let name = format!("T{}", self.codes.len());
        if logging {
            let _ = writeln!(self.log, "# {what} = {name}: optimized, {} ops\n{}", opt.insts.len(), opt.to_text());
        }
        let base = self.exits.len() as u32;
        let Some(backend) = self.backend.as_mut() else { return };
        let t0 = std::time::Instant::now();
        let compiled = backend.compile(&opt, base);
        self.compile_time += t0.elapsed();
        let f = match compiled {
            Ok(f) => f,
            Err(e) => {
                let _ = writeln!(self.log, "# compile error {what}: {e}\n");
                return;
            }
        };
        let idx = self.codes.len();
        for (k, s) in opt.snapshots.iter().enumerate() {
            let is_finish = opt.insts.iter().any(|i| i.op == Op::Finish && i.snap as usize == k);
            self.exits.push(Exit {
                pos: s.pos,
                link: if is_finish { Some(s.pos) } else { None },
                link_code: None,
                failures: 0,
                bridge: None,
                bridge_tries: 0,
                trace: idx,
            });
        }
        self.codes.push(Code { f, name, entries: 0, text: opt.to_text() });
        match bridge_of {
            Some(g) => {
                if let Some(e) = self.exits.get_mut(g as usize) {
                    e.bridge = Some(idx);
                }
            }
            None => {
                self.loops.insert(start, idx);
                self.compiled.insert(start);
                self.concrete.counters.set_compiled(start);
            }
        }
    }

    /// The optimized text of every compiled trace, in compile order.
    pub fn trace_texts(&self) -> Vec<&str> {
        self.codes.iter().map(|c| c.text.as_str()).collect()
    }

    /// Number of compiled traces (loops and bridges).
    pub fn compiled_count(&self) -> usize {
        self.codes.len()
    }

    /// Writes the JIT log (traces, counts) if `VMBENCH_JITLOG` asked for it.
    pub fn write_log(&self) {
        let Some(path) = &self.opts.log_path else { return };
        let mut out = self.log.clone();
        let _ = writeln!(out, "# {} traces, backend time {:?}", self.codes.len(), self.compile_time);
        out.push_str("# entry counts\n");
        for c in &self.codes {
            let _ = writeln!(out, "{} entered {} times", c.name, c.entries);
        }
        out.push_str("# guard failure counts (exit id, trace, resume position, failures, bridge)\n");
        for (i, e) in self.exits.iter().enumerate() {
            if e.failures > 0 {
                let bridge = e.bridge.map(|b| self.codes[b].name.clone()).unwrap_or_else(|| "-".into());
                let _ = writeln!(
                    out,
                    "exit {i} in {}: {:x}:{} failed {} times, bridge {bridge}",
                    self.codes[e.trace].name, e.pos.code, e.pos.pc, e.failures
                );
            }
        }
        let h = vmcore::host::host();
        let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC;
        if let Ok(fd) = h.open(std::path::Path::new(path), flags, 0o644) {
            let _ = vmcore::host::write_all(fd, out.as_bytes());
            let _ = h.close(fd);
        }
    }
}
