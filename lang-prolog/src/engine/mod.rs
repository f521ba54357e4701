//! The execution machine: one flat dispatch loop over goals and continuations.
//!
//! State of a running query:
//! - `goal` + `cut_b`: the goal being executed and the choice-point height a
//!   `!` in it cuts back to;
//! - `cont`: a heap-allocated linked list of goals still to run (the
//!   continuation); a tail call simply reuses the caller's continuation, which
//!   is last-call optimisation for free, and deep recursion grows heap, not
//!   the native stack;
//! - `cps`: the choice-point stack; `trail`: variables to reset on backtracking.
//!
//! Every control construct (`,` `;` `->` `\+` call/N catch/3 findall/3 ...)
//! is a case of the loop, so nothing recurses in Rust per Prolog call.
//!
//! Clause bodies are stored as arrays of goal templates (see db.rs). Entering
//! a clause does not build its body: the first goal is called straight from
//! its template (`first_tmpl`, arguments in registers on the native stack),
//! and the later goals become continuation links that carry the template and
//! the clause's variable frame. is/2 and comparisons evaluate templates
//! directly. A goal term is only built when something needs it (a choice
//! point, a control construct, a non-deterministic builtin). Predicates are
//! identified by a stable index (`pred_map`), the key a JIT would specialise on.

pub mod db;
pub mod errors;
pub mod unify;

pub use errors::*;

use crate::reader::ops::Ops;
use crate::streams::Streams;
use crate::term::*;
use db::{Clause, Control, Kind, Pred};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A small fast hasher for integer keys (predicate keys, index keys).
#[derive(Default)]
pub struct FxHasher(u64);
impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64)
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}
pub type FxBuild = BuildHasherDefault<FxHasher>;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::object::symbol::{intern, name};
use vmcore::Value;

/// Continuation goal markers (immediates, never user terms): cut back to the
/// choice-point height stored in the link's `cut_b`, then go on (or fail).
pub const CUT_TO: Value = Value::imm(8);
pub const CUT_FAIL: Value = Value::imm(9);
pub const SOFT_CUT: Value = Value::imm(10);

/// One link of the continuation.
pub struct Cont {
    pub goal: Value,
    pub cut_b: usize,
    pub next: Value,
    /// When set, `goal` is a clause-body template and this is its variable
    /// frame (a `$frame` compound holding one value per clause variable): the
    /// goal is called from the template without building a goal term.
    pub frame: Value,
}
unsafe impl Trace for Cont {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.goal);
        t.value(self.next);
        t.value(self.frame);
    }
}
vmcore::gc_type!(Cont, "prolog-cont");

/// The solutions collected by findall/3 (a heap object so the goal term can carry it).
pub struct Bag {
    pub items: RefCell<Vec<Value>>,
}
unsafe impl Trace for Bag {
    fn trace(&self, t: &mut Tracer) {
        t.values(&self.items.borrow())
    }
}
vmcore::gc_type!(Bag, "prolog-bag");

pub enum Alt {
    /// Remaining clauses of a predicate call.
    Clauses { goal: Value, pred: usize, snap: Rc<Vec<Rc<Clause>>>, gen: u64, idx: usize },
    /// Run `goal` (the else branch of `;`, ...).
    Goal { goal: Value, cut_b: usize },
    /// catch/3 frame: active while its goal runs.
    Catch { catcher: Value, recovery: Value, cut_b: usize, active: Cell<bool> },
    /// On backtracking into a catch goal, make its frame active again.
    Reactivate { at: usize },
    /// End of a findall/3: collect the bag and continue.
    Findall { bag: Value, result: Value, tail: Value },
    Between { x: Value, next: i64, hi: i64 },
    Sols { goal: Value, sols: Vec<Vec<Value>>, idx: usize },
    /// '$clause'(Head, Body, Ref): clause/2 and retract/1 iterate with this.
    ClauseIter { head: Value, body: Value, cref: Value, pred: usize, snap: Rc<Vec<Rc<Clause>>>, idx: usize },
    /// Bottom of one run of the machine.
    Stop,
    /// Removed by a soft cut.
    Dead,
}

pub struct ChoicePoint {
    pub alt: Alt,
    pub trail_len: usize,
    pub cont: Value,
    /// Variable serial at creation: older variables must be trailed.
    pub stamp: u64,
}

unsafe impl Trace for ChoicePoint {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cont);
        match &self.alt {
            Alt::Clauses { goal, snap, .. } => {
                t.value(*goal);
                for c in snap.iter() {
                    c.trace(t);
                }
            }
            Alt::Goal { goal, .. } => t.value(*goal),
            Alt::Catch { catcher, recovery, .. } => {
                t.value(*catcher);
                t.value(*recovery);
            }
            Alt::Findall { bag, result, tail } => {
                t.value(*bag);
                t.value(*result);
                t.value(*tail);
            }
            Alt::Between { x, .. } => t.value(*x),
            Alt::Sols { goal, sols, .. } => {
                t.value(*goal);
                for s in sols {
                    t.values(s);
                }
            }
            Alt::ClauseIter { head, body, cref, snap, .. } => {
                t.value(*head);
                t.value(*body);
                t.value(*cref);
                for c in snap.iter() {
                    c.trace(t);
                }
            }
            _ => {}
        }
    }
}

pub struct Flags {
    pub double_quotes: crate::reader::parser::DoubleQuotes,
    pub unknown_error: bool,
    pub occurs_check: bool,
    pub argv: Vec<String>,
}

