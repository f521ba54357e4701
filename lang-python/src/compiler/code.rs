//! Code objects and the instruction set.
//!
//! Our own bytecode, close to CPython 2.7's so that its documentation
//! explains ours, but stored as a `Vec<Instr>` of 8-byte enum values rather
//! than a byte string: no decoding in the dispatch loop, and `--disasm` is
//! just `Debug`. Jump targets are instruction indices.

use crate::ops::{BinOp, CmpOp, UnaryOp};
use crate::runtime::types;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

/// Comparison operands of `CompareOp`: the six rich comparisons plus the
/// identity, membership and exception-matching tests.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Cmp {
    Rich(CmpOp),
    Is,
    IsNot,
    In,
    NotIn,
    ExcMatch,
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Instr {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Cells then free variables, by index into cellvars ++ freevars.
    LoadDeref(u32),
    StoreDeref(u32),
    LoadClosure(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    LoadLocals,
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    /// Backquotes: `repr(TOS)`.
    Convert,
    /// Interactive mode: print a non-None expression result via sys.displayhook.
    PrintExpr,
    Compare(Cmp),
    PopTop,
    DupTop,
    DupTopTwo,
    RotTwo,
    RotThree,
    RotFour,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    StoreMap,
    BuildSlice(u32),
    UnpackSequence(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    ForIter(u32),
    SetupLoop(u32),
    SetupExcept(u32),
    SetupFinally(u32),
    SetupWith(u32),
    PopBlock,
    BreakLoop,
    ContinueLoop(u32),
    EndFinally,
    WithCleanup,
    ReturnValue,
    YieldValue,
    /// Positional count in the low 16 bits, keyword count in the high 16.
    CallFunction(u32),
    /// `obj.name` about to be called: pushes (function, obj) when `name` is a
    /// plain method found on the type, else (EMPTY, getattr(obj, name)); no
    /// bound-method object is made.
    LoadMethod(u32),
    /// Call after LoadMethod; operand as CallFunction.
    CallMethod(u32),
    /// Like CallFunction; bit 0 of `flags` = *args on stack, bit 1 = **kw.
    CallFunctionVarKw(u32, u8),
    MakeFunction(u32),
    MakeClosure(u32),
    BuildClass,
    PrintItem,
    PrintItemTo,
    PrintNewline,
    PrintNewlineTo,
    RaiseVarargs(u32),
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    ExecStmt,
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
}

/// Code flags (same meanings as CPython's CO_*).
pub const CO_VARARGS: u32 = 0x04;
pub const CO_VARKEYWORDS: u32 = 0x08;
pub const CO_NESTED: u32 = 0x10;
pub const CO_GENERATOR: u32 = 0x20;
/// The function's locals live in a dict (module and class bodies, exec).
pub const CO_NEWLOCALS: u32 = 0x02;
pub const CO_FUTURE_DIVISION: u32 = 0x2000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x4000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x8000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x10000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x20000;
/// The `from __future__` features a code object records.
pub const CO_FUTURE_MASK: u32 =
    CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS;

#[repr(C)]
pub struct CodeObj {
    pub cls: Value,
    pub name: Value,
    pub filename: Value,
    pub firstlineno: u32,
    pub argcount: u32,
    pub flags: u32,
    pub code: Vec<Instr>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    /// Interned strs for attribute, global and module-level names.
    pub names: Vec<Value>,
    pub varnames: Vec<Value>,
    pub cellvars: Vec<Value>,
    pub freevars: Vec<Value>,
    /// For each cell variable that is also an argument, its argument index.
    pub cell_args: Vec<Option<u32>>,
    pub docstring: Value,
}
unsafe impl Trace for CodeObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.name, self.filename, self.docstring]);
        t.values(&self.consts);
        t.values(&self.names);
        t.values(&self.varnames);
        t.values(&self.cellvars);
        t.values(&self.freevars);
    }
}
vmcore::gc_type!(CodeObj, "code");

impl CodeObj {
    pub fn name_str(&self) -> String {
        String::from_utf8_lossy(crate::objects::str::as_bytes(self.name).unwrap_or(b"?")).into_owned()
    }
    pub fn filename_str(&self) -> String {
        String::from_utf8_lossy(crate::objects::str::as_bytes(self.filename).unwrap_or(b"?")).into_owned()
    }
    pub fn is_generator(&self) -> bool {
        self.flags & CO_GENERATOR != 0
    }
    /// A listing for `--disasm`.
    pub fn disassemble(&self) -> String {
        let mut out = format!("Disassembly of <code {}> ({}:{}):\n", self.name_str(), self.filename_str(), self.firstlineno);
        let mut last = 0;
        for (i, ins) in self.code.iter().enumerate() {
            let line = self.lines[i];
            let l = if line != last { format!("{line:>4}") } else { "    ".into() };
            last = line;
            out.push_str(&format!("{l} {i:>5} {ins:?}\n"));
        }
        for c in &self.consts {
            if let Some(inner) = Gc::<CodeObj>::downcast(*c) {
                out.push('\n');
                out.push_str(&inner.disassemble());
            }
        }
        out
    }
}

pub fn new_code(c: CodeObj) -> Gc<CodeObj> {
    let mut c = c;
    c.cls = types::code();
    let consts = vmcore::gc::RootedVec::from_vec(std::mem::take(&mut c.consts));
    let g = alloc(c);
    unsafe { g.get_mut().consts = consts.into_vec() };
    g
}
