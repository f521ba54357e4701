//! Scope analysis: decides, for every name in every scope, whether it is a
//! fast local, a global, a cell (local captured by an inner function), a
//! free variable (captured from an outer function) or a dict-held name
//! (module and class bodies).
//!
//! Two passes, as in CPython: `collect` walks the AST recording what each
//! scope binds, declares global, and uses; `resolve` then walks the scope
//! tree top-down, passing the set of names bound by enclosing functions.
//! Class scopes bind names but do not enclose: a method cannot see its
//! class body's names.

use crate::syntax::ast::*;
use std::collections::{HashMap, HashSet};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Fast local slot.
    Local,
    /// Declared `global`, or not bound anywhere: LOAD_GLOBAL.
    Global,
    /// Module or class body name: LOAD_NAME / STORE_NAME.
    Name,
    /// A local of this function captured by an inner one.
    Cell,
    /// A variable of an enclosing function.
    Free,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    pub name: String,
    /// Parameter names in order (tuple parameters appear as `.N`).
    pub params: Vec<String>,
    /// Names bound here, in order of first binding.
    pub bound: Vec<String>,
    bound_set: HashSet<String>,
    pub globals: HashSet<String>,
    pub used: HashSet<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    /// `exec` or `import *` in this scope: names fall back to dict lookup.
    pub unoptimized: bool,
    pub resolved: HashMap<String, Resolution>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

impl Scope {
    fn bind(&mut self, n: &str) {
        if self.bound_set.insert(n.to_string()) {
            self.bound.push(n.to_string());
        }
    }
    pub fn resolve(&self, n: &str) -> Resolution {
        if let Some(r) = self.resolved.get(n) {
            return *r;
        }
        match self.kind {
            Some(ScopeKind::Function) if !self.unoptimized => Resolution::Global,
            _ => Resolution::Name,
        }
    }
}

/// All scopes of a module; `of` maps an AST node address to its scope.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub of: HashMap<usize, usize>,
}

pub fn build(body: &[Stmt]) -> Result<SymbolTable, (String, u32)> {
    let mut st = SymbolTable { scopes: vec![Scope { kind: Some(ScopeKind::Module), name: "<module>".into(), ..Default::default() }], of: HashMap::new() };
    {
        let mut c = Collector { st: &mut st, stack: vec![0] };
        for s in body {
            c.stmt(s)?;
        }
    }
    resolve(&mut st, 0, &HashSet::new());
    Ok(st)
}

fn resolve(st: &mut SymbolTable, id: usize, enclosing: &HashSet<String>) {
    let kind = st.scopes[id].kind;
    // Names visible to inner functions: bound by enclosing functions, plus ours if we are a function.
    let mut visible = enclosing.clone();
    if kind == Some(ScopeKind::Function) {
        for b in &st.scopes[id].bound {
            if !st.scopes[id].globals.contains(b) {
                visible.insert(b.clone());
            }
        }
        for g in &st.scopes[id].globals {
            visible.remove(g);
        }
    }
    let children = st.scopes[id].children.clone();
    for &c in &children {
        resolve(st, c, if kind == Some(ScopeKind::Function) { &visible } else { enclosing });
    }
    // Free variables of children that we bind become cells here; those we don't bind pass through as free.
    let mut child_free: Vec<String> = Vec::new();
    for &c in &children {
        for f in &st.scopes[c].freevars {
            if !child_free.contains(f) {
                child_free.push(f.clone());
            }
        }
    }
    let s = &mut st.scopes[id];
    let mut names: Vec<String> = s.bound.iter().cloned().collect();
    let mut used: Vec<String> = s.used.iter().cloned().collect();
    used.sort();
    names.extend(used);
    names.extend(child_free.iter().cloned());
    for n in names {
        if s.resolved.contains_key(&n) {
            continue;
        }
        let r = if s.globals.contains(&n) {
            Resolution::Global
        } else if s.bound_set.contains(&n) {
            match s.kind {
                Some(ScopeKind::Function) if child_free.contains(&n) => Resolution::Cell,
                Some(ScopeKind::Function) if !s.unoptimized => Resolution::Local,
                _ => Resolution::Name,
            }
        } else if enclosing.contains(&n) && s.kind != Some(ScopeKind::Module) {
            Resolution::Free
        } else if s.kind == Some(ScopeKind::Function) && !s.unoptimized {
            Resolution::Global
        } else {
            Resolution::Name
        };
        match r {
            Resolution::Cell => s.cellvars.push(n.clone()),
            Resolution::Free => s.freevars.push(n.clone()),
            _ => {}
        }
        s.resolved.insert(n, r);
    }
    // A class body that passes a free variable through must list it too.
    if s.kind == Some(ScopeKind::Class) {
        for f in child_free {
            if enclosing.contains(&f) && !s.freevars.contains(&f) && !s.bound_set.contains(&f) {
                s.freevars.push(f.clone());
                s.resolved.insert(f, Resolution::Free);
            }
        }
    }
}

struct Collector<'a> {
    st: &'a mut SymbolTable,
    stack: Vec<usize>,
}

type R = Result<(), (String, u32)>;

