//! Python 2.7 on vmbench.
//!
//! Pipeline: `syntax` (lexer, parser, AST) → `compiler` (scopes, bytecode)
//! → `interp` (frames, dispatch loop). The object model: `runtime` (errors,
//! type registry, calling convention), `objects` (one module per builtin
//! type), `ops` (the object protocols), `builtins` and `modules` (native
//! modules).

pub mod builtins;
pub mod compiler;
pub mod interp;
pub mod modules;
pub mod objects;
pub mod ops;
pub mod repl;
pub mod runtime;
pub mod syntax;

mod runner;

pub use runner::{run_python, PythonOptions};

use vmcore::registry::{Frontend, RunConfig, Source};

fn run(cfg: &RunConfig, src: Source) -> i32 {
    let opts = PythonOptions { args: cfg.args.clone(), disasm: cfg.disasm, trace_exec: cfg.trace_exec, ..Default::default() };
    match src {
        Source::File(p) => run_python(opts.with_file(p.to_string_lossy().into_owned())),
        Source::Code(c) => run_python(opts.with_command(c.to_string())),
        Source::Repl => run_python(opts),
    }
}

inventory::submit! {
    Frontend { name: "python", extensions: &["py"], description: "Python 2.7", run }
}
