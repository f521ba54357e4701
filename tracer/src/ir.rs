//! The trace IR: what a recorded trace is made of.
//!
//! A trace is a straight line of instructions (with side exits) that ends by
//! jumping back to its own label (a loop) or by leaving through `finish`.
//! Instructions live in one flat `Vec`; an instruction's result is named by
//! its index (`v7`). Constants live in a separate pool and are named by refs
//! with the top bit set (printed `#42`), so "is this a constant?" is one bit
//! test. Every value is one machine word: an integer, a pointer, a tagged
//! `vmcore::Value`, or the bits of an `f64` for the float operations.
//!
//! The IR is SSA and knows no language: a frontend's handlers produce these
//! operations through the [`crate::Mode`] trait, and the optimizer and the
//! backend only ever see this file's types.
//!
//! Guards carry a [`Snapshot`]: where the interpreter resumes (a green key)
//! and which frame slots must be written back, with which values, when the
//! guard fails. The text form (see [`Trace::to_text`] and [`Trace::parse`])
//! is what `VMBENCH_JITLOG` shows and what the optimizer tests are written in:
//!
//! ```text
//! v0 = input #0
//! label v0
//! v2 = int_add v0, #1
//! v3 = uint_lt v2, #100
//! guard_true v3 [0:7 | 0=v0]
//! jump v2
//! ```

use std::fmt::Write as _;

/// A reference to an instruction result (`v3`) or a pool constant (`#3`).
pub type Ref = u32;
/// Refs with this bit set index the constant pool.
pub const CONST_BIT: u32 = 1 << 31;

/// Does this ref name a constant?
#[inline]
pub fn is_const(r: Ref) -> bool {
    r & CONST_BIT != 0
}

/// What a call may do; the optimizer reads this to know what it may move or drop.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// No side effects, result depends only on arguments: may be folded, CSE'd, removed.
    Pure,
    /// Reads the heap but writes nothing: may be removed if unused.
    Reads,
    /// May write the heap: flushes the heap cache.
    Writes,
    /// May write the heap and may raise (returns 0 then; follow it with `guard_no_exception`).
    Raises,
}

macro_rules! opcodes {
    ($($name:ident = $text:literal, $nargs:expr, $flags:expr;)*) => {
        /// One operation. The table below gives its text name, argument count
        /// (-1: variable) and flags.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Op { $($name,)* }
        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];
            pub fn name(self) -> &'static str { match self { $(Op::$name => $text,)* } }
            pub fn nargs(self) -> i32 { match self { $(Op::$name => $nargs,)* } }
            fn flags(self) -> u8 { match self { $(Op::$name => $flags,)* } }
        }
    };
}

const PURE: u8 = 1; // no effect, result depends only on arguments
const VALUE: u8 = 2; // produces a result
const GUARD: u8 = 4; // may leave the trace; carries a snapshot
const EFFECT: u8 = 8; // writes memory or calls out
const PV: u8 = PURE | VALUE;

opcodes! {
    // Frame slot `#i` as the trace starts (the virtualizable frame).
    Input = "input", 1, VALUE;
    // Integer arithmetic (wrapping, 64-bit).
    IntAdd = "int_add", 2, PV;
    IntSub = "int_sub", 2, PV;
    IntMul = "int_mul", 2, PV;
    IntAnd = "int_and", 2, PV;
    IntOr = "int_or", 2, PV;
    IntXor = "int_xor", 2, PV;
    IntShl = "int_shl", 2, PV;
    IntSar = "int_sar", 2, PV;
    IntNeg = "int_neg", 1, PV;
    // Overflow-checked: the result, immediately followed by `guard_no_overflow`.
    IntAddOvf = "int_add_ovf", 2, VALUE;
    IntSubOvf = "int_sub_ovf", 2, VALUE;
    IntMulOvf = "int_mul_ovf", 2, VALUE;
    // Comparisons give 0 or 1.
    IntEq = "int_eq", 2, PV;
    IntNe = "int_ne", 2, PV;
    IntLt = "int_lt", 2, PV;
    IntLe = "int_le", 2, PV;
    IntGt = "int_gt", 2, PV;
    IntGe = "int_ge", 2, PV;
    UintLt = "uint_lt", 2, PV;
    // Floats (operands and results are f64 bit patterns).
    FloatAdd = "float_add", 2, PV;
    FloatSub = "float_sub", 2, PV;
    FloatMul = "float_mul", 2, PV;
    FloatDiv = "float_div", 2, PV;
    FloatLt = "float_lt", 2, PV;
    FloatEq = "float_eq", 2, PV;
    IntToFloat = "int_to_float", 1, PV;
    FloatToInt = "float_to_int", 1, PV;
    // Guards: leave the trace through the snapshot unless the condition holds.
    GuardTrue = "guard_true", 1, GUARD;
    GuardFalse = "guard_false", 1, GUARD;
    GuardValue = "guard_value", 2, GUARD;
    // Object header word (offset 0) equals the class constant.
    GuardClass = "guard_class", 2, GUARD;
    GuardNoOverflow = "guard_no_overflow", 0, GUARD;
    // Fails when the call result is 0 (the "exception pending" sentinel).
    GuardNoException = "guard_no_exception", 1, GUARD;
    // Fails when the word at the constant address is non-zero (an invalidation flag).
    GuardNotInvalidated = "guard_not_invalidated", 1, GUARD;
    // Memory: word field at base + #offset; byte / word array element at base + index.
    GetField = "getfield", 2, VALUE;
    SetField = "setfield", 3, EFFECT;
    GetByte = "getbyte", 2, VALUE;
    SetByte = "setbyte", 3, EFFECT;
    GetItem = "getitem", 2, VALUE;
    SetItem = "setitem", 3, EFFECT;
    // Allocation through the frontend's allocator helper: new #alloc_fn, #size.
    New = "new", 2, VALUE | EFFECT;
    // Calls: first arg is the function address (a constant), then up to 4 args.
    CallPure = "call_pure", -1, PV;
    CallReads = "call_r", -1, VALUE;
    Call = "call", -1, VALUE | EFFECT;
    CallRaises = "call_may_raise", -1, VALUE | EFFECT;
    // Control.
    Label = "label", -1, 0;
    Jump = "jump", -1, 0;
    Finish = "finish", 0, GUARD;
}