pub struct Engine {
    /// The JIT's view of this machine (see `run`): hotness of predicate calls.
    pub jit: tracer::Concrete,
    pub trail: Vec<Value>,
    pub cps: Vec<ChoicePoint>,
    /// Stamp of the newest choice point (variables older than it are trailed).
    pub hb: u64,
    pub preds: Vec<Pred>,
    pub pred_map: HashMap<(u32, u32), usize, FxBuild>,
    pub env: Vec<Value>,
    pub inst_stack: Vec<(Value, Value)>,
    pub head_stack: Vec<(Value, Value)>,
    pub unify_stack: Vec<(Value, Value)>,
    /// Arguments of a list-cell goal during head unification.
    pub head_pair: [Value; 2],
    /// Template of the next goal to call from a template (EMPTY if none),
    /// and its variable frame (EMPTY: the slots are in `env`).
    pub first_tmpl: Value,
    pub first_frame: Value,
    /// Frame that `instantiate` reads slots from (EMPTY: `env`).
    pub cur_frame: Value,
    pub ops: Ops,
    pub flags: Flags,
    pub globals: HashMap<u32, Value>,
    pub streams: Streams,
    /// Goals registered by initialization/1 during the current load.
    pub init_goals: Vec<Value>,
    pub init_lines: Vec<usize>,
    /// Loading the system prelude (its predicates are library predicates).
    pub loading_library: bool,
    pub load_dir: Vec<String>,
    pub loaded_files: Vec<String>,
    /// Set by an uncaught error in a directive: halt/0 then exits with 1.
    pub had_error: bool,
    /// Current predicate being defined in consult (to wipe library preds once).
    pub ctl: CtlAtoms,
    pub flag_values: HashMap<u32, Value>,
    /// Unify with the occurs check (unify_with_occurs_check/2 sets it briefly).
    pub occurs_check: bool,
    /// Loop iterations, for the periodic memory check.
    pub steps: u64,
}

/// Live heap above which a running program gets resource_error(memory)
/// instead of exhausting the machine (runaway recursion).
const MEMORY_LIMIT: usize = 1 << 30; // SWI-Prolog's default stack limit is 1 GiB too

/// Atom ids of the control constructs, compared in the dispatch loop.
pub struct CtlAtoms {
    /// is/2 and the arithmetic comparisons, evaluated straight from templates.
    pub arith: [u32; 7],
    pub frame: u32,
    pub call: u32,
}

thread_local! {
    static CURRENT: Cell<*const Engine> = const { Cell::new(std::ptr::null()) };
}

fn scan_roots(t: &mut Tracer) {
    let p = CURRENT.with(|c| c.get());
    if p.is_null() {
        return;
    }
    let e = unsafe { &*p };
    t.values(&e.trail);
    t.values(&e.env);
    t.values(&e.head_pair);
    t.value(e.first_tmpl);
    t.value(e.first_frame);
    t.value(e.cur_frame);
    for (a, b) in e.inst_stack.iter().chain(e.head_stack.iter()).chain(e.unify_stack.iter()) {
        t.value(*a);
        t.value(*b);
    }
    for cp in &e.cps {
        cp.trace(t);
    }
    for p in &e.preds {
        for c in p.clauses.iter() {
            c.trace(t);
        }
    }
    for v in e.globals.values().chain(e.flag_values.values()) {
        t.value(*v);
    }
    t.values(&e.init_goals);
}

/// JIT on/off and threshold from the environment (the CLI sets these too).
pub fn jit_setting() -> (bool, u32) {
    let on = !matches!(std::env::var("VMBENCH_JIT").as_deref(), Ok("off") | Ok("0"));
    let threshold = std::env::var("VMBENCH_JIT_THRESHOLD").ok().and_then(|t| t.parse().ok()).unwrap_or(1000);
    (on, threshold)
}

pub enum FastErr {
    Slow(Value),
    Fatal(PErr),
}

pub enum Step {
    Ok,
    Fail,
}

impl Engine {
    pub fn new(argv: Vec<String>) -> Box<Engine> {
        let e = Box::new(Engine {
            jit: tracer::Concrete::new(jit_setting().0, jit_setting().1),
            trail: Vec::new(),
            cps: Vec::new(),
            hb: 0,
            preds: Vec::new(),
            pred_map: HashMap::default(),
            env: Vec::new(),
            inst_stack: Vec::new(),
            head_stack: Vec::new(),
            unify_stack: Vec::new(),
            head_pair: [Value::EMPTY; 2],
            first_tmpl: Value::EMPTY,
            first_frame: Value::EMPTY,
            cur_frame: Value::EMPTY,
            ops: Ops::new(),
            flags: Flags {
                double_quotes: crate::reader::parser::DoubleQuotes::Codes,
                unknown_error: true,
                occurs_check: false,
                argv,
            },
            globals: HashMap::new(),
            streams: Streams::new(),
            init_goals: Vec::new(),
            init_lines: Vec::new(),
            loading_library: false,
            load_dir: Vec::new(),
            loaded_files: Vec::new(),
            had_error: false,
            ctl: CtlAtoms { frame: intern("$frame"), arith: ["is", "<", ">", "=<", ">=", "=:=", "=\\="].map(intern), call: intern("call") },
            flag_values: HashMap::new(),
            occurs_check: false,
            steps: 0,
        });
        CURRENT.with(|c| c.set(&*e as *const Engine));
        vmcore::gc::add_root_scanner(scan_roots);
        e
    }

