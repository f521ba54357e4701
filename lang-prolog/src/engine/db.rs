//! The clause database: predicates, clause templates and first-argument keys.
//!
//! A stored clause is a *template*: the clause term with each variable
//! replaced by a slot number (`Value::imm(FIRST_FRONTEND_IMM + k)`), and every
//! non-ground compound replaced by a `TCompound` node. Ground subterms stay
//! ordinary terms and are shared, never copied, when the clause is used.
//! Calling a clause unifies the head template directly against the goal,
//! filling a slot environment (no head is ever built when the goal's
//! arguments are bound), then builds the body from its template.
//!
//! The logical update view comes from copy-on-write clause lists: a call
//! takes an `Rc` snapshot of the list; assert/retract replace the list.

use super::Engine;
use crate::term::*;
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

pub const SLOT0: u64 = Value::FIRST_FRONTEND_IMM;

/// A template compound that contains variable slots.
pub struct TCompound {
    pub name: u32,
    pub args: Box<[Value]>,
    /// No argument is itself a template compound (build/match without a work stack).
    pub flat: bool,
}

fn tcompound(name: u32, args: Vec<Value>) -> Value {
    let flat = !args.iter().any(|a| Gc::<TCompound>::is(*a));
    alloc(TCompound { name, args: args.into_boxed_slice(), flat }).as_value()
}
unsafe impl Trace for TCompound {
    fn trace(&self, t: &mut Tracer) {
        t.values(&self.args)
    }
}
vmcore::gc_type!(TCompound, "prolog-template");

#[inline]
pub fn slot_of(v: Value) -> Option<usize> {
    if v.is_imm() && v.imm_id() >= SLOT0 {
        Some((v.imm_id() - SLOT0) as usize)
    } else {
        None
    }
}

pub struct Clause {
    pub head: Value,
    pub body: Value,
    /// The body's conjunction flattened into goal templates (run left to right).
    pub goals: Box<[Value]>,
    pub nvars: usize,
    /// First-argument key (None: variable or unindexable first argument).
    pub key: Option<u64>,
    pub erased: Cell<bool>,
}
unsafe impl Trace for Clause {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.head);
        t.value(self.body);
        t.values(&self.goals);
    }
}

/// A clause reference as a Prolog term (clause/2, retract/1, erase).
pub struct ClauseRef {
    pub pred: usize,
    pub clause: Rc<Clause>,
}
unsafe impl Trace for ClauseRef {
    fn trace(&self, t: &mut Tracer) {
        self.clause.trace(t)
    }
}
vmcore::gc_type!(ClauseRef, "prolog-clause-ref");

pub type DetFn = fn(&mut Engine, &[Value]) -> super::Res<bool>;
pub type NonDetFn = fn(&mut Engine, &[Value]) -> super::Res<Vec<Vec<Value>>>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Control {
    Conj,
    Disj,
    IfThen,
    SoftIf,
    Not,
    Call,
    CallN,
    Cut,
    True,
    Fail,
    Catch,
    Throw,
    Findall,
    Findall4,
    Forall,
    Between,
    ClauseRef,
    CutTo,
    ExitCatch,
    FindallAdd,
}

#[derive(Clone)]
pub enum Kind {
    /// User or library predicate defined by clauses.
    Clauses,
    Det(DetFn),
    NonDet(NonDetFn),
    Control(Control),
}

/// First-argument hash index over a predicate's clause list: for each key,
/// the positions of the clauses that can match it (including clauses whose
/// first argument is a variable), in order. Built lazily on the first call
/// with a bound first argument; kept up to date by assertz (append keeps
/// positions stable); dropped when `gen` changes (asserta, compaction).
pub struct Index {
    pub gen: u64,
    pub map: HashMap<u64, Vec<u32>, super::FxBuild>,
    pub var_only: Vec<u32>,
}

impl Index {
    fn build(clauses: &[Rc<Clause>], gen: u64) -> Index {
        let mut ix = Index { gen, map: HashMap::default(), var_only: Vec::new() };
        for (i, c) in clauses.iter().enumerate() {
            ix.add(i as u32, c.key);
        }
        ix
    }
    fn add(&mut self, pos: u32, key: Option<u64>) {
        match key {
            Some(k) => {
                let var_only = &self.var_only;
                self.map.entry(k).or_insert_with(|| var_only.clone()).push(pos);
            }
            None => {
                for v in self.map.values_mut() {
                    v.push(pos);
                }
                self.var_only.push(pos);
            }
        }
    }
}

