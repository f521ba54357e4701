//! Loading program text: clauses, directives, DCG rules, initialization/1,
//! and the messages SWI-Prolog prints for directives that fail or raise.

use crate::builtins::db::head_key;
use crate::engine::db::{compile_clause, Kind};
use crate::engine::*;
use crate::reader::parser::read_term;
use crate::term::*;
use crate::writer::{term_to_string, WriteOpts};
use std::rc::Rc;
use vmcore::object::symbol::name;
use vmcore::Value;

impl Engine {
    /// Loads program text. `file` names it in messages.
    pub fn consult_text(&mut self, text: &str, file: &str) -> Res<()> {
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        let saved_inits = std::mem::take(&mut self.init_goals);
        let saved_lines = std::mem::take(&mut self.init_lines);
        loop {
            let start = pos;
            let dq = self.flags.double_quotes;
            let r = read_term(&chars, &mut pos, &self.ops, dq);
            let line = 1 + chars[..start.min(chars.len())].iter().filter(|c| **c == '\n').count()
                + chars[start.min(chars.len())..pos.min(chars.len())].iter().take_while(|c| c.is_whitespace()).filter(|c| **c == '\n').count();
            match r {
                Ok(None) => break,
                Ok(Some(r)) => {
                    let t = r.term;
                    if let Err(PErr::Halt(n)) = self.handle_clause(t, file, line) {
                        return Err(PErr::Halt(n));
                    }
                    drop(r);
                }
                Err(msg) => {
                    self.streams.flush_all();
                    self.had_error = true;
                    let l = 1 + chars[..pos.min(chars.len())].iter().filter(|c| **c == '\n').count();
                    let mut m = msg.clone();
                    if let Some(c) = m.get(0..1) {
                        m = c.to_uppercase() + &m[1..];
                    }
                    eprintln!("ERROR: {file}:{l}: Syntax error: {m}");
                }
            }
        }
        // initialization goals run after the file is loaded
        let inits = std::mem::replace(&mut self.init_goals, saved_inits);
        let init_lines = std::mem::replace(&mut self.init_lines, saved_lines);
        let keep = vmcore::gc::RootedVec::from_vec(inits.clone());
        let lines = init_lines;
        for (i, g) in inits.into_iter().enumerate() {
            let line = lines.get(i).copied().unwrap_or(0);
            self.run_directive(g, file, line, true)?;
        }
        drop(keep);
        Ok(())
    }

