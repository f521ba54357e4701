//! The one error type the front end produces.  It carries exactly the
//! attributes of CPython's SyntaxError instance (filename, lineno, offset,
//! text) so the interpreter can build a real exception object from it and
//! tracebacks look the same as CPython's.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// SyntaxError
    Syntax,
    /// IndentationError (a SyntaxError subclass)
    Indentation,
    /// TabError (an IndentationError subclass; only raised under `-tt`)
    Tab,
    /// CPython raises a plain ValueError for a bad `\x` escape in a byte
    /// string literal ("invalid \x escape"); we report it through the same
    /// channel and let the caller raise ValueError.
    Value,
    /// TypeError: source containing NUL bytes (what compile() raises).
    Type,
    /// MemoryError: nesting too deep for the parser (CPython: "s_push:
    /// parser stack overflow").  We also use it for absurdly long operator
    /// chains, which would make the recursive tree walks overflow.
    Memory,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: usize,
    /// 1-based column as CPython reports it; None for errors raised while
    /// building the AST (CPython sets offset=None there).
    pub offset: Option<usize>,
    pub text: Option<String>,
    /// True when the input merely ended too early (an interactive prompt
    /// should ask for more lines instead of reporting the error).
    pub incomplete: bool,
}

impl SyntaxError {
    /// The two lines CPython's traceback printer (pythonrun.c's
    /// print_error_text) shows under the `File "...", line N` header: the
    /// source line indented by four spaces and a caret under the offending
    /// column.  Without an offset (errors found after parsing) there is no
    /// caret.
    pub fn format_caret(&self) -> String {
        let Some(text) = &self.text else { return String::new() };
        let mut t: &str = text;
        let mut offset: isize = self.offset.map(|o| o as isize).unwrap_or(-1);
        if offset >= 0 {
            // An offset just past the final newline points at the newline.
            if offset > 0 && offset as usize == t.len() && t.ends_with('\n') {
                offset -= 1;
            }
            // Show only the line the offset falls in...
            while let Some(nl) = t.find('\n') {
                if nl as isize >= offset {
                    break;
                }
                offset -= (nl + 1) as isize;
                t = &t[nl + 1..];
            }
        }
        // ...without its indentation.
        let trimmed = t.trim_start_matches([' ', '\t']);
        if offset >= 0 {
            offset -= (t.len() - trimmed.len()) as isize;
        }
        t = trimmed;
        let mut out = format!("    {}", t);
        if !t.ends_with('\n') {
            out.push('\n');
        }
        if offset == -1 {
            return out;
        }
        out.push_str("    ");
        for _ in 1..offset.max(1) {
            out.push(' ');
        }
        out.push_str("^\n");
        out
    }

    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
            ErrorKind::Value => "ValueError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Memory => "MemoryError",
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({}, line {})", self.type_name(), self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}
