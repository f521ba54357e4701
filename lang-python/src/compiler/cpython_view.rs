//! CPython's view of a code object: `co_code`, `co_lnotab`, `co_stacksize`
//! and the byte offsets behind `f_lasti` / `tb_lasti`.
//!
//! We execute a `Vec<Instr>`, not a byte string. Programs that look at
//! `co_code` (the `dis` module, `inspect`, `modulefinder`) expect CPython
//! 2.7's encoding, so we translate: each instruction becomes the CPython
//! opcode with the same meaning (one byte, plus a two-byte little-endian
//! argument for opcodes that take one), jump targets become byte offsets.
//! Our two call-site specialisations have no CPython opcode and show as
//! what they replace (`LOAD_METHOD` as `LOAD_ATTR`, `CALL_METHOD` as
//! `CALL_FUNCTION`), so the stack effects a reader infers are off by the
//! one hidden slot they use; everything else lines up.

use super::code::{Cmp, CodeObj, Instr};
use crate::ops::{BinOp, CmpOp, UnaryOp};

const HAVE_ARGUMENT: u8 = 90;
const EXTENDED_ARG: u8 = 145;

/// How a jump operand is written: absolute byte offset, or relative to the
/// next instruction (CPython's `jrel` opcodes).
#[derive(PartialEq)]
enum Arg {
    None,
    Plain(u32),
    Abs(u32),
    Rel(u32),
}

fn binop_code(op: BinOp, inplace: bool) -> u8 {
    use BinOp::*;
    let (plain, inpl) = match op {
        Pow => (19, 67),
        Mul => (20, 57),
        Div => (21, 58),
        Mod => (22, 59),
        Add => (23, 55),
        Sub => (24, 56),
        FloorDiv => (26, 28),
        TrueDiv => (27, 29),
        LShift => (62, 75),
        RShift => (63, 76),
        And => (64, 77),
        Xor => (65, 78),
        Or => (66, 79),
    };
    if inplace { inpl } else { plain }
}

/// Index into CPython's `dis.cmp_op`.
fn cmp_index(c: Cmp) -> u32 {
    match c {
        Cmp::Rich(CmpOp::Lt) => 0,
        Cmp::Rich(CmpOp::Le) => 1,
        Cmp::Rich(CmpOp::Eq) => 2,
        Cmp::Rich(CmpOp::Ne) => 3,
        Cmp::Rich(CmpOp::Gt) => 4,
        Cmp::Rich(CmpOp::Ge) => 5,
        Cmp::In => 6,
        Cmp::NotIn => 7,
        Cmp::Is => 8,
        Cmp::IsNot => 9,
        Cmp::ExcMatch => 10,
    }
}

/// CPython 2.7 packs keyword counts in bits 8..16 of a call operand.
fn call_arg(n: u32) -> u32 {
    (n & 0xff) | ((n >> 16) & 0xff) << 8
}

