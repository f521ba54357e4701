//! The `itertools` module: lazy iterator building blocks.
//!
//! Every public name except `tee` is a type whose instances are iterators,
//! subclassable as in CPython. Each is a small struct (first field its
//! class) with a `step` that produces the next item, `Ok(None)` at the end;
//! `next()` wraps the step and turns the end into StopIteration. State that
//! changes lives in `Cell`s and is copied out before any call into Python
//! code, because that code may re-enter the same iterator.
//!
//! Parts: `infinite` (count, cycle, repeat), `filtering` (chain, compress,
//! dropwhile, takewhile, ifilter, ifilterfalse, islice), `mapping` (imap,
//! starmap, izip, izip_longest), `grouping` (groupby, tee) and
//! `combinatorics` (product, permutations, combinations,
//! combinations_with_replacement).

mod combinatorics;
mod filtering;
mod grouping;
mod infinite;
mod mapping;

use super::new_native_type;
use crate::objects::args::noargs;
use crate::objects::instance::unwrap_base;
use crate::objects::list_methods::new_of_class;
use crate::objects::typeobj::type_name;
use crate::objects::{add_method, add_static};
use crate::runtime::errors::{stop_iteration, type_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use vmcore::gc::{Gc, GcType};
use vmcore::Value;

/// An itertools iterator: one step of it.
pub(crate) trait Step: GcType {
    const NAME: &'static str;
    fn step(this: Gc<Self>) -> PyResult<Option<Value>>;
}

/// The struct behind `v` (an instance of the type or of a subclass).
fn this<T: Step>(v: Value) -> PyResult<Gc<T>> {
    Gc::<T>::downcast(unwrap_base(v))
        .ok_or_else(|| type_error(format!("descriptor requires a 'itertools.{}' object but received a '{}'", T::NAME, type_name(v))))
}

/// `T::step` for `ops::next`'s fast path, which passes exact instances only.
fn step_exact<T: Step>(v: Value) -> PyResult<Option<Value>> {
    T::step(Gc::<T>::downcast(v).expect("registered for this layout"))
}

fn next_method<T: Step>(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("next", &a[1..], kw)?;
    T::step(this::<T>(a[0])?)?.ok_or_else(stop_iteration)
}

fn iter_self(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__iter__", &a[1..], kw)?;
    Ok(a[0])
}

/// A type named `itertools.<T::NAME>` with `next` and `__iter__` (and
/// `__new__` when given), whose instances `ops::next` steps directly.
fn iter_type<T: Step>(new: Option<NativeFn>, subclassable: bool) -> Value {
    let t = new_native_type("itertools", T::NAME, None, subclassable);
    if let Some(new) = new {
        add_static(t, "__new__", new);
    }
    add_method(t, "next", next_method::<T>);
    add_method(t, "__iter__", iter_self);
    crate::objects::iters::register_native_step(T::type_desc(), step_exact::<T>);
    t
}

/// The result of `cls.__new__`: the object `make` builds, wrapped in an
/// instance when `cls` is a subclass of `base`.
fn finish(cls: Value, base: Value, make: impl FnOnce() -> Value) -> PyResult {
    new_of_class(cls, base, make)
}

/// `_PyArg_NoKeywords`, which the constructors apply only to their own
/// type, not to subclasses.
fn no_kw(name: &str, cls: Value, base: Value, kw: KwArgs) -> PyResult<()> {
    if cls == base && !kw.is_empty() {
        return Err(type_error(format!("{name}() does not take keyword arguments")));
    }
    Ok(())
}

/// `PyInt_AsSsize_t` (see `args::int_as_ssize`).
fn as_ssize(v: Value) -> PyResult<Option<i64>> {
    crate::objects::args::int_as_ssize(v)
}

pub fn create() -> Gc<crate::objects::module::ModuleObj> {
    let m = crate::objects::module::new_module("itertools");
    type TypeGetter = fn() -> Value;
    let types: &[(&str, TypeGetter)] = &[
        ("count", infinite::count_type),
        ("cycle", infinite::cycle_type),
        ("repeat", infinite::repeat_type),
        ("chain", filtering::chain_type),
        ("compress", filtering::compress_type),
        ("dropwhile", filtering::dropwhile_type),
        ("takewhile", filtering::takewhile_type),
        ("ifilter", filtering::ifilter_type),
        ("ifilterfalse", filtering::ifilterfalse_type),
        ("islice", filtering::islice_type),
        ("imap", mapping::imap_type),
        ("starmap", mapping::starmap_type),
        ("izip", mapping::izip_type),
        ("izip_longest", mapping::izip_longest_type),
        ("groupby", grouping::groupby_type),
        ("product", combinatorics::product_type),
        ("permutations", combinatorics::permutations_type),
        ("combinations", combinatorics::combinations_type),
        ("combinations_with_replacement", combinatorics::cwr_type),
    ];
    for &(name, t) in types {
        m.dict.set_str(name, t());
    }
    m.dict.set_str("tee", crate::objects::function::new_builtin("tee", grouping::tee));
    m
}