    #[inline]
    pub fn push_cp(&mut self, alt: Alt, cont: Value) {
        let stamp = now();
        self.cps.push(ChoicePoint { alt, trail_len: self.trail.len(), cont, stamp });
        self.hb = stamp;
    }
    #[inline]
    pub fn cut_to(&mut self, h: usize) {
        if self.cps.len() > h {
            self.cps.truncate(h);
            self.hb = self.cps.last().map(|c| c.stamp).unwrap_or(0);
        }
    }
    #[inline]
    fn pop_cp(&mut self) {
        self.cps.pop();
        self.hb = self.cps.last().map(|c| c.stamp).unwrap_or(0);
    }

    fn mk_cont(goal: Value, cut_b: usize, next: Value) -> Value {
        alloc(Cont { goal, cut_b, next, frame: Value::EMPTY }).as_value()
    }

    /// Runs `goal` to its first solution. Leaves the choice points of the
    /// run above the returned base so `redo` can ask for more; `discard`
    /// removes them.
    pub fn solve(&mut self, goal: Value) -> Res<Option<usize>> {
        let base = self.cps.len();
        self.push_cp(Alt::Stop, Value::EMPTY);
        match self.run(goal, base + 1, Value::EMPTY, base) {
            Ok(true) => Ok(Some(base)),
            Ok(false) => {
                self.cut_to(base);
                Ok(None)
            }
            Err(e) => {
                self.cut_to(base);
                Err(e)
            }
        }
    }
    /// Next solution of a run started by `solve` (base as it returned).
    pub fn redo(&mut self, base: usize) -> Res<bool> {
        match self.backtrack(base) {
            Ok(Some((g, cb, k))) => match self.run(g, cb, k, base) {
                Ok(true) => Ok(true),
                Ok(false) => {
                    self.cut_to(base);
                    Ok(false)
                }
                Err(e) => {
                    self.cut_to(base);
                    Err(e)
                }
            },
            Ok(None) => {
                self.cut_to(base);
                Ok(false)
            }
            Err(e) => {
                self.cut_to(base);
                Err(e)
            }
        }
    }
    pub fn discard(&mut self, base: usize) {
        self.cut_to(base);
    }

