//! Helpers called from the grammar actions: node construction with
//! CPython's positions, and the semantic checks CPython 2.7 performs in
//! Python/ast.c after parsing ("can't assign to literal", keyword-argument
//! rules, ...).
//!
//! Those checks do not stop the LR parser: CPython only builds the AST
//! once the whole input has parsed, so a later *syntax* error wins over an
//! earlier AST error.  We therefore record AST errors here and report the
//! leftmost one only if parsing succeeds.

use std::cell::{Cell, RefCell};

use super::ast::*;
use super::errors::{ErrorKind, SyntaxError};
use super::numbers::parse_number;
use super::source::Encoding;
use super::strings::{self, StrError};
use super::tokens::Token;

pub struct Ctx<'a> {
    pub src: &'a [u8],
    pub tokens: &'a [Token],
    pub encoding: Encoding,
    pub unicode_literals: bool,
    pub filename: &'a str,
    pub appended_newline: bool,
    /// First AST error in ast.c's visiting order, keyed by token index.
    pub error: RefCell<Option<(usize, SyntaxError)>>,
    /// While checking an assignment target: its last token.  ast.c builds
    /// the whole target (reporting errors inside it) before it checks
    /// that the target is assignable, so those errors sort after.
    pub order_key: Cell<Option<usize>>,
}

/// One item of a call's argument list, before ast.c's ordering checks.
pub enum ArgItem {
    Pos(Expr, usize),
    Gen(Expr),
    /// Boxed to keep parser stack slots small.
    Kw(Box<(Expr, Expr)>, usize),
    Star(Expr),
    DStar(Expr),
}

/// A formal parameter: a name or a parenthesised sub-list (Python 2's
/// tuple parameters).  `usize` values are token indices (for positions).
pub enum FpDef {
    Name(String, usize),
    /// Sub-list: its elements, index of its first token, and whether it
    /// had a trailing comma or more than one element (a real tuple).
    List(Vec<FpDef>, usize, bool),
}

/// Clauses of a comprehension, in source order.
pub enum CompItem {
    For(Expr, Expr),
    If(Expr),
}

impl<'a> Ctx<'a> {
    pub fn pos(&self, i: usize) -> (u32, i32) {
        match self.tokens.get(i) {
            Some(t) => (t.lineno, t.col),
            None => (1, 0),
        }
    }

    pub fn e(&self, node: ExprKind, i: usize) -> Expr {
        let (l, c) = self.pos(i);
        Expr::new(node, l, c)
    }

    pub fn s(&self, node: StmtKind, i: usize) -> Stmt {
        let (l, c) = self.pos(i);
        Stmt::new(node, l, c)
    }

