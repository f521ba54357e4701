//! Builtins that need the interpreter itself: `eval`, `execfile`,
//! `compile`, `globals`/`locals`/`vars`, `__import__`, `open`, `input`.

use crate::compiler::code::CodeObj;
use crate::compiler::Mode;
use crate::interp::{self, frame::FrameObj, state::ts};
use crate::objects::function::new_builtin;
use crate::objects::module::ModuleObj;
use crate::objects::{dict, str as pystr};
use crate::ops;
use crate::runtime::errors::{eof_error, type_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use vmcore::gc::Gc;
use vmcore::Value;

fn current_frame() -> Option<Gc<FrameObj>> {
    Gc::<FrameObj>::downcast(ts().frame)
}

/// The locals of a frame as a dict (a fresh snapshot for function frames).
pub fn frame_locals(f: Gc<FrameObj>) -> Value {
    let l = f.locals.get();
    if !l.is_empty() {
        return l;
    }
    // Module-level code keeps its names in the globals dict.
    if f.code.flags & crate::compiler::code::CO_NEWLOCALS != 0 {
        return f.globals.as_value();
    }
    let d = dict::new_dict();
    for (i, &n) in f.code.varnames.iter().enumerate() {
        let v = f.fast()[i];
        if !v.is_empty() {
            let _ = d.set(n, v);
        }
    }
    let cells = f.cells().clone();
    let names: Vec<Value> = f.code.cellvars.iter().chain(f.code.freevars.iter()).copied().collect();
    for (n, c) in names.into_iter().zip(cells) {
        if let Some(cell) = vmcore::gc::Gc::<crate::objects::function::CellObj>::downcast(c) {
            if !cell.v.get().is_empty() {
                let _ = d.set(n, cell.v.get());
            }
        }
    }
    d.as_value()
}

fn globals(_: &[Value], _: KwArgs) -> PyResult {
    Ok(current_frame().map(|f| f.globals.as_value()).unwrap_or(Value::NONE))
}

fn locals(_: &[Value], _: KwArgs) -> PyResult {
    Ok(current_frame().map(frame_locals).unwrap_or(Value::NONE))
}

fn vars(args: &[Value], kw: KwArgs) -> PyResult {
    match args.first() {
        None => locals(args, kw),
        Some(&o) => ops::getattr(o, pystr::intern("__dict__")).map_err(|_| type_error("vars() argument must have __dict__ attribute")),
    }
}

fn code_and_env(args: &[Value], mode: Mode, what: &str) -> PyResult<(Gc<CodeObj>, Gc<dict::DictObj>, Value)> {
    let src = *args.first().ok_or_else(|| type_error(format!("{what}() takes at least 1 argument (0 given)")))?;
    let (g, l) = match (args.get(1).copied().filter(|v| *v != Value::NONE), args.get(2).copied().filter(|v| *v != Value::NONE)) {
        (Some(g), l) => {
            let gd = dict::as_dict(g).ok_or_else(|| type_error("globals must be a dict"))?;
            (gd, l.unwrap_or(g))
        }
        (None, l) => {
            let f = current_frame().ok_or_else(|| type_error("no current frame"))?;
            (f.globals, l.unwrap_or_else(|| frame_locals(f)))
        }
    };
    let code = if let Some(c) = Gc::<CodeObj>::downcast(src) {
        c
    } else if let Some(b) = pystr::as_bytes(src) {
        let mut b = b.to_vec();
        if mode == Mode::Eval {
            while b.first().is_some_and(|c| *c == b' ' || *c == b'\t') {
                b.remove(0);
            }
        }
        interp::compile_source(&b, "<string>", mode, crate::syntax::PYCF_STRING_INPUT)?
    } else {
        return Err(type_error(format!("{what}() arg 1 must be a string or code object")));
    };
    Ok((code, g, l))
}

fn eval(args: &[Value], _: KwArgs) -> PyResult {
    let (code, g, l) = code_and_env(args, Mode::Eval, "eval")?;
    interp::run_code(code, g, l)
}

fn execfile(args: &[Value], _: KwArgs) -> PyResult {
    let name = args.first().and_then(|&v| pystr::as_bytes(v)).ok_or_else(|| type_error("execfile() arg 1 must be a string"))?.to_vec();
    let fname = String::from_utf8_lossy(&name).into_owned();
    let src = vmcore::host::read_file(std::path::Path::new(&fname)).map_err(|e| crate::runtime::errors::from_io(crate::runtime::types::io_error(), &e, Some(&fname)))?;
    let code = interp::compile_source(&src, &fname, Mode::Exec, 0)?;
    let mut rest = vec![code.as_value()];
    rest.extend_from_slice(&args[1..]);
    let (code, g, l) = code_and_env(&rest, Mode::Exec, "execfile")?;
    interp::run_code(code, g, l)?;
    Ok(Value::NONE)
}

fn compile(args: &[Value], _: KwArgs) -> PyResult {
    if args.len() < 3 {
        return Err(type_error(format!("compile() takes at least 3 arguments ({} given)", args.len())));
    }
    let src = pystr::as_bytes(args[0]).ok_or_else(|| type_error("compile() expected string without null bytes"))?;
    let fname = String::from_utf8_lossy(pystr::as_bytes(args[1]).unwrap_or(b"?")).into_owned();
    let mode = match pystr::as_bytes(args[2]) {
        Some(b"exec") => Mode::Exec,
        Some(b"eval") => Mode::Eval,
        Some(b"single") => Mode::Single,
        _ => return Err(crate::runtime::errors::value_error("compile() arg 3 must be 'exec', 'eval' or 'single'")),
    };
    Ok(interp::compile_source(src, &fname, mode, crate::syntax::PYCF_STRING_INPUT)?.as_value())
}

fn import(args: &[Value], kw: KwArgs) -> PyResult {
    let p = crate::objects::args::parse("__import__", args, kw, &["name", "globals", "locals", "fromlist", "level"], 1)?;
    let name = p[0].expect("required");
    let globals = p[1].and_then(dict::as_dict).unwrap_or_else(crate::objects::dict::new_dict);
    let fromlist = p[3].unwrap_or(Value::NONE);
    let level = p[4].unwrap_or(Value::int_unchecked(-1));
    interp::import::import_name(pystr::intern_value(name), globals, fromlist, level)
}

fn reload(args: &[Value], kw: KwArgs) -> PyResult {
    interp::import::reload(crate::objects::args::one("reload", args, kw)?)
}

fn raw_input(args: &[Value], _: KwArgs) -> PyResult {
    if let Some(&p) = args.first() {
        crate::interp::print::print_item(Value::NONE, p)?;
        if let Some(out) = crate::modules::sys::get("stdout").and_then(crate::objects::file::as_file) {
            out.softspace.set(false);
            out.flush()?;
        }
    }
    let stdin = crate::modules::sys::get("stdin").ok_or_else(|| crate::runtime::errors::runtime_error("lost sys.stdin"))?;
    let line = match crate::objects::file::as_file(stdin) {
        Some(f) => f.readline()?,
        None => pystr::as_bytes(ops::call_method(stdin, "readline", &[])?).unwrap_or(b"").to_vec(),
    };
    if line.is_empty() {
        return Err(eof_error("EOF when reading a line"));
    }
    let l = line.strip_suffix(b"\n").unwrap_or(&line);
    Ok(pystr::new_str(l))
}

fn input(args: &[Value], kw: KwArgs) -> PyResult {
    let s = raw_input(args, kw)?;
    eval(&[s], kw)
}

pub fn install(m: Gc<ModuleObj>) {
    let fs: &[(&'static str, NativeFn)] = &[
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("eval", eval),
        ("execfile", execfile),
        ("compile", compile),
        ("__import__", import),
        ("reload", reload),
        ("raw_input", raw_input),
        ("input", input),
        ("open", crate::objects::file::open),
        ("print", crate::interp::print::print_function),
    ];
    for &(name, f) in fs {
        m.dict.set_str(name, new_builtin(name, f));
    }
}
