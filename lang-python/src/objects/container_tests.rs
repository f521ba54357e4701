//! Checks of the container and number methods against CPython 2.7.18.
//! Every expected string was printed by `python2.7` for the same operation.
//!
//! Inputs are written as Python literals and parsed by `lit` below (ints,
//! longs, floats, strs, None/True/False, lists, tuples, dicts, sets), so a
//! test reads like the Python it mirrors.

use super::{bootstrap, int, str as pystr};
use crate::ops;
use crate::runtime::{types, PyResult};
use vmcore::Value;

/// Every test starts here: builds the builtin types for this test's
/// thread (heaps and the type registry are per thread).
pub fn setup() {
    bootstrap();
}

/// Parses a Python literal.
pub fn lit(src: &str) -> Value {
    bootstrap();
    let mut p = Lit { s: src.as_bytes(), i: 0 };
    let v = p.value();
    p.ws();
    assert_eq!(p.i, p.s.len(), "trailing input in literal {src:?}");
    v
}

struct Lit<'a> {
    s: &'a [u8],
    i: usize,
}

impl Lit<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
    }
    fn peek(&mut self) -> u8 {
        self.ws();
        *self.s.get(self.i).unwrap_or(&0)
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == c {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// Comma-separated values up to `close`; also reports a trailing comma.
    fn items(&mut self, close: u8, pairs: bool) -> (Vec<Value>, bool) {
        let mut out = Vec::new();
        let mut trailing = false;
        while !self.eat(close) {
            out.push(self.value());
            if pairs && self.eat(b':') {
                out.push(self.value());
            }
            trailing = self.eat(b',');
        }
        (out, trailing)
    }
    fn value(&mut self) -> Value {
        let c = self.peek();
        match c {
            b'[' => {
                self.i += 1;
                super::list::new_list(self.items(b']', false).0)
            }
            b'(' => {
                self.i += 1;
                let (v, trailing) = self.items(b')', false);
                if v.len() == 1 && !trailing { v[0] } else { super::tuple::new_tuple(v) }
            }
            b'{' => {
                self.i += 1;
                let save = self.i;
                let (v, _) = self.items(b'}', true);
                let is_set = {
                    // A set literal has no ':' at depth 0 after the brace.
                    let mut p = Lit { s: self.s, i: save };
                    if p.peek() == b'}' { false } else { p.value(); p.peek() != b':' }
                };
                if is_set {
                    ops::call(types::set(), &[super::list::new_list(v)], &[]).unwrap()
                } else {
                    let d = super::dict::new_dict();
                    for kv in v.chunks(2) {
                        d.set(kv[0], kv[1]).unwrap();
                    }
                    d.as_value()
                }
            }
            b'\'' | b'"' => {
                self.i += 1;
                let mut out = Vec::new();
                while self.s[self.i] != c {
                    if self.s[self.i] == b'\\' {
                        self.i += 1;
                        out.push(match self.s[self.i] {
                            b'n' => b'\n',
                            b't' => b'\t',
                            x => x,
                        });
                    } else {
                        out.push(self.s[self.i]);
                    }
                    self.i += 1;
                }
                self.i += 1;
                pystr::new_str_owned(out)
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len() && !b" ,:)]}".contains(&self.s[self.i]) {
                    self.i += 1;
                }
                let w = std::str::from_utf8(&self.s[start..self.i]).unwrap();
                match w {
                    "None" => Value::NONE,
                    "True" => Value::TRUE,
                    "False" => Value::FALSE,
                    _ if w.ends_with('L') => super::long::new_long(w[..w.len() - 1].parse().unwrap()),
                    _ if w.contains(['.', 'e']) || w == "inf" || w == "nan" => super::float::new_float(w.parse().unwrap()),
                    _ => match w.parse::<i64>() {
                        Ok(i) => int::new_int(i),
                        Err(_) => super::long::int_or_long(w.parse().unwrap()),
                    },
                }
            }
        }
    }
}

pub fn s(x: &str) -> Value {
    pystr::new_str(x.as_bytes())
}

pub fn r(v: Value) -> String {
    String::from_utf8(ops::repr_bytes(v).unwrap()).unwrap()
}

/// "TypeError: message" for a failed call.
pub fn err(res: PyResult) -> String {
    match res {
        Ok(v) => panic!("expected an exception, got {}", r(v)),
        Err(e) => format!("{}: {}", super::typeobj::class_name(e.typ), String::from_utf8_lossy(&ops::str_bytes(e.value).unwrap())),
    }
}

/// The value of a call that must succeed (panics with the Python error).
pub fn ok(res: PyResult) -> Value {
    match res {
        Ok(v) => v,
        Err(_) => panic!("unexpected {}", err(res)),
    }
}

/// `obj.name(*args)`.
pub fn m(obj: Value, name: &str, args: &[Value]) -> PyResult {
    ops::call(ops::getattr(obj, pystr::intern(name))?, args, &[])
}

/// `obj.name(*args, **kw)`.
pub fn mk(obj: Value, name: &str, args: &[Value], kw: &[(&str, Value)]) -> PyResult {
    let kw: Vec<(Value, Value)> = kw.iter().map(|(k, v)| (pystr::intern(k), *v)).collect();
    ops::call(ops::getattr(obj, pystr::intern(name))?, args, &kw)
}

/// `repr(obj.name(*args))`.
pub fn rm(obj: Value, name: &str, args: &[Value]) -> String {
    r(ok(m(obj, name, args)))
}

fn slice(a: Value, b: Value, c: Value) -> Value {
    super::slice::new_slice(a, b, c)
}

const N: Value = Value::NONE;

fn i(x: i64) -> Value {
    int::new_int(x)
}

#[test]
fn literal_parser_round_trips() {
    setup();
    assert_eq!(r(lit("[1, 'a', (2,), (), {1: 2}, 1.5, 10L, None]")), "[1, 'a', (2,), (), {1: 2}, 1.5, 10L, None]");
}

#[test]
fn list_mutators() {
    setup();
    let l = lit("[1, 2, 3]");
    m(l, "append", &[i(4)]).unwrap();
    m(l, "insert", &[i(-10), i(0)]).unwrap();
    m(l, "insert", &[i(10), i(5)]).unwrap();
    m(l, "insert", &[i(-1), s("x")]).unwrap();
    assert_eq!(r(l), "[0, 1, 2, 3, 4, 'x', 5]");
    assert_eq!(rm(l, "pop", &[]), "5");
    assert_eq!(rm(l, "pop", &[i(0)]), "0");
    m(l, "remove", &[s("x")]).unwrap();
    m(l, "extend", &[l]).unwrap();
    assert_eq!(r(l), "[1, 2, 3, 4, 1, 2, 3, 4]");
    assert_eq!(rm(l, "index", &[i(3)]), "2");
    assert_eq!(rm(l, "index", &[i(3), i(3)]), "6");
    assert_eq!(rm(l, "count", &[i(1)]), "2");
    m(l, "reverse", &[]).unwrap();
    assert_eq!(r(l), "[4, 3, 2, 1, 4, 3, 2, 1]");
    assert_eq!(err(m(lit("[]"), "append", &[])), "TypeError: append() takes exactly one argument (0 given)");
    assert_eq!(err(m(lit("[]"), "append", &[i(1), i(2)])), "TypeError: append() takes exactly one argument (2 given)");
    assert_eq!(err(m(lit("[]"), "pop", &[i(1), i(2)])), "TypeError: pop() takes at most 1 argument (2 given)");
    assert_eq!(err(m(lit("[]"), "pop", &[])), "IndexError: pop from empty list");
    assert_eq!(err(m(lit("[1]"), "pop", &[i(5)])), "IndexError: pop index out of range");
    assert_eq!(err(m(lit("[]"), "pop", &[s("a")])), "TypeError: an integer is required");
    assert_eq!(err(m(lit("[]"), "reverse", &[i(1)])), "TypeError: reverse() takes no arguments (1 given)");
    assert_eq!(err(m(lit("[]"), "index", &[])), "TypeError: index() takes at least 1 argument (0 given)");
    assert_eq!(err(m(lit("['a']"), "index", &[s("b")])), "ValueError: 'b' is not in list");
    assert_eq!(err(m(lit("[1]"), "index", &[i(1), s("a")])), "TypeError: slice indices must be integers or have an __index__ method");
    assert_eq!(err(m(lit("[]"), "insert", &[i(1)])), "TypeError: insert() takes exactly 2 arguments (1 given)");
    assert_eq!(err(m(lit("[]"), "remove", &[i(3)])), "ValueError: list.remove(x): x not in list");
    assert_eq!(err(m(lit("[]"), "extend", &[i(3)])), "TypeError: 'int' object is not iterable");
    assert_eq!(err(mk(lit("[]"), "pop", &[], &[("i", i(1))])), "TypeError: pop() takes no keyword arguments");
}

#[test]
fn list_sort_is_stable_and_checks_arguments() {
    setup();
    let l = lit("[(1, 'b'), (0, 'c'), (1, 'a')]");
    let key = ops::getattr(lit("(0,)"), pystr::intern("__getitem__")).unwrap();
    let _ = key;
    // key=operator.itemgetter(0) is not available yet: sort by the tuples' first item via cmp.
    m(l, "sort", &[]).unwrap();
    assert_eq!(r(l), "[(0, 'c'), (1, 'a'), (1, 'b')]");
    let l = lit("[3, 1, 2, 1.0, 5, -1, 2L]");
    mk(l, "sort", &[], &[("reverse", Value::TRUE)]).unwrap();
    assert_eq!(r(l), "[5, 3, 2, 2L, 1, 1.0, -1]");
    let l = lit("['b', 'c', 'a']");
    let abs_len = super::function::new_builtin("len", |a, _| Ok(int::new_int(ops::len(a[0])? as i64)));
    mk(l, "sort", &[], &[("key", abs_len)]).unwrap();
    assert_eq!(r(l), "['b', 'c', 'a']", "equal keys keep their order");
    let big: Vec<Value> = (0..100).map(|k| i((k * 37) % 101)).collect();
    let l = super::list::new_list(big);
    m(l, "sort", &[]).unwrap();
    let v = super::list::as_list(l).unwrap().v().clone();
    assert!(v.windows(2).all(|w| w[0].as_int() < w[1].as_int()));
    assert_eq!(err(m(lit("[]"), "sort", &[N, N, N, N])), "TypeError: sort() takes at most 3 arguments (4 given)");
    assert_eq!(err(mk(lit("[]"), "sort", &[], &[("foo", i(1))])), "TypeError: 'foo' is an invalid keyword argument for this function");
    assert_eq!(err(m(lit("[]"), "sort", &[N, N, s("x")])), "TypeError: an integer is required");
    let cmp_desc = super::function::new_builtin("c", |a, _| Ok(int::new_int(a[1].as_int() - a[0].as_int())));
    let l = lit("[3, 1, 2]");
    m(l, "sort", &[cmp_desc]).unwrap();
    assert_eq!(r(l), "[3, 2, 1]");
}

#[test]
fn list_modified_during_sort() {
    setup();
    thread_local!(static L: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NONE) });
    let l = lit("[3, 2, 1]");
    L.with(|c| c.set(l));
    let bad = super::function::new_builtin("bad", |a, _| {
        let l = L.with(|c| c.get());
        m(l, "append", &[int::new_int(1)])?;
        ops::cmp3(a[0], a[1]).map(|o| int::new_int(o as i64))
    });
    assert_eq!(err(m(l, "sort", &[bad])), "ValueError: list modified during sort");
    assert_eq!(r(l), "[1, 2, 3]");
}

