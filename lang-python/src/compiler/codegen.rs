//! Code generation: one pass over the AST per code object.
//!
//! The shapes follow CPython 2.7's compiler (Python/compile.c) so that the
//! runtime protocol between blocks and `END_FINALLY` is CPython's: a
//! `finally` block sees None (fell through), an exception triple, or a
//! "why" marker (return/continue) on the stack.

use super::code::*;
use super::symtable::{self, Resolution, ScopeKind, SymbolTable};
use crate::objects::{float, int, long, str as pystr, tuple, unicode};
use crate::ops::{BinOp, CmpOp, UnaryOp};
use crate::syntax::ast::{self, Expr, ExprContext, ExprKind, Stmt, StmtKind};
use std::collections::HashMap;
use vmcore::gc::{Gc, RootedVec};
use vmcore::Value;

/// What is being compiled (CPython's 'exec', 'eval' and 'single').
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// A compile-time error that is not a parse error (e.g. `'return' outside function`).
#[derive(Debug)]
pub struct CompileError {
    pub msg: String,
    pub lineno: u32,
}

#[derive(Clone, Copy)]
enum Ctl {
    /// A loop: its continue target.
    Loop(u32),
    /// A try/except or with block body (continue must unwind it).
    Try,
    /// Inside a finally body.
    Finally,
}

struct Unit {
    scope: usize,
    name: String,
    firstlineno: u32,
    code: Vec<Instr>,
    lines: Vec<u32>,
    consts: RootedVec,
    const_keys: HashMap<String, u32>,
    names: Vec<Value>,
    name_ix: HashMap<String, u32>,
    varnames: Vec<Value>,
    var_ix: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    argcount: u32,
    flags: u32,
    line: u32,
    ctl: Vec<Ctl>,
}

pub struct Compiler<'a> {
    st: &'a SymbolTable,
    filename: Value,
    future: u32,
    units: Vec<Unit>,
    interactive: bool,
}

type R<T = ()> = Result<T, CompileError>;

fn err<T>(msg: &str, lineno: u32) -> R<T> {
    Err(CompileError { msg: msg.to_string(), lineno })
}

/// Compiles a parsed module, expression or interactive statement.
pub fn compile(body: &[Stmt], expr: Option<&Expr>, filename: &str, mode: Mode, future_flags: u32) -> R<Gc<CodeObj>> {
    // An expression is analysed as an expression statement, then returned.
    let owned;
    let scoped: &[Stmt] = match expr {
        Some(e) => {
            owned = vec![Stmt::new(StmtKind::Expr { value: e.clone() }, e.lineno, e.col_offset)];
            &owned
        }
        None => body,
    };
    let st = symtable::build(scoped).map_err(|(msg, lineno)| CompileError { msg, lineno })?;
    let mut c = Compiler { st: &st, filename: pystr::intern(filename), future: future_flags, units: Vec::new(), interactive: mode == Mode::Single };
    c.push_unit(0, "<module>", body.first().map(|s| s.lineno).unwrap_or(1));
    if mode == Mode::Exec {
        if let Some(doc) = docstring(body) {
            c.load_const_str(doc);
            c.store_name("__doc__");
        }
    }
    match (expr, owned_expr_of(scoped)) {
        (Some(_), Some(e)) => {
            c.expr(e)?;
            c.emit(Instr::ReturnValue);
        }
        _ => {
            c.stmts(body)?;
            c.load_none();
            c.emit(Instr::ReturnValue);
        }
    }
    Ok(c.pop_unit())
}

/// The expression of a one-statement expression body (eval mode): the very
/// node the symbol table analysed, so scope lookups by address find it.
fn owned_expr_of(body: &[Stmt]) -> Option<&Expr> {
    match body {
        [Stmt { node: StmtKind::Expr { value }, .. }] => Some(value),
        _ => None,
    }
}

fn docstring(body: &[Stmt]) -> Option<&ast::Str> {
    match body.first().map(|s| &s.node) {
        Some(StmtKind::Expr { value: Expr { node: ExprKind::Str { s }, .. } }) => Some(s),
        _ => None,
    }
}

