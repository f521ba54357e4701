//! The term writer behind write/1, writeq/1, print/1, write_canonical/1 and write_term/2.
//!
//! Operator-aware: a term whose functor is a current operator is written in
//! operator form, with brackets where the argument's priority exceeds what the
//! operator allows, and a space wherever two tokens would otherwise glue into
//! one (`1- -1`, `- (1)`, `a mod b`). Quoting follows ISO: an atom is quoted
//! when it would not read back as the same atom.

use crate::reader::lexer::{is_alnum, is_symbol_char};
use crate::reader::ops::{OpType, Ops};
use crate::term::*;
use vmcore::gc::Gc;
use vmcore::object::bigint::BigInt;
use vmcore::object::symbol::name;
use vmcore::Value;

#[derive(Clone, Copy)]
pub struct WriteOpts {
    pub quoted: bool,
    pub ignore_ops: bool,
    pub numbervars: bool,
    pub max_depth: usize,
}
impl WriteOpts {
    pub const WRITE: WriteOpts = WriteOpts { quoted: false, ignore_ops: false, numbervars: true, max_depth: 0 };
    pub const WRITEQ: WriteOpts = WriteOpts { quoted: true, ignore_ops: false, numbervars: true, max_depth: 0 };
    pub const CANONICAL: WriteOpts = WriteOpts { quoted: true, ignore_ops: true, numbervars: false, max_depth: 0 };
}

pub fn format_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f.is_nan() {
        return "nan".into();
    }
    let a = f.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        let s = format!("{:e}", f);
        // Rust gives "1e22" / "1.5e-7"; Prolog wants a fraction: "1.0e22"
        let (m, e) = s.split_once('e').unwrap();
        let m = if m.contains('.') { m.to_string() } else { format!("{m}.0") };
        // as SWI-Prolog prints it: 1.0e+22, 1.0e-5
        let e = if e.starts_with('-') { e.to_string() } else { format!("+{e}") };
        return format!("{m}e{e}");
    }
    let s = format!("{}", f);
    if s.contains('.') || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

pub fn format_number(v: Value) -> String {
    if v.is_int() {
        v.as_int().to_string()
    } else if let Some(b) = Gc::<BigInt>::downcast(v) {
        b.n.to_string()
    } else if let Some(f) = get_float(v) {
        format_float(f)
    } else {
        String::new()
    }
}

/// How an atom must be written to read back as itself.
pub fn atom_needs_quotes(s: &str) -> bool {
    let mut cs = s.chars();
    let first = match cs.next() {
        None => return true,
        Some(c) => c,
    };
    if first.is_lowercase() {
        return !s.chars().all(is_alnum);
    }
    if matches!(s, "[]" | "!" | ";" | "{}" | ",") {
        return s == ",";
    }
    if s.chars().all(is_symbol_char) {
        // a lone '.' is the end token and "/*" opens a comment
        return s == "." || s.starts_with("/*");
    }
    true
}

pub fn quote_atom(s: &str, out: &mut String) {
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            '\0' => out.push_str("\\0\\"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:x}\\", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
}

pub struct Writer<'a> {
    pub ops: &'a Ops,
    pub opts: WriteOpts,
    pub out: String,
}

fn var_name(v: Value) -> String {
    let var = Gc::<Var>::downcast(v).unwrap();
    format!("_G{}", var.serial).replacen("_G", "_", 1)
}

impl<'a> Writer<'a> {
    pub fn new(ops: &'a Ops, opts: WriteOpts) -> Self {
        Writer { ops, opts, out: String::new() }
    }

    /// Appends `s`, inserting a space first if it would glue to the previous token.
    fn emit(&mut self, s: &str) {
        if let (Some(a), Some(b)) = (self.out.chars().last(), s.chars().next()) {
            let glue = (is_alnum(a) && is_alnum(b))
                || (is_symbol_char(a) && is_symbol_char(b))
                || (a == ',' && !self.opts.ignore_ops && false);
            if glue {
                self.out.push(' ');
            }
        }
        self.out.push_str(s);
    }

