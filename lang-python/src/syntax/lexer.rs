//! Tokenizer.  Two layers:
//!
//! * `Raw` is a logos-generated scanner for the context-free lexemes
//!   (names, numbers, operators, comments, the start of a string).
//! * `tokenize` is the hand-written layer that knows about lines: it
//!   turns leading whitespace into INDENT/DEDENT, drops blank lines and
//!   newlines inside brackets, handles backslash continuations and scans
//!   string bodies (which may span lines).
//!
//! It mirrors CPython 2.7's Parser/tokenizer.c closely enough that error
//! positions agree.  The whole file is tokenized up front; a tokenizer
//! error becomes a final `Tok::Error` token, so it is only reported if the
//! parser gets that far (CPython's tokenizer is lazy, and an earlier
//! syntax error wins).

use logos::Logos;

use super::errors::{ErrorKind, SyntaxError};
use super::tokens::{keyword, Tok, Token};

#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(utf8 = false)]
enum Raw {
    #[regex(r"[ \t\x0c]+")]
    Space,
    #[regex(r"#[^\n]*", allow_greedy = true)]
    Comment,
    #[token("\n")]
    Newline,
    #[token("\\\n")]
    Continuation,
    #[token("\\")]
    Backslash,
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Name,
    // Only b/u may come first and r last: `rb''` is a name then a string.
    #[regex(r#"[bBuU]?[rR]?['"]"#)]
    StrStart,
    #[regex(r"[1-9][0-9]*[lL]?")]
    #[regex(r"0[0-7]*[lL]?")]
    #[regex(r"0[xX][0-9a-fA-F]+[lL]?")]
    #[regex(r"0[oO][0-7]+[lL]?")]
    #[regex(r"0[bB][01]+[lL]?")]
    #[regex(r"[0-9]+\.[0-9]*([eE][+-]?[0-9]+)?[jJ]?")]
    #[regex(r"\.[0-9]+([eE][+-]?[0-9]+)?[jJ]?")]
    #[regex(r"[0-9]+[eE][+-]?[0-9]+[jJ]?")]
    #[regex(r"[0-9]+[jJ]")]
    Number,
    // Prefixes CPython's number scanner rejects with "invalid token".
    #[regex(r"0[xXoObB]")]
    #[regex(r"0[0-7]*[89][0-9]*")]
    #[regex(r"[0-9]+(\.[0-9]*)?[eE][+-]")]
    #[regex(r"\.[0-9]+[eE][+-]")]
    BadNumber,
    #[token("(")] LPar,
    #[token(")")] RPar,
    #[token("[")] LSqb,
    #[token("]")] RSqb,
    #[token("{")] LBrace,
    #[token("}")] RBrace,
    #[token(":")] Colon,
    #[token(",")] Comma,
    #[token(";")] Semi,
    #[token("+")] Plus,
    #[token("-")] Minus,
    #[token("*")] Star,
    #[token("/")] Slash,
    #[token("|")] VBar,
    #[token("&")] Amper,
    #[token("<")] Less,
    #[token(">")] Greater,
    #[token("=")] Equal,
    #[token(".")] Dot,
    #[token("%")] Percent,
    #[token("`")] Backquote,
    #[token("==")] EqEqual,
    #[token("!=")]
    #[token("<>")]
    NotEqual,
    #[token("<=")] LessEqual,
    #[token(">=")] GreaterEqual,
    #[token("~")] Tilde,
    #[token("^")] Circumflex,
    #[token("<<")] LeftShift,
    #[token(">>")] RightShift,
    #[token("**")] DoubleStar,
    #[token("+=")] PlusEqual,
    #[token("-=")] MinEqual,
    #[token("*=")] StarEqual,
    #[token("/=")] SlashEqual,
    #[token("%=")] PercentEqual,
    #[token("&=")] AmperEqual,
    #[token("|=")] VBarEqual,
    #[token("^=")] CircumflexEqual,
    #[token("<<=")] LeftShiftEqual,
    #[token(">>=")] RightShiftEqual,
    #[token("**=")] DoubleStarEqual,
    #[token("//")] DoubleSlash,
    #[token("//=")] DoubleSlashEqual,
    #[token("@")] At,
}

