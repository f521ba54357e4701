//! The operator table (op/3, current_op/3), shared by the reader and the writer.
//!
//! Why a table and not a grammar: Prolog syntax is user-extensible, so both
//! parsing and printing consult these priorities at run time.

use std::collections::HashMap;
use vmcore::object::symbol::intern;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OpType {
    Xfx,
    Xfy,
    Yfx,
    Fy,
    Fx,
    Xf,
    Yf,
}

impl OpType {
    pub fn parse(s: &str) -> Option<OpType> {
        Some(match s {
            "xfx" => OpType::Xfx,
            "xfy" => OpType::Xfy,
            "yfx" => OpType::Yfx,
            "fy" => OpType::Fy,
            "fx" => OpType::Fx,
            "xf" => OpType::Xf,
            "yf" => OpType::Yf,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            OpType::Xfx => "xfx",
            OpType::Xfy => "xfy",
            OpType::Yfx => "yfx",
            OpType::Fy => "fy",
            OpType::Fx => "fx",
            OpType::Xf => "xf",
            OpType::Yf => "yf",
        }
    }
    pub fn class(self) -> usize {
        match self {
            OpType::Xfx | OpType::Xfy | OpType::Yfx => 1,
            OpType::Fy | OpType::Fx => 0,
            OpType::Xf | OpType::Yf => 2,
        }
    }
    /// Maximum priorities of the (left, right) arguments for an operator of priority p.
    pub fn arg_max(self, p: u32) -> (u32, u32) {
        match self {
            OpType::Xfx => (p - 1, p - 1),
            OpType::Xfy => (p - 1, p),
            OpType::Yfx => (p, p - 1),
            OpType::Fy => (0, p),
            OpType::Fx => (0, p - 1),
            OpType::Xf => (p - 1, 0),
            OpType::Yf => (p, 0),
        }
    }
}

/// Per atom: prefix, infix, postfix definitions (index = OpType::class).
#[derive(Default, Clone)]
pub struct Ops {
    pub table: HashMap<u32, [Option<(u32, OpType)>; 3]>,
}

impl Ops {
    pub fn new() -> Ops {
        let mut o = Ops::default();
        let defs: &[(u32, &str, &[&str])] = &[
            (1200, "xfx", &[":-", "-->"]),
            (1200, "fx", &[":-", "?-"]),
            (1100, "xfy", &[";", "|"]),
            (1050, "xfy", &["->", "*->"]),
            (1000, "xfy", &[","]),
            (990, "xfx", &[":="]),
            (900, "fy", &["\\+"]),
            (700, "xfx", &["=", "\\=", "==", "\\==", "@<", "@>", "@=<", "@>=", "=..", "is", "=:=", "=\\=", "<", ">", "=<", ">=", ">:<", ":<", "as", "=@=", "\\=@="]),
            (600, "xfy", &[":"]),
            (500, "yfx", &["+", "-", "/\\", "\\/", "xor"]),
            (400, "yfx", &["*", "/", "//", "rem", "mod", "div", "<<", ">>", "divmod", "rdiv"]),
            (200, "xfx", &["**"]),
            (200, "xfy", &["^"]),
            (200, "fy", &["-", "+", "\\"]),
            (100, "yfx", &["."]),
            (1, "fx", &["$"]),
            (1150, "fx", &["dynamic", "discontiguous", "initialization", "module_transparent", "multifile", "public", "thread_local", "table"]),
        ];
        for (p, t, names) in defs {
            for n in names.iter() {
                o.add(intern(n), *p, OpType::parse(t).unwrap());
            }
        }
        o
    }
    pub fn add(&mut self, name: u32, p: u32, t: OpType) {
        let e = self.table.entry(name).or_default();
        // An atom cannot be both infix and postfix (ISO); the newer wins.
        if t.class() == 1 {
            e[2] = None;
        } else if t.class() == 2 {
            e[1] = None;
        }
        e[t.class()] = if p == 0 { None } else { Some((p, t)) };
    }
    #[inline]
    pub fn prefix(&self, name: u32) -> Option<(u32, OpType)> {
        self.table.get(&name).and_then(|e| e[0])
    }
    #[inline]
    pub fn infix(&self, name: u32) -> Option<(u32, OpType)> {
        self.table.get(&name).and_then(|e| e[1])
    }
    #[inline]
    pub fn postfix(&self, name: u32) -> Option<(u32, OpType)> {
        self.table.get(&name).and_then(|e| e[2])
    }
    pub fn is_op(&self, name: u32) -> bool {
        self.table.get(&name).map(|e| e.iter().any(|x| x.is_some())).unwrap_or(false)
    }
}
