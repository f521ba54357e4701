//! The exception hierarchy of Python 2.7 and the behaviour of
//! `BaseException` (args, message, str).
//!
//! Exception instances are ordinary instances whose `base` slot holds the
//! `args` tuple, so user subclasses need no special layout.

use super::instance::{as_instance, new_instance};
use super::typeobj::{as_type, is_subtype};
use super::{str as pystr, tuple};
use crate::runtime::types::{self, Ty};
use crate::runtime::{KwArgs, PyResult};
use vmcore::Value;

/// (exception, parent) in the order they are created.
pub const HIERARCHY: &[(Ty, Ty)] = &[
    (Ty::system_exit, Ty::base_exception),
    (Ty::keyboard_interrupt, Ty::base_exception),
    (Ty::generator_exit, Ty::base_exception),
    (Ty::exception, Ty::base_exception),
    (Ty::stop_iteration, Ty::exception),
    (Ty::standard_error, Ty::exception),
    (Ty::buffer_error, Ty::standard_error),
    (Ty::arithmetic_error, Ty::standard_error),
    (Ty::floating_point_error, Ty::arithmetic_error),
    (Ty::overflow_error, Ty::arithmetic_error),
    (Ty::zero_division_error, Ty::arithmetic_error),
    (Ty::assertion_error, Ty::standard_error),
    (Ty::attribute_error, Ty::standard_error),
    (Ty::environment_error, Ty::standard_error),
    (Ty::io_error, Ty::environment_error),
    (Ty::os_error, Ty::environment_error),
    (Ty::eof_error, Ty::standard_error),
    (Ty::import_error, Ty::standard_error),
    (Ty::lookup_error, Ty::standard_error),
    (Ty::index_error, Ty::lookup_error),
    (Ty::key_error, Ty::lookup_error),
    (Ty::memory_error, Ty::standard_error),
    (Ty::name_error, Ty::standard_error),
    (Ty::unbound_local_error, Ty::name_error),
    (Ty::reference_error, Ty::standard_error),
    (Ty::runtime_error, Ty::standard_error),
    (Ty::not_implemented_error, Ty::runtime_error),
    (Ty::syntax_error, Ty::standard_error),
    (Ty::indentation_error, Ty::syntax_error),
    (Ty::tab_error, Ty::indentation_error),
    (Ty::system_error, Ty::standard_error),
    (Ty::type_error, Ty::standard_error),
    (Ty::value_error, Ty::standard_error),
    (Ty::unicode_error, Ty::value_error),
    (Ty::unicode_decode_error, Ty::unicode_error),
    (Ty::unicode_encode_error, Ty::unicode_error),
    (Ty::unicode_translate_error, Ty::unicode_error),
    (Ty::warning, Ty::exception),
    (Ty::user_warning, Ty::warning),
    (Ty::deprecation_warning, Ty::warning),
    (Ty::pending_deprecation_warning, Ty::warning),
    (Ty::syntax_warning, Ty::warning),
    (Ty::runtime_warning, Ty::warning),
    (Ty::future_warning, Ty::warning),
    (Ty::import_warning, Ty::warning),
    (Ty::unicode_warning, Ty::warning),
    (Ty::bytes_warning, Ty::warning),
];

pub fn is_exception_instance(v: Value) -> bool {
    as_instance(v).is_some() && is_subtype(crate::runtime::type_of(v), types::base_exception())
}

fn args_of(v: Value) -> Value {
    as_instance(v).map(|i| i.base.get()).filter(|b| !b.is_empty()).unwrap_or_else(|| tuple::new_tuple(vec![]))
}

/// `BaseException.__new__(cls, *args)`.
pub fn exc_new(args: &[Value], _kw: KwArgs) -> PyResult {
    let cls = as_type(args[0]).ok_or_else(|| crate::runtime::errors::type_error("BaseException.__new__(X): X is not a type object"))?;
    let inst = new_instance(cls);
    inst.base.set(tuple::new_tuple_from(&args[1..]));
    Ok(inst.as_value())
}

/// `BaseException.__init__(self, *args)`.
pub fn exc_init(args: &[Value], _kw: KwArgs) -> PyResult {
    if let Some(i) = as_instance(args[0]) {
        i.base.set(tuple::new_tuple_from(&args[1..]));
    }
    Ok(Value::NONE)
}

/// `args` and `message`.
pub fn exception_attr(v: Value, name: &[u8]) -> PyResult<Option<Value>> {
    Ok(match name {
        b"args" => Some(args_of(v)),
        b"message" => {
            let a = args_of(v);
            let items = tuple::as_tuple(a).unwrap_or(&[]);
            Some(if items.len() == 1 { items[0] } else { pystr::new_str(b"") })
        }
        _ => None,
    })
}

/// `str(exc)`: empty, the single argument, or the args tuple; KeyError uses repr.
pub fn exception_str(v: Value) -> PyResult<Vec<u8>> {
    let a = args_of(v);
    let items = tuple::as_tuple(a).unwrap_or(&[]).to_vec();
    match items.len() {
        0 => Ok(Vec::new()),
        1 if is_subtype(crate::runtime::type_of(v), types::key_error()) => crate::ops::repr_bytes(items[0]),
        1 => crate::ops::str_bytes(items[0]),
        _ => crate::ops::repr_bytes(a),
    }
}

/// `repr(exc)`: the class name followed by the repr of `args`.
pub fn exc_repr(args: &[Value], _kw: KwArgs) -> PyResult {
    let v = args[0];
    let name = crate::objects::typeobj::class_name(crate::runtime::type_of(v));
    let a = args_of(v);
    let mut out = name.into_bytes();
    out.extend(crate::ops::repr_bytes(a)?);
    Ok(pystr::new_str_owned(out))
}

/// `str(exc)`.
pub fn exc_str(args: &[Value], _kw: KwArgs) -> PyResult {
    Ok(pystr::new_str_owned(exception_str(args[0])?))
}