#[test]
fn list_slicing() {
    setup();
    let l = lit("[1, 2, 3, 4, 5]");
    let g = |sl: Value| r(ops::getitem(l, sl).unwrap());
    assert_eq!(g(slice(i(1), i(3), N)), "[2, 3]");
    assert_eq!(g(slice(i(-100), i(100), i(2))), "[1, 3, 5]");
    assert_eq!(g(slice(N, N, i(-2))), "[5, 3, 1]");
    assert_eq!(g(slice(i(5), i(1), i(-1))), "[5, 4, 3]");
    assert_eq!(g(slice(N, N, i(-1))), "[5, 4, 3, 2, 1]");
    assert_eq!(err(ops::getitem(l, slice(N, N, i(0)))), "ValueError: slice step cannot be zero");
    assert_eq!(err(ops::getitem(l, s("a"))), "TypeError: list indices must be integers, not str");
    assert_eq!(err(ops::getitem(l, slice(s("a"), N, N))), "TypeError: slice indices must be integers or None or have an __index__ method");
    assert_eq!(err(ops::getitem(l, super::float::new_float(1.0))), "TypeError: list indices must be integers, not float");
    assert_eq!(rm(l, "__getslice__", &[i(1), i(2)]), "[2]");

    let set = |sl: Value, v: &str| {
        let l = lit("[1, 2, 3, 4, 5, 6]");
        ops::setitem(l, sl, lit(v)).map(|_| r(l))
    };
    assert_eq!(set(slice(i(1), i(3), N), "'abc'").unwrap(), "[1, 'a', 'b', 'c', 4, 5, 6]");
    assert_eq!(set(slice(N, N, i(2)), "'xyz'").unwrap(), "['x', 2, 'y', 4, 'z', 6]");
    assert_eq!(set(slice(i(4), i(1), N), "'q'").unwrap(), "[1, 2, 3, 4, 'q', 5, 6]");
    assert_eq!(set(slice(N, N, i(-2)), "[7, 8, 9]").unwrap(), "[1, 9, 3, 8, 5, 7]");
    assert_eq!(err(set(slice(i(0), i(2), i(2)), "[1, 2]").map(|_| N)), "ValueError: attempt to assign sequence of size 2 to extended slice of size 1");
    assert_eq!(err(set(slice(i(0), i(1), N), "3").map(|_| N)), "TypeError: can only assign an iterable");
    assert_eq!(err(set(slice(i(0), i(0), i(-1)), "3").map(|_| N)), "TypeError: must assign iterable to extended slice");
    let l = lit("[1, 2, 3]");
    ops::setitem(l, slice(i(1), i(2), N), l).unwrap();
    assert_eq!(r(l), "[1, 1, 2, 3, 3]");
    let l = lit("[1, 2, 3]");
    ops::setitem(l, slice(i(-1), i(-3), N), lit("[9]")).unwrap();
    assert_eq!(r(l), "[1, 2, 9, 3]");

    let del = |sl: Value| {
        let l = lit("[1, 2, 3, 4, 5, 6]");
        ops::delitem(l, sl).unwrap();
        r(l)
    };
    assert_eq!(del(slice(N, N, i(2))), "[2, 4, 6]");
    assert_eq!(del(slice(i(-2), N, N)), "[1, 2, 3, 4]");
    assert_eq!(del(slice(N, N, i(-3))), "[1, 2, 4, 5]");
    assert_eq!(err(ops::delitem(lit("[1]"), i(3)).map(|_| N)), "IndexError: list assignment index out of range");
    assert_eq!(err(ops::setitem(lit("[1]"), i(3), i(1)).map(|_| N)), "IndexError: list assignment index out of range");
}