/// Position of the first clause at or after `from` that may match `key`.
#[inline]
pub fn next_candidate(p: &Pred, snap: &[Rc<Clause>], gen: u64, key: Option<u64>, from: usize) -> Option<usize> {
    if let (Some(k), Some(ix)) = (key, p.index.as_ref()) {
        if ix.gen == gen {
            let list = ix.map.get(&k).unwrap_or(&ix.var_only);
            let j = list.partition_point(|&x| (x as usize) < from);
            for &x in &list[j..] {
                let x = x as usize;
                if x >= snap.len() {
                    return None;
                }
                if !snap[x].erased.get() {
                    return Some(x);
                }
            }
            return None;
        }
    }
    let mut i = from;
    while i < snap.len() {
        let c = &snap[i];
        if !c.erased.get() {
            match (key, c.key) {
                (Some(a), Some(b)) if a != b => {}
                _ => return Some(i),
            }
        }
        i += 1;
    }
    None
}

pub struct Pred {
    pub gen: u64,
    pub index: Option<Index>,
    pub n_erased: usize,
    pub name: u32,
    pub arity: usize,
    pub kind: Kind,
    pub clauses: Rc<Vec<Rc<Clause>>>,
    pub dynamic: bool,
    /// Defined by the system library (prelude); user files may redefine it.
    pub library: bool,
    /// Set once a user file has added clauses (so a library definition is replaced once).
    pub user_defined: bool,
    pub defined: bool,
}

impl Pred {
    pub fn is_builtin(&self) -> bool {
        !matches!(self.kind, Kind::Clauses)
    }
}

/// The key used for first-argument indexing of a (dereferenced) term.
#[inline]
pub fn index_key(v: Value) -> Option<u64> {
    if v.is_symbol() || v.is_int() {
        Some(v.0)
    } else if let Some((f, n)) = functor_of(v) {
        Some((((f as u64) << 24 | n as u64) << 3) | 0b010)
    } else if let Some(t) = Gc::<TCompound>::downcast(v) {
        Some((((t.name as u64) << 24 | t.args.len() as u64) << 3) | 0b010)
    } else {
        None
    }
}

/// Compiles a clause term (already split into head and body) into a template.
/// Variables in goal positions of the body become call/1, as ISO requires.
pub fn compile_clause(head: Value, body: Value) -> Clause {
    let mut map: HashMap<u64, usize> = HashMap::new();
    let body = wrap_var_goals(body);
    let h = templ(head, &mut map);
    let b = templ(body, &mut map);
    let key = if let Some((_, n)) = functor_of(deref(head)) {
        if n > 0 {
            let a = if let Some(t) = Gc::<TCompound>::downcast(h) { t.args[0] } else { arg(h, 0) };
            index_key(deref(a))
        } else {
            None
        }
    } else {
        None
    };
    // flatten the conjunction of the body template: (A, (B, C)) -> [A, B, C]
    let mut goals = Vec::new();
    let mut rest = b;
    loop {
        match Gc::<TCompound>::downcast(rest) {
            Some(tc) if tc.name == wk().comma_id && tc.args.len() == 2 => {
                goals.push(tc.args[0]);
                rest = tc.args[1];
            }
            _ => match functor_of(rest) {
                Some((f, 2)) if f == wk().comma_id => {
                    goals.push(arg(rest, 0));
                    rest = arg(rest, 1);
                }
                _ => {
                    if rest != wk().true_ {
                        goals.push(rest);
                    }
                    break;
                }
            },
        }
    }
    Clause { head: h, body: b, goals: goals.into_boxed_slice(), nvars: map.len(), key, erased: Cell::new(false) }
}

/// Replaces a variable goal G in a control position by call(G).
fn wrap_var_goals(b: Value) -> Value {
    let b = deref(b);
    if is_var(b) {
        return mk("call", &[b]);
    }
    if let Some((f, 2)) = functor_of(b) {
        let n = vmcore::object::symbol::name(f);
        if matches!(n, "," | ";" | "->" | "*->") {
            let l = wrap_var_goals(arg(b, 0));
            let r = wrap_var_goals(arg(b, 1));
            return mk_compound(f, &[l, r]);
        }
    }
    b
}