impl Op {
    pub fn is_pure(self) -> bool {
        self.flags() & PURE != 0
    }
    pub fn has_value(self) -> bool {
        self.flags() & VALUE != 0
    }
    pub fn is_guard(self) -> bool {
        self.flags() & GUARD != 0
    }
    pub fn has_effect(self) -> bool {
        self.flags() & EFFECT != 0
    }
    pub fn is_call(self) -> bool {
        matches!(self, Op::CallPure | Op::CallReads | Op::Call | Op::CallRaises)
    }
    pub fn call_for(effect: Effect) -> Op {
        match effect {
            Effect::Pure => Op::CallPure,
            Effect::Reads => Op::CallReads,
            Effect::Writes => Op::Call,
            Effect::Raises => Op::CallRaises,
        }
    }
    pub fn from_name(s: &str) -> Option<Op> {
        Op::ALL.iter().copied().find(|o| o.name() == s)
    }
}

/// A program position chosen by the frontend (the same shape as `GreenKey`).
pub type Pos = crate::GreenKey;

/// Resume data: how to rebuild the interpreter state when a guard fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The micro-op at which the interpreter resumes.
    pub pos: Pos,
    /// Frame slots to write back: (slot index, value).
    pub slots: Vec<(u32, Ref)>,
}

/// One instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inst {
    pub op: Op,
    pub args: Vec<Ref>,
    /// Index into `Trace::snapshots` for guards; unused otherwise.
    pub snap: u32,
}

/// A trace: instructions, constant pool, snapshots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    pub insts: Vec<Inst>,
    pub consts: Vec<i64>,
    pub snapshots: Vec<Snapshot>,
}

impl Trace {
    pub fn new() -> Trace {
        Trace::default()
    }

    /// The ref of constant `c`, adding it to the pool if new.
    pub fn konst(&mut self, c: i64) -> Ref {
        match self.consts.iter().position(|&x| x == c) {
            Some(i) => i as u32 | CONST_BIT,
            None => {
                self.consts.push(c);
                (self.consts.len() as u32 - 1) | CONST_BIT
            }
        }
    }

    /// The value of a constant ref, or None for an instruction ref.
    pub fn const_of(&self, r: Ref) -> Option<i64> {
        if is_const(r) {
            self.consts.get((r & !CONST_BIT) as usize).copied()
        } else {
            None
        }
    }

    /// Appends an instruction; returns its ref.
    pub fn push(&mut self, op: Op, args: Vec<Ref>) -> Ref {
        self.insts.push(Inst { op, args, snap: 0 });
        self.insts.len() as u32 - 1
    }

    /// Appends a guard with its snapshot.
    pub fn push_guard(&mut self, op: Op, args: Vec<Ref>, snap: Snapshot) -> Ref {
        self.snapshots.push(snap);
        let s = self.snapshots.len() as u32 - 1;
        self.insts.push(Inst { op, args, snap: s });
        self.insts.len() as u32 - 1
    }

    /// Number of instructions with this opcode (handy in tests).
    pub fn count(&self, op: Op) -> usize {
        self.insts.iter().filter(|i| i.op == op).count()
    }