    pub fn text(&self, i: usize) -> &'a [u8] {
        let t = &self.tokens[i];
        &self.src[t.start..t.end]
    }

    /// Records an ast.c error reported at the node starting at token `i`.
    /// CPython sets offset=None and reads the text back from the file.
    pub fn error_at(&self, i: usize, msg: &str) {
        self.error_kind(i, ErrorKind::Syntax, msg);
    }

    pub fn error_kind(&self, i: usize, kind: ErrorKind, msg: &str) {
        let key = self.order_key.get().unwrap_or(i);
        let mut slot = self.error.borrow_mut();
        if let Some((j, _)) = &*slot {
            if *j <= key {
                return;
            }
        }
        let lineno = self.pos(i).0 as usize;
        let text = self.line_text(lineno);
        *slot = Some((
            key,
            SyntaxError {
                kind,
                msg: msg.to_string(),
                filename: self.filename.to_string(),
                lineno,
                offset: None,
                text,
                incomplete: false,
            },
        ));
    }

    fn line_text(&self, lineno: usize) -> Option<String> {
        let line = self.src.split(|&c| c == b'\n').nth(lineno.checked_sub(1)?)?;
        // PyErr_ProgramText drops the line's indentation.
        let mut s = String::from_utf8_lossy(line).trim_start_matches([' ', '\t', '\x0c']).to_string();
        let is_last = line.as_ptr() as usize + line.len() + 1 >= self.src.as_ptr() as usize + self.src.len();
        if !(is_last && self.appended_newline) {
            s.push('\n');
        }
        Some(s)
    }

    // ----- literals -------------------------------------------------------

    pub fn name(&self, id: String, i: usize) -> Expr {
        self.e(ExprKind::Name { id, ctx: ExprContext::Load }, i)
    }

    pub fn number(&self, i: usize) -> Expr {
        let text = String::from_utf8_lossy(self.text(i)).into_owned();
        self.e(ExprKind::Num { n: parse_number(&text) }, i)
    }

    /// `-NUMBER` folds into a negative literal (ast_for_factor).
    pub fn neg_number(&self, minus: usize, num: usize) -> Expr {
        let text = format!("-{}", String::from_utf8_lossy(self.text(num)));
        self.e(ExprKind::Num { n: parse_number(&text) }, minus)
    }

    /// Adjacent string literals concatenate; if any is unicode the result
    /// is unicode (byte parts are decoded as Latin-1 here, which is what
    /// CPython's default-encoding conversion does for ASCII data).
    pub fn strings(&self, first: usize, last: usize) -> Expr {
        let mut parts = Vec::new();
        for i in first..last {
            match strings::decode(self.text(i), self.encoding, self.unicode_literals) {
                Ok(s) => parts.push(s),
                Err(StrError::Value(m)) => {
                    self.error_kind(first, ErrorKind::Value, &m);
                    parts.push(Str::Bytes(Vec::new()));
                }
                Err(StrError::Unicode(m)) => {
                    self.error_at(first, &format!("(unicode error) {}", m));
                    parts.push(Str::Unicode(Vec::new()));
                }
            }
        }
        let s = if parts.iter().any(|p| matches!(p, Str::Unicode(_))) {
            // Mixing: byte parts are decoded with the default (ASCII) codec.
            let mut v = Vec::new();
            for p in parts {
                match p {
                    Str::Unicode(u) => v.extend(u),
                    Str::Bytes(b) => {
                        if let Some(pos) = b.iter().position(|&c| c >= 0x80) {
                            self.error_at(
                                first,
                                &format!(
                                    "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {}: \
                                     ordinal not in range(128)",
                                    b[pos], pos
                                ),
                            );
                        }
                        v.extend(b.iter().map(|&c| c as u32))
                    }
                }
            }
            Str::Unicode(v)
        } else {
            let mut v = Vec::new();
            for p in parts {
                if let Str::Bytes(b) = p {
                    v.extend(b);
                }
            }
            Str::Bytes(v)
        };
        self.e(ExprKind::Str { s }, first)
    }

    // ----- operators --------------------------------------------------------

    /// BinOp for a left-associative chain.  CPython gives the first BinOp
    /// of `a + b + c` the position of the whole chain, and every later one
    /// the position of its operator token.
    pub fn binop(&self, left: (Expr, bool), op: Operator, right: Expr, start: usize, op_i: usize) -> (Expr, bool) {
        let at = if left.1 { op_i } else { start };
        (self.e(ExprKind::BinOp { left: Box::new(left.0), op, right: Box::new(right) }, at), true)
    }

    pub fn boolop(&self, op: BoolOp, first: Expr, rest: Vec<Expr>, i: usize) -> Expr {
        if rest.is_empty() {
            return first;
        }
        let mut values = vec![first];
        values.extend(rest);
        self.e(ExprKind::BoolOp { op, values }, i)
    }

    // ----- sequences ----------------------------------------------------

    /// `a, b` (or `a,`) builds a Tuple at the first element; a lone
    /// expression stays itself.
    pub fn tuple_or_single(&self, first: Expr, rest: Vec<Expr>, trailing: bool, i: usize) -> Expr {
        if rest.is_empty() && !trailing {
            return first;
        }
        let mut elts = vec![first];
        elts.extend(rest);
        self.e(ExprKind::Tuple { elts, ctx: ExprContext::Load }, i)
    }

    pub fn comprehensions(&self, items: Vec<CompItem>) -> Vec<Comprehension> {
        let mut out: Vec<Comprehension> = Vec::new();
        for it in items {
            match it {
                CompItem::For(target, iter) => out.push(Comprehension { target, iter, ifs: Vec::new() }),
                CompItem::If(e) => {
                    if let Some(last) = out.last_mut() {
                        last.ifs.push(e)
                    }
                }
            }
        }
        out
    }

    /// Target of `for` in a comprehension or loop: one expression, or a
    /// Store tuple positioned at its first element (as CPython 2.7 does).
    pub fn for_target(&self, (mut elts, single): (Vec<Expr>, bool), tok: usize, end: usize) -> Expr {
        let mut t = if single {
            elts.pop().unwrap()
        } else {
            let (l, c) = (elts[0].lineno, elts[0].col_offset);
            Expr::new(ExprKind::Tuple { elts, ctx: ExprContext::Load }, l, c)
        };
        self.set_target(&mut t, ExprContext::Store, tok, end);
        t
    }

    /// set_context for a target spanning tokens `start..end`.
    pub fn set_target(&self, e: &mut Expr, ctx: ExprContext, start: usize, end: usize) {
        self.order_key.set(Some(end.saturating_sub(1).max(start)));
        self.set_context(e, ctx, start);
        self.order_key.set(None);
    }

    // ----- assignment targets ------------------------------------------

    /// ast.c's set_context: marks an expression as a Store/Del target and
    /// rejects what cannot be assigned to.  `i` is the node for errors.
    pub fn set_context(&self, e: &mut Expr, ctx: ExprContext, i: usize) {
        let what = match &mut e.node {
            ExprKind::Attribute { attr, ctx: c, .. } => {
                if ctx == ExprContext::Store && self.forbidden(attr, i) {
                    return;
                }
                *c = ctx;
                None
            }
            ExprKind::Subscript { ctx: c, .. } => {
                *c = ctx;
                None
            }
            ExprKind::Name { id, ctx: c } => {
                if ctx == ExprContext::Store && self.forbidden(id, i) {
                    return;
                }
                *c = ctx;
                None
            }
            ExprKind::List { elts, ctx: c } => {
                *c = ctx;
                for el in elts.iter_mut() {
                    self.set_context(el, ctx, i);
                }
                None
            }
            ExprKind::Tuple { elts, ctx: c } => {
                if elts.is_empty() {
                    Some("()")
                } else {
                    *c = ctx;
                    for el in elts.iter_mut() {
                        self.set_context(el, ctx, i);
                    }
                    None
                }
            }
            ExprKind::Lambda { .. } => Some("lambda"),
            ExprKind::Call { .. } => Some("function call"),
            ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => Some("operator"),
            ExprKind::GeneratorExp { .. } => Some("generator expression"),
            ExprKind::Yield { .. } => Some("yield expression"),
            ExprKind::ListComp { .. } => Some("list comprehension"),
            ExprKind::SetComp { .. } => Some("set comprehension"),
            ExprKind::DictComp { .. } => Some("dict comprehension"),
            ExprKind::Dict { .. } | ExprKind::Set { .. } | ExprKind::Num { .. } | ExprKind::Str { .. } => {
                Some("literal")
            }
            ExprKind::Compare { .. } => Some("comparison"),
            ExprKind::Repr { .. } => Some("repr"),
            ExprKind::IfExp { .. } => Some("conditional expression"),
        };
        if let Some(what) = what {
            let verb = if ctx == ExprContext::Del { "delete" } else { "assign to" };
            self.error_at(i, &format!("can't {} {}", verb, what));
        }
    }

    /// ast.c's forbidden_check: None and __debug__ cannot be bound.
    pub fn forbidden(&self, name: &str, i: usize) -> bool {
        if name == "None" {
            self.error_at(i, "cannot assign to None");
            true
        } else if name == "__debug__" {
            self.error_at(i, "cannot assign to __debug__");
            true
        } else {
            false
        }
    }

    pub fn assign(&self, first: (Expr, usize), rest: Vec<((Expr, bool), usize)>, i: usize) -> Stmt {
        // targets: every item but the last; value: the last.
        let mut items: Vec<(Expr, bool, usize)> = vec![(first.0, false, first.1)];
        items.extend(rest.into_iter().map(|((e, y), j)| (e, y, j)));
        // Each target ends just before the '=' preceding the next item.
        let ends: Vec<usize> = items.iter().skip(1).map(|it| it.2 - 1).collect();
        let (value, _, _) = items.pop().unwrap();
        let mut targets = Vec::with_capacity(items.len());
        for ((mut t, is_yield, j), end) in items.into_iter().zip(ends) {
            if is_yield {
                self.error_at(j, "assignment to yield expression not possible");
            } else {
                self.set_target(&mut t, ExprContext::Store, j, end);
            }
            targets.push(t);
        }
        self.s(StmtKind::Assign { targets, value }, i)
    }

    pub fn aug_assign(&self, mut target: Expr, op: Operator, value: Expr, i: usize, op_i: usize) -> Stmt {
        self.set_target(&mut target, ExprContext::Store, i, op_i);
        self.order_key.set(Some(op_i));
        match target.node {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::GeneratorExp { .. } => {
                self.error_at(i, "augmented assignment to generator expression not possible")
            }
            ExprKind::Yield { .. } => self.error_at(i, "augmented assignment to yield expression not possible"),
            _ => self.error_at(i, "illegal expression for augmented assignment"),
        }
        self.order_key.set(None);
        self.s(StmtKind::AugAssign { target, op, value }, i)
    }

    pub fn delete(&self, (elts, _): (Vec<Expr>, bool), i: usize, tok: usize, end: usize) -> Stmt {
        let mut targets = elts;
        for t in targets.iter_mut() {
            self.set_target(t, ExprContext::Del, tok, end);
        }
        self.s(StmtKind::Delete { targets }, i)
    }

    // ----- calls --------------------------------------------------------

    /// ast.c's ast_for_call: orders and checks the argument list.
    pub fn call(&self, func: Expr, items: Vec<ArgItem>, arglist_tok: usize) -> Expr {
        let nargs = items.iter().filter(|a| matches!(a, ArgItem::Pos(..))).count();
        let nkw = items.iter().filter(|a| matches!(a, ArgItem::Kw(..))).count();
        let ngens = items.iter().filter(|a| matches!(a, ArgItem::Gen(..))).count();
        if ngens > 1 || (ngens > 0 && nargs + nkw > 0) {
            self.error_at(arglist_tok, "Generator expression must be parenthesized if not sole argument");
        } else if nargs + nkw + ngens > 255 {
            self.error_at(arglist_tok, "more than 255 arguments");
        }
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut starargs = None;
        let mut kwargs = None;
        for it in items {
            match it {
                ArgItem::Pos(e, j) => {
                    if !keywords.is_empty() {
                        self.error_at(j, "non-keyword arg after keyword arg");
                    } else if starargs.is_some() {
                        self.error_at(j, "only named arguments may follow *expression");
                    }
                    args.push(e);
                }
                ArgItem::Gen(e) => args.push(e),
                ArgItem::Kw(kv, j) => {
                    let (k, v) = *kv;
                    let name = match k.node {
                        ExprKind::Name { id, .. } => id,
                        ExprKind::Lambda { .. } => {
                            self.error_at(j, "lambda cannot contain assignment");
                            String::new()
                        }
                        _ => {
                            self.error_at(j, "keyword can't be an expression");
                            String::new()
                        }
                    };
                    if !name.is_empty() {
                        self.forbidden(&name, j);
                        if keywords.iter().any(|kw| kw.arg == name) {
                            self.error_at(j, "keyword argument repeated");
                        }
                    }
                    keywords.push(Keyword { arg: name, value: v });
                }
                ArgItem::Star(e) => starargs = Some(Box::new(e)),
                ArgItem::DStar(e) => kwargs = Some(Box::new(e)),
            }
        }
        let (l, c) = (func.lineno, func.col_offset);
        Expr::new(ExprKind::Call { func: Box::new(func), args, keywords, starargs, kwargs }, l, c)
    }

    // ----- parameters -------------------------------------------------------

    /// ast.c's ast_for_arguments for `def` and `lambda`.
    pub fn arguments(
        &self,
        params: Vec<(FpDef, Option<Expr>)>,
        vararg: Option<(String, usize)>,
        kwarg: Option<(String, usize)>,
        node: usize,
    ) -> Arguments {
        let mut args = Vec::new();
        let mut defaults = Vec::new();
        let mut seen_default = false;
        for (fp, default) in params {
            match default {
                Some(d) => {
                    // `def f((x)=1)`: parentheses around a plain name.
                    if is_parenthesized_name(&fp) {
                        self.error_at(node, "parenthesized arg with default");
                    }
                    defaults.push(d);
                    seen_default = true;
                }
                None if seen_default => {
                    self.error_at(node, "non-default argument follows default argument");
                }
                None => {}
            }
            args.push(self.param(fp, node));
        }
        let vararg = vararg.map(|(n, i)| {
            self.forbidden(&n, i);
            n
        });
        let kwarg = kwarg.map(|(n, i)| {
            self.forbidden(&n, i);
            n
        });
        Arguments { args, vararg, kwarg, defaults }
    }

    fn param(&self, fp: FpDef, node: usize) -> Expr {
        match fp {
            FpDef::Name(n, i) => {
                self.forbidden(&n, node);
                self.e(ExprKind::Name { id: n, ctx: ExprContext::Param }, i)
            }
            // `def f((x)):` is just x.
            FpDef::List(mut v, _, false) if v.len() == 1 => self.param(v.pop().unwrap(), node),
            FpDef::List(v, i, _) => self.complex_arg(v, i, node),
        }
    }

    /// compiler_complex_args: a tuple parameter becomes a Store tuple.
    fn complex_arg(&self, v: Vec<FpDef>, i: usize, node: usize) -> Expr {
        let mut elts = Vec::new();
        for fp in v {
            let mut fp = fp;
            loop {
                match fp {
                    FpDef::List(mut inner, _, false) if inner.len() == 1 => fp = inner.pop().unwrap(),
                    _ => break,
                }
            }
            elts.push(match fp {
                FpDef::Name(n, j) => {
                    self.forbidden(&n, node);
                    self.e(ExprKind::Name { id: n, ctx: ExprContext::Store }, j)
                }
                FpDef::List(inner, j, _) => self.complex_arg(inner, j, node),
            });
        }
        self.e(ExprKind::Tuple { elts, ctx: ExprContext::Store }, i)
    }

    // ----- subscripts -----------------------------------------------------

    pub fn subscript_list(&self, first: Slice, rest: Vec<Slice>, trailing: bool, i: usize) -> Slice {
        if rest.is_empty() && !trailing {
            return first;
        }
        let mut all = vec![first];
        all.extend(rest);
        if all.iter().all(|s| matches!(s, Slice::Index { .. })) {
            let elts = all
                .into_iter()
                .map(|s| match s {
                    Slice::Index { value } => value,
                    _ => unreachable!(),
                })
                .collect();
            Slice::Index { value: self.e(ExprKind::Tuple { elts, ctx: ExprContext::Load }, i) }
        } else {
            Slice::ExtSlice { dims: all }
        }
    }

    /// Applies a trailer; CPython positions the result at the atom.
    pub fn trailer(&self, base: Expr, t: Trailer) -> Expr {
        let (l, c) = (base.lineno, base.col_offset);
        let node = match t {
            Trailer::Call(items, i) => {
                let mut call = self.call(base, items, i);
                call.lineno = l;
                call.col_offset = c;
                return call;
            }
            Trailer::Attr(attr) => ExprKind::Attribute { value: Box::new(base), attr, ctx: ExprContext::Load },
            Trailer::Index(slice) => ExprKind::Subscript { value: Box::new(base), slice, ctx: ExprContext::Load },
        };
        Expr::new(node, l, c)
    }
}

fn is_parenthesized_name(fp: &FpDef) -> bool {
    let mut fp = fp;
    let mut parens = false;
    while let FpDef::List(v, _, false) = fp {
        if v.len() != 1 {
            return false;
        }
        parens = true;
        fp = &v[0];
    }
    parens && matches!(fp, FpDef::Name(..))
}

pub enum Trailer {
    Call(Vec<ArgItem>, usize),
    Attr(String),
    Index(Box<Slice>),
}
