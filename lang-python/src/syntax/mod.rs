//! Python 2.7 front end: source bytes -> tokens -> AST.
//!
//! Pipeline: `source` (encoding, newlines) -> `lexer` (tokens with
//! CPython-compatible positions) -> `future` (print_function /
//! unicode_literals switch the token stream) -> the LALRPOP `grammar`,
//! whose actions use `builder` to create `ast` nodes.  Every failure is a
//! `SyntaxError` value carrying CPython's message and location.
//!
//! What is checked here is what CPython 2.7 checks while *parsing*
//! (tokenizer, grammar, Python/ast.c).  Checks CPython makes later are the
//! compiler's job: symtable.c ("duplicate argument 'x' in function
//! definition", "import * only allowed at module level", ...), compile.c
//! ("'yield' outside function", "'return' outside function") and future.c
//! (see `future::check_future`).

pub mod ast;
mod builder;
pub mod dump;
pub mod errors;
pub mod future;
pub mod lexer;
mod numbers;
pub mod source;
mod strings;
pub mod tokens;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused_parens, unused_variables, dead_code)]
    grammar,
    "/syntax/grammar.rs"
);

use std::cell::RefCell;

use lalrpop_util::ParseError;

pub use errors::{ErrorKind, SyntaxError};
pub use future::{
    CO_FUTURE_ABSOLUTE_IMPORT, CO_FUTURE_DIVISION, CO_FUTURE_PRINT_FUNCTION, CO_FUTURE_UNICODE_LITERALS,
    CO_FUTURE_WITH_STATEMENT, CO_GENERATOR_ALLOWED, CO_NESTED,
};

use builder::Ctx;
use tokens::{Tok, Token};

/// Extra flag (not a CPython CO_ bit): the source is a string given to
/// compile()/exec rather than a file, so, as in CPython, non-ASCII bytes
/// are accepted without a coding declaration.
pub const PYCF_STRING_INPUT: u32 = 0x0100_0000;

/// CPython's PyCF_DONT_IMPLY_DEDENT, used by `parse_interactive` to mean
/// "behave like the >>> prompt": a compound statement is complete only
/// after an empty line, and running out of input is reported as
/// `incomplete` instead of closing open blocks.
pub const PYCF_DONT_IMPLY_DEDENT: u32 = 0x0200;

/// Parses a module ('exec' mode).  `inherited_future_flags` are CO_FUTURE_*
/// bits already in effect (e.g. for exec/compile inside such a module).
pub fn parse_module(source: &[u8], filename: &str, inherited_future_flags: u32) -> Result<ast::Module, SyntaxError> {
    let body = run(source, filename, inherited_future_flags, Mode::Exec, |ctx, toks| {
        grammar::FileInputParser::new().parse(ctx, toks)
    })?;
    let mut m = ast::Module { body, future_flags: 0 };
    m.future_flags = future::module_flags(&m);
    Ok(m)
}

/// Parses an expression ('eval' mode).
pub fn parse_expression(source: &[u8], filename: &str, inherited_future_flags: u32) -> Result<ast::Expr, SyntaxError> {
    run(source, filename, inherited_future_flags, Mode::Eval, |ctx, toks| {
        grammar::EvalInputParser::new().parse(ctx, toks)
    })
}

/// Parses one interactive statement ('single' mode), like
/// compile(src, filename, 'single').  With PYCF_DONT_IMPLY_DEDENT in the
/// flags it behaves like the `>>>` prompt: a compound statement must be
/// closed by an empty line.  Either way, when the input simply ends too
/// early the error has `incomplete == true`, so a REPL can print `...` and
/// read more lines.
pub fn parse_interactive(
    source: &[u8],
    filename: &str,
    inherited_future_flags: u32,
) -> Result<ast::Interactive, SyntaxError> {
    let body = run(source, filename, inherited_future_flags, Mode::Single, |ctx, toks| {
        grammar::SingleInputParser::new().parse(ctx, toks)
    })?;
    let m = ast::Module { body, future_flags: 0 };
    let future_flags = future::module_flags(&m);
    Ok(ast::Interactive { body: m.body, future_flags })
}