fn op_tok(r: Raw) -> Tok {
    use Raw as R;
    match r {
        R::LPar => Tok::LPar,
        R::RPar => Tok::RPar,
        R::LSqb => Tok::LSqb,
        R::RSqb => Tok::RSqb,
        R::LBrace => Tok::LBrace,
        R::RBrace => Tok::RBrace,
        R::Colon => Tok::Colon,
        R::Comma => Tok::Comma,
        R::Semi => Tok::Semi,
        R::Plus => Tok::Plus,
        R::Minus => Tok::Minus,
        R::Star => Tok::Star,
        R::Slash => Tok::Slash,
        R::VBar => Tok::VBar,
        R::Amper => Tok::Amper,
        R::Less => Tok::Less,
        R::Greater => Tok::Greater,
        R::Equal => Tok::Equal,
        R::Dot => Tok::Dot,
        R::Percent => Tok::Percent,
        R::Backquote => Tok::Backquote,
        R::EqEqual => Tok::EqEqual,
        R::NotEqual => Tok::NotEqual,
        R::LessEqual => Tok::LessEqual,
        R::GreaterEqual => Tok::GreaterEqual,
        R::Tilde => Tok::Tilde,
        R::Circumflex => Tok::Circumflex,
        R::LeftShift => Tok::LeftShift,
        R::RightShift => Tok::RightShift,
        R::DoubleStar => Tok::DoubleStar,
        R::PlusEqual => Tok::PlusEqual,
        R::MinEqual => Tok::MinEqual,
        R::StarEqual => Tok::StarEqual,
        R::SlashEqual => Tok::SlashEqual,
        R::PercentEqual => Tok::PercentEqual,
        R::AmperEqual => Tok::AmperEqual,
        R::VBarEqual => Tok::VBarEqual,
        R::CircumflexEqual => Tok::CircumflexEqual,
        R::LeftShiftEqual => Tok::LeftShiftEqual,
        R::RightShiftEqual => Tok::RightShiftEqual,
        R::DoubleStarEqual => Tok::DoubleStarEqual,
        R::DoubleSlash => Tok::DoubleSlash,
        R::DoubleSlashEqual => Tok::DoubleSlashEqual,
        R::At => Tok::At,
        _ => Tok::BadChar,
    }
}

/// CPython limits indentation nesting to 100 levels (MAXINDENT).
const MAX_INDENT: usize = 100;

struct Lexer<'s> {
    src: &'s [u8],
    filename: &'s str,
    prompt: bool,
    /// Bracket nesting depth (CPython's tok->level); newlines and
    /// indentation are ignored while it is positive.
    level: i32,
    pos: usize,
    /// Line number of the character at `pos` (1-based).
    line: u32,
    line_start: usize,
    /// CPython's tok->buf: start of the line most recently read *between*
    /// tokens.  Lines read while scanning a multi-line string do not move
    /// it, so errors just after such a string show all of its lines.
    buf_start: usize,
    tokens: Vec<Token>,
}

/// End of the physical line containing byte `p` (just past its '\n').
pub fn line_end(src: &[u8], p: usize) -> usize {
    match src[p.min(src.len())..].iter().position(|&c| c == b'\n') {
        Some(i) => p + i + 1,
        None => src.len(),
    }
}

impl<'s> Lexer<'s> {
    fn push(&mut self, tok: Tok, start: usize, end: usize, buf: usize, start_line: u32) {
        let col = if start_line == self.line { (start - self.line_start) as i32 } else { -1 };
        let at_eof = end == self.src.len() && !matches!(tok, Tok::Newline | Tok::Str) && end > start;
        self.tokens.push(Token { tok, lineno: self.line, col, start, end, buf, at_eof });
    }

