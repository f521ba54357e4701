//! Renders a tree exactly like CPython 2.7's
//! `ast.dump(tree, include_attributes=True)`, including Python 2 `repr()`
//! of strings and numbers.  The test-suite diffs this against CPython.

use std::fmt::Write;

use super::ast::*;

pub fn dump_module(m: &Module) -> String {
    let mut d = Dumper { out: String::new() };
    d.out.push_str("Module(body=");
    d.stmts(&m.body);
    d.out.push(')');
    d.out
}

pub fn dump_interactive(m: &Interactive) -> String {
    let mut d = Dumper { out: String::new() };
    d.out.push_str("Interactive(body=");
    d.stmts(&m.body);
    d.out.push(')');
    d.out
}

pub fn dump_expression(e: &Expr) -> String {
    let mut d = Dumper { out: String::new() };
    d.out.push_str("Expression(body=");
    d.expr(e);
    d.out.push(')');
    d.out
}

pub fn dump_expr(e: &Expr) -> String {
    let mut d = Dumper { out: String::new() };
    d.expr(e);
    d.out
}

struct Dumper {
    out: String,
}

/// Python 2 `repr(float)`: shortest round-tripping digits, exponent form
/// outside 1e-4 <= |x| < 1e16.  `dot0` adds ".0" to integral values
/// (float repr does, the parts of a complex repr do not).
pub fn repr_float(x: f64, dot0: bool) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        let z = if dot0 { "0.0" } else { "0" };
        return if x.is_sign_negative() { format!("-{}", z) } else { z.into() };
    }
    let sci = format!("{:e}", x.abs());
    let (mant, exp) = sci.split_once('e').unwrap();
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().unwrap();
    let decpt = exp + 1;
    let sign = if x < 0.0 { "-" } else { "" };
    let n = digits.len() as i32;
    let body = if decpt <= -4 || decpt > 16 {
        let m = if n > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
    } else if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        format!("{}{}{}", digits, "0".repeat((decpt - n) as usize), if dot0 { ".0" } else { "" })
    } else {
        format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
    };
    format!("{}{}", sign, body)
}

pub fn repr_num(n: &Num) -> String {
    match n {
        Num::Int(i) => i.to_string(),
        Num::Long(b) => format!("{}L", b),
        Num::Float(f) => repr_float(*f, true),
        Num::Complex(im) => format!("{}j", repr_float(*im, false)),
    }
}

fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

pub fn repr_bytes(s: &[u8]) -> String {
    let q = pick_quote(s.contains(&b'\''), s.contains(&b'"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for &c in s {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c as char == q => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{:02x}", c);
            }
        }
    }
    out.push(q);
    out
}

pub fn repr_unicode(s: &[u32]) -> String {
    let q = pick_quote(s.contains(&('\'' as u32)), s.contains(&('"' as u32)));
    let mut out = String::with_capacity(s.len() + 3);
    out.push('u');
    out.push(q);
    for &c in s {
        match c {
            0x5c => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if c == q as u32 => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7e => out.push(c as u8 as char),
            0x10000.. => {
                let _ = write!(out, "\\U{:08x}", c);
            }
            0x100.. => {
                let _ = write!(out, "\\u{:04x}", c);
            }
            _ => {
                let _ = write!(out, "\\x{:02x}", c);
            }
        }
    }
    out.push(q);
    out
}

fn repr_str(s: &Str) -> String {
    match s {
        Str::Bytes(b) => repr_bytes(b),
        Str::Unicode(u) => repr_unicode(u),
    }
}

fn ident(s: &str) -> String {
    repr_bytes(s.as_bytes())
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load()",
        ExprContext::Store => "Store()",
        ExprContext::Del => "Del()",
        ExprContext::AugLoad => "AugLoad()",
        ExprContext::AugStore => "AugStore()",
        ExprContext::Param => "Param()",
    }
}