/// Which start symbol: CPython's file_input / eval_input / single_input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
    Single,
}

type TokTriple = Result<(usize, Tok, usize), ()>;

fn run<T>(
    source: &[u8],
    filename: &str,
    flags: u32,
    mode: Mode,
    parse: impl FnOnce(&Ctx, std::vec::IntoIter<TokTriple>) -> Result<T, ParseError<usize, Tok, ()>>,
) -> Result<T, SyntaxError> {
    let string_input = flags & PYCF_STRING_INPUT != 0;
    let src = source::prepare(source, filename, mode == Mode::Exec, !string_input)?;
    let prompt = mode == Mode::Single && flags & PYCF_DONT_IMPLY_DEDENT != 0;
    let (mut tokens, lex_error) = lexer::tokenize(&src.text, filename, prompt);
    let parser_flags = future::apply_parser_flags(&mut tokens, flags);
    if mode == Mode::Single {
        single_statement(&mut tokens);
    }
    if let Some(i) = too_deep(&tokens) {
        return Err(SyntaxError {
            kind: ErrorKind::Memory,
            msg: "s_push: parser stack overflow".into(),
            filename: filename.to_string(),
            lineno: tokens[i].lineno as usize,
            offset: None,
            text: None,
            incomplete: false,
        });
    }
    // The parser gets the tokens with token indices as locations; names
    // are moved out rather than cloned (nothing later needs them).
    let triples: Vec<TokTriple> = tokens
        .iter_mut()
        .enumerate()
        .map(|(i, t)| {
            let tok = match &mut t.tok {
                Tok::Name(s) => Tok::Name(std::mem::take(s)),
                other => other.clone(),
            };
            Ok((i, tok, i + 1))
        })
        .collect();
    let ctx = Ctx {
        src: &src.text,
        tokens: &tokens,
        encoding: src.encoding,
        unicode_literals: parser_flags & CO_FUTURE_UNICODE_LITERALS != 0,
        filename,
        appended_newline: src.appended_newline,
        error: RefCell::new(None),
        order_key: std::cell::Cell::new(None),
    };
    match parse(&ctx, triples.into_iter()) {
        Ok(v) => match ctx.error.into_inner() {
            Some((_, e)) => Err(e),
            None => Ok(v),
        },
        Err(e) => Err(parse_error(e, &src.text, &tokens, lex_error, filename)),
    }
}

/// Tree depth limit.  The tree walks (dump, Drop, later the compiler) are
/// recursive, so absurd nesting must be refused up front rather than
/// overflow the stack.  CPython's own parser gives up at about 93 nested
/// brackets; we allow as many as would stay below MAX_DEPTH tree levels.
const MAX_DEPTH: usize = 1000;
const MAX_BRACKETS: usize = 200;

/// Cheap upper estimate of the nesting each token adds: operators and
/// trailers chain (`a+b+c` is a left-deep tree), commas start a new
/// element.  Returns the index of the first token that goes too deep.
fn too_deep(tokens: &[Token]) -> Option<usize> {
    // Per bracket level: (depth that a comma resets, depth it does not).
    // `lambda` and conditional expressions nest through commas
    // (`lambda a, b: lambda c, d: ...`), so they count as sticky.
    let mut levels: Vec<(usize, usize)> = vec![(0, 0)];
    let mut total = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        let top = levels.last_mut().unwrap();
        match t.tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                top.0 += 2;
                total += 2;
                levels.push((0, 0));
                if levels.len() > MAX_BRACKETS {
                    return Some(i);
                }
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                if levels.len() > 1 {
                    let (a, b) = levels.pop().unwrap();
                    total -= a + b;
                }
            }
            Tok::Comma => total -= std::mem::take(&mut top.0),
            Tok::Newline | Tok::Semi => {
                total -= std::mem::take(&mut top.0) + std::mem::take(&mut top.1);
            }
            Tok::Lambda | Tok::If => {
                top.1 += 1;
                total += 1;
            }
            Tok::Plus | Tok::Minus | Tok::Star | Tok::Slash | Tok::Percent | Tok::DoubleSlash | Tok::DoubleStar
            | Tok::LeftShift | Tok::RightShift | Tok::Amper | Tok::VBar | Tok::Circumflex | Tok::Tilde | Tok::Not
            | Tok::Dot | Tok::Backquote | Tok::Yield => {
                top.0 += 1;
                total += 1;
            }
            _ => {}
        }
        if total > MAX_DEPTH {
            return Some(i);
        }
    }
    None
}

