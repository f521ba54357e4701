//! Self-contained tests of the front end (no CPython needed): literal
//! values, INDENT/DEDENT and tab handling, error flags for the REPL,
//! robustness against arbitrary input, and parse speed.

use lang_python::syntax::ast::{ExprKind, Num, Stmt, StmtKind, Str};
use lang_python::syntax::lexer::tokenize;
use lang_python::syntax::tokens::Tok;
use lang_python::syntax::{
    parse_expression, parse_interactive, parse_module, ErrorKind, CO_FUTURE_DIVISION, CO_FUTURE_PRINT_FUNCTION,
    CO_FUTURE_UNICODE_LITERALS, PYCF_DONT_IMPLY_DEDENT,
};
use num_bigint::BigInt;

fn expr_value(src: &str) -> ExprKind {
    parse_expression(src.as_bytes(), "<t>", 0).unwrap_or_else(|e| panic!("{:?}: {}", src, e)).node
}

fn num(src: &str) -> Num {
    match expr_value(src) {
        ExprKind::Num { n } => n,
        other => panic!("{:?} is not a number: {:?}", src, other),
    }
}

fn string(src: &str) -> Str {
    match expr_value(src) {
        ExprKind::Str { s } => s,
        other => panic!("{:?} is not a string: {:?}", src, other),
    }
}

fn toks(src: &str) -> Vec<Tok> {
    let (t, err) = tokenize(src.as_bytes(), "<t>", false);
    assert!(err.is_none(), "{:?}", err);
    t.into_iter().map(|t| t.tok).collect()
}

#[test]
fn integer_literals() {
    assert_eq!(num("0"), Num::Int(0));
    assert_eq!(num("0777"), Num::Int(511));
    assert_eq!(num("0o777"), Num::Int(511));
    assert_eq!(num("0b101"), Num::Int(5));
    assert_eq!(num("0xFF"), Num::Int(255));
    assert_eq!(num("10L"), Num::Long(BigInt::from(10)));
    assert_eq!(num("10l"), Num::Long(BigInt::from(10)));
    assert_eq!(num("9223372036854775807"), Num::Int(i64::MAX));
    assert_eq!(num("9223372036854775808"), Num::Long(BigInt::from(i64::MAX) + 1));
    // The minus sign is folded in before the int/long decision.
    assert_eq!(num("-9223372036854775808"), Num::Int(i64::MIN));
    assert_eq!(num("0xffffffffffffffff"), Num::Long(BigInt::from(u64::MAX)));
}

#[test]
fn float_and_complex_literals() {
    assert_eq!(num("1."), Num::Float(1.0));
    assert_eq!(num(".5"), Num::Float(0.5));
    assert_eq!(num("1e10"), Num::Float(1e10));
    assert_eq!(num("1E-5"), Num::Float(1e-5));
    assert_eq!(num("1e400"), Num::Float(f64::INFINITY));
    assert_eq!(num("1j"), Num::Complex(1.0));
    assert_eq!(num("-2.5J"), Num::Complex(-2.5));
    // `-(5)` is an operation, not a literal.
    assert!(matches!(expr_value("-(5)"), ExprKind::UnaryOp { .. }));
}

