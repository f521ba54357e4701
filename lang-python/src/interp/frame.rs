//! Frames: the activation record of one code object, on the heap.
//!
//! Frames are ordinary GC objects so that tracebacks, generators and
//! `sys._getframe()` can hold them; the dispatch loop keeps Rust references
//! into the current frame's vectors while it runs.

use crate::compiler::code::CodeObj;
use crate::objects::dict::DictObj;
use crate::runtime::types;
use std::cell::{Cell, UnsafeCell};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Loop,
    Except,
    Finally,
}

/// An entry of the block stack: where to go and how deep the value stack was.
#[derive(Copy, Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    pub level: u32,
}

#[repr(C)]
pub struct FrameObj {
    pub cls: Value,
    pub code: Gc<CodeObj>,
    pub globals: Gc<DictObj>,
    pub builtins: Gc<DictObj>,
    /// The locals dict of module and class bodies (EMPTY for functions).
    pub locals: Cell<Value>,
    /// Fast locals in slots[..nlocals], the value stack above them (one
    /// allocation per frame, as CPython's "localsplus").
    pub slots: UnsafeCell<Vec<Value>>,
    pub nlocals: u32,
    /// Cell objects: the code's cellvars, then its freevars.
    pub cells: UnsafeCell<Vec<Value>>,
    pub blocks: UnsafeCell<Vec<Block>>,
    pub pc: Cell<u32>,
    pub back: Cell<Value>,
    /// The exception being handled when this frame started handling one
    /// (restored when the frame exits, as Python 2 does).
    pub saved_exc: Cell<Option<(Value, Value, Value)>>,
    /// Something besides the running loop may hold this frame (a traceback,
    /// `sys._getframe`): its slot vector must not be recycled.
    pub escaped: Cell<bool>,
    /// `f_trace`: stored for debuggers (bdb/pdb set it); we emit no trace
    /// events, so nothing calls it.
    pub trace: Cell<Value>,
}

unsafe impl Trace for FrameObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.gc(self.code);
        t.gc(self.globals);
        t.gc(self.builtins);
        t.value(self.locals.get());
        self.slots.trace(t);
        self.cells.trace(t);
        t.value(self.back.get());
        t.value(self.trace.get());
        if let Some((a, b, c)) = self.saved_exc.get() {
            t.values(&[a, b, c]);
        }
    }
}
vmcore::gc_type!(FrameObj, "frame");

impl FrameObj {
    /// The slot vector: fast locals below `nlocals`, the value stack above.
    #[allow(clippy::mut_from_ref)]
    pub fn stack(&self) -> &mut Vec<Value> {
        // SAFETY: frames are used by one thread; the loop re-fetches after calls.
        unsafe { &mut *self.slots.get() }
    }
    /// The fast locals.
    #[allow(clippy::mut_from_ref)]
    pub fn fast(&self) -> &mut [Value] {
        let v: &mut Vec<Value> = unsafe { &mut *self.slots.get() };
        // A recycled frame has no slots left; never index past them.
        let n = (self.nlocals as usize).min(v.len());
        &mut v[..n]
    }
    #[allow(clippy::mut_from_ref)]
    pub fn cells(&self) -> &mut Vec<Value> {
        unsafe { &mut *self.cells.get() }
    }
    #[allow(clippy::mut_from_ref)]
    pub fn blocks(&self) -> &mut Vec<Block> {
        unsafe { &mut *self.blocks.get() }
    }
    /// Marks this frame and its callers as reachable from outside the loop.
    pub fn mark_escaped(&self) {
        self.escaped.set(true);
        let mut b = self.back.get();
        while let Some(f) = Gc::<FrameObj>::downcast(b) {
            if f.escaped.replace(true) {
                break;
            }
            b = f.back.get();
        }
    }

    /// Gives the slot vector of a finished, never-escaped frame back to the pool.
    pub fn recycle(&self) {
        if self.escaped.get() || self.code.is_generator() {
            return;
        }
        let pool = &mut super::state::ts().slot_pool;
        if pool.len() < 256 {
            let mut v = std::mem::take(self.stack());
            v.clear();
            pool.push(v);
        }
    }

    /// The source line being executed.
    pub fn lineno(&self) -> u32 {
        let pc = self.pc.get().saturating_sub(1) as usize;
        self.code.lines.get(pc).copied().unwrap_or(self.code.firstlineno)
    }
}

/// A frame with all locals unbound; the caller fills arguments and cells.
pub fn new_frame(code: Gc<CodeObj>, globals: Gc<DictObj>, builtins: Gc<DictObj>, locals: Value) -> Gc<FrameObj> {
    let nlocals = code.varnames.len();
    let f = alloc(FrameObj {
        cls: types::frame(),
        code,
        globals,
        builtins,
        locals: Cell::new(locals),
        slots: UnsafeCell::new(Vec::new()),
        nlocals: nlocals as u32,
        cells: UnsafeCell::new(Vec::new()),
        blocks: UnsafeCell::new(Vec::new()),
        pc: Cell::new(0),
        back: Cell::new(Value::NONE),
        saved_exc: Cell::new(None),
        escaped: Cell::new(false),
        trace: Cell::new(Value::NONE),
    });
    if let Some(v) = super::state::ts().slot_pool.pop() {
        *f.stack() = v;
    }
    let slots = f.stack();
    slots.reserve_exact(nlocals + 12);
    slots.resize(nlocals, Value::EMPTY);
    f
}

/// A traceback entry: frame, line and instruction index, linked outermost first.
#[repr(C)]
pub struct TracebackObj {
    pub cls: Value,
    pub frame: Value,
    pub lineno: u32,
    /// Index of the instruction that raised (for `tb_lasti`).
    pub pc: u32,
    pub next: Value,
}
unsafe impl Trace for TracebackObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.frame, self.next]);
    }
}
vmcore::gc_type!(TracebackObj, "traceback");

/// A traceback entry for the instruction `frame` is executing.
pub fn new_traceback(frame: Gc<FrameObj>, next: Value) -> Value {
    frame.mark_escaped();
    let (lineno, pc) = (frame.lineno(), frame.pc.get().saturating_sub(1));
    alloc(TracebackObj { cls: types::traceback(), frame: frame.as_value(), lineno, pc, next }).as_value()
}
