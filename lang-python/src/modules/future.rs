//! `__future__`: the feature records `from __future__ import x` refers to.
//! The compiler reads future imports from the source; at run time the
//! statement only needs these names to exist. Each feature is a tuple
//! (optional release, mandatory release, compiler flag), the data of
//! CPython's _Feature objects.

use crate::objects::module::{new_module, ModuleObj};
use crate::objects::{int, list, str as pystr, tuple};
use vmcore::gc::Gc;

pub fn create() -> Gc<ModuleObj> {
    let m = new_module("__future__");
    let release = |a: i64, b: i64, c: i64, tag: &str, n: i64| {
        tuple::new_tuple(vec![int::new_int(a), int::new_int(b), int::new_int(c), pystr::new_str(tag.as_bytes()), int::new_int(n)])
    };
    let features: [(&str, (i64, i64, i64, &str, i64), (i64, i64, i64, &str, i64), i64); 7] = [
        ("nested_scopes", (2, 1, 0, "beta", 1), (2, 2, 0, "alpha", 0), 0x10),
        ("generators", (2, 2, 0, "alpha", 1), (2, 3, 0, "final", 0), 0),
        ("division", (2, 2, 0, "alpha", 2), (3, 0, 0, "alpha", 0), 0x2000),
        ("absolute_import", (2, 5, 0, "alpha", 1), (3, 0, 0, "alpha", 0), 0x4000),
        ("with_statement", (2, 5, 0, "alpha", 1), (2, 6, 0, "alpha", 0), 0x8000),
        ("print_function", (2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0), 0x10000),
        ("unicode_literals", (2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0), 0x20000),
    ];
    let mut names = Vec::new();
    for (name, opt, mand, flag) in features {
        let f = tuple::new_tuple(vec![release(opt.0, opt.1, opt.2, opt.3, opt.4), release(mand.0, mand.1, mand.2, mand.3, mand.4), int::new_int(flag)]);
        m.dict.set_str(name, f);
        names.push(pystr::new_str(name.as_bytes()));
    }
    m.dict.set_str("all_feature_names", list::new_list(names));
    m
}
