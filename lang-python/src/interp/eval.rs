//! The dispatch loop.
//!
//! `run` executes from an entry frame until that frame returns (or, for a
//! generator frame, yields). Calls from Python to Python functions do not
//! recurse in Rust: the callee's frame becomes the current frame of the same
//! loop, and a return switches back. Native code calling Python (`ops::call`)
//! starts a nested `run`.
//!
//! Exceptions unwind the block stack of the current frame (CPython's
//! protocol: an except/finally handler finds the traceback, value and type
//! pushed on the value stack) and then the frames of this `run`, adding a
//! traceback entry per frame.

use super::frame::{new_traceback, Block, BlockKind, FrameObj};
use super::state::ts;
use crate::compiler::code::{Cmp, CodeObj, Instr};
use crate::objects::function::{as_function, as_method, new_cell, CellObj, FunctionObj};
use crate::objects::{dict, list, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::{name_error, runtime_error, system_error, type_error, unbound_local_error};
use crate::runtime::{type_of, types, PyErr, PyResult};
use super::attr_cache;
use tracer::{GreenKey, Mode};
use vmcore::gc::Gc;
use vmcore::Value;

/// How a `run` ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Stack markers telling END_FINALLY why a finally block was entered.
pub const WHY_RETURN: Value = Value::imm(Value::FIRST_FRONTEND_IMM + 20);
pub const WHY_BREAK: Value = Value::imm(Value::FIRST_FRONTEND_IMM + 21);
pub const WHY_CONTINUE: Value = Value::imm(Value::FIRST_FRONTEND_IMM + 22);

/// Non-exception ways of leaving a block.
enum Unwind {
    Return(Value),
    Break,
    Continue(u32),
}

fn cell_of(v: Value) -> Gc<CellObj> {
    // Invariant: the cells vector only ever holds cell objects.
    Gc::<CellObj>::downcast(v).expect("frame cell")
}

/// Runs `entry` (and the frames it calls) to completion or to a yield.
/// `pending` injects an exception at the current instruction (generator.throw).
pub fn run<M: Mode>(m: &mut M, entry: Gc<FrameObj>, pending: Option<PyErr>) -> PyResult<Exit> {
    let mut f = entry;
    let mut err = pending;
    // An exception re-raised by END_FINALLY keeps its traceback as is.
    let mut reraise = false;
    // The caller's frame (enter_frame linked it as `back`), restored when the
    // entry frame returns or yields.
    let saved_top = entry.back.get();
    ts().frame = f.as_value();
    let result = 'outer: loop {
        if let Some(e) = err.take() {
            match unwind_exception(f, e, reraise) {
                Ok(()) => {}
                Err(e) => {
                    // No handler in this frame: leave it.
                    leave_frame(f);
                    if f == entry {
                        break 'outer Err(e);
                    }
                    f = Gc::<FrameObj>::downcast(f.back.get()).expect("caller frame inside one run");
                    ts().frame = f.as_value();
                    err = Some(e);
                    reraise = false;
                    continue;
                }
            }
            reraise = false;
        }
        let code: &CodeObj = &f.code;
        let stack = f.stack();
        let mut pc = f.pc.get() as usize;
        macro_rules! pop {
            () => {
                stack.pop().expect("value stack underflow (compiler invariant)")
            };
        }
        macro_rules! top {
            () => {
                *stack.last().expect("value stack underflow (compiler invariant)")
            };
        }
        // Returning `r`: through any finally blocks, then to the caller frame
        // (same loop) or out of this run when `f` is the entry frame.
        macro_rules! do_return {
            ($r:expr) => {
                match unwind_other(f, Unwind::Return($r)) {
                    Some(r) => match return_from(f, entry, r, saved_top) {
                        Some(exit) => break 'outer Ok(exit),
                        None => {
                            // Invariant: return_from made the caller current.
                            f = Gc::<FrameObj>::downcast(ts().frame).expect("caller frame");
                            continue 'outer;
                        }
                    },
                    None => continue 'outer,
                }
            };
        }
        // A signal caught meanwhile runs its Python handler here (a safe
        // point); an exception from the handler is raised at this instruction.
        macro_rules! check_signals {
            () => {
                if super::state::signals_pending() {
                    f.pc.set(pc as u32);
                    tryop!(crate::modules::signal::run_pending());
                }
            };
        }
        macro_rules! tryop {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        f.pc.set(pc as u32);
                        err = Some(e);
                        continue 'outer;
                    }
                }
            };
        }
        loop {
            let ins = code.code[pc];
            pc += 1;
            m.merge_point(GreenKey { code: f.code.addr(), pc: pc as u32 });
            match ins {
                Instr::Nop => {}
                Instr::LoadConst(i) => stack.push(code.consts[i as usize]),
                Instr::LoadFast(i) => {
                    let v = stack[i as usize];
                    if v.is_empty() {
                        f.pc.set(pc as u32);
                        err = Some(unbound_local_error(format!("local variable '{}' referenced before assignment", name_of(code.varnames[i as usize]))));
                        continue 'outer;
                    }
                    stack.push(v);
                }
                Instr::StoreFast(i) => stack[i as usize] = pop!(),
                Instr::DeleteFast(i) => {
                    if stack[i as usize].is_empty() {
                        f.pc.set(pc as u32);
                        err = Some(unbound_local_error(format!("local variable '{}' referenced before assignment", name_of(code.varnames[i as usize]))));
                        continue 'outer;
                    }
                    stack[i as usize] = Value::EMPTY;
                }
                Instr::LoadName(i) => {
                    let name = code.names[i as usize];
                    let v = tryop!(load_name(f, name));
                    stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = pop!();
                    tryop!(store_name(f, code.names[i as usize], v));
                }
                Instr::DeleteName(i) => {
                    let name = code.names[i as usize];
                    let d = locals_dict(f);
                    if tryop!(ops::delitem(d, name).map(|_| true).or_else(|e| if e.matches(types::key_error()) { Ok(false) } else { Err(e) })) {
                    } else {
                        f.pc.set(pc as u32);
                        err = Some(name_error(format!("name '{}' is not defined", name_of(name))));
                        continue 'outer;
                    }
                }
                Instr::LoadGlobal(i) => {
                    let name = code.names[i as usize];
                    let v = tryop!(load_global(f, name));
                    stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = pop!();
                    tryop!(f.globals.set(code.names[i as usize], v));
                }
                Instr::DeleteGlobal(i) => {
                    let name = code.names[i as usize];
                    if tryop!(f.globals.del(name)).is_none() {
                        f.pc.set(pc as u32);
                        err = Some(name_error(format!("global name '{}' is not defined", name_of(name))));
                        continue 'outer;
                    }
                }
                Instr::LoadDeref(i) => {
                    let c = cell_of(f.cells()[i as usize]);
                    let v = c.v.get();
                    if v.is_empty() {
                        f.pc.set(pc as u32);
                        let ncell = code.cellvars.len();
                        let (n, msg) = if (i as usize) < ncell {
                            (code.cellvars[i as usize], "local variable '{}' referenced before assignment")
                        } else {
                            (code.freevars[i as usize - ncell], "free variable '{}' referenced before assignment in enclosing scope")
                        };
                        err = Some(name_error(msg.replace("{}", &name_of(n))));
                        continue 'outer;
                    }
                    stack.push(v);
                }
                Instr::StoreDeref(i) => cell_of(f.cells()[i as usize]).v.set(pop!()),
                Instr::LoadClosure(i) => stack.push(f.cells()[i as usize]),
                Instr::LoadMethod(i) => {
                    let o = pop!();
                    let site = attr_cache::site(f.code.as_value(), pc);
                    if let Some(meth) = attr_cache::load_method(site, o) {
                        stack.push(meth);
                        stack.push(o);
                        continue;
                    }
                    let name = code.names[i as usize];
                    match super::method_lookup(o, name) {
                        Some(meth) => {
                            attr_cache::fill_method(site, o, meth);
                            stack.push(meth);
                            stack.push(o);
                        }
                        None => {
                            let v = tryop!(ops::getattr(o, name));
                            stack.push(Value::EMPTY);
                            stack.push(v);
                        }
                    }
                }
                Instr::LoadAttr(i) => {
                    let o = pop!();
                    let site = attr_cache::site(f.code.as_value(), pc);
                    let v = match attr_cache::load(site, o) {
                        Some(v) => v,
                        None => {
                            let name = code.names[i as usize];
                            match super::instance_attr(o, name) {
                                Some(v) => {
                                    attr_cache::fill_load(site, o, name);
                                    v
                                }
                                None => {
                                    // Getters may read this frame's position (`f_lineno`).
                                    f.pc.set(pc as u32);
                                    tryop!(ops::getattr(o, name))
                                }
                            }
                        }
                    };
                    stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let o = pop!();
                    let v = pop!();
                    let site = attr_cache::site(f.code.as_value(), pc);
                    if !attr_cache::store(site, o, v) {
                        let name = code.names[i as usize];
                        let before = attr_cache::shape_of(o);
                        if tryop!(super::store_instance_attr(o, name, v)) {
                            attr_cache::fill_store(site, o, name, before);
                        } else {
                            tryop!(ops::setattr(o, name, v));
                        }
                    }
                }
                Instr::DeleteAttr(i) => {
                    let o = pop!();
                    tryop!(ops::delattr(o, code.names[i as usize]));
                }
                Instr::LoadLocals => stack.push(locals_dict(f)),
                Instr::BinarySubscr => {
                    let i = pop!();
                    let o = pop!();
                    let v = match super::fast::subscr(o, i) {
                        Some(v) => v,
                        None => tryop!(ops::getitem(o, i)),
                    };
                    stack.push(v);
                }
                Instr::StoreSubscr => {
                    let i = pop!();
                    let o = pop!();
                    let v = pop!();
                    if !super::fast::store_subscr(o, i, v) {
                        tryop!(ops::setitem(o, i, v));
                    }
                }
                Instr::DeleteSubscr => {
                    let i = pop!();
                    let o = pop!();
                    tryop!(ops::delitem(o, i));
                }
                Instr::Binary(op) => {
                    let b = pop!();
                    let a = pop!();
                    let r = match super::fast::int_binop(op, a, b) {
                        Some(r) => r,
                        None => tryop!(ops::binop(op, a, b)),
                    };
                    stack.push(r);
                }
                Instr::Inplace(op) => {
                    let b = pop!();
                    let a = pop!();
                    let r = match super::fast::int_binop(op, a, b) {
                        Some(r) => r,
                        None => tryop!(ops::inplace_op(op, a, b)),
                    };
                    stack.push(r);
                }
                Instr::Unary(op) => {
                    let a = pop!();
                    let r = tryop!(ops::unaryop(op, a));
                    stack.push(r);
                }
                Instr::Convert => {
                    let a = pop!();
                    let r = tryop!(ops::repr(a));
                    stack.push(r);
                }
                Instr::Compare(c) => {
                    let b = pop!();
                    let a = pop!();
                    let r = match c {
                        Cmp::Rich(op) => match super::fast::int_compare(op, a, b) {
                            Some(r) => r,
                            None => tryop!(ops::compare(op, a, b)),
                        },
                        Cmp::Is => Value::from_bool(a == b),
                        Cmp::IsNot => Value::from_bool(a != b),
                        Cmp::In => Value::from_bool(tryop!(ops::contains(b, a))),
                        Cmp::NotIn => Value::from_bool(!tryop!(ops::contains(b, a))),
                        Cmp::ExcMatch => Value::from_bool(ops::exception_matches(a, b)),
                    };
                    stack.push(r);
                }
                Instr::PopTop => {
                    pop!();
                }
                Instr::DupTop => {
                    let v = top!();
                    stack.push(v);
                }
                Instr::DupTopTwo => {
                    let n = stack.len();
                    stack.push(stack[n - 2]);
                    stack.push(stack[n - 1]);
                }
                Instr::RotTwo => {
                    let n = stack.len();
                    stack.swap(n - 1, n - 2);
                }
                Instr::RotThree => {
                    let v = pop!();
                    let n = stack.len();
                    stack.insert(n - 2, v);
                }
                Instr::RotFour => {
                    let v = pop!();
                    let n = stack.len();
                    stack.insert(n - 3, v);
                }
                Instr::BuildTuple(n) => {
                    let at = stack.len() - n as usize;
                    let t = tuple::new_tuple_from(&stack[at..]);
                    stack.truncate(at);
                    stack.push(t);
                }
                Instr::BuildList(n) => {
                    let at = stack.len() - n as usize;
                    let l = list::new_list(stack[at..].to_vec());
                    stack.truncate(at);
                    stack.push(l);
                }
                Instr::BuildSet(n) => {
                    let at = stack.len() - n as usize;
                    let items = tuple::new_tuple_from(&stack[at..]);
                    let s = tryop!(ops::call(types::set(), &[items], &[]));
                    stack.truncate(at);
                    stack.push(s);
                }
                Instr::BuildMap(n) => stack.push(dict::new_dict_presized(n as usize).as_value()),
                Instr::StoreMap => {
                    let k = pop!();
                    let v = pop!();
                    let d = dict::as_dict(top!()).expect("STORE_MAP on a dict");
                    tryop!(d.set(k, v));
                }
                Instr::BuildSlice(n) => {
                    let at = stack.len() - n as usize;
                    let args = stack[at..].to_vec();
                    stack.truncate(at);
                    let s = tryop!(ops::call(types::slice(), &args, &[]));
                    stack.push(s);
                }
                Instr::UnpackSequence(n) => {
                    let seq = pop!();
                    // Exact tuples and lists of the right length go straight onto the stack.
                    let t = type_of(seq);
                    let l = if t == types::list() { list::as_list(seq) } else { None };
                    let exact = if t == types::tuple() { tuple::as_tuple(seq) } else { l.as_ref().map(|l| &l.v()[..]) };
                    match exact {
                        Some(items) if items.len() == n as usize => stack.extend(items.iter().rev()),
                        _ => {
                            let items = tryop!(unpack(seq, n as usize));
                            stack.extend(items.iter().rev());
                        }
                    }
                }
                Instr::Jump(t) => {
                    if (t as usize) < pc {
                        check_signals!();
                        // A safe point: weakref callbacks due since the last collection.
                        if crate::modules::weakref::callbacks_due() {
                            f.pc.set(pc as u32);
                            crate::modules::weakref::run_callbacks();
                        }
                        if m.can_enter_jit(GreenKey { code: f.code.addr(), pc: t }) {
                            // Hot loop: the recorder takes over here once it exists.
                        }
                    }
                    pc = t as usize;
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = pop!();
                    let b = if v == Value::FALSE { false } else if v == Value::TRUE { true } else { tryop!(ops::truthy(v)) };
                    if !m.guard_bool(b) {
                        pc = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = pop!();
                    let b = if v == Value::FALSE { false } else if v == Value::TRUE { true } else { tryop!(ops::truthy(v)) };
                    if m.guard_bool(b) {
                        pc = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    if !tryop!(ops::truthy(top!())) {
                        pc = t as usize;
                    } else {
                        pop!();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    if tryop!(ops::truthy(top!())) {
                        pc = t as usize;
                    } else {
                        pop!();
                    }
                }
                Instr::GetIter => {
                    let o = pop!();
                    let it = tryop!(ops::iter(o));
                    stack.push(it);
                }
                Instr::ForIter(t) => {
                    let it = top!();
                    match tryop!(ops::next(it)) {
                        Some(v) => stack.push(v),
                        None => {
                            pop!();
                            pc = t as usize;
                        }
                    }
                }
                Instr::SetupLoop(t) => f.blocks().push(Block { kind: BlockKind::Loop, handler: t, level: stack.len() as u32 }),
                Instr::SetupExcept(t) => f.blocks().push(Block { kind: BlockKind::Except, handler: t, level: stack.len() as u32 }),
                Instr::SetupFinally(t) => f.blocks().push(Block { kind: BlockKind::Finally, handler: t, level: stack.len() as u32 }),
                Instr::SetupWith(t) => {
                    let ctx = pop!();
                    let exit = tryop!(ops::lookup_special(ctx, "__exit__").ok_or_else(|| crate::runtime::errors::attribute_error("__exit__")));
                    stack.push(exit);
                    let enter = tryop!(ops::lookup_special(ctx, "__enter__").ok_or_else(|| crate::runtime::errors::attribute_error("__enter__")));
                    f.pc.set(pc as u32);
                    let r = tryop!(ops::call(enter, &[], &[]));
                    f.blocks().push(Block { kind: BlockKind::Finally, handler: t, level: stack.len() as u32 });
                    stack.push(r);
                }
                Instr::PopBlock => {
                    f.blocks().pop();
                }
                Instr::BreakLoop => {
                    f.pc.set(pc as u32);
                    if let Some(done) = unwind_other(f, Unwind::Break) {
                        break 'outer finish_return(f, entry, done, &mut err, saved_top).map(Exit::Return);
                    }
                    continue 'outer;
                }
                Instr::ContinueLoop(t) => {
                    f.pc.set(pc as u32);
                    if let Some(done) = unwind_other(f, Unwind::Continue(t)) {
                        break 'outer finish_return(f, entry, done, &mut err, saved_top).map(Exit::Return);
                    }
                    continue 'outer;
                }
                Instr::EndFinally => {
                    let v = pop!();
                    if v == Value::NONE {
                    } else if v == WHY_RETURN {
                        let r = pop!();
                        f.pc.set(pc as u32);
                        do_return!(r);
                    } else if v == WHY_BREAK {
                        f.pc.set(pc as u32);
                        unwind_other(f, Unwind::Break);
                        continue 'outer;
                    } else if v == WHY_CONTINUE {
                        let t = pop!().as_int() as u32;
                        f.pc.set(pc as u32);
                        unwind_other(f, Unwind::Continue(t));
                        continue 'outer;
                    } else {
                        // An exception triple: re-raise it.
                        let value = pop!();
                        let tb = pop!();
                        f.pc.set(pc as u32);
                        err = Some(PyErr { typ: v, value, tb });
                        reraise = true;
                        continue 'outer;
                    }
                }
                Instr::WithCleanup => {
                    let t = top!();
                    let (exit, args, is_exc) = if t == Value::NONE {
                        let n = stack.len();
                        (stack.remove(n - 2), [Value::NONE; 3], false)
                    } else if t == WHY_RETURN || t == WHY_CONTINUE {
                        let n = stack.len();
                        (stack.remove(n - 3), [Value::NONE; 3], false)
                    } else if t == WHY_BREAK {
                        let n = stack.len();
                        (stack.remove(n - 2), [Value::NONE; 3], false)
                    } else {
                        let n = stack.len();
                        let (ty, val, tb) = (stack[n - 1], stack[n - 2], stack[n - 3]);
                        (stack.remove(n - 4), [ty, val, tb], true)
                    };
                    f.pc.set(pc as u32);
                    let r = tryop!(ops::call(exit, &args, &[]));
                    if is_exc && tryop!(ops::truthy(r)) {
                        // The exception is suppressed: END_FINALLY sees None.
                        stack.truncate(stack.len() - 3);
                        stack.push(Value::NONE);
                    }
                }
                Instr::ReturnValue => {
                    let r = pop!();
                    f.pc.set(pc as u32);
                    do_return!(r);
                }
                Instr::YieldValue => {
                    let v = pop!();
                    f.pc.set(pc as u32);
                    debug_assert!(f == entry, "only a generator's own frame yields");
                    ts().frame = saved_top;
                    ts().depth -= 1;
                    break 'outer Ok(Exit::Yield(v));
                }
                Instr::CallFunction(n) | Instr::CallMethod(n) => {
                    let (npos, nkw) = ((n & 0xffff) as usize, (n >> 16) as usize);
                    let kw_at = stack.len() - 2 * nkw;
                    let pos_at = kw_at - npos;
                    // Stack: [callable, args..] or, after LoadMethod, [method, self, args..]
                    // / [EMPTY, callable, args..]. `bottom` is where the result goes.
                    let (bottom, mut func_at, mut args_at) = match ins {
                        Instr::CallMethod(_) if !stack[pos_at - 2].is_empty() => (pos_at - 2, pos_at - 2, pos_at - 1),
                        Instr::CallMethod(_) => (pos_at - 2, pos_at - 1, pos_at),
                        _ => (pos_at - 1, pos_at - 1, pos_at),
                    };
                    let mut func = stack[func_at];
                    // A bound Python method: its self takes the callable's slot.
                    if args_at == func_at + 1 {
                        if let Some(mm) = as_method(func) {
                            if !mm.self_.is_empty() {
                                stack[func_at] = mm.self_;
                                func = mm.func;
                                args_at = func_at;
                                func_at = usize::MAX;
                            }
                        }
                    }
                    let _ = func_at;
                    let kw: Vec<(Value, Value)> = if nkw == 0 { Vec::new() } else { stack[kw_at..].chunks(2).map(|p| (p[0], p[1])).collect() };
                    f.pc.set(pc as u32);
                    if let Some(pf) = as_function(func) {
                        let code = Gc::<CodeObj>::downcast(pf.code.get()).expect("function code");
                        if !code.is_generator() {
                            let nf = tryop!(make_frame(pf, &stack[args_at..kw_at], &kw));
                            stack.truncate(bottom);
                            tryop!(enter_frame(nf, f.as_value()));
                            f = nf;
                            continue 'outer;
                        }
                    }
                    // Builtins run straight on the caller's stack slice (it is
                    // traced: the frame is live), with no argument vector.
                    if let Some(b) = crate::objects::function::as_builtin(func) {
                        if b.self_.is_empty() && b.cls != types::method_descriptor() {
                            let r = tryop!((b.f)(&stack[args_at..kw_at], &kw));
                            stack.truncate(bottom);
                            stack.push(r);
                            check_signals!();
                            continue;
                        }
                        if b.self_.is_empty() && args_at < kw_at {
                            let recv = stack[args_at];
                            if b.owner.is_empty() || crate::objects::typeobj::is_subtype(type_of(recv), b.owner) {
                                let r = tryop!((b.f)(&stack[args_at..kw_at], &kw));
                                stack.truncate(bottom);
                                stack.push(r);
                                check_signals!();
                                continue;
                            }
                        }
                        if !b.self_.is_empty() && func_at != usize::MAX && args_at == func_at + 1 {
                            // A bound builtin method: its self takes the callable's slot.
                            stack[func_at] = b.self_;
                            let r = tryop!((b.f)(&stack[func_at..kw_at], &kw));
                            stack.truncate(bottom);
                            stack.push(r);
                            check_signals!();
                            continue;
                        }
                    }
                    let args = vmcore::gc::RootedVec::from_vec(stack[args_at..kw_at].to_vec());
                    let r = tryop!(ops::call(func, &args, &kw));
                    stack.truncate(bottom);
                    stack.push(r);
                    check_signals!();
                }
                Instr::CallFunctionVarKw(n, flags) => {
                    let (npos, nkw) = ((n & 0xffff) as usize, (n >> 16) as usize);
                    let kwargs_dict = if flags & 2 != 0 { Some(pop!()) } else { None };
                    let star = if flags & 1 != 0 { Some(pop!()) } else { None };
                    let kw_at = stack.len() - 2 * nkw;
                    let mut kw: Vec<(Value, Value)> = stack[kw_at..].chunks(2).map(|p| (p[0], p[1])).collect();
                    let pos_at = kw_at - npos;
                    let mut args = vmcore::gc::RootedVec::from_vec(stack[pos_at..kw_at].to_vec());
                    let func = stack[pos_at - 1];
                    f.pc.set(pc as u32);
                    if let Some(s) = star {
                        let extra = tryop!(ops::to_vec(s).map_err(|e| if e.matches(types::type_error()) { type_error(format!("{} argument after * must be a sequence, not {}", callable_name(func), crate::objects::typeobj::type_name(s))) } else { e }));
                        args.extend(extra);
                    }
                    if let Some(d) = kwargs_dict {
                        let Some(dd) = dict::as_dict(d) else {
                            err = Some(type_error(format!("{} argument after ** must be a mapping, not {}", callable_name(func), crate::objects::typeobj::type_name(d))));
                            continue 'outer;
                        };
                        for (k, v) in dd.items() {
                            if kw.iter().any(|(n, _)| ops::eq_bool(*n, k).unwrap_or(false)) {
                                err = Some(type_error(format!("{} got multiple values for keyword argument '{}'", callable_name(func), name_of(k))));
                                continue 'outer;
                            }
                            kw.push((pystr::intern_value(k), v));
                        }
                    }
                    let kwv = vmcore::gc::RootedVec::from_vec(kw.iter().flat_map(|&(k, v)| [k, v]).collect());
                    stack.truncate(pos_at - 1);
                    let r = tryop!(ops::call(func, &args, &kw));
                    drop(kwv);
                    stack.push(r);
                    check_signals!();
                }
                Instr::MakeFunction(nd) | Instr::MakeClosure(nd) => {
                    let code = pop!();
                    let closure = if matches!(ins, Instr::MakeClosure(_)) { pop!() } else { Value::NONE };
                    let at = stack.len() - nd as usize;
                    let defaults = if nd > 0 { tuple::new_tuple_from(&stack[at..]) } else { Value::NONE };
                    stack.truncate(at);
                    let func = super::new_function(code, f.globals.as_value(), defaults, closure);
                    stack.push(func);
                }
                Instr::BuildClass => {
                    let body_locals = pop!();
                    let bases = pop!();
                    let name = pop!();
                    f.pc.set(pc as u32);
                    let c = tryop!(super::build_class(name, bases, body_locals, f.globals));
                    stack.push(c);
                }
                Instr::PrintItem | Instr::PrintItemTo => {
                    let (v, dest) = if matches!(ins, Instr::PrintItemTo) {
                        let d = pop!();
                        (pop!(), d)
                    } else {
                        (pop!(), Value::NONE)
                    };
                    f.pc.set(pc as u32);
                    tryop!(super::print::print_item(dest, v));
                }
                Instr::PrintNewline => {
                    f.pc.set(pc as u32);
                    tryop!(super::print::print_newline(Value::NONE));
                }
                Instr::PrintNewlineTo => {
                    let d = pop!();
                    f.pc.set(pc as u32);
                    tryop!(super::print::print_newline(d));
                }
                Instr::PrintExpr => {
                    let v = pop!();
                    f.pc.set(pc as u32);
                    tryop!(super::print::display(v));
                }
                Instr::RaiseVarargs(n) => {
                    let tb = if n >= 3 { pop!() } else { Value::NONE };
                    let val = if n >= 2 { pop!() } else { Value::NONE };
                    let typ = if n >= 1 { pop!() } else { Value::NONE };
                    f.pc.set(pc as u32);
                    let e = if n == 0 { super::reraise_current() } else { super::make_raise(typ, val, tb) };
                    reraise = n == 0 || (n == 3 && tb != Value::NONE);
                    err = Some(e);
                    continue 'outer;
                }
                Instr::ImportName(i) => {
                    let fromlist = pop!();
                    let level = pop!();
                    f.pc.set(pc as u32);
                    let m = tryop!(super::import::import_name(code.names[i as usize], f.globals, fromlist, level));
                    stack.push(m);
                }
                Instr::ImportFrom(i) => {
                    let m = top!();
                    f.pc.set(pc as u32);
                    let v = tryop!(super::import::import_from(m, code.names[i as usize]));
                    stack.push(v);
                }
                Instr::ImportStar => {
                    let m = pop!();
                    f.pc.set(pc as u32);
                    let d = locals_dict(f);
                    tryop!(super::import::import_star(m, d));
                }
                Instr::ExecStmt => {
                    let locals = pop!();
                    let globals = pop!();
                    let body = pop!();
                    f.pc.set(pc as u32);
                    tryop!(super::exec_stmt(f, body, globals, locals));
                }
                Instr::ListAppend(d) => {
                    let v = pop!();
                    let l = list::as_list(stack[stack.len() - d as usize]).expect("LIST_APPEND target");
                    l.v().push(v);
                }
                Instr::SetAdd(d) => {
                    let v = pop!();
                    let s = stack[stack.len() - d as usize];
                    tryop!(ops::call_method(s, "add", &[v]));
                }
                Instr::MapAdd(d) => {
                    let k = pop!();
                    let v = pop!();
                    let dd = dict::as_dict(stack[stack.len() - d as usize]).expect("MAP_ADD target");
                    tryop!(dd.set(k, v));
                }
            }
        }
    };
    result
}

fn callable_name(f: Value) -> String {
    if let Some(func) = as_function(f) {
        return format!("{}()", name_of(func.name.get()));
    }
    if let Some(m) = as_method(f) {
        return callable_name(m.func);
    }
    if let Some(b) = crate::objects::function::as_builtin(f) {
        return format!("{}()", b.name);
    }
    format!("{} object", crate::objects::typeobj::type_name(f))
}

/// Pops the finished frame `f`; returns Some(exit) when `f` was the entry.
fn return_from(f: Gc<FrameObj>, entry: Gc<FrameObj>, r: Value, saved_top: Value) -> Option<Exit> {
    leave_frame(f);
    if f == entry {
        ts().frame = saved_top;
        return Some(Exit::Return(r));
    }
    let caller = Gc::<FrameObj>::downcast(f.back.get()).expect("caller frame inside one run");
    f.recycle();
    caller.stack().push(r);
    ts().frame = caller.as_value();
    None
}

fn finish_return(f: Gc<FrameObj>, entry: Gc<FrameObj>, r: Value, _err: &mut Option<PyErr>, saved_top: Value) -> PyResult<Value> {
    match return_from(f, entry, r, saved_top) {
        Some(Exit::Return(v)) => Ok(v),
        _ => Err(system_error("break/continue left a frame")),
    }
}

/// Frame exit bookkeeping: depth, and the exception state saved on entry to a handler.
fn leave_frame(f: Gc<FrameObj>) {
    let s = ts();
    s.depth = s.depth.saturating_sub(1);
    if let Some(saved) = f.saved_exc.take() {
        s.exc = saved;
    }
}

/// Makes `f` the running frame (after `caller`), checking the recursion limit.
pub fn enter_frame(f: Gc<FrameObj>, caller: Value) -> PyResult<()> {
    let s = ts();
    if s.depth >= s.limit {
        return Err(runtime_error("maximum recursion depth exceeded"));
    }
    s.depth += 1;
    f.back.set(caller);
    s.frame = f.as_value();
    Ok(())
}

/// Finds a handler for `e` in `f`'s block stack and jumps there, or returns `e`.
fn unwind_exception(f: Gc<FrameObj>, e: PyErr, reraise: bool) -> Result<(), PyErr> {
    let mut e = e;
    if !reraise {
        e.tb = new_traceback(f, e.tb);
    }
    while let Some(b) = f.blocks().pop() {
        if b.kind == BlockKind::Loop {
            continue;
        }
        let stack = f.stack();
        stack.truncate(b.level as usize);
        stack.push(e.tb);
        stack.push(e.value);
        stack.push(e.typ);
        f.pc.set(b.handler);
        // The exception is now being handled: sys.exc_info() reports it.
        let s = ts();
        if f.saved_exc.get().is_none() {
            f.saved_exc.set(Some(s.exc));
        }
        s.exc = (e.typ, e.value, e.tb);
        return Ok(());
    }
    Err(e)
}

/// Unwinds blocks for return/break/continue. Returns Some(value) when a
/// return leaves the frame; None when control continues inside the frame.
fn unwind_other(f: Gc<FrameObj>, why: Unwind) -> Option<Value> {
    loop {
        let Some(b) = f.blocks().last().copied() else {
            return match why {
                Unwind::Return(r) => Some(r),
                // Invariant: the compiler only emits break/continue inside loops.
                _ => Some(Value::NONE),
            };
        };
        let stack = f.stack();
        match (b.kind, &why) {
            (BlockKind::Loop, Unwind::Continue(t)) => {
                f.pc.set(*t);
                return None;
            }
            (BlockKind::Loop, Unwind::Break) => {
                f.blocks().pop();
                stack.truncate(b.level as usize);
                f.pc.set(b.handler);
                return None;
            }
            (BlockKind::Finally, _) => {
                f.blocks().pop();
                stack.truncate(b.level as usize);
                match why {
                    Unwind::Return(r) => {
                        stack.push(r);
                        stack.push(WHY_RETURN);
                    }
                    Unwind::Break => stack.push(WHY_BREAK),
                    Unwind::Continue(t) => {
                        stack.push(Value::int_unchecked(t as i64));
                        stack.push(WHY_CONTINUE);
                    }
                }
                f.pc.set(b.handler);
                return None;
            }
            _ => {
                f.blocks().pop();
                stack.truncate(b.level as usize);
            }
        }
    }
}

pub fn name_of(v: Value) -> String {
    String::from_utf8_lossy(pystr::as_bytes(v).unwrap_or(b"?")).into_owned()
}

fn locals_dict(f: Gc<FrameObj>) -> Value {
    let l = f.locals.get();
    if l.is_empty() { f.globals.as_value() } else { l }
}

fn load_name(f: Gc<FrameObj>, name: Value) -> PyResult {
    let l = f.locals.get();
    if !l.is_empty() {
        if let Some(d) = dict::as_dict(l) {
            if type_of(l) == types::dict() {
                if let Some(v) = d.get(name)? {
                    return Ok(v);
                }
            } else {
                match ops::getitem(l, name) {
                    Ok(v) => return Ok(v),
                    Err(e) if e.matches(types::key_error()) => {}
                    Err(e) => return Err(e),
                }
            }
        } else {
            match ops::getitem(l, name) {
                Ok(v) => return Ok(v),
                Err(e) if e.matches(types::key_error()) => {}
                Err(e) => return Err(e),
            }
        }
    }
    if let Some(v) = f.globals.get(name)? {
        return Ok(v);
    }
    if let Some(v) = f.builtins.get(name)? {
        return Ok(v);
    }
    Err(name_error(format!("name '{}' is not defined", name_of(name))))
}

fn store_name(f: Gc<FrameObj>, name: Value, v: Value) -> PyResult<()> {
    let l = locals_dict(f);
    match dict::as_dict(l) {
        Some(d) if type_of(l) == types::dict() => d.set(name, v),
        _ => ops::setitem(l, name, v),
    }
}

fn load_global(f: Gc<FrameObj>, name: Value) -> PyResult {
    if let Some(v) = f.globals.get(name)? {
        return Ok(v);
    }
    if let Some(v) = f.builtins.get(name)? {
        return Ok(v);
    }
    Err(name_error(format!("global name '{}' is not defined", name_of(name))))
}

fn unpack(seq: Value, n: usize) -> PyResult<Vec<Value>> {
    let items = if let Some(t) = tuple::as_tuple(seq).filter(|_| type_of(seq) == types::tuple()) {
        t.to_vec()
    } else if let Some(l) = list::as_list(seq).filter(|_| type_of(seq) == types::list()) {
        l.v().clone()
    } else {
        let it = ops::iter(seq).map_err(|e| if e.matches(types::type_error()) { type_error(format!("'{}' object is not iterable", crate::objects::typeobj::type_name(seq))) } else { e })?;
        let mut out = vmcore::gc::RootedVec::new();
        while let Some(v) = ops::next(it)? {
            if out.len() == n {
                return Err(crate::runtime::errors::value_error("too many values to unpack"));
            }
            out.push(v);
        }
        out.into_vec()
    };
    if items.len() > n {
        return Err(crate::runtime::errors::value_error("too many values to unpack"));
    }
    if items.len() < n {
        let s = if items.len() == 1 { "" } else { "s" };
        return Err(crate::runtime::errors::value_error(format!("need more than {} value{s} to unpack", items.len())));
    }
    Ok(items)
}

/// A new frame for calling `func` with `args`/`kw`, arguments bound.
pub fn make_frame(func: Gc<FunctionObj>, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Gc<FrameObj>> {
    let code = Gc::<CodeObj>::downcast(func.code.get()).expect("function code");
    let globals = dict::as_dict(func.globals).expect("function globals");
    let builtins = dict::as_dict(func.builtins).unwrap_or_else(|| super::builtins_for(globals));
    let locals = if code.flags & crate::compiler::code::CO_NEWLOCALS != 0 { dict::new_dict().as_value() } else { Value::EMPTY };
    let f = super::frame::new_frame(code, globals, builtins, locals);
    super::args::bind_arguments(func, code, args, kw, f.fast())?;
    // Cells: fresh ones for cellvars (seeded from arguments), then the closure's.
    let closure = tuple::as_tuple(func.closure).unwrap_or(&[]);
    if !code.cell_args.is_empty() || !closure.is_empty() {
        for &arg in code.cell_args.iter() {
            let init = match arg {
                Some(a) => f.fast()[a as usize],
                None => Value::EMPTY,
            };
            let c = new_cell(init).as_value();
            f.cells().push(c);
        }
        f.cells().extend_from_slice(closure);
    }
    Ok(f)
}