#[test]
fn list_operators_and_constructor() {
    setup();
    assert_eq!(r(ok(ops::call(types::list(), &[lit("(1, 2)")], &[]))), "[1, 2]");
    assert_eq!(r(ok(ops::call(types::list(), &[s("ab")], &[]))), "['a', 'b']");
    assert_eq!(err(ops::call(types::list(), &[i(1), i(2)], &[])), "TypeError: list() takes at most 1 argument (2 given)");
    assert_eq!(err(ops::call(types::list(), &[i(1)], &[])), "TypeError: 'int' object is not iterable");
    assert_eq!(r(ok(ops::call(types::list(), &[], &[(pystr::intern("sequence"), lit("[1]"))]))), "[1]");
    assert_eq!(err(m(types::list(), "__new__", &[types::int()])), "TypeError: list.__new__(int): int is not a subtype of list");
    assert_eq!(err(m(lit("[]"), "__add__", &[lit("(1,)")])), "TypeError: can only concatenate list (not \"tuple\") to list");
    assert_eq!(err(m(lit("[]"), "__mul__", &[s("a")])), "TypeError: 'str' object cannot be interpreted as an index");
    assert_eq!(rm(lit("[1, 2]"), "__mul__", &[i(2)]), "[1, 2, 1, 2]");
    assert_eq!(rm(lit("[1, 2, 3]"), "__mul__", &[i(-1)]), "[]");
    assert_eq!(rm(lit("[1, 2]"), "__eq__", &[lit("(1, 2)")]), "NotImplemented");
    assert_eq!(rm(lit("[1, 2]"), "__lt__", &[lit("[1, 3]")]), "True");
    assert_eq!(rm(lit("[1, 2]"), "__contains__", &[lit("2.0")]), "True");
    assert_eq!(rm(lit("[1, 2]"), "__len__", &[]), "2");
    assert_eq!(r(ops::to_vec(m(lit("[1, 2]"), "__reversed__", &[]).unwrap()).map(super::list::new_list).unwrap()), "[2, 1]");
    assert_eq!(err(ops::hash(lit("[]")).map(int::new_int)), "TypeError: unhashable type: 'list'");
    let l = lit("[1, 2, 3]");
    assert_eq!(ops::inplace_op(ops::BinOp::Mul, l, i(2)).unwrap(), l);
    assert_eq!(r(l), "[1, 2, 3, 1, 2, 3]");
}

#[test]
fn tuple_methods() {
    setup();
    assert_eq!(r(ok(ops::call(types::tuple(), &[lit("[1, 2]")], &[]))), "(1, 2)");
    assert_eq!(r(ok(ops::call(types::tuple(), &[], &[]))), "()");
    assert_eq!(err(ops::call(types::tuple(), &[i(1), i(2)], &[])), "TypeError: tuple() takes at most 1 argument (2 given)");
    assert_eq!(err(ops::call(types::tuple(), &[], &[(pystr::intern("x"), i(1))])), "TypeError: 'x' is an invalid keyword argument for this function");
    let t = lit("(1, 2, 3)");
    assert_eq!(r(ops::getitem(t, slice(i(-2), N, N)).unwrap()), "(2, 3)");
    assert_eq!(err(ops::getitem(t, i(5))), "IndexError: tuple index out of range");
    assert_eq!(err(ops::getitem(t, s("a"))), "TypeError: tuple indices must be integers, not str");
    assert_eq!(rm(t, "count", &[i(1)]), "1");
    assert_eq!(rm(t, "index", &[i(3)]), "2");
    assert_eq!(err(m(t, "index", &[i(2), i(5)])), "ValueError: tuple.index(x): x not in tuple");
    assert_eq!(rm(lit("(1,)"), "__hash__", &[]), "3430019387558");
    assert_eq!(rm(t, "__add__", &[lit("(4,)")]), "(1, 2, 3, 4)");
    assert_eq!(rm(t, "__ge__", &[lit("(1, 2)")]), "True");
}

fn call(f: Value, args: &[Value]) -> PyResult {
    ops::call(f, args, &[])
}

fn callk(f: Value, args: &[Value], kw: &[(&str, Value)]) -> PyResult {
    let kw: Vec<(Value, Value)> = kw.iter().map(|(k, v)| (pystr::intern(k), *v)).collect();
    ops::call(f, args, &kw)
}

const FRUIT: &str = "{'banana': 1, 'apple': 2, 'cherry': 3, 'date': 4, 'fig': 5, 'kiwi': 6, 'grape': 7}";