/// The template of term `t`: variables become slots, non-ground compounds TCompounds.
/// (Recursive: clause terms come from source text or assert and are shallow
/// except for long lists, whose tails we walk in a loop.)
fn templ(t: Value, map: &mut HashMap<u64, usize>) -> Value {
    let t = deref(t);
    if is_var(t) {
        let n = map.len();
        let k = *map.entry(t.0).or_insert(n);
        return Value::imm(SLOT0 + k as u64);
    }
    if !is_compound(t) {
        return t;
    }
    if super::unify::is_ground(t) {
        // a fresh copy: the term may reach bound variables that backtracking would reset
        return super::unify::copy_term(t);
    }
    // lists: iterate along the spine to keep Rust recursion shallow
    if Gc::<Cons>::is(t) {
        let mut items = Vec::new();
        let mut l = t;
        while let Some(c) = Gc::<Cons>::downcast(l) {
            items.push(c.head.get());
            l = deref(c.tail.get());
            if super::unify::is_ground(l) && !is_var(l) {
                break;
            }
        }
        let tail = templ(l, map);
        let mut out = tail;
        let mut heads = vmcore::gc::RootedVec::new();
        heads.push(tail);
        for &h in &items {
            let x = templ(h, map);
            heads.push(x);
        }
        for &h in heads[1..].iter().rev() {
            out = tcompound(wk().dot_id, vec![h, out]);
        }
        return out;
    }
    let (f, n) = functor_of(t).unwrap();
    let mut args = vmcore::gc::RootedVec::new();
    for i in 0..n {
        let a = templ(arg(t, i), map);
        args.push(a);
    }
    tcompound(f, args.to_vec())
}

impl Engine {
    /// Builds the term for template `t` using (and filling) the slot environment.
    pub fn instantiate(&mut self, t: Value) -> Value {
        if let Some(k) = slot_of(t) {
            return self.slot(k);
        }
        let tc = match Gc::<TCompound>::downcast(t) {
            Some(tc) => tc,
            None => return t,
        };
        let root = mk_blank(tc.name, tc.args.len());
        if tc.flat {
            for (i, &a) in tc.args.iter().enumerate() {
                let v = if let Some(k) = slot_of(a) { self.slot(k) } else { a };
                set_arg(root, i, v);
            }
            return root;
        }
        let mut stack = std::mem::take(&mut self.inst_stack);
        stack.push((root, t));
        while let Some((dst, src)) = stack.pop() {
            let s = unsafe { Gc::<TCompound>::from_value_unchecked(src) };
            for (i, &a) in s.args.iter().enumerate() {
                let v = if let Some(k) = slot_of(a) {
                    self.slot(k)
                } else if let Some(c) = Gc::<TCompound>::downcast(a) {
                    let d = mk_blank(c.name, c.args.len());
                    stack.push((d, a));
                    d
                } else {
                    a
                };
                set_arg(dst, i, v);
            }
        }
        self.inst_stack = stack;
        root
    }

    #[inline]
    fn slot(&mut self, k: usize) -> Value {
        if !self.cur_frame.is_empty() {
            // a body frame: every slot was filled when the frame was made
            let f = unsafe { Gc::<Compound>::from_value_unchecked(self.cur_frame) };
            return f.args()[k];
        }
        let v = self.env[k];
        if v.is_empty() {
            let nv = new_var();
            self.env[k] = nv;
            nv
        } else {
            v
        }
    }

    /// Unifies head template `h` against goal `g` (argument by argument),
    /// filling the environment. Returns false on mismatch.
    pub fn unify_head(&mut self, h: Value, g: Value) -> bool {
        if !Gc::<TCompound>::is(h) {
            return h.is_symbol() || self.unify(h, g); // atom head or ground head
        }
        let regs: [Value; 2];
        let gargs: &[Value] = if let Some(c) = Gc::<Compound>::downcast(g) {
            // SAFETY: the goal object stays alive (rooted by the caller) during unification
            unsafe { std::slice::from_raw_parts(c.args().as_ptr(), c.arity as usize) }
        } else {
            let c = unsafe { Gc::<Cons>::from_value_unchecked(g) };
            regs = [c.head.get(), c.tail.get()];
            &regs
        };
        self.unify_head_args(h, gargs)
    }

    /// Unifies a head template with the goal's arguments given as a slice.
    pub fn unify_head_args(&mut self, h: Value, gargs: &[Value]) -> bool {
        let th = match Gc::<TCompound>::downcast(h) {
            Some(t) => t,
            None => {
                // ground head (no variables): compare argument by argument
                for (i, &x) in gargs.iter().enumerate() {
                    if !self.unify(arg(h, i), x) {
                        return false;
                    }
                }
                return true;
            }
        };
        for (i, &t) in th.args.iter().enumerate() {
            if !self.unify_head_arg(t, gargs[i]) {
                return false;
            }
        }
        true
    }

    #[inline]
    fn unify_head_arg(&mut self, t: Value, x: Value) -> bool {
        if let Some(k) = slot_of(t) {
            let cur = self.env[k];
            if cur.is_empty() {
                self.env[k] = x;
                return true;
            }
            return self.unify(cur, x);
        }
        let x = deref(x);
        if Gc::<TCompound>::is(t) {
            return self.unify_head_struct(t, x);
        }
        // atomic or ground template subterm
        if t == x {
            return true;
        }
        if is_var(x) {
            self.bind(x, t);
            return true;
        }
        if is_compound(t) {
            self.unify(t, x)
        } else {
            super::unify::atomic_eq(t, x)
        }
    }