    pub fn atom_text(&self, id: u32) -> String {
        let s = name(id);
        if self.opts.quoted && atom_needs_quotes(s) {
            let mut o = String::new();
            quote_atom(s, &mut o);
            o
        } else {
            s.to_string()
        }
    }

    pub fn write(&mut self, t: Value) {
        self.term(t, 1200, 0);
    }

    fn term(&mut self, t: Value, max: u32, depth: usize) {
        let t = deref(t);
        if self.opts.max_depth > 0 && depth > self.opts.max_depth {
            self.emit("...");
            return;
        }
        if is_var(t) {
            let s = var_name(t);
            self.emit(&s);
            return;
        }
        if t.is_symbol() {
            let id = t.symbol_id();
            let s = self.atom_text(id);
            if max < 999 && self.ops.is_op(id) && !self.opts.ignore_ops {
                let p = [self.ops.prefix(id), self.ops.infix(id), self.ops.postfix(id)]
                    .iter()
                    .flatten()
                    .map(|x| x.0)
                    .max()
                    .unwrap_or(0);
                if p > max {
                    self.emit("(");
                    self.out.push_str(&s);
                    self.out.push(')');
                    return;
                }
            }
            self.emit(&s);
            return;
        }
        if is_number(t) {
            let s = format_number(t);
            // a negative number right after a symbol char needs a space: `1- -1`
            self.emit(&s);
            return;
        }
        let (fid, n) = match functor_of(t) {
            Some(f) => f,
            None => {
                self.emit("<opaque>");
                return;
            }
        };
        if fid == wk().dot_id && n == 2 {
            self.list(t, depth);
            return;
        }
        if self.opts.numbervars && n == 1 && name(fid) == "$VAR" {
            let a = deref(arg(t, 0));
            if a.is_int() && a.as_int() >= 0 {
                let i = a.as_int();
                let letter = (b'A' + (i % 26) as u8) as char;
                let s = if i >= 26 { format!("{letter}{}", i / 26) } else { letter.to_string() };
                self.emit(&s);
                return;
            }
        }
        if !self.opts.ignore_ops {
            if fid == wk().curly_id && n == 1 {
                self.emit("{");
                self.term(arg(t, 0), 1200, depth + 1);
                self.out.push('}');
                return;
            }
            if n == 2 {
                if let Some((p, ty)) = self.ops.infix(fid) {
                    let (lm, rm) = ty.arg_max(p);
                    let open = p > max;
                    if open {
                        self.emit("(");
                    }
                    self.term(arg(t, 0), lm, depth + 1);
                    let s = name(fid);
                    if fid == wk().comma_id {
                        self.out.push(',');
                    } else if s.chars().all(is_alnum) || s == "->" || s == ":-" || s == "-->" {
                        let op = self.atom_text(fid);
                        if s.chars().all(is_alnum) {
                            self.out.push(' ');
                            self.out.push_str(&op);
                            self.out.push(' ');
                        } else {
                            self.emit(&op);
                        }
                    } else {
                        let op = self.atom_text(fid);
                        self.emit(&op);
                    }
                    let r = deref(arg(t, 1));
                    // a negative number operand must stay apart from a symbolic operator
                    if is_number(r) && format_number(r).starts_with('-') && self.out.chars().last().is_some_and(is_symbol_char) {
                        self.out.push(' ');
                    }
                    self.term(r, rm, depth + 1);
                    if open {
                        self.out.push(')');
                    }
                    return;
                }
            }
            if n == 1 {
                if let Some((p, ty)) = self.ops.prefix(fid) {
                    if fid != wk().minus_id && fid != wk().plus_id || true {
                        let (_, rm) = ty.arg_max(p);
                        let open = p > max;
                        if open {
                            self.emit("(");
                        }
                        let op = self.atom_text(fid);
                        self.emit(&op);
                        let a = deref(arg(t, 0));
                        let a_is_op_atom = a.is_symbol() && self.ops.is_op(a.symbol_id());
                        let nonneg_number = is_number(a) && !format_number(a).starts_with('-');
                        if (nonneg_number && (fid == wk().minus_id || fid == wk().plus_id)) || a_is_op_atom {
                            // `- (1)` is not the integer -1; `- (-)` keeps the operand an atom
                            self.out.push_str(" (");
                            self.term(a, 1200, depth + 1);
                            self.out.push(')');
                        } else {
                            let before = self.out.len();
                            self.term(a, rm, depth + 1);
                            // an operand starting with '(' would read as functional notation
                            if self.out[before..].starts_with('(') {
                                self.out.insert(before, ' ');
                            }
                        }
                        if open {
                            self.out.push(')');
                        }
                        return;
                    }
                }
                if let Some((p, ty)) = self.ops.postfix(fid) {
                    let (lm, _) = ty.arg_max(p);
                    let open = p > max;
                    if open {
                        self.emit("(");
                    }
                    self.term(arg(t, 0), lm, depth + 1);
                    let op = self.atom_text(fid);
                    self.emit(&op);
                    if open {
                        self.out.push(')');
                    }
                    return;
                }
            }
        }
        let f = self.atom_text(fid);
        self.emit(&f);
        self.out.push('(');
        for i in 0..n {
            if i > 0 {
                self.out.push(',');
            }
            self.term(arg(t, i), 999, depth + 1);
        }
        self.out.push(')');
    }

