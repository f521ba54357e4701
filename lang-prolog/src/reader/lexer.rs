//! The tokenizer: characters to ISO Prolog tokens.
//!
//! It works on a `&[char]` slice with a cursor, so a stream reader can hand
//! it the buffered text and learn how far one clause went.

use num_bigint::BigInt as Int;
use num_traits::Num;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Atom(String),
    Var(String),
    Int(Int),
    Float(f64),
    Str(String),
    BackQ(String),
    Punct(&'static str), // ( ) [ ] { } , |
    OpenCT,              // '(' immediately after a name: functional notation
    End,
    Eof,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    /// Layout (whitespace/comments) came before this token.
    pub layout: bool,
    /// The name was written quoted (a quoted atom is never an operator prefix of a number).
    pub quoted: bool,
}

pub struct Lexer<'a> {
    pub s: &'a [char],
    pub pos: usize,
}

pub fn is_symbol_char(c: char) -> bool {
    "+-*/\\^<>=~:.?@#&$".contains(c)
}
pub fn is_alnum(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl<'a> Lexer<'a> {
    pub fn new(s: &'a [char], pos: usize) -> Self {
        Lexer { s, pos }
    }
    fn peek(&self) -> Option<char> {
        self.s.get(self.pos).copied()
    }
    fn peek_at(&self, k: usize) -> Option<char> {
        self.s.get(self.pos + k).copied()
    }

    /// Skips layout and comments; returns whether any was skipped.
    fn skip_layout(&mut self) -> Result<bool, String> {
        let start = self.pos;
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.pos += 1,
                Some('%') => {
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('/') if self.peek_at(1) == Some('*') => {
                    self.pos += 2;
                    loop {
                        match self.peek() {
                            None => return Err("unterminated block comment".into()),
                            Some('*') if self.peek_at(1) == Some('/') => {
                                self.pos += 2;
                                break;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => break,
            }
        }
        Ok(self.pos > start)
    }

    pub fn next(&mut self) -> Result<Token, String> {
        let layout = self.skip_layout()?;
        let mk = |tok, quoted| Ok(Token { tok, layout, quoted });
        let c = match self.peek() {
            None => return mk(Tok::Eof, false),
            Some(c) => c,
        };
        // end token: '.' followed by layout, '%' or end of input
        if c == '.' {
            match self.peek_at(1) {
                None => {
                    self.pos += 1;
                    return mk(Tok::End, false);
                }
                Some(d) if d.is_whitespace() || d == '%' => {
                    self.pos += 1;
                    return mk(Tok::End, false);
                }
                _ => {}
            }
        }
        if c.is_ascii_digit() {
            return mk(self.number()?, false);
        }
        if c == '_' || c.is_uppercase() {
            let st = self.pos;
            while self.peek().is_some_and(is_alnum) {
                self.pos += 1;
            }
            return mk(Tok::Var(self.s[st..self.pos].iter().collect()), false);
        }
        if c.is_alphabetic() {
            let st = self.pos;
            while self.peek().is_some_and(is_alnum) {
                self.pos += 1;
            }
            return mk(Tok::Atom(self.s[st..self.pos].iter().collect()), false);
        }
        if is_symbol_char(c) {
            let st = self.pos;
            while self.peek().is_some_and(is_symbol_char) {
                self.pos += 1;
            }
            return mk(Tok::Atom(self.s[st..self.pos].iter().collect()), false);
        }
        self.pos += 1;
        match c {
            '(' => mk(Tok::Punct("("), false),
            ')' => mk(Tok::Punct(")"), false),
            '[' => mk(Tok::Punct("["), false),
            ']' => mk(Tok::Punct("]"), false),
            '{' => mk(Tok::Punct("{"), false),
            '}' => mk(Tok::Punct("}"), false),
            ',' => mk(Tok::Punct(","), false),
            '|' => {
                if self.peek() == Some('|') {
                    self.pos += 1;
                    mk(Tok::Atom("||".into()), false)
                } else {
                    mk(Tok::Punct("|"), false)
                }
            }
            '!' => mk(Tok::Atom("!".into()), false),
            ';' => mk(Tok::Atom(";".into()), false),
            '\'' => mk(Tok::Atom(self.quoted('\'')?), true),
            '"' => mk(Tok::Str(self.quoted('"')?), false),
            '`' => mk(Tok::BackQ(self.quoted('`')?), false),
            _ => Err(format!("illegal character `{c}`")),
        }
    }

    /// Whether the next character is '(' with no layout before it.
    pub fn open_ct_follows(&self) -> bool {
        self.peek() == Some('(')
    }

    /// Body of a quoted item; the opening quote is consumed.
    fn quoted(&mut self, q: char) -> Result<String, String> {
        let mut out = String::new();
        loop {
            let c = self.peek().ok_or("unterminated quoted")?;
            self.pos += 1;
            if c == q {
                if self.peek() == Some(q) {
                    self.pos += 1;
                    out.push(q);
                    continue;
                }
                return Ok(out);
            }
            if c == '\\' {
                if let Some(e) = self.escape()? {
                    out.push(e);
                }
                continue;
            }
            if c == '\n' && q == '\'' {
                // ISO forbids a raw newline in a quoted atom; SWI accepts it. Accept.
            }
            out.push(c);
        }
    }

    /// After a backslash: the escaped character (None for a line continuation).
    fn escape(&mut self) -> Result<Option<char>, String> {
        let c = self.peek().ok_or("unterminated escape")?;
        self.pos += 1;
        Ok(Some(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'v' => '\x0b',
            'e' => '\x1b',
            's' => ' ',
            '0'..='7' => {
                let mut n = c.to_digit(8).unwrap();
                while let Some(d) = self.peek().and_then(|d| d.to_digit(8)) {
                    n = n * 8 + d;
                    self.pos += 1;
                }
                if self.peek() == Some('\\') {
                    self.pos += 1;
                }
                return char::from_u32(n).map(Some).ok_or_else(|| "bad escape".into());
            }
            'x' => {
                let mut n = 0u32;
                while let Some(d) = self.peek().and_then(|d| d.to_digit(16)) {
                    n = n.wrapping_mul(16).wrapping_add(d);
                    self.pos += 1;
                }
                if self.peek() == Some('\\') {
                    self.pos += 1;
                }
                return char::from_u32(n).map(Some).ok_or_else(|| "bad escape".into());
            }
            '\n' => return Ok(None),
            '\\' | '\'' | '"' | '`' => c,
            _ => return Err(format!("undefined escape sequence \\{c}")),
        }))
    }

    fn number(&mut self) -> Result<Tok, String> {
        let st = self.pos;
        if self.peek() == Some('0') {
            if let Some(k) = self.peek_at(1) {
                let radix = match k {
                    'x' => 16,
                    'o' => 8,
                    'b' => 2,
                    '\'' => 0,
                    _ => 1,
                };
                if radix == 0 {
                    // 0'c character code
                    self.pos += 2;
                    let c = self.peek().ok_or("unexpected end of file")?;
                    self.pos += 1;
                    if c == '\\' {
                        match self.escape()? {
                            Some(e) => return Ok(Tok::Int(Int::from(e as u32))),
                            None => return Err("bad 0' escape".into()),
                        }
                    }
                    if c == '\'' && self.peek() == Some('\'') {
                        self.pos += 1;
                    }
                    return Ok(Tok::Int(Int::from(c as u32)));
                }
                if radix > 1 && self.peek_at(2).is_some_and(|d| d.is_digit(radix)) {
                    self.pos += 2;
                    let ds = self.pos;
                    while self.peek().is_some_and(|d| d.is_digit(radix)) {
                        self.pos += 1;
                    }
                    let t: String = self.s[ds..self.pos].iter().collect();
                    return Ok(Tok::Int(Int::from_str_radix(&t, radix).map_err(|e| e.to_string())?));
                }
            }
        }
        while self.peek().is_some_and(|d| d.is_ascii_digit() || d == '_' && self.peek_at(1).is_some_and(|e| e.is_ascii_digit())) {
            self.pos += 1;
        }
        // radix notation R'digits
        if self.peek() == Some('\'') {
            let t: String = self.s[st..self.pos].iter().filter(|c| **c != '_').collect();
            if let Ok(r) = t.parse::<u32>() {
                if (2..=36).contains(&r) && self.peek_at(1).is_some_and(|d| d.is_digit(r)) {
                    self.pos += 1;
                    let ds = self.pos;
                    while self.peek().is_some_and(|d| d.is_digit(r)) {
                        self.pos += 1;
                    }
                    let t: String = self.s[ds..self.pos].iter().collect();
                    return Ok(Tok::Int(Int::from_str_radix(&t, r).map_err(|e| e.to_string())?));
                }
            }
        }
        let mut is_float = false;
        if self.peek() == Some('.') && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
            is_float = true;
            self.pos += 1;
            while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some('e') | Some('E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some('+') | Some('-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    self.pos += 1;
                }
                is_float = true;
            } else {
                self.pos = save;
            }
        }
        let t: String = self.s[st..self.pos].iter().filter(|c| **c != '_').collect();
        if is_float {
            t.parse::<f64>().map(Tok::Float).map_err(|e| e.to_string())
        } else {
            t.parse::<Int>().map(Tok::Int).map_err(|e| e.to_string())
        }
    }

    /// After an error: skip to just past the next end token (or the end).
    pub fn skip_to_end(&mut self) {
        loop {
            match self.next() {
                Ok(Token { tok: Tok::End, .. }) | Ok(Token { tok: Tok::Eof, .. }) => return,
                Ok(_) => {}
                Err(_) => {
                    if self.pos >= self.s.len() {
                        return;
                    }
                    self.pos += 1;
                }
            }
        }
    }
}
