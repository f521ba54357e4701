//! The abstract syntax tree, shaped like CPython 2.7's `_ast` module
//! (Parser/Python.asdl).  Keeping the same node set and field order means
//! a compiler written against CPython's documentation maps 1:1 onto it,
//! and lets the test-suite compare our trees with `ast.dump()` output.
//!
//! Every statement and expression records `lineno`/`col_offset` exactly as
//! CPython computes them, quirks included (e.g. a multi-line string gets
//! the line where it *ends* and col_offset -1).

use num_bigint::BigInt;

pub type Ident = String;

/// Result of `parse_module`: the statements plus the `__future__` features
/// imported at the top of the module (CO_FUTURE_* bits, see `syntax::future`).
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub future_flags: u32,
}

/// Result of `parse_interactive` (CPython's 'single' mode).
#[derive(Debug, Clone, PartialEq)]
pub struct Interactive {
    pub body: Vec<Stmt>,
    pub future_flags: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub node: StmtKind,
    pub lineno: u32,
    pub col_offset: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    FunctionDef { name: Ident, args: Box<Arguments>, body: Vec<Stmt>, decorator_list: Vec<Expr> },
    ClassDef { name: Ident, bases: Vec<Expr>, body: Vec<Stmt>, decorator_list: Vec<Expr> },
    Return { value: Option<Expr> },
    Delete { targets: Vec<Expr> },
    Assign { targets: Vec<Expr>, value: Expr },
    AugAssign { target: Expr, op: Operator, value: Expr },
    Print { dest: Option<Expr>, values: Vec<Expr>, nl: bool },
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    With { context_expr: Expr, optional_vars: Option<Expr>, body: Vec<Stmt> },
    Raise { type_: Option<Expr>, inst: Option<Expr>, tback: Option<Expr> },
    TryExcept { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt> },
    TryFinally { body: Vec<Stmt>, finalbody: Vec<Stmt> },
    Assert { test: Expr, msg: Option<Expr> },
    Import { names: Vec<Alias> },
    ImportFrom { module: Option<Ident>, names: Vec<Alias>, level: u32 },
    Exec { body: Expr, globals: Option<Expr>, locals: Option<Expr> },
    Global { names: Vec<Ident> },
    Expr { value: Expr },
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub node: ExprKind,
    pub lineno: u32,
    pub col_offset: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    BoolOp { op: BoolOp, values: Vec<Expr> },
    BinOp { left: Box<Expr>, op: Operator, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    Dict { keys: Vec<Expr>, values: Vec<Expr> },
    Set { elts: Vec<Expr> },
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Yield { value: Option<Box<Expr>> },
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
        starargs: Option<Box<Expr>>,
        kwargs: Option<Box<Expr>>,
    },
    Repr { value: Box<Expr> },
    Num { n: Num },
    Str { s: Str },
    Attribute { value: Box<Expr>, attr: Ident, ctx: ExprContext },
    Subscript { value: Box<Expr>, slice: Box<Slice>, ctx: ExprContext },
    Name { id: Ident, ctx: ExprContext },
    List { elts: Vec<Expr>, ctx: ExprContext },
    Tuple { elts: Vec<Expr>, ctx: ExprContext },
}

/// Numeric literal.  Python 2 has two integer types: `int` (a C long) and
/// `long` (unbounded).  A literal becomes `long` when it has an `L` suffix
/// or does not fit in 64 bits.
#[derive(Debug, Clone, PartialEq)]
pub enum Num {
    Int(i64),
    Long(BigInt),
    Float(f64),
    /// Imaginary literal `3j`; the value is the imaginary part.  (A folded
    /// `-3j` keeps real part +0.0, which is what CPython does too.)
    Complex(f64),
}

/// String literal.  Byte strings are raw bytes (in the source encoding);
/// unicode strings are code points, *not* a Rust `String`, because Python 2
/// unicode objects may hold lone surrogates such as u'\ud800'.
#[derive(Debug, Clone, PartialEq)]
pub enum Str {
    Bytes(Vec<u8>),
    Unicode(Vec<u32>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
    AugLoad,
    AugStore,
    Param,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Slice {
    Ellipsis,
    Slice { lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr> },
    ExtSlice { dims: Vec<Slice> },
    Index { value: Expr },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Expr>,
    pub name: Option<Expr>,
    pub body: Vec<Stmt>,
    pub lineno: u32,
    pub col_offset: i32,
}

/// Formal parameters.  `args` holds `Name(ctx=Param)` nodes, or `Tuple`
/// patterns (ctx=Store) for Python 2's `def f(a, (b, c)):`.
#[derive(Debug, Clone, PartialEq)]
pub struct Arguments {
    pub args: Vec<Expr>,
    pub vararg: Option<Ident>,
    pub kwarg: Option<Ident>,
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Ident,
    pub value: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: Ident,
    pub asname: Option<Ident>,
}

impl Expr {
    pub fn new(node: ExprKind, lineno: u32, col_offset: i32) -> Expr {
        Expr { node, lineno, col_offset }
    }
}

impl Stmt {
    pub fn new(node: StmtKind, lineno: u32, col_offset: i32) -> Stmt {
        Stmt { node, lineno, col_offset }
    }
}
