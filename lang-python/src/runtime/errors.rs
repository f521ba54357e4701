//! Python exceptions as Rust values.
//!
//! A `PyErr` is a raised, normalised exception: its type, its instance and
//! the traceback collected so far. Every fallible operation returns
//! `PyResult`, so `?` propagates Python exceptions through Rust code; the
//! interpreter turns an `Err` into unwinding of Python frames.

use crate::runtime::types;
use vmcore::Value;

#[derive(Clone, Copy, Debug)]
pub struct PyErr {
    pub typ: Value,
    pub value: Value,
    /// A traceback object or NONE.
    pub tb: Value,
}

pub type PyResult<T = Value> = Result<T, PyErr>;

impl PyErr {
    /// Raises exception class `typ` with a message, as `raise typ(msg)` would.
    pub fn new(typ: Value, msg: &str) -> PyErr {
        let arg = crate::objects::str::new_str(msg.as_bytes());
        Self::with_args(typ, &[arg])
    }
    /// Raises `typ(*args)`. If instantiation itself fails, that error wins.
    pub fn with_args(typ: Value, args: &[Value]) -> PyErr {
        match crate::ops::call(typ, args, &[]) {
            Ok(inst) => PyErr { typ, value: inst, tb: Value::NONE },
            Err(e) => e,
        }
    }
    /// From an already built exception instance.
    pub fn from_instance(inst: Value) -> PyErr {
        PyErr { typ: crate::ops::class_of(inst), value: inst, tb: Value::NONE }
    }
    /// True when this exception is an instance of `cls` (or a subclass).
    pub fn matches(&self, cls: Value) -> bool {
        crate::ops::exception_matches(self.typ, cls)
    }
}

macro_rules! err_ctor {
    ($($fn_name:ident => $ty:ident),* $(,)?) => {
        $(
            #[cold]
            pub fn $fn_name(msg: impl AsRef<str>) -> PyErr {
                PyErr::new(types::$ty(), msg.as_ref())
            }
        )*
    };
}

err_ctor! {
    type_error => type_error,
    value_error => value_error,
    attribute_error => attribute_error,
    key_error_msg => key_error,
    index_error => index_error,
    name_error => name_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    not_implemented_error => not_implemented_error,
    import_error => import_error,
    unicode_error => unicode_error,
    system_error => system_error,
    io_error => io_error,
    os_error => os_error,
    eof_error => eof_error,
    assertion_error => assertion_error,
    unbound_local_error => unbound_local_error,
    memory_error => memory_error,
    lookup_error => lookup_error,
    syntax_error => syntax_error,
    reference_error => reference_error,
}

/// `KeyError(key)`: the key itself is the argument, not its repr.
#[cold]
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(types::key_error(), &[key])
}

/// `StopIteration` with no value.
#[cold]
pub fn stop_iteration() -> PyErr {
    PyErr::with_args(types::stop_iteration(), &[])
}

/// `IOError`/`OSError` from an OS error, as `(errno, strerror[, filename])`.
#[cold]
pub fn from_io(typ: Value, e: &std::io::Error, filename: Option<&str>) -> PyErr {
    use crate::objects::str::new_str;
    let errno = e.raw_os_error().unwrap_or(0);
    let msg = errno_message(errno);
    // Rooted: making the filename str may collect.
    let mut args = vmcore::gc::RootedVec::from_vec(vec![Value::int_unchecked(errno as i64), new_str(msg.as_bytes())]);
    if let Some(f) = filename {
        args.push(new_str(f.as_bytes()));
    }
    PyErr::with_args(typ, &args)
}

/// The C library's message for `errno` (what CPython shows).
pub fn errno_message(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a static or thread-local string.
    unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }.to_string_lossy().into_owned()
}
