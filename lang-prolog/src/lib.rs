//! lang-prolog: the ISO Prolog frontend of vmbench.
//!
//! Map of the crate:
//! - `term`: how Prolog terms are laid out as vmcore `Value`s;
//! - `reader/`: tokenizer, operator table and parser;
//! - `writer`: write/writeq/print/write_canonical;
//! - `engine/`: the machine (one dispatch loop), unification, the database;
//! - `builtins/`: builtin predicates by family; `prelude.pl` the library in Prolog;
//! - `consult`: loading files and running directives; `streams`: I/O via the host.

pub mod builtins;
pub mod consult;
pub mod engine;
pub mod reader;
pub mod streams;
pub mod term;
pub mod writer;

use engine::{Engine, PErr};
use term::*;
use vmcore::registry::{RunConfig, Source};

const PRELUDE: &str = include_str!("prelude.pl");

inventory::submit! {
    vmcore::registry::Frontend { name: "prolog", extensions: &["pl", "pro"], description: "ISO Prolog", run }
}

/// A ready engine: builtins registered and the prelude loaded.
pub fn new_engine(argv: Vec<String>) -> Box<Engine> {
    let mut e = Engine::new(argv);
    builtins::register_all(&mut e);
    e.loading_library = true;
    let _ = e.consult_text(PRELUDE, "prelude");
    e.loading_library = false;
    e.had_error = false;
    e
}

/// Runs a program; the exit status follows SWI-Prolog's conventions.
pub fn run(cfg: &RunConfig, src: Source) -> i32 {
    // The machine keeps no Rust recursion per Prolog call, but a few helpers
    // (the writer, arithmetic on deep expressions) recurse on term depth; a
    // big thread stack keeps those safe on huge terms.
    let args = cfg.args.clone();
    let owned = match src {
        Source::File(p) => Src::File(p.to_string_lossy().into_owned()),
        Source::Code(c) => Src::Code(c.to_string()),
        Source::Repl => Src::Repl,
    };
    let jit = (cfg.jit, cfg.jit_threshold);
    let h = std::thread::Builder::new().stack_size(1 << 30).spawn(move || run_on_thread(args, owned, jit));
    match h {
        Ok(h) => h.join().unwrap_or(70),
        Err(_) => 70,
    }
}

enum Src {
    File(String),
    Code(String),
    Repl,
}

fn run_on_thread(args: Vec<String>, src: Src, jit: (bool, u32)) -> i32 {
    let mut argv = vec!["vmbench".to_string()];
    if let Src::File(f) = &src {
        argv.push(f.clone());
    }
    argv.extend(args.iter().cloned());
    let mut e = new_engine(argv);
    e.jit = tracer::Concrete::new(jit.0, jit.1);
    let r = match &src {
        Src::File(f) => e.consult_file(f).map_err(|err| match err {
            PErr::Throw(b) => {
                let m = e.error_message(b);
                eprintln!("ERROR: {m}");
                PErr::Halt(1)
            }
            h => h,
        }),
        Src::Code(c) => e.consult_text(c, "user"),
        Src::Repl => {
            let tty = vmcore::host::host().isatty(0);
            let st = repl(&mut e, tty);
            e.streams.flush_all();
            return st;
        }
    };
    e.streams.flush_all();
    match r {
        Err(PErr::Halt(n)) => n,
        _ => {
            // Like `swipl file.pl`: with no halt, the top level runs; when
            // stdin is not a terminal it reads queries from it without
            // prompts and ends at end of input (printing a newline, as SWI does).
            let tty = vmcore::host::host().isatty(0);
            let st = repl(&mut e, tty);
            e.streams.flush_all();
            if st != 0 {
                return st;
            }
            if e.had_error { 1 } else { 0 }
        }
    }
}

/// Reads one line from standard input through the host layer.
fn read_line() -> Option<String> {
    let mut out = Vec::new();
    let mut b = [0u8; 1];
    loop {
        match vmcore::host::host().read(0, &mut b) {
            Ok(0) | Err(_) => {
                if out.is_empty() {
                    return None;
                }
                break;
            }
            Ok(_) => {
                out.push(b[0]);
                if b[0] == b'\n' {
                    break;
                }
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// The interactive top level: `?- Goal.`, `;` for more solutions.
fn repl(e: &mut Engine, interactive: bool) -> i32 {
    let out = |e: &mut Engine, s: &str| {
        builtins::io::write_to(e, 1, s);
        e.streams.flush_all();
    };
    loop {
        if interactive {
            out(e, "?- ");
        }
        // gather lines until the clause ends with a full stop
        let mut text = String::new();
        loop {
            match read_line() {
                None => {
                    out(e, "\n");
                    return 0;
                }
                Some(l) => {
                    text.push_str(&l);
                    if text.trim_end().ends_with('.') {
                        break;
                    }
                    if interactive {
                        out(e, "|    ");
                    }
                }
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        let dq = e.flags.double_quotes;
        let r = match reader::parser::read_term(&chars, &mut pos, &e.ops, dq) {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err(m) => {
                out(e, &format!("ERROR: Syntax error: {m}\n"));
                continue;
            }
        };
        let goal = r.term;
        let names = r.var_names.clone();
        match e.solve(goal) {
            Err(PErr::Halt(n)) => return n,
            Err(PErr::Throw(b)) => {
                let m = e.error_message(b);
                out(e, &format!("ERROR: {m}\n"));
            }
            Ok(None) => out(e, "false.\n\n"),
            Ok(Some(base)) => loop {
                let mut s = String::new();
                for (n, v) in &names {
                    if n.starts_with('_') {
                        continue;
                    }
                    let t = writer::term_to_string(&e.ops, *v, writer::WriteOpts::WRITEQ);
                    if !s.is_empty() {
                        s.push_str(",\n");
                    }
                    s.push_str(&format!("{n} = {t}"));
                }
                let more = e.cps.len() > base + 1;
                if s.is_empty() {
                    s.push_str("true");
                }
                if !more {
                    out(e, &format!("{s}.\n\n"));
                    e.discard(base);
                    break;
                }
                out(e, &format!("{s} "));
                let ans = read_line().unwrap_or_default();
                if ans.trim() == ";" {
                    out(e, ";\n");
                    match e.redo(base) {
                        Ok(true) => continue,
                        Ok(false) => {
                            out(e, "false.\n\n");
                            break;
                        }
                        Err(PErr::Halt(n)) => return n,
                        Err(PErr::Throw(b)) => {
                            let m = e.error_message(b);
                            out(e, &format!("ERROR: {m}\n"));
                            break;
                        }
                    }
                } else {
                    out(e, ".\n\n");
                    e.discard(base);
                    break;
                }
            },
        }
        let _ = wk();
    }
}
