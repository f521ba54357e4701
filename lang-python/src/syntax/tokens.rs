//! Tokens handed from the lexer to the LALRPOP parser.
//!
//! The parser receives token *indices* as its locations, so every grammar
//! action can look up the full `Token` (line, column, byte span) of the
//! first token of the construct it builds: that is how CPython computes
//! node positions, too.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Name(String),
    /// Number literal; its text is fetched through the token span.
    Number,
    /// String literal (prefix and quotes included in the span).
    Str,
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// A character no token starts with (CPython passes it on as an
    /// operator the grammar cannot use: "invalid syntax").
    BadChar,
    /// Stands for a tokenizer error; the grammar never accepts it, so the
    /// parser stops there and we report the stored lexer error.
    Error,

    // keywords
    And, As, Assert, Break, Class, Continue, Def, Del, Elif, Else, Except,
    Exec, Finally, For, From, Global, If, Import, In, Is, Lambda, Not, Or,
    Pass, Print, Raise, Return, Try, While, With, Yield,

    // operators and delimiters
    LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus,
    Star, Slash, VBar, Amper, Less, Greater, Equal, Dot, Percent, Backquote,
    EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde, Circumflex, LeftShift,
    RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual, SlashEqual,
    PercentEqual, AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual,
    RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At,
}

/// A token with everything needed for AST positions and error reports.
#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    /// AST position: CPython uses the line where the token *ends* and the
    /// byte column of its start, or -1 if it started on an earlier line.
    pub lineno: u32,
    pub col: i32,
    /// Byte span in the (newline-normalised) source.
    pub start: usize,
    pub end: usize,
    /// Start of the physical line on which the token began: CPython's
    /// `tok->buf`, the origin for error offsets and error text.
    pub buf: usize,
    /// True for tokens generated after the end of input was seen.
    pub at_eof: bool,
}

pub fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "and" => Tok::And,
        "as" => Tok::As,
        "assert" => Tok::Assert,
        "break" => Tok::Break,
        "class" => Tok::Class,
        "continue" => Tok::Continue,
        "def" => Tok::Def,
        "del" => Tok::Del,
        "elif" => Tok::Elif,
        "else" => Tok::Else,
        "except" => Tok::Except,
        "exec" => Tok::Exec,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "from" => Tok::From,
        "global" => Tok::Global,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "is" => Tok::Is,
        "lambda" => Tok::Lambda,
        "not" => Tok::Not,
        "or" => Tok::Or,
        "pass" => Tok::Pass,
        "print" => Tok::Print,
        "raise" => Tok::Raise,
        "return" => Tok::Return,
        "try" => Tok::Try,
        "while" => Tok::While,
        "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}