    /// Builds a tokenizer error the way parsetok.c does: offset is the
    /// distance from the start of the token's line to the scan position,
    /// text runs from there to the end of the current line.
    fn error(&self, kind: ErrorKind, msg: &str, buf: usize, cur: usize, inp: usize) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.to_string(),
            filename: self.filename.to_string(),
            lineno: self.line as usize,
            offset: Some(cur - buf),
            text: Some(String::from_utf8_lossy(&self.src[buf..inp]).into_owned()),
            incomplete: false,
        }
    }

    fn string_newline(&mut self, at: usize) {
        self.line += 1;
        self.line_start = at + 1;
    }

    fn newline_passed(&mut self, at: usize) {
        self.line += 1;
        self.line_start = at + 1;
        self.buf_start = at + 1;
    }

    /// Scans a string body starting after the opening quote(s).  Returns
    /// the end offset, or an error.
    fn scan_string(&mut self, quote: u8, body: usize, buf: usize) -> Result<usize, SyntaxError> {
        let src = self.src;
        let triple = src.get(body) == Some(&quote) && src.get(body + 1) == Some(&quote);
        if !triple && src.get(body) == Some(&quote) {
            return Ok(body + 1); // empty string ''
        }
        let mut p = if triple { body + 2 } else { body };
        let mut run = 0; // consecutive closing quotes seen (triple strings)
        loop {
            let c = match src.get(p) {
                Some(&c) => c,
                None => {
                    let (msg, off) = if triple {
                        ("EOF while scanning triple-quoted string literal", src.len())
                    } else {
                        ("EOL while scanning string literal", src.len())
                    };
                    let mut e = self.error(ErrorKind::Syntax, msg, buf, off, src.len());
                    // The line counter already moved past the final '\n'.
                    if src.last() == Some(&b'\n') {
                        e.lineno -= 1;
                    }
                    e.incomplete = triple;
                    return Err(e);
                }
            };
            p += 1;
            if c == quote {
                if !triple {
                    return Ok(p);
                }
                run += 1;
                if run == 3 {
                    return Ok(p);
                }
                continue;
            }
            run = 0;
            if c == b'\n' {
                if !triple {
                    let inp = p;
                    return Err(self.error(ErrorKind::Syntax, "EOL while scanning string literal", buf, p - 1, inp));
                }
                self.string_newline(p - 1);
            } else if c == b'\\' {
                match src.get(p) {
                    Some(b'\n') => {
                        self.string_newline(p);
                        p += 1;
                    }
                    Some(_) => p += 1,
                    None => {}
                }
            }
        }
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let src = self.src;
        let mut indstack: Vec<usize> = vec![0];
        let mut atbol = true;
        loop {
            if atbol {
                atbol = false;
                let mut col = 0usize;
                let mut p = self.pos;
                while let Some(&c) = src.get(p) {
                    match c {
                        b' ' => col += 1,
                        b'\t' => col = (col / 8 + 1) * 8,
                        b'\x0c' => col = 0,
                        _ => break,
                    }
                    p += 1;
                }
                let c = src.get(p).copied();
                let blank = match c {
                    Some(b'#') => true,
                    // A totally empty line ends a compound statement at the
                    // interactive prompt, so it is not skipped there.
                    Some(b'\n') => !(self.prompt && col == 0),
                    _ => false,
                };
                if blank {
                    let e = line_end(src, p);
                    if e > p && src[e - 1] == b'\n' {
                        self.newline_passed(e - 1);
                    }
                    self.pos = e;
                    atbol = true;
                    if e >= src.len() {
                        break;
                    }
                    continue;
                }
                if c.is_none() {
                    self.pos = p;
                    break;
                }
                if self.level == 0 {
                    let top = *indstack.last().unwrap();
                    if col > top {
                        if indstack.len() >= MAX_INDENT {
                            let inp = line_end(src, p);
                            return Err(self.error(
                                ErrorKind::Indentation,
                                "too many levels of indentation",
                                self.line_start,
                                inp,
                                inp,
                            ));
                        }
                        indstack.push(col);
                        let ls = self.line_start;
                        self.push(Tok::Indent, p, p, ls, self.line);
                    } else if col < top {
                        if !indstack.contains(&col) {
                            let inp = line_end(src, p);
                            return Err(self.error(
                                ErrorKind::Indentation,
                                "unindent does not match any outer indentation level",
                                self.line_start,
                                inp,
                                inp,
                            ));
                        }
                        while col < *indstack.last().unwrap() {
                            indstack.pop();
                            let ls = self.line_start;
                            self.push(Tok::Dedent, p, p, ls, self.line);
                        }
                    }
                }
                self.pos = p;
            }
            if self.pos >= src.len() {
                break;
            }
            let start = self.pos;
            let buf = self.buf_start;
            let start_line = self.line;
            let mut lx = Raw::lexer(&src[start..]);
            let raw = lx.next();
            let len = lx.span().end.max(1);
            let end = start + len;
            match raw {
                Some(Ok(Raw::Space)) | Some(Ok(Raw::Comment)) => self.pos = end,
                Some(Ok(Raw::Newline)) => {
                    self.pos = end;
                    atbol = true;
                    if self.level <= 0 {
                        self.push(Tok::Newline, start, end, buf, start_line);
                    }
                    self.newline_passed(start);
                }
                Some(Ok(Raw::Continuation)) => {
                    self.pos = end;
                    self.newline_passed(start + 1);
                }
                Some(Ok(Raw::Backslash)) => {
                    let inp = line_end(src, start);
                    return Err(self.error(
                        ErrorKind::Syntax,
                        "unexpected character after line continuation character",
                        buf,
                        inp,
                        inp,
                    ));
                }
                Some(Ok(Raw::Name)) => {
                    let s = std::str::from_utf8(&src[start..end]).unwrap_or("");
                    let tok = keyword(s).unwrap_or_else(|| Tok::Name(s.to_string()));
                    self.pos = end;
                    self.push(tok, start, end, buf, start_line);
                }
                Some(Ok(Raw::StrStart)) => {
                    let quote = src[end - 1];
                    let e = self.scan_string(quote, end, buf)?;
                    self.pos = e;
                    self.push(Tok::Str, start, e, buf, start_line);
                }
                Some(Ok(Raw::Number)) => {
                    self.pos = end;
                    self.push(Tok::Number, start, end, buf, start_line);
                }
                Some(Ok(Raw::BadNumber)) => {
                    let inp = line_end(src, end.saturating_sub(1));
                    return Err(self.error(ErrorKind::Syntax, "invalid token", buf, end, inp));
                }
                Some(Ok(r)) => {
                    match r {
                        Raw::LPar | Raw::LSqb | Raw::LBrace => self.level += 1,
                        Raw::RPar | Raw::RSqb | Raw::RBrace => self.level -= 1,
                        _ => {}
                    }
                    self.pos = end;
                    self.push(op_tok(r), start, end, buf, start_line);
                }
                Some(Err(_)) | None => {
                    // A character no token starts with: CPython hands it to
                    // the parser as an operator it cannot use.
                    self.pos = start + 1;
                    self.push(Tok::BadChar, start, start + 1, buf, start_line);
                }
            }
        }
        Ok(())
    }
}

