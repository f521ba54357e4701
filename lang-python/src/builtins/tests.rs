//! Checks of the `__builtin__` functions against CPython 2.7.18; expected
//! values were printed by `python2.7` for the same calls.

use crate::objects::container_tests::{err, lit, ok, r, s, setup};
use crate::ops;
use crate::runtime::{types, PyResult};
use vmcore::Value;

/// `name(*args)` for a builtin looked up in the module.
fn b(name: &str, a: &[Value]) -> PyResult {
    let f = super::module().dict.get_str(name).unwrap_or_else(|| panic!("no builtin {name}"));
    ops::call(f, a, &[])
}

fn bk(name: &str, a: &[Value], kw: &[(&str, Value)]) -> PyResult {
    let f = super::module().dict.get_str(name).unwrap_or_else(|| panic!("no builtin {name}"));
    let kw: Vec<(Value, Value)> = kw.iter().map(|(k, v)| (crate::objects::str::intern(k), *v)).collect();
    ops::call(f, a, &kw)
}

fn rb(name: &str, a: &[Value]) -> String {
    r(ok(b(name, a)))
}

fn i(x: i64) -> Value {
    crate::objects::int::new_int(x)
}

fn f(x: f64) -> Value {
    crate::objects::float::new_float(x)
}

fn e(name: &str, a: &[Value]) -> String {
    err(b(name, a))
}

#[test]
fn argument_errors_use_cpython_wording() {
    let _g = setup();
    assert_eq!(e("len", &[]), "TypeError: len() takes exactly one argument (0 given)");
    assert_eq!(e("len", &[i(1), i(2)]), "TypeError: len() takes exactly one argument (2 given)");
    assert_eq!(e("getattr", &[i(1)]), "TypeError: getattr expected at least 2 arguments, got 1");
    assert_eq!(e("sorted", &[]), "TypeError: Required argument 'iterable' (pos 1) not found");
    assert_eq!(e("sorted", &[lit("[]"), i(1), i(2), i(3), i(4)]), "TypeError: sorted() takes at most 4 arguments (5 given)");
    assert_eq!(err(bk("sorted", &[lit("[]")], &[("reverse", i(1)), ("foo", i(2))])), "TypeError: 'foo' is an invalid keyword argument for this function");
    assert_eq!(e("range", &[]), "TypeError: range expected at least 1 arguments, got 0");
    assert_eq!(e("range", &[i(1), i(2), i(3), i(4)]), "TypeError: range expected at most 3 arguments, got 4");
    assert_eq!(e("max", &[]), "TypeError: max expected 1 arguments, got 0");
    assert_eq!(err(bk("len", &[lit("[]")], &[("x", i(1))])), "TypeError: len() takes no keyword arguments");
}

