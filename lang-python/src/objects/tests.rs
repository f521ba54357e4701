//! Runtime checks against CPython 2.7.18's observable behaviour. Expected
//! strings were produced by CPython 2.7.18 for the same operations.

use super::{bootstrap, dict, float, int, list, long, str as pystr, tuple};
use crate::ops;
use vmcore::Value;

fn s(x: &str) -> Value {
    pystr::new_str(x.as_bytes())
}

fn repr_string(v: Value) -> String {
    String::from_utf8(ops::repr_bytes(v).unwrap()).unwrap()
}

#[test]
fn dict_iterates_in_cpython_order() {
    bootstrap();
    let d = dict::new_dict();
    for k in ["banana", "apple", "cherry", "date", "elderberry", "fig", "grape", "kiwi", "lemon", "mango"] {
        d.set(s(k), int::new_int(k.len() as i64)).unwrap();
    }
    assert_eq!(
        repr_string(d.as_value()),
        "{'kiwi': 4, 'grape': 5, 'apple': 5, 'cherry': 6, 'elderberry': 10, 'mango': 5, 'fig': 3, 'date': 4, 'lemon': 5, 'banana': 6}"
    );
    d.del(s("apple")).unwrap();
    d.del(s("fig")).unwrap();
    d.set(s("zz"), int::new_int(1)).unwrap();
    d.set(s("apple"), int::new_int(2)).unwrap();
    assert_eq!(
        repr_string(d.as_value()),
        "{'kiwi': 4, 'grape': 5, 'apple': 2, 'cherry': 6, 'elderberry': 10, 'mango': 5, 'zz': 1, 'date': 4, 'lemon': 5, 'banana': 6}"
    );
}

#[test]
fn mixed_keys_hash_like_cpython() {
    bootstrap();
    let d = dict::new_dict();
    let keys = [
        int::new_int(10), int::new_int(3), int::new_int(7), int::new_int(100), int::new_int(42), int::new_int(-1),
        int::new_int(8), int::new_int(16), int::new_int(1_000_000), int::new_int(1 << 40), float::new_float(1.5),
        tuple::new_tuple(vec![int::new_int(1), s("a")]), Value::TRUE,
    ];
    for k in keys {
        d.set(k, int::new_int(0)).unwrap();
    }
    assert_eq!(
        repr_string(d.as_value()),
        "{1000000: 0, 1099511627776: 0, 3: 0, 100: 0, 1.5: 0, 7: 0, 8: 0, 10: 0, 16: 0, True: 0, (1, 'a'): 0, 42: 0, -1: 0}"
    );
    // Equal numbers are one key: 1 == 1.0 == 1L == True.
    d.set(float::new_float(10.0), int::new_int(5)).unwrap();
    assert_eq!(d.get(long::new_long(10.into())).unwrap(), Some(int::new_int(5)));
    assert_eq!(ops::hash(tuple::new_tuple(vec![int::new_int(1), int::new_int(2)])).unwrap(), 3713081631934410656);
}

#[test]
fn reprs_match_cpython() {
    bootstrap();
    let l = list::new_list(vec![
        int::new_int(1), s("a'b"), s("x\"y"), s("tab\there"), pystr::new_str(&[0xff]), float::new_float(1.5),
        long::new_long("100000000000000000000".parse().unwrap()), float::new_float(-0.0),
        tuple::new_tuple(vec![int::new_int(1)]), tuple::new_tuple(vec![]),
    ]);
    assert_eq!(repr_string(l), r#"[1, "a'b", 'x"y', 'tab\there', '\xff', 1.5, 100000000000000000000L, -0.0, (1,), ()]"#);
    assert_eq!(repr_string(float::new_float(1e22)), "1e+22");
    let big = ops::binop(ops::BinOp::Pow, int::new_int(2), int::new_int(64)).unwrap();
    assert_eq!(repr_string(big), "18446744073709551616L");
    assert_eq!(ops::str_bytes(big).unwrap(), b"18446744073709551616");
}

#[test]
fn int_arithmetic_overflows_into_long_and_divides_like_python() {
    bootstrap();
    let max = int::new_int(i64::MAX);
    let r = ops::binop(ops::BinOp::Add, max, int::new_int(1)).unwrap();
    assert_eq!(repr_string(r), "9223372036854775808L");
    let q = ops::binop(ops::BinOp::Div, int::new_int(-7), int::new_int(2)).unwrap();
    assert_eq!(q, int::new_int(-4));
    let m = ops::binop(ops::BinOp::Mod, int::new_int(-7), int::new_int(2)).unwrap();
    assert_eq!(m, int::new_int(1));
    let e = ops::binop(ops::BinOp::Div, int::new_int(1), int::new_int(0)).unwrap_err();
    assert!(e.matches(crate::runtime::types::zero_division_error()));
    assert_eq!(ops::str_bytes(e.value).unwrap(), b"integer division or modulo by zero");
    let f = ops::binop(ops::BinOp::Mod, float::new_float(-7.5), int::new_int(2)).unwrap();
    assert_eq!(repr_string(f), "0.5");
    let cmp = ops::compare(ops::CmpOp::Lt, int::new_int(1), s("a")).unwrap();
    assert_eq!(cmp, Value::TRUE, "numbers sort before other objects in Python 2");
}

#[test]
fn errors_carry_cpython_messages() {
    bootstrap();
    let e = ops::binop(ops::BinOp::Add, int::new_int(1), s("x")).unwrap_err();
    assert!(e.matches(crate::runtime::types::type_error()));
    assert_eq!(ops::str_bytes(e.value).unwrap(), b"unsupported operand type(s) for +: 'int' and 'str'");
    let e = ops::getitem(list::new_list(vec![]), int::new_int(3)).unwrap_err();
    assert_eq!(ops::str_bytes(e.value).unwrap(), b"list index out of range");
    let e = ops::getitem(dict::new_dict().as_value(), s("k")).unwrap_err();
    assert_eq!(ops::str_bytes(e.value).unwrap(), b"'k'");
}