/// CPython's parser stops reading once 'single' input holds a complete
/// statement and ignores whatever follows; we cut the token list there.
fn single_statement(tokens: &mut Vec<Token>) {
    let compound = matches!(
        tokens.first().map(|t| &t.tok),
        Some(Tok::If | Tok::While | Tok::For | Tok::Try | Tok::With | Tok::Def | Tok::Class | Tok::At)
    );
    let continues = |t: Option<&Token>| {
        matches!(t.map(|t| &t.tok), Some(Tok::Indent | Tok::Else | Tok::Elif | Tok::Except | Tok::Finally | Tok::Def | Tok::Class | Tok::At))
    };
    let mut depth = 0i32;
    let mut cut = None;
    for i in 0..tokens.len() {
        match tokens[i].tok {
            Tok::Indent => depth += 1,
            Tok::Dedent => {
                depth -= 1;
                if depth == 0 && compound && !continues(tokens.get(i + 1)) {
                    cut = Some(i + 2); // the statement's closing NEWLINE
                    break;
                }
            }
            Tok::Newline if depth == 0 => {
                if !compound || i == 0 {
                    cut = Some(i + 1);
                    break;
                }
                // a header line with its suite on the same line
                if !continues(tokens.get(i + 1)) && !matches!(tokens[0].tok, Tok::At) {
                    cut = Some(i + 2);
                    break;
                }
            }
            _ => {}
        }
    }
    if let Some(cut) = cut {
        if cut < tokens.len() - 1 {
            let end = tokens.pop().unwrap();
            tokens.truncate(cut);
            tokens.push(end);
        }
    }
}

/// Converts an LR parse error into CPython's message for the same token
/// (pythonrun.c's err_input, parsetok.c's location rules).
fn parse_error(
    e: ParseError<usize, Tok, ()>,
    src: &[u8],
    tokens: &[Token],
    lex_error: Option<SyntaxError>,
    filename: &str,
) -> SyntaxError {
    let (i, expected) = match e {
        ParseError::UnrecognizedToken { token, expected } => (token.0, expected),
        ParseError::ExtraToken { token } => (token.0, vec![]),
        ParseError::UnrecognizedEof { location, expected } => (location.min(tokens.len() - 1), expected),
        ParseError::InvalidToken { location } => (location, vec![]),
        ParseError::User { .. } => (tokens.len() - 1, vec![]),
    };
    let t = &tokens[i.min(tokens.len() - 1)];
    if t.tok == Tok::Error {
        if let Some(le) = lex_error {
            return le;
        }
    }
    let (kind, msg) = if t.at_eof && t.lineno <= 1 {
        (ErrorKind::Syntax, "unexpected EOF while parsing")
    } else if expected.len() == 1 && expected[0] == "Indent" {
        (ErrorKind::Indentation, "expected an indented block")
    } else if t.tok == Tok::Indent {
        (ErrorKind::Indentation, "unexpected indent")
    } else if t.tok == Tok::Dedent {
        (ErrorKind::Indentation, "unexpected unindent")
    } else {
        (ErrorKind::Syntax, "invalid syntax")
    };
    let inp = if t.at_eof && t.start == src.len() {
        src.len()
    } else if t.start == t.end {
        lexer::line_end(src, t.end)
    } else {
        lexer::line_end(src, t.end - 1)
    };
    let buf = t.buf.min(t.end);
    SyntaxError {
        kind,
        msg: msg.to_string(),
        filename: filename.to_string(),
        lineno: t.lineno as usize,
        offset: Some(t.end - buf),
        text: Some(String::from_utf8_lossy(&src[buf..inp.max(buf)]).into_owned()),
        incomplete: t.at_eof,
    }
}
