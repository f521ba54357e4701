//! The operator-precedence parser: tokens of one clause to a term.
//!
//! Classic Prolog parsing: a primary term, then a loop that extends the left
//! operand with infix/postfix operators while their priorities allow it.
//! Every value built is also pushed on a `RootedVec`, because the partial
//! results live in Rust vectors the garbage collector cannot see.

use super::lexer::{Lexer, Tok, Token};
use super::ops::Ops;
use crate::term::*;
use vmcore::gc::RootedVec;
use vmcore::object::symbol::intern;
use vmcore::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DoubleQuotes {
    Codes,
    Chars,
    Atom,
}

pub struct ReadResult {
    pub term: Value,
    /// Named variables in order of first appearance (`_` excluded).
    pub var_names: Vec<(String, Value)>,
    pub singletons: Vec<(String, Value)>,
    /// All variables, in order of first appearance.
    pub vars: Vec<Value>,
    /// Kept alive while the caller holds the result.
    pub _keep: RootedVec,
}

struct Parser<'a> {
    toks: Vec<Token>,
    i: usize,
    ops: &'a Ops,
    dq: DoubleQuotes,
    names: Vec<(String, Value, usize)>,
    all_vars: Vec<Value>,
    keep: RootedVec,
}

/// Reads one clause from `text` starting at `*pos`. Ok(None) at end of input.
/// On a syntax error the cursor is moved past the offending clause.
pub fn read_term(text: &[char], pos: &mut usize, ops: &Ops, dq: DoubleQuotes) -> Result<Option<ReadResult>, String> {
    let mut lx = Lexer::new(text, *pos);
    let mut toks = Vec::new();
    loop {
        let t = match lx.next() {
            Ok(t) => t,
            Err(e) => {
                lx.skip_to_end();
                *pos = lx.pos;
                return Err(e);
            }
        };
        match t.tok {
            Tok::End => break,
            Tok::Eof => {
                *pos = lx.pos;
                if toks.is_empty() {
                    return Ok(None);
                }
                return Err("operator expected (end of file)".into());
            }
            _ => toks.push(t),
        }
    }
    *pos = lx.pos;
    let mut p = Parser { toks, i: 0, ops, dq, names: Vec::new(), all_vars: Vec::new(), keep: RootedVec::new() };
    let (t, _) = p.parse(1200)?;
    if p.i < p.toks.len() {
        return Err("operator expected".into());
    }
    p.keep.push(t);
    let var_names = p.names.iter().filter(|(n, _, _)| n != "_").map(|(n, v, _)| (n.clone(), *v)).collect();
    let singletons = p.names.iter().filter(|(n, _, c)| n != "_" && *c == 1).map(|(n, v, _)| (n.clone(), *v)).collect();
    Ok(Some(ReadResult { term: t, var_names, singletons, vars: p.all_vars, _keep: p.keep }))
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i).map(|t| &t.tok)
    }
    fn next(&mut self) -> Result<Token, String> {
        let t = self.toks.get(self.i).cloned().ok_or("unexpected end of clause")?;
        self.i += 1;
        Ok(t)
    }
    fn expect(&mut self, p: &str) -> Result<(), String> {
        match self.next()?.tok {
            Tok::Punct(q) if q == p => Ok(()),
            t => Err(format!("expected `{p}`, found {t:?}")),
        }
    }
    fn keep(&mut self, v: Value) -> Value {
        self.keep.push(v);
        v
    }
    /// The next token is '(' written right after the previous one.
    fn open_ct(&self) -> bool {
        matches!(self.toks.get(self.i), Some(Token { tok: Tok::Punct("("), layout: false, .. }))
    }
    /// Can the next token start a term? (decides prefix-operator vs atom)
    fn term_follows(&self) -> bool {
        match self.toks.get(self.i) {
            None => false,
            Some(t) => match &t.tok {
                Tok::Punct(p) => matches!(*p, "(" | "[" | "{"),
                Tok::Atom(a) => {
                    let id = intern(a);
                    // an infix operator that is not also prefix/operand-like ends the operand
                    if self.ops.infix(id).is_some() && self.ops.prefix(id).is_none() {
                        let after = self.toks.get(self.i + 1);
                        return matches!(after, Some(Token { tok: Tok::Punct("("), layout: false, .. }));
                    }
                    true
                }
                Tok::End | Tok::Eof => false,
                _ => true,
            },
        }
    }

    fn parse(&mut self, max: u32) -> Result<(Value, u32), String> {
        let (mut left, mut lp) = self.primary(max)?;
        loop {
            let name = match self.peek() {
                Some(Tok::Atom(a)) => a.clone(),
                Some(Tok::Punct(",")) => ",".to_string(),
                Some(Tok::Punct("|")) => "|".to_string(),
                _ => break,
            };
            let id = intern(&name);
            if let Some((p0, ty)) = self.ops.infix(id) {
                let (la, mut ra) = ty.arg_max(p0);
                let mut p = p0;
                // SWI-Prolog accepts f(a :- b): inside an argument, an operator
                // above 999 applies with its right side limited to 999.
                if p > max && max == 999 && id != wk().comma_id && name != "|" {
                    p = 999;
                    ra = ra.min(999);
                }
                if p <= max && lp <= la {
                    self.i += 1;
                    let (right, _) = self.parse(ra)?;
                    let fid = if name == "|" { intern(";") } else { id };
                    left = self.keep(mk_compound(fid, &[left, right]));
                    lp = p;
                    continue;
                }
            }
            if let Some((p, ty)) = self.ops.postfix(id) {
                let (la, _) = ty.arg_max(p);
                if p <= max && lp <= la {
                    self.i += 1;
                    left = self.keep(mk_compound(id, &[left]));
                    lp = p;
                    continue;
                }
            }
            break;
        }
        Ok((left, lp))
    }

    fn arglist(&mut self) -> Result<Vec<Value>, String> {
        let mut args = Vec::new();
        loop {
            let (a, _) = self.parse(999)?;
            args.push(a);
            match self.next()?.tok {
                Tok::Punct(",") => continue,
                Tok::Punct(")") => return Ok(args),
                t => return Err(format!("expected `,` or `)`, found {t:?}")),
            }
        }
    }

    fn var(&mut self, name: String) -> Value {
        if name == "_" {
            let v = self.keep(new_var());
            self.all_vars.push(v);
            return v;
        }
        if let Some(e) = self.names.iter_mut().find(|(n, _, _)| *n == name) {
            e.2 += 1;
            return e.1;
        }
        let v = self.keep(new_var());
        self.names.push((name, v, 1));
        self.all_vars.push(v);
        v
    }

    fn text_term(&mut self, s: &str, dq: DoubleQuotes) -> Value {
        let v = match dq {
            DoubleQuotes::Atom => atom(s),
            DoubleQuotes::Codes => {
                let items: Vec<Value> = s.chars().map(|c| Value::int_unchecked(c as i64)).collect();
                mk_list(&items, wk().nil)
            }
            DoubleQuotes::Chars => {
                let items: Vec<Value> = s.chars().map(|c| atom(c.encode_utf8(&mut [0; 4]))).collect();
                mk_list(&items, wk().nil)
            }
        };
        self.keep(v)
    }

    fn primary(&mut self, max: u32) -> Result<(Value, u32), String> {
        let t = self.next()?;
        match t.tok {
            Tok::Int(n) => Ok((self.keep(mk_bigint(n)), 0)),
            Tok::Float(f) => Ok((self.keep(mk_float(f)), 0)),
            Tok::Var(name) => Ok((self.var(name), 0)),
            Tok::Str(s) => Ok((self.text_term(&s, self.dq), 0)),
            Tok::BackQ(s) => Ok((self.text_term(&s, DoubleQuotes::Codes), 0)),
            Tok::Punct("(") => {
                let (t, _) = self.parse(1200)?;
                self.expect(")")?;
                Ok((t, 0))
            }
            Tok::Punct("[") => {
                if self.peek() == Some(&Tok::Punct("]")) {
                    self.i += 1;
                    return self.after_name("[]".into(), false, max);
                }
                let mut items = Vec::new();
                loop {
                    let (a, _) = self.parse(999)?;
                    items.push(a);
                    match self.next()?.tok {
                        Tok::Punct(",") => continue,
                        Tok::Punct("|") => {
                            let (tail, _) = self.parse(999)?;
                            self.expect("]")?;
                            return Ok((self.keep(mk_list(&items, tail)), 0));
                        }
                        Tok::Punct("]") => return Ok((self.keep(mk_list(&items, wk().nil)), 0)),
                        t => return Err(format!("expected `,`, `|` or `]` in list, found {t:?}")),
                    }
                }
            }
            Tok::Punct("{") => {
                if self.peek() == Some(&Tok::Punct("}")) {
                    self.i += 1;
                    return self.after_name("{}".into(), false, max);
                }
                let (t, _) = self.parse(1200)?;
                self.expect("}")?;
                Ok((self.keep(mk_compound(wk().curly_id, &[t])), 0))
            }
            Tok::Punct(",") => Err("unexpected `,`".into()),
            Tok::Punct("|") => self.after_name("|".into(), false, max),
            Tok::Punct(p) => Err(format!("unexpected `{p}`")),
            Tok::Atom(name) => self.after_name(name, t.quoted, max),
            Tok::End | Tok::Eof | Tok::OpenCT => Err("unexpected end of clause".into()),
        }
    }

    /// A name has been read: functional notation, negative number, prefix operator or atom.
    fn after_name(&mut self, name: String, quoted: bool, max: u32) -> Result<(Value, u32), String> {
        let id = intern(&name);
        if self.open_ct() {
            self.i += 1;
            let args = self.arglist()?;
            return Ok((self.keep(mk_compound(id, &args)), 0));
        }
        if name == "-" && !quoted {
            match self.peek() {
                Some(Tok::Int(n)) => {
                    let v = mk_bigint(-n.clone());
                    self.i += 1;
                    return Ok((self.keep(v), 0));
                }
                Some(Tok::Float(f)) => {
                    let v = mk_float(-f);
                    self.i += 1;
                    return Ok((self.keep(v), 0));
                }
                _ => {}
            }
        }
        if let Some((p0, ty)) = self.ops.prefix(id) {
            // as for infix operators, SWI-Prolog accepts f(:- a)
            let p = if p0 > max && max == 999 { 999 } else { p0 };
            if self.term_follows() && p <= max {
                let (_, ra) = ty.arg_max(p0.max(1));
                let ra = ra.min(max);
                let save = self.i;
                match self.parse(ra) {
                    Ok((arg, _)) => return Ok((self.keep(mk_compound(id, &[arg])), p)),
                    Err(e) => {
                        // `- (a) , ...`-like failures: fall back to reading the atom
                        self.i = save;
                        if !matches!(self.peek(), Some(Tok::Atom(_))) {
                            return Err(e);
                        }
                    }
                }
            }
            return Ok((Value::symbol(id), 0));
        }
        Ok((Value::symbol(id), 0))
    }
}
