//! `from __future__ import ...` handling.
//!
//! Two different rules, both copied from CPython 2.7:
//! * the *parser* (parser.c's future_hack) switches `print` to a name and
//!   string literals to unicode as soon as it sees such an import,
//!   wherever it is;
//! * the *compiler* (future.c) only honours imports at the very top of the
//!   module (after the docstring) and rejects misplaced or unknown ones.

use super::ast::{Module, Stmt, StmtKind};
use super::errors::{ErrorKind, SyntaxError};
use super::tokens::{Tok, Token};

pub const CO_NESTED: u32 = 0x0010;
pub const CO_GENERATOR_ALLOWED: u32 = 0x1000;
pub const CO_FUTURE_DIVISION: u32 = 0x2000;
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x4000;
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x8000;
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x10000;
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x20000;

pub fn feature_flag(name: &str) -> Option<u32> {
    Some(match name {
        "nested_scopes" => CO_NESTED,
        "generators" => CO_GENERATOR_ALLOWED,
        "division" => CO_FUTURE_DIVISION,
        "absolute_import" => CO_FUTURE_ABSOLUTE_IMPORT,
        "with_statement" => CO_FUTURE_WITH_STATEMENT,
        "print_function" => CO_FUTURE_PRINT_FUNCTION,
        "unicode_literals" => CO_FUTURE_UNICODE_LITERALS,
        _ => return None,
    })
}

/// The parser's view: scans the token stream for `from __future__ import`
/// statements, turns later `print` keywords into names when print_function
/// is on, and returns the flags seen (unicode_literals applies to the
/// whole file, as in CPython, because ast.c reads the final flags).
pub fn apply_parser_flags(tokens: &mut [Token], inherited: u32) -> u32 {
    let mut flags = inherited;
    let mut i = 0;
    let mut stmt_start = true;
    while i < tokens.len() {
        if flags & CO_FUTURE_PRINT_FUNCTION != 0 && tokens[i].tok == Tok::Print {
            tokens[i].tok = Tok::Name("print".into());
        }
        let at_start = stmt_start;
        stmt_start = matches!(tokens[i].tok, Tok::Newline | Tok::Semi | Tok::Indent | Tok::Dedent);
        if at_start && tokens[i].tok == Tok::From {
            let is_future = matches!(tokens.get(i + 1).map(|t| &t.tok), Some(Tok::Name(n)) if n == "__future__")
                && tokens.get(i + 2).map(|t| &t.tok) == Some(&Tok::Import);
            if is_future {
                let mut j = i + 3;
                let mut found = 0;
                let mut expect_name = true;
                while let Some(t) = tokens.get(j) {
                    match &t.tok {
                        Tok::Name(n) if expect_name => {
                            found |= feature_flag(n).unwrap_or(0)
                                & (CO_FUTURE_PRINT_FUNCTION | CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_WITH_STATEMENT);
                            expect_name = false;
                        }
                        Tok::As => {
                            j += 1; // skip the alias
                        }
                        Tok::Comma => expect_name = true,
                        Tok::LPar => {}
                        _ => break,
                    }
                    j += 1;
                }
                // Takes effect from the token after the statement.
                for t in tokens[i..j].iter_mut() {
                    if t.tok == Tok::Print && flags & CO_FUTURE_PRINT_FUNCTION != 0 {
                        t.tok = Tok::Name("print".into());
                    }
                }
                flags |= found;
                i = j;
                stmt_start = false;
                continue;
            }
        }
        i += 1;
    }
    flags
}

fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.node, StmtKind::Expr { value } if matches!(value.node, super::ast::ExprKind::Str { .. }))
}

/// The compiler's view (future.c): flags of the `__future__` imports at the
/// top of the module.  Errors for unknown features and misplaced imports
/// are what `compile()` raises; the parser itself does not raise them.
pub fn check_future(body: &[Stmt], filename: &str, src_lines: Option<&[u8]>) -> Result<u32, SyntaxError> {
    let mut flags = 0;
    let mut done = false;
    for (idx, s) in body.iter().enumerate() {
        if idx == 0 && is_docstring(s) {
            continue;
        }
        if let StmtKind::ImportFrom { module: Some(m), names, level: 0 } = &s.node {
            if m == "__future__" {
                let err = |msg: String| SyntaxError {
                    kind: ErrorKind::Syntax,
                    msg,
                    filename: filename.to_string(),
                    lineno: s.lineno as usize,
                    offset: None,
                    text: src_lines.and_then(|src| {
                        src.split(|&c| c == b'\n').nth((s.lineno as usize).saturating_sub(1)).map(|l| {
                            let l = String::from_utf8_lossy(l);
                            format!("{}\n", l.trim_start_matches([' ', '\t', '\x0c']))
                        })
                    }),
                    incomplete: false,
                };
                if done {
                    return Err(err("from __future__ imports must occur at the beginning of the file".into()));
                }
                for a in names {
                    match feature_flag(&a.name) {
                        Some(f) => flags |= f,
                        None if a.name == "braces" => return Err(err("not a chance".into())),
                        None => return Err(err(format!("future feature {} is not defined", a.name))),
                    }
                }
                continue;
            }
        }
        done = true;
    }
    Ok(flags)
}

/// Flags of the well-placed future imports, ignoring errors.
pub fn module_flags(m: &Module) -> u32 {
    let mut flags = 0;
    for (idx, s) in m.body.iter().enumerate() {
        if idx == 0 && is_docstring(s) {
            continue;
        }
        match &s.node {
            StmtKind::ImportFrom { module: Some(md), names, level: 0 } if md == "__future__" => {
                for a in names {
                    flags |= feature_flag(&a.name).unwrap_or(0);
                }
            }
            _ => break,
        }
    }
    flags
}