fn op_name(o: Operator) -> &'static str {
    match o {
        Operator::Add => "Add()",
        Operator::Sub => "Sub()",
        Operator::Mult => "Mult()",
        Operator::Div => "Div()",
        Operator::Mod => "Mod()",
        Operator::Pow => "Pow()",
        Operator::LShift => "LShift()",
        Operator::RShift => "RShift()",
        Operator::BitOr => "BitOr()",
        Operator::BitXor => "BitXor()",
        Operator::BitAnd => "BitAnd()",
        Operator::FloorDiv => "FloorDiv()",
    }
}

fn cmp_name(o: CmpOp) -> &'static str {
    match o {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}

impl Dumper {
    fn s(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn attrs(&mut self, lineno: u32, col: i32, had_fields: bool) {
        let _ = write!(self.out, "{}lineno={}, col_offset={})", if had_fields { ", " } else { " " }, lineno, col);
    }

    fn stmts(&mut self, v: &[Stmt]) {
        self.s("[");
        for (i, st) in v.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.stmt(st);
        }
        self.s("]");
    }

    fn exprs(&mut self, v: &[Expr]) {
        self.s("[");
        for (i, e) in v.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.expr(e);
        }
        self.s("]");
    }

    fn opt(&mut self, e: &Option<Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.s("None"),
        }
    }

    fn optb(&mut self, e: &Option<Box<Expr>>) {
        match e {
            Some(e) => self.expr(e),
            None => self.s("None"),
        }
    }

    fn opt_ident(&mut self, s: &Option<Ident>) {
        match s {
            Some(s) => {
                let r = ident(s);
                self.s(&r)
            }
            None => self.s("None"),
        }
    }

    fn args(&mut self, a: &Arguments) {
        self.s("arguments(args=");
        self.exprs(&a.args);
        self.s(", vararg=");
        self.opt_ident(&a.vararg);
        self.s(", kwarg=");
        self.opt_ident(&a.kwarg);
        self.s(", defaults=");
        self.exprs(&a.defaults);
        self.s(")");
    }

    fn comps(&mut self, v: &[Comprehension]) {
        self.s("[");
        for (i, c) in v.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.s("comprehension(target=");
            self.expr(&c.target);
            self.s(", iter=");
            self.expr(&c.iter);
            self.s(", ifs=");
            self.exprs(&c.ifs);
            self.s(")");
        }
        self.s("]");
    }

    fn aliases(&mut self, v: &[Alias]) {
        self.s("[");
        for (i, a) in v.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            let _ = write!(self.out, "alias(name={}, asname=", ident(&a.name));
            self.opt_ident(&a.asname);
            self.s(")");
        }
        self.s("]");
    }

    fn slice(&mut self, s: &Slice) {
        match s {
            Slice::Ellipsis => self.s("Ellipsis()"),
            Slice::Slice { lower, upper, step } => {
                self.s("Slice(lower=");
                self.opt(lower);
                self.s(", upper=");
                self.opt(upper);
                self.s(", step=");
                self.opt(step);
                self.s(")");
            }
            Slice::ExtSlice { dims } => {
                self.s("ExtSlice(dims=[");
                for (i, d) in dims.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    self.slice(d);
                }
                self.s("])");
            }
            Slice::Index { value } => {
                self.s("Index(value=");
                self.expr(value);
                self.s(")");
            }
        }
    }

    fn stmt(&mut self, st: &Stmt) {
        let mut fields = true;
        match &st.node {
            StmtKind::FunctionDef { name, args, body, decorator_list } => {
                let _ = write!(self.out, "FunctionDef(name={}, args=", ident(name));
                self.args(args);
                self.s(", body=");
                self.stmts(body);
                self.s(", decorator_list=");
                self.exprs(decorator_list);
            }
            StmtKind::ClassDef { name, bases, body, decorator_list } => {
                let _ = write!(self.out, "ClassDef(name={}, bases=", ident(name));
                self.exprs(bases);
                self.s(", body=");
                self.stmts(body);
                self.s(", decorator_list=");
                self.exprs(decorator_list);
            }
            StmtKind::Return { value } => {
                self.s("Return(value=");
                self.opt(value);
            }
            StmtKind::Delete { targets } => {
                self.s("Delete(targets=");
                self.exprs(targets);
            }
            StmtKind::Assign { targets, value } => {
                self.s("Assign(targets=");
                self.exprs(targets);
                self.s(", value=");
                self.expr(value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.s("AugAssign(target=");
                self.expr(target);
                let _ = write!(self.out, ", op={}, value=", op_name(*op));
                self.expr(value);
            }
            StmtKind::Print { dest, values, nl } => {
                self.s("Print(dest=");
                self.opt(dest);
                self.s(", values=");
                self.exprs(values);
                let _ = write!(self.out, ", nl={}", if *nl { "True" } else { "False" });
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.s("For(target=");
                self.expr(target);
                self.s(", iter=");
                self.expr(iter);
                self.s(", body=");
                self.stmts(body);
                self.s(", orelse=");
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.s("While(test=");
                self.expr(test);
                self.s(", body=");
                self.stmts(body);
                self.s(", orelse=");
                self.stmts(orelse);
            }
            StmtKind::If { test, body, orelse } => {
                self.s("If(test=");
                self.expr(test);
                self.s(", body=");
                self.stmts(body);
                self.s(", orelse=");
                self.stmts(orelse);
            }
            StmtKind::With { context_expr, optional_vars, body } => {
                self.s("With(context_expr=");
                self.expr(context_expr);
                self.s(", optional_vars=");
                self.opt(optional_vars);
                self.s(", body=");
                self.stmts(body);
            }
            StmtKind::Raise { type_, inst, tback } => {
                self.s("Raise(type=");
                self.opt(type_);
                self.s(", inst=");
                self.opt(inst);
                self.s(", tback=");
                self.opt(tback);
            }
            StmtKind::TryExcept { body, handlers, orelse } => {
                self.s("TryExcept(body=");
                self.stmts(body);
                self.s(", handlers=[");
                for (i, h) in handlers.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    self.s("ExceptHandler(type=");
                    self.opt(&h.type_);
                    self.s(", name=");
                    self.opt(&h.name);
                    self.s(", body=");
                    self.stmts(&h.body);
                    self.attrs(h.lineno, h.col_offset, true);
                }
                self.s("], orelse=");
                self.stmts(orelse);
            }
            StmtKind::TryFinally { body, finalbody } => {
                self.s("TryFinally(body=");
                self.stmts(body);
                self.s(", finalbody=");
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.s("Assert(test=");
                self.expr(test);
                self.s(", msg=");
                self.opt(msg);
            }
            StmtKind::Import { names } => {
                self.s("Import(names=");
                self.aliases(names);
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.s("ImportFrom(module=");
                self.opt_ident(module);
                self.s(", names=");
                self.aliases(names);
                let _ = write!(self.out, ", level={}", level);
            }
            StmtKind::Exec { body, globals, locals } => {
                self.s("Exec(body=");
                self.expr(body);
                self.s(", globals=");
                self.opt(globals);
                self.s(", locals=");
                self.opt(locals);
            }
            StmtKind::Global { names } => {
                self.s("Global(names=[");
                let v: Vec<String> = names.iter().map(|n| ident(n)).collect();
                self.s(&v.join(", "));
                self.s("]");
            }
            StmtKind::Expr { value } => {
                self.s("Expr(value=");
                self.expr(value);
            }
            StmtKind::Pass => {
                self.s("Pass(");
                fields = false;
            }
            StmtKind::Break => {
                self.s("Break(");
                fields = false;
            }
            StmtKind::Continue => {
                self.s("Continue(");
                fields = false;
            }
        }
        self.attrs(st.lineno, st.col_offset, fields);
    }

    fn expr(&mut self, e: &Expr) {
        match &e.node {
            ExprKind::BoolOp { op, values } => {
                let _ = write!(self.out, "BoolOp(op={}, values=", if *op == BoolOp::And { "And()" } else { "Or()" });
                self.exprs(values);
            }
            ExprKind::BinOp { left, op, right } => {
                self.s("BinOp(left=");
                self.expr(left);
                let _ = write!(self.out, ", op={}, right=", op_name(*op));
                self.expr(right);
            }
            ExprKind::UnaryOp { op, operand } => {
                let name = match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                };
                let _ = write!(self.out, "UnaryOp(op={}, operand=", name);
                self.expr(operand);
            }
            ExprKind::Lambda { args, body } => {
                self.s("Lambda(args=");
                self.args(args);
                self.s(", body=");
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.s("IfExp(test=");
                self.expr(test);
                self.s(", body=");
                self.expr(body);
                self.s(", orelse=");
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.s("Dict(keys=");
                self.exprs(keys);
                self.s(", values=");
                self.exprs(values);
            }
            ExprKind::Set { elts } => {
                self.s("Set(elts=");
                self.exprs(elts);
            }
            ExprKind::ListComp { elt, generators } => {
                self.s("ListComp(elt=");
                self.expr(elt);
                self.s(", generators=");
                self.comps(generators);
            }
            ExprKind::SetComp { elt, generators } => {
                self.s("SetComp(elt=");
                self.expr(elt);
                self.s(", generators=");
                self.comps(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.s("DictComp(key=");
                self.expr(key);
                self.s(", value=");
                self.expr(value);
                self.s(", generators=");
                self.comps(generators);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.s("GeneratorExp(elt=");
                self.expr(elt);
                self.s(", generators=");
                self.comps(generators);
            }
            ExprKind::Yield { value } => {
                self.s("Yield(value=");
                self.optb(value);
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.s("Compare(left=");
                self.expr(left);
                let v: Vec<&str> = ops.iter().map(|o| cmp_name(*o)).collect();
                let _ = write!(self.out, ", ops=[{}], comparators=", v.join(", "));
                self.exprs(comparators);
            }
            ExprKind::Call { func, args, keywords, starargs, kwargs } => {
                self.s("Call(func=");
                self.expr(func);
                self.s(", args=");
                self.exprs(args);
                self.s(", keywords=[");
                for (i, k) in keywords.iter().enumerate() {
                    if i > 0 {
                        self.s(", ");
                    }
                    let _ = write!(self.out, "keyword(arg={}, value=", ident(&k.arg));
                    self.expr(&k.value);
                    self.s(")");
                }
                self.s("], starargs=");
                self.optb(starargs);
                self.s(", kwargs=");
                self.optb(kwargs);
            }
            ExprKind::Repr { value } => {
                self.s("Repr(value=");
                self.expr(value);
            }
            ExprKind::Num { n } => {
                let _ = write!(self.out, "Num(n={}", repr_num(n));
            }
            ExprKind::Str { s } => {
                let _ = write!(self.out, "Str(s={}", repr_str(s));
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.s("Attribute(value=");
                self.expr(value);
                let _ = write!(self.out, ", attr={}, ctx={}", ident(attr), ctx_name(*ctx));
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.s("Subscript(value=");
                self.expr(value);
                self.s(", slice=");
                self.slice(slice);
                let _ = write!(self.out, ", ctx={}", ctx_name(*ctx));
            }
            ExprKind::Name { id, ctx } => {
                let _ = write!(self.out, "Name(id={}, ctx={}", ident(id), ctx_name(*ctx));
            }
            ExprKind::List { elts, ctx } => {
                self.s("List(elts=");
                self.exprs(elts);
                let _ = write!(self.out, ", ctx={}", ctx_name(*ctx));
            }
            ExprKind::Tuple { elts, ctx } => {
                self.s("Tuple(elts=");
                self.exprs(elts);
                let _ = write!(self.out, ", ctx={}", ctx_name(*ctx));
            }
        }
        self.attrs(e.lineno, e.col_offset, true);
    }
}