impl Collector<'_> {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().expect("scope stack is never empty");
        &mut self.st.scopes[i]
    }

    fn push_scope(&mut self, key: usize, kind: ScopeKind, name: &str) -> usize {
        let id = self.st.scopes.len();
        self.st.scopes.push(Scope { kind: Some(kind), name: name.to_string(), ..Default::default() });
        let parent = *self.stack.last().expect("scope stack is never empty");
        self.st.scopes[parent].children.push(id);
        self.st.of.insert(key, id);
        self.stack.push(id);
        id
    }

    fn bind(&mut self, n: &str) {
        self.cur().bind(n)
    }

    fn stmts(&mut self, b: &[Stmt]) -> R {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn args(&mut self, a: &Arguments) -> R {
        for (i, p) in a.args.iter().enumerate() {
            match &p.node {
                ExprKind::Name { id, .. } => {
                    self.cur().params.push(id.clone());
                    self.bind(id);
                }
                _ => {
                    let hidden = format!(".{}", i * 2);
                    self.cur().params.push(hidden.clone());
                    self.bind(&hidden);
                    self.target(p)?;
                }
            }
        }
        if let Some(v) = &a.vararg {
            self.bind(v);
        }
        if let Some(k) = &a.kwarg {
            self.bind(k);
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match &s.node {
            StmtKind::FunctionDef { name, args, body, decorator_list } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                for d in &args.defaults {
                    self.expr(d)?;
                }
                self.bind(name);
                self.push_scope(s as *const Stmt as usize, ScopeKind::Function, name);
                self.args(args)?;
                self.stmts(body)?;
                self.stack.pop();
            }
            StmtKind::ClassDef { name, bases, body, decorator_list } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                for b in bases {
                    self.expr(b)?;
                }
                self.bind(name);
                self.push_scope(s as *const Stmt as usize, ScopeKind::Class, name);
                self.stmts(body)?;
                self.stack.pop();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name { id, .. } = &target.node {
                    self.cur().used.insert(id.clone());
                }
                self.target(target)?;
            }
            StmtKind::Print { dest, values, .. } => {
                if let Some(d) = dest {
                    self.expr(d)?;
                }
                for v in values {
                    self.expr(v)?;
                }
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { context_expr, optional_vars, body } => {
                self.expr(context_expr)?;
                if let Some(v) = optional_vars {
                    self.target(v)?;
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { type_, inst, tback } => {
                for e in [type_, inst, tback].into_iter().flatten() {
                    self.expr(e)?;
                }
            }
            StmtKind::TryExcept { body, handlers, orelse } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.target(n)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
            }
            StmtKind::TryFinally { body, finalbody } => {
                self.stmts(body)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    let n = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.bind(&n);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        self.cur().unoptimized = true;
                    } else {
                        let n = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.bind(&n);
                    }
                }
            }
            StmtKind::Exec { body, globals, locals } => {
                self.expr(body)?;
                if globals.is_none() {
                    self.cur().unoptimized = true;
                }
                for e in [globals, locals].into_iter().flatten() {
                    self.expr(e)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    self.cur().globals.insert(n.clone());
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> R {
        match &t.node {
            ExprKind::Name { id, .. } => self.bind(id),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.target(e)?;
                }
            }
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn comprehension_scope(&mut self, key: usize, gens: &[Comprehension], body: &[&Expr]) -> R {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let id = self.push_scope(key, ScopeKind::Function, "<genexpr>");
        self.st.scopes[id].params.push(".0".into());
        self.bind(".0");
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in body {
            self.expr(e)?;
        }
        self.stack.pop();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        match &e.node {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                for d in &args.defaults {
                    self.expr(d)?;
                }
                self.push_scope(e as *const Expr as usize, ScopeKind::Function, "<lambda>");
                self.args(args)?;
                self.expr(body)?;
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    self.expr(k)?;
                    self.expr(v)?;
                }
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.expr(x)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                // Python 2: list comprehensions run in the enclosing scope.
                for g in generators {
                    self.expr(&g.iter)?;
                    self.target(&g.target)?;
                    for c in &g.ifs {
                        self.expr(c)?;
                    }
                }
                self.expr(elt)?;
            }
            ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension_scope(e as *const Expr as usize, generators, &[elt])?;
                if matches!(e.node, ExprKind::GeneratorExp { .. }) {
                    let id = self.st.of[&(e as *const Expr as usize)];
                    self.st.scopes[id].is_generator = true;
                }
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension_scope(e as *const Expr as usize, generators, &[key, value])?;
            }
            ExprKind::Yield { value } => {
                let i = *self.stack.last().expect("scope");
                if self.st.scopes[i].kind != Some(ScopeKind::Function) {
                    return Err(("'yield' outside function".into(), e.lineno));
                }
                self.st.scopes[i].is_generator = true;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call { func, args, keywords, starargs, kwargs } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                for x in [starargs, kwargs].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Repr { value } => self.expr(value)?,
            ExprKind::Num { .. } | ExprKind::Str { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.slice(slice)?;
            }
            ExprKind::Name { id, ctx } => {
                if matches!(ctx, ExprContext::Store | ExprContext::Param) {
                    self.bind(id);
                } else {
                    self.cur().used.insert(id.clone());
                    if matches!(ctx, ExprContext::Del) {
                        self.bind(id);
                    }
                }
            }
        }
        Ok(())
    }

    fn slice(&mut self, s: &Slice) -> R {
        match s {
            Slice::Ellipsis => {}
            Slice::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            Slice::ExtSlice { dims } => {
                for d in dims {
                    self.slice(d)?;
                }
            }
            Slice::Index { value } => self.expr(value)?,
        }
        Ok(())
    }
}
