//! Running a Python program the way `python` does: set up `sys`, run the
//! file or `-c` command as `__main__`, print uncaught exceptions, honour
//! `SystemExit`, flush output, and return the exit status.

use crate::interp::{self, state};
use crate::objects::{list, module, str as pystr};
use crate::runtime::{types, PyErr};
use crate::{compiler::Mode, modules::sys, ops};
use vmcore::Value;

/// Interpreter stack: deep enough for `sys.setrecursionlimit(100000)` in
/// code that recurses through native calls.
const STACK_BYTES: usize = 1 << 30;

#[derive(Clone, Default)]
pub struct PythonOptions {
    pub file: Option<String>,
    pub command: Option<String>,
    /// `-m module`.
    pub module: Option<String>,
    /// Program arguments (sys.argv[1:]).
    pub args: Vec<String>,
    pub inspect: bool,
    pub disasm: bool,
    pub trace_exec: bool,
}

impl PythonOptions {
    pub fn with_file(mut self, f: String) -> Self {
        self.file = Some(f);
        self
    }
    pub fn with_command(mut self, c: String) -> Self {
        self.command = Some(c);
        self
    }
}

/// Runs a program on a fresh interpreter thread; returns the exit status.
pub fn run_python(opts: PythonOptions) -> i32 {
    let t = std::thread::Builder::new().name("python".into()).stack_size(STACK_BYTES).spawn(move || {
        let hi = vmcore::gc::stack::stack_hi();
        state::ts().stack_floor = hi.saturating_sub(STACK_BYTES) + (1 << 20);
        run_main(&opts)
    });
    match t.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => 70,
        Err(e) => {
            eprintln!("vmbench: cannot start the interpreter thread: {e}");
            70
        }
    }
}

// The strings are rooted while more are allocated (a collection may run
// at any allocation and does not scan Rust's heap).
fn set_argv(argv0: &str, args: &[String]) {
    let mut v = vmcore::gc::RootedVec::new();
    v.push(pystr::new_str(argv0.as_bytes()));
    for a in args {
        v.push(pystr::new_str(a.as_bytes()));
    }
    sys::module().dict.set_str("argv", list::new_list(v.to_vec()));
}

fn set_path(first: &str) {
    let mut path = vmcore::gc::RootedVec::new();
    path.push(pystr::new_str(first.as_bytes()));
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        for p in pp.split(':').filter(|p| !p.is_empty()) {
            path.push(pystr::new_str(p.as_bytes()));
        }
    }
    for p in crate::modules::stdlib::path_entries() {
        path.push(pystr::new_str(p.as_bytes()));
    }
    sys::module().dict.set_str("path", list::new_list(path.to_vec()));
}

fn run_main(opts: &PythonOptions) -> i32 {
    state::install_sigint();
    crate::objects::bootstrap();
    interp::install();
    let main = module::new_module("__main__");
    main.dict.set_str("__builtins__", crate::builtins::module().as_value());
    sys::modules().set_str("__main__", main.as_value());
    sys::modules().set_str("__builtin__", crate::builtins::module().as_value());
    let result = if let Some(cmd) = &opts.command {
        set_argv("-c", &opts.args);
        set_path("");
        interp::compile_source(cmd.as_bytes(), "<string>", Mode::Exec, crate::syntax::PYCF_STRING_INPUT).and_then(|code| {
            if opts.disasm {
                eprint!("{}", code.disassemble());
            }
            interp::run_code(code, main.dict, main.dict.as_value())
        })
    } else if let Some(file) = &opts.file {
        set_argv(file, &opts.args);
        let dir = std::path::Path::new(file).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        set_path(&dir);
        main.dict.set_str("__file__", pystr::new_str(file.as_bytes()));
        match vmcore::host::read_file(std::path::Path::new(file)) {
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(0);
                eprintln!("{}: can't open file '{file}': [Errno {errno}] {}", sys_executable_name(), crate::runtime::errors::errno_message(errno));
                return 2;
            }
            Ok(src) => interp::compile_source(&src, file, Mode::Exec, 0).and_then(|code| {
                if opts.disasm {
                    eprint!("{}", code.disassemble());
                }
                interp::run_code(code, main.dict, main.dict.as_value())
            }),
        }
    } else if let Some(m) = &opts.module {
        set_argv(m, &opts.args);
        set_path("");
        run_module_as_main(m, main)
    } else if !vmcore::host::host().isatty(0) && !opts.inspect {
        // Like CPython: a non-terminal stdin is read and run as a script.
        set_argv("-", &opts.args);
        set_path("");
        let mut src = Vec::new();
        let mut buf = [0u8; 65536];
        loop {
            match vmcore::host::host().read(0, &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => src.extend_from_slice(&buf[..n]),
            }
        }
        interp::compile_source(&src, "<stdin>", Mode::Exec, 0).and_then(|code| interp::run_code(code, main.dict, main.dict.as_value()))
    } else {
        set_argv("", &opts.args);
        set_path("");
        return crate::repl::run(main);
    };
    let code = match result {
        Ok(_) => 0,
        Err(e) => handle_uncaught(e),
    };
    if opts.inspect && code == 0 {
        return crate::repl::run(main);
    }
    sys::flush_std_streams();
    if std::env::var_os("VMBENCH_GC_STATS").is_some() {
        let st = vmcore::gc::stats();
        eprintln!(
            "gc: {} collections, {} MB allocated, heap {} MB, live after last collection {} MB",
            st.collections,
            st.allocated_bytes >> 20,
            st.heap_bytes >> 20,
            st.live_bytes >> 20
        );
    }
    code
}

fn sys_executable_name() -> String {
    std::env::args().next().map(|a| a.rsplit('/').next().unwrap_or("python").to_string()).unwrap_or_else(|| "python".into())
}

fn run_module_as_main(name: &str, main: vmcore::gc::Gc<module::ModuleObj>) -> crate::runtime::PyResult {
    for dir in ops::to_vec(sys::get("path").unwrap_or(Value::NONE)).unwrap_or_default() {
        let d = String::from_utf8_lossy(pystr::as_bytes(dir).unwrap_or(b"")).into_owned();
        let p = std::path::Path::new(if d.is_empty() { "." } else { &d }).join(format!("{}.py", name.replace('.', "/")));
        if p.is_file() {
            main.dict.set_str("__file__", pystr::new_str(p.to_string_lossy().as_bytes()));
            return interp::exec_file(&p, main.dict);
        }
    }
    eprintln!("{}: No module named {name}", sys_executable_name());
    sys::flush_std_streams();
    std::process::exit(1)
}

/// Prints an uncaught exception (or honours SystemExit); returns the status.
pub fn handle_uncaught(e: PyErr) -> i32 {
    if e.matches(types::system_exit()) {
        sys::flush_std_streams();
        let code = ops::getattr_opt(e.value, pystr::intern("code")).ok().flatten().or_else(|| {
            let args = ops::getattr_opt(e.value, pystr::intern("args")).ok().flatten()?;
            let items = crate::objects::tuple::as_tuple(args)?;
            Some(match items.len() {
                0 => Value::NONE,
                1 => items[0],
                _ => args,
            })
        });
        let code = code.unwrap_or(Value::NONE);
        if code == Value::NONE {
            return 0;
        }
        if let Some(i) = crate::objects::int::as_int(code) {
            return (i & 0xff) as i32;
        }
        let mut msg = ops::str_bytes(code).unwrap_or_default();
        msg.push(b'\n');
        let _ = vmcore::host::write_all(2, &msg);
        return 1;
    }
    interp::traceback::print_exception(&e);
    1
}