fn encode(ins: Instr) -> (u8, Arg) {
    use Arg::*;
    use Instr::*;
    match ins {
        Nop => (9, None),
        LoadConst(i) => (100, Plain(i)),
        LoadFast(i) => (124, Plain(i)),
        StoreFast(i) => (125, Plain(i)),
        DeleteFast(i) => (126, Plain(i)),
        LoadName(i) => (101, Plain(i)),
        StoreName(i) => (90, Plain(i)),
        DeleteName(i) => (91, Plain(i)),
        LoadGlobal(i) => (116, Plain(i)),
        StoreGlobal(i) => (97, Plain(i)),
        DeleteGlobal(i) => (98, Plain(i)),
        LoadDeref(i) => (136, Plain(i)),
        StoreDeref(i) => (137, Plain(i)),
        LoadClosure(i) => (135, Plain(i)),
        LoadAttr(i) | LoadMethod(i) => (106, Plain(i)),
        StoreAttr(i) => (95, Plain(i)),
        DeleteAttr(i) => (96, Plain(i)),
        LoadLocals => (82, None),
        BinarySubscr => (25, None),
        StoreSubscr => (60, None),
        DeleteSubscr => (61, None),
        Binary(op) => (binop_code(op, false), None),
        Inplace(op) => (binop_code(op, true), None),
        Unary(UnaryOp::Pos) => (10, None),
        Unary(UnaryOp::Neg) => (11, None),
        Unary(UnaryOp::Not) => (12, None),
        Unary(UnaryOp::Invert) => (15, None),
        Convert => (13, None),
        PrintExpr => (70, None),
        Compare(c) => (107, Plain(cmp_index(c))),
        PopTop => (1, None),
        DupTop => (4, None),
        DupTopTwo => (99, Plain(2)),
        RotTwo => (2, None),
        RotThree => (3, None),
        RotFour => (5, None),
        BuildTuple(n) => (102, Plain(n)),
        BuildList(n) => (103, Plain(n)),
        BuildSet(n) => (104, Plain(n)),
        BuildMap(n) => (105, Plain(n)),
        StoreMap => (54, None),
        BuildSlice(n) => (133, Plain(n)),
        UnpackSequence(n) => (92, Plain(n)),
        Jump(t) => (113, Abs(t)),
        PopJumpIfFalse(t) => (114, Abs(t)),
        PopJumpIfTrue(t) => (115, Abs(t)),
        JumpIfFalseOrPop(t) => (111, Abs(t)),
        JumpIfTrueOrPop(t) => (112, Abs(t)),
        GetIter => (68, None),
        ForIter(t) => (93, Rel(t)),
        SetupLoop(t) => (120, Rel(t)),
        SetupExcept(t) => (121, Rel(t)),
        SetupFinally(t) => (122, Rel(t)),
        SetupWith(t) => (143, Rel(t)),
        PopBlock => (87, None),
        BreakLoop => (80, None),
        ContinueLoop(t) => (119, Abs(t)),
        EndFinally => (88, None),
        WithCleanup => (81, None),
        ReturnValue => (83, None),
        YieldValue => (86, None),
        CallFunction(n) | CallMethod(n) => (131, Plain(call_arg(n))),
        CallFunctionVarKw(n, flags) => (139 + flags, Plain(call_arg(n))),
        MakeFunction(n) => (132, Plain(n)),
        MakeClosure(n) => (134, Plain(n)),
        BuildClass => (89, None),
        PrintItem => (71, None),
        PrintItemTo => (73, None),
        PrintNewline => (72, None),
        PrintNewlineTo => (74, None),
        RaiseVarargs(n) => (130, Plain(n)),
        ImportName(i) => (108, Plain(i)),
        ImportFrom(i) => (109, Plain(i)),
        ImportStar => (84, None),
        ExecStmt => (85, None),
        ListAppend(n) => (94, Plain(n)),
        SetAdd(n) => (146, Plain(n)),
        MapAdd(n) => (147, Plain(n)),
    }
}

/// Encoded size of an instruction whose operand is `arg` (EXTENDED_ARG
/// prefix included).
fn size(op: u8, arg: u32) -> u32 {
    if op < HAVE_ARGUMENT {
        1
    } else if arg > 0xffff {
        6
    } else {
        3
    }
}

/// The byte offset of every instruction, plus the total length at the end.
/// Jump operands are byte offsets, which can need an EXTENDED_ARG only in
/// code over 64 KiB; sizes are computed from instruction indices scaled by
/// the widest encoding, so an offset never outgrows the size reserved for it.
pub fn offsets(code: &CodeObj) -> Vec<u32> {
    let big = code.code.len() * 6 > 0xffff;
    let mut out = Vec::with_capacity(code.code.len() + 1);
    let mut at = 0u32;
    for &ins in &code.code {
        out.push(at);
        let (op, arg) = encode(ins);
        at += match arg {
            Arg::None => 1,
            Arg::Plain(a) => size(op, a),
            Arg::Abs(_) | Arg::Rel(_) => if big { 6 } else { 3 },
        };
    }
    out.push(at);
    out
}

/// `co_code`.
pub fn co_code(code: &CodeObj) -> Vec<u8> {
    let offs = offsets(code);
    let mut out = Vec::with_capacity(*offs.last().unwrap_or(&0) as usize);
    for (i, &ins) in code.code.iter().enumerate() {
        let (op, arg) = encode(ins);
        let width = offs[i + 1] - offs[i];
        let a = match arg {
            Arg::None => {
                out.push(op);
                continue;
            }
            Arg::Plain(a) => a,
            Arg::Abs(t) => offs[t as usize],
            Arg::Rel(t) => offs[t as usize] - offs[i + 1],
        };
        if width == 6 {
            out.extend_from_slice(&[EXTENDED_ARG, (a >> 16) as u8, (a >> 24) as u8]);
        }
        out.extend_from_slice(&[op, a as u8, (a >> 8) as u8]);
    }
    out
}

