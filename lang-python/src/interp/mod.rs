//! The bytecode interpreter: frames, the dispatch loop, generators, and the
//! entry points the rest of the runtime calls (call a Python function, run a
//! module, raise).

pub mod args;
mod attr_cache;
pub mod eval;
mod fast;
pub mod frame;
pub mod generator;
pub mod import;
pub mod introspect;
pub mod print;
pub mod state;
pub mod traceback;

use crate::compiler::code::CodeObj;
use crate::objects::function::{FunctionObj, new_wrapper};
use crate::objects::typeobj::{as_type, compute_mro, is_subtype, new_type, TypeObj, BASETYPE, HEAPTYPE, NO_DICT, WEAKREFABLE};
use crate::objects::{classobj, dict, dict::DictObj, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::{runtime_error, type_error};
use crate::runtime::{type_of, types, KwArgs, PyErr, PyResult};
use eval::{run, Exit};
use state::ts;
use std::cell::Cell;
use vmcore::gc::{alloc, Gc};
use vmcore::Value;

/// Calls a Python function from native code (a nested dispatch loop).
pub fn call_function(func: Gc<FunctionObj>, args: &[Value], kw: KwArgs) -> PyResult {
    let f = eval::make_frame(func, args, kw)?;
    if f.code.is_generator() {
        return Ok(generator::new_generator(f));
    }
    if state::stack_low() {
        return Err(runtime_error("maximum recursion depth exceeded"));
    }
    eval::enter_frame(f, ts().frame)?;
    let mut m = tracer::Concrete::new(false, 1);
    match run(&mut m, f, None)? {
        Exit::Return(v) => {
            f.recycle();
            Ok(v)
        }
        Exit::Yield(_) => Err(crate::runtime::errors::system_error("yield outside a generator frame")),
    }
}

/// `next(generator)` for `ops::next`: Ok(None) when exhausted.
pub fn generator_next(g: Value, send: Value) -> PyResult<Option<Value>> {
    let gen = Gc::<generator::GeneratorObj>::downcast(g).ok_or_else(|| type_error("not a generator"))?;
    generator::resume(gen, send, None)
}

pub fn frame_back(f: Value) -> Value {
    Gc::<frame::FrameObj>::downcast(f).map(|fr| fr.back.get()).unwrap_or(Value::NONE)
}

/// LOAD_METHOD's fast path: the plain function or builtin method `name` of
/// `obj`'s type, when calling it with `obj` prepended is exactly what
/// `getattr(obj, name)(...)` would do.
#[inline]
pub fn method_lookup(obj: Value, name: Value) -> Option<Value> {
    use crate::objects::function::{as_builtin, as_function};
    // Classes (new or classic) resolve attributes in their own dict, not
    // through their metatype: `C.__init__(self)` is C's method.
    if !obj.is_ptr() || classobj::as_classic_instance(obj).is_some() || classobj::as_class(obj).is_some() || as_type(obj).is_some() || crate::objects::module::as_module(obj).is_some() {
        return None;
    }
    let t = type_of(obj);
    // super objects resolve attributes along another class's MRO.
    if t == types::super_() {
        return None;
    }
    if crate::objects::typeobj::lookup(t, crate::iname!("__getattribute__")).is_some_and(|g| as_function(g).is_some()) {
        return None;
    }
    let d = crate::objects::typeobj::lookup(t, name)?;
    let is_method = as_function(d).is_some() || as_builtin(d).is_some_and(|b| b.cls == types::method_descriptor());
    if !is_method {
        return None;
    }
    if let Some(inst) = crate::objects::instance::as_instance(obj) {
        if inst.get_attr(name).is_some() {
            return None;
        }
    } else if as_function(obj).is_some() {
        return None;
    }
    Some(d)
}

/// LOAD_ATTR's fast path: an attribute stored on a plain instance, when the
/// type has neither `__getattribute__` nor any class attribute of that name
/// (so no descriptor can take precedence).
#[inline]
pub fn instance_attr(obj: Value, name: Value) -> Option<Value> {
    let inst = crate::objects::instance::as_instance(obj)?;
    let v = inst.get_attr(name)?;
    let t = inst.cls.get();
    if crate::objects::typeobj::lookup(t, name).is_some() || user_hook(t, crate::iname!("__getattribute__")) {
        return None;
    }
    Some(v)
}

/// True when type `t` has a Python-level `hook` (`__getattribute__`,
/// `__setattr__`): object's own builtin ones are the generic protocol.
fn user_hook(t: Value, hook: Value) -> bool {
    crate::objects::typeobj::lookup(t, hook).is_some_and(|h| crate::objects::function::as_function(h).is_some())
}

/// STORE_ATTR's fast path: a plain instance whose type defines no
/// `__setattr__`, no `__slots__` restriction and nothing named `name`.
/// Returns false when the general protocol must run.
#[inline]
pub fn store_instance_attr(obj: Value, name: Value, v: Value) -> PyResult<bool> {
    let Some(inst) = crate::objects::instance::as_instance(obj) else { return Ok(false) };
    let t = inst.cls.get();
    let Some(tt) = as_type(t) else { return Ok(false) };
    if tt.has_flag(NO_DICT) || crate::objects::typeobj::lookup(t, name).is_some() || user_hook(t, crate::iname!("__setattr__")) {
        return Ok(false);
    }
    // `__class__` and `__dict__` assignments change the object itself.
    if name == crate::iname!("__class__") || name == crate::iname!("__dict__") {
        return Ok(false);
    }
    inst.set_attr(name, v)?;
    Ok(true)
}

/// MAKE_FUNCTION / MAKE_CLOSURE.
pub fn new_function(code: Value, globals: Value, defaults: Value, closure: Value) -> Value {
    let c = Gc::<CodeObj>::downcast(code).expect("MAKE_FUNCTION takes a code object");
    let module = dict::as_dict(globals).and_then(|g| g.get_str("__name__")).unwrap_or(Value::NONE);
    alloc(FunctionObj {
        cls: types::function(),
        code: Cell::new(code),
        globals,
        builtins: dict::as_dict(globals).map(|g| builtins_for(g).as_value()).unwrap_or(Value::NONE),
        defaults: Cell::new(defaults),
        closure,
        name: Cell::new(c.name),
        doc: Cell::new(c.docstring),
        module: Cell::new(module),
        dict: Cell::new(Value::EMPTY),
    })
    .as_value()
}

/// The builtins a frame with these globals sees (`__builtins__` or ours).
pub fn builtins_for(globals: Gc<DictObj>) -> Gc<DictObj> {
    if let Some(b) = globals.get_str("__builtins__") {
        if let Some(m) = crate::objects::module::as_module(b) {
            return m.dict;
        }
        if let Some(d) = dict::as_dict(b) {
            return d;
        }
    }
    crate::builtins::module().dict
}

/// BUILD_CLASS: picks the metaclass and calls it with (name, bases, dict).
pub fn build_class(name: Value, bases: Value, body: Value, globals: Gc<DictObj>) -> PyResult {
    let d = dict::as_dict(body).expect("class body returns its locals dict");
    let base_list = tuple::as_tuple(bases).unwrap_or(&[]).to_vec();
    let meta = if let Some(m) = d.get_str("__metaclass__") {
        m
    } else if let Some(&b) = base_list.first() {
        type_of(b)
    } else if let Some(m) = globals.get_str("__metaclass__") {
        m
    } else {
        types::classobj()
    };
    if meta == types::classobj() {
        return classic_class(name, base_list, d);
    }
    ops::call(meta, &[name, bases, body], &[])
}

fn classic_class(name: Value, bases: Vec<Value>, d: Gc<DictObj>) -> PyResult {
    for &b in &bases {
        if classobj::as_class(b).is_none() {
            return Err(type_error("Error when calling the metaclass bases\n    a new-style class can't have only classic bases"));
        }
    }
    if d.get_str("__doc__").is_none() {
        d.set_str("__doc__", Value::NONE);
    }
    Ok(classobj::new_class(name, bases, d).as_value())
}

/// `type.__new__(meta, name, bases, dict)` and `type(name, bases, dict)`.
pub fn type_new(args: &[Value], _kw: KwArgs) -> PyResult {
    if args.len() == 2 {
        return Ok(type_of(args[1]));
    }
    if args.len() != 4 {
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let (meta, name, bases, ns) = (args[0], args[1], args[2], args[3]);
    let name_s = String::from_utf8_lossy(pystr::as_bytes(name).ok_or_else(|| type_error("type() argument 1 must be string, not ".to_string() + &crate::objects::typeobj::type_name(name)))?).into_owned();
    let ns = dict::as_dict(ns).ok_or_else(|| type_error("type() argument 3 must be dict"))?;
    let mut base_list = tuple::as_tuple(bases).ok_or_else(|| type_error("type() argument 2 must be tuple"))?.to_vec();
    if base_list.is_empty() {
        base_list.push(types::object());
    }
    let mut solid = types::object();
    for &b in &base_list {
        if let Some(bt) = as_type(b) {
            if !bt.has_flag(BASETYPE) {
                return Err(type_error(format!("Error when calling the metaclass bases\n    type '{}' is not an acceptable base type", bt.tp_name())));
            }
            let bs = bt.solid.get();
            if bs != types::object() && solid == types::object() {
                solid = bs;
            }
        } else if classobj::as_class(b).is_none() {
            return Err(type_error("Error when calling the metaclass bases\n    bases must be types"));
        }
    }
    let t = new_type(meta, &name_s, base_list, solid, HEAPTYPE | BASETYPE);
    for (k, v) in ns.items() {
        t.dict.set(k, v)?;
    }
    if t.dict.get_str("__doc__").is_none() {
        t.dict.set_str("__doc__", Value::NONE);
    }
    // A plain function as __new__ is implicitly a static method.
    if let Some(n) = t.dict.get_str("__new__") {
        if crate::objects::function::as_function(n).is_some() {
            t.dict.set_str("__new__", new_wrapper(types::staticmethod(), n).as_value());
        }
    }
    let mut weak_slot = true;
    if let Some(slots) = t.dict.get_str("__slots__") {
        let names = if pystr::as_bytes(slots).is_some() { vec![slots] } else { ops::to_vec(slots)? };
        let mut has_dict = false;
        weak_slot = false;
        for n in names {
            let n = pystr::intern_value(n);
            if pystr::as_bytes(n) == Some(b"__dict__") {
                has_dict = true;
            } else {
                weak_slot |= pystr::as_bytes(n) == Some(b"__weakref__");
                t.slot_names.borrow_mut().push(n);
            }
        }
        let bases_have_dict = t.bases.borrow().iter().any(|&b| as_type(b).is_some_and(|bt| bt.has_flag(HEAPTYPE) && !bt.has_flag(NO_DICT)));
        if !has_dict && !bases_have_dict {
            t.flags.set(t.flags.get() | NO_DICT);
        }
    }
    // Weak references, as CPython: inherited, else given to every class
    // whose `__slots__` (if any) name `__weakref__`, unless its instances are
    // variable-sized (subclasses of tuple, str, long).
    let inherited = t.bases.borrow().iter().any(|&b| as_type(b).is_some_and(|bt| bt.has_flag(WEAKREFABLE)));
    let var_sized = [types::tuple(), types::str(), types::long()].iter().any(|&v| is_subtype(t.as_value(), v));
    if inherited || (weak_slot && !var_sized) {
        t.flags.set(t.flags.get() | WEAKREFABLE);
    }
    compute_mro(t)?;
    Ok(t.as_value())
}

/// `raise typ, val, tb` with Python 2's rules for classes, instances and tuples.
pub fn make_raise(typ: Value, val: Value, tb: Value) -> PyErr {
    let mut typ = typ;
    while let Some(t) = tuple::as_tuple(typ) {
        match t.first() {
            Some(&first) => typ = first,
            None => break,
        }
    }
    let tb = if tb == Value::NONE || type_of(tb) == types::traceback() {
        tb
    } else {
        return PyErr::new(types::type_error(), "raise: arg 3 must be a traceback or None");
    };
    let is_class = as_type(typ).is_some_and(|t| is_subtype(t.as_value(), types::base_exception())) || classobj::as_class(typ).is_some();
    if is_class {
        let inst = if val != Value::NONE && is_subtype(ops::class_of(val), typ) {
            Ok(val)
        } else if val == Value::NONE {
            ops::call(typ, &[], &[])
        } else if let Some(items) = tuple::as_tuple(val) {
            ops::call(typ, &items.to_vec(), &[])
        } else {
            ops::call(typ, &[val], &[])
        };
        return match inst {
            Ok(i) => PyErr { typ: ops::class_of(i), value: i, tb },
            Err(e) => e,
        };
    }
    let is_instance = crate::objects::exceptions::is_exception_instance(typ) || classobj::as_classic_instance(typ).is_some();
    if is_instance {
        if val != Value::NONE {
            return PyErr::new(types::type_error(), "instance exception may not have a separate value");
        }
        return PyErr { typ: ops::class_of(typ), value: typ, tb };
    }
    PyErr::new(
        types::type_error(),
        &format!("exceptions must be old-style classes or derived from BaseException, not {}", crate::objects::typeobj::type_name(typ)),
    )
}

/// A bare `raise`: the exception currently being handled.
pub fn reraise_current() -> PyErr {
    let (t, v, tb) = ts().exc;
    if t == Value::NONE {
        return PyErr::new(types::type_error(), "exceptions must be old-style classes or derived from BaseException, not NoneType");
    }
    PyErr { typ: t, value: v, tb }
}

/// Runs a code object with the given globals and locals (module/exec body).
pub fn run_code(code: Gc<CodeObj>, globals: Gc<DictObj>, locals: Value) -> PyResult {
    if globals.get_str("__builtins__").is_none() {
        globals.set_str("__builtins__", crate::builtins::module().as_value());
    }
    let builtins = builtins_for(globals);
    let locals = if locals == globals.as_value() { Value::EMPTY } else { locals };
    let f = frame::new_frame(code, globals, builtins, locals);
    eval::enter_frame(f, ts().frame)?;
    let mut m = tracer::Concrete::new(false, 1);
    match run(&mut m, f, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(crate::runtime::errors::system_error("yield at module level")),
    }
}

/// Parses and compiles source text, turning syntax errors into SyntaxError.
pub fn compile_source(src: &[u8], filename: &str, mode: crate::compiler::Mode, flags: u32) -> PyResult<Gc<CodeObj>> {
    use crate::compiler::{compile, Mode};
    let r = match mode {
        Mode::Eval => crate::syntax::parse_expression(src, filename, flags).map(|e| (Vec::new(), Some(e), flags)),
        Mode::Exec => crate::syntax::parse_module(src, filename, flags).map(|m| (m.body, None, m.future_flags)),
        Mode::Single => crate::syntax::parse_interactive(src, filename, flags).map(|m| (m.body, None, m.future_flags)),
    };
    let (body, expr, future) = r.map_err(traceback::syntax_error_to_exception)?;
    // The compiler's checks on `from __future__` placement and names.
    if expr.is_none() {
        crate::syntax::future::check_future(&body, filename, Some(src)).map_err(traceback::syntax_error_to_exception)?;
    }
    compile(&body, expr.as_ref(), filename, mode, future).map_err(|e| {
        traceback::syntax_error_to_exception(crate::syntax::SyntaxError {
            kind: crate::syntax::ErrorKind::Syntax,
            msg: e.msg,
            filename: filename.to_string(),
            lineno: e.lineno as usize,
            offset: None,
            text: None,
            incomplete: false,
        })
    })
}

/// Executes a source file in `globals` (imports and `execfile`).
pub fn exec_file(path: &std::path::Path, globals: Gc<DictObj>) -> PyResult {
    let fname = path.to_string_lossy().into_owned();
    let src = vmcore::host::read_file(path).map_err(|e| crate::runtime::errors::from_io(types::io_error(), &e, Some(&fname)))?;
    let code = compile_source(&src, &fname, crate::compiler::Mode::Exec, 0)?;
    run_code(code, globals, globals.as_value())
}

/// The `exec` statement.
pub fn exec_stmt(f: Gc<frame::FrameObj>, body: Value, globals: Value, locals: Value) -> PyResult<()> {
    let (g, l) = if globals == Value::NONE {
        let l = f.locals.get();
        (f.globals, if l.is_empty() { f.globals.as_value() } else { l })
    } else {
        let g = dict::as_dict(globals).ok_or_else(|| type_error("exec: arg 2 must be a dictionary or None"))?;
        (g, if locals == Value::NONE { globals } else { locals })
    };
    let code = if let Some(c) = Gc::<CodeObj>::downcast(body) {
        c
    } else if let Some(src) = pystr::as_bytes(body) {
        compile_source(src, "<string>", crate::compiler::Mode::Exec, crate::syntax::PYCF_STRING_INPUT)?
    } else {
        return Err(type_error("exec: arg 1 must be a string, file, or code object"));
    };
    run_code(code, g, l)?;
    Ok(())
}

/// Installs interpreter-level methods (generators, `type.__new__`).
pub fn install() {
    generator::install();
    introspect::install();
    crate::objects::add_static(types::type_(), "__new__", type_new);
    vmcore::gc::add_root_scanner(state::trace_roots);
    vmcore::gc::add_root_scanner(attr_cache::trace_roots);
    let _ = TypeObj::name;
}
