//! The builtin types and exceptions, reachable from anywhere as functions:
//! `types::list()`, `types::type_error()`. They are created once at start-up
//! (`objects::bootstrap`) and kept alive by a GC root scanner.
//!
//! Why thread-locals and not a context object threaded through every call:
//! `type_of` is on the hottest path of the interpreter, and a const-initialised
//! thread-local is a plain load. Thread-local (not process-global) because the
//! heap is per thread: each interpreter thread has its own type objects.

use super::{ELLIPSIS, NOT_IMPLEMENTED};
use std::cell::Cell;
use vmcore::gc::Tracer;
use vmcore::Value;

macro_rules! registry {
    ($($f:ident = $name:literal),* $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Copy, Clone)]
        #[repr(usize)]
        pub enum Ty { $($f),* , COUNT }
        thread_local! {
            static SLOTS: [Cell<u64>; Ty::COUNT as usize] = const { [const { Cell::new(0) }; Ty::COUNT as usize] };
        }
        $(
            #[inline(always)]
            pub fn $f() -> Value { SLOTS.with(|s| Value(s[Ty::$f as usize].get())) }
        )*
        /// (slot, Python name) of every registered type, in declaration order.
        pub const ALL: &[(Ty, &str)] = &[$((Ty::$f, $name)),*];
    };
}

registry! {
    object = "object", type_ = "type", int = "int", long = "long", float = "float",
    // basestring precedes str and unicode: bootstrap creates types in this
    // order and a base must exist before its subclasses.
    complex = "complex", bool_ = "bool", basestring = "basestring", str = "str", unicode = "unicode",
    list = "list", tuple = "tuple", dict = "dict", set = "set",
    frozenset = "frozenset", none_type = "NoneType", not_implemented_type = "NotImplementedType",
    ellipsis_type = "ellipsis", function = "function", builtin_function = "builtin_function_or_method",
    method = "instancemethod", classobj = "classobj", instance = "instance", module = "module",
    property = "property", staticmethod = "staticmethod", classmethod = "classmethod", super_ = "super",
    slice = "slice", xrange = "xrange", enumerate = "enumerate", reversed = "reversed",
    generator = "generator", code = "code", frame = "frame", traceback = "traceback", cell = "cell",
    file = "file", bytearray = "bytearray", memoryview = "memoryview", buffer = "buffer",
    iterator = "iterator", callable_iterator = "callable-iterator", method_descriptor = "method_descriptor",
    member_descriptor = "member_descriptor", getset_descriptor = "getset_descriptor", dictproxy = "dictproxy",
    weakref = "weakref",
    // Exceptions (hierarchy in objects::exceptions).
    base_exception = "BaseException", system_exit = "SystemExit", keyboard_interrupt = "KeyboardInterrupt",
    generator_exit = "GeneratorExit", exception = "Exception", stop_iteration = "StopIteration",
    standard_error = "StandardError", buffer_error = "BufferError", arithmetic_error = "ArithmeticError",
    floating_point_error = "FloatingPointError", overflow_error = "OverflowError",
    zero_division_error = "ZeroDivisionError", assertion_error = "AssertionError",
    attribute_error = "AttributeError", environment_error = "EnvironmentError", io_error = "IOError",
    os_error = "OSError", eof_error = "EOFError", import_error = "ImportError", lookup_error = "LookupError",
    index_error = "IndexError", key_error = "KeyError", memory_error = "MemoryError", name_error = "NameError",
    unbound_local_error = "UnboundLocalError", reference_error = "ReferenceError", runtime_error = "RuntimeError",
    not_implemented_error = "NotImplementedError", syntax_error = "SyntaxError",
    indentation_error = "IndentationError", tab_error = "TabError", system_error = "SystemError",
    type_error = "TypeError", value_error = "ValueError", unicode_error = "UnicodeError",
    unicode_decode_error = "UnicodeDecodeError", unicode_encode_error = "UnicodeEncodeError",
    unicode_translate_error = "UnicodeTranslateError", warning = "Warning", user_warning = "UserWarning",
    deprecation_warning = "DeprecationWarning", pending_deprecation_warning = "PendingDeprecationWarning",
    syntax_warning = "SyntaxWarning", runtime_warning = "RuntimeWarning", future_warning = "FutureWarning",
    import_warning = "ImportWarning", unicode_warning = "UnicodeWarning", bytes_warning = "BytesWarning",
}

/// Installs a type object in its slot (bootstrap only).
pub fn install(slot: Ty, t: Value) {
    SLOTS.with(|s| s[slot as usize].set(t.0));
}

pub fn get(slot: Ty) -> Value {
    SLOTS.with(|s| Value(s[slot as usize].get()))
}

/// GC root scanner: the registry holds the only references to some types.
pub fn trace_roots(t: &mut Tracer) {
    SLOTS.with(|s| {
        for c in s.iter() {
            t.value(Value(c.get()));
        }
    });
}

/// The Python type of any value.
#[inline(always)]
pub fn type_of(v: Value) -> Value {
    if v.is_int() {
        int()
    } else if v.is_ptr() {
        // SAFETY: every Python heap object starts with its class (layout invariant).
        unsafe { *((v.as_ptr() as usize + 8) as *const Value) }
    } else if v == Value::NONE {
        none_type()
    } else if v == Value::TRUE || v == Value::FALSE {
        bool_()
    } else if v == NOT_IMPLEMENTED {
        not_implemented_type()
    } else if v == ELLIPSIS {
        ellipsis_type()
    } else {
        object()
    }
}