    /// Runs `goal` once (as once/1); bindings stay. Ok(false) on failure.
    pub fn once(&mut self, goal: Value) -> Res<bool> {
        match self.solve(goal)? {
            Some(b) => {
                self.discard(b);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Backtracks to the newest alternative above `base`; returns what to run next.
    fn backtrack(&mut self, base: usize) -> Res<Option<(Value, usize, Value)>> {
        loop {
            let top = self.cps.len() - 1;
            if top < base {
                return Ok(None);
            }
            let tl = self.cps[top].trail_len;
            self.undo_to(tl);
            let cont = self.cps[top].cont;
            match &mut self.cps[top].alt {
                Alt::Stop => return Ok(None),
                Alt::Dead | Alt::Catch { .. } => {
                    self.pop_cp();
                }
                Alt::Reactivate { at } => {
                    let at = *at;
                    if let Alt::Catch { active, .. } = &self.cps[at].alt {
                        active.set(true);
                    }
                    self.pop_cp();
                }
                Alt::Goal { goal, cut_b } => {
                    let (g, cb) = (*goal, *cut_b);
                    self.pop_cp();
                    return Ok(Some((g, cb, cont)));
                }
                Alt::Clauses { goal, pred, snap, gen, idx } => {
                    let (g, p, s, gn, i) = (*goal, *pred, snap.clone(), *gen, *idx);
                    if let Some((body, cb, k)) = self.try_clauses(g, &[], p, s, gn, i, cont, true) {
                        return Ok(Some((body, cb, k)));
                    }
                }
                Alt::Between { x, next, hi } => {
                    let (x, n, h) = (*x, *next, *hi);
                    if n >= h {
                        self.pop_cp();
                    } else {
                        *next = n + 1;
                    }
                    let v = mk_int(n);
                    if self.unify(x, v) {
                        return Ok(Some((Value::EMPTY, 0, cont)));
                    }
                }
                Alt::Sols { goal, sols, idx } => {
                    let g = *goal;
                    let i = *idx;
                    let last = i + 1 >= sols.len();
                    let sol = std::mem::take(&mut sols[i]);
                    *idx = i + 1;
                    if last {
                        self.pop_cp();
                    }
                    let _keep = vmcore::gc::RootedVec::from_vec(sol.clone());
                    let mut ok = true;
                    for (j, v) in sol.iter().enumerate() {
                        if !self.unify(arg(g, j), *v) {
                            ok = false;
                            break;
                        }
                    }
                    if ok {
                        return Ok(Some((Value::EMPTY, 0, cont)));
                    }
                }
                Alt::ClauseIter { head, body, cref, pred, snap, idx } => {
                    let (h, b, r, p, s, i) = (*head, *body, *cref, *pred, snap.clone(), *idx);
                    if self.clause_iter(h, b, r, p, s, i, cont, true) {
                        return Ok(Some((Value::EMPTY, 0, cont)));
                    }
                }
                Alt::Findall { bag, result, tail } => {
                    let (bag, result, tail) = (*bag, *result, *tail);
                    self.pop_cp();
                    let items = Gc::<Bag>::downcast(bag).unwrap().items.borrow().clone();
                    let _keep = vmcore::gc::RootedVec::from_vec(items.clone());
                    let l = mk_list(&items, tail);
                    if self.unify(result, l) {
                        return Ok(Some((Value::EMPTY, 0, cont)));
                    }
                }
            }
        }
    }

    /// Tries clauses of `pred` from index `start` against `goal`. When
    /// `have_cp` the top choice point is this call's and is updated or popped.
    /// Returns the body to run (EMPTY for a fact), its cut barrier and continuation.
    /// Tries clauses of `pred` from index `start` against `goal` (or, when
    /// `goal` is EMPTY, against the argument registers `args`: the call was
    /// made without building a goal term, which is only built if a choice
    /// point needs it). When `have_cp` the top choice point is this call's and
    /// is updated or popped. Returns the first body goal to run (EMPTY for a
    /// fact; see `first_tmpl`), its cut barrier and continuation.
    #[allow(clippy::too_many_arguments)]
    fn try_clauses(&mut self, mut goal: Value, args: &[Value], pred: usize, snap: Rc<Vec<Rc<Clause>>>, gen: u64, start: usize, cont: Value, mut have_cp: bool) -> Option<(Value, usize, Value)> {
        let a0 = if goal.is_empty() { args.first().copied() } else if self.preds[pred].arity > 0 { Some(arg(goal, 0)) } else { None };
        let key = a0.and_then(|a| db::index_key(deref(a)));
        let mut i = db::next_candidate(&self.preds[pred], &snap, gen, key, start);
        loop {
            let ci = match i {
                Some(ci) => ci,
                None => {
                    if have_cp {
                        self.pop_cp();
                    }
                    return None;
                }
            };
            let j = db::next_candidate(&self.preds[pred], &snap, gen, key, ci + 1);
            let h = if have_cp { self.cps.len() - 1 } else { self.cps.len() };
            if let Some(j) = j {
                if have_cp {
                    if let Alt::Clauses { idx, .. } = &mut self.cps[h].alt {
                        *idx = j;
                    }
                } else {
                    if goal.is_empty() {
                        let p = &self.preds[pred];
                        goal = mk_compound(p.name, args);
                    }
                    self.push_cp(Alt::Clauses { goal, pred, snap: snap.clone(), gen, idx: j }, cont);
                    have_cp = true;
                }
            } else if have_cp {
                self.pop_cp();
                have_cp = false;
            }
            let c = &snap[ci];
            self.env.clear();
            self.env.resize(c.nvars, Value::EMPTY);
            let ok = if goal.is_empty() { self.unify_head_args(c.head, args) } else { self.unify_head(c.head, goal) };
            if ok {
                // The body runs from its templates. With one goal, the slots
                // stay in `env` (used at once); with more, they move to a heap
                // frame shared by the continuation links. Every variable of the
                // frame is created now, before any body goal can leave a choice
                // point, so later bindings of them are trailed properly.
                let n = c.goals.len();
                if n == 0 {
                    return Some((Value::EMPTY, h, cont));
                }
                self.first_tmpl = c.goals[0];
                if n == 1 {
                    self.first_frame = Value::EMPTY;
                    return Some((Value::EMPTY, h, cont));
                }
                let nv = c.nvars;
                let frame = alloc_compound(self.ctl.frame, nv);
                for i in 0..nv {
                    let v = if self.env[i].is_empty() { new_var() } else { self.env[i] };
                    unsafe { Gc::<Compound>::from_value_unchecked(frame).args_mut()[i] = v };
                }
                let mut k = cont;
                for gi in (1..n).rev() {
                    k = alloc(Cont { goal: c.goals[gi], cut_b: h, next: k, frame }).as_value();
                }
                self.first_frame = frame;
                return Some((Value::EMPTY, h, k));
            }
            if !have_cp {
                return None;
            }
            let tl = self.cps[h].trail_len;
            self.undo_to(tl);
            i = j;
        }
    }

    /// One step of '$clause'(Head, Body, Ref) iteration.
    #[allow(clippy::too_many_arguments)]
    fn clause_iter(&mut self, head: Value, body: Value, cref: Value, pred: usize, snap: Rc<Vec<Rc<Clause>>>, start: usize, cont: Value, mut have_cp: bool) -> bool {
        let n = snap.len();
        let mut i = start;
        loop {
            while i < n && snap[i].erased.get() {
                i += 1;
            }
            if i >= n {
                if have_cp {
                    self.pop_cp();
                }
                return false;
            }
            let h = if have_cp { self.cps.len() - 1 } else { self.cps.len() };
            if i + 1 < n {
                if have_cp {
                    if let Alt::ClauseIter { idx, .. } = &mut self.cps[h].alt {
                        *idx = i + 1;
                    }
                } else {
                    self.push_cp(Alt::ClauseIter { head, body, cref, pred, snap: snap.clone(), idx: i + 1 }, cont);
                    have_cp = true;
                }
            } else if have_cp {
                self.pop_cp();
                have_cp = false;
            }
            let c = snap[i].clone();
            self.env.clear();
            self.env.resize(c.nvars, Value::EMPTY);
            let hv = self.instantiate(c.head);
            let bv = self.instantiate(c.body);
            let r = alloc(db::ClauseRef { pred, clause: c }).as_value();
            if self.unify(head, hv) && self.unify(body, bv) && self.unify(cref, r) {
                return true;
            }
            if !have_cp {
                return false;
            }
            let tl = self.cps[h].trail_len;
            self.undo_to(tl);
            i += 1;
        }
    }

    /// Handles a thrown ball: finds the newest active catch/3 above `base`
    /// whose catcher unifies; returns the recovery goal to run.
    fn handle_throw(&mut self, ball: Value, base: usize) -> Res<(Value, usize, Value)> {
        let ball = unify::copy_term(ball);
        loop {
            if self.cps.len() <= base + 1 {
                // only the Stop frame is left: propagate to the caller of run()
                return Err(PErr::Throw(ball));
            }
            let top = self.cps.len() - 1;
            let tl = self.cps[top].trail_len;
            self.undo_to(tl);
            if let Alt::Catch { catcher, recovery, cut_b, active } = &self.cps[top].alt {
                if active.get() {
                    let (c, r, cb) = (*catcher, *recovery, *cut_b);
                    let cont = self.cps[top].cont;
                    self.pop_cp();
                    let mark = self.trail.len();
                    if self.unify(c, ball) {
                        let _ = cb;
                        return Ok((r, self.cps.len(), cont));
                    }
                    self.undo_to(mark);
                    continue;
                }
            }
            self.pop_cp();
        }
    }

    /// Adds context(Name/Arity, _) to an error thrown by a builtin, as SWI reports it.
    fn add_context(&self, e: PErr, goal: Value) -> PErr {
        if let PErr::Throw(b) = e {
            let b = deref(b);
            if let Some((f, 2)) = functor_of(b) {
                if f == wk().error_id && is_var(deref(arg(b, 1))) {
                    if let Some((gf, n)) = functor_of(goal).or_else(|| if goal.is_symbol() { Some((goal.symbol_id(), 0)) } else { None }) {
                        let ctx = mk("context", &[errors::indicator(gf, n), new_var()]);
                        return PErr::Throw(mk("error", &[arg(b, 0), ctx]));
                    }
                }
            }
        }
        e
    }

    /// The machine's main loop. Runs `goal` then the continuation `cont`;
    /// returns Ok(true) when the continuation is exhausted (a solution),
    /// Ok(false) when backtracking reaches the Stop frame at `base`.
    pub fn run(&mut self, goal: Value, cut_b: usize, cont: Value, base: usize) -> Res<bool> {
        let mut goal = goal;
        let mut cut_b = cut_b;
        let mut cont = cont;
        let true_atom = wk().true_;
        loop {
            // JIT merge point: the green key is the goal being run (the state
            // is goal, cut_b, cont); recording will start here.
            tracer::Mode::merge_point(&mut self.jit, tracer::GreenKey { code: goal.0 as usize, pc: 0 });
            self.steps = self.steps.wrapping_add(1);
            if self.steps & 0xF_FFFF == 0 && vmcore::gc::stats().live_bytes > MEMORY_LIMIT {
                self.first_tmpl = Value::EMPTY;
                let ball = match resource_err("memory") {
                    PErr::Throw(b) => b,
                    other => return Err(other),
                };
                let (g2, cb, k) = self.handle_throw(ball, base)?;
                goal = g2;
                cut_b = cb;
                cont = k;
                continue;
            }
            if !self.first_tmpl.is_empty() {
                // Fast call path: the first goal of a clause body is called
                // straight from its template; arguments go in registers and no
                // goal term is built unless a choice point needs it.
                let t = std::mem::replace(&mut self.first_tmpl, Value::EMPTY);
                match self.fast_call(t, cut_b, cont, base) {
                    Ok(Some((g2, cb, k))) => {
                        goal = g2;
                        cut_b = cb;
                        cont = k;
                        continue;
                    }
                    Ok(None) => return Ok(false),
                    Err(FastErr::Slow(g)) => goal = g,
                    Err(FastErr::Fatal(e)) => return Err(e),
                }
            }
            if goal.is_empty() || goal == true_atom {
                if cont.is_empty() {
                    return Ok(true);
                }
                let c = unsafe { Gc::<Cont>::from_value_unchecked(cont) };
                goal = c.goal;
                cut_b = c.cut_b;
                cont = c.next;
                if !c.frame.is_empty() {
                    // a body goal template with its frame: take the fast call path
                    self.first_tmpl = goal;
                    self.first_frame = c.frame;
                    goal = Value::EMPTY;
                    continue;
                }
                if goal.is_imm() {
                    // a cut marker left by if-then-else or \+
                    if goal == CUT_TO {
                        self.cut_to(cut_b);
                    } else if goal == SOFT_CUT {
                        if let Some(cp) = self.cps.get_mut(cut_b) {
                            if matches!(cp.alt, Alt::Goal { .. }) {
                                cp.alt = Alt::Dead;
                            }
                        }
                    } else {
                        self.cut_to(cut_b);
                        match self.backtrack(base)? {
                            Some((g2, cb, k)) => {
                                goal = g2;
                                cut_b = cb;
                                cont = k;
                                continue;
                            }
                            None => return Ok(false),
                        }
                    }
                    goal = Value::EMPTY;
                }
                continue;
            }
            let g = deref(goal);
            goal = Value::EMPTY;
            let (fid, arity) = if g.is_symbol() {
                (g.symbol_id(), 0)
            } else if let Some(f) = functor_of(g) {
                f
            } else {
                let ball = match if is_var(g) { inst_err() } else { type_err("callable", g) } {
                    PErr::Throw(b) => b,
                    other => return Err(other),
                };
                let (g2, cb, k) = self.handle_throw(ball, base)?;
                goal = g2;
                cut_b = cb;
                cont = k;
                continue;
            };
            let pid = match self.pred_map.get(&(fid, arity as u32)) {
                Some(&p) => p,
                None => self.pred_id(fid, arity),
            };
            // A loop in Prolog is a recursive call: predicate entry is where the
            // JIT may enter compiled code, keyed by the predicate.
            tracer::Mode::can_enter_jit(&mut self.jit, tracer::GreenKey { code: pid, pc: u32::MAX });
            let result: Res<Step> = match self.preds[pid].kind.clone() {
                Kind::Clauses => {
                    if self.preds[pid].clauses.len() >= 8 {
                        self.ensure_index(pid);
                    }
                    let snap = self.preds[pid].clauses.clone();
                    let gen = self.preds[pid].gen;
                    if snap.is_empty() && !self.preds[pid].dynamic && !self.preds[pid].defined && self.flags.unknown_error {
                        Err(existence_err("procedure", errors::indicator(fid, arity)))
                    } else {
                        match self.try_clauses(g, &[], pid, snap, gen, 0, cont, false) {
                            Some((body, cb, k)) => {
                                goal = body;
                                cut_b = cb;
                                cont = k;
                                Ok(Step::Ok)
                            }
                            None => Ok(Step::Fail),
                        }
                    }
                }
                Kind::Det(f) => {
                    let r = if arity == 0 {
                        f(self, &[])
                    } else if let Some(c) = Gc::<Compound>::downcast(g) {
                        f(self, c.args())
                    } else {
                        let a = [arg(g, 0), arg(g, 1)];
                        f(self, &a)
                    };
                    match r {
                        Ok(true) => Ok(Step::Ok),
                        Ok(false) => Ok(Step::Fail),
                        Err(e) => Err(self.add_context(e, g)),
                    }
                }
                Kind::NonDet(f) => {
                    let args = args_of(g);
                    match f(self, &args) {
                        Ok(sols) if sols.is_empty() => Ok(Step::Fail),
                        Ok(sols) => {
                            self.push_cp(Alt::Sols { goal: g, sols, idx: 0 }, cont);
                            Ok(Step::Fail) // backtracking into the new choice point delivers the first solution
                        }
                        Err(e) => Err(self.add_context(e, g)),
                    }
                }
                Kind::Control(c) => self.control(c, g, arity, &mut goal, &mut cut_b, &mut cont),
            };
            match result {
                Ok(Step::Ok) => {}
                Ok(Step::Fail) => match self.backtrack(base)? {
                    Some((g2, cb, k)) => {
                        goal = g2;
                        cut_b = cb;
                        cont = k;
                    }
                    None => return Ok(false),
                },
                Err(PErr::Throw(ball)) => {
                    let (g2, cb, k) = self.handle_throw(ball, base)?;
                    goal = g2;
                    cut_b = cb;
                    cont = k;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Calls a body goal given as a template (see `first_tmpl`). Returns the
    /// next state, or `Slow(goal)` with the built goal term when the goal
    /// needs the general path (control constructs, non-deterministic builtins).
    fn fast_call(&mut self, t: Value, cut_b: usize, cont: Value, base: usize) -> Result<Option<(Value, usize, Value)>, FastErr> {
        self.cur_frame = std::mem::replace(&mut self.first_frame, Value::EMPTY);
        let r = self.fast_call_in(t, cut_b, cont, base);
        self.cur_frame = Value::EMPTY;
        r
    }

    /// Instantiates `t` in the current frame and leaves the frame.
    fn slow(&mut self, t: Value) -> Result<Option<(Value, usize, Value)>, FastErr> {
        let g = self.instantiate(t);
        self.cur_frame = Value::EMPTY;
        Err(FastErr::Slow(g))
    }

    fn fast_call_in(&mut self, t: Value, cut_b: usize, cont: Value, base: usize) -> Result<Option<(Value, usize, Value)>, FastErr> {
        let tc = match Gc::<db::TCompound>::downcast(t) {
            Some(tc) if tc.args.len() <= 8 => tc,
            _ => return self.slow(t),
        };
        let n = tc.args.len();
        if n == 2 {
            if let Some(op) = self.ctl.arith.iter().position(|&a| a == tc.name) {
                if let Some(r) = self.fast_arith(op, tc.args[0], tc.args[1]) {
                    let r = match r {
                        Err(PErr::Throw(ball)) => {
                            let g = self.instantiate(t);
                            match self.add_context(PErr::Throw(ball), g) {
                                PErr::Throw(b) => Err(PErr::Throw(b)),
                                other => Err(other),
                            }
                        }
                        other => other,
                    };
                    self.cur_frame = Value::EMPTY;
                    let st = match r {
                        Ok(true) => return Ok(Some((Value::EMPTY, cut_b, cont))),
                        Ok(false) => self.backtrack(base),
                        Err(PErr::Throw(ball)) => self.handle_throw(ball, base).map(Some),
                        Err(e) => Err(e),
                    };
                    return st.map_err(FastErr::Fatal);
                }
            }
        }
        let pid = match self.pred_map.get(&(tc.name, n as u32)) {
            Some(&p) => p,
            None => return self.slow(t),
        };
        let is_clauses = match self.preds[pid].kind {
            Kind::Clauses => !self.preds[pid].clauses.is_empty(),
            Kind::Det(_) => true,
            _ => false,
        };
        if !is_clauses {
            return self.slow(t);
        }
        // argument registers live on the native stack (a conservative GC root)
        let mut regs = [Value::EMPTY; 8];
        for i in 0..n {
            regs[i] = self.instantiate(tc.args[i]);
        }
        self.cur_frame = Value::EMPTY;
        let args = &regs[..n];
        let r: Res<bool> = match self.preds[pid].kind.clone() {
            Kind::Det(f) => match f(self, args) {
                Ok(true) => return Ok(Some((Value::EMPTY, cut_b, cont))),
                Ok(false) => Ok(false),
                Err(e) => {
                    let g = mk_compound(tc.name, args);
                    Err(self.add_context(e, g))
                }
            },
            _ => {
                if self.preds[pid].clauses.len() >= 8 {
                    self.ensure_index(pid);
                }
                let snap = self.preds[pid].clauses.clone();
                let gen = self.preds[pid].gen;
                match self.try_clauses(Value::EMPTY, args, pid, snap, gen, 0, cont, false) {
                    Some(st) => return Ok(Some(st)),
                    None => Ok(false),
                }
            }
        };
        let st = match r {
            Ok(_) => self.backtrack(base),
            Err(PErr::Throw(ball)) => self.handle_throw(ball, base).map(Some),
            Err(e) => Err(e),
        };
        match st {
            Ok(x) => Ok(x),
            Err(e) => Err(FastErr::Fatal(e)),
        }
    }

    /// is/2 (op 0) and comparisons (1..) on templates; None: use the general path.
    fn fast_arith(&mut self, op: usize, l: Value, r: Value) -> Option<Res<bool>> {
        use crate::builtins::arith::{eval_template, num_cmp};
        use std::cmp::Ordering::*;
        // SAFETY (both arms): evaluation only reads the slots, and neither
        // `env` nor a frame is resized while this runs.
        let slots: &[Value] = if self.cur_frame.is_empty() {
            unsafe { std::slice::from_raw_parts(self.env.as_ptr(), self.env.len()) }
        } else {
            let f = unsafe { Gc::<Compound>::from_value_unchecked(self.cur_frame) };
            // SAFETY: the frame is rooted by `cur_frame` and never resized
            unsafe { std::slice::from_raw_parts(f.args().as_ptr(), f.arity as usize) }
        };
        if op == 0 {
            let v = match eval_template(slots, r)? {
                Ok(v) => v.to_value(),
                Err(e) => return Some(Err(e)),
            };
            let lhs = self.instantiate(l);
            return Some(Ok(self.unify(lhs, v)));
        }
        let x = match eval_template(slots, l)? {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        let y = match eval_template(slots, r)? {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        let o = num_cmp(&x, &y);
        Some(Ok(match op {
            1 => o == Less,
            2 => o == Greater,
            3 => o != Greater,
            4 => o != Less,
            5 => o == Equal,
            _ => o != Equal,
        }))
    }

    /// The control constructs. They rewrite (goal, cut_b, cont) in place.
    fn control(&mut self, c: Control, g: Value, arity: usize, goal: &mut Value, cut_b: &mut usize, cont: &mut Value) -> Res<Step> {
        match c {
            Control::True => Ok(Step::Ok),
            Control::Fail => Ok(Step::Fail),
            Control::Conj => {
                *cont = Self::mk_cont(arg(g, 1), *cut_b, *cont);
                *goal = arg(g, 0);
                Ok(Step::Ok)
            }
            Control::Cut => {
                self.cut_to(*cut_b);
                Ok(Step::Ok)
            }
            Control::CutTo => {
                let h = deref(arg(g, 0)).as_int() as usize;
                self.cut_to(h);
                Ok(Step::Ok)
            }
            Control::Disj => {
                let l = deref(arg(g, 0));
                let h = self.cps.len();
                if let Some((f, 2)) = functor_of(l) {
                    let n = name(f);
                    if n == "->" || n == "*->" {
                        // if-then-else: the else branch is the alternative; the
                        // condition is opaque to cut; success commits.
                        self.push_cp(Alt::Goal { goal: arg(g, 1), cut_b: *cut_b }, *cont);
                        let then = Self::mk_cont(arg(l, 1), *cut_b, *cont);
                        *cont = Self::mk_cont(if n == "->" { CUT_TO } else { SOFT_CUT }, h, then);
                        *goal = arg(l, 0);
                        *cut_b = h + 1;
                        return Ok(Step::Ok);
                    }
                }
                self.push_cp(Alt::Goal { goal: arg(g, 1), cut_b: *cut_b }, *cont);
                *goal = l;
                Ok(Step::Ok)
            }
            Control::IfThen | Control::SoftIf => {
                let h = self.cps.len();
                // (C -> T) without else: like (C -> T ; fail)
                self.push_cp(Alt::Goal { goal: wk().fail, cut_b: *cut_b }, *cont);
                let then = Self::mk_cont(arg(g, 1), *cut_b, *cont);
                *cont = Self::mk_cont(if c == Control::IfThen { CUT_TO } else { SOFT_CUT }, h, then);
                *goal = arg(g, 0);
                *cut_b = h + 1;
                Ok(Step::Ok)
            }
            Control::Not => {
                let h = self.cps.len();
                self.push_cp(Alt::Goal { goal: wk().true_, cut_b: *cut_b }, *cont);
                *cont = Self::mk_cont(CUT_FAIL, h, *cont);
                *goal = need_callable(arg(g, 0))?;
                *cut_b = h + 1;
                Ok(Step::Ok)
            }
            Control::Call => {
                let t = need_callable(arg(g, 0))?;
                check_body(t)?;
                *goal = t;
                *cut_b = self.cps.len();
                Ok(Step::Ok)
            }
            Control::CallN => {
                let t = need_callable(arg(g, 0))?;
                let mut args = args_of(t);
                for i in 1..arity {
                    args.push(arg(g, i));
                }
                let f = if t.is_symbol() { t.symbol_id() } else { functor_of(t).unwrap().0 };
                *goal = mk_compound(f, &args);
                *cut_b = self.cps.len();
                Ok(Step::Ok)
            }
            Control::Catch => {
                let h = self.cps.len();
                self.push_cp(Alt::Catch { catcher: arg(g, 1), recovery: arg(g, 2), cut_b: *cut_b, active: Cell::new(true) }, *cont);
                *cont = Self::mk_cont(mk("$exit_catch", &[Value::int_unchecked(h as i64)]), *cut_b, *cont);
                *goal = arg(g, 0);
                *cut_b = h + 1;
                Ok(Step::Ok)
            }
            Control::ExitCatch => {
                let h = deref(arg(g, 0)).as_int() as usize;
                if self.cps.len() == h + 1 {
                    // deterministic exit: the catch frame is no longer needed
                    self.pop_cp();
                } else if let Some(Alt::Catch { active, .. }) = self.cps.get(h).map(|c| &c.alt) {
                    active.set(false);
                    self.push_cp(Alt::Reactivate { at: h }, Value::EMPTY);
                }
                Ok(Step::Ok)
            }
            Control::Throw => {
                let b = need_nonvar(arg(g, 0))?;
                Err(PErr::Throw(b))
            }
            Control::Findall | Control::Findall4 => {
                let tail = if c == Control::Findall4 { arg(g, 3) } else { wk().nil };
                let res = deref(arg(g, 2));
                if !is_var(res) && !is_partial_list(res) {
                    return Err(type_err("list", res));
                }
                let goal_t = need_callable(arg(g, 1))?;
                let bag = alloc(Bag { items: RefCell::new(Vec::new()) }).as_value();
                let h = self.cps.len();
                self.push_cp(Alt::Findall { bag, result: arg(g, 2), tail }, *cont);
                let add = mk("$findall_add", &[bag, arg(g, 0)]);
                *cont = Self::mk_cont(add, 0, Value::EMPTY);
                *goal = goal_t;
                *cut_b = h + 1;
                Ok(Step::Ok)
            }
            Control::FindallAdd => {
                let bag = Gc::<Bag>::downcast(arg(g, 0)).unwrap();
                let copy = unify::copy_term(arg(g, 1));
                bag.items.borrow_mut().push(copy);
                Ok(Step::Fail)
            }
            Control::Forall => {
                // forall(C, A) :- \+ (C, \+ A)
                let inner = mk_compound(wk().comma_id, &[arg(g, 0), mk("\\+", &[arg(g, 1)])]);
                *goal = mk("\\+", &[inner]);
                Ok(Step::Ok)
            }
            Control::Between => {
                let lo = need_int(arg(g, 0))?;
                let hi_t = deref(arg(g, 1));
                let hi = if hi_t.is_symbol() && (atom_name(hi_t) == "inf" || atom_name(hi_t) == "infinite") {
                    i64::MAX
                } else {
                    let h = need_int(hi_t)?;
                    if h.is_int() { h.as_int() } else { i64::MAX }
                };
                let lo = if lo.is_int() { lo.as_int() } else { return Err(repr_err("max_integer")) };
                let x = deref(arg(g, 2));
                if !is_var(x) {
                    let x = need_int(x)?;
                    return Ok(if x.is_int() && x.as_int() >= lo && x.as_int() <= hi { Step::Ok } else { Step::Fail });
                }
                if lo > hi {
                    return Ok(Step::Fail);
                }
                if lo < hi {
                    self.push_cp(Alt::Between { x, next: lo + 1, hi }, *cont);
                }
                self.bind(x, mk_int(lo));
                Ok(Step::Ok)
            }
            Control::ClauseRef => {
                let head = deref(arg(g, 0));
                let (f, n) = if head.is_symbol() { (head.symbol_id(), 0) } else { functor_of(head).unwrap() };
                let pid = match self.lookup_pred(f, n) {
                    Some(p) => p,
                    None => return Ok(Step::Fail),
                };
                let snap = self.preds[pid].clauses.clone();
                if self.clause_iter(head, arg(g, 1), arg(g, 2), pid, snap, 0, *cont, false) {
                    Ok(Step::Ok)
                } else {
                    Ok(Step::Fail)
                }
            }
        }
    }
}

fn is_partial_list(mut l: Value) -> bool {
    loop {
        l = deref(l);
        if let Some(c) = Gc::<Cons>::downcast(l) {
            l = c.tail.get();
        } else {
            return l == wk().nil || is_var(l);
        }
    }
}

/// ISO: call/1 of a body with a non-callable part raises type_error(callable, Body).
fn check_body(t: Value) -> Res<()> {
    let mut stack = vec![t];
    while let Some(x) = stack.pop() {
        let x = deref(x);
        if let Some((f, 2)) = functor_of(x) {
            let n = name(f);
            if matches!(n, "," | ";" | "->" | "*->") {
                stack.push(arg(x, 0));
                stack.push(arg(x, 1));
                continue;
            }
        }
        if !is_var(x) && !is_callable(x) {
            return Err(type_err("callable", t));
        }
    }
    Ok(())
}