impl Compiler<'_> {
    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is open")
    }

    fn push_unit(&mut self, scope: usize, name: &str, firstlineno: u32) {
        let sc = &self.st.scopes[scope];
        let mut u = Unit {
            scope,
            name: name.to_string(),
            firstlineno,
            code: Vec::new(),
            lines: Vec::new(),
            consts: RootedVec::new(),
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_ix: HashMap::new(),
            varnames: Vec::new(),
            var_ix: HashMap::new(),
            cellvars: sc.cellvars.clone(),
            freevars: sc.freevars.clone(),
            argcount: 0,
            flags: 0,
            line: firstlineno,
            ctl: Vec::new(),
        };
        if sc.kind == Some(ScopeKind::Function) {
            for p in &sc.params {
                let i = u.varnames.len() as u32;
                u.varnames.push(pystr::intern(p));
                u.var_ix.insert(p.clone(), i);
            }
            u.argcount = sc.params.len() as u32;
            if sc.is_generator {
                u.flags |= CO_GENERATOR;
            }
            // Defined inside a function (CPython's CO_NESTED; informational).
            if self.units.iter().any(|o| o.flags & CO_NEWLOCALS == 0) {
                u.flags |= CO_NESTED;
            }
        } else {
            u.flags |= CO_NEWLOCALS;
        }
        u.flags |= self.future & CO_FUTURE_MASK;
        self.units.push(u);
    }

    fn pop_unit(&mut self) -> Gc<CodeObj> {
        let u = self.units.pop().expect("a unit is open");
        let varnames = u.varnames.clone();
        let cell_args = u.cellvars.iter().map(|c| u.var_ix.get(c).copied().filter(|&i| i < u.argcount + (u.flags & (CO_VARARGS | CO_VARKEYWORDS)).count_ones())).collect();
        let docstring = u.consts.first().copied().unwrap_or(Value::NONE);
        new_code(CodeObj {
            cls: Value::NONE,
            name: pystr::intern(&u.name),
            filename: self.filename,
            firstlineno: u.firstlineno,
            argcount: u.argcount,
            flags: u.flags,
            code: u.code,
            lines: u.lines,
            consts: u.consts.into_vec(),
            names: u.names,
            varnames,
            cellvars: u.cellvars.iter().map(|s| pystr::intern(s)).collect(),
            freevars: u.freevars.iter().map(|s| pystr::intern(s)).collect(),
            cell_args,
            docstring,
        })
    }

    fn emit(&mut self, i: Instr) -> u32 {
        let u = self.u();
        let line = u.line;
        u.code.push(i);
        u.lines.push(line);
        (u.code.len() - 1) as u32
    }

    fn here(&mut self) -> u32 {
        self.u().code.len() as u32
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: u32) {
        let target = self.here();
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: u32, target: u32) {
        let ins = &mut self.u().code[at as usize];
        *ins = match *ins {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::SetupLoop(_) => Instr::SetupLoop(target),
            Instr::SetupExcept(_) => Instr::SetupExcept(target),
            Instr::SetupFinally(_) => Instr::SetupFinally(target),
            Instr::SetupWith(_) => Instr::SetupWith(target),
            other => other,
        };
    }

    fn add_const(&mut self, key: String, v: Value) -> u32 {
        let u = self.u();
        if let Some(&i) = u.const_keys.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(v);
        u.const_keys.insert(key, i);
        i
    }

    fn load_none(&mut self) {
        let i = self.add_const("None".into(), Value::NONE);
        self.emit(Instr::LoadConst(i));
    }

    fn load_const_value(&mut self, key: String, v: Value) {
        let i = self.add_const(key, v);
        self.emit(Instr::LoadConst(i));
    }

    fn load_const_str(&mut self, s: &ast::Str) {
        match s {
            ast::Str::Bytes(b) => {
                let v = pystr::new_str(b);
                self.load_const_value(format!("s:{b:?}"), v)
            }
            ast::Str::Unicode(c) => {
                let v = unicode::new_unicode(c.clone());
                self.load_const_value(format!("u:{c:?}"), v)
            }
        }
    }

    fn name_index(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_ix.get(n) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(pystr::intern(n));
        u.name_ix.insert(n.to_string(), i);
        i
    }

    fn var_index(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.var_ix.get(n) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(pystr::intern(n));
        u.var_ix.insert(n.to_string(), i);
        i
    }

    fn deref_index(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.cellvars.iter().position(|c| c == n) {
            return i as u32;
        }
        let i = u.freevars.iter().position(|c| c == n).expect("free variable resolved by symtable");
        (u.cellvars.len() + i) as u32
    }

    fn resolve(&self, n: &str) -> Resolution {
        let u = self.units.last().expect("a unit is open");
        self.st.scopes[u.scope].resolve(n)
    }

    fn load_name(&mut self, n: &str) {
        let i = match self.resolve(n) {
            Resolution::Local => Instr::LoadFast(self.var_index(n)),
            Resolution::Global => Instr::LoadGlobal(self.name_index(n)),
            Resolution::Name => Instr::LoadName(self.name_index(n)),
            Resolution::Cell | Resolution::Free => Instr::LoadDeref(self.deref_index(n)),
        };
        self.emit(i);
    }

    fn store_name(&mut self, n: &str) {
        let i = match self.resolve(n) {
            Resolution::Local => Instr::StoreFast(self.var_index(n)),
            Resolution::Global => Instr::StoreGlobal(self.name_index(n)),
            Resolution::Name => Instr::StoreName(self.name_index(n)),
            Resolution::Cell | Resolution::Free => Instr::StoreDeref(self.deref_index(n)),
        };
        self.emit(i);
    }

    fn delete_name(&mut self, n: &str, lineno: u32) -> R {
        let i = match self.resolve(n) {
            Resolution::Local => Instr::DeleteFast(self.var_index(n)),
            Resolution::Global => Instr::DeleteGlobal(self.name_index(n)),
            Resolution::Name => Instr::DeleteName(self.name_index(n)),
            Resolution::Cell | Resolution::Free => {
                return err(&format!("can not delete variable '{n}' referenced in nested scope"), lineno);
            }
        };
        self.emit(i);
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        self.u().line = s.lineno;
        match &s.node {
            StmtKind::FunctionDef { name, args, body, decorator_list } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                self.function(s as *const Stmt as usize, name, args, body, None, s.lineno)?;
                for _ in decorator_list {
                    self.emit(Instr::CallFunction(1));
                }
                self.store_name(name);
            }
            StmtKind::ClassDef { name, bases, body, decorator_list } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                let v = pystr::new_str(name.as_bytes());
                self.load_const_value(format!("s:{:?}", name.as_bytes()), v);
                for b in bases {
                    self.expr(b)?;
                }
                self.emit(Instr::BuildTuple(bases.len() as u32));
                self.class_body(s as *const Stmt as usize, name, body, s.lineno)?;
                self.emit(Instr::BuildClass);
                for _ in decorator_list {
                    self.emit(Instr::CallFunction(1));
                }
                self.store_name(name);
            }
            StmtKind::Return { value } => {
                let scope = self.units.last().expect("unit").scope;
                if self.st.scopes[scope].kind != Some(ScopeKind::Function) {
                    return err("'return' outside function", s.lineno);
                }
                if self.st.scopes[scope].is_generator && value.is_some() {
                    return err("'return' with argument inside generator", s.lineno);
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.emit(Instr::ReturnValue);
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.target(t, ExprContext::Del)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::DupTop);
                    }
                    self.target(t, ExprContext::Store)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::Print { dest, values, nl } => {
                if let Some(d) = dest {
                    self.expr(d)?;
                    for v in values {
                        self.emit(Instr::DupTop);
                        self.expr(v)?;
                        self.emit(Instr::RotTwo);
                        self.emit(Instr::PrintItemTo);
                    }
                    if *nl {
                        self.emit(Instr::PrintNewlineTo);
                    } else {
                        self.emit(Instr::PopTop);
                    }
                } else {
                    for v in values {
                        self.expr(v)?;
                        self.emit(Instr::PrintItem);
                    }
                    if *nl {
                        self.emit(Instr::PrintNewline);
                    }
                }
            }
            StmtKind::For { target, iter, body, orelse } => {
                let setup = self.emit(Instr::SetupLoop(0));
                self.expr(iter)?;
                self.emit(Instr::GetIter);
                let top = self.here();
                let fi = self.emit(Instr::ForIter(0));
                self.target(target, ExprContext::Store)?;
                self.u().ctl.push(Ctl::Loop(top));
                self.stmts(body)?;
                self.u().ctl.pop();
                self.emit(Instr::Jump(top));
                self.patch(fi);
                self.emit(Instr::PopBlock);
                self.stmts(orelse)?;
                self.patch(setup);
            }
            StmtKind::While { test, body, orelse } => {
                let setup = self.emit(Instr::SetupLoop(0));
                let top = self.here();
                let exit = if is_true_constant(test) {
                    None
                } else {
                    self.expr(test)?;
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                };
                self.u().ctl.push(Ctl::Loop(top));
                self.stmts(body)?;
                self.u().ctl.pop();
                self.emit(Instr::Jump(top));
                if let Some(e) = exit {
                    self.patch(e);
                }
                self.emit(Instr::PopBlock);
                self.stmts(orelse)?;
                self.patch(setup);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch(j);
                } else {
                    let end = self.emit(Instr::Jump(0));
                    self.patch(j);
                    self.stmts(orelse)?;
                    self.patch(end);
                }
            }
            StmtKind::With { context_expr, optional_vars, body } => {
                self.expr(context_expr)?;
                let setup = self.emit(Instr::SetupWith(0));
                match optional_vars {
                    Some(v) => self.target(v, ExprContext::Store)?,
                    None => {
                        self.emit(Instr::PopTop);
                    }
                }
                self.u().ctl.push(Ctl::Try);
                self.stmts(body)?;
                self.u().ctl.pop();
                self.emit(Instr::PopBlock);
                self.load_none();
                self.patch(setup);
                self.u().ctl.push(Ctl::Finally);
                self.emit(Instr::WithCleanup);
                self.emit(Instr::EndFinally);
                self.u().ctl.pop();
            }
            StmtKind::Raise { type_, inst, tback } => {
                let mut n = 0;
                for e in [type_, inst, tback].into_iter().flatten() {
                    self.expr(e)?;
                    n += 1;
                }
                self.emit(Instr::RaiseVarargs(n));
            }
            StmtKind::TryExcept { body, handlers, orelse } => {
                let setup = self.emit(Instr::SetupExcept(0));
                self.u().ctl.push(Ctl::Try);
                self.stmts(body)?;
                self.u().ctl.pop();
                self.emit(Instr::PopBlock);
                let to_else = self.emit(Instr::Jump(0));
                self.patch(setup);
                let mut ends = Vec::new();
                for (i, h) in handlers.iter().enumerate() {
                    self.u().line = h.lineno;
                    if h.type_.is_none() && i + 1 < handlers.len() {
                        return err("default 'except:' must be last", h.lineno);
                    }
                    let next = match &h.type_ {
                        Some(t) => {
                            self.emit(Instr::DupTop);
                            self.expr(t)?;
                            self.emit(Instr::Compare(Cmp::ExcMatch));
                            Some(self.emit(Instr::PopJumpIfFalse(0)))
                        }
                        None => None,
                    };
                    self.emit(Instr::PopTop);
                    match &h.name {
                        Some(n) => self.target(n, ExprContext::Store)?,
                        None => {
                            self.emit(Instr::PopTop);
                        }
                    }
                    self.emit(Instr::PopTop);
                    self.stmts(&h.body)?;
                    ends.push(self.emit(Instr::Jump(0)));
                    if let Some(n) = next {
                        self.patch(n);
                    }
                }
                self.emit(Instr::EndFinally);
                self.patch(to_else);
                self.stmts(orelse)?;
                for e in ends {
                    self.patch(e);
                }
            }
            StmtKind::TryFinally { body, finalbody } => {
                let setup = self.emit(Instr::SetupFinally(0));
                self.u().ctl.push(Ctl::Try);
                self.stmts(body)?;
                self.u().ctl.pop();
                self.emit(Instr::PopBlock);
                self.load_none();
                self.patch(setup);
                self.u().ctl.push(Ctl::Finally);
                self.stmts(finalbody)?;
                self.u().ctl.pop();
                self.emit(Instr::EndFinally);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let ok = self.emit(Instr::PopJumpIfTrue(0));
                let i = self.name_index("AssertionError");
                self.emit(Instr::LoadGlobal(i));
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::CallFunction(1));
                }
                self.emit(Instr::RaiseVarargs(1));
                self.patch(ok);
            }
            StmtKind::Import { names } => {
                for a in names {
                    self.import_level(0);
                    self.load_none();
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportName(i));
                    match &a.asname {
                        Some(asn) => {
                            for part in a.name.split('.').skip(1) {
                                let j = self.name_index(part);
                                self.emit(Instr::LoadAttr(j));
                            }
                            self.store_name(asn);
                        }
                        None => self.store_name(a.name.split('.').next().unwrap_or("")),
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.import_level(*level);
                let fromlist: Vec<Value> = names.iter().map(|a| pystr::new_str(a.name.as_bytes())).collect();
                let key = format!("fromlist:{:?}", names.iter().map(|a| &a.name).collect::<Vec<_>>());
                let t = tuple::new_tuple(fromlist);
                self.load_const_value(key, t);
                let i = self.name_index(module.as_deref().unwrap_or(""));
                self.emit(Instr::ImportName(i));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for a in names {
                        let j = self.name_index(&a.name);
                        self.emit(Instr::ImportFrom(j));
                        self.store_name(a.asname.as_deref().unwrap_or(&a.name));
                    }
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::Exec { body, globals, locals } => {
                self.expr(body)?;
                match globals {
                    Some(g) => self.expr(g)?,
                    None => self.load_none(),
                }
                match locals {
                    Some(l) => self.expr(l)?,
                    None => {
                        if globals.is_some() {
                            self.emit(Instr::DupTop);
                        } else {
                            self.load_none();
                        }
                    }
                }
                self.emit(Instr::ExecStmt);
            }
            StmtKind::Global { .. } | StmtKind::Pass => {}
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(value)?;
                    self.emit(Instr::PrintExpr);
                } else if !matches!(value.node, ExprKind::Str { .. } | ExprKind::Num { .. }) {
                    self.expr(value)?;
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::Break => {
                if !self.u().ctl.iter().any(|c| matches!(c, Ctl::Loop(_))) {
                    return err("'break' outside loop", s.lineno);
                }
                self.emit(Instr::BreakLoop);
            }
            StmtKind::Continue => {
                let mut crossed_try = false;
                let mut target = None;
                for c in self.u().ctl.iter().rev() {
                    match c {
                        Ctl::Loop(t) => {
                            target = Some(*t);
                            break;
                        }
                        Ctl::Try => crossed_try = true,
                        Ctl::Finally => return err("'continue' not supported inside 'finally' clause", s.lineno),
                    }
                }
                match target {
                    None => return err("'continue' not properly in loop", s.lineno),
                    Some(t) if crossed_try => self.emit(Instr::ContinueLoop(t)),
                    Some(t) => self.emit(Instr::Jump(t)),
                };
            }
        }
        Ok(())
    }

    fn import_level(&mut self, level: u32) {
        // Python 2 without absolute_import: -1 means "try relative, then absolute".
        let l = if level == 0 && self.future & CO_FUTURE_ABSOLUTE_IMPORT == 0 { -1 } else { level as i64 };
        self.load_const_value(format!("i:{l}"), int::new_int(l));
    }

    fn aug_assign(&mut self, target: &Expr, op: ast::Operator, value: &Expr) -> R {
        let op = self.binop(op);
        match &target.node {
            ExprKind::Name { id, .. } => {
                self.load_name(id);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.store_name(id);
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.expr(obj)?;
                self.emit(Instr::DupTop);
                let i = self.name_index(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::RotTwo);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.expr(obj)?;
                self.slice(slice)?;
                self.emit(Instr::DupTopTwo);
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::RotThree);
                self.emit(Instr::StoreSubscr);
            }
            _ => return err("illegal expression for augmented assignment", target.lineno),
        }
        Ok(())
    }

    /// Compiles a function body into a new code object and emits the code to
    /// build the function (defaults, closure) at this point.
    fn function(&mut self, key: usize, name: &str, args: &ast::Arguments, body: &[Stmt], lambda_body: Option<&Expr>, lineno: u32) -> R {
        for d in &args.defaults {
            self.expr(d)?;
        }
        let scope = self.st.of[&key];
        self.push_unit(scope, name, lineno);
        // co_consts[0] is the docstring (or None), as in CPython.
        match (lambda_body, docstring(body)) {
            (None, Some(doc)) => {
                self.load_const_str(doc);
                self.emit(Instr::PopTop);
                self.u().code.clear();
                self.u().lines.clear();
            }
            _ => {
                self.add_const("None".into(), Value::NONE);
            }
        }
        if args.vararg.is_some() {
            self.u().flags |= CO_VARARGS;
            self.var_index(args.vararg.as_deref().unwrap_or(""));
        }
        if args.kwarg.is_some() {
            self.u().flags |= CO_VARKEYWORDS;
            self.var_index(args.kwarg.as_deref().unwrap_or(""));
        }
        // Tuple parameters are unpacked from their hidden `.N` argument.
        for (i, a) in args.args.iter().enumerate() {
            if !matches!(a.node, ExprKind::Name { .. }) {
                let hidden = format!(".{}", i * 2);
                self.load_name(&hidden);
                self.target(a, ExprContext::Store)?;
            }
        }
        match lambda_body {
            Some(e) => {
                self.expr(e)?;
                self.emit(Instr::ReturnValue);
            }
            None => {
                self.stmts(body)?;
                self.load_none();
                self.emit(Instr::ReturnValue);
            }
        }
        let free = self.units.last().expect("unit").freevars.clone();
        let code = self.pop_unit();
        self.make_function(code, &free, args.defaults.len() as u32);
        Ok(())
    }

    fn make_function(&mut self, code: Gc<CodeObj>, free: &[String], ndefaults: u32) {
        let key = format!("code:{:#x}", code.addr());
        if free.is_empty() {
            self.load_const_value(key, code.as_value());
            self.emit(Instr::MakeFunction(ndefaults));
        } else {
            for f in free {
                let i = self.deref_index(f);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(free.len() as u32));
            self.load_const_value(key, code.as_value());
            self.emit(Instr::MakeClosure(ndefaults));
        }
    }

    fn class_body(&mut self, key: usize, name: &str, body: &[Stmt], lineno: u32) -> R {
        let scope = self.st.of[&key];
        self.push_unit(scope, name, lineno);
        self.u().argcount = 0;
        self.load_name("__name__");
        self.store_name("__module__");
        if let Some(doc) = docstring(body) {
            self.load_const_str(doc);
            self.store_name("__doc__");
        }
        self.stmts(body)?;
        self.emit(Instr::LoadLocals);
        self.emit(Instr::ReturnValue);
        let free = self.units.last().expect("unit").freevars.clone();
        let code = self.pop_unit();
        self.make_function(code, &free, 0);
        self.emit(Instr::CallFunction(0));
        Ok(())
    }

    fn binop(&self, op: ast::Operator) -> BinOp {
        use ast::Operator as O;
        match op {
            O::Add => BinOp::Add,
            O::Sub => BinOp::Sub,
            O::Mult => BinOp::Mul,
            O::Div if self.future & CO_FUTURE_DIVISION != 0 => BinOp::TrueDiv,
            O::Div => BinOp::Div,
            O::Mod => BinOp::Mod,
            O::Pow => BinOp::Pow,
            O::LShift => BinOp::LShift,
            O::RShift => BinOp::RShift,
            O::BitOr => BinOp::Or,
            O::BitXor => BinOp::Xor,
            O::BitAnd => BinOp::And,
            O::FloorDiv => BinOp::FloorDiv,
        }
    }

    fn target(&mut self, t: &Expr, ctx: ExprContext) -> R {
        self.u().line = t.lineno;
        match &t.node {
            ExprKind::Name { id, .. } => match ctx {
                ExprContext::Del => self.delete_name(id, t.lineno)?,
                _ => self.store_name(id),
            },
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(if ctx == ExprContext::Del { Instr::DeleteAttr(i) } else { Instr::StoreAttr(i) });
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.slice(slice)?;
                self.emit(if ctx == ExprContext::Del { Instr::DeleteSubscr } else { Instr::StoreSubscr });
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                if ctx == ExprContext::Del {
                    for e in elts {
                        self.target(e, ctx)?;
                    }
                } else {
                    self.emit(Instr::UnpackSequence(elts.len() as u32));
                    for e in elts {
                        self.target(e, ctx)?;
                    }
                }
            }
            _ => return err("can't assign to this expression", t.lineno),
        }
        Ok(())
    }

    fn slice(&mut self, s: &ast::Slice) -> R {
        match s {
            ast::Slice::Index { value } => self.expr(value)?,
            ast::Slice::Ellipsis => self.load_const_value("Ellipsis".into(), crate::runtime::ELLIPSIS),
            ast::Slice::Slice { lower, upper, step } => {
                for x in [lower, upper] {
                    match x {
                        Some(e) => self.expr(e)?,
                        None => self.load_none(),
                    }
                }
                match step {
                    Some(e) => {
                        self.expr(e)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ast::Slice::ExtSlice { dims } => {
                for d in dims {
                    self.slice(d)?;
                }
                self.emit(Instr::BuildTuple(dims.len() as u32));
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        self.u().line = e.lineno;
        match &e.node {
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                let op = self.binop(*op);
                self.emit(Instr::Binary(op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(match op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                }));
            }
            ExprKind::Lambda { args, body } => {
                self.function(e as *const Expr as usize, "<lambda>", args, &[], Some(body), e.lineno)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let end = self.emit(Instr::Jump(0));
                self.patch(j);
                self.expr(orelse)?;
                self.patch(end);
            }
            ExprKind::Dict { keys, values } => {
                self.emit(Instr::BuildMap(keys.len() as u32));
                for (k, v) in keys.iter().zip(values) {
                    self.expr(v)?;
                    self.expr(k)?;
                    self.emit(Instr::StoreMap);
                }
            }
            ExprKind::Set { elts } => {
                for x in elts {
                    self.expr(x)?;
                }
                self.emit(Instr::BuildSet(elts.len() as u32));
            }
            ExprKind::ListComp { elt, generators } => {
                self.emit(Instr::BuildList(0));
                self.list_comp(generators, 0, elt)?;
            }
            ExprKind::SetComp { .. } | ExprKind::DictComp { .. } | ExprKind::GeneratorExp { .. } => self.nested_comprehension(e)?,
            ExprKind::Yield { value } => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords, starargs, kwargs } => {
                let method = match (&func.node, starargs, kwargs) {
                    (ExprKind::Attribute { value, attr, .. }, None, None) => Some((value, attr)),
                    _ => None,
                };
                if let Some((value, attr)) = method {
                    self.expr(value)?;
                    let i = self.name_index(attr);
                    self.emit(Instr::LoadMethod(i));
                    for a in args {
                        self.expr(a)?;
                    }
                    for k in keywords {
                        let v = pystr::intern(&k.arg);
                        self.load_const_value(format!("kw:{}", k.arg), v);
                        self.expr(&k.value)?;
                    }
                    self.u().line = e.lineno;
                    self.emit(Instr::CallMethod(args.len() as u32 | ((keywords.len() as u32) << 16)));
                    return Ok(());
                }
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    let v = pystr::intern(&k.arg);
                    self.load_const_value(format!("kw:{}", k.arg), v);
                    self.expr(&k.value)?;
                }
                let n = args.len() as u32 | ((keywords.len() as u32) << 16);
                let mut flags = 0u8;
                if let Some(s) = starargs {
                    self.expr(s)?;
                    flags |= 1;
                }
                if let Some(k) = kwargs {
                    self.expr(k)?;
                    flags |= 2;
                }
                if flags == 0 {
                    self.emit(Instr::CallFunction(n));
                } else {
                    self.emit(Instr::CallFunctionVarKw(n, flags));
                }
            }
            ExprKind::Repr { value } => {
                self.expr(value)?;
                self.emit(Instr::Convert);
            }
            ExprKind::Num { n } => match n {
                ast::Num::Int(i) => self.load_const_value(format!("i:{i}"), int::new_int(*i)),
                ast::Num::Long(b) => {
                    let v = long::new_long(b.clone());
                    self.load_const_value(format!("L:{b}"), v)
                }
                ast::Num::Float(f) => self.load_const_value(format!("f:{}", f.to_bits()), float::new_float(*f)),
                ast::Num::Complex(im) => {
                    let v = crate::objects::complex::new_complex(0.0, *im);
                    self.load_const_value(format!("j:{}", im.to_bits()), v)
                }
            },
            ExprKind::Str { s } => self.load_const_str(s),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.slice(slice)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Name { id, .. } => {
                if id == "None" {
                    self.load_none();
                } else {
                    self.load_name(id);
                }
            }
            ExprKind::List { elts, .. } => {
                for x in elts {
                    self.expr(x)?;
                }
                self.emit(Instr::BuildList(elts.len() as u32));
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.expr(x)?;
                }
                self.emit(Instr::BuildTuple(elts.len() as u32));
            }
        }
        Ok(())
    }

    fn compare(&mut self, left: &Expr, ops: &[ast::CmpOp], rest: &[Expr]) -> R {
        fn cmp(op: ast::CmpOp) -> Cmp {
            use ast::CmpOp as C;
            match op {
                C::Eq => Cmp::Rich(CmpOp::Eq),
                C::NotEq => Cmp::Rich(CmpOp::Ne),
                C::Lt => Cmp::Rich(CmpOp::Lt),
                C::LtE => Cmp::Rich(CmpOp::Le),
                C::Gt => Cmp::Rich(CmpOp::Gt),
                C::GtE => Cmp::Rich(CmpOp::Ge),
                C::Is => Cmp::Is,
                C::IsNot => Cmp::IsNot,
                C::In => Cmp::In,
                C::NotIn => Cmp::NotIn,
            }
        }
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&rest[0])?;
            self.emit(Instr::Compare(cmp(ops[0])));
            return Ok(());
        }
        let mut cleanups = Vec::new();
        for (i, (op, r)) in ops.iter().zip(rest).enumerate() {
            self.expr(r)?;
            if i + 1 < ops.len() {
                self.emit(Instr::DupTop);
                self.emit(Instr::RotThree);
                self.emit(Instr::Compare(cmp(*op)));
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            } else {
                self.emit(Instr::Compare(cmp(*op)));
            }
        }
        let end = self.emit(Instr::Jump(0));
        for c in cleanups {
            self.patch(c);
        }
        self.emit(Instr::RotTwo);
        self.emit(Instr::PopTop);
        self.patch(end);
        Ok(())
    }

    /// `[elt for ...]`: runs inline, appending to the list `depth` below the loop state.
    fn list_comp(&mut self, gens: &[ast::Comprehension], i: usize, elt: &Expr) -> R {
        let g = &gens[i];
        self.expr(&g.iter)?;
        self.emit(Instr::GetIter);
        let top = self.here();
        let fi = self.emit(Instr::ForIter(0));
        self.target(&g.target, ExprContext::Store)?;
        let mut skips = Vec::new();
        for c in &g.ifs {
            self.expr(c)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if i + 1 < gens.len() {
            self.list_comp(gens, i + 1, elt)?;
        } else {
            self.expr(elt)?;
            self.emit(Instr::ListAppend(gens.len() as u32 + 1));
        }
        for s in skips {
            self.patch_to(s, top);
        }
        self.emit(Instr::Jump(top));
        self.patch(fi);
        Ok(())
    }

    /// Generator expressions and set/dict comprehensions: a nested function
    /// called with the iterator of the first `for`.
    fn nested_comprehension(&mut self, e: &Expr) -> R {
        let (gens, name) = match &e.node {
            ExprKind::GeneratorExp { generators, .. } => (generators, "<genexpr>"),
            ExprKind::SetComp { generators, .. } => (generators, "<setcomp>"),
            ExprKind::DictComp { generators, .. } => (generators, "<dictcomp>"),
            _ => unreachable!("only comprehension kinds reach here"),
        };
        let scope = self.st.of[&(e as *const Expr as usize)];
        self.push_unit(scope, name, e.lineno);
        self.u().argcount = 1;
        match &e.node {
            ExprKind::SetComp { .. } => {
                self.emit(Instr::BuildSet(0));
            }
            ExprKind::DictComp { .. } => {
                self.emit(Instr::BuildMap(0));
            }
            _ => {}
        }
        self.comp_loop(e, gens, 0)?;
        if matches!(e.node, ExprKind::GeneratorExp { .. }) {
            self.load_none();
        }
        self.emit(Instr::ReturnValue);
        let free = self.units.last().expect("unit").freevars.clone();
        let code = self.pop_unit();
        self.make_function(code, &free, 0);
        self.expr(&gens[0].iter)?;
        self.emit(Instr::GetIter);
        self.emit(Instr::CallFunction(1));
        Ok(())
    }

    fn comp_loop(&mut self, e: &Expr, gens: &[ast::Comprehension], i: usize) -> R {
        let g = &gens[i];
        if i == 0 {
            self.load_name(".0");
        } else {
            self.expr(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        let top = self.here();
        let fi = self.emit(Instr::ForIter(0));
        self.target(&g.target, ExprContext::Store)?;
        let mut skips = Vec::new();
        for c in &g.ifs {
            self.expr(c)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if i + 1 < gens.len() {
            self.comp_loop(e, gens, i + 1)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match &e.node {
                ExprKind::GeneratorExp { elt, .. } => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
                ExprKind::SetComp { elt, .. } => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                ExprKind::DictComp { key, value, .. } => {
                    self.expr(value)?;
                    self.expr(key)?;
                    self.emit(Instr::MapAdd(depth));
                }
                _ => unreachable!("only comprehension kinds reach here"),
            }
        }
        for s in skips {
            self.patch_to(s, top);
        }
        self.emit(Instr::Jump(top));
        self.patch(fi);
        Ok(())
    }
}

fn is_true_constant(e: &Expr) -> bool {
    matches!(&e.node, ExprKind::Num { n: ast::Num::Int(i) } if *i != 0)
}