    pub fn consult_file(&mut self, path: &str) -> Res<()> {
        let mut p = path.to_string();
        if !p.ends_with(".pl") && vmcore::host::read_file(std::path::Path::new(&p)).is_err() {
            p.push_str(".pl");
        }
        let resolved = if !p.starts_with('/') {
            match self.load_dir.last() {
                Some(d) => format!("{d}/{p}"),
                None => p.clone(),
            }
        } else {
            p.clone()
        };
        let bytes = match vmcore::host::read_file(std::path::Path::new(&resolved)) {
            Ok(b) => b,
            Err(_) => return Err(existence_err("source_sink", atom(path))),
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let dir = std::path::Path::new(&resolved).parent().map(|d| d.to_string_lossy().into_owned()).filter(|s| !s.is_empty()).unwrap_or_else(|| ".".into());
        self.loaded_files.push(resolved.clone());
        self.load_dir.push(dir);
        let abs = if resolved.starts_with('/') {
            resolved.clone()
        } else {
            vmcore::host::host().getcwd().map(|c| format!("{}/{}", c.to_string_lossy(), resolved.trim_start_matches("./"))).unwrap_or(resolved.clone())
        };
        let r = self.consult_text(&text, &abs);
        self.load_dir.pop();
        r
    }

    fn handle_clause(&mut self, t: Value, file: &str, line: usize) -> Res<()> {
        let t = deref(t);
        if let Some((f, n)) = functor_of(t) {
            if f == wk().neck_id && n == 1 {
                return self.directive(arg(t, 0), file, line);
            }
            if name(f) == "?-" && n == 1 {
                return self.directive(arg(t, 0), file, line);
            }
            if name(f) == "-->" && n == 2 {
                let x = new_var();
                let g = mk("expand_term", &[t, x]);
                match self.once(g) {
                    Ok(true) => {
                        let c = deref(x);
                        return self.add_program_clause(c, file, line);
                    }
                    _ => {
                        self.print_error(file, line, mk("error", &[atom("dcg_translation_failed"), new_var()]));
                        return Ok(());
                    }
                }
            }
        }
        // user term_expansion/2, if defined
        if let Some(pid) = self.lookup_pred(vmcore::object::symbol::intern("term_expansion"), 2) {
            if !self.preds[pid].clauses.is_empty() {
                let x = new_var();
                let g = mk("term_expansion", &[t, x]);
                if let Ok(true) = self.once(g) {
                    let x = deref(x);
                    let items = list_to_vec(x).unwrap_or_else(|_| vec![x]);
                    for c in items {
                        self.add_program_clause(deref(c), file, line)?;
                    }
                    return Ok(());
                }
            }
        }
        self.add_program_clause(t, file, line)
    }

    fn add_program_clause(&mut self, t: Value, file: &str, line: usize) -> Res<()> {
        let (h, b) = match crate::builtins::db::split_clause(t) {
            Ok(x) => x,
            Err(PErr::Throw(ball)) => {
                self.print_error(file, line, ball);
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        let (f, n) = head_key(h);
        let pid = self.pred_id(f, n);
        let lib = self.loading_library;
        let p = &mut self.preds[pid];
        if !matches!(p.kind, Kind::Clauses) {
            let ball = mk("error", &[mk("permission_error", &[atom("modify"), atom("static_procedure"), errors::indicator(f, n)]), new_var()]);
            self.print_error(file, line, ball);
            return Ok(());
        }
        if lib {
            p.library = true;
        } else if p.library && !p.user_defined {
            // a user definition replaces the library one
            p.clauses = Rc::new(Vec::new());
            p.gen += 1;
            p.index = None;
            p.library = false;
        }
        if !lib {
            p.user_defined = true;
        }
        let c = compile_clause(h, b);
        self.add_clause(pid, c, true);
        Ok(())
    }

    fn directive(&mut self, d: Value, file: &str, line: usize) -> Res<()> {
        let d = deref(d);
        if let Some((f, 1)) = functor_of(d) {
            match name(f) {
                "initialization" => {
                    self.init_goals.push(arg(d, 0));
                    self.init_lines.push(line);
                    return Ok(());
                }
                "include" => {
                    let fname = deref(arg(d, 0));
                    if fname.is_symbol() {
                        let saved = std::mem::take(&mut self.init_goals);
                        let r = self.consult_file(atom_name(fname));
                        let mine = std::mem::replace(&mut self.init_goals, saved);
                        self.init_goals.extend(mine);
                        if let Err(PErr::Throw(b)) = r {
                            self.print_error(file, line, b);
                        } else {
                            r?;
                        }
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        if let Some((f, 2)) = functor_of(d) {
            if name(f) == "initialization" {
                let when = deref(arg(d, 1));
                if when.is_symbol() && atom_name(when) == "main" {
                    // initialization(G, main): run G after loading, then halt
                    let g = mk_compound(wk().comma_id, &[arg(d, 0), atom("halt")]);
                    self.init_goals.push(g);
                } else {
                    self.init_goals.push(arg(d, 0));
                }
                self.init_lines.push(line);
                return Ok(());
            }
        }
        self.run_directive(d, file, line, false)
    }

    /// Runs a directive or initialization goal once, printing failures and errors.
    pub fn run_directive(&mut self, g: Value, file: &str, line: usize, init: bool) -> Res<()> {
        match self.once(g) {
            Ok(true) => Ok(()),
            Ok(false) => {
                self.streams.flush_all();
                let gs = term_to_string(&self.ops, g, WriteOpts::WRITEQ);
                if init {
                    eprintln!("Warning: {file}:{line}:\nWarning:    Goal (initialization) failed: user:{gs}");
                } else if line > 0 {
                    eprintln!("Warning: {file}:{line}:\nWarning:    Goal (directive) failed: user:{gs}");
                } else {
                    eprintln!("Warning: {file}:\nWarning:    Goal (initialization) failed: user:{gs}");
                }
                self.had_error = true;
                Ok(())
            }
            Err(PErr::Throw(ball)) => {
                if init {
                    self.streams.flush_all();
                    self.had_error = true;
                    let msg = self.error_message(ball);
                    eprintln!("ERROR: {file}:{line}: Initialization goal raised exception:\nERROR: {msg}");
                } else {
                    self.print_error(file, line, ball);
                }
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    pub fn print_error(&mut self, file: &str, line: usize, ball: Value) {
        self.streams.flush_all();
        self.had_error = true;
        let msg = self.error_message(ball);
        if line > 0 {
            eprintln!("ERROR: {file}:{line}:\nERROR:    {msg}");
        } else {
            eprintln!("ERROR: {file}:\nERROR:    {msg}");
        }
    }

    /// The text SWI-Prolog prints for an uncaught error term.
    pub fn error_message(&self, ball: Value) -> String {
        let b = deref(ball);
        let w = |t: Value| term_to_string(&self.ops, t, WriteOpts::WRITEQ);
        if let Some((f, 2)) = functor_of(b) {
            if f == wk().error_id {
                let formal = deref(arg(b, 0));
                let ctx = deref(arg(b, 1));
                let mut prefix = String::new();
                if let Some((cf, 2)) = functor_of(ctx) {
                    if name(cf) == "context" {
                        let p = deref(arg(ctx, 0));
                        if !is_var(p) {
                            prefix = format!("{}: ", term_to_string(&self.ops, p, WriteOpts::WRITE));
                        }
                    }
                }
                let (fname, n) = functor_of(formal).map(|(f, n)| (name(f), n)).unwrap_or((if formal.is_symbol() { atom_name(formal) } else { "" }, 0));
                let body = match (fname, n) {
                    ("existence_error", 2) if atom_name_or(arg(formal, 0)) == "procedure" => {
                        return format!("{}Unknown procedure: {}", prefix, w(arg(formal, 1)));
                    }
                    ("existence_error", 2) => format!("{} `{}' does not exist", atom_name_or(arg(formal, 0)), w(arg(formal, 1))),
                    ("type_error", 2) => format!("Type error: `{}' expected, found `{}' ({})", w(arg(formal, 0)), w(arg(formal, 1)), type_desc(deref(arg(formal, 1)))),
                    ("domain_error", 2) => format!("Domain error: `{}' expected, found `{}'", w(arg(formal, 0)), w(arg(formal, 1))),
                    ("instantiation_error", 0) => "Arguments are not sufficiently instantiated".to_string(),
                    ("evaluation_error", 1) => format!("Arithmetic: evaluation error: {}", w(arg(formal, 0))),
                    ("permission_error", 3) => format!("No permission to {} {} `{}'", w(arg(formal, 0)), w(arg(formal, 1)), w(arg(formal, 2))),
                    ("representation_error", 1) => format!("Cannot represent due to `{}'", w(arg(formal, 0))),
                    ("resource_error", 1) => format!("Not enough resources: {}", w(arg(formal, 0))),
                    ("syntax_error", 1) => format!("Syntax error: {}", term_to_string(&self.ops, arg(formal, 0), WriteOpts::WRITE)),
                    _ => format!("Unknown error term: {}", w(formal)),
                };
                return format!("{prefix}{body}");
            }
        }
        format!("Unhandled exception: Unknown message: {}", w(b))
    }
}

fn atom_name_or(v: Value) -> &'static str {
    let v = deref(v);
    if v.is_symbol() { atom_name(v) } else { "" }
}

fn type_desc(v: Value) -> &'static str {
    if is_var(v) {
        "a var"
    } else if is_int(v) {
        "an integer"
    } else if is_float(v) {
        "a float"
    } else if v == wk().nil {
        "an empty_list"
    } else if v.is_symbol() {
        "an atom"
    } else if functor_of(v).is_some_and(|(f, n)| f == wk().dot_id && n == 2) {
        "a list"
    } else {
        "a compound"
    }
}
