//! The interactive prompt: `>>>` / `...`, results echoed with repr, line
//! editing and history through rustyline when stdin is a terminal.

use crate::compiler::Mode;
use crate::interp;
use crate::objects::module::ModuleObj;
use vmcore::gc::Gc;

const BANNER: &str = "Python 2.7.18 (vmbench) \n[Rust] on linux2\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.";

/// Reads, compiles and runs statements until end of input; returns the exit status.
pub fn run(main: Gc<ModuleObj>) -> i32 {
    let tty = vmcore::host::host().isatty(0);
    if tty {
        eprintln!("{BANNER}");
    }
    let mut editor = if tty { rustyline::DefaultEditor::new().ok() } else { None };
    let stdin_file = crate::modules::sys::get("stdin").and_then(crate::objects::file::as_file);
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { ">>> " } else { "... " };
        let line = match editor.as_mut() {
            Some(ed) => match ed.readline(prompt) {
                Ok(l) => {
                    let _ = ed.add_history_entry(l.as_str());
                    l
                }
                Err(rustyline::error::ReadlineError::Interrupted) => {
                    eprintln!("\nKeyboardInterrupt");
                    buf.clear();
                    continue;
                }
                Err(_) => break,
            },
            None => {
                eprint!("{prompt}");
                match stdin_file.as_ref().map(|f| f.readline()) {
                    Some(Ok(l)) if !l.is_empty() => String::from_utf8_lossy(&l).trim_end_matches('\n').to_string(),
                    _ => break,
                }
            }
        };
        buf.push_str(&line);
        buf.push('\n');
        // A compound statement continues until a blank line.
        let flags = crate::syntax::PYCF_DONT_IMPLY_DEDENT | crate::syntax::PYCF_STRING_INPUT;
        let incomplete = matches!(crate::syntax::parse_interactive(buf.as_bytes(), "<stdin>", flags), Err(e) if e.incomplete);
        if incomplete {
            continue;
        }
        let src = std::mem::take(&mut buf);
        let r = interp::compile_source(src.as_bytes(), "<stdin>", Mode::Single, crate::syntax::PYCF_STRING_INPUT).and_then(|code| interp::run_code(code, main.dict, main.dict.as_value()));
        crate::modules::sys::flush_std_streams();
        if let Err(e) = r {
            if e.matches(crate::runtime::types::system_exit()) {
                return crate::runner::handle_uncaught(e);
            }
            interp::traceback::print_exception(&e);
        }
    }
    if tty {
        eprintln!();
    }
    crate::modules::sys::flush_std_streams();
    0
}
