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
    setup();
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
    setup();
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
    setup();
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
    assert_eq!(rb("format", &[f(1.5)]), "'1.5'");
    assert_eq!(rb("format", &[i(3), s("05d")]), "'00003'");
    assert_eq!(rb("format", &[lit("[1]")]), "'[1]'");
    assert_eq!(e("format", &[lit("[1]"), s("x")]), "ValueError: Unknown format code 'x' for object of type 'str'");
    assert_eq!(e("format", &[i(1), i(2)]), "TypeError: format expects arg 2 to be string or unicode, not int");
    assert_eq!(e("format", &[]), "TypeError: format() takes at least 1 argument (0 given)");
    assert_eq!(e("intern", &[crate::objects::unicode::new_unicode(vec![97])]), "TypeError: intern() argument 1 must be string, not unicode");
}

#[test]
fn sequence_builtins() {
    setup();
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
    let half = crate::objects::function::new_builtin("half", |_, _| Ok(f(1.5)));
    assert_eq!(e("sorted", &[lit("[2, 1]"), half]), "TypeError: comparison function must return int, not float");
    let yes = crate::objects::function::new_builtin("yes", |_, _| Ok(Value::TRUE));
    assert_eq!(rb("sorted", &[lit("[2, 1, 3]"), yes]), "[2, 1, 3]");
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
    setup();
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

// ---- whole programs, run by the interpreter, against CPython's output ----

thread_local! {
    static CAPTURED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn capture_write(a: &[Value], _kw: crate::runtime::KwArgs) -> PyResult {
    let b = crate::objects::str::as_bytes(a[1]).unwrap_or(b"?").to_vec();
    CAPTURED.with(|c| c.borrow_mut().extend(b));
    Ok(Value::NONE)
}

/// Runs `src` as a `__main__` module with `sys.stdout` captured; returns
/// what it printed (or panics with the Python exception).
fn run_py(src: &str) -> String {
    use crate::objects::{instance, module, typeobj};
    crate::interp::install();
    let t = typeobj::new_type(types::type_(), "Capture", vec![types::object()], Value::EMPTY, typeobj::HEAPTYPE);
    unsafe { t.dict.get_mut().cls = types::dict() };
    typeobj::compute_mro(t).unwrap();
    crate::objects::add_method(t.as_value(), "write", capture_write);
    let out = instance::new_instance(t);
    crate::modules::sys::module().dict.set_str("stdout", out.as_value());
    CAPTURED.with(|c| c.borrow_mut().clear());
    let main = module::new_module("__main__");
    let code = crate::interp::compile_source(src.as_bytes(), "<test>", crate::compiler::Mode::Exec, 0);
    let res = code.and_then(|c| crate::interp::run_code(c, main.dict, main.dict.as_value()));
    let printed = CAPTURED.with(|c| String::from_utf8_lossy(&c.borrow()).into_owned());
    if res.is_err() {
        panic!("program failed after printing:\n{printed}\n{}", err(res));
    }
    printed
}

#[test]
fn program_lists_and_tuples() {
    setup();
    let src = r####"l = [3, 1, 2]
l.append(5); l.insert(0, 9); l.extend((7, 8))
print l, l.pop(), l.pop(0), l
l.sort(); print l
l.sort(reverse=True); print l
print sorted(l, key=lambda x: -x), sorted(l, lambda a, b: cmp(a, b))
print l[1:3], l[::-1], l[::2], l[-2:], l[:100]
l[1:3] = 'ab'; print l
del l[::2]; print l
print [1, 2] * 3, 3 * [0], [1] + [2]
a = [1, 2, 3]; a += (4,); a *= 2; print a
print a.index(3), a.count(1), 3 in a, 10 in a, len(a)
try:
    a.remove(99)
except ValueError as e:
    print 'ValueError', e
try:
    [].pop()
except IndexError as e:
    print 'IndexError', e
print list('abc'), list((1, 2)), list(xrange(3)), tuple([1, 2]), tuple('ab')
t = (1, 2, 3, 2)
print t.count(2), t.index(3), t[1:], t[::-1], t + (4,), t * 2, hash((1, 2))
print [x * x for x in range(10) if x % 2]
print list(reversed([1, 2, 3])), list(enumerate('abc')), list(enumerate('ab', 5))
print zip([1, 2, 3], 'ab'), map(None, [1, 2], [3]), map(lambda x: x + 1, [1, 2]), filter(None, [0, 1, 2])
print reduce(lambda a, b: a * b, range(1, 6)), sum(range(10)), sum([0.5, 0.25]), max([3, 9, 2]), min(4, 2, 8)
print max('abc', key=ord), min([(1, 'b'), (1, 'a')]), any([0, 0]), all([])
class L(list):
    def total(self):
        return sum(self)
x = L([1, 2, 3])
x.append(4)
print x, x.total(), len(x), x[1], x[1:3], type(x).__name__, isinstance(x, list)
def bad(a, b):
    l2.append(0)
    return cmp(a, b)
l2 = [3, 2, 1]
try:
    l2.sort(bad)
except ValueError as e:
    print 'ValueError', e
print l2
nested = [[1, 2], [3]]
nested.append(nested)
print nested
print sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')], key=lambda p: p[0])
print [1, 2] < [1, 3], [1, 2] == [1, 2], (1, 2) > (1,), [] < (), cmp([1], [1, 0])
"####;
    let want = r####"[9, 3, 1, 2, 5, 7, 8] 8 9 [3, 1, 2, 5, 7]
[1, 2, 3, 5, 7]
[7, 5, 3, 2, 1]
[7, 5, 3, 2, 1] [1, 2, 3, 5, 7]
[5, 3] [1, 2, 3, 5, 7] [7, 3, 1] [2, 1] [7, 5, 3, 2, 1]
[7, 'a', 'b', 2, 1]
['a', 2]
[1, 2, 1, 2, 1, 2] [0, 0, 0] [1, 2]
[1, 2, 3, 4, 1, 2, 3, 4]
2 2 True False 8
ValueError list.remove(x): x not in list
IndexError pop from empty list
['a', 'b', 'c'] [1, 2] [0, 1, 2] (1, 2) ('a', 'b')
2 2 (2, 3, 2) (2, 3, 2, 1) (1, 2, 3, 2, 4) (1, 2, 3, 2, 1, 2, 3, 2) 3713081631934410656
[1, 9, 25, 49, 81]
[3, 2, 1] [(0, 'a'), (1, 'b'), (2, 'c')] [(5, 'a'), (6, 'b')]
[(1, 'a'), (2, 'b')] [(1, 3), (2, None)] [2, 3] [1, 2]
120 45 0.75 9 2
c (1, 'a') False True
[1, 2, 3, 4] 10 4 2 [2, 3] L True
ValueError list modified during sort
[1, 2, 3]
[[1, 2], [3], [...]]
[(1, 'z'), (1, 'y'), (2, 'b'), (2, 'a')]
True True True True -1
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_dicts() {
    setup();
    let src = r####"d = {'banana': 1, 'apple': 2, 'cherry': 3, 'date': 4, 'fig': 5, 'kiwi': 6, 'grape': 7}
print d
print d.keys(), d.values()
print d.items()
print d.copy(), dict(d), dict(d, zz=1, aa=2, mm=3)
print dict.fromkeys('abcdefgh'), dict.fromkeys(d), dict.fromkeys([1, 2], 0)
e = {}
for i in range(20):
    e[i * 7 % 13] = i
print e
for k in e.keys()[:5]:
    del e[k]
print e
e.update({'x': 1}, y=2); print e
print e.get('x'), e.get('q'), e.get('q', 9), e.setdefault('q', 10), e.pop('q'), e.pop('zz', 'dflt'), 'x' in e, e.has_key('y')
f = dict(d)
print [f.popitem() for i in range(3)], f
print sorted(d.iteritems()), list(d.iterkeys())[:2], sum(d.itervalues())
print {1: 2} == {1: 2.0}, {1: 2} != {1: 3}, cmp({1: 2}, {1: 3}), {1: 2} < {1: 3}, {} < {1: 0}
try:
    d['nope']
except KeyError as ex:
    print 'KeyError', ex
try:
    {}.popitem()
except KeyError as ex:
    print 'KeyError', ex
class D(dict):
    def __missing__(self, k):
        return k * 2
dd = D(a=1)
print dd['a'], dd['zz'], dd, len(dd), isinstance(dd, dict)
print d.viewkeys() & set(['apple', 'nope']), len(d.viewvalues())
print dict([('a', 1), ('b', 2)]), dict(zip('xyz', range(3)))
try:
    dict([(1, 2, 3)])
except ValueError as ex:
    print 'ValueError', ex
try:
    hash({})
except TypeError as ex:
    print 'TypeError', ex
words = {}
for w in ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog']:
    words[w] = words.get(w, 0) + 1
print words
it = iter(d)
d2 = {1: 1}
it2 = iter(d2)
next(it2)
d2[2] = 2
try:
    next(it2)
except RuntimeError as ex:
    print 'RuntimeError', ex
"####;
    let want = r####"{'kiwi': 6, 'grape': 7, 'apple': 2, 'cherry': 3, 'fig': 5, 'date': 4, 'banana': 1}
['kiwi', 'grape', 'apple', 'cherry', 'fig', 'date', 'banana'] [6, 7, 2, 3, 5, 4, 1]
[('kiwi', 6), ('grape', 7), ('apple', 2), ('cherry', 3), ('fig', 5), ('date', 4), ('banana', 1)]
{'kiwi': 6, 'grape': 7, 'apple': 2, 'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5} {'kiwi': 6, 'grape': 7, 'apple': 2, 'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5} {'kiwi': 6, 'mm': 3, 'aa': 2, 'grape': 7, 'apple': 2, 'zz': 1, 'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5}
{'a': None, 'c': None, 'b': None, 'e': None, 'd': None, 'g': None, 'f': None, 'h': None} {'kiwi': None, 'grape': None, 'apple': None, 'date': None, 'cherry': None, 'banana': None, 'fig': None} {1: 0, 2: 0}
{0: 13, 1: 15, 2: 17, 3: 19, 4: 8, 5: 10, 6: 12, 7: 14, 8: 16, 9: 18, 10: 7, 11: 9, 12: 11}
{5: 10, 6: 12, 7: 14, 8: 16, 9: 18, 10: 7, 11: 9, 12: 11}
{5: 10, 6: 12, 7: 14, 8: 16, 9: 18, 10: 7, 11: 9, 12: 11, 'y': 2, 'x': 1}
1 None 9 10 10 dflt True True
[('kiwi', 6), ('grape', 7), ('apple', 2)] {'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5}
[('apple', 2), ('banana', 1), ('cherry', 3), ('date', 4), ('fig', 5), ('grape', 7), ('kiwi', 6)] ['kiwi', 'grape'] 28
True True -1 True True
KeyError 'nope'
KeyError 'popitem(): dictionary is empty'
1 zzzz {'a': 1} 1 True
set(['apple']) 7
{'a': 1, 'b': 2} {'y': 1, 'x': 0, 'z': 2}
ValueError dictionary update sequence element #0 has length 3; 2 is required
TypeError unhashable type: 'dict'
{'brown': 1, 'lazy': 1, 'over': 1, 'fox': 1, 'dog': 1, 'quick': 1, 'the': 2, 'jumps': 1}
RuntimeError dictionary changed size during iteration
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_sets() {
    setup();
    let src = r####"a = set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); b = set([10, 11, 12, 13, 14, 15, 100, 1000])
print a & b, a | b, b | a, a - b, b - a, a ^ b, b ^ a
print a.union([99, 33]), a.intersection(range(5)), a.difference([1, 2]), a.symmetric_difference([200, 1])
s = set('abracadabra'); print s, len(s), 'a' in s, 'z' in s
s.add('z'); s.discard('a'); s.remove('b'); print s, sorted(s)
try:
    s.remove('nope')
except KeyError as e:
    print 'KeyError', e
fs = frozenset([1, 2, 3]); print fs, hash(fs), fs | set([4]), set([4]) | fs
print set([1, 2]) < set([1, 2, 3]), set([1, 2]) <= set([1, 2]), set([1]) == frozenset([1]), set([1, 2]).issubset([1, 2, 3])
print set([frozenset([1])]), frozenset([1]) in set([frozenset([1])]), set([1]) in set([frozenset([1])])
x = set(range(20)); x -= set(range(15)); print x
x = set([1, 2, 3]); x |= set([4]); x &= set([1, 4, 5]); print x
x ^= set([1, 9]); print x
p = set(['x', 'yy', 'zzz', 'a', 'b', 'c', 'd']); print p, [p.pop() for i in range(3)], p
print set(), frozenset(), set([()]), {1: 2}.viewkeys()
print sorted(set([3, 1, 2])), list(frozenset('ab')), max(set([1, 5]))
print {1, 2, 3}, {x % 3 for x in range(10)}
try:
    set([[1]])
except TypeError as e:
    print 'TypeError', e
"####;
    let want = r####"set([10, 11, 12]) set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1000, 100]) set([1, 2, 3, 100, 5, 6, 7, 1000, 9, 10, 11, 12, 13, 14, 15, 8, 4]) set([1, 2, 3, 4, 5, 6, 7, 8, 9]) set([1000, 100, 13, 14, 15]) set([1, 2, 3, 100, 5, 6, 7, 1000, 9, 13, 14, 15, 8, 4]) set([1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15, 1000, 100])
set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99, 33]) set([1, 2, 3, 4]) set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) set([2, 3, 4, 5, 6, 7, 200, 9, 10, 11, 12, 8])
set(['a', 'r', 'b', 'c', 'd']) 5 True False
set(['c', 'd', 'r', 'z']) ['c', 'd', 'r', 'z']
KeyError 'nope'
frozenset([1, 2, 3]) -7699079583225461316 frozenset([1, 2, 3, 4]) set([1, 2, 3, 4])
True True True True
set([frozenset([1])]) True True
set([15, 16, 17, 18, 19])
set([1, 4])
set([9, 4])
set(['a', 'c', 'b', 'zzz', 'yy', 'x', 'd']) ['a', 'c', 'b'] set(['zzz', 'yy', 'x', 'd'])
set([]) frozenset([]) set([()]) dict_keys([1])
[1, 2, 3] ['a', 'b'] 5
set([1, 2, 3]) set([0, 1, 2])
TypeError unhashable type: 'list'
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_numbers() {
    setup();
    let src = r####"print int('42'), int(' -7 '), int('ff', 16), int('0x1f', 0), int('017', 0), int('z', 36), int(3.9), int(-3.9), long('12l'), int('9' * 20)
print float('1.5'), float(' -inf '), float('nan'), float(3), 1e16, 1.5e-7, 0.1 + 0.2, 1 / 3.0, 2 ** 0.5
for bad in ['x', '', '1.5x']:
    try:
        float(bad)
    except ValueError as e:
        print 'ValueError', e
try:
    int('abc')
except ValueError as e:
    print 'ValueError', e
print (5).bit_length(), (255).__hex__(), (0.1).as_integer_ratio(), (1.5).hex(), float.fromhex('0x1.8p1'), (2.0).is_integer()
print (3).real, (3).imag, (3).numerator, (3).denominator, (1.5).real, True.real
print abs(-3), abs(-2.5), abs(complex(3, 4)), divmod(7, -2), divmod(-7.5, 2), pow(2, 10, 7), pow(2, -1), 2 ** 100
print round(2.5), round(-2.5), round(2.675, 2), round(0.125, 2), round(1234, -2), round(5)
print hex(255), hex(-255L), oct(8), oct(0), bin(10), bin(-3)
j = complex(0, 1)
print complex(1, 2), j * j, (1 + 2*j) / (3 - 4*j), abs(j), (1 + 2*j).conjugate(), complex('1+2j'), 2 ** (1 + j), (1 + 2*j) ** 2
print -(1 + 2*j), (1 + 2*j) == (1 + 2*j), hash(1 + 2*j), complex(3) == 3, (1+2*j).real, (1+2*j).imag, 3 + j, j - 3
print chr(65), ord('a'), repr(unichr(233)), ord(u'\xe9'), cmp(1, 2), cmp('b', 'a')
print True + True, True & False, True | True, True ^ False, ~True, -True, bool(0), bool([1]), bool('')
print int.__add__(1, 2), (1).__add__(1.5), float.__add__(1.0, 2), (7).__divmod__(2), (2).__pow__(3, 5)
print isinstance(1, int), isinstance(True, int), isinstance(1L, (int, long)), issubclass(bool, int), isinstance(1.0, (str, int))
print 7 // 2, -7 // 2, 7 % -3, 7.5 // 2, -7.5 % 2, 2 ** -2, 10 / 4, 10 / 4.0
print sum([1, 2], 0.5), max(1, 2.5), min([3L, 2, 2.5]), coerce(1, 2.5)
print 1e300 * 1e10, -1e300 * 1e10, float('inf') - float('inf')
print 12345678901234567890 * 98765432109876543210, (2 ** 64) // 3, -(2 ** 63), 2 ** 62 + 2 ** 62
print repr(1.0), repr(1e22), repr(123456789.123), 1e-5, 3.14159
class I(int):
    pass
i = I(5)
print i + 1, i * 2, -i, isinstance(i, int), type(i).__name__
"####;
    let want = r####"42 -7 255 31 15 35 3 -3 12 99999999999999999999
1.5 -inf nan 3.0 1e+16 1.5e-07 0.3 0.333333333333 1.41421356237
ValueError could not convert string to float: x
ValueError could not convert string to float: 
ValueError invalid literal for float(): 1.5x
ValueError invalid literal for int() with base 10: 'abc'
3 0xff (3602879701896397, 36028797018963968) 0x1.8000000000000p+0 3.0 True
3 0 3 1 1.5 1
3 2.5 5.0 (-4, -1) (-4.0, 0.5) 2 0.5 1267650600228229401496703205376
3.0 -3.0 2.67 0.13 1200.0 5.0
0xff -0xffL 010 0 0b1010 -0b11
(1+2j) (-1+0j) (-0.2+0.4j) 1.0 (1-2j) (1+2j) (1.53847780273+1.27792255263j) (-3+4j)
(-1-2j) True 2000007 True 1.0 2.0 (3+1j) (-3+1j)
A 97 u'\xe9' 233 -1 1
2 False True True -2 -1 False True False
3 NotImplemented 3.0 (3, 1) 3
True True True True False
3 -4 -2 3.0 0.5 0.25 2 2.5
3.5 2.5 2 (1.0, 2.5)
inf -inf nan
1219326311370217952237463801111263526900 6148914691236517205 -9223372036854775808 9223372036854775808
1.0 1e+22 123456789.123 1e-05 3.14159
6 10 -5 True I
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_descriptors_super_and_builtins() {
    setup();
    let src = r####"class A(object):
    def __init__(self):
        self._x = 0
    def f(self):
        return 'A.f'
    @classmethod
    def c(cls):
        return 'A.c', cls.__name__
    @staticmethod
    def s(a):
        return 'A.s', a
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 2
    x = property(getx, setx)
    @property
    def y(self):
        return 'y'
    @y.setter
    def y(self, v):
        self._x = v
class B(A):
    def f(self):
        return 'B.f+' + super(B, self).f()
    @classmethod
    def c(cls):
        return super(B, cls).c()
b = B()
print b.f(), b.c(), B.c(), b.s(1), B.s(2)
b.x = 5
print b.x, b.y
b.y = 3
print b.x
try:
    A.y.fdel
    del b.y
except AttributeError as e:
    print 'AttributeError', e
print type(A.__dict__['x']).__name__, A.x.fget is A.__dict__['getx']
print getattr(b, 'nope', 'dflt'), hasattr(b, 'f'), hasattr(b, 'nope')
setattr(b, 'z', 1); print b.z; delattr(b, 'z'); print hasattr(b, 'z')
print callable(b), callable(B), callable(b.f), callable(len)
print isinstance(b, A), issubclass(B, A), isinstance(b, (int, A))
print super(B, b).f(), super(B, b).__thisclass__.__name__
class C:
    pass
print isinstance(C(), C), issubclass(C, C), callable(C)
print len(dir(b)) > 5, 'f' in dir(B)
print xrange(10), xrange(1, 10, 3), list(xrange(10, 0, -3)), len(xrange(5)), xrange(5)[-1], list(reversed(xrange(4)))
print slice(1, 2), slice(1, None, 2).indices(10), range(10)[slice(2, 8, 3)]
it = iter([1, 2])
print next(it), next(it), next(it, 'end')
calls = [3, 2, 1, 0]
print list(iter(calls.pop, 1))
print apply(max, (3, 4)), id(None) == id(None)
for i, c in enumerate('xy'):
    print i, c,
print
print sorted({'b': 1, 'a': 2}), sorted([3, 1, 2], reverse=True)
print vars(A)['f'] is A.__dict__['f'] if hasattr(A, '__dict__') else 0
"####;
    let want = r####"B.f+A.f ('A.c', 'B') ('A.c', 'B') ('A.s', 1) ('A.s', 2)
10 y
3
AttributeError can't delete attribute
property True
dflt True False
1
False
False True True True
True True True
A.f B
True True True
True True
xrange(10) xrange(1, 10, 3) [10, 7, 4, 1] 5 4 [3, 2, 1, 0]
slice(1, 2, None) (1, 10, 2) [2, 5]
1 2 end
[0]
4 True
0 x 1 y
['a', 'b'] [3, 2, 1]
True
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_error_messages() {
    setup();
    let src = r####"def tryit(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ':', e
tryit(list.append, [], 1, 2)
tryit([].index, 1)
tryit([1, 2].__getitem__, 2 ** 70)
tryit(lambda: [1, 2]['a'])
tryit(lambda: (1, 2)[5])
tryit(lambda: {}['k'])
tryit(lambda: {(1, 2): 3}[(1, 3)])
tryit(set().pop)
tryit(lambda: set([1]) - [1])
tryit(lambda: [1] - [1])
tryit(lambda: [] + ())
tryit(lambda: () + [])
tryit(lambda: [1] * 'a')
tryit(sorted, [3, 1], reverse=True, key=None)
tryit(max)
tryit(max, [])
tryit(min, 1, 2, key=lambda x: -x)
tryit(range, 1.5)
tryit(range, 0, 10, 0)
tryit(xrange, 'a')
tryit(int, 'x', 2)
tryit(int, '101', 2)
tryit(float, 'abc')
tryit(chr, 300)
tryit(ord, 'ab')
tryit(divmod, 1, 0)
tryit(pow, 2, 3, 0)
tryit(pow, 0, -1)
tryit(lambda: 1 / 0)
tryit(lambda: 1.0 / 0)
tryit(lambda: 1 % 0)
tryit(lambda: 2 ** 0.5)
tryit(lambda: (-8) ** (1.0 / 3))
tryit(getattr, 1, 'x')
tryit(getattr, [], 'x', None)
tryit(hash, [])
tryit(hash, set())
tryit(hash, frozenset([1, 2]))
tryit(iter, 5)
tryit(next, iter([]))
tryit(reduce, lambda a, b: a, [])
tryit(sum, ['a', 'b'], '')
tryit(dict, [1])
tryit(dict, [[1, 2, 3]])
tryit(dict.fromkeys, 'ab', 0)
tryit({}.pop, 'x')
tryit({}.popitem)
tryit(isinstance, 1, 1)
tryit(issubclass, 1, int)
tryit(abs, 'x')
tryit(round, 'x')
tryit(zip, [1], 1)
tryit(map, None, 1)
tryit(enumerate, 1)
tryit(reversed, 1)
tryit(lambda: list(reversed(xrange(5))))
tryit(lambda: xrange(5)[10])
tryit(lambda: [3, 1, 2].sort(cmp=lambda a, b: b - a))
l = [5, 3, 8]
l.sort(cmp=lambda a, b: b - a); print l
tryit(unichr, -1)
tryit(lambda: set([1, 2]) < [1])
tryit(lambda: {1: 2}.viewitems())
tryit(lambda: frozenset([3, 1]).union([2]))
tryit(lambda: [1, 2, 3][1:2:0])
tryit(lambda: [1, 2, 3].__setitem__(slice(0, 3, 2), [1]))
tryit(lambda: list(enumerate([], 2 ** 70)))
tryit(bin, 2 ** 70)
tryit(hex, 2 ** 70)
tryit(lambda: float(2 ** 2000))
tryit(lambda: int(1e300))
tryit(lambda: 10 ** 20 / 3.0)
tryit(lambda: 1 << 100)
tryit(lambda: -1 >> 1000)
tryit(lambda: 3 ** -2)
tryit(lambda: 7.0 // -2)
tryit(lambda: -7 // 2.0)
tryit(lambda: divmod(-7, 2.5))
tryit(lambda: 0.1 * 3)
tryit(lambda: 1e16 + 1)
tryit(lambda: [x for x in set('hello world')])
tryit(lambda: sorted(set('hello world')))
tryit(lambda: dict(zip(range(10), 'abcdefghij')))
tryit(lambda: {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6})
tryit(lambda: list(set([5, 13, 21, 29, 37])))
"####;
    let want = r####"TypeError: append() takes exactly one argument (2 given)
ValueError: 1 is not in list
IndexError: cannot fit 'long' into an index-sized integer
TypeError: list indices must be integers, not str
IndexError: tuple index out of range
KeyError: 'k'
KeyError: (1, 3)
KeyError: 'pop from an empty set'
TypeError: unsupported operand type(s) for -: 'set' and 'list'
TypeError: unsupported operand type(s) for -: 'list' and 'list'
TypeError: can only concatenate list (not "tuple") to list
TypeError: can only concatenate tuple (not "list") to tuple
TypeError: can't multiply sequence by non-int of type 'str'
[3, 1]
TypeError: max expected 1 arguments, got 0
ValueError: max() arg is an empty sequence
2
TypeError: range() integer end argument expected, got float.
ValueError: range() step argument must not be zero
TypeError: an integer is required
ValueError: invalid literal for int() with base 2: 'x'
5
ValueError: could not convert string to float: abc
ValueError: chr() arg not in range(256)
TypeError: ord() expected a character, but string of length 2 found
ZeroDivisionError: integer division or modulo by zero
ValueError: pow() 3rd argument cannot be 0
ZeroDivisionError: 0.0 cannot be raised to a negative power
ZeroDivisionError: integer division or modulo by zero
ZeroDivisionError: float division by zero
ZeroDivisionError: integer division or modulo by zero
1.4142135623730951
ValueError: negative number cannot be raised to a fractional power
AttributeError: 'int' object has no attribute 'x'
None
TypeError: unhashable type: 'list'
TypeError: unhashable type: 'set'
-1834016341293975159
TypeError: 'int' object is not iterable
StopIteration: 
TypeError: reduce() of empty sequence with no initial value
TypeError: sum() can't sum strings [use ''.join(seq) instead]
TypeError: cannot convert dictionary update sequence element #0 to a sequence
ValueError: dictionary update sequence element #0 has length 3; 2 is required
{'a': 0, 'b': 0}
KeyError: 'x'
KeyError: 'popitem(): dictionary is empty'
TypeError: isinstance() arg 2 must be a class, type, or tuple of classes and types
TypeError: issubclass() arg 1 must be a class
TypeError: bad operand type for abs(): 'str'
TypeError: a float is required
TypeError: zip argument #2 must support iteration
TypeError: 'int' object is not iterable
TypeError: 'int' object is not iterable
TypeError: argument to reversed() must be a sequence
[4, 3, 2, 1, 0]
IndexError: xrange object index out of range
None
[8, 5, 3]
ValueError: unichr() arg not in range(0x110000) (wide Python build)
False
dict_items([(1, 2)])
frozenset([1, 2, 3])
ValueError: slice step cannot be zero
ValueError: attempt to assign sequence of size 1 to extended slice of size 2
[]
'0b10000000000000000000000000000000000000000000000000000000000000000000000'
'0x400000000000000000L'
OverflowError: long int too large to convert to float
1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160L
3.333333333333333e+19
1267650600228229401496703205376L
-1
0.1111111111111111
-4.0
-4.0
(-3.0, 0.5)
0.30000000000000004
1e+16
[' ', 'e', 'd', 'h', 'l', 'o', 'r', 'w']
[' ', 'd', 'e', 'h', 'l', 'o', 'r', 'w']
{0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: 'e', 5: 'f', 6: 'g', 7: 'h', 8: 'i', 9: 'j'}
{'six': 6, 'three': 3, 'two': 2, 'four': 4, 'five': 5, 'one': 1}
[29, 37, 21, 5, 13]
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_subclasses_and_protocols() {
    setup();
    let src = r####"def tryit(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ':', e
class MyList(list):
    def __init__(self, *a):
        list.__init__(self, *a)
        self.extra = 1
m = MyList([3, 1, 2])
m.sort(); print m, m.extra, len(m), m + [4], m * 2, m == [1, 2, 3], m[0], m[-1], 2 in m, list(m), sorted(m, reverse=True)
m[0] = 10; del m[1]; print m, repr(m), type(m[0:1]).__name__
class MyDict(dict):
    pass
md = MyDict(a=1, b=2)
md['c'] = 3
print sorted(md.items()), 'a' in md, md.get('z', 0), len(md), md == {'a': 1, 'b': 2, 'c': 3}, md.keys() == dict(md).keys()
for k in sorted(md): print k,
print
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in 'mississippi':
    c[ch] += 1
print sorted(c.items())
class MySet(set):
    pass
ms = MySet([1, 2, 3])
print ms, type(ms).__name__, type(ms | set([4])).__name__, type(ms.copy()).__name__, 2 in ms, len(ms)
class MyTuple(tuple):
    pass
mt = MyTuple([1, 2])
print mt, mt + (3,), len(mt), mt[0], hash(mt) == hash((1, 2)), type(mt).__name__
class F(float):
    pass
print F(1.5) + 1, F('2.5'), isinstance(F(1), float)
class V(object):
    def __init__(self, n):
        self.n = n
    def __rmul__(self, other):
        return 'rmul', other
    def __index__(self):
        return self.n
print [1, 2] * V(2)
print range(10)[V(3)], (1, 2, 3)[V(1)]
class It(object):
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def next(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print list(It()), sorted(It(), reverse=True), sum(It()), max(It()), dict.fromkeys(It()), set(It()), tuple(It()), zip(It(), 'abc')
class Seq(object):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
    def __len__(self):
        return 3
print list(Seq()), list(reversed(Seq())), 20 in Seq(), map(None, Seq())
class K(object):
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return 'K(%d)' % self.v if False else 'K'
ks = [K(3), K(1), K(2)]
print [k.v for k in sorted(ks)], max(ks).v, min(ks).v
class H(object):
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, o):
        return isinstance(o, H) and self.h == o.h
print len(set([H(1), H(1), H(2)])), H(5) in {H(5): 1}, len({H(1): 1, H(9): 2})
d = {}
d[1] = 'int'; d[1.0] = 'float'; d[True] = 'bool'
print d, {1: 'a', 1L: 'b'}, set([1, 1.0, True])
big = {}
for i in range(100):
    big[i * 31 % 97] = i
for i in range(0, 100, 3):
    big.pop(i * 31 % 97, None)
print big.keys()[:20], len(big)
s = set()
for i in range(50):
    s.add(i * 17 % 53)
for i in range(0, 50, 2):
    s.discard(i * 17 % 53)
print list(s), len(s)
e = set(range(100)); e.difference_update(range(90)); print e
print [x for x in xrange(5)], [x for x in reversed(range(3))]
print enumerate, reversed, xrange, slice, property, staticmethod, classmethod, super, complex, frozenset
tryit(lambda: list.__new__(int))
tryit(lambda: dict.__new__(list))
tryit(lambda: int.__new__(MyList))
"####;
    let want = r####"[1, 2, 3] 1 3 [1, 2, 3, 4] [1, 2, 3, 1, 2, 3] True 1 3 True [1, 2, 3] [3, 2, 1]
[10, 3] [10, 3] list
[('a', 1), ('b', 2), ('c', 3)] True 0 3 True True
a b c
[('i', 4), ('m', 1), ('p', 2), ('s', 4)]
MySet([1, 2, 3]) MySet MySet MySet True 3
(1, 2) (1, 2, 3) 2 1 True MyTuple
2.5 2.5 True
('rmul', [1, 2])
3 2
[1, 2, 3] [3, 2, 1] 6 3 {1: None, 2: None, 3: None} set([1, 2, 3]) (1, 2, 3) [(1, 'a'), (2, 'b'), (3, 'c')]
[0, 10, 20] [20, 10, 0] True [0, 10, 20]
[1, 2, 3] 3 1
2 True 2
{1: 'bool'} {1: 'b'} set([1])
[2, 3, 4, 6, 7, 8, 10, 11, 12, 14, 15, 16, 18, 19, 20, 22, 23, 24, 26, 27] 63
[1, 4, 5, 8, 9, 12, 13, 16, 17, 20, 23, 24, 27, 28, 31, 32, 35, 38, 39, 42, 43, 46, 47, 50, 51] 25
set([90, 91, 92, 93, 94, 95, 96, 97, 98, 99])
[0, 1, 2, 3, 4] [2, 1, 0]
<type 'enumerate'> <type 'reversed'> <type 'xrange'> <type 'slice'> <type 'property'> <type 'staticmethod'> <type 'classmethod'> <type 'super'> <type 'complex'> <type 'frozenset'>
TypeError: list.__new__(int): int is not a subtype of list
TypeError: dict.__new__(list): list is not a subtype of dict
TypeError: int.__new__(MyList): MyList is not a subtype of int
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_dict_keyword_orders() {
    setup();
    let src = r####"d = {'banana': 1, 'apple': 2, 'cherry': 3, 'date': 4, 'fig': 5, 'kiwi': 6, 'grape': 7}
print dict(**d)
print dict(one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8)
print dict(d, **{'zz': 1, 'aa': 2})
def f(**kw):
    return kw
print f(one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8)
print f(**d)
e = {}
e.update(one=1, two=2, three=3, four=4, five=5, six=6)
print e
print set('the quick brown fox'), frozenset(range(20, 0, -3))
print sorted(d, key=d.get), sorted(d.items(), key=lambda kv: kv[1], reverse=True)[:3]
print list(d), [k for k in d.iterkeys()], d.viewvalues()
"####;
    let want = r####"{'kiwi': 6, 'grape': 7, 'apple': 2, 'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5}
{'seven': 7, 'six': 6, 'three': 3, 'two': 2, 'four': 4, 'five': 5, 'eight': 8, 'one': 1}
{'kiwi': 6, 'aa': 2, 'grape': 7, 'apple': 2, 'zz': 1, 'date': 4, 'cherry': 3, 'banana': 1, 'fig': 5}
{'seven': 7, 'six': 6, 'three': 3, 'two': 2, 'four': 4, 'five': 5, 'eight': 8, 'one': 1}
{'kiwi': 6, 'grape': 7, 'apple': 2, 'cherry': 3, 'fig': 5, 'date': 4, 'banana': 1}
{'four': 4, 'five': 5, 'two': 2, 'six': 6, 'three': 3, 'one': 1}
set([' ', 'c', 'b', 'e', 'f', 'i', 'h', 'k', 'o', 'n', 'q', 'r', 'u', 't', 'w', 'x']) frozenset([2, 5, 8, 11, 14, 17, 20])
['banana', 'apple', 'cherry', 'date', 'fig', 'kiwi', 'grape'] [('grape', 7), ('kiwi', 6), ('fig', 5)]
['kiwi', 'grape', 'apple', 'cherry', 'fig', 'date', 'banana'] ['kiwi', 'grape', 'apple', 'cherry', 'fig', 'date', 'banana'] dict_values([6, 7, 2, 3, 5, 4, 1])
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_mixed_edge_cases() {
    setup();
    let src = r####"l = range(10)
print l.index(5, -6), l.index(5, -6, -2)
del l[-1]; del l[0]; print l
l[::-1] = range(8); print l
l[1:1] = [99, 98]; print l
l[-3:] = []; print l
print tuple(x * 2 for x in range(4)), list({'a': 1, 'b': 2}), list('hello')[::2]
groups = {}
for w in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(w[0], []).append(w)
print groups, sorted(groups.items())
m = [[1, 2, 3], [4, 5, 6]]
print zip(*m), map(list, zip(*m)), [sum(r) for r in m], sum(m, [])
print max(['pear', 'apple', 'fig']), min(['pear', 'apple', 'fig'], key=len), max('hello')
print sorted([3, 1, 2, 1, 3], reverse=True), sorted([(1, 'b'), (1, 'a'), (0, 'z')], key=lambda t: t[0], reverse=True)
print list(enumerate({'x': 1})), list(reversed('abc')), any(x > 3 for x in range(5)), all(x < 3 for x in range(5))
print range(10, -10, -4), range(-5), range(0), list(xrange(-3, 3)), xrange(0, -5, -1)
print [round(x / 10.0, 1) for x in range(-15, 16, 5)], int(round(2.5)), round(-0.0), round(1e-320, 320)
print divmod(-7.5, -2), divmod(7.5, -2), -7.5 % 2, 7 % -2.5, divmod(2 ** 70, 7), divmod(-2 ** 70, 7)
print float('1e309'), float('-1e309'), int(1e19), int(-1e19), long(1e30)
print [0.1, 1.0 / 3, 2.5e-10, 1e100], repr(0.1 + 0.2), 1e16, 123456789012345678.0
print hash(1.0) == hash(1), hash(2 ** 64) == hash(float(2 ** 64)), hash(-1.0), hash(0.5), hash(1e300)
print hex(2 ** 70), oct(-2 ** 70), bin(2 ** 70), abs(-0.0), -0.0, 0.0 == -0.0
print cmp(None, 0), cmp(0, None), cmp([], ()), cmp('a', u'a'), cmp(1, 1.0)
print isinstance(u'', basestring), isinstance('', basestring), callable(object()), getattr(1, u'real')
print sum([1, 2L]), sum([1.5, 2]), sum([], 10), type(sum([1, 2L])).__name__
print int('  0x10  ', 16), int('-  10'), long(' 10L '), int(u'  42'), float(u'1.5')
print (1L << 100) >> 99, (2 ** 64) & (2 ** 64 - 1), -(2 ** 64) | 1, ~(2 ** 64), (7).__rlshift__(1), 5 ^ True
print 10 ** -1, 0 ** 0, 0.0 ** 0, (-2) ** 2, (-2) ** 0.5 if False else 0, 2 ** 63, -2 ** 63, (-2) ** 63
print 1 / 2, -1 / 2, 1 // -2, 1.0 // 3, -1 % 3, 5.0 % -3, 3 % 5.0
s = set([1, 2, 3])
print [x for x in s if x not in set([2])], s.copy() == s, s.copy() is s, frozenset(s).copy() is frozenset(s)
fz = frozenset([1])
print fz.copy() is fz, set(fz) is fz, frozenset(fz) is fz, frozenset() is frozenset()
print {frozenset([1, 2]): 'a'}[frozenset([2, 1])], hash(frozenset([1, 2])) == hash(frozenset([2, 1]))
print len(set(range(1000)) - set(range(0, 1000, 2))), sorted(set('abc') ^ set('bcd')), set([1, 2]).union(), set([1]).intersection()
d = dict.fromkeys(range(10), 0)
for k in range(0, 10, 2):
    del d[k]
d[100] = 1; d[3] = 5
print d, d.items()[:3], len(d), 100 in d
print dict(a=1) == dict([('a', 1)]), {1: [1]} == {1: [1]}, {1: 2} > {1: 1}, {} == {}
print sorted({1: 'b', 2: 'a'}.items(), key=lambda kv: kv[1])
"####;
    let want = r####"5 5
[1, 2, 3, 4, 5, 6, 7, 8]
[7, 6, 5, 4, 3, 2, 1, 0]
[7, 99, 98, 6, 5, 4, 3, 2, 1, 0]
[7, 99, 98, 6, 5, 4, 3]
(0, 2, 4, 6) ['a', 'b'] ['h', 'l', 'o']
{'a': ['apple', 'avocado'], 'c': ['cherry'], 'b': ['banana', 'blueberry']} [('a', ['apple', 'avocado']), ('b', ['banana', 'blueberry']), ('c', ['cherry'])]
[(1, 4), (2, 5), (3, 6)] [[1, 4], [2, 5], [3, 6]] [6, 15] [1, 2, 3, 4, 5, 6]
pear fig o
[3, 3, 2, 1, 1] [(1, 'b'), (1, 'a'), (0, 'z')]
[(0, 'x')] ['c', 'b', 'a'] True False
[10, 6, 2, -2, -6] [] [] [-3, -2, -1, 0, 1, 2] xrange(0, -5, -1)
[-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5] 3 -0.0 9.99988867183e-321
(3.0, -1.5) (-4.0, -0.5) 0.5 -0.5 (168655945816773043346L, 2L) (-168655945816773043347L, 5L)
inf -inf 10000000000000000000 -10000000000000000000 1000000000000000019884624838656
[0.1, 0.3333333333333333, 2.5e-10, 1e+100] 0.30000000000000004 1e+16 1.23456789012e+17
True True -2 1073741824 8474648701417850880
0x400000000000000000L -0200000000000000000000000L 0b10000000000000000000000000000000000000000000000000000000000000000000000 0.0 -0.0 True
-1 1 -1 0 0
True True False 1
3 3.5 10 long
16 -10 10 42 1.5
2 0 -18446744073709551615 -18446744073709551617 128 4
0.1 1 1.0 4 0 9223372036854775808 -9223372036854775808 -9223372036854775808
0 -1 -1 0.0 2 -1.0 3.0
[1, 3] True False False
True False True True
a True
500 ['a', 'd'] set([1, 2]) set([1])
{1: 0, 3: 5, 100: 1, 5: 0, 7: 0, 9: 0} [(1, 0), (3, 5), (100, 1)] 6 True
True True True True
[(2, 'a'), (1, 'b')]
"####;
    assert_eq!(run_py(src), want);
}

#[test]
fn program_attribute_and_type_builtins() {
    setup();
    let src = r####"def tryit(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ':', e
def kw(**k):
    return sorted(k.items())
print apply(kw, (), {'a': 1, 'b': 2}), apply(max, [1, 5, 2])
print coerce(1, 2L), coerce(1.5, 2), coerce(2L, 1.5), coerce(1, True)
a = 'hello world'
print intern(a) is intern('hello' + ' world')
import sys
print 'path' in dir(sys), dir([])[:3]
print 'a' in globals()
class Q(object):
    def __getattr__(self, name):
        raise ValueError('no ' + name)
print hasattr(Q(), 'x')
tryit(getattr, Q(), 'x')
tryit(getattr, Q(), 'x', 1)
class R(object):
    def __getattr__(self, name):
        raise KeyboardInterrupt
try:
    hasattr(R(), 'x')
except KeyboardInterrupt:
    print 'KeyboardInterrupt propagated'
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 42
class W(object):
    __metaclass__ = Meta
print isinstance(42, W), isinstance(41, W)
class OldA:
    pass
class OldB(OldA):
    pass
print isinstance(OldB(), OldA), issubclass(OldB, OldA), isinstance(OldA(), OldB), isinstance(OldB(), (int, OldA))
tryit(issubclass, OldB, 1)
print sorted([OldB(), OldB()]) is not None
print next(iter({1: 2}.iteritems())), next(reversed([1, 2])), next(enumerate('x')), next(iter(xrange(3)))
it = iter(lambda: 1, 1)
print list(it)
class Cnt(object):
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        if self.n > 5:
            raise StopIteration
        return self.n
print list(iter(Cnt(), 99))
print min(3, 1, 2, key=lambda x: -x), max([], default=1) if False else 0
tryit(max, 1, 2, foo=3)
tryit(min, [1], key=1)
tryit(sorted, [1, 'a', 2.5, None, (1,), [1], {}])
print sorted([1, 'a', 2.5, None, (1,), [1], {}])
print sorted([[2], (1,), 'b', u'a', 3L, 1.5, False])
print [str(x) for x in (1, 1L, 1.5, None, True, 'x', (1,))]
print abs(-2 ** 63), abs(2 ** 63), -abs(-5), abs(-5L) == 5
print pow(3, 4, 5), pow(3L, 4, 5), pow(-3, 3), pow(2.5, 2), pow(4, 0.5), pow(-1, 0.5) if False else 0
tryit(pow, -1, 0.5)
tryit(pow, 0.0, -1)
tryit(pow, 10.0, 400)
tryit(lambda: 10 ** 400 * 1.0)
tryit(lambda: 2.0 ** 2000)
tryit(lambda: 1e308 * 10)
print round(1e15 + 0.5), round(2 ** 52 + 0.5), round(-1e-300, 3), round(123.45, -5), round(5e-324, 1074)
class myprop(property):
    pass
class A(object):
    def g(self):
        return self._v * 10
    def s(self, v):
        self._v = v
    v = myprop(g, s)
    @myprop
    def w(self):
        return 'w'
a = A()
a.v = 4
print a.v, a.w, a._v, type(A.__dict__['v']).__name__, A.v.fget is A.__dict__['g']
try:
    a.w = 1
except AttributeError as e:
    print 'AttributeError', e
"####;
    let want = r####"[('a', 1), ('b', 2)] 5
(1L, 2L) (1.5, 2.0) (2.0, 1.5) (1, True)
True
True ['__add__', '__class__', '__contains__']
True
False
ValueError: no x
ValueError: no x
KeyboardInterrupt propagated
True False
True True False True
TypeError: issubclass() arg 2 must be a class or tuple of classes
True
(1, 2) 2 (0, 'x') 0
[]
[1, 2, 3, 4, 5]
3 0
TypeError: max() got an unexpected keyword argument
TypeError: 'int' object is not callable
[None, 1, 2.5, {}, [1], 'a', (1,)]
[None, 1, 2.5, {}, [1], 'a', (1,)]
[False, 1.5, 3L, [2], u'a', 'b', (1,)]
['1', '1', '1.5', 'None', 'True', 'x', '(1,)']
9223372036854775808 9223372036854775808 -5 True
1 1 -27 6.25 2.0 0
ValueError: negative number cannot be raised to a fractional power
ZeroDivisionError: 0.0 cannot be raised to a negative power
OverflowError: (34, 'Numerical result out of range')
OverflowError: long int too large to convert to float
OverflowError: (34, 'Numerical result out of range')
inf
1e+15 4.50359962737e+15 -0.0 0.0 4.94065645841e-324
40 w 4 myprop True
AttributeError can't set attribute
"####;
    assert_eq!(run_py(src), want);
}