#[test]
fn dict_copy_update_and_constructor_orders() {
    setup();
    let d = lit(FRUIT);
    assert_eq!(r(d), "{'kiwi': 6, 'grape': 7, 'apple': 2, 'cherry': 3, 'fig': 5, 'date': 4, 'banana': 1}");
    let copied = "{'kiwi': 6, 'grape': 7, 'apple': 2, 'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5}";
    assert_eq!(rm(d, "copy", &[]), copied);
    assert_eq!(r(ok(call(types::dict(), &[d]))), copied);
    let e = ok(callk(types::dict(), &[d], &[("zz", i(1)), ("aa", i(2)), ("mm", i(3))]));
    assert_eq!(r(e), "{'kiwi': 6, 'mm': 3, 'aa': 2, 'grape': 7, 'apple': 2, 'zz': 1, 'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5}");
    let pairs = super::list::new_list((0..10).map(|k| super::tuple::new_tuple(vec![i(k * 7), i(k)])).collect());
    assert_eq!(r(ok(call(types::dict(), &[pairs]))), "{0: 0, 35: 5, 7: 1, 42: 6, 14: 2, 49: 7, 21: 3, 56: 8, 28: 4, 63: 9}");
    let g = lit("{}");
    m(g, "update", &[d]).unwrap();
    ok(mk(g, "update", &[lit("[('x', 1), ('y', 2)]")], &[("q", i(5))]));
    assert_eq!(r(g), "{'kiwi': 6, 'y': 2, 'grape': 7, 'apple': 2, 'x': 1, 'date': 4, 'cherry': 3, 'q': 5, 'banana': 1, 'fig': 5}");
    assert_eq!(err(call(types::dict(), &[i(1), i(2)])), "TypeError: dict expected at most 1 arguments, got 2");
    assert_eq!(err(m(lit("{}"), "update", &[lit("[1]")])), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    assert_eq!(err(call(types::dict(), &[lit("[(1, 2, 3)]")])), "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    assert_eq!(err(m(lit("{}"), "update", &[i(1)])), "TypeError: 'int' object is not iterable");
    assert_eq!(r(ok(callk(types::dict(), &[], &[("x", i(1))]))), "{'x': 1}");
}

#[test]
fn dict_fromkeys_presizes_like_cpython() {
    setup();
    let fk = ops::getattr(types::dict(), pystr::intern("fromkeys")).unwrap();
    assert_eq!(r(ok(call(fk, &[s("abcdefgh")]))), "{'a': None, 'c': None, 'b': None, 'e': None, 'd': None, 'g': None, 'f': None, 'h': None}");
    assert_eq!(r(ok(call(fk, &[lit(FRUIT)]))), "{'kiwi': None, 'grape': None, 'apple': None, 'date': None, 'cherry': None, 'banana': None, 'fig': None}");
    let st = ok(call(types::set(), &[s("abcdefgh")]));
    assert_eq!(r(st), "set(['a', 'c', 'b', 'e', 'd', 'g', 'f', 'h'])");
    assert_eq!(r(ok(call(fk, &[st, i(0)]))), "{'a': 0, 'c': 0, 'b': 0, 'e': 0, 'd': 0, 'g': 0, 'f': 0, 'h': 0}");
    assert_eq!(r(ok(call(fk, &[lit("[1, 2]"), i(5)]))), "{1: 5, 2: 5}");
}

#[test]
fn dict_accessors() {
    setup();
    let d = lit(FRUIT);
    assert_eq!(rm(d, "get", &[s("apple")]), "2");
    assert_eq!(rm(d, "get", &[s("zz"), i(9)]), "9");
    assert_eq!(rm(d, "get", &[s("zz")]), "None");
    assert_eq!(rm(d, "has_key", &[s("fig")]), "True");
    assert_eq!(rm(lit("{}"), "setdefault", &[i(1)]), "None");
    assert_eq!(rm(lit("{}"), "pop", &[i(1), i(2)]), "2");
    assert_eq!(err(m(lit("{}"), "pop", &[i(1)])), "KeyError: 1");
    assert_eq!(err(m(lit("{}"), "get", &[])), "TypeError: get expected at least 1 arguments, got 0");
    assert_eq!(err(m(lit("{}"), "get", &[i(1), i(2), i(3)])), "TypeError: get expected at most 2 arguments, got 3");
    assert_eq!(err(m(lit("{}"), "pop", &[])), "TypeError: pop expected at least 1 arguments, got 0");
    assert_eq!(err(m(lit("{}"), "popitem", &[])), "KeyError: 'popitem(): dictionary is empty'");
    let f = ok(m(d, "copy", &[]));
    let popped: Vec<String> = (0..3).map(|_| rm(f, "popitem", &[])).collect();
    assert_eq!(popped, ["('kiwi', 6)", "('grape', 7)", "('apple', 2)"]);
    assert_eq!(r(f), "{'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5}");
    assert_eq!(rm(lit("{'a': [1]}"), "items", &[]), "[('a', [1])]");
    assert_eq!(rm(d, "keys", &[]), "['kiwi', 'grape', 'apple', 'cherry', 'fig', 'date', 'banana']");
    assert_eq!(rm(d, "values", &[]), "[6, 7, 2, 3, 5, 4, 1]");
    assert_eq!(r(ok(ops::to_vec(ok(m(d, "iteritems", &[]))).map(super::list::new_list))), rm(d, "items", &[]));
    assert_eq!(r(ok(ops::getitem(lit("{(1, 2): 3}"), lit("(1, 2)")))), "3");
    assert_eq!(err(ops::hash(lit("{}")).map(i)), "TypeError: unhashable type: 'dict'");
    assert_eq!(rm(lit("{1: 2}"), "viewkeys", &[]), "dict_keys([1])");
    assert_eq!(rm(lit("{1: 2}"), "viewitems", &[]), "dict_items([(1, 2)])");
    assert_eq!(rm(lit("{1: 2}"), "viewvalues", &[]), "dict_values([2])");
    assert_eq!(r(ok(ops::binop(ops::BinOp::And, ok(m(lit("{1: 2, 3: 4}"), "viewkeys", &[])), lit("{1}")))), "set([1])");
}

#[test]
fn dict_comparisons() {
    setup();
    let c = |a: &str, b: &str| ops::cmp3(lit(a), lit(b)).unwrap() as i64;
    assert_eq!(c("{1: 2}", "{2: 1}"), -1);
    assert_eq!(c("{'a': 1, 'b': 2}", "{'a': 1, 'b': 3}"), -1);
    assert_eq!(c("{1: 1}", "{1: 1, 2: 2}"), -1);
    assert_eq!(r(ok(ops::compare(ops::CmpOp::Lt, lit("{1: 2}"), lit("{1: 3}")))), "True");
    assert_eq!(r(ok(ops::compare(ops::CmpOp::Eq, lit("{1: 2}"), lit("{1: 2.0}")))), "True");
    assert_eq!(rm(lit("{1: 2}"), "__eq__", &[i(1)]), "NotImplemented");
    assert_eq!(rm(lit("{1: 2}"), "__cmp__", &[lit("{}")]), "1");
}

#[test]
fn set_operations_keep_cpython_order() {
    setup();
    let a = lit("{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}");
    let b = lit("{10, 11, 12, 13, 14, 15, 100, 1000}");
    let op = |o: ops::BinOp, x: Value, y: Value| r(ok(ops::binop(o, x, y)));
    use ops::BinOp::*;
    assert_eq!(op(And, a, b), "set([10, 11, 12])");
    assert_eq!(op(And, b, a), "set([10, 11, 12])");
    assert_eq!(op(Or, a, b), "set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1000, 100])");
    assert_eq!(op(Or, b, a), "set([1, 2, 3, 100, 5, 6, 7, 1000, 9, 10, 11, 12, 13, 14, 15, 8, 4])");
    assert_eq!(op(Sub, a, b), "set([1, 2, 3, 4, 5, 6, 7, 8, 9])");
    assert_eq!(op(Sub, b, a), "set([1000, 100, 13, 14, 15])");
    assert_eq!(op(Xor, a, b), "set([1, 2, 3, 100, 5, 6, 7, 1000, 9, 13, 14, 15, 8, 4])");
    assert_eq!(op(Xor, b, a), "set([1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15, 1000, 100])");
    assert_eq!(rm(a, "intersection", &[lit("[12, 11, 10, 99]")]), "set([10, 11, 12])");
    assert_eq!(rm(a, "union", &[lit("[99, 33]"), lit("(1000,)")]), "set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1000, 99, 33])");
    assert_eq!(rm(a, "difference", &[lit("[1, 2]")]), "set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])");
    assert_eq!(rm(a, "symmetric_difference", &[lit("[200, 1, 300]")]), "set([2, 3, 4, 5, 6, 7, 200, 9, 10, 11, 300, 12, 8])");
    let s20 = ok(call(types::set(), &[super::list::new_list((0..20).map(i).collect())]));
    m(s20, "difference_update", &[super::list::new_list((0..15).map(i).collect())]).unwrap();
    assert_eq!(r(s20), "set([15, 16, 17, 18, 19])");
    let st = lit("{'x', 'yy', 'zzz', 'a', 'b', 'c', 'd'}");
    assert_eq!(r(st), "set(['a', 'c', 'b', 'zzz', 'yy', 'x', 'd'])");
    let popped: Vec<String> = (0..3).map(|_| rm(st, "pop", &[])).collect();
    assert_eq!(popped, ["'a'", "'c'", "'b'"]);
    assert_eq!(r(st), "set(['zzz', 'yy', 'x', 'd'])");
    let x = lit("{1, 2, 3}");
    m(x, "symmetric_difference_update", &[lit("[3, 4, 5]")]).unwrap();
    assert_eq!(r(x), "set([1, 2, 4, 5])");
    let x = lit("{1, 2, 3}");
    m(x, "intersection_update", &[lit("[2, 3, 4]"), lit("[3]")]).unwrap();
    assert_eq!(r(x), "set([3])");
    let fs = ok(call(types::frozenset(), &[lit("[1, 2]")]));
    assert_eq!(op(Or, fs, lit("{3}")), "frozenset([1, 2, 3])");
    assert_eq!(op(Or, lit("{1}"), ok(call(types::frozenset(), &[lit("[2]")]))), "set([1, 2])");
    assert_eq!(r(lit("{10, 20, 30, 40, 50, 60, 70, 80, 90}")), "set([70, 40, 10, 80, 50, 20, 90, 60, 30])");
    assert_eq!(err(ops::binop(And, lit("{1, 2}"), lit("[1]"))), "TypeError: unsupported operand type(s) for &: 'set' and 'list'");
}

#[test]
fn set_membership_hashing_and_errors() {
    setup();
    let fz = |src: &str| ok(call(types::frozenset(), &[lit(src)]));
    assert_eq!(ops::hash(fz("['a', 'b', 'c']")).unwrap(), 7014780955557851169);
    assert_eq!(ops::hash(fz("[1, 2, 3]")).unwrap(), -7699079583225461316);
    assert_eq!(ops::hash(fz("[(1, 2), 'x']")).unwrap(), -454018274567353337);
    assert_eq!(ops::hash(fz("[1, 2]")).unwrap(), -1834016341293975159);
    assert_eq!(ops::hash(fz("[]")).unwrap(), 133156838395276);
    assert_eq!(err(ops::hash(lit("{1}")).map(i)), "TypeError: unhashable type: 'set'");
    let cmp = |o: ops::CmpOp, a: Value, b: Value| r(ok(ops::compare(o, a, b)));
    use ops::CmpOp::*;
    assert_eq!(cmp(Le, lit("{1, 2}"), lit("{1, 2}")), "True");
    assert_eq!(cmp(Lt, lit("{1, 2}"), lit("{1, 2}")), "False");
    assert_eq!(cmp(Lt, lit("{1, 2}"), lit("{1, 2, 3}")), "True");
    assert_eq!(cmp(Eq, lit("{1}"), fz("[1]")), "True");
    assert_eq!(cmp(Eq, lit("{1}"), i(1)), "False");
    assert_eq!(cmp(Lt, lit("{1}"), i(1)), "False");
    let nested = ok(call(types::set(), &[super::list::new_list(vec![fz("[1, 2]")])]));
    assert_eq!(r(nested), "set([frozenset([1, 2])])");
    assert!(ops::contains(nested, lit("{1, 2}")).unwrap());
    assert_eq!(err(m(lit("{1}"), "remove", &[lit("{2}")])), "KeyError: set([2])");
    assert_eq!(err(call(types::set(), &[i(1)])), "TypeError: 'int' object is not iterable");
    assert_eq!(err(call(types::set(), &[lit("[[]]")])), "TypeError: unhashable type: 'list'");
    assert_eq!(err(callk(types::set(), &[], &[("x", i(1))])), "TypeError: set() does not take keyword arguments");
    assert_eq!(err(call(types::set(), &[lit("[1]"), lit("[2]")])), "TypeError: set expected at most 1 arguments, got 2");
    assert_eq!(err(callk(types::frozenset(), &[], &[("x", i(1))])), "TypeError: frozenset() does not take keyword arguments");
    assert_eq!(err(m(lit("{1}"), "pop", &[]).and_then(|_| m(lit("{1}"), "clear", &[])).and_then(|_| m(ok(call(types::set(), &[])), "pop", &[]))), "KeyError: 'pop from an empty set'");
    assert_eq!(rm(lit("{1, 2}"), "__sub__", &[lit("[1]")]), "NotImplemented");
    assert_eq!(rm(lit("{1, 2}"), "isdisjoint", &[lit("[3]")]), "True");
    assert_eq!(rm(fz("[1, 2]"), "issuperset", &[lit("[1]")]), "True");
    assert_eq!(rm(lit("{1}"), "issubset", &[lit("[1, 2]")]), "True");
    assert_eq!(r(ok(call(types::set(), &[]))), "set([])");
    assert_eq!(r(fz("[]")), "frozenset([])");
    // Iteration notices a size change.
    let st = lit("{1, 2}");
    let it = ops::iter(st).unwrap();
    ops::next(it).unwrap();
    m(st, "add", &[i(3)]).unwrap();
    assert_eq!(err(ops::next(it).map(|_| N)), "RuntimeError: Set changed size during iteration");
}

fn f(x: f64) -> Value {
    super::float::new_float(x)
}

#[test]
fn int_and_long_constructors() {
    setup();
    let int_ = |a: &[Value]| call(types::int(), a);
    let long_ = |a: &[Value]| call(types::long(), a);
    assert_eq!(r(ok(int_(&[s(&"9".repeat(20))]))), "99999999999999999999L");
    assert_eq!(r(ok(int_(&[lit("1180591620717411303424L")]))), "1180591620717411303424L");
    assert_eq!(err(int_(&[s("12L")])), "ValueError: invalid literal for int() with base 10: '12L'");
    assert_eq!(r(ok(long_(&[s("12l")]))), "12L");
    assert_eq!(r(ok(int_(&[s(" 0x1f "), i(16)]))), "31");
    assert_eq!(r(ok(int_(&[s("0b101"), i(2)]))), "5");
    assert_eq!(r(ok(int_(&[s("0o17"), i(8)]))), "15");
    assert_eq!(r(ok(int_(&[s("017"), i(8)]))), "15");
    assert_eq!(err(int_(&[s("08"), i(0)])), "ValueError: invalid literal for int() with base 0: '08'");
    assert_eq!(r(ok(int_(&[s("-0x10"), i(0)]))), "-16");
    assert_eq!(r(ok(int_(&[s("010"), i(0)]))), "8");
    assert_eq!(r(ok(int_(&[s("+ 5")]))), "5");
    assert_eq!(r(ok(int_(&[s("z"), i(36)]))), "35");
    assert_eq!(err(int_(&[s("5.0")])), "ValueError: invalid literal for int() with base 10: '5.0'");
    assert_eq!(err(int_(&[s("")])), "ValueError: invalid literal for int() with base 10: ''");
    assert_eq!(err(int_(&[s("x")])), "ValueError: invalid literal for int() with base 10: 'x'");
    assert_eq!(err(int_(&[s("12"), i(1)])), "ValueError: int() base must be >= 2 and <= 36");
    assert_eq!(err(int_(&[i(12), i(10)])), "TypeError: int() can't convert non-string with explicit base");
    assert_eq!(err(int_(&[i(1), i(2), i(3)])), "TypeError: int() takes at most 2 arguments (3 given)");
    assert_eq!(r(ok(callk(types::int(), &[s("10")], &[("base", i(2))]))), "2");
    assert_eq!(r(ok(callk(types::int(), &[], &[("x", i(5))]))), "5");
    assert_eq!(r(ok(int_(&[f(1.5e300)]))).len(), 302);
    assert_eq!(err(int_(&[f(f64::INFINITY)])), "OverflowError: cannot convert float infinity to integer");
    assert_eq!(err(int_(&[f(f64::NAN)])), "ValueError: cannot convert float NaN to integer");
    assert_eq!(err(int_(&[lit("[]")])), "TypeError: int() argument must be a string or a number, not 'list'");
    assert_eq!(err(int_(&[N])), "TypeError: int() argument must be a string or a number, not 'NoneType'");
    assert_eq!(r(ok(int_(&[Value::TRUE]))), "1");
    assert_eq!(r(ok(long_(&[f(3.9)]))), "3L");
    assert_eq!(r(ok(long_(&[f(1e20)]))), "100000000000000000000L");
    assert_eq!(err(long_(&[s(" ")])), "ValueError: invalid literal for long() with base 10: ' '");
    assert_eq!(err(m(types::int(), "__new__", &[types::bool_(), i(1)])), "TypeError: int.__new__(bool) is not safe, use bool.__new__()");
    assert_eq!(err(m(types::bool_(), "__new__", &[types::int()])), "TypeError: bool.__new__(int): int is not a subtype of bool");
    assert_eq!(r(ok(callk(types::bool_(), &[], &[("x", i(1))]))), "True");
    assert_eq!(err(call(types::bool_(), &[i(1), i(2)])), "TypeError: bool() takes at most 1 argument (2 given)");
}

#[test]
fn float_constructor_and_methods() {
    setup();
    let fl = |x: &str| call(types::float(), &[s(x)]);
    assert_eq!(err(fl("x")), "ValueError: could not convert string to float: x");
    assert_eq!(err(fl("1_0")), "ValueError: invalid literal for float(): 1_0");
    assert_eq!(err(fl("0x10")), "ValueError: invalid literal for float(): 0x10");
    assert_eq!(err(fl("1.5x")), "ValueError: invalid literal for float(): 1.5x");
    assert_eq!(err(fl("")), "ValueError: could not convert string to float: ");
    for (src, want) in [(".5", "0.5"), ("5.", "5.0"), ("+1E3", "1000.0"), (" -inf ", "-inf"), ("infinity", "inf"), ("INF", "inf"), ("-nan", "nan"), ("1e-400", "0.0"), ("  1.5 ", "1.5"), ("1e500", "inf")] {
        assert_eq!(r(ok(fl(src))), want, "float({src:?})");
    }
    assert_eq!(err(call(types::float(), &[lit("[]")])), "TypeError: float() argument must be a string or a number");
    assert_eq!(err(call(types::float(), &[i(1), i(2)])), "TypeError: float() takes at most 1 argument (2 given)");
    assert_eq!(r(ok(callk(types::float(), &[], &[("x", i(1))]))), "1.0");
    let big = ok(ops::binop(ops::BinOp::Pow, i(2), i(1000)));
    assert_eq!(r(ok(call(types::float(), &[big]))), "1.0715086071862673e+301");
    let huge = ok(ops::binop(ops::BinOp::Pow, i(10), i(400)));
    assert_eq!(err(call(types::float(), &[huge])), "OverflowError: long int too large to convert to float");
    assert_eq!(rm(f(1.5), "hex", &[]), "'0x1.8000000000000p+0'");
    assert_eq!(rm(f(0.1), "hex", &[]), "'0x1.999999999999ap-4'");
    assert_eq!(rm(f(-0.0), "hex", &[]), "'-0x0.0p+0'");
    assert_eq!(rm(f(5e-324), "hex", &[]), "'0x0.0000000000001p-1022'");
    assert_eq!(rm(f(1e300), "hex", &[]), "'0x1.7e43c8800759cp+996'");
    let fromhex = |x: &str| m(types::float(), "fromhex", &[s(x)]);
    assert_eq!(r(ok(fromhex("0x1.8p1"))), "3.0");
    assert_eq!(r(ok(fromhex("0x1p-1074"))), "5e-324");
    assert_eq!(r(ok(fromhex("  -0X1.FFFFFFFFFFFFFp1023 "))), "-1.7976931348623157e+308");
    assert_eq!(r(ok(fromhex("0x.8"))), "0.5");
    assert_eq!(r(ok(fromhex("1"))), "1.0");
    assert_eq!(r(ok(fromhex("0x1.00000000000008p0"))), "1.0");
    assert_eq!(r(ok(fromhex("0x1.00000000000018p0"))), "1.0000000000000004");
    assert_eq!(r(ok(fromhex("0x1.0000000000000801p0"))), "1.0000000000000002");
    assert_eq!(err(fromhex("0x1p1024")), "OverflowError: hexadecimal value too large to represent as a float");
    assert_eq!(err(fromhex("x")), "ValueError: invalid hexadecimal floating-point string");
    assert_eq!(rm(f(0.1), "as_integer_ratio", &[]), "(3602879701896397, 36028797018963968)");
    assert_eq!(rm(f(-0.75), "as_integer_ratio", &[]), "(-3, 4)");
    assert_eq!(err(m(f(f64::INFINITY), "as_integer_ratio", &[])), "OverflowError: Cannot pass infinity to float.as_integer_ratio.");
    assert_eq!(err(m(f(f64::NAN), "as_integer_ratio", &[])), "ValueError: Cannot pass NaN to float.as_integer_ratio.");
    assert_eq!(rm(f(2.0), "is_integer", &[]), "True");
    assert_eq!(rm(f(2.5), "__trunc__", &[]), "2");
    assert_eq!(rm(f(1e20), "__int__", &[]), "100000000000000000000L");
    assert_eq!(rm(f(-3.7), "__long__", &[]), "-3L");
    assert_eq!(rm(f(3.0), "__divmod__", &[i(2)]), "(1.0, 1.0)");
    assert_eq!(rm(f(3.0), "__rdivmod__", &[i(7)]), "(2.0, 1.0)");
    assert_eq!(rm(f(1.5), "__eq__", &[i(1)]), "False");
    assert_eq!(rm(f(1.5), "__lt__", &[s("a")]), "NotImplemented");
    assert_eq!(rm(f(1.5), "__hash__", &[]), "1610645504");
    assert_eq!(rm(f(1.5), "__add__", &[i(1)]), "2.5");
    assert_eq!(rm(f(2.0), "__rpow__", &[i(3)]), "9.0");
    assert_eq!(err(m(f(2.0), "__div__", &[i(0)])), "ZeroDivisionError: float division by zero");
    assert_eq!(err(m(f(2.0), "__floordiv__", &[i(0)])), "ZeroDivisionError: float divmod()");
    assert_eq!(err(m(f(2.0), "__mod__", &[i(0)])), "ZeroDivisionError: float modulo");
    assert_eq!(r(ok(ops::getattr(f(2.5), pystr::intern("imag")))), "0.0");
    assert_eq!(ops::hash(f(1e100)).unwrap(), -5970202163673034167);
}

#[test]
fn int_methods() {
    setup();
    assert_eq!(r(ok(m(types::int(), "__add__", &[i(1), i(2)]))), "3");
    assert_eq!(r(ok(m(types::int(), "__add__", &[i(1), lit("2L")]))), "NotImplemented");
    assert_eq!(r(ok(m(types::long(), "__add__", &[lit("1L"), i(2)]))), "3L");
    assert_eq!(r(ok(m(types::float(), "__add__", &[f(1.0), lit("2L")]))), "3.0");
    assert_eq!(rm(i(1), "__add__", &[f(1.5)]), "NotImplemented");
    assert_eq!(rm(i(5), "bit_length", &[]), "3");
    assert_eq!(rm(i(-1), "bit_length", &[]), "1");
    assert_eq!(rm(i(0), "bit_length", &[]), "0");
    assert_eq!(rm(lit("1180591620717411303424L"), "bit_length", &[]), "71");
    assert_eq!(rm(i(7), "__divmod__", &[i(2)]), "(3, 1)");
    assert_eq!(rm(i(7), "__rsub__", &[i(10)]), "3");
    assert_eq!(rm(i(7), "__truediv__", &[i(2)]), "3.5");
    assert_eq!(rm(i(7), "__rdiv__", &[i(2)]), "0");
    assert_eq!(rm(i(2), "__pow__", &[i(3), i(5)]), "3");
    assert_eq!(err(m(i(3), "__pow__", &[i(2), i(0)])), "ValueError: pow() 3rd argument cannot be 0");
    assert_eq!(rm(i(2), "__rpow__", &[i(3)]), "9");
    assert_eq!(rm(i(2), "__lshift__", &[i(70)]), "2361183241434822606848L");
    assert_eq!(err(m(i(2), "__truediv__", &[i(0)])), "ZeroDivisionError: division by zero");
    assert_eq!(err(m(i(2), "__div__", &[i(0)])), "ZeroDivisionError: integer division or modulo by zero");
    assert_eq!(rm(i(3), "__index__", &[]), "3");
    assert_eq!(rm(f(3.7), "__trunc__", &[]), "3");
    assert_eq!(rm(i(3), "__float__", &[]), "3.0");
    assert_eq!(rm(i(-5), "__abs__", &[]), "5");
    assert_eq!(rm(lit("-5L"), "__abs__", &[]), "5L");
    assert_eq!(rm(i(255), "__hex__", &[]), "'0xff'");
    assert_eq!(rm(i(8), "__oct__", &[]), "'010'");
    assert_eq!(rm(i(1), "__coerce__", &[f(2.0)]), "NotImplemented");
    assert_eq!(rm(i(1), "__coerce__", &[i(2)]), "(1, 2)");
    assert_eq!(rm(i(5), "conjugate", &[]), "5");
    assert_eq!(rm(lit("1L"), "conjugate", &[]), "1L");
    assert_eq!(rm(Value::TRUE, "__index__", &[]), "1");
    let attr = |v: Value, n: &str| r(ok(ops::getattr(v, pystr::intern(n))));
    assert_eq!(attr(i(3), "numerator"), "3");
    assert_eq!(attr(i(3), "denominator"), "1");
    assert_eq!(attr(i(3), "real"), "3");
    assert_eq!(attr(i(3), "imag"), "0");
    assert_eq!(attr(Value::TRUE, "real"), "1");
    assert_eq!(attr(lit("5L"), "denominator"), "1L");
    assert_eq!(attr(f(3.5), "real"), "3.5");
    assert_eq!(err(ops::getattr(f(1.5), pystr::intern("__index__"))), "AttributeError: 'float' object has no attribute '__index__'");
    use ops::BinOp::*;
    assert_eq!(r(ok(ops::binop(And, Value::TRUE, Value::TRUE))), "True");
    assert_eq!(r(ok(ops::binop(Or, Value::TRUE, i(0)))), "1");
    assert_eq!(r(ok(ops::binop(Xor, Value::TRUE, Value::TRUE))), "False");
}

#[test]
fn complex_numbers() {
    setup();
    let c = |re: f64, im: f64| super::complex::new_complex(re, im);
    assert_eq!(r(c(1.5, -0.0)), "(1.5-0j)");
    assert_eq!(r(c(-0.0, 1.0)), "(-0+1j)");
    assert_eq!(r(c(0.0, 0.0)), "0j");
    assert_eq!(r(c(-0.0, -0.0)), "(-0-0j)");
    assert_eq!(r(c(0.0, 1e20)), "1e+20j");
    assert_eq!(r(c(1e16, 1.0)), "(1e+16+1j)");
    assert_eq!(String::from_utf8(ops::str_bytes(c(1.0 / 3.0, 1.0)).unwrap()).unwrap(), "(0.333333333333+1j)");
    assert_eq!(r(c(f64::INFINITY, f64::NAN)), "(inf+nanj)");
    use ops::BinOp::*;
    let op = |o, a, b| r(ok(ops::binop(o, a, b)));
    assert_eq!(op(Pow, c(1.0, 2.0), i(2)), "(-3+4j)");
    assert_eq!(op(Pow, c(1.0, 2.0), i(-1)), "(0.2-0.4j)");
    assert_eq!(op(Pow, c(1.0, 2.0), f(0.5)), "(1.272019649514069+0.7861513777574233j)");
    assert_eq!(op(Pow, i(2), c(1.0, 1.0)), "(1.5384778027279442+1.2779225526272695j)");
    assert_eq!(err(ops::binop(Pow, c(0.0, 0.0), i(-1))), "ZeroDivisionError: 0.0 to a negative or complex power");
    assert_eq!(err(ops::binop(Div, c(1.0, 2.0), i(0))), "ZeroDivisionError: complex division by zero");
    assert_eq!(op(Div, c(1.0, 2.0), c(3.0, -4.0)), "(-0.2+0.4j)");
    assert_eq!(op(FloorDiv, c(1.0, 2.0), i(2)), "0j");
    assert_eq!(op(Mod, c(3.0, 4.0), i(2)), "(1+4j)");
    assert_eq!(op(Mul, c(1.0, 2.0), c(3.0, 4.0)), "(-5+10j)");
    assert_eq!(op(Sub, i(1), c(0.0, 2.0)), "(1-2j)");
    assert_eq!(op(Add, c(1.0, 2.0), lit("1L")), "(2+2j)");
    assert_eq!(op(Mul, c(0.0, 1.0), c(0.0, 1.0)), "(-1+0j)");
    assert_eq!(ops::hash(c(1.0, 2.0)).unwrap(), 2000007);
    assert_eq!(ops::hash(c(3.0, 0.0)).unwrap(), 3);
    assert!(ops::eq_bool(c(3.0, 0.0), i(3)).unwrap());
    assert_eq!(err(ops::compare(ops::CmpOp::Lt, c(1.0, 2.0), c(2.0, 3.0))), "TypeError: no ordering relation is defined for complex numbers");
    let cx = |a: &[Value]| call(types::complex(), a);
    assert_eq!(r(ok(cx(&[s("1+2j")]))), "(1+2j)");
    assert_eq!(r(ok(cx(&[s(" ( -1.5e3-2j ) ")]))), "(-1500-2j)");
    assert_eq!(r(ok(cx(&[s("j")]))), "1j");
    assert_eq!(r(ok(cx(&[s("-j")]))), "-1j");
    assert_eq!(r(ok(cx(&[s("1")]))), "(1+0j)");
    assert_eq!(r(ok(cx(&[s("1e500j")]))), "infj");
    assert_eq!(r(ok(cx(&[s("nan+infj")]))), "(nan+infj)");
    assert_eq!(err(cx(&[s("1+")])), "ValueError: complex() arg is a malformed string");
    assert_eq!(err(cx(&[s("1 + 2j")])), "ValueError: complex() arg is a malformed string");
    assert_eq!(err(cx(&[s("1"), i(2)])), "TypeError: complex() can't take second arg if first is a string");
    assert_eq!(err(cx(&[i(1), s("2")])), "TypeError: complex() second arg can't be a string");
    assert_eq!(err(cx(&[lit("[]")])), "TypeError: complex() argument must be a string or a number");
    assert_eq!(r(ok(cx(&[c(1.0, 2.0), c(1.0, 2.0)]))), "(-1+3j)");
    assert_eq!(r(ok(cx(&[f(1.5), f(-0.0)]))), "(1.5-0j)");
    assert_eq!(r(ok(callk(types::complex(), &[], &[("real", i(1)), ("imag", i(2))]))), "(1+2j)");
    assert_eq!(err(call(types::int(), &[c(0.0, 1.0)])), "TypeError: can't convert complex to int");
    assert_eq!(r(ok(ops::getattr(c(1.0, 2.0), pystr::intern("imag")))), "2.0");
    assert_eq!(rm(c(1.5, 2.0), "conjugate", &[]), "(1.5-2j)");
    assert_eq!(rm(c(3.0, 4.0), "__abs__", &[]), "5.0");
    assert_eq!(r(ok(ops::unaryop(ops::UnaryOp::Neg, c(1.0, 2.0)))), "(-1-2j)");
    assert!(!ops::truthy(c(0.0, 0.0)).unwrap());
    assert_eq!(err(m(c(0.0, 1.0), "__pow__", &[i(2), i(3)])), "ValueError: complex modulo");
}

#[test]
fn sort_matches_a_stable_sort_on_many_shapes() {
    setup();
    // Pairs (key, original position); sorting by key must keep positions ascending within a key.
    let mut seed: u64 = 12345;
    let mut rnd = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let key0 = super::function::new_builtin("key0", |a, _| ops::getitem(a[0], int::new_int(0)));
    for shape in 0..6 {
        for &n in &[0usize, 1, 2, 15, 16, 17, 33, 100, 257] {
            let keys: Vec<i64> = (0..n)
                .map(|k| match shape {
                    0 => rnd(10) as i64,
                    1 => k as i64,
                    2 => (n - k) as i64,
                    3 => (k / 3) as i64,
                    4 => ((n - k) / 4) as i64,
                    _ => if k % 2 == 0 { k as i64 } else { rnd(1000) as i64 },
                })
                .collect();
            for reverse in [false, true] {
                let items: Vec<Value> = keys.iter().enumerate().map(|(p, &k)| super::tuple::new_tuple(vec![i(k), i(p as i64)])).collect();
                let l = super::list::new_list(items);
                mk(l, "sort", &[], &[("key", key0), ("reverse", Value::from_bool(reverse))]).unwrap();
                let mut want: Vec<(i64, i64)> = keys.iter().enumerate().map(|(p, &k)| (k, p as i64)).collect();
                if reverse {
                    // Reverse sorting is stable too: equal keys keep their order.
                    want.sort_by(|x, y| y.0.cmp(&x.0));
                } else {
                    want.sort_by(|x, y| x.0.cmp(&y.0));
                }
                let got: Vec<(i64, i64)> = super::list::as_list(l)
                    .unwrap()
                    .v()
                    .iter()
                    .map(|&t| {
                        let t = super::tuple::as_tuple(t).unwrap();
                        (t[0].as_int(), t[1].as_int())
                    })
                    .collect();
                assert_eq!(got, want, "shape {shape}, n {n}, reverse {reverse}");
            }
        }
    }
}