/// `co_lnotab`: (byte increment, line increment) pairs from offset 0 and
/// `co_firstlineno`, each increment at most 255. Python 2's table cannot go
/// back a line, so instructions on an earlier line than the last entry are
/// attributed to it (CPython 2.7 does the same).
pub fn co_lnotab(code: &CodeObj) -> Vec<u8> {
    let offs = offsets(code);
    let mut out = Vec::new();
    let (mut last_off, mut last_line) = (0u32, code.firstlineno);
    for (i, &line) in code.lines.iter().enumerate() {
        if line <= last_line {
            continue;
        }
        let (mut db, mut dl) = (offs[i] - last_off, line - last_line);
        while db > 255 {
            out.extend_from_slice(&[255, 0]);
            db -= 255;
        }
        while dl > 255 {
            out.extend_from_slice(&[db as u8, 255]);
            db = 0;
            dl -= 255;
        }
        out.extend_from_slice(&[db as u8, dl as u8]);
        (last_off, last_line) = (offs[i], line);
    }
    out
}

/// Stack effect of `ins` on the fall-through path, and on its jump when it
/// branches (None when its target is not reached with a different depth).
fn effect(ins: Instr) -> (i32, Option<i32>) {
    use Instr::*;
    let calls = |n: u32| (n & 0xffff) as i32 + 2 * (n >> 16) as i32;
    match ins {
        Nop | LoadAttr(_) | Unary(_) | Convert | RotTwo | RotThree | RotFour | GetIter | PopBlock | BreakLoop | ContinueLoop(_) | Jump(_)
        | SetupLoop(_) | DeleteFast(_) | DeleteName(_) | DeleteGlobal(_) | PrintNewline | YieldValue => (0, None),
        LoadConst(_) | LoadFast(_) | LoadName(_) | LoadGlobal(_) | LoadDeref(_) | LoadClosure(_) | LoadLocals | LoadMethod(_) | DupTop
        | BuildMap(_) | ImportFrom(_) => (1, None),
        StoreFast(_) | StoreName(_) | StoreGlobal(_) | StoreDeref(_) | BinarySubscr | Binary(_) | Inplace(_) | PrintExpr | Compare(_)
        | PopTop | DeleteAttr(_) | PrintItem | PrintNewlineTo | ImportName(_) | ImportStar | ListAppend(_) | SetAdd(_) | EndFinally
        | WithCleanup | ReturnValue => (-1, None),
        StoreAttr(_) | DeleteSubscr | StoreMap | BuildClass | PrintItemTo | MapAdd(_) => (-2, None),
        StoreSubscr | ExecStmt => (-3, None),
        DupTopTwo => (2, None),
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildSlice(n) => (1 - n as i32, None),
        UnpackSequence(n) => (n as i32 - 1, None),
        PopJumpIfFalse(_) | PopJumpIfTrue(_) => (-1, Some(-1)),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => (-1, Some(0)),
        ForIter(_) => (1, Some(-1)),
        // A handler is entered with the exception's three values pushed.
        SetupExcept(_) | SetupFinally(_) => (0, Some(3)),
        SetupWith(_) => (1, Some(3)),
        RaiseVarargs(n) => (-(n as i32), None),
        CallFunction(n) => (-calls(n), None),
        CallMethod(n) => (-calls(n) - 1, None),
        CallFunctionVarKw(n, flags) => (-calls(n) - flags.count_ones() as i32, None),
        MakeFunction(n) => (-(n as i32), None),
        MakeClosure(n) => (-(n as i32) - 1, None),
    }
}

fn jump_target(ins: Instr) -> Option<u32> {
    use Instr::*;
    match ins {
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | ForIter(t) | SetupLoop(t)
        | SetupExcept(t) | SetupFinally(t) | SetupWith(t) | ContinueLoop(t) => Some(t),
        _ => None,
    }
}

/// `co_stacksize`: the deepest value stack any path through the code
/// reaches, found by following the branches. An exception handler is
/// modelled as entered with three values that END_FINALLY pops only on the
/// re-raise path (which does not fall through), so depths after a handler
/// can be overestimated; revisits are capped to keep that finite.
pub fn stack_size(code: &CodeObj) -> u32 {
    use Instr::*;
    let n = code.code.len();
    let mut seen: Vec<(i32, u8)> = vec![(i32::MIN, 0); n];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0i32;
    while let Some((mut pc, mut depth)) = work.pop() {
        while pc < n {
            let (d, visits) = seen[pc];
            if d >= depth || visits >= 3 {
                break;
            }
            seen[pc] = (depth, visits + 1);
            let ins = code.code[pc];
            let (fall, jump) = effect(ins);
            if let (Some(t), Some(j)) = (jump_target(ins), jump) {
                max = max.max(depth + j);
                work.push((t as usize, depth + j));
            }
            depth += fall;
            max = max.max(depth);
            match ins {
                Jump(t) | ContinueLoop(t) => pc = t as usize,
                ReturnValue | RaiseVarargs(_) | BreakLoop => break,
                _ => pc += 1,
            }
        }
    }
    max.max(0) as u32
}
