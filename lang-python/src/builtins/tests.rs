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

#[test]
fn placeholder_builds() {
    let _g = setup();
    assert_eq!(rb("len", &[lit("[1, 2]")]), "2");
}