    fn list(&mut self, mut t: Value, depth: usize) {
        if self.opts.ignore_ops {
            // write_canonical keeps list syntax (as SWI does)
        }
        self.emit("[");
        let mut first = true;
        let mut count = 0;
        loop {
            if !first {
                self.out.push(',');
            }
            first = false;
            self.term(arg(t, 0), 999, depth + 1);
            count += 1;
            let tail = deref(arg(t, 1));
            if functor_of(tail) == Some((wk().dot_id, 2)) && Gc::<Cons>::is(tail) {
                if self.opts.max_depth > 0 && count + 1 >= self.opts.max_depth {
                    self.out.push_str("|...");
                    break;
                }
                t = tail;
                continue;
            }
            if tail != wk().nil {
                self.out.push('|');
                self.term(tail, 999, depth + 1);
            }
            break;
        }
        self.out.push(']');
    }
}

/// Convenience: the text of `t` written with `opts`.
pub fn term_to_string(ops: &Ops, t: Value, opts: WriteOpts) -> String {
    let mut w = Writer::new(ops, opts);
    w.write(t);
    w.out
}

#[allow(dead_code)]
fn _unused(_: OpType) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::parser::{read_term, DoubleQuotes};

    /// Reads `text` and writes it back with writeq.
    fn round(text: &str) -> String {
        let ops = Ops::new();
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        let r = read_term(&chars, &mut pos, &ops, DoubleQuotes::Codes).unwrap().unwrap();
        term_to_string(&ops, r.term, WriteOpts::WRITEQ)
    }

    #[test]
    fn operators_and_quoting_round_trip() {
        assert_eq!(round("a :- b, c."), "a:-b,c");
        assert_eq!(round("1 - -1."), "1- -1");
        assert_eq!(round("-(1)."), "- (1)");
        assert_eq!(round("- 1."), "-1");
        assert_eq!(round("-(-(a))."), "- -a");
        assert_eq!(round("a - (b - c)."), "a-(b-c)");
        assert_eq!(round("f((a, b))."), "f((a,b))");
        assert_eq!(round("f(',', '|', 'A b', [])."), "f(',','|','A b',[])");
        assert_eq!(round("[a|b]."), "[a|b]");
        assert_eq!(round("'\\n'."), "'\\n'");
        assert!(round("X is Y mod 2.").contains(" is ") && round("X is Y mod 2.").ends_with(" mod 2"));
        assert_eq!(round("0'a."), "97");
        assert_eq!(round("1.5e10."), "15000000000.0");
        assert_eq!(round("1.0e22."), "1.0e+22");
        assert_eq!(round("{a, b}."), "{a,b}");
    }

    #[test]
    fn syntax_errors_are_reported() {
        let ops = Ops::new();
        for bad in ["f(.", "a b.", "[1,2.", "'unterminated."] {
            let chars: Vec<char> = bad.chars().collect();
            let mut pos = 0;
            assert!(read_term(&chars, &mut pos, &ops, DoubleQuotes::Codes).is_err(), "{bad}");
        }
    }
}