    fn unify_head_struct(&mut self, t: Value, x: Value) -> bool {
        let tc = unsafe { Gc::<TCompound>::from_value_unchecked(t) };
        if tc.flat && !is_var(x) {
            // one level of structure: match the arguments directly
            return match functor_of(x) {
                Some((f, n)) if f == tc.name && n == tc.args.len() => {
                    for i in 0..n {
                        if !self.unify_head_arg(tc.args[i], arg(x, i)) {
                            return false;
                        }
                    }
                    true
                }
                _ => false,
            };
        }
        let mut stack = std::mem::take(&mut self.head_stack);
        stack.clear();
        stack.push((t, x));
        let mut ok = true;
        while let Some((t, x)) = stack.pop() {
            let x = deref(x);
            if let Some(tc) = Gc::<TCompound>::downcast(t) {
                if is_var(x) {
                    let v = self.instantiate(t);
                    self.bind(x, v);
                    continue;
                }
                match functor_of(x) {
                    Some((f, n)) if f == tc.name && n == tc.args.len() => {
                        for i in (0..n).rev() {
                            let a = tc.args[i];
                            let xa = arg(x, i);
                            if slot_of(a).is_some() || !Gc::<TCompound>::is(a) {
                                if !self.unify_head_arg(a, xa) {
                                    ok = false;
                                    break;
                                }
                            } else {
                                stack.push((a, xa));
                            }
                        }
                        if !ok {
                            break;
                        }
                    }
                    _ => {
                        ok = false;
                        break;
                    }
                }
                continue;
            }
            if !self.unify_head_arg(t, x) {
                ok = false;
                break;
            }
        }
        stack.clear();
        self.head_stack = stack;
        ok
    }

    /// Looks up (or creates, undefined) the predicate for name/arity.
    #[inline]
    pub fn pred_id(&mut self, name: u32, arity: usize) -> usize {
        if let Some(&i) = self.pred_map.get(&(name, arity as u32)) {
            return i;
        }
        let i = self.preds.len();
        self.preds.push(Pred {
            gen: 0,
            index: None,
            n_erased: 0,
            name,
            arity,
            kind: Kind::Clauses,
            clauses: Rc::new(Vec::new()),
            dynamic: false,
            library: false,
            user_defined: false,
            defined: false,
        });
        self.pred_map.insert((name, arity as u32), i);
        i
    }

    pub fn lookup_pred(&self, name: u32, arity: usize) -> Option<usize> {
        self.pred_map.get(&(name, arity as u32)).copied()
    }

    /// Adds a clause (assertz if `at_end`, else asserta).
    pub fn add_clause(&mut self, pred: usize, c: Clause, at_end: bool) {
        let p = &mut self.preds[pred];
        p.defined = true;
        let key = c.key;
        let list = Rc::make_mut(&mut p.clauses);
        if at_end {
            list.push(Rc::new(c));
            let pos = list.len() as u32 - 1;
            if let Some(ix) = p.index.as_mut() {
                if ix.gen == p.gen {
                    ix.add(pos, key);
                }
            }
        } else {
            list.insert(0, Rc::new(c));
            p.gen += 1;
            p.index = None;
        }
    }

    /// Removes clause `c` from its predicate. Erasure is lazy (the clause is
    /// flagged, so positions and indexes stay valid); the list is compacted
    /// once most of it is dead.
    pub fn erase_clause(&mut self, pred: usize, c: &Rc<Clause>) {
        if c.erased.replace(true) {
            return;
        }
        let p = &mut self.preds[pred];
        p.n_erased += 1;
        if p.n_erased > 16 && p.n_erased * 2 > p.clauses.len() {
            Rc::make_mut(&mut p.clauses).retain(|x| !x.erased.get());
            p.n_erased = 0;
            p.gen += 1;
            p.index = None;
        }
    }

    /// Drops all clauses of a predicate.
    pub fn clear_clauses(&mut self, pred: usize) {
        let p = &mut self.preds[pred];
        for c in p.clauses.iter() {
            c.erased.set(true);
        }
        p.clauses = Rc::new(Vec::new());
        p.n_erased = 0;
        p.gen += 1;
        p.index = None;
    }

    /// Makes sure the index of `pred` matches its clause list (built when worthwhile).
    pub fn ensure_index(&mut self, pred: usize) {
        let p = &mut self.preds[pred];
        if p.clauses.len() >= 8 && p.index.as_ref().is_none_or(|ix| ix.gen != p.gen) {
            p.index = Some(Index::build(&p.clauses, p.gen));
        }
    }
}