    fn fmt_ref(&self, r: Ref, out: &mut String) {
        match self.const_of(r) {
            Some(c) => {
                let _ = write!(out, "#{c}");
            }
            None if is_const(r) => out.push_str("#?"),
            None => {
                let _ = write!(out, "v{r}");
            }
        }
    }

    /// The text form, one instruction a line.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, inst) in self.insts.iter().enumerate() {
            if inst.op.has_value() {
                let _ = write!(out, "v{i} = ");
            }
            out.push_str(inst.op.name());
            for (k, &a) in inst.args.iter().enumerate() {
                out.push_str(if k == 0 { " " } else { ", " });
                self.fmt_ref(a, &mut out);
            }
            if inst.op.is_guard() {
                if let Some(s) = self.snapshots.get(inst.snap as usize) {
                    let _ = write!(out, " [{:x}:{} |", s.pos.code, s.pos.pc);
                    for &(slot, r) in &s.slots {
                        let _ = write!(out, " {slot}=");
                        self.fmt_ref(r, &mut out);
                    }
                    out.push(']');
                }
            }
            out.push('\n');
        }
        out
    }

    /// Parses the text form. Refs must name earlier instructions; `vN` is
    /// renumbered by position, so tests may leave gaps in their numbering.
    pub fn parse(text: &str) -> Result<Trace, String> {
        let mut t = Trace::new();
        let mut names: std::collections::HashMap<String, Ref> = Default::default();
        for (lineno, raw) in text.lines().enumerate() {
            let line = raw.split(';').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| format!("line {}: {m}: {raw}", lineno + 1);
            let (def, rest) = match line.split_once(" = ") {
                Some((d, r)) => (Some(d.trim().to_string()), r.trim()),
                None => (None, line),
            };
            let (body, snap) = match rest.split_once('[') {
                Some((b, s)) => (b.trim(), Some(s.trim_end_matches(']').trim())),
                None => (rest, None),
            };
            let (opname, argtext) = body.split_once(' ').unwrap_or((body, ""));
            let op = Op::from_name(opname).ok_or_else(|| err("unknown op"))?;
            let parse_ref = |s: &str, t: &mut Trace| -> Result<Ref, String> {
                let s = s.trim();
                if let Some(c) = s.strip_prefix('#') {
                    let v = if let Some(h) = c.strip_prefix("0x") {
                        i64::from_str_radix(h, 16)
                    } else {
                        c.parse::<i64>()
                    };
                    v.map(|v| t.konst(v)).map_err(|_| err("bad constant"))
                } else {
                    names.get(s).copied().ok_or_else(|| err("unknown value"))
                }
            };
            let mut args = Vec::new();
            for a in argtext.split(',').filter(|a| !a.trim().is_empty()) {
                args.push(parse_ref(a, &mut t)?);
            }
            if op.nargs() >= 0 && args.len() != op.nargs() as usize {
                return Err(err("wrong number of arguments"));
            }
            let r = if op.is_guard() {
                let s = snap.ok_or_else(|| err("guard without snapshot"))?;
                let (pos, slots) = s.split_once('|').unwrap_or((s, ""));
                let (code, pc) = pos.trim().split_once(':').ok_or_else(|| err("bad position"))?;
                let code = usize::from_str_radix(code.trim(), 16).map_err(|_| err("bad position"))?;
                let pc = pc.trim().parse::<u32>().map_err(|_| err("bad position"))?;
                let mut sl = Vec::new();
                for item in slots.split_whitespace() {
                    let (k, v) = item.split_once('=').ok_or_else(|| err("bad slot"))?;
                    let k = k.parse::<u32>().map_err(|_| err("bad slot"))?;
                    sl.push((k, parse_ref(v, &mut t)?));
                }
                t.push_guard(op, args, Snapshot { pos: Pos { code, pc }, slots: sl })
            } else {
                t.push(op, args)
            };
            if let Some(d) = def {
                names.insert(d, r);
            }
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips() {
        let src = "v0 = input #0\nlabel v0\nv2 = int_add v0, #1\nv3 = uint_lt v2, #100\n\
                   guard_true v3 [0:7 | 0=v0]\nv5 = getbyte #4096, v2\nsetbyte #4096, v2, v5\njump v2\n";
        let t = Trace::parse(src).unwrap();
        assert_eq!(t.to_text(), src);
    }

    #[test]
    fn parse_errors_are_values() {
        assert!(Trace::parse("v0 = frob #1").is_err());
        assert!(Trace::parse("v0 = int_add v9, #1").is_err());
        assert!(Trace::parse("guard_true #1").is_err());
    }
}