#[test]
fn string_literals() {
    assert_eq!(string(r#""a\n\t\\\'\"\a\b\f\v\x41\101\q""#), Str::Bytes(b"a\n\t\\'\"\x07\x08\x0c\x0bAA\\q".to_vec()));
    assert_eq!(string(r"'\777'"), Str::Bytes(vec![0xff]));
    assert_eq!(string(r"r'\n\x'"), Str::Bytes(b"\\n\\x".to_vec()));
    assert_eq!(string("'a' \"b\" '''c'''"), Str::Bytes(b"abc".to_vec()));
    assert_eq!(string("'a\\\nb'"), Str::Bytes(b"ab".to_vec()));
    assert_eq!(string(r"u'\u1234\U0001F600\N{SNOWMAN}\x41'"), Str::Unicode(vec![0x1234, 0x1f600, 0x2603, 0x41]));
    // Lone surrogates survive (why unicode is Vec<u32>).
    assert_eq!(string(r"u'\ud800'"), Str::Unicode(vec![0xd800]));
    // ur'' still processes \u, but only after an odd number of backslashes.
    assert_eq!(string(r"ur'\u0041\\u0041\n'"), Str::Unicode("A\\\\u0041\\n".chars().map(|c| c as u32).collect()));
    assert_eq!(string("b'x' 'y'"), Str::Bytes(b"xy".to_vec()));
    assert!(matches!(string("u'x' 'y'"), Str::Unicode(_)));
}

#[test]
fn source_encodings() {
    let m = parse_module(b"# -*- coding: latin-1 -*-\nx = '\xe9'\ny = u'\xe9'\n", "<t>", 0).unwrap();
    let vals: Vec<&Str> = m
        .body
        .iter()
        .map(|s| match &s.node {
            StmtKind::Assign { value, .. } => match &value.node {
                ExprKind::Str { s } => s,
                _ => panic!(),
            },
            _ => panic!(),
        })
        .collect();
    // Byte strings keep the source bytes; unicode is decoded.
    assert_eq!(vals[0], &Str::Bytes(vec![0xe9]));
    assert_eq!(vals[1], &Str::Unicode(vec![0xe9]));
    let m = parse_module("# coding: utf-8\nx = u'é'\n".as_bytes(), "<t>", 0).unwrap();
    assert!(format!("{:?}", m).contains("Unicode([233])"));
    // Undeclared non-ASCII is PEP 263's error...
    let e = parse_module(b"x = 1\ny = '\xe9'\n", "f.py", 0).unwrap_err();
    assert_eq!(
        e.msg,
        "Non-ASCII character '\\xe9' in file f.py on line 2, but no encoding declared; \
         see http://python.org/dev/peps/pep-0263/ for details"
    );
    assert_eq!(e.lineno, 2);
    // ...and NUL bytes are refused.
    assert_eq!(parse_module(b"x = 1\0\n", "f.py", 0).unwrap_err().kind, ErrorKind::Type);
    // A UTF-8 BOM implies utf-8.
    assert!(parse_module("\u{feff}x = u'é'\n".as_bytes(), "f.py", 0).is_ok());
}

#[test]
fn indentation_tokens() {
    use Tok::*;
    let t = toks("if a:\n  b\n  if c:\n    d\ne\n");
    let kinds: Vec<&Tok> = t.iter().filter(|t| matches!(t, Indent | Dedent | Newline)).collect();
    assert_eq!(kinds, vec![&Newline, &Indent, &Newline, &Newline, &Indent, &Newline, &Dedent, &Dedent, &Newline, &Newline]);
    // Blank lines, comment lines and bracketed newlines produce nothing.
    let t = toks("x = (1,\n\n  2)\n\n   # c\ny\n");
    assert_eq!(t.iter().filter(|t| matches!(t, Indent | Dedent)).count(), 0);
    assert_eq!(t.iter().filter(|t| matches!(t, Newline)).count(), 3);
    // A tab advances to the next multiple of 8: these two lines agree.
    assert!(parse_module(b"if 1:\n\tx\n        y\n", "<t>", 0).is_ok());
    assert!(parse_module(b"if 1:\n    \tx\n        y\n", "<t>", 0).is_ok());
    let e = parse_module(b"if 1:\n      x\n\ty\n", "<t>", 0).unwrap_err();
    assert_eq!((e.kind, e.msg.as_str(), e.lineno), (ErrorKind::Indentation, "unexpected indent", 3));
    let e = parse_module(b"if 1:\n    x\n  y\n", "<t>", 0).unwrap_err();
    assert_eq!(e.msg, "unindent does not match any outer indentation level");
    let e = parse_module(b"if 1:\nx\n", "<t>", 0).unwrap_err();
    assert_eq!((e.kind, e.msg.as_str()), (ErrorKind::Indentation, "expected an indented block"));
    // Form feed resets the column count.
    assert!(parse_module(b"if 1:\n  x\n\x0c  y\n", "<t>", 0).is_ok());
}

#[test]
fn future_flags() {
    let m = parse_module(b"'doc'\nfrom __future__ import division, print_function\nprint(1, end='')\n", "<t>", 0).unwrap();
    assert_eq!(m.future_flags, CO_FUTURE_DIVISION | CO_FUTURE_PRINT_FUNCTION);
    assert!(matches!(m.body[2].node, StmtKind::Expr { .. }));
    // Inherited print_function (e.g. exec inside such a module).
    let m = parse_module(b"print(1, 2)\n", "<t>", CO_FUTURE_PRINT_FUNCTION).unwrap();
    assert!(matches!(m.body[0].node, StmtKind::Expr { .. }));
    let m = parse_module(b"print(1, 2)\n", "<t>", 0).unwrap();
    assert!(matches!(m.body[0].node, StmtKind::Print { .. }));
    let m = parse_module(b"from __future__ import unicode_literals\nx = 'a'\n", "<t>", 0).unwrap();
    assert_eq!(m.future_flags, CO_FUTURE_UNICODE_LITERALS);
    assert!(format!("{:?}", m.body[1]).contains("Unicode"));
}

#[test]
fn interactive_incomplete() {
    let p = |s: &str| parse_interactive(s.as_bytes(), "<stdin>", PYCF_DONT_IMPLY_DEDENT);
    assert!(p("x = 1\n").is_ok());
    assert!(p("if x:\n").unwrap_err().incomplete);
    assert!(p("if x:\n  y\n").unwrap_err().incomplete);
    assert!(p("if x:\n  y\n\n").is_ok());
    assert!(p("x = (1,\n").unwrap_err().incomplete);
    assert!(p("s = '''abc\n").unwrap_err().incomplete);
    assert!(!p("x = = 1\n").unwrap_err().incomplete);
    assert!(!p("1 +\n").unwrap_err().incomplete);
    assert!(p("if 1:\n  pass\nelse:\n  pass\n").unwrap_err().incomplete);
    assert!(p("if 1:\n  pass\nelse:\n  pass\n\n").is_ok());
    assert!(p("def f(): pass\n").unwrap_err().incomplete);
    assert!(p("def f(): pass\n\n").is_ok());
    assert!(p("@d\ndef f():\n  return 1\n\n").is_ok());
    assert!(p("x = 1 \\\n").unwrap_err().incomplete);
    // Without the prompt flag it is compile(..., 'single'): EOF closes blocks.
    assert!(parse_interactive(b"if 1:\n  pass\n", "<stdin>", 0).is_ok());
}

#[test]
fn caret_rendering() {
    let e = parse_module(b"x = = 1\n", "f.py", 0).unwrap_err();
    assert_eq!(e.format_caret(), "    x = = 1\n        ^\n");
    let e = parse_module(b"if 1:\n    foo(]\n", "f.py", 0).unwrap_err();
    assert_eq!(e.format_caret(), "    foo(]\n        ^\n");
    let e = parse_module(b"if 1:\n    1 = 2\n", "f.py", 0).unwrap_err();
    assert_eq!(e.format_caret(), "    1 = 2\n");
    let e = parse_module(b"if 1:\n    x = = 2\n", "f.py", 0).unwrap_err();
    assert_eq!(e.format_caret(), "    x = = 2\n        ^\n");
}

#[test]
fn long_elif_chain() {
    // Generated code can have thousands of elifs: a deep If chain.
    let mut src = String::from("if x == 0:\n    pass\n");
    for i in 1..3000 {
        src.push_str(&format!("elif x == {}:\n    pass\n", i));
    }
    let m = parse_module(src.as_bytes(), "<elif>", 0).unwrap();
    let d = lang_python::syntax::dump::dump_module(&m);
    assert!(d.len() > 3000 * 50);
}

fn count_stmts(v: &[Stmt]) -> usize {
    v.len()
}

/// Any byte sequence gives a tree or a SyntaxError, never a panic.
#[test]
fn no_panics_on_garbage() {
    let base: &[u8] = b"# coding: utf-8\nclass A(B):\n  def f(self, (a, b)=1, *c, **d):\n    x = [i for i in u'\\N{SNOWMAN}\xc3\xa9' if i]\n    return lambda: (yield x)[1:2, ...]\n@d\ndef g(): print >>f, `1`, 0x1fL, 1e5j; exec c in g\n";
    let mut n = 0;
    for cut in 0..base.len() {
        for &b in &[b'(', b')', b':', b'\n', b' ', b'\t', b'\\', b'"', b'\'', 0xff, b'x', b'0', b'.'] {
            let mut s = base[..cut].to_vec();
            s.push(b);
            s.extend_from_slice(&base[cut..]);
            for src in [&s[..], &s[..cut + 1]] {
                let _ = parse_module(src, "<fuzz>", 0);
                let _ = parse_expression(src, "<fuzz>", 0);
                let _ = parse_interactive(src, "<fuzz>", PYCF_DONT_IMPLY_DEDENT);
                n += 1;
            }
        }
    }
    assert!(n > 1000);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let sources = [
        "(".repeat(5000) + &")".repeat(5000),
        "-".repeat(20000) + "1",
        "a".to_string() + &"+a".repeat(50000),
        "x = ".to_string() + &"lambda a, b: ".repeat(20000) + "1",
        "x = ".to_string() + &"a if b else ".repeat(20000) + "1",
        "x = f".to_string() + &"(a)".repeat(20000),
        "x = a".to_string() + &".b".repeat(20000),
        "x = ".to_string() + &"not ".repeat(20000) + "1",
    ];
    for src in sources {
        match parse_module(src.as_bytes(), "<deep>", 0) {
            Ok(m) => assert_eq!(count_stmts(&m.body), 1),
            Err(e) => assert_eq!(e.kind, ErrorKind::Memory),
        }
    }
}

#[test]
fn parse_speed() {
    // About 5000 lines of varied code.
    let unit = "class C%(base)s(object):\n    def m(self, a, b=1, *c, **d):\n        '''doc'''\n        x = [i * 2 for i in range(10) if i %% 3]\n        try:\n            y = {'k': (a, b), 'j': d.get('x', None)}\n        except (KeyError, ValueError), e:\n            raise\n        return lambda q: q + x[1:2] - y['k'][0] ** 2\n\n";
    let mut src = String::new();
    let mut i = 0;
    let unit_lines = unit.lines().count();
    while i * unit_lines < 5000 {
        src.push_str(&unit.replace("%(base)s", &format!("{}", i)).replace("%%", "%"));
        i += 1;
    }
    let t = std::time::Instant::now();
    let (toks, _) = tokenize(src.as_bytes(), "<speed>", false);
    eprintln!("tokenized {} tokens in {:?}", toks.len(), t.elapsed());
    let mut el = std::time::Duration::MAX;
    let mut m = None;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        m = Some(parse_module(src.as_bytes(), "<speed>", 0).unwrap());
        el = el.min(t.elapsed());
    }
    let m = m.unwrap();
    assert_eq!(m.body.len(), i);
    eprintln!("parsed {} lines in {:?}", src.lines().count(), el);
    // Generous bound so debug builds on a loaded machine pass too.
    assert!(el.as_secs_f64() < 5.0);
}

#[test]
fn future_statement_checks() {
    use lang_python::syntax::future::check_future;
    let check = |src: &str| {
        let m = parse_module(src.as_bytes(), "<t>", 0).unwrap();
        check_future(&m.body, "<t>", None)
    };
    assert_eq!(check("from __future__ import braces\n").unwrap_err().msg, "not a chance");
    let e = check("\"doc\"\nfrom __future__ import division\nx = 1\nfrom __future__ import print_function\n").unwrap_err();
    assert_eq!((e.msg.as_str(), e.lineno), ("from __future__ imports must occur at the beginning of the file", 4));
    assert_eq!(check("from __future__ import nonsense\n").unwrap_err().msg, "future feature nonsense is not defined");
    assert_eq!(
        check("from __future__ import division as d, generators\n").unwrap(),
        CO_FUTURE_DIVISION | lang_python::syntax::CO_GENERATOR_ALLOWED
    );
}