#[test]
fn numeric_builtins() {
    let _g = setup();
    assert_eq!(rb("abs", &[f(-1.5)]), "1.5");
    assert_eq!(rb("abs", &[Value::TRUE]), "1");
    assert_eq!(rb("abs", &[lit("-5L")]), "5L");
    assert_eq!(rb("abs", &[i(i64::MIN)]), "9223372036854775808L");
    assert_eq!(e("abs", &[s("a")]), "TypeError: bad operand type for abs(): 'str'");
    assert_eq!(rb("abs", &[crate::objects::complex::new_complex(3.0, 4.0)]), "5.0");
    assert_eq!(rb("hex", &[i(255)]), "'0xff'");
    assert_eq!(rb("hex", &[lit("-255L")]), "'-0xffL'");
    assert_eq!(rb("hex", &[i(0)]), "'0x0'");
    assert_eq!(rb("hex", &[i(-1)]), "'-0x1'");
    assert_eq!(e("hex", &[f(1.5)]), "TypeError: hex() argument can't be converted to hex");
    assert_eq!(rb("oct", &[i(8)]), "'010'");
    assert_eq!(rb("oct", &[i(0)]), "'0'");
    assert_eq!(rb("oct", &[i(-8)]), "'-010'");
    assert_eq!(rb("oct", &[lit("8L")]), "'010L'");
    assert_eq!(rb("oct", &[lit("0L")]), "'0L'");
    assert_eq!(rb("bin", &[i(5)]), "'0b101'");
    assert_eq!(rb("bin", &[i(-5)]), "'-0b101'");
    assert_eq!(e("bin", &[f(1.5)]), "TypeError: 'float' object cannot be interpreted as an index");
    assert_eq!(rb("divmod", &[i(7), i(-2)]), "(-4, -1)");
    assert_eq!(rb("divmod", &[i(-7), i(2)]), "(-4, 1)");
    assert_eq!(rb("divmod", &[lit("7L"), i(-2)]), "(-4L, -1L)");
    assert_eq!(rb("divmod", &[f(7.5), i(2)]), "(3.0, 1.5)");
    assert_eq!(rb("divmod", &[f(-7.5), i(2)]), "(-4.0, 0.5)");
    assert_eq!(rb("divmod", &[i(1), f(1.5)]), "(0.0, 1.0)");
    assert_eq!(e("divmod", &[i(1), i(0)]), "ZeroDivisionError: integer division or modulo by zero");
    assert_eq!(e("divmod", &[f(1.0), i(0)]), "ZeroDivisionError: float divmod()");
    assert_eq!(e("divmod", &[s("a"), i(1)]), "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
    assert_eq!(rb("pow", &[i(2), i(10), i(7)]), "2");
    assert_eq!(rb("pow", &[i(-2), i(3), i(5)]), "2");
    assert_eq!(rb("pow", &[i(2), i(3), i(-5)]), "-2");
    assert_eq!(rb("pow", &[lit("2L"), i(3), i(5)]), "3L");
    assert_eq!(rb("pow", &[i(3), i(2), lit("7L")]), "2L");
    assert_eq!(rb("pow", &[i(2), i(-1)]), "0.5");
    assert_eq!(e("pow", &[i(2), i(-1), i(7)]), "TypeError: pow() 2nd argument cannot be negative when 3rd argument specified");
    assert_eq!(e("pow", &[f(2.0), i(2), i(3)]), "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    assert_eq!(e("pow", &[i(2), i(3), i(0)]), "ValueError: pow() 3rd argument cannot be 0");
    assert_eq!(rb("cmp", &[i(1), i(2)]), "-1");
    assert_eq!(rb("cmp", &[s("a"), s("a")]), "0");
    assert_eq!(rb("cmp", &[lit("[1, 2]"), lit("[1, 3]")]), "-1");
    assert_eq!(rb("cmp", &[lit("{1: 2}"), lit("{2: 1}")]), "-1");
    assert_eq!(rb("cmp", &[lit("(2,)"), lit("(1, 5)")]), "1");
    assert_eq!(rb("coerce", &[i(1), f(2.5)]), "(1.0, 2.5)");
    assert_eq!(e("coerce", &[i(1), s("a")]), "TypeError: number coercion failed");
    for (x, n, want) in [(2.5, None, "3.0"), (-2.5, None, "-3.0"), (0.5, None, "1.0"), (-0.5, None, "-1.0"), (1.5, None, "2.0"), (1.25, Some(1), "1.3"), (2.675, Some(2), "2.67"), (0.125, Some(2), "0.13"), (1234.0, Some(-2), "1200.0"), (1e300, Some(-300), "1e+300"), (123.456, Some(-1), "120.0"), (-123.456, Some(-2), "-100.0"), (1.23456789, Some(20), "1.23456789"), (f64::INFINITY, None, "inf"), (0.5, Some(400), "0.5"), (25.0, Some(-1), "30.0"), (35.0, Some(-1), "40.0"), (-25.0, Some(-1), "-30.0")] {
        let mut a = vec![f(x)];
        if let Some(n) = n {
            a.push(i(n));
        }
        assert_eq!(rb("round", &a), want, "round({x}, {n:?})");
    }
    assert_eq!(rb("round", &[i(5), i(1)]), "5.0");
    assert_eq!(e("round", &[s("a")]), "TypeError: a float is required");
    assert_eq!(e("round", &[f(1.5), s("a")]), "TypeError: 'str' object cannot be interpreted as an index");
    assert_eq!(e("round", &[i(1), i(2), i(3)]), "TypeError: round() takes at most 2 arguments (3 given)");
    assert_eq!(rb("sum", &[lit("[1, 2]"), f(0.5)]), "3.5");
    assert_eq!(rb("sum", &[lit("[[1], [2]]"), lit("[]")]), "[1, 2]");
    assert_eq!(e("sum", &[lit("['a']")]), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    assert_eq!(e("sum", &[lit("[]"), s("")]), "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    assert_eq!(rb("sum", &[lit("[9223372036854775807, 1]")]), "9223372036854775808L");
    assert_eq!(rb("hash", &[lit("(1, 2)")]), "3713081631934410656");
    assert_eq!(rb("hash", &[i(-1)]), "-2");
    assert_eq!(rb("hash", &[lit("18446744073709551616L")]), "1");
    assert_eq!(e("hash", &[lit("[]")]), "TypeError: unhashable type: 'list'");
}

#[test]
fn text_builtins() {
    let _g = setup();
    assert_eq!(rb("chr", &[i(97)]), "'a'");
    assert_eq!(e("chr", &[i(256)]), "ValueError: chr() arg not in range(256)");
    assert_eq!(e("chr", &[i(-1)]), "ValueError: chr() arg not in range(256)");
    assert_eq!(rb("unichr", &[i(0x263a)]), "u'\\u263a'");
    assert_eq!(e("unichr", &[i(0x110000)]), "ValueError: unichr() arg not in range(0x110000) (wide Python build)");
    assert_eq!(rb("ord", &[s("a")]), "97");
    assert_eq!(e("ord", &[s("ab")]), "TypeError: ord() expected a character, but string of length 2 found");
    assert_eq!(e("ord", &[i(1)]), "TypeError: ord() expected string of length 1, but int found");
    assert_eq!(rb("repr", &[s("a'b")]), "'\"a\\'b\"'");
    assert_eq!(rb("intern", &[s("abc")]), "'abc'");
    assert_eq!(e("intern", &[crate::objects::unicode::new_unicode(vec![97])]), "TypeError: intern() argument 1 must be string, not unicode");
}

#[test]
fn sequence_builtins() {
    let _g = setup();
    assert_eq!(rb("range", &[i(5)]), "[0, 1, 2, 3, 4]");
    assert_eq!(rb("range", &[i(1), i(10), i(3)]), "[1, 4, 7]");
    assert_eq!(rb("range", &[i(10), i(1), i(-3)]), "[10, 7, 4]");
    assert_eq!(e("range", &[f(1.5)]), "TypeError: range() integer end argument expected, got float.");
    assert_eq!(e("range", &[f(1.5), i(3)]), "TypeError: range() integer start argument expected, got float.");
    assert_eq!(e("range", &[i(1), i(2), i(0)]), "ValueError: range() step argument must not be zero");
    let xr = |a: &[Value]| ops::call(types::xrange(), a, &[]);
    assert_eq!(r(ok(xr(&[i(1), i(10), i(2)]))), "xrange(1, 11, 2)");
    assert_eq!(r(ok(xr(&[i(0)]))), "xrange(0)");
    assert_eq!(r(ok(xr(&[i(5)]))), "xrange(5)");
    assert_eq!(r(ok(xr(&[i(2), i(5)]))), "xrange(2, 5)");
    assert_eq!(err(xr(&[i(1), i(2), i(0)])), "ValueError: xrange() arg 3 must not be zero");
    assert_eq!(err(xr(&[f(1.5)])), "TypeError: integer argument expected, got float");
    let x = ok(xr(&[i(10), i(0), i(-3)]));
    assert_eq!(ops::len(x).unwrap(), 4);
    assert_eq!(r(ok(ops::getitem(x, i(-1)))), "1");
    assert_eq!(err(ops::getitem(x, i(4))), "IndexError: xrange object index out of range");
    assert_eq!(rb("list", &[x]), "[10, 7, 4, 1]");
    assert_eq!(rb("list", &[ok(b("reversed", &[x]))]), "[1, 4, 7, 10]");
    assert!(ops::contains(x, i(7)).unwrap());
    assert_eq!(rb("sorted", &[s("bca")]), "['a', 'b', 'c']");
    let neg = crate::objects::function::new_builtin("neg", |a, _| ops::unaryop(ops::UnaryOp::Neg, a[0]));
    assert_eq!(r(ok(bk("sorted", &[lit("[3, 1, 2]")], &[("key", neg), ("reverse", Value::TRUE)]))), "[1, 2, 3]");
    let sub = crate::objects::function::new_builtin("sub", |a, _| ops::binop(ops::BinOp::Sub, a[1], a[0]));
    assert_eq!(rb("sorted", &[lit("[3, 1, 2]"), sub]), "[3, 2, 1]");
    assert_eq!(rb("filter", &[Value::NONE, lit("(1, 0, 2)")]), "(1, 2)");
    assert_eq!(rb("filter", &[Value::NONE, s("a b")]), "'a b'");
    assert_eq!(rb("filter", &[Value::NONE, lit("[0, 1, '', 'x']")]), "[1, 'x']");
    assert_eq!(rb("map", &[Value::NONE, lit("[1, 2]"), lit("[3]")]), "[(1, 3), (2, None)]");
    assert_eq!(rb("map", &[Value::NONE, lit("[1, 2]")]), "[1, 2]");
    assert_eq!(rb("map", &[neg, lit("[1, 2]")]), "[-1, -2]");
    assert_eq!(e("map", &[neg]), "TypeError: map() requires at least two args");
    assert_eq!(rb("zip", &[]), "[]");
    assert_eq!(rb("zip", &[lit("[1, 2]"), lit("[3]")]), "[(1, 3)]");
    assert_eq!(e("zip", &[lit("[1]"), i(1)]), "TypeError: zip argument #2 must support iteration");
    let add = crate::objects::function::new_builtin("add", |a, _| ops::binop(ops::BinOp::Add, a[0], a[1]));
    assert_eq!(rb("reduce", &[add, lit("[1, 2, 3]")]), "6");
    assert_eq!(rb("reduce", &[add, lit("[]"), i(0)]), "0");
    assert_eq!(e("reduce", &[add, lit("[]")]), "TypeError: reduce() of empty sequence with no initial value");
    assert_eq!(rb("max", &[lit("[1, 3, 2]")]), "3");
    assert_eq!(rb("min", &[i(4), i(2), i(8)]), "2");
    assert_eq!(r(ok(bk("max", &[i(1), i(2)], &[("key", neg)]))), "1");
    assert_eq!(rb("max", &[lit("[(1, 'a'), (1, 'b')]")]), "(1, 'b')");
    assert_eq!(r(ok(bk("max", &[lit("[1, -1]")], &[("key", crate::objects::function::new_builtin("abs", |a, _| ops::call_method(a[0], "__abs__", &[])))]))), "1");
    assert_eq!(e("max", &[lit("[]")]), "ValueError: max() arg is an empty sequence");
    assert_eq!(err(bk("min", &[lit("[]")], &[("key", i(1))])), "ValueError: min() arg is an empty sequence");
    assert_eq!(err(bk("min", &[lit("[1]")], &[("foo", i(1))])), "TypeError: min() got an unexpected keyword argument");
    assert_eq!(e("max", &[i(1)]), "TypeError: 'int' object is not iterable");
    assert_eq!(rb("all", &[lit("[1, 2]")]), "True");
    assert_eq!(rb("all", &[lit("[1, 0]")]), "False");
    assert_eq!(rb("any", &[lit("[]")]), "False");
    assert_eq!(rb("any", &[lit("[0, 'x']")]), "True");
    assert_eq!(rb("list", &[ok(b("enumerate", &[s("ab"), i(1)]))]), "[(1, 'a'), (2, 'b')]");
    assert_eq!(rb("list", &[ok(b("reversed", &[lit("(1, 2)")]))]), "[2, 1]");
    assert_eq!(e("reversed", &[i(1)]), "TypeError: argument to reversed() must be a sequence");
    assert_eq!(e("reversed", &[lit("{}")]), "TypeError: argument to reversed() must be a sequence");
    let it = ok(b("iter", &[lit("[]")]));
    assert_eq!(e("next", &[it]), "StopIteration: ");
    assert_eq!(rb("next", &[it, i(5)]), "5");
    assert_eq!(e("next", &[i(1)]), "TypeError: int object is not an iterator");
    assert_eq!(e("iter", &[i(1)]), "TypeError: 'int' object is not iterable");
    // iter(callable, sentinel): pop() until it returns 2.
    let l = lit("[1, 2, 3, 4]");
    let pop = ops::getattr(l, crate::objects::str::intern("pop")).unwrap();
    assert_eq!(rb("list", &[ok(b("iter", &[pop, i(2)]))]), "[4, 3]");
    assert_eq!(e("iter", &[i(1), i(2)]), "TypeError: iter(v, w): v must be callable");
    let sl = ops::call(types::slice(), &[i(1), i(2)], &[]).unwrap();
    assert_eq!(r(sl), "slice(1, 2, None)");
    assert_eq!(r(ok(ops::call_method(sl, "indices", &[i(1)]))), "(1, 1, 1)");
    assert_eq!(err(ops::call(types::slice(), &[], &[])), "TypeError: slice expected at least 1 arguments, got 0");
    assert_eq!(r(ok(ops::getattr(sl, crate::objects::str::intern("stop")))), "2");
}

#[test]
fn object_builtins() {
    let _g = setup();
    let len = super::module().dict.get_str("len").unwrap();
    let max = super::module().dict.get_str("max").unwrap();
    assert_eq!(rb("apply", &[max, lit("(1, 2)")]), "2");
    assert_eq!(rb("apply", &[len, lit("([1, 2],)")]), "2");
    assert_eq!(e("apply", &[len, i(1)]), "TypeError: apply() arg 2 expected sequence, found int");
    assert_eq!(rb("callable", &[i(1)]), "False");
    assert_eq!(rb("callable", &[len]), "True");
    assert_eq!(rb("callable", &[types::int()]), "True");
    assert_eq!(rb("isinstance", &[i(1), lit("()")]), "False");
    let tup = crate::objects::tuple::new_tuple(vec![types::str(), crate::objects::tuple::new_tuple(vec![types::int()])]);
    assert_eq!(rb("isinstance", &[i(1), tup]), "True");
    assert_eq!(rb("isinstance", &[Value::TRUE, types::int()]), "True");
    assert_eq!(e("isinstance", &[i(1), i(2)]), "TypeError: isinstance() arg 2 must be a class, type, or tuple of classes and types");
    assert_eq!(e("issubclass", &[i(1), types::int()]), "TypeError: issubclass() arg 1 must be a class");
    assert_eq!(rb("issubclass", &[types::bool_(), types::int()]), "True");
    assert_eq!(rb("issubclass", &[types::key_error(), types::lookup_error()]), "True");
    assert_eq!(rb("hasattr", &[i(1), s("real")]), "True");
    assert_eq!(rb("hasattr", &[i(1), s("nope")]), "False");
    assert_eq!(rb("getattr", &[i(1), s("nope"), i(7)]), "7");
    assert_eq!(e("getattr", &[i(1), s("nope")]), "AttributeError: 'int' object has no attribute 'nope'");
    assert_eq!(e("getattr", &[i(1), i(2)]), "TypeError: getattr(): attribute name must be string");
    assert_eq!(rb("id", &[Value::NONE]), rb("id", &[Value::NONE]));
    assert!(rb("dir", &[lit("[]")]).contains("'append', 'count', 'extend'"));
}
