//! str/unicode methods and string formatting, checked against CPython 2.7.18.
//!
//! Each `check` line is one Python expression (shown in the comment) with the
//! result python2.7 printed for it: the repr of the value, or
//! "ExceptionType: message". The Rust side builds the same values and calls
//! the same methods through the ordinary protocols (`getattr` + `call`,
//! `binop`, `compare`), so method lookup and argument checking are covered.

use super::{bootstrap, dict, float, format, int, list, long, slice, str as pystr, tuple, unicode};
use crate::objects::typeobj::class_name;
use crate::ops::{self, BinOp, CmpOp};
use crate::runtime::{types, PyResult};
use std::cell::RefCell;
use vmcore::Value;

const NONE: Value = Value::NONE;
const TRUE: Value = Value::TRUE;
#[allow(dead_code)]
const FALSE: Value = Value::FALSE;

thread_local! {
    static FAILURES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Reports every mismatch of a test at once, when the test ends.
struct Guard;
impl Drop for Guard {
    fn drop(&mut self) {
        let f = FAILURES.with(|f| std::mem::take(&mut *f.borrow_mut()));
        if !f.is_empty() && !std::thread::panicking() {
            panic!("{} mismatches:\n{}", f.len(), f.join("\n"));
        }
    }
}

fn setup() -> Guard {
    bootstrap();
    Guard
}

fn check(got: String, want: &str) {
    if got != want {
        FAILURES.with(|f| f.borrow_mut().push(format!("  got  {got}\n  want {want}")));
    }
}

fn s(b: &[u8]) -> Value {
    pystr::new_str(b)
}
fn u(x: &str) -> Value {
    unicode::new_unicode(x.chars().map(|c| c as u32).collect())
}
/// unicode from code points (for lone surrogates, which Rust strings cannot hold).
fn uc(c: &[u32]) -> Value {
    unicode::new_unicode(c.to_vec())
}
fn i(n: i64) -> Value {
    int::new_int(n)
}
fn big(n: &str) -> Value {
    long::new_long(n.parse().expect("decimal"))
}
fn f(x: f64) -> Value {
    float::new_float(x)
}
fn t(items: &[Value]) -> Value {
    tuple::new_tuple_from(items)
}
fn l(items: &[Value]) -> Value {
    list::new_list(items.to_vec())
}
fn d(items: &[(Value, Value)]) -> Value {
    let dd = dict::new_dict();
    for &(k, v) in items {
        dd.set(k, v).expect("hashable key");
    }
    dd.as_value()
}
fn sl(a: Value, b: Value, c: Value) -> Value {
    slice::new_slice(a, b, c)
}

/// The repr of a result, or "ExcType: message" as python2.7 prints it.
fn show(r: PyResult) -> String {
    match r {
        Ok(v) => String::from_utf8_lossy(&ops::repr_bytes(v).expect("repr")).into_owned(),
        Err(e) => {
            let msg = ops::str_bytes(e.value).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
            format!("{}: {msg}", class_name(e.typ))
        }
    }
}

fn kwargs(kw: &[(&str, Value)]) -> Vec<(Value, Value)> {
    kw.iter().map(|&(k, v)| (pystr::intern(k), v)).collect()
}

/// `obj.name(*args)`.
fn m(obj: Value, name: &str, args: &[Value]) -> String {
    mk(obj, name, args, &[])
}

/// `obj.name(*args, **kw)`.
fn mk(obj: Value, name: &str, args: &[Value], kw: &[(&str, Value)]) -> String {
    let kw = kwargs(kw);
    show(ops::getattr(obj, pystr::intern(name)).and_then(|meth| ops::call(meth, args, &kw)))
}

/// The builtins the cases use: str, unicode, hash, len, format.
fn builtin(name: &str, args: &[Value], kw: &[(&str, Value)]) -> String {
    let kw = kwargs(kw);
    show(match name {
        "str" => ops::call(types::str(), args, &kw),
        "unicode" => ops::call(types::unicode(), args, &kw),
        "hash" => ops::hash(args[0]).map(int::new_int),
        "len" => ops::len(args[0]).map(|n| int::new_int(n as i64)),
        "format" => format::format_builtin(args[0], args.get(1).copied().unwrap_or_else(|| s(b""))),
        _ => panic!("no builtin {name} in these tests"),
    })
}

fn bin(op: BinOp, a: Value, b: Value) -> String {
    show(ops::binop(op, a, b))
}

fn cmp(op: CmpOp, a: Value, b: Value) -> String {
    show(ops::compare(op, a, b))
}

fn contains(a: Value, x: Value) -> String {
    show(ops::contains(a, x).map(Value::from_bool))
}

fn item(a: Value, k: Value) -> String {
    show(ops::getitem(a, k))
}

#[test]
fn str_case_and_predicates() {
    let _g = setup();
    check(m(s(b"Hello World"), "upper", &[]), "'HELLO WORLD'"); // 'Hello World'.upper()
    check(m(s(b"Hello World"), "lower", &[]), "'hello world'"); // 'Hello World'.lower()
    check(m(s(b"Hello World"), "swapcase", &[]), "'hELLO wORLD'"); // 'Hello World'.swapcase()
    check(m(s(b"hello world foo"), "title", &[]), "'Hello World Foo'"); // 'hello world foo'.title()
    check(m(s(b"they're bill's"), "title", &[]), "\"They'Re Bill'S\""); // "they're bill's".title()
    check(m(s(b"hELLO wORLD"), "capitalize", &[]), "'Hello world'"); // 'hELLO wORLD'.capitalize()
    check(m(s(b""), "capitalize", &[]), "''"); // ''.capitalize()
    check(m(s(b"abc"), "isalpha", &[]), "True"); // 'abc'.isalpha()
    check(m(s(b"abc1"), "isalnum", &[]), "True"); // 'abc1'.isalnum()
    check(m(s(b"123"), "isdigit", &[]), "True"); // '123'.isdigit()
    check(m(s(b""), "isdigit", &[]), "False"); // ''.isdigit()
    check(m(s(b"abc"), "islower", &[]), "True"); // 'abc'.islower()
    check(m(s(b"aBc"), "islower", &[]), "False"); // 'aBc'.islower()
    check(m(s(b"ABC1"), "isupper", &[]), "True"); // 'ABC1'.isupper()
    check(m(s(b" \x09\x0a"), "isspace", &[]), "True"); // ' \t\n'.isspace()
    check(m(s(b"Hello World"), "istitle", &[]), "True"); // 'Hello World'.istitle()
    check(m(s(b"Hello world"), "istitle", &[]), "False"); // 'Hello world'.istitle()
    check(m(s(b"A"), "istitle", &[]), "True"); // 'A'.istitle()
    check(m(s(b"1"), "istitle", &[]), "False"); // '1'.istitle()
    check(m(s(b"\xe9"), "upper", &[]), "'\\xe9'"); // '\xe9'.upper()
    check(m(s(b"a"), "upper", &[i(1)]), "TypeError: upper() takes no arguments (1 given)"); // 'a'.upper(1)
    check(m(s(b"a"), "isdigit", &[i(1)]), "TypeError: isdigit() takes no arguments (1 given)"); // 'a'.isdigit(1)
}

#[test]
fn str_search() {
    let _g = setup();
    check(m(s(b"abcabc"), "find", &[s(b"c")]), "2"); // 'abcabc'.find('c')
    check(m(s(b"abcabc"), "rfind", &[s(b"c")]), "5"); // 'abcabc'.rfind('c')
    check(m(s(b"abcabc"), "find", &[s(b"c"), i(3)]), "5"); // 'abcabc'.find('c', 3)
    check(m(s(b"abcabc"), "find", &[s(b"c"), i(-2), i(-1)]), "-1"); // 'abcabc'.find('c', -2, -1)
    check(m(s(b"abc"), "find", &[s(b""), i(3)]), "3"); // 'abc'.find('', 3)
    check(m(s(b"abc"), "find", &[s(b""), i(5)]), "-1"); // 'abc'.find('', 5)
    check(m(s(b"abc"), "rfind", &[s(b"")]), "3"); // 'abc'.rfind('')
    check(m(s(b"abc"), "index", &[s(b"z")]), "ValueError: substring not found"); // 'abc'.index('z')
    check(m(s(b"abc"), "rindex", &[s(b"z")]), "ValueError: substring not found"); // 'abc'.rindex('z')
    check(m(s(b"abc"), "index", &[s(b"b")]), "1"); // 'abc'.index('b')
    check(m(s(b"aaaa"), "count", &[s(b"aa")]), "2"); // 'aaaa'.count('aa')
    check(m(s(b"abc"), "count", &[s(b"")]), "4"); // 'abc'.count('')
    check(m(s(b"abc"), "count", &[s(b""), i(1)]), "3"); // 'abc'.count('', 1)
    check(m(s(b"abc"), "count", &[s(b""), i(5)]), "0"); // 'abc'.count('', 5)
    check(m(s(b"abcabc"), "count", &[s(b"b"), i(2)]), "1"); // 'abcabc'.count('b', 2)
    check(m(s(b"a"), "find", &[s(b"a"), s(b"x")]), "TypeError: slice indices must be integers or None or have an __index__ method"); // 'a'.find('a', 'x')
    check(m(s(b"a"), "find", &[i(1)]), "TypeError: expected a string or other character buffer object"); // 'a'.find(1)
    check(m(s(b"a"), "count", &[]), "TypeError: count() takes at least 1 argument (0 given)"); // 'a'.count()
    check(m(s(b"a"), "find", &[s(b"a"), NONE, big("5")]), "0"); // 'a'.find('a', None, 5L)
    check(m(s(b"abc"), "find", &[u("c")]), "2"); // 'abc'.find(u'c')
    check(m(s(b"abc"), "count", &[u("b")]), "1"); // 'abc'.count(u'b')
    check(m(s(b"\xe9"), "find", &[u("a")]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // '\xe9'.find(u'a')
}

#[test]
fn str_tailmatch() {
    let _g = setup();
    check(m(s(b"abc"), "startswith", &[s(b"ab")]), "True"); // 'abc'.startswith('ab')
    check(m(s(b"abc"), "startswith", &[t(&[s(b"x"), s(b"a")])]), "True"); // 'abc'.startswith(('x', 'a'))
    check(m(s(b"abc"), "endswith", &[t(&[s(b"x"), s(b"c")]), i(0), i(2)]), "False"); // 'abc'.endswith(('x', 'c'), 0, 2)
    check(m(s(b"abc"), "startswith", &[s(b""), i(3)]), "True"); // 'abc'.startswith('', 3)
    check(m(s(b"abc"), "startswith", &[s(b""), i(4)]), "False"); // 'abc'.startswith('', 4)
    check(m(s(b"abc"), "endswith", &[s(b""), i(4)]), "False"); // 'abc'.endswith('', 4)
    check(m(s(b"abc"), "endswith", &[s(b"c"), i(-1)]), "True"); // 'abc'.endswith('c', -1)
    check(m(s(b"abc"), "startswith", &[i(1)]), "TypeError: startswith first arg must be str, unicode, or tuple, not int"); // 'abc'.startswith(1)
    check(m(s(b"abc"), "startswith", &[t(&[i(1)])]), "TypeError: expected a string or other character buffer object"); // 'abc'.startswith((1,))
    check(m(s(b"abc"), "endswith", &[u("c")]), "True"); // 'abc'.endswith(u'c')
    check(m(s(b"abc"), "startswith", &[t(&[s(b"x"), u("a")])]), "True"); // 'abc'.startswith(('x', u'a'))
}

#[test]
fn str_split() {
    let _g = setup();
    check(m(s(b"a,b,,c"), "split", &[s(b",")]), "['a', 'b', '', 'c']"); // 'a,b,,c'.split(',')
    check(m(s(b"a,b,,c"), "split", &[s(b","), i(2)]), "['a', 'b', ',c']"); // 'a,b,,c'.split(',', 2)
    check(m(s(b"a,b,,c"), "rsplit", &[s(b","), i(2)]), "['a,b', '', 'c']"); // 'a,b,,c'.rsplit(',', 2)
    check(m(s(b" a b  c "), "split", &[]), "['a', 'b', 'c']"); // ' a b  c '.split()
    check(m(s(b" a b  c "), "split", &[NONE, i(1)]), "['a', 'b  c ']"); // ' a b  c '.split(None, 1)
    check(m(s(b" a b  c "), "rsplit", &[NONE, i(1)]), "[' a b', 'c']"); // ' a b  c '.rsplit(None, 1)
    check(m(s(b"  "), "split", &[]), "[]"); // '  '.split()
    check(m(s(b""), "split", &[s(b",")]), "['']"); // ''.split(',')
    check(m(s(b"a\x1cb\x85c\x0bd\x0ce"), "split", &[]), "['a\\x1cb\\x85c', 'd', 'e']"); // 'a\x1cb\x85c\x0bd\x0ce'.split()
    check(m(s(b"a"), "split", &[s(b"")]), "ValueError: empty separator"); // 'a'.split('')
    check(m(s(b"a"), "split", &[i(1)]), "TypeError: expected a string or other character buffer object"); // 'a'.split(1)
    check(m(s(b"a"), "split", &[i(1), i(2), i(3)]), "TypeError: split() takes at most 2 arguments (3 given)"); // 'a'.split(1, 2, 3)
    check(mk(s(b"a"), "split", &[], &[("sep", s(b","))]), "TypeError: split() takes no keyword arguments"); // 'a'.split(sep=',')
    check(m(s(b"abc"), "split", &[u("b")]), "[u'a', u'c']"); // 'abc'.split(u'b')
    check(m(s(b"a b"), "split", &[NONE, i(-1)]), "['a', 'b']"); // 'a b'.split(None, -1)
    check(m(s(b"a b c"), "split", &[s(b" "), i(0)]), "['a b c']"); // 'a b c'.split(' ', 0)
    check(m(s(b"a b c"), "rsplit", &[s(b" "), i(1)]), "['a b', 'c']"); // 'a b c'.rsplit(' ', 1)
    check(m(s(b"a"), "rsplit", &[NONE, s(b"x")]), "TypeError: an integer is required"); // 'a'.rsplit(None, 'x')
    check(m(s(b"a\x0d\x0ab\x0dc\x0a"), "splitlines", &[TRUE]), "['a\\r\\n', 'b\\r', 'c\\n']"); // 'a\r\nb\rc\n'.splitlines(True)
    check(m(s(b"a\x0d\x0ab\x0dc\x0a"), "splitlines", &[]), "['a', 'b', 'c']"); // 'a\r\nb\rc\n'.splitlines()
    check(m(s(b"\x0a\x0ax"), "splitlines", &[]), "['', '', 'x']"); // '\n\nx'.splitlines()
    check(m(s(b"a"), "splitlines", &[s(b"x")]), "TypeError: an integer is required"); // 'a'.splitlines('x')
    check(m(s(b"a=b=c"), "partition", &[s(b"=")]), "('a', '=', 'b=c')"); // 'a=b=c'.partition('=')
    check(m(s(b"a=b=c"), "rpartition", &[s(b"=")]), "('a=b', '=', 'c')"); // 'a=b=c'.rpartition('=')
    check(m(s(b"abc"), "partition", &[s(b"=")]), "('abc', '', '')"); // 'abc'.partition('=')
    check(m(s(b"abc"), "rpartition", &[s(b"=")]), "('', '', 'abc')"); // 'abc'.rpartition('=')
    check(m(s(b"abc"), "partition", &[s(b"")]), "ValueError: empty separator"); // 'abc'.partition('')
    check(m(s(b"a"), "partition", &[s(b"a"), s(b"b")]), "TypeError: partition() takes exactly one argument (2 given)"); // 'a'.partition('a', 'b')
    check(m(s(b"a=b"), "partition", &[u("=")]), "(u'a', u'=', u'b')"); // 'a=b'.partition(u'=')
}

#[test]
fn str_strip_replace_pad() {
    let _g = setup();
    check(m(s(b"  ab  "), "strip", &[]), "'ab'"); // '  ab  '.strip()
    check(m(s(b"xxabyy"), "strip", &[s(b"xy")]), "'ab'"); // 'xxabyy'.strip('xy')
    check(m(s(b"xxabyy"), "lstrip", &[s(b"x")]), "'abyy'"); // 'xxabyy'.lstrip('x')
    check(m(s(b"xxabyy"), "rstrip", &[s(b"y")]), "'xxab'"); // 'xxabyy'.rstrip('y')
    check(m(s(b"  ab  "), "rstrip", &[NONE]), "'  ab'"); // '  ab  '.rstrip(None)
    check(m(s(b"a"), "strip", &[i(1)]), "TypeError: strip arg must be None, str or unicode"); // 'a'.strip(1)
    check(m(s(b"abc"), "strip", &[u("a")]), "u'bc'"); // 'abc'.strip(u'a')
    check(m(s(b"abcabc"), "replace", &[s(b"b"), s(b"XY")]), "'aXYcaXYc'"); // 'abcabc'.replace('b', 'XY')
    check(m(s(b"abcabc"), "replace", &[s(b"b"), s(b""), i(1)]), "'acabc'"); // 'abcabc'.replace('b', '', 1)
    check(m(s(b"abc"), "replace", &[s(b""), s(b"-")]), "'-a-b-c-'"); // 'abc'.replace('', '-')
    check(m(s(b"abc"), "replace", &[s(b""), s(b"-"), i(2)]), "'-a-bc'"); // 'abc'.replace('', '-', 2)
    check(m(s(b""), "replace", &[s(b""), s(b"x")]), "'x'"); // ''.replace('', 'x')
    check(m(s(b"abc"), "replace", &[s(b"abcd"), s(b"x")]), "'abc'"); // 'abc'.replace('abcd', 'x')
    check(m(s(b"a"), "replace", &[i(1), s(b"b")]), "TypeError: expected a string or other character buffer object"); // 'a'.replace(1, 'b')
    check(m(s(b"a"), "replace", &[s(b"a"), s(b"b"), s(b"c")]), "TypeError: an integer is required"); // 'a'.replace('a', 'b', 'c')
    check(m(s(b"abc"), "replace", &[s(b"a"), u("x")]), "u'xbc'"); // 'abc'.replace('a', u'x')
    check(m(s(b"ab"), "center", &[i(7)]), "'   ab  '"); // 'ab'.center(7)
    check(m(s(b"ab"), "center", &[i(6), s(b"*")]), "'**ab**'"); // 'ab'.center(6, '*')
    check(m(s(b"abc"), "center", &[i(6), s(b"*")]), "'*abc**'"); // 'abc'.center(6, '*')
    check(m(s(b"abc"), "center", &[i(2)]), "'abc'"); // 'abc'.center(2)
    check(m(s(b"a"), "center", &[s(b"a")]), "TypeError: an integer is required"); // 'a'.center('a')
    check(m(s(b"a"), "center", &[i(5), s(b"ab")]), "TypeError: center() argument 2 must be char, not str"); // 'a'.center(5, 'ab')
    check(m(s(b"a"), "center", &[f(5.0)]), "TypeError: integer argument expected, got float"); // 'a'.center(5.0)
    check(m(s(b"abc"), "center", &[i(5), u("x")]), "TypeError: center() argument 2 must be char, not unicode"); // 'abc'.center(5, u'x')
    check(m(s(b"ab"), "ljust", &[i(5), s(b".")]), "'ab...'"); // 'ab'.ljust(5, '.')
    check(m(s(b"ab"), "rjust", &[i(5)]), "'   ab'"); // 'ab'.rjust(5)
    check(m(s(b"a"), "ljust", &[]), "TypeError: ljust() takes at least 1 argument (0 given)"); // 'a'.ljust()
    check(m(s(b"42"), "zfill", &[i(5)]), "'00042'"); // '42'.zfill(5)
    check(m(s(b"-42"), "zfill", &[i(6)]), "'-00042'"); // '-42'.zfill(6)
    check(m(s(b"+x"), "zfill", &[i(4)]), "'+00x'"); // '+x'.zfill(4)
    check(m(s(b"abc"), "zfill", &[i(2)]), "'abc'"); // 'abc'.zfill(2)
    check(m(s(b"a"), "zfill", &[s(b"x")]), "TypeError: an integer is required"); // 'a'.zfill('x')
    check(m(s(b"a\x09bc\x09\x0ax\x09y"), "expandtabs", &[i(4)]), "'a   bc  \\nx   y'"); // 'a\tbc\t\nx\ty'.expandtabs(4)
    check(m(s(b"a\x09b"), "expandtabs", &[]), "'a       b'"); // 'a\tb'.expandtabs()
    check(m(s(b"a\x09b"), "expandtabs", &[i(0)]), "'ab'"); // 'a\tb'.expandtabs(0)
    check(m(s(b"a"), "expandtabs", &[s(b"x")]), "TypeError: an integer is required"); // 'a'.expandtabs('x')
}

#[test]
fn str_join_translate_misc() {
    let _g = setup();
    check(m(s(b","), "join", &[l(&[s(b"a"), s(b"b"), s(b"c")])]), "'a,b,c'"); // ','.join(['a', 'b', 'c'])
    check(m(s(b","), "join", &[t(&[s(b"a")])]), "'a'"); // ','.join(('a',))
    check(m(s(b","), "join", &[l(&[])]), "''"); // ','.join([])
    check(m(s(b"a"), "join", &[l(&[i(1)])]), "TypeError: sequence item 0: expected string, int found"); // 'a'.join([1])
    check(m(s(b"a"), "join", &[l(&[s(b"b"), u("c")])]), "u'bac'"); // 'a'.join(['b', u'c'])
    check(m(s(b"a"), "join", &[i(5)]), "TypeError: can only join an iterable"); // 'a'.join(5)
    check(m(s(b"a"), "join", &[]), "TypeError: join() takes exactly one argument (0 given)"); // 'a'.join()
    check(m(s(b"-"), "join", &[s(b"xyz")]), "'x-y-z'"); // '-'.join('xyz')
    check(m(s(b"abc"), "translate", &[NONE, s(b"b")]), "'ac'"); // 'abc'.translate(None, 'b')
    check(m(s(b"abc"), "translate", &[s(b"x")]), "ValueError: translation table must be 256 characters long"); // 'abc'.translate('x')
    check(item(s(b"abc"), i(1)), "'b'"); // 'abc'[1]
    check(item(s(b"abc"), i(-1)), "'c'"); // 'abc'[-1]
    check(item(s(b"abc"), i(3)), "IndexError: string index out of range"); // 'abc'[3]
    check(item(s(b"abc"), s(b"x")), "TypeError: string indices must be integers, not str"); // 'abc'['x']
    check(item(s(b"abcdef"), sl(i(1), i(4), NONE)), "'bcd'"); // 'abcdef'[1:4]
    check(item(s(b"abcdef"), sl(NONE, NONE, i(-1))), "'fedcba'"); // 'abcdef'[::-1]
    check(item(s(b"abcdef"), sl(NONE, NONE, i(2))), "'ace'"); // 'abcdef'[::2]
    check(item(s(b"abcdef"), sl(i(-2), NONE, NONE)), "'ef'"); // 'abcdef'[-2:]
    check(item(s(b"abcdef"), sl(i(4), i(1), NONE)), "''"); // 'abcdef'[4:1]
    check(item(s(b"abcdef"), sl(i(5), i(0), i(-2))), "'fdb'"); // 'abcdef'[5:0:-2]
    check(builtin("len", &[s(b"abc")], &[]), "3"); // len('abc')
    check(contains(s(b"abc"), s(b"b")), "True"); // 'b' in 'abc'
    check(contains(s(b"abc"), s(b"")), "True"); // '' in 'abc'
    check(contains(s(b"abc"), i(1)), "TypeError: 'in <string>' requires string as left operand, not int"); // 1 in 'abc'
    check(contains(s(b"abc"), u("b")), "True"); // u'b' in 'abc'
}

#[test]
fn str_operators() {
    let _g = setup();
    check(bin(BinOp::Add, s(b"ab"), s(b"cd")), "'abcd'"); // 'ab' + 'cd'
    check(bin(BinOp::Add, s(b"a"), i(1)), "TypeError: cannot concatenate 'str' and 'int' objects"); // 'a' + 1
    check(bin(BinOp::Add, s(b"a"), u("b")), "u'ab'"); // 'a' + u'b'
    check(bin(BinOp::Add, s(b"\xe9"), u("b")), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // '\xe9' + u'b'
    check(bin(BinOp::Mul, s(b"ab"), i(3)), "'ababab'"); // 'ab' * 3
    check(bin(BinOp::Mul, i(3), s(b"ab")), "'ababab'"); // 3 * 'ab'
    check(bin(BinOp::Mul, s(b"ab"), i(-1)), "''"); // 'ab' * -1
    check(bin(BinOp::Mul, s(b"a"), s(b"b")), "TypeError: can't multiply sequence by non-int of type 'str'"); // 'a' * 'b'
    check(cmp(CmpOp::Eq, s(b"a"), s(b"a")), "True"); // 'a' == 'a'
    check(cmp(CmpOp::Lt, s(b"a"), s(b"b")), "True"); // 'a' < 'b'
    check(cmp(CmpOp::Ge, s(b"b"), s(b"a")), "True"); // 'b' >= 'a'
    check(cmp(CmpOp::Eq, s(b"a"), u("a")), "True"); // 'a' == u'a'
    check(cmp(CmpOp::Eq, u("a"), s(b"a")), "True"); // u'a' == 'a'
    check(cmp(CmpOp::Ne, s(b"a"), u("b")), "True"); // 'a' != u'b'
    check(cmp(CmpOp::Lt, s(b"a"), u("b")), "True"); // 'a' < u'b'
    check(cmp(CmpOp::Eq, u("a"), s(b"\xe9")), "False"); // u'a' == '\xe9'
    check(cmp(CmpOp::Ne, u("a"), s(b"\xe9")), "True"); // u'a' != '\xe9'
    check(cmp(CmpOp::Lt, u("a"), s(b"\xe9")), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // u'a' < '\xe9'
    check(builtin("hash", &[u("abc")], &[]), "1453079729188098211"); // hash(u'abc')
    check(builtin("hash", &[s(b"abc")], &[]), "1453079729188098211"); // hash('abc')
    check(builtin("hash", &[u("\u{e9}t\u{e9}")], &[]), "-4116773383342158585"); // hash(u'\xe9t\xe9')
    check(builtin("str", &[i(5)], &[]), "'5'"); // str(5)
    check(builtin("str", &[s(b"x")], &[]), "'x'"); // str('x')
    check(builtin("str", &[f(1.5)], &[]), "'1.5'"); // str(1.5)
    check(builtin("str", &[], &[]), "''"); // str()
    check(builtin("unicode", &[s(b"abc")], &[]), "u'abc'"); // unicode('abc')
    check(builtin("unicode", &[i(5)], &[]), "u'5'"); // unicode(5)
    check(builtin("unicode", &[s(b"\xe9")], &[]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // unicode('\xe9')
    check(builtin("unicode", &[s(b"\xe9"), s(b"latin-1")], &[]), "u'\\xe9'"); // unicode('\xe9', 'latin-1')
    check(builtin("unicode", &[s(b"\xc3\xa9"), s(b"utf-8")], &[]), "u'\\xe9'"); // unicode('\xc3\xa9', 'utf-8')
    check(builtin("unicode", &[u("x"), s(b"utf-8")], &[]), "TypeError: decoding Unicode is not supported"); // unicode(u'x', 'utf-8')
    check(builtin("unicode", &[s(b"x"), s(b"foo")], &[]), "LookupError: unknown encoding: foo"); // unicode('x', 'foo')
    check(builtin("unicode", &[i(5), s(b"utf-8")], &[]), "TypeError: coercing to Unicode: need string or buffer, int found"); // unicode(5, 'utf-8')
    check(builtin("unicode", &[s(b"a\xffb"), s(b"utf-8"), s(b"replace")], &[]), "u'a\\ufffdb'"); // unicode('a\xffb', 'utf-8', 'replace')
    check(builtin("unicode", &[s(b"a\xffb")], &[("errors", s(b"ignore")), ("encoding", s(b"utf8"))]), "u'ab'"); // unicode('a\xffb', errors='ignore', encoding='utf8')
}

#[test]
fn codecs() {
    let _g = setup();
    check(m(s(b"\xe9"), "decode", &[s(b"ascii")]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // '\xe9'.decode('ascii')
    check(m(s(b"\xe9"), "decode", &[s(b"utf-8")]), "UnicodeDecodeError: 'utf8' codec can't decode byte 0xe9 in position 0: unexpected end of data"); // '\xe9'.decode('utf-8')
    check(m(s(b"a\xe9b"), "decode", &[s(b"ascii"), s(b"replace")]), "u'a\\ufffdb'"); // 'a\xe9b'.decode('ascii', 'replace')
    check(m(s(b"a\xe9b"), "decode", &[s(b"ascii"), s(b"ignore")]), "u'ab'"); // 'a\xe9b'.decode('ascii', 'ignore')
    check(m(s(b"a\xe9b"), "decode", &[s(b"ascii"), s(b"bogus")]), "LookupError: unknown error handler name 'bogus'"); // 'a\xe9b'.decode('ascii', 'bogus')
    check(m(s(b"ab"), "decode", &[s(b"ascii"), s(b"bogus")]), "u'ab'"); // 'ab'.decode('ascii', 'bogus')
    check(m(s(b"a\xe9b"), "encode", &[s(b"utf-8")]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)"); // 'a\xe9b'.encode('utf-8')
    check(m(s(b"ab"), "encode", &[s(b"utf-8")]), "'ab'"); // 'ab'.encode('utf-8')
    check(m(s(b"a"), "decode", &[s(b"foo")]), "LookupError: unknown encoding: foo"); // 'a'.decode('foo')
    check(m(s(b"abc"), "decode", &[s(b"latin-1")]), "u'abc'"); // 'abc'.decode('latin-1')
    check(m(s(b"abc"), "decode", &[s(b"UTF8")]), "u'abc'"); // 'abc'.decode('UTF8')
    check(m(s(b"abc"), "decode", &[s(b"U8")]), "u'abc'"); // 'abc'.decode('U8')
    check(m(s(b"abc"), "decode", &[s(b"iso-8859-1")]), "u'abc'"); // 'abc'.decode('iso-8859-1')
    check(mk(s(b"a"), "decode", &[], &[("encoding", s(b"utf-8")), ("errors", s(b"strict")), ("x", i(1))]), "TypeError: decode() takes at most 2 arguments (3 given)"); // 'a'.decode(encoding='utf-8', errors='strict', x=1)
    check(mk(s(b"a"), "decode", &[], &[("foo", i(1))]), "TypeError: 'foo' is an invalid keyword argument for this function"); // 'a'.decode(foo=1)
    check(m(s(b"a\xe2\x82\xacb"), "decode", &[s(b"utf-8")]), "u'a\\u20acb'"); // 'a\xe2\x82\xacb'.decode('utf-8')
    check(m(s(b"a\xe2\x82b"), "decode", &[s(b"utf-8")]), "UnicodeDecodeError: 'utf8' codec can't decode bytes in position 1-2: invalid continuation byte"); // 'a\xe2\x82b'.decode('utf-8')
    check(m(s(b"a\xffb"), "decode", &[s(b"utf-8")]), "UnicodeDecodeError: 'utf8' codec can't decode byte 0xff in position 1: invalid start byte"); // 'a\xffb'.decode('utf-8')
    check(m(s(b"a\xe2\x82"), "decode", &[s(b"utf-8")]), "UnicodeDecodeError: 'utf8' codec can't decode bytes in position 1-2: unexpected end of data"); // 'a\xe2\x82'.decode('utf-8')
    check(m(s(b"a\xe2\x82b"), "decode", &[s(b"utf-8"), s(b"replace")]), "u'a\\ufffdb'"); // 'a\xe2\x82b'.decode('utf-8', 'replace')
    check(m(s(b"a\xed\xa0\x80b"), "decode", &[s(b"utf-8")]), "u'a\\ud800b'"); // 'a\xed\xa0\x80b'.decode('utf-8')
    check(m(s(b"a\xc0\x80b"), "decode", &[s(b"utf-8")]), "UnicodeDecodeError: 'utf8' codec can't decode byte 0xc0 in position 1: invalid start byte"); // 'a\xc0\x80b'.decode('utf-8')
    check(m(s(b"a\xf4\x90\x80\x80b"), "decode", &[s(b"utf-8")]), "UnicodeDecodeError: 'utf8' codec can't decode bytes in position 1-3: invalid continuation byte"); // 'a\xf4\x90\x80\x80b'.decode('utf-8')
    check(m(s(b"\xf0\x9f\x98\x80"), "decode", &[s(b"utf-8")]), "u'\\U0001f600'"); // '\xf0\x9f\x98\x80'.decode('utf-8')
    check(m(s(b"\xff\xfea\x00"), "decode", &[s(b"utf-16")]), "u'a'"); // '\xff\xfea\x00'.decode('utf-16')
    check(m(s(b"a"), "decode", &[s(b"utf-16")]), "UnicodeDecodeError: 'utf16' codec can't decode byte 0x61 in position 0: truncated data"); // 'a'.decode('utf-16')
    check(m(u("\u{20ac}"), "encode", &[s(b"latin-1")]), "UnicodeEncodeError: 'latin-1' codec can't encode character u'\\u20ac' in position 0: ordinal not in range(256)"); // u'\u20ac'.encode('latin-1')
    check(m(u("\u{20ac}"), "encode", &[s(b"ascii")]), "UnicodeEncodeError: 'ascii' codec can't encode character u'\\u20ac' in position 0: ordinal not in range(128)"); // u'\u20ac'.encode('ascii')
    check(m(u("a\u{20ac}\u{20ac}b"), "encode", &[s(b"ascii")]), "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"); // u'a\u20ac\u20acb'.encode('ascii')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"ascii"), s(b"replace")]), "'a?b'"); // u'a\u20acb'.encode('ascii', 'replace')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"ascii"), s(b"ignore")]), "'ab'"); // u'a\u20acb'.encode('ascii', 'ignore')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"ascii"), s(b"xmlcharrefreplace")]), "'a&#8364;b'"); // u'a\u20acb'.encode('ascii', 'xmlcharrefreplace')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"ascii"), s(b"backslashreplace")]), "'a\\\\u20acb'"); // u'a\u20acb'.encode('ascii', 'backslashreplace')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"ascii"), s(b"nope")]), "LookupError: unknown error handler name 'nope'"); // u'a\u20acb'.encode('ascii', 'nope')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"utf-8")]), "'a\\xe2\\x82\\xacb'"); // u'a\u20acb'.encode('utf-8')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"utf-16")]), "'\\xff\\xfea\\x00\\xac b\\x00'"); // u'a\u20acb'.encode('utf-16')
    check(m(u("a\u{20ac}b"), "encode", &[s(b"utf-16-le")]), "'a\\x00\\xac b\\x00'"); // u'a\u20acb'.encode('utf-16-le')
    check(m(u("a\u{1f600}"), "encode", &[s(b"utf-16-be")]), "'\\x00a\\xd8=\\xde\\x00'"); // u'a\U0001f600'.encode('utf-16-be')
    check(m(u("\u{1f600}"), "encode", &[s(b"utf-8")]), "'\\xf0\\x9f\\x98\\x80'"); // u'\U0001f600'.encode('utf-8')
    check(m(u("abc"), "decode", &[s(b"ascii")]), "u'abc'"); // u'abc'.decode('ascii')
    check(m(u("\u{e9}"), "decode", &[s(b"ascii")]), "UnicodeEncodeError: 'ascii' codec can't encode character u'\\xe9' in position 0: ordinal not in range(128)"); // u'\xe9'.decode('ascii')
    check(m(u("\u{e9}"), "encode", &[]), "UnicodeEncodeError: 'ascii' codec can't encode character u'\\xe9' in position 0: ordinal not in range(128)"); // u'\xe9'.encode()
}

#[test]
fn unicode_methods() {
    let _g = setup();
    check(m(u("abc"), "find", &[i(1)]), "TypeError: coercing to Unicode: need string or buffer, int found"); // u'abc'.find(1)
    check(m(u("abc"), "strip", &[i(1)]), "TypeError: strip arg must be None, unicode or str"); // u'abc'.strip(1)
    check(m(u("abc"), "split", &[i(1)]), "TypeError: coercing to Unicode: need string or buffer, int found"); // u'abc'.split(1)
    check(m(u("abc"), "center", &[i(7), s(b"x")]), "u'xxabcxx'"); // u'abc'.center(7, 'x')
    check(m(u("abc"), "startswith", &[i(1)]), "TypeError: startswith first arg must be str, unicode, or tuple, not int"); // u'abc'.startswith(1)
    check(m(u("abc"), "startswith", &[s(b"a")]), "True"); // u'abc'.startswith('a')
    check(m(u("a,b"), "split", &[s(b",")]), "[u'a', u'b']"); // u'a,b'.split(',')
    check(bin(BinOp::Add, u("a"), s(b"b")), "u'ab'"); // u'a' + 'b'
    check(bin(BinOp::Add, u("a"), i(1)), "TypeError: coercing to Unicode: need string or buffer, int found"); // u'a' + 1
    check(m(u("a"), "join", &[l(&[s(b"a"), i(1)])]), "TypeError: sequence item 1: expected string or Unicode, int found"); // u'a'.join(['a', 1])
    check(m(u("a"), "join", &[i(5)]), "TypeError: can only join an iterable"); // u'a'.join(5)
    check(m(u("-"), "join", &[l(&[s(b"a"), u("b"), s(b"c")])]), "u'a-b-c'"); // u'-'.join(['a', u'b', 'c'])
    check(m(u("a"), "count", &[u("a"), s(b"x")]), "TypeError: slice indices must be integers or None or have an __index__ method"); // u'a'.count(u'a', 'x')
    check(m(u("x"), "translate", &[d(&[(i(120), u("yz")), (i(97), NONE)])]), "u'yz'"); // u'x'.translate({ord('x'): u'yz', 97: None})
    check(m(u("xa"), "translate", &[d(&[(i(120), i(5))])]), "u'\\x05a'"); // u'xa'.translate({ord('x'): 5})
    check(m(u("xa"), "translate", &[d(&[(i(120), s(b"q"))])]), "TypeError: character mapping must return integer, None or unicode"); // u'xa'.translate({ord('x'): 'q'})
    check(m(u("12"), "isnumeric", &[]), "True"); // u'12'.isnumeric()
    check(m(u("ab"), "isnumeric", &[]), "False"); // u'ab'.isnumeric()
    check(m(u("\u{bd}\u{4e00}"), "isnumeric", &[]), "True"); // u'\xbd\u4e00'.isnumeric()
    check(m(u("12"), "isdecimal", &[]), "True"); // u'12'.isdecimal()
    check(m(u("\u{b2}"), "isdecimal", &[]), "False"); // u'\xb2'.isdecimal()
    check(m(u("\u{b2}"), "isdigit", &[]), "True"); // u'\xb2'.isdigit()
    check(m(u("\u{e9}t\u{e9} ABC"), "upper", &[]), "u'\\xc9T\\xc9 ABC'"); // u'\xe9t\xe9 ABC'.upper()
    check(m(u("\u{c9}T\u{c9}"), "lower", &[]), "u'\\xe9t\\xe9'"); // u'\xc9T\xc9'.lower()
    check(m(u("\u{df}"), "upper", &[]), "u'\\xdf'"); // u'\xdf'.upper()
    check(m(u("\u{1c6}abc"), "title", &[]), "u'\\u01c5abc'"); // u'\u01c6abc'.title()
    check(m(u("hello world"), "title", &[]), "u'Hello World'"); // u'hello world'.title()
    check(m(u("\u{1c5}"), "istitle", &[]), "True"); // u'\u01c5'.istitle()
    check(m(u("a\u{1c}b\u{85}c\u{2028}d"), "split", &[]), "[u'a', u'b', u'c', u'd']"); // u'a\x1cb\x85c\u2028d'.split()
    check(m(u("a\u{1c}b\u{85}c\u{2028}d\u{b}e"), "splitlines", &[]), "[u'a', u'b', u'c', u'd', u'e']"); // u'a\x1cb\x85c\u2028d\x0be'.splitlines()
    check(m(u("a\u{3000}b"), "split", &[]), "[u'a', u'b']"); // u'a\u3000b'.split()
    check(item(u("abc"), sl(i(1), NONE, NONE)), "u'bc'"); // u'abc'[1:]
    check(item(u("abc"), sl(NONE, NONE, i(-1))), "u'cba'"); // u'abc'[::-1]
    check(item(u("abc"), i(5)), "IndexError: string index out of range"); // u'abc'[5]
    check(m(u("abc"), "zfill", &[i(5)]), "u'00abc'"); // u'abc'.zfill(5)
    check(m(u("a\u{9}b"), "expandtabs", &[]), "u'a       b'"); // u'a\tb'.expandtabs()
    check(bin(BinOp::Mul, u("abc"), i(2)), "u'abcabc'"); // u'abc' * 2
    check(m(u("\u{e9}"), "isalpha", &[]), "True"); // u'\xe9'.isalpha()
    check(m(u("\u{663}"), "isdigit", &[]), "True"); // u'\u0663'.isdigit()
    check(m(u("  x  "), "strip", &[]), "u'x'"); // u'  x  '.strip()
    check(m(u("xyx"), "replace", &[s(b"x"), u("\u{e9}")]), "u'\\xe9y\\xe9'"); // u'xyx'.replace('x', u'\xe9')
    check(m(u("abc"), "replace", &[s(b"b"), s(b"\xe9")]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // u'abc'.replace('b', '\xe9')
    check(m(u("a=b"), "partition", &[s(b"=")]), "(u'a', u'=', u'b')"); // u'a=b'.partition('=')
    check(m(u("abc"), "endswith", &[t(&[u("x"), s(b"c")])]), "True"); // u'abc'.endswith((u'x', 'c'))
    check(m(u("Hello"), "swapcase", &[]), "u'hELLO'"); // u'Hello'.swapcase()
    check(m(u("\u{e9}"), "capitalize", &[]), "u'\\xc9'"); // u'\xe9'.capitalize()
    check(builtin("len", &[u("\u{e9}t\u{e9}")], &[]), "3"); // len(u'\xe9t\xe9')
    check(contains(u("axb"), s(b"x")), "True"); // 'x' in u'axb'
    check(contains(u("a"), i(1)), "TypeError: coercing to Unicode: need string or buffer, int found"); // 1 in u'a'
}

#[test]
fn percent_errors() {
    let _g = setup();
    check(bin(BinOp::Mod, s(b"%d"), s(b"x")), "TypeError: %d format: a number is required, not str"); // '%d' % 'x'
    check(bin(BinOp::Mod, s(b"%d %d"), t(&[i(1)])), "TypeError: not enough arguments for format string"); // '%d %d' % (1,)
    check(bin(BinOp::Mod, s(b"%d"), t(&[i(1), i(2)])), "TypeError: not all arguments converted during string formatting"); // '%d' % (1, 2)
    check(bin(BinOp::Mod, s(b"%y"), i(1)), "ValueError: unsupported format character 'y' (0x79) at index 1"); // '%y' % 1
    check(bin(BinOp::Mod, s(b"%(a)s"), i(1)), "TypeError: format requires a mapping"); // '%(a)s' % 1
    check(bin(BinOp::Mod, s(b"%"), t(&[])), "ValueError: incomplete format"); // '%' % ()
    check(bin(BinOp::Mod, s(b"%s"), t(&[])), "TypeError: not enough arguments for format string"); // '%s' % ()
    check(bin(BinOp::Mod, s(b"ab"), i(5)), "TypeError: not all arguments converted during string formatting"); // 'ab' % 5
    check(bin(BinOp::Mod, s(b"ab"), t(&[])), "'ab'"); // 'ab' % ()
    check(bin(BinOp::Mod, s(b"ab"), d(&[])), "'ab'"); // 'ab' % {}
    check(bin(BinOp::Mod, s(b"%(a)s %d"), d(&[(s(b"a"), i(1))])), "TypeError: not enough arguments for format string"); // '%(a)s %d' % {'a': 1}
    check(bin(BinOp::Mod, s(b"%(a)*d"), d(&[(s(b"a"), i(1))])), "TypeError: not enough arguments for format string"); // '%(a)*d' % {'a': 1}
    check(bin(BinOp::Mod, s(b"%(a"), d(&[(s(b"a"), i(1))])), "ValueError: incomplete format key"); // '%(a' % {'a': 1}
    check(bin(BinOp::Mod, s(b"%(b)s"), d(&[(s(b"a"), i(1))])), "KeyError: 'b'"); // '%(b)s' % {'a': 1}
    check(bin(BinOp::Mod, s(b"%*s"), t(&[s(b"x"), s(b"y")])), "TypeError: * wants int"); // '%*s' % ('x', 'y')
    check(bin(BinOp::Mod, s(b"%.*s"), t(&[s(b"x"), s(b"y")])), "TypeError: * wants int"); // '%.*s' % ('x', 'y')
    check(bin(BinOp::Mod, s(b"%e"), s(b"x")), "TypeError: float argument required, not str"); // '%e' % 'x'
    check(bin(BinOp::Mod, s(b"%x"), s(b"x")), "TypeError: %x format: a number is required, not str"); // '%x' % 'x'
    check(bin(BinOp::Mod, s(b"%c"), f(1.5)), "TypeError: integer argument expected, got float"); // '%c' % 1.5
    check(bin(BinOp::Mod, s(b"%c"), i(256)), "OverflowError: unsigned byte integer is greater than maximum"); // '%c' % 256
    check(bin(BinOp::Mod, s(b"%c"), i(-1)), "OverflowError: unsigned byte integer is less than minimum"); // '%c' % -1
    check(bin(BinOp::Mod, s(b"%c"), s(b"ab")), "TypeError: %c requires int or char"); // '%c' % 'ab'
    check(bin(BinOp::Mod, s(b"%i"), s(b"3")), "TypeError: %d format: a number is required, not str"); // '%i' % '3'
    check(bin(BinOp::Mod, s(b"%d"), NONE), "TypeError: %d format: a number is required, not NoneType"); // '%d' % None
    check(bin(BinOp::Mod, s(b"%f"), NONE), "TypeError: float argument required, not NoneType"); // '%f' % None
    check(bin(BinOp::Mod, s(b"%f"), big("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")), "TypeError: float argument required, not long"); // '%f' % 10**400
    check(bin(BinOp::Mod, s(b"%d"), f(f64::INFINITY)), "TypeError: %d format: a number is required, not float"); // '%d' % 1e400
    check(bin(BinOp::Mod, s(b"%\x01"), i(1)), "ValueError: unsupported format character '\x01' (0x1) at index 1"); // '%\x01' % 1
    check(bin(BinOp::Mod, u("%y"), i(1)), "ValueError: unsupported format character 'y' (0x79) at index 1"); // u'%y' % 1
    check(bin(BinOp::Mod, u("%"), i(1)), "ValueError: incomplete format"); // u'%' % 1
    check(bin(BinOp::Mod, u("%c"), s(b"ab")), "TypeError: %c requires int or char"); // u'%c' % 'ab'
    check(bin(BinOp::Mod, u("%c"), i(1114112)), "OverflowError: %c arg not in range(0x110000) (wide Python build)"); // u'%c' % 0x110000
}

#[test]
fn percent_conversions() {
    let _g = setup();
    check(bin(BinOp::Mod, s(b"%(a)s %(b)r"), d(&[(s(b"a"), i(1)), (s(b"b"), s(b"x"))])), "\"1 'x'\""); // '%(a)s %(b)r' % {'a': 1, 'b': 'x'}
    check(bin(BinOp::Mod, s(b"%s"), u("\u{e9}")), "u'\\xe9'"); // '%s' % u'\xe9'
    check(bin(BinOp::Mod, s(b"\xe9%s"), u("x")), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // '\xe9%s' % u'x'
    check(bin(BinOp::Mod, s(b"%5.2f|%-8.3e|%+g|% d|%#x|%#o|%05d|%x|%X"), t(&[f(3.14159), f(12345.678), f(0.0001), i(5), i(255), i(8), i(-42), i(-255), i(255)])), "' 3.14|1.235e+04|+0.0001| 5|0xff|010|-0042|-ff|FF'"); // '%5.2f|%-8.3e|%+g|% d|%#x|%#o|%05d|%x|%X' % (3.14159, 12345.678, 0.0001, 5, 255, 8, -42, -255, 255)
    check(bin(BinOp::Mod, s(b"%.3f %.0f %.0f %.0f"), t(&[f(2.0005), f(0.5), f(1.5), f(2.5)])), "'2.001 0 2 2'"); // '%.3f %.0f %.0f %.0f' % (2.0005, 0.5, 1.5, 2.5)
    check(bin(BinOp::Mod, s(b"%g %g %g %g %g"), t(&[i(100000), i(1000000), f(0.0001), f(1.0e-05), i(123456789)])), "'100000 1e+06 0.0001 1e-05 1.23457e+08'"); // '%g %g %g %g %g' % (100000, 1000000, 1e-4, 1e-5, 123456789)
    check(bin(BinOp::Mod, s(b"%#g %#.3g %G %E"), t(&[f(1.0), f(1.0), f(1.0e-10), f(1.5)])), "'1.00000 1.00 1E-10 1.500000E+00'"); // '%#g %#.3g %G %E' % (1.0, 1.0, 1e-10, 1.5)
    check(bin(BinOp::Mod, s(b"%r %s %r"), t(&[f(0.1), f(0.1), f(1.0e+22)])), "'0.1 0.1 1e+22'"); // '%r %s %r' % (0.1, 0.1, 1e22)
    check(bin(BinOp::Mod, s(b"%c%c"), t(&[i(65), s(b"B")])), "'AB'"); // '%c%c' % (65, 'B')
    check(bin(BinOp::Mod, s(b"%*d|%-*d|%.*f"), t(&[i(5), i(1), i(5), i(2), i(2), f(3.14159)])), "'    1|2    |3.14'"); // '%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159)
    check(bin(BinOp::Mod, s(b"%d %i %u"), t(&[f(3.7), f(-3.7), big("1180591620717411303424")])), "'3 -3 1180591620717411303424'"); // '%d %i %u' % (3.7, -3.7, 2**70)
    check(bin(BinOp::Mod, s(b"%x %o %X"), t(&[big("1180591620717411303424"), big("-1180591620717411303424"), f(3.5)])), "'400000000000000000 -200000000000000000000000 3'"); // '%x %o %X' % (2**70, -2**70, 3.5)
    check(bin(BinOp::Mod, s(b"%f"), f(1.0e+50)), "'100000000000000007629769841091887003294964970946560.000000'"); // '%f' % 1e50
    check(bin(BinOp::Mod, s(b"%.60f"), i(1)), "'1.000000000000000000000000000000000000000000000000000000000000'"); // '%.60f' % 1
    check(bin(BinOp::Mod, s(b"%s %s"), t(&[NONE, l(&[i(1), s(b"a")])])), "\"None [1, 'a']\""); // '%s %s' % (None, [1, 'a'])
    check(bin(BinOp::Mod, s(b"%%"), t(&[])), "'%'"); // '%%' % ()
    check(bin(BinOp::Mod, s(b"%5%"), t(&[])), "'    %'"); // '%5%' % ()
    check(bin(BinOp::Mod, s(b"%s"), l(&[])), "'[]'"); // '%s' % []
    check(bin(BinOp::Mod, s(b"%d"), TRUE), "'1'"); // '%d' % True
    check(bin(BinOp::Mod, s(b"%c"), s(b"x")), "'x'"); // '%c' % 'x'
    check(bin(BinOp::Mod, s(b"%s"), d(&[(s(b"a"), i(1))])), "\"{'a': 1}\""); // '%s' % {'a': 1}
    check(bin(BinOp::Mod, s(b"%.2s|%5s|%-5s|"), t(&[s(b"abc"), s(b"x"), s(b"y")])), "'ab|    x|y    |'"); // '%.2s|%5s|%-5s|' % ('abc', 'x', 'y')
    check(bin(BinOp::Mod, s(b"%+.3d|%08.3f|%-08d|%+ d"), t(&[i(5), f(-3.14159), i(7), i(3)])), "'+005|-003.142|7       |+3'"); // '%+.3d|%08.3f|%-08d|%+ d' % (5, -3.14159, 7, 3)
    check(bin(BinOp::Mod, s(b"%#.0f|%#x|%#X|%#o"), t(&[f(3.0), i(0), i(10), i(0)])), "'3.|0x0|0XA|0'"); // '%#.0f|%#x|%#X|%#o' % (3.0, 0, 10, 0)
    check(bin(BinOp::Mod, s(b"%f %f %f %e"), t(&[f(f64::INFINITY), f(f64::NEG_INFINITY), f(f64::NAN), f(f64::INFINITY)])), "'inf -inf nan inf'"); // '%f %f %f %e' % (float('inf'), float('-inf'), float('nan'), float('inf'))
    check(bin(BinOp::Mod, s(b"%5.1s|"), s(b"abc")), "'    a|'"); // '%5.1s|' % 'abc'
    check(bin(BinOp::Mod, s(b"%ld %lx %hd"), t(&[i(1), i(255), i(3)])), "'1 ff 3'"); // '%ld %lx %hd' % (1, 255, 3)
    check(bin(BinOp::Mod, s(b"%05s|%05c|%05%|%05f|%-05f|%+f|%F|%5F"), t(&[s(b"a"), s(b"b"), f(f64::INFINITY), f(f64::INFINITY), f(f64::NAN), f(f64::INFINITY), f(f64::NAN)])), "'    a|    b|    %|00inf|inf  |+nan|INF|  NAN'"); // '%05s|%05c|%05%|%05f|%-05f|%+f|%F|%5F' % ('a', 'b', float('inf'), float('inf'), float('nan'), float('inf'), float('nan'))
    check(bin(BinOp::Mod, s(b"%#08x|%+08d|%#.5x|%#x|%#o|%#o|%#.3o"), t(&[i(255), i(5), i(255), i(-255), big("0"), big("8"), i(8)])), "'0x0000ff|+0000005|0x000ff|-0xff|0|010|010'"); // '%#08x|%+08d|%#.5x|%#x|%#o|%#o|%#.3o' % (255, 5, 255, -255, 0L, 8L, 8)
    check(bin(BinOp::Mod, s(b"%#.0e|%.0e|%#.3g|%.3g|%g"), t(&[f(3.0), f(3.0), f(100000.0), f(100000.0), f(0.0)])), "'3.e+00|3e+00|1.00e+05|1e+05|0'"); // '%#.0e|%.0e|%#.3g|%.3g|%g' % (3.0, 3.0, 100000.0, 100000.0, 0.0)
    check(bin(BinOp::Mod, s(b"%-+8.2f|% 08.2f"), t(&[f(3.14159), f(2.5)])), "'+3.14   | 0002.50'"); // '%-+8.2f|% 08.2f' % (3.14159, 2.5)
    check(bin(BinOp::Mod, s(b"%*s"), t(&[i(-5), s(b"y")])), "'y    '"); // '%*s' % (-5, 'y')
    check(bin(BinOp::Mod, s(b"%s %s"), t(&[big("1"), f(-0.0)])), "'1 -0.0'"); // '%s %s' % (1L, -0.0)
    check(bin(BinOp::Mod, s(b"%d"), f(-0.0)), "'0'"); // '%d' % -0.0
    check(bin(BinOp::Mod, s(b"%5c|%-5c|"), t(&[s(b"a"), i(66)])), "'    a|B    |'"); // '%5c|%-5c|' % ('a', 66)
    check(bin(BinOp::Mod, s(b"%(a)s %%"), d(&[(s(b"a"), i(1))])), "'1 %'"); // '%(a)s %%' % {'a': 1}
    check(bin(BinOp::Mod, s(b"%s"), t(&[t(&[i(1), i(2)])])), "'(1, 2)'"); // '%s' % ((1, 2),)
    check(bin(BinOp::Mod, s(b"%(x(y))s"), d(&[(s(b"x(y)"), i(3))])), "'3'"); // '%(x(y))s' % {'x(y)': 3}
    check(bin(BinOp::Mod, s(b"%c"), u("\u{e9}")), "u'\\xe9'"); // '%c' % u'\xe9'
    check(bin(BinOp::Mod, s(b"%s %s"), t(&[s(b"a"), u("b")])), "u'a b'"); // '%s %s' % ('a', u'b')
    check(bin(BinOp::Mod, s(b"%s %s"), t(&[u("a"), s(b"\xe9")])), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // '%s %s' % (u'a', '\xe9')
    check(bin(BinOp::Mod, s(b"%r %s"), t(&[u("\u{e9}"), u("\u{e9}")])), "u\"u'\\\\xe9' \\xe9\""); // '%r %s' % (u'\xe9', u'\xe9')
    check(bin(BinOp::Mod, u("%s %d"), t(&[s(b"a"), i(5)])), "u'a 5'"); // u'%s %d' % ('a', 5)
    check(bin(BinOp::Mod, u("%s"), s(b"\xe9")), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // u'%s' % '\xe9'
    check(bin(BinOp::Mod, u("%c"), i(233)), "u'\\xe9'"); // u'%c' % 233
    check(bin(BinOp::Mod, u("%r"), u("\u{e9}")), "u\"u'\\\\xe9'\""); // u'%r' % u'\xe9'
    check(bin(BinOp::Mod, s(b"%r"), u("\u{e9}")), "\"u'\\\\xe9'\""); // '%r' % u'\xe9'
    check(bin(BinOp::Mod, u("%d %5.2f %x"), t(&[i(1), f(2.5), i(255)])), "u'1  2.50 ff'"); // u'%d %5.2f %x' % (1, 2.5, 255)
    check(bin(BinOp::Mod, s(b"%010.3e|%-10.2g|%10.4G"), t(&[f(1234.5), f(1.2345e-05), f(1.0e+20)])), "'01.234e+03|1.2e-05   |     1E+20'"); // '%010.3e|%-10.2g|%10.4G' % (1234.5, 0.000012345, 1e20)
    check(bin(BinOp::Mod, s(b"%.0e %.1e %.15g %.17g %.20g"), t(&[f(5.0e-324), f(1.25), f(0.1), f(0.1), f(0.1)])), "'5e-324 1.2e+00 0.1 0.10000000000000001 0.10000000000000000555'"); // '%.0e %.1e %.15g %.17g %.20g' % (5e-324, 1.25, 0.1, 0.1, 0.1)
    check(bin(BinOp::Mod, s(b"%d"), big("1000000000000000000000000000000")), "'1000000000000000000000000000000'"); // '%d' % 10**30
    check(bin(BinOp::Mod, s(b"%20d|%-20x|%+d"), t(&[i(1000000000000000000), i(1000000000000000000), big("10000000000000000000")])), "' 1000000000000000000|de0b6b3a7640000     |+10000000000000000000'"); // '%20d|%-20x|%+d' % (10**18, 10**18, 10**19)
    check(bin(BinOp::Mod, s(b"%o %x"), t(&[i(-8), i(-255)])), "'-10 -ff'"); // '%o %x' % (-8, -255)
    check(bin(BinOp::Mod, s(b"%.5d %.5x"), t(&[i(-42), i(255)])), "'-00042 000ff'"); // '%.5d %.5x' % (-42, 255)
    check(bin(BinOp::Mod, s(b"%s"), f(1.0)), "'1.0'"); // '%s' % 1.0
    check(bin(BinOp::Mod, s(b"%s %s"), t(&[f(1.0e+16), f(123456789012.5)])), "'1e+16 1.23456789012e+11'"); // '%s %s' % (1e16, 123456789012.5)
    check(bin(BinOp::Mod, s(b"%.3s"), f(3.14159)), "'3.1'"); // '%.3s' % 3.14159
    check(bin(BinOp::Mod, s(b"%.2f %.2f %.1f %.2e"), t(&[f(1.005), f(0.125), f(0.25), i(12345)])), "'1.00 0.12 0.2 1.23e+04'"); // '%.2f %.2f %.1f %.2e' % (1.005, 0.125, 0.25, 12345)
    check(bin(BinOp::Mod, s(b"%.12g|%.16g|%.3g"), t(&[f(0.3333333333333333), f(0.6666666666666666), i(1234567)])), "'0.333333333333|0.6666666666666666|1.23e+06'"); // '%.12g|%.16g|%.3g' % (1/3.0, 2/3.0, 1234567)
    check(bin(BinOp::Mod, s(b"%s|%r"), t(&[f(1.0e-05), f(123456789.0)])), "'1e-05|123456789.0'"); // '%s|%r' % (1e-5, 123456789.0)
    check(bin(BinOp::Mod, s(b"%s"), f(1.2345678901234567e+19)), "'1.23456789012e+19'"); // '%s' % 12345678901234567890.0
    check(bin(BinOp::Mod, s(b"%x"), i(0)), "'0'"); // '%x' % 0
    check(bin(BinOp::Mod, s(b"%+d % d"), t(&[i(0), i(0)])), "'+0  0'"); // '%+d % d' % (0, 0)
}

#[test]
fn format_spec() {
    let _g = setup();
    check(builtin("format", &[f(0.30000000000000004), s(b"")], &[]), "'0.3'"); // format(0.1 + 0.2, '')
    check(builtin("format", &[f(0.30000000000000004), s(b"10")], &[]), "'       0.3'"); // format(0.1 + 0.2, '10')
    check(builtin("format", &[f(1.0e+16), s(b"")], &[]), "'1e+16'"); // format(1e16, '')
    check(builtin("format", &[f(1.0e+16), s(b"5")], &[]), "'1e+16'"); // format(1e16, '5')
    check(builtin("format", &[f(1.0), s(b".3")], &[]), "'1.0'"); // format(1.0, '.3')
    check(builtin("format", &[f(1234.5), s(b".3")], &[]), "'1.23e+03'"); // format(1234.5, '.3')
    check(builtin("format", &[f(1.0), s(b"10")], &[]), "'       1.0'"); // format(1.0, '10')
    check(builtin("format", &[f(123456789012.5), s(b"")], &[]), "'1.23456789012e+11'"); // format(123456789012.5, '')
    check(builtin("format", &[f(123456789012.5), s(b"<20")], &[]), "'1.23456789012e+11   '"); // format(123456789012.5, '<20')
    check(builtin("format", &[f(3.14159), s(b".2f")], &[]), "'3.14'"); // format(3.14159, '.2f')
    check(builtin("format", &[f(3.14159), s(b"+.3e")], &[]), "'+3.142e+00'"); // format(3.14159, '+.3e')
    check(builtin("format", &[f(1234567.891), s(b",.2f")], &[]), "'1,234,567.89'"); // format(1234567.891, ',.2f')
    check(builtin("format", &[f(0.25), s(b".1%")], &[]), "'25.0%'"); // format(0.25, '.1%')
    check(builtin("format", &[f(1.0e-05), s(b"g")], &[]), "'1e-05'"); // format(1e-5, 'g')
    check(builtin("format", &[f(1.0e-05), s(b"n")], &[]), "'1e-05'"); // format(1e-5, 'n')
    check(builtin("format", &[f(12345.678), s(b"*^20,.1f")], &[]), "'******12,345.7******'"); // format(12345.678, '*^20,.1f')
    check(builtin("format", &[f(-1.5), s(b"=+10.2f")], &[]), "'-     1.50'"); // format(-1.5, '=+10.2f')
    check(builtin("format", &[f(-1.5), s(b"010.2f")], &[]), "'-000001.50'"); // format(-1.5, '010.2f')
    check(builtin("format", &[f(f64::INFINITY), s(b"010f")], &[]), "'0000000inf'"); // format(float('inf'), '010f')
    check(builtin("format", &[f(f64::NAN), s(b"+G")], &[]), "'+NAN'"); // format(float('nan'), '+G')
    check(builtin("format", &[f(2.5), s(b".0f")], &[]), "'2'"); // format(2.5, '.0f')
    check(builtin("format", &[f(1.0), s(b"#.0f")], &[]), "ValueError: Alternate form (#) not allowed in float format specifier"); // format(1.0, '#.0f')
    check(builtin("format", &[f(100.0), s(b".0e")], &[]), "'1e+02'"); // format(100.0, '.0e')
    check(builtin("format", &[f(1.5), s(b"x")], &[]), "ValueError: Unknown format code 'x' for object of type 'float'"); // format(1.5, 'x')
    check(builtin("format", &[f(1.5), s(b"d")], &[]), "ValueError: Unknown format code 'd' for object of type 'float'"); // format(1.5, 'd')
    check(builtin("format", &[f(1.5), s(b",d")], &[]), "ValueError: Unknown format code 'd' for object of type 'float'"); // format(1.5, ',d')
    check(builtin("format", &[f(1.5), s(b",.2e")], &[]), "'1.50e+00'"); // format(1.5, ',.2e')
    check(builtin("format", &[f(-0.0), s(b"")], &[]), "'-0.0'"); // format(-0.0, '')
    check(builtin("format", &[f(-0.0), s(b".1f")], &[]), "'-0.0'"); // format(-0.0, '.1f')
    check(builtin("format", &[i(42), s(b"")], &[]), "'42'"); // format(42, '')
    check(builtin("format", &[i(42), s(b"b")], &[]), "'101010'"); // format(42, 'b')
    check(builtin("format", &[i(42), s(b"#b")], &[]), "'0b101010'"); // format(42, '#b')
    check(builtin("format", &[i(42), s(b"#o")], &[]), "'0o52'"); // format(42, '#o')
    check(builtin("format", &[i(42), s(b"#X")], &[]), "'0X2A'"); // format(42, '#X')
    check(builtin("format", &[i(-42), s(b"#x")], &[]), "'-0x2a'"); // format(-42, '#x')
    check(builtin("format", &[i(42), s(b"c")], &[]), "'*'"); // format(42, 'c')
    check(builtin("format", &[i(42), s(b"+c")], &[]), "ValueError: Sign not allowed with integer format specifier 'c'"); // format(42, '+c')
    check(builtin("format", &[i(1234567), s(b",")], &[]), "'1,234,567'"); // format(1234567, ',')
    check(builtin("format", &[i(1234567), s(b"_")], &[]), "ValueError: Unknown format code '_' for object of type 'int'"); // format(1234567, '_')
    check(builtin("format", &[i(42), s(b"08,")], &[]), "'0,000,042'"); // format(42, '08,')
    check(builtin("format", &[i(123), s(b"010,")], &[]), "'00,000,123'"); // format(123, '010,')
    check(builtin("format", &[i(-42), s(b"=8")], &[]), "'-     42'"); // format(-42, '=8')
    check(builtin("format", &[i(42), s(b"^9")], &[]), "'   42    '"); // format(42, '^9')
    check(builtin("format", &[i(42), s(b"x<8")], &[]), "'42xxxxxx'"); // format(42, 'x<8')
    check(builtin("format", &[i(42), s(b".2")], &[]), "ValueError: Precision not allowed in integer format specifier"); // format(42, '.2')
    check(builtin("format", &[i(42), s(b"e")], &[]), "'4.200000e+01'"); // format(42, 'e')
    check(builtin("format", &[i(42), s(b".2f")], &[]), "'42.00'"); // format(42, '.2f')
    check(builtin("format", &[i(42), s(b"%")], &[]), "'4200.000000%'"); // format(42, '%')
    check(builtin("format", &[i(42), s(b"n")], &[]), "'42'"); // format(42, 'n')
    check(builtin("format", &[i(42), s(b"s")], &[]), "ValueError: Unknown format code 's' for object of type 'int'"); // format(42, 's')
    check(builtin("format", &[big("1180591620717411303424"), s(b",")], &[]), "'1,180,591,620,717,411,303,424'"); // format(2**70, ',')
    check(builtin("format", &[big("1180591620717411303424"), s(b"#x")], &[]), "'0x400000000000000000'"); // format(2**70, '#x')
    check(builtin("format", &[big("-1180591620717411303424"), s(b"+040,")], &[]), "'-000,000,001,180,591,620,717,411,303,424'"); // format(-2**70, '+040,')
    check(builtin("format", &[TRUE, s(b"")], &[]), "'True'"); // format(True, '')
    check(builtin("format", &[TRUE, s(b"d")], &[]), "'1'"); // format(True, 'd')
    check(builtin("format", &[TRUE, s(b"5")], &[]), "'    1'"); // format(True, '5')
    check(builtin("format", &[s(b"abc"), s(b"")], &[]), "'abc'"); // format('abc', '')
    check(builtin("format", &[s(b"abc"), s(b"5")], &[]), "'abc  '"); // format('abc', '5')
    check(builtin("format", &[s(b"abc"), s(b">5")], &[]), "'  abc'"); // format('abc', '>5')
    check(builtin("format", &[s(b"abc"), s(b"^6")], &[]), "' abc  '"); // format('abc', '^6')
    check(builtin("format", &[s(b"abc"), s(b".2")], &[]), "'ab'"); // format('abc', '.2')
    check(builtin("format", &[s(b"abc"), s(b"x^9.1s")], &[]), "'xxxxaxxxx'"); // format('abc', 'x^9.1s')
    check(builtin("format", &[s(b"abc"), s(b"+")], &[]), "ValueError: Sign not allowed in string format specifier"); // format('abc', '+')
    check(builtin("format", &[s(b"abc"), s(b"=")], &[]), "ValueError: '=' alignment not allowed in string format specifier"); // format('abc', '=')
    check(builtin("format", &[s(b"abc"), s(b",")], &[]), "ValueError: Cannot specify ',' with 's'."); // format('abc', ',')
    check(builtin("format", &[s(b"abc"), s(b"d")], &[]), "ValueError: Unknown format code 'd' for object of type 'str'"); // format('abc', 'd')
    check(builtin("format", &[s(b"abc"), s(b"05")], &[]), "ValueError: '=' alignment not allowed in string format specifier"); // format('abc', '05')
    check(builtin("format", &[s(b"abc"), s(b"#")], &[]), "ValueError: Alternate form (#) not allowed in string format specifier"); // format('abc', '#')
    check(builtin("format", &[u("abc"), s(b"^7")], &[]), "u'  abc  '"); // format(u'abc', '^7')
    check(builtin("format", &[s(b"abc"), u("^7")], &[]), "u'  abc  '"); // format('abc', u'^7')
    check(builtin("format", &[NONE, s(b"")], &[]), "'None'"); // format(None, '')
    check(builtin("format", &[NONE, s(b"5")], &[]), "'None '"); // format(None, '5')
    check(builtin("format", &[l(&[i(1)]), s(b"")], &[]), "'[1]'"); // format([1], '')
    check(builtin("format", &[i(42), s(b"{")], &[]), "ValueError: Unknown format code '{' for object of type 'int'"); // format(42, '{')
    check(builtin("format", &[i(42), s(b"<<5")], &[]), "'42<<<'"); // format(42, '<<5')
    check(builtin("format", &[i(42), s(b",,")], &[]), "ValueError: Cannot specify ',' with ','."); // format(42, ',,')
    check(builtin("format", &[i(42), s(b"10000000000000000000000")], &[]), "ValueError: Too many decimal digits in format string"); // format(42, '10000000000000000000000')
    check(builtin("format", &[i(42), s(b"zz")], &[]), "ValueError: Invalid conversion specification"); // format(42, 'zz')
    check(builtin("format", &[i(42), s(b",x")], &[]), "ValueError: Cannot specify ',' with 'x'."); // format(42, ',x')
    check(builtin("format", &[i(42), s(b",b")], &[]), "ValueError: Cannot specify ',' with 'b'."); // format(42, ',b')
    check(builtin("format", &[i(42), s(b",c")], &[]), "ValueError: Cannot specify ',' with 'c'."); // format(42, ',c')
    check(builtin("format", &[i(42), s(b",n")], &[]), "ValueError: Cannot specify ',' with 'n'."); // format(42, ',n')
    check(builtin("format", &[i(42), s(b".")], &[]), "ValueError: Format specifier missing precision"); // format(42, '.')
    check(builtin("format", &[f(3.0), s(b" ")], &[]), "' 3.0'"); // format(3.0, ' ')
    check(builtin("format", &[i(-3), s(b" ")], &[]), "'-3'"); // format(-3, ' ')
    check(builtin("format", &[i(3), s(b"+")], &[]), "'+3'"); // format(3, '+')
}

#[test]
fn str_format_method() {
    let _g = setup();
    check(m(s(b"{0} {1!r} {0!s:>5}"), "format", &[s(b"a"), s(b"b")]), "\"a 'b'     a\""); // '{0} {1!r} {0!s:>5}'.format('a', 'b')
    check(m(s(b"{} {}"), "format", &[i(1), i(2)]), "'1 2'"); // '{} {}'.format(1, 2)
    check(m(s(b"{0} {}"), "format", &[i(1), i(2)]), "ValueError: cannot switch from manual field specification to automatic field numbering"); // '{0} {}'.format(1, 2)
    check(m(s(b"{} {0}"), "format", &[i(1), i(2)]), "ValueError: cannot switch from automatic field numbering to manual field specification"); // '{} {0}'.format(1, 2)
    check(mk(s(b"{a} {b[0]} {d[k]}"), "format", &[], &[("a", i(1)), ("b", l(&[i(5)])), ("d", d(&[(s(b"k"), s(b"v"))]))]), "'1 5 v'"); // '{a} {b[0]} {d[k]}'.format(a=1, b=[5], d={'k': 'v'})
    check(m(s(b"{0[1]}"), "format", &[s(b"xyz")]), "'y'"); // '{0[1]}'.format('xyz')
    check(mk(s(b"{0:{1}}|{0:{w}.{p}f}"), "format", &[f(3.14159), i(8)], &[("w", i(10)), ("p", i(2))]), "' 3.14159|      3.14'"); // '{0:{1}}|{0:{w}.{p}f}'.format(3.14159, 8, w=10, p=2)
    check(m(s(b"{{}} {{{0}}}"), "format", &[i(1)]), "'{} {1}'"); // '{{}} {{{0}}}'.format(1)
    check(m(s(b"{"), "format", &[i(1)]), "ValueError: Single '{' encountered in format string"); // '{'.format(1)
    check(m(s(b"}"), "format", &[i(1)]), "ValueError: Single '}' encountered in format string"); // '}'.format(1)
    check(m(s(b"{0"), "format", &[i(1)]), "ValueError: unmatched '{' in format"); // '{0'.format(1)
    check(m(s(b"{2}"), "format", &[i(1)]), "IndexError: tuple index out of range"); // '{2}'.format(1)
    check(m(s(b"{x}"), "format", &[i(1)]), "KeyError: 'x'"); // '{x}'.format(1)
    check(m(s(b"{0!x}"), "format", &[i(1)]), "ValueError: Unknown conversion specifier x"); // '{0!x}'.format(1)
    check(m(s(b"{0[5]}"), "format", &[l(&[i(1)])]), "IndexError: list index out of range"); // '{0[5]}'.format([1])
    check(m(s(b"{0[k]}"), "format", &[d(&[])]), "KeyError: 'k'"); // '{0[k]}'.format({})
    check(m(s(b"{0:d}"), "format", &[s(b"a")]), "ValueError: Unknown format code 'd' for object of type 'str'"); // '{0:d}'.format('a')
    check(m(u("{0} {1}"), "format", &[u("\u{e9}"), s(b"x")]), "u'\\xe9 x'"); // u'{0} {1}'.format(u'\xe9', 'x')
    check(m(s(b"{0}"), "format", &[u("\u{e9}")]), "UnicodeEncodeError: 'ascii' codec can't encode character u'\\xe9' in position 0: ordinal not in range(128)"); // '{0}'.format(u'\xe9')
    check(m(s(b"{0}"), "format", &[u("abc")]), "'abc'"); // '{0}'.format(u'abc')
    check(m(s(b"{:^{}}"), "format", &[s(b"a"), i(5)]), "'  a  '"); // '{:^{}}'.format('a', 5)
    check(m(s(b"{0!r:^10}"), "format", &[u("a")]), "\"   u'a'   \""); // '{0!r:^10}'.format(u'a')
    check(m(s(b"{0:}"), "format", &[f(1.5)]), "'1.5'"); // '{0:}'.format(1.5)
    check(m(s(b"{0[-1]}"), "format", &[d(&[(s(b"-1"), s(b"neg"))])]), "'neg'"); // '{0[-1]}'.format({'-1': 'neg'})
    check(m(s(b"{0[a b]}"), "format", &[d(&[(s(b"a b"), i(1))])]), "'1'"); // '{0[a b]}'.format({'a b': 1})
    check(m(s(b"{0!}"), "format", &[i(1)]), "ValueError: end of format while looking for conversion specifier"); // '{0!}'.format(1)
    check(m(s(b"{0!rr}"), "format", &[i(1)]), "ValueError: expected ':' after format specifier"); // '{0!rr}'.format(1)
    check(m(s(b"{:{:{}}}"), "format", &[i(1), i(2), i(3)]), "ValueError: Max string recursion exceeded"); // '{:{:{}}}'.format(1, 2, 3)
    check(m(s(b"{0.}"), "format", &[i(1)]), "ValueError: Empty attribute in format string"); // '{0.}'.format(1)
    check(m(s(b"{0[}"), "format", &[i(1)]), "ValueError: Missing ']' in format string"); // '{0[}'.format(1)
    check(m(s(b"{0]}"), "format", &[i(1)]), "KeyError: '0]'"); // '{0]}'.format(1)
    check(m(s(b"{!r}"), "format", &[s(b"x")]), "\"'x'\""); // '{!r}'.format('x')
    check(m(s(b"x{}y"), "format", &[]), "IndexError: tuple index out of range"); // 'x{}y'.format()
    check(m(s(b"{0[0]x}"), "format", &[l(&[i(1)])]), "ValueError: Only '.' or '[' may follow ']' in format field specifier"); // '{0[0]x}'.format([1])
    check(m(s(b"{0:>{1}}"), "format", &[s(b"ab"), i(6)]), "'    ab'"); // '{0:>{1}}'.format('ab', 6)
    check(m(s(b"{0:%}"), "format", &[f(0.5)]), "'50.000000%'"); // '{0:%}'.format(0.5)
    check(m(s(b"{:,}"), "format", &[i(10000000000)]), "'10,000,000,000'"); // '{:,}'.format(10**10)
    check(m(s(b"{0}{1}{0}"), "format", &[s(b"ab"), s(b"cd")]), "'abcdab'"); // '{0}{1}{0}'.format('ab', 'cd')
    check(mk(s(b"{name:*<6}|"), "format", &[], &[("name", s(b"ab"))]), "'ab****|'"); // '{name:*<6}|'.format(name='ab')
    check(m(s(b"{0:s}"), "format", &[i(1)]), "ValueError: Unknown format code 's' for object of type 'int'"); // '{0:s}'.format(1)
    check(m(u("{0:s}"), "format", &[s(b"x")]), "u'x'"); // u'{0:s}'.format('x')
}

#[test]
fn more_str_edges() {
    let _g = setup();
    check(m(s(b" a b "), "split", &[NONE, i(0)]), "['a b ']"); // ' a b '.split(None, 0)
    check(m(s(b" a b "), "rsplit", &[NONE, i(0)]), "[' a b']"); // ' a b '.rsplit(None, 0)
    check(m(s(b"a b "), "rsplit", &[NONE, i(5)]), "['a', 'b']"); // 'a b '.rsplit(None, 5)
    check(m(s(b"abc"), "endswith", &[t(&[])]), "False"); // 'abc'.endswith(())
    check(m(s(b"abcabc"), "rfind", &[s(b"b"), i(0), i(4)]), "1"); // 'abcabc'.rfind('b', 0, 4)
    check(m(s(b"abcabc"), "rfind", &[s(b"b"), i(-3)]), "4"); // 'abcabc'.rfind('b', -3)
    check(m(s(b"abcabc"), "count", &[s(b"b"), i(-3)]), "1"); // 'abcabc'.count('b', -3)
    check(m(s(b"abcabc"), "index", &[s(b"c"), i(3), i(6)]), "5"); // 'abcabc'.index('c', 3, 6)
    check(m(s(b"abcabc"), "find", &[s(b"b"), i(10)]), "-1"); // 'abcabc'.find('b', 10)
    check(m(s(b"abcabc"), "find", &[s(b"b"), i(-100)]), "1"); // 'abcabc'.find('b', -100)
    check(m(s(b"aaa"), "replace", &[s(b"a"), s(b"b"), i(0)]), "'aaa'"); // 'aaa'.replace('a', 'b', 0)
    check(m(s(b"aaa"), "replace", &[s(b"a"), s(b"b"), i(-1)]), "'bbb'"); // 'aaa'.replace('a', 'b', -1)
    check(m(s(b"aaa"), "replace", &[s(b"aa"), s(b"b")]), "'ba'"); // 'aaa'.replace('aa', 'b')
    check(m(s(b"a.b.c"), "replace", &[s(b"."), s(b"")]), "'abc'"); // 'a.b.c'.replace('.', '')
    check(m(s(b"abc"), "join", &[u("xy")]), "u'xabcy'"); // 'abc'.join(u'xy')
    check(m(s(b"-"), "join", &[d(&[(s(b"a"), i(1))])]), "'a'"); // '-'.join({'a': 1})
    check(m(u("-"), "join", &[l(&[s(b"\xe9")])]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // u'-'.join(['\xe9'])
    check(m(s(b"x"), "join", &[l(&[s(b"a"), u("\u{e9}")])]), "u'ax\\xe9'"); // 'x'.join(['a', u'\xe9'])
    check(m(s(b"x"), "join", &[l(&[s(b"\xe9"), u("a")])]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // 'x'.join(['\xe9', u'a'])
    check(m(s(b"a\x0d\x0a"), "splitlines", &[TRUE]), "['a\\r\\n']"); // 'a\r\n'.splitlines(True)
    check(m(s(b"a\x0d\x0a\x0d\x0a"), "splitlines", &[]), "['a', '']"); // 'a\r\n\r\n'.splitlines()
    check(m(s(b""), "splitlines", &[]), "[]"); // ''.splitlines()
    check(m(s(b"\x0d"), "splitlines", &[i(1)]), "['\\r']"); // '\r'.splitlines(1)
    check(m(s(b"a\x0db\x09c"), "expandtabs", &[i(4)]), "'a\\rb   c'"); // 'a\rb\tc'.expandtabs(4)
    check(m(s(b"\x09"), "expandtabs", &[i(-1)]), "''"); // '\t'.expandtabs(-1)
    check(m(s(b"ab"), "zfill", &[i(-5)]), "'ab'"); // 'ab'.zfill(-5)
    check(m(s(b"-"), "zfill", &[i(3)]), "'-00'"); // '-'.zfill(3)
    check(m(s(b"abc"), "title", &[]), "'Abc'"); // 'abc'.title()
    check(m(s(b"ABC def"), "title", &[]), "'Abc Def'"); // 'ABC def'.title()
    check(m(s(b"a1b2"), "title", &[]), "'A1B2'"); // 'a1b2'.title()
    check(m(s(b"A1B"), "istitle", &[]), "True"); // 'A1B'.istitle()
    check(m(s(b"Ab Cd"), "istitle", &[]), "True"); // 'Ab Cd'.istitle()
    check(m(s(b"AB"), "istitle", &[]), "False"); // 'AB'.istitle()
    check(m(s(b""), "istitle", &[]), "False"); // ''.istitle()
    check(m(s(b""), "islower", &[]), "False"); // ''.islower()
    check(m(s(b"123"), "islower", &[]), "False"); // '123'.islower()
    check(m(s(b"a1"), "islower", &[]), "True"); // 'a1'.islower()
    check(m(s(b"\x0b\x0c"), "isspace", &[]), "True"); // '\x0b\x0c'.isspace()
    check(m(s(b"\x1c"), "isspace", &[]), "False"); // '\x1c'.isspace()
    check(m(s(b"aB1 "), "swapcase", &[]), "'Ab1 '"); // 'aB1 '.swapcase()
    check(item(s(b"abcdef"), sl(i(1), i(100), NONE)), "'bcdef'"); // 'abcdef'[1:100]
    check(item(s(b"abcdef"), sl(i(-100), i(2), NONE)), "'ab'"); // 'abcdef'[-100:2]
    check(item(s(b"abcdef"), sl(NONE, NONE, i(0))), "ValueError: slice step cannot be zero"); // 'abcdef'[::0]
    check(item(s(b"abcdef"), sl(i(10), NONE, NONE)), "''"); // 'abcdef'[10:]
    check(item(s(b"abcdef"), sl(NONE, NONE, i(-2))), "'fdb'"); // 'abcdef'[::-2]
    check(item(s(b"abcdef"), sl(i(-1), i(-4), i(-1))), "'fed'"); // 'abcdef'[-1:-4:-1]
    check(item(s(b"abc"), TRUE), "'b'"); // 'abc'[True]
    check(item(s(b"abc"), big("2")), "'c'"); // 'abc'[2L]
    check(item(s(b"abc"), i(-4)), "IndexError: string index out of range"); // 'abc'[-4]
    check(m(s(b"abc"), "__getslice__", &[i(1), i(100)]), "'bc'"); // 'abc'.__getslice__(1, 100)
    check(m(s(b"abc"), "__getslice__", &[i(-5), i(2)]), "'ab'"); // 'abc'.__getslice__(-5, 2)
    check(m(s(b"abc"), "__len__", &[]), "3"); // 'abc'.__len__()
    check(m(s(b"abc"), "__contains__", &[s(b"bc")]), "True"); // 'abc'.__contains__('bc')
    check(m(s(b"abc"), "__hash__", &[]), "1453079729188098211"); // 'abc'.__hash__()
    check(m(s(b"abc"), "__eq__", &[s(b"abc")]), "True"); // 'abc'.__eq__('abc')
    check(m(s(b"abc"), "__ne__", &[i(1)]), "NotImplemented"); // 'abc'.__ne__(1)
    check(m(s(b"abc"), "__lt__", &[s(b"abd")]), "True"); // 'abc'.__lt__('abd')
    check(m(s(b"abc"), "__repr__", &[]), "\"'abc'\""); // 'abc'.__repr__()
    check(m(s(b"abc"), "__str__", &[]), "'abc'"); // 'abc'.__str__()
    check(m(s(b"abc"), "__mod__", &[t(&[])]), "'abc'"); // 'abc'.__mod__(())
    check(m(s(b"abc"), "__add__", &[s(b"d")]), "'abcd'"); // 'abc'.__add__('d')
    check(m(s(b"abc"), "__mul__", &[i(2)]), "'abcabc'"); // 'abc'.__mul__(2)
    check(m(s(b"abc"), "__rmul__", &[i(2)]), "'abcabc'"); // 'abc'.__rmul__(2)
    check(m(s(b"abc"), "__format__", &[s(b">5")]), "'  abc'"); // 'abc'.__format__('>5')
    check(m(s(b"%s"), "__mod__", &[i(5)]), "'5'"); // '%s'.__mod__(5)
    check(bin(BinOp::Mul, s(b"ab"), i(0)), "''"); // 'ab' * 0
    check(bin(BinOp::Mul, s(b"ab"), big("2")), "'abab'"); // 'ab' * 2L
    check(bin(BinOp::Mul, s(b"ab"), f(2.0)), "TypeError: can't multiply sequence by non-int of type 'float'"); // 'ab' * 2.0
    check(bin(BinOp::Mul, f(2.0), s(b"ab")), "TypeError: can't multiply sequence by non-int of type 'float'"); // 2.0 * 'ab'
    check(bin(BinOp::Mul, l(&[]), s(b"a")), "TypeError: can't multiply sequence by non-int of type 'str'"); // [] * 'a'
    check(m(s(b"a\x09b"), "expandtabs", &[big("8")]), "'a       b'"); // 'a\tb'.expandtabs(8L)
    check(m(s(b"a b"), "split", &[s(b" "), big("1")]), "['a', 'b']"); // 'a b'.split(' ', 1L)
    check(m(s(b"x"), "center", &[i(4), s(b"ab")]), "TypeError: center() argument 2 must be char, not str"); // 'x'.center(4, 'ab')
    check(m(s(b"abc"), "ljust", &[i(-1)]), "'abc'"); // 'abc'.ljust(-1)
    check(m(s(b"abc"), "rjust", &[i(5), s(b"")]), "TypeError: rjust() argument 2 must be char, not str"); // 'abc'.rjust(5, '')
    check(m(s(b"abc"), "strip", &[s(b"")]), "'abc'"); // 'abc'.strip('')
    check(m(s(b"xyz"), "lstrip", &[s(b"zyx")]), "''"); // 'xyz'.lstrip('zyx')
    check(mk(s(b"a"), "decode", &[s(b"ascii")], &[("errors", s(b"strict"))]), "u'a'"); // 'a'.decode('ascii', errors='strict')
    check(mk(s(b"a"), "encode", &[], &[("encoding", s(b"ascii"))]), "'a'"); // 'a'.encode(encoding='ascii')
    check(m(s(b"a"), "decode", &[i(1)]), "TypeError: decode() argument 1 must be string, not int"); // 'a'.decode(1)
    check(m(s(b"\xc3\xa9"), "decode", &[s(b"utf-8"), s(b"ignore")]), "u'\\xe9'"); // '\xc3\xa9'.decode('utf-8', 'ignore')
    check(m(s(b"a\xe9\xff"), "decode", &[s(b"utf-8"), s(b"ignore")]), "u'a'"); // 'a\xe9\xff'.decode('utf-8', 'ignore')
    check(m(s(b"a\xe9\xffb"), "decode", &[s(b"utf-8"), s(b"replace")]), "u'a\\ufffd\\ufffdb'"); // 'a\xe9\xffb'.decode('utf-8', 'replace')
    check(m(s(b"\xfe\xff\x00a"), "decode", &[s(b"utf-16")]), "u'a'"); // '\xfe\xff\x00a'.decode('utf-16')
    check(m(s(b"\x00a"), "decode", &[s(b"utf-16-be")]), "u'a'"); // '\x00a'.decode('utf-16-be')
    check(m(s(b"a\x00\x00"), "decode", &[s(b"utf-16-le")]), "UnicodeDecodeError: 'utf16' codec can't decode byte 0x00 in position 2: truncated data"); // 'a\x00\x00'.decode('utf-16-le')
    check(m(u("\u{e9}"), "encode", &[s(b"utf-8")]), "'\\xc3\\xa9'"); // '\xe9'.decode('latin-1').encode('utf-8')
}

#[test]
fn more_unicode_edges() {
    let _g = setup();
    check(m(u("a\u{180e}b"), "split", &[]), "[u'a', u'b']"); // u'a\u180eb'.split()
    check(m(u("\u{2028}"), "isspace", &[]), "True"); // u'\u2028'.isspace()
    check(m(u("\u{1f}"), "isspace", &[]), "True"); // u'\x1f'.isspace()
    check(m(u("ab\u{d}\u{a}cd\u{2029}e"), "splitlines", &[TRUE]), "[u'ab\\r\\n', u'cd\\u2029', u'e']"); // u'ab\r\ncd\u2029e'.splitlines(True)
    check(m(u("a b"), "rsplit", &[]), "[u'a', u'b']"); // u'a b'.rsplit()
    check(m(u("a,b,c"), "rsplit", &[u(","), i(1)]), "[u'a,b', u'c']"); // u'a,b,c'.rsplit(u',', 1)
    check(m(u("abc"), "center", &[i(6), u("\u{e9}")]), "u'\\xe9abc\\xe9\\xe9'"); // u'abc'.center(6, u'\xe9')
    check(m(u("abc"), "center", &[i(6), u("ab")]), "TypeError: The fill character must be exactly one character long"); // u'abc'.center(6, u'ab')
    check(m(u("abc"), "center", &[i(6), i(1)]), "TypeError: The fill character cannot be converted to Unicode"); // u'abc'.center(6, 1)
    check(m(u("abc"), "ljust", &[i(5), s(b"\xe9")]), "TypeError: The fill character cannot be converted to Unicode"); // u'abc'.ljust(5, '\xe9')
    check(m(u("-12"), "zfill", &[i(5)]), "u'-0012'"); // u'-12'.zfill(5)
    check(m(u("\u{1c4}"), "title", &[]), "u'\\u01c5'"); // u'\u01c4'.title()
    check(m(u("\u{1c4}"), "lower", &[]), "u'\\u01c6'"); // u'\u01c4'.lower()
    check(m(u("\u{1c5}"), "upper", &[]), "u'\\u01c4'"); // u'\u01c5'.upper()
    check(m(u("\u{1c5}"), "istitle", &[]), "True"); // u'\u01c5'.istitle()
    check(m(u("\u{1c6}"), "istitle", &[]), "False"); // u'\u01c6'.istitle()
    check(m(u("\u{130}"), "lower", &[]), "u'i'"); // u'\u0130'.lower()
    check(m(u("I"), "lower", &[]), "u'i'"); // u'I'.lower()
    check(m(u("\u{b5}"), "upper", &[]), "u'\\u039c'"); // u'\xb5'.upper()
    check(m(u("\u{1e9e}"), "lower", &[]), "u'\\xdf'"); // u'\u1e9e'.lower()
    check(m(u("ABC"), "isupper", &[]), "True"); // u'ABC'.isupper()
    check(m(u("\u{1c5}"), "isupper", &[]), "False"); // u'\u01c5'.isupper()
    check(m(u("\u{1c5}"), "islower", &[]), "False"); // u'\u01c5'.islower()
    check(m(u("x\u{301}"), "isalpha", &[]), "False"); // u'x\u0301'.isalpha()
    check(m(u("\u{2163}"), "isnumeric", &[]), "True"); // u'\u2163'.isnumeric()
    check(m(u("\u{2163}"), "isdigit", &[]), "False"); // u'\u2163'.isdigit()
    check(m(u("\u{661}\u{662}"), "isdecimal", &[]), "True"); // u'\u0661\u0662'.isdecimal()
    check(m(u("\u{661}\u{662}"), "isdigit", &[]), "True"); // u'\u0661\u0662'.isdigit()
    check(m(u("\u{bd}"), "isdigit", &[]), "False"); // u'\u00bd'.isdigit()
    check(m(u("abc"), "count", &[u("")]), "4"); // u'abc'.count(u'')
    check(m(u("abcabc"), "rindex", &[u("c")]), "5"); // u'abcabc'.rindex(u'c')
    check(m(u("abc"), "index", &[u("z")]), "ValueError: substring not found"); // u'abc'.index(u'z')
    check(m(u("abc"), "find", &[s(b"c"), i(1)]), "2"); // u'abc'.find('c', 1)
    check(m(u("\u{e9}"), "find", &[s(b"\xe9")]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // u'\xe9'.find('\xe9')
    check(bin(BinOp::Add, u("\u{e9}"), s(b"\xe9")), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // u'\xe9' + '\xe9'
    check(m(u("\u{e9}"), "encode", &[s(b"latin-1")]), "'\\xe9'"); // u'\xe9'.encode('latin-1')
    check(m(u("\u{e9}"), "encode", &[s(b"utf-8"), s(b"strict")]), "'\\xc3\\xa9'"); // u'\xe9'.encode('utf-8', 'strict')
    check(m(u("a"), "encode", &[s(b"rot13")]), "'n'"); // u'a'.encode('rot13')
    check(m(uc(&[0x61, 0xd800]), "encode", &[s(b"utf-8")]), "'a\\xed\\xa0\\x80'"); // u'a\ud800'.encode('utf-8')
    check(m(uc(&[0xd83d, 0xde00]), "encode", &[s(b"utf-8")]), "'\\xf0\\x9f\\x98\\x80'"); // u'\ud83d\ude00'.encode('utf-8')
    check(m(u("abc"), "translate", &[d(&[(i(97), u("xx")), (i(98), i(121)), (i(99), NONE)])]), "u'xxy'"); // u'abc'.translate({97: u'xx', 98: 121, 99: None})
    check(m(u("abc"), "translate", &[d(&[(i(97), i(1114112))])]), "TypeError: character mapping must be in range(0x%lx)"); // u'abc'.translate({97: 0x110000})
    check(m(u("abc"), "translate", &[d(&[])]), "u'abc'"); // u'abc'.translate({})
    check(m(u("abc"), "translate", &[l(&[])]), "u'abc'"); // u'abc'.translate([])
    check(item(u("ab"), sl(NONE, NONE, i(-1))), "u'ba'"); // u'ab'[::-1]
    check(bin(BinOp::Mul, u("a"), i(3)), "u'aaa'"); // u'a' * 3
    check(cmp(CmpOp::Lt, u("ab"), u("b")), "True"); // u'ab' < u'b'
    check(cmp(CmpOp::Eq, u("ab"), u("ab")), "True"); // u'ab' == u'ab'
    check(cmp(CmpOp::Ne, u("a"), s(b"a")), "False"); // u'a' != 'a'
    check(cmp(CmpOp::Gt, u("b"), s(b"a")), "True"); // u'b' > 'a'
    check(cmp(CmpOp::Eq, u("a"), i(1)), "False"); // u'a' == 1
    check(m(u("a"), "__eq__", &[i(1)]), "NotImplemented"); // u'a'.__eq__(1)
    check(m(u("abc"), "__repr__", &[]), "\"u'abc'\""); // u'abc'.__repr__()
    check(m(u("\u{e9}"), "__str__", &[]), "UnicodeEncodeError: 'ascii' codec can't encode character u'\\xe9' in position 0: ordinal not in range(128)"); // u'\xe9'.__str__()
    check(m(u("abc"), "__str__", &[]), "'abc'"); // u'abc'.__str__()
    check(m(u("abc"), "__hash__", &[]), "1453079729188098211"); // u'abc'.__hash__()
    check(bin(BinOp::Mod, u("%s-%s"), t(&[u("\u{e9}"), s(b"x")])), "u'\\xe9-x'"); // u'%s-%s' % (u'\xe9', 'x')
    check(m(u("{}"), "format", &[f(1.5)]), "u'1.5'"); // u'{}'.format(1.5)
    check(builtin("unicode", &[], &[]), "u''"); // unicode()
    check(builtin("unicode", &[s(b"abc"), s(b"ascii"), s(b"strict")], &[]), "u'abc'"); // unicode('abc', 'ascii', 'strict')
    check(builtin("unicode", &[], &[("string", s(b"abc")), ("encoding", s(b"latin-1"))]), "u'abc'"); // unicode(string='abc', encoding='latin-1')
    check(builtin("unicode", &[s(b"abc"), s(b"ascii"), s(b"strict"), s(b"x")], &[]), "TypeError: unicode() takes at most 3 arguments (4 given)"); // unicode('abc', 'ascii', 'strict', 'x')
    check(builtin("unicode", &[f(1.5)], &[]), "u'1.5'"); // unicode(1.5)
    check(builtin("unicode", &[NONE], &[]), "u'None'"); // unicode(None)
    check(builtin("unicode", &[l(&[i(1), u("\u{e9}")])], &[]), "u\"[1, u'\\\\xe9']\""); // unicode([1, u'\xe9'])
    check(builtin("str", &[u("abc")], &[]), "'abc'"); // str(u'abc')
    check(builtin("str", &[u("\u{e9}")], &[]), "UnicodeEncodeError: 'ascii' codec can't encode character u'\\xe9' in position 0: ordinal not in range(128)"); // str(u'\xe9')
    check(builtin("str", &[], &[("object", s(b"x"))]), "'x'"); // str(object='x')
    check(builtin("str", &[i(1), i(2)], &[]), "TypeError: str() takes at most 1 argument (2 given)"); // str(1, 2)
}

#[test]
fn more_formatting() {
    let _g = setup();
    check(bin(BinOp::Mod, s(b"%.3g|%g|%e|%.0f|%.0f"), t(&[f(0.0001234), f(1.0e+16), i(0), f(0.5), f(-0.5)])), "'0.000123|1e+16|0.000000e+00|0|-0'"); // '%.3g|%g|%e|%.0f|%.0f' % (0.0001234, 1e16, 0, 0.5, -0.5)
    check(bin(BinOp::Mod, s(b"%g|%g|%g"), t(&[f(0.0001), f(9.9999e-05), f(123456.5)])), "'0.0001|9.9999e-05|123456'"); // '%g|%g|%g' % (1e-4, 9.9999e-5, 123456.5)
    check(bin(BinOp::Mod, s(b"%.1g|%.0g|%#.1g"), t(&[f(0.05), i(123), f(0.05)])), "'0.05|1e+02|0.05'"); // '%.1g|%.0g|%#.1g' % (0.05, 123, 0.05)
    check(bin(BinOp::Mod, s(b"%10.4f|%-10.4f|%010.4f"), t(&[f(-3.14159), f(3.14159), f(-3.14159)])), "'   -3.1416|3.1416    |-0003.1416'"); // '%10.4f|%-10.4f|%010.4f' % (-3.14159, 3.14159, -3.14159)
    check(bin(BinOp::Mod, s(b"%+e|% e|%E"), t(&[f(1.0e+100), f(-1.0e-100), f(1.5e+300)])), "'+1.000000e+100|-1.000000e-100|1.500000E+300'"); // '%+e|% e|%E' % (1e100, -1e-100, 1.5e300)
    check(bin(BinOp::Mod, s(b"%.20e"), f(1.0e-300)), "'1.00000000000000002506e-300'"); // '%.20e' % 1e-300
    check(bin(BinOp::Mod, s(b"%x|%X|%o"), t(&[big("100000000000000000000"), big("-100000000000000000000"), big("100000000000000000000")])), "'56bc75e2d63100000|-56BC75E2D63100000|12657072742654304000000'"); // '%x|%X|%o' % (10**20, -10**20, 10**20)
    check(bin(BinOp::Mod, s(b"%#x|%#X|%#o"), t(&[big("100000000000000000000"), big("-100000000000000000000"), big("100000000000000000000")])), "'0x56bc75e2d63100000|-0X56BC75E2D63100000|012657072742654304000000'"); // '%#x|%#X|%#o' % (10**20, -10**20, 10**20)
    check(bin(BinOp::Mod, s(b"%.30d"), big("100000000000000000000")), "'000000000100000000000000000000'"); // '%.30d' % 10**20
    check(bin(BinOp::Mod, s(b"%+.30x"), big("100000000000000000000")), "'+000000000000056bc75e2d63100000'"); // '%+.30x' % 10**20
    check(bin(BinOp::Mod, s(b"%-+#10x|"), i(255)), "'+0xff     |'"); // '%-+#10x|' % 255
    check(bin(BinOp::Mod, s(b"%#10o|"), i(8)), "'       010|'"); // '%#10o|' % 8
    check(bin(BinOp::Mod, s(b"% 5d|%+5d|%-5d|%05d"), t(&[i(-3), i(-3), i(-3), i(-3)])), "'   -3|   -3|-3   |-0003'"); // '% 5d|%+5d|%-5d|%05d' % (-3, -3, -3, -3)
    check(bin(BinOp::Mod, s(b"%s"), TRUE), "'True'"); // '%s' % True
    check(bin(BinOp::Mod, s(b"%r"), s(b"a\x0ab")), "\"'a\\\\nb'\""); // '%r' % 'a\nb'
    check(bin(BinOp::Mod, s(b"%r"), s(b"it's")), "'\"it\\'s\"'"); // '%r' % "it's"
    check(bin(BinOp::Mod, s(b"%5r"), i(1)), "'    1'"); // '%5r' % 1
    check(bin(BinOp::Mod, s(b"%.1r"), s(b"abc")), "\"'\""); // '%.1r' % 'abc'
    check(bin(BinOp::Mod, s(b"%(a)s%(a)s"), d(&[(s(b"a"), s(b"x"))])), "'xx'"); // '%(a)s%(a)s' % {'a': 'x'}
    check(bin(BinOp::Mod, s(b"%()s"), d(&[(s(b""), i(5))])), "'5'"); // '%()s' % {'': 5}
    check(bin(BinOp::Mod, s(b"%s %s"), t(&[s(b"a"), u("\u{e9}")])), "u'a \\xe9'"); // '%s %s' % ('a', u'\xe9')
    check(bin(BinOp::Mod, s(b"%c"), i(0)), "'\\x00'"); // '%c' % 0
    check(bin(BinOp::Mod, u("%5c|"), u("\u{e9}")), "u'    \\xe9|'"); // u'%5c|' % u'\xe9'
    check(bin(BinOp::Mod, u("%-5s|%5s"), t(&[u("\u{e9}"), s(b"A")])), "u'\\xe9    |    A'"); // u'%-5s|%5s' % (u'\xe9', '\x41')
    check(bin(BinOp::Mod, u("%x %X %o %e"), t(&[i(255), i(255), i(8), f(1.5)])), "u'ff FF 10 1.500000e+00'"); // u'%x %X %o %e' % (255, 255, 8, 1.5)
    check(bin(BinOp::Mod, u("%%%s"), i(1)), "u'%1'"); // u'%%%s' % 1
    check(bin(BinOp::Mod, s(b"%0*d"), t(&[i(5), i(42)])), "'00042'"); // '%0*d' % (5, 42)
    check(bin(BinOp::Mod, s(b"%-*s|"), t(&[i(4), s(b"a")])), "'a   |'"); // '%-*s|' % (4, 'a')
    check(bin(BinOp::Mod, s(b"%.*f"), t(&[i(-1), f(1.5)])), "'2'"); // '%.*f' % (-1, 1.5)
    check(bin(BinOp::Mod, s(b"%f"), big("1")), "'1.000000'"); // '%f' % 1L
    check(bin(BinOp::Mod, s(b"%d"), big("9223372036854775808")), "'9223372036854775808'"); // '%d' % 2**63
    check(bin(BinOp::Mod, s(b"%d"), big("-9223372036854775808")), "'-9223372036854775808'"); // '%d' % -2**63
    check(bin(BinOp::Mod, s(b"%i"), f(1.999)), "'1'"); // '%i' % 1.999
    check(bin(BinOp::Mod, s(b"%d"), f(-1.999)), "'-1'"); // '%d' % -1.999
    check(bin(BinOp::Mod, s(b"%x"), f(-1.5)), "'-1'"); // '%x' % -1.5
    check(bin(BinOp::Mod, s(b"%u"), i(-3)), "'-3'"); // '%u' % -3
    check(bin(BinOp::Mod, s(b"%.2f%%"), f(99.5)), "'99.50%'"); // '%.2f%%' % 99.5
    check(m(s(b"{0:.3}"), "format", &[f(1.0)]), "'1.0'"); // '{0:.3}'.format(1.0)
    check(m(s(b"{0:.1}"), "format", &[f(1.0)]), "'1e+00'"); // '{0:.1}'.format(1.0)
    check(m(s(b"{0:.2}"), "format", &[f(10.0)]), "'1e+01'"); // '{0:.2}'.format(10.0)
    check(m(s(b"{0:.3}"), "format", &[f(123.0)]), "'1.23e+02'"); // '{0:.3}'.format(123.0)
    check(m(s(b"{0:.4}"), "format", &[f(123.0)]), "'123.0'"); // '{0:.4}'.format(123.0)
    check(m(s(b"{0:.4}"), "format", &[f(1234.5)]), "'1.234e+03'"); // '{0:.4}'.format(1234.5)
    check(m(s(b"{0}"), "format", &[f(100000000000.0)]), "'1e+11'"); // '{0}'.format(1e11)
    check(m(s(b"{0:g}"), "format", &[f(100000000000.0)]), "'1e+11'"); // '{0:g}'.format(1e11)
    check(m(s(b"{0:e}"), "format", &[f(0.0)]), "'0.000000e+00'"); // '{0:e}'.format(0.0)
    check(m(s(b"{0:G}"), "format", &[f(1.0e-10)]), "'1E-10'"); // '{0:G}'.format(1e-10)
    check(m(s(b"{0:.0%}"), "format", &[f(0.125)]), "'12%'"); // '{0:.0%}'.format(0.125)
    check(m(s(b"{0:,.0f}"), "format", &[f(1234.5)]), "'1,234'"); // '{0:,.0f}'.format(1234.5)
    check(m(s(b"{0:,}"), "format", &[f(1234.5)]), "'1,234.5'"); // '{0:,}'.format(1234.5)
    check(m(s(b"{0:,}"), "format", &[f(-1234567.25)]), "'-1,234,567.25'"); // '{0:,}'.format(-1234567.25)
    check(m(s(b"{0:012,.2f}"), "format", &[f(-1234.5)]), "'-0,001,234.50'"); // '{0:012,.2f}'.format(-1234.5)
    check(m(s(b"{0:+,}"), "format", &[i(1000000)]), "'+1,000,000'"); // '{0:+,}'.format(10**6)
    check(m(s(b"{0:#010b}"), "format", &[i(5)]), "'0b00000101'"); // '{0:#010b}'.format(5)
    check(m(s(b"{0:#o}"), "format", &[i(-8)]), "'-0o10'"); // '{0:#o}'.format(-8)
    check(m(s(b"{0:x}"), "format", &[big("18446744073709551616")]), "'10000000000000000'"); // '{0:x}'.format(2**64)
    check(m(s(b"{0:c}"), "format", &[i(65)]), "'A'"); // '{0:c}'.format(0x41)
    check(m(s(b"{0:c}"), "format", &[i(1114112)]), "OverflowError: %c arg not in range(0x100)"); // '{0:c}'.format(0x110000)
    check(m(u("{0:c}"), "format", &[i(233)]), "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)"); // u'{0:c}'.format(233)
    check(m(s(b"{0:c}"), "format", &[i(233)]), "'\\xe9'"); // '{0:c}'.format(233)
    check(m(s(b"{0:5c}|"), "format", &[i(65)]), "'    A|'"); // '{0:5c}|'.format(65)
    check(m(s(b"{0:=^10}"), "format", &[s(b"mid")]), "'===mid===='"); // '{0:=^10}'.format('mid')
    check(m(s(b"{0:\xe9^5}"), "format", &[s(b"a")]), "'\\xe9\\xe9a\\xe9\\xe9'"); // '{0:\xe9^5}'.format('a')
    check(m(u("{0:\u{e9}^5}"), "format", &[u("a")]), "u'\\xe9\\xe9a\\xe9\\xe9'"); // u'{0:\xe9^5}'.format(u'a')
    check(m(s(b"{0:>5}"), "format", &[NONE]), "' None'"); // '{0:>5}'.format(None)
    check(m(s(b"{0:n}"), "format", &[i(1234567)]), "'1234567'"); // '{0:n}'.format(1234567)
    check(m(s(b"{0:n}"), "format", &[f(1234567.0)]), "'1.23457e+06'"); // '{0:n}'.format(1234567.0)
    check(m(s(b"{0!s}"), "format", &[u("x")]), "'x'"); // '{0!s}'.format(u'x')
    check(m(u("{0!r}"), "format", &[s(b"x")]), "u\"'x'\""); // u'{0!r}'.format('x')
    check(mk(s(b"{a.b}"), "format", &[], &[("a", i(1))]), "AttributeError: 'int' object has no attribute 'b'"); // '{a.b}'.format(a=1)
    check(mk(s(b"{a[0][1]}"), "format", &[], &[("a", l(&[l(&[i(1), i(2)])]))]), "'2'"); // '{a[0][1]}'.format(a=[[1, 2]])
    check(mk(s(b"{a[0]}"), "format", &[], &[("a", d(&[(i(0), s(b"int")), (s(b"0"), s(b"str"))]))]), "'int'"); // '{a[0]}'.format(a={0: 'int', '0': 'str'})
    check(m(s(b"{0[0]"), "format", &[l(&[i(1)])]), "ValueError: unmatched '{' in format"); // '{0[0]'.format([1])
    check(m(s(b"{0:{1}"), "format", &[i(1), i(2)]), "ValueError: unmatched '{' in format"); // '{0:{1}'.format(1, 2)
    check(m(s(b"{:}{:}"), "format", &[i(1), i(2)]), "'12'"); // '{:}{:}'.format(1, 2)
    check(m(s(b"{0:-^+10.2f}"), "format", &[f(3.14159)]), "'--+3.14---'"); // '{0:-^+10.2f}'.format(3.14159)
}