/// Tokenizes a prepared source.  Never fails: a tokenizer error becomes a
/// trailing `Tok::Error` token, returned together with the error.
///
/// `prompt` gives interactive-prompt behaviour: an empty line ends a
/// compound statement and nothing is implied at end of input.
pub fn tokenize(src: &[u8], filename: &str, prompt: bool) -> (Vec<Token>, Option<SyntaxError>) {
    let mut lx = Lexer { src, filename, prompt, level: 0, pos: 0, line: 1, line_start: 0, buf_start: 0, tokens: Vec::new() };
    let result = lx.run();
    // Position of everything generated at end of input: CPython reports
    // it on the last line read, with the whole line as text.
    let n = src.len();
    let (eof_line, eof_buf) = if n > 0 && src[n - 1] == b'\n' {
        let prev = src[..n - 1].iter().rposition(|&c| c == b'\n').map(|p| p + 1).unwrap_or(0);
        (lx.line.saturating_sub(1).max(1), prev)
    } else if n == 0 {
        (0, 0) // nothing was read at all
    } else {
        (lx.line, lx.line_start)
    };
    let eof_token = |tok: Tok| Token { tok, lineno: eof_line, col: 0, start: n, end: n, buf: eof_buf, at_eof: true };
    match result {
        Err(e) => {
            let p = lx.pos;
            lx.tokens.push(Token { tok: Tok::Error, lineno: lx.line, col: 0, start: p, end: p, buf: p, at_eof: false });
            (lx.tokens, Some(e))
        }
        Ok(()) => {
            // At the interactive prompt open blocks stay open and nothing
            // is implied: the parser then reports an incomplete statement.
            if !prompt {
                let depth = lx.tokens.iter().fold(0i64, |d, t| match t.tok {
                    Tok::Indent => d + 1,
                    Tok::Dedent => d - 1,
                    _ => d,
                });
                // The tokenizer closes open blocks at EOF (unless inside
                // brackets); then parsetok.c turns the first ENDMARKER into
                // an extra NEWLINE (so `x = 1 \<newline><EOF>` still ends
                // its statement) followed by any dedents still implied.
                let (before, after) = if lx.level == 0 { (depth.max(0), 0) } else { (0, depth.max(0)) };
                for _ in 0..before {
                    lx.tokens.push(eof_token(Tok::Dedent));
                }
                if !lx.tokens.is_empty() {
                    lx.tokens.push(eof_token(Tok::Newline));
                }
                for _ in 0..after {
                    lx.tokens.push(eof_token(Tok::Dedent));
                }
            }
            lx.tokens.push(eof_token(Tok::EndMarker));
            (lx.tokens, None)
        }
    }
}
