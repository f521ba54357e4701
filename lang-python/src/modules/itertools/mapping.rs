//! The iterators that combine items: `imap`, `starmap`, `izip`,
//! `izip_longest`.

use super::{finish, iter_type, no_kw, Step};
use crate::objects::args::unpack;
use crate::objects::tuple::{as_tuple, new_tuple, new_tuple_from};
use crate::ops;
use crate::runtime::errors::type_error;
use crate::runtime::{types, KwArgs, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

/// Iterators over each of `iterables`, as a tuple. `what` names the
/// function for "izip argument #2 must support iteration" (imap lets the
/// iter() error through).
fn iter_all(iterables: &[Value], what: Option<&str>) -> PyResult {
    let mut its = RootedVec::new();
    for (i, &x) in iterables.iter().enumerate() {
        let it = ops::iter(x).map_err(|e| match what {
            Some(what) if e.matches(types::type_error()) => type_error(format!("{what} argument #{} must support iteration", i + 1)),
            _ => e,
        })?;
        its.push(it);
    }
    Ok(new_tuple(its.into_vec()))
}

/// The next item of each iterator in `its`; None as soon as one is done
/// (items already taken from the others are dropped, as in CPython).
fn next_of_each(its: Value) -> PyResult<Option<Value>> {
    let its = as_tuple(its).expect("a tuple of iterators");
    // The common few items gather in an array on the stack, where the
    // collector sees them; more go to a rooted vector.
    const FEW: usize = 4;
    if its.len() > FEW {
        let mut items = RootedVec::new();
        for &it in its {
            let Some(x) = ops::next(it)? else { return Ok(None) };
            items.push(x);
        }
        return Ok(Some(new_tuple(items.into_vec())));
    }
    let mut few = [Value::NONE; FEW];
    for (slot, &it) in few.iter_mut().zip(its) {
        let Some(x) = ops::next(it)? else { return Ok(None) };
        *slot = x;
    }
    Ok(Some(new_tuple_from(&few[..its.len()])))
}

// ---- imap ----

/// `imap(func, *iterables)`: `func(*items)` over the iterables in step,
/// stopping with the shortest; `func` None gives the tuples themselves.
#[repr(C)]
pub struct IMapObj {
    pub cls: Value,
    pub func: Value,
    pub iters: Value,
}
unsafe impl Trace for IMapObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.func, self.iters]);
    }
}
vmcore::gc_type!(IMapObj, "itertools.imap");

impl Step for IMapObj {
    const NAME: &'static str = "imap";
    fn step(m: Gc<Self>) -> PyResult<Option<Value>> {
        let Some(args) = next_of_each(m.iters)? else { return Ok(None) };
        if m.func == Value::NONE {
            return Ok(Some(args));
        }
        ops::call(m.func, as_tuple(args).expect("a tuple"), &[]).map(Some)
    }
}

crate::native_type!(imap_type, || iter_type::<IMapObj>(Some(imap_new), true));

fn imap_new(a: &[Value], kw: KwArgs) -> PyResult {
    no_kw("imap", a[0], imap_type(), kw)?;
    if a.len() < 3 {
        return Err(type_error("imap() must have at least two arguments."));
    }
    let iters = iter_all(&a[2..], None)?;
    finish(a[0], imap_type(), || alloc(IMapObj { cls: imap_type(), func: a[1], iters }).as_value())
}

// ---- starmap ----

/// `starmap(func, iterable)`: `func(*args)` for each `args` of the iterable.
#[repr(C)]
pub struct StarMapObj {
    pub cls: Value,
    pub func: Value,
    pub it: Value,
}
unsafe impl Trace for StarMapObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.func, self.it]);
    }
}
vmcore::gc_type!(StarMapObj, "itertools.starmap");

impl Step for StarMapObj {
    const NAME: &'static str = "starmap";
    fn step(m: Gc<Self>) -> PyResult<Option<Value>> {
        let Some(args) = ops::next(m.it)? else { return Ok(None) };
        let args = RootedVec::from_vec(ops::to_vec(args)?);
        ops::call(m.func, &args, &[]).map(Some)
    }
}

crate::native_type!(starmap_type, || iter_type::<StarMapObj>(Some(starmap_new), true));

fn starmap_new(a: &[Value], kw: KwArgs) -> PyResult {
    no_kw("starmap", a[0], starmap_type(), kw)?;
    unpack("starmap", &a[1..], &[], 2, 2)?;
    let it = ops::iter(a[2])?;
    finish(a[0], starmap_type(), || alloc(StarMapObj { cls: starmap_type(), func: a[1], it }).as_value())
}

// ---- izip ----

/// `izip(*iterables)`: tuples of the iterables' items in step, stopping
/// with the shortest.
#[repr(C)]
pub struct IZipObj {
    pub cls: Value,
    pub iters: Value,
}
unsafe impl Trace for IZipObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.iters]);
    }
}
vmcore::gc_type!(IZipObj, "itertools.izip");

impl Step for IZipObj {
    const NAME: &'static str = "izip";
    fn step(z: Gc<Self>) -> PyResult<Option<Value>> {
        if as_tuple(z.iters).is_some_and(|t| t.is_empty()) {
            return Ok(None);
        }
        next_of_each(z.iters)
    }
}

crate::native_type!(izip_type, || iter_type::<IZipObj>(Some(izip_new), true));

fn izip_new(a: &[Value], kw: KwArgs) -> PyResult {
    no_kw("izip", a[0], izip_type(), kw)?;
    let iters = iter_all(&a[1..], Some("izip"))?;
    finish(a[0], izip_type(), || alloc(IZipObj { cls: izip_type(), iters }).as_value())
}

// ---- izip_longest ----

/// `izip_longest(*iterables, fillvalue=None)`: like izip, but runs until
/// the longest is done, filling in for the finished ones. Finished
/// iterators are replaced by NONE in `iters`.
#[repr(C)]
pub struct IZipLongestObj {
    pub cls: Value,
    /// A list (its slots are cleared as iterators finish).
    pub iters: Value,
    pub active: Cell<usize>,
    pub fillvalue: Value,
}
unsafe impl Trace for IZipLongestObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.iters, self.fillvalue]);
    }
}
vmcore::gc_type!(IZipLongestObj, "itertools.izip_longest");

impl Step for IZipLongestObj {
    const NAME: &'static str = "izip_longest";
    fn step(z: Gc<Self>) -> PyResult<Option<Value>> {
        let iters = crate::objects::list::as_list(z.iters).expect("a list of iterators");
        let n = iters.v().len();
        if n == 0 || z.active.get() == 0 {
            return Ok(None);
        }
        let mut items = RootedVec::new();
        for i in 0..n {
            let it = iters.v()[i];
            if it == Value::NONE {
                items.push(z.fillvalue);
                continue;
            }
            let next = ops::next(it);
            match next {
                Ok(Some(x)) => items.push(x),
                Ok(None) if z.active.get() > 1 => {
                    z.active.set(z.active.get() - 1);
                    iters.v()[i] = Value::NONE;
                    items.push(z.fillvalue);
                }
                other => {
                    z.active.set(0);
                    return other.map(|_| None);
                }
            }
        }
        Ok(Some(new_tuple(items.into_vec())))
    }
}

crate::native_type!(izip_longest_type, || iter_type::<IZipLongestObj>(Some(izip_longest_new), true));

fn izip_longest_new(a: &[Value], kw: KwArgs) -> PyResult {
    let mut fillvalue = Value::NONE;
    if !kw.is_empty() {
        match kw {
            [(k, v)] if crate::objects::str::as_bytes(*k) == Some(b"fillvalue") => fillvalue = *v,
            _ => return Err(type_error("izip_longest() got an unexpected keyword argument")),
        }
    }
    let its = iter_all(&a[1..], Some("izip_longest"))?;
    let iters = crate::objects::list::new_list(as_tuple(its).expect("a tuple").to_vec());
    let active = a.len() - 1;
    finish(a[0], izip_longest_type(), || alloc(IZipLongestObj { cls: izip_longest_type(), iters, active: Cell::new(active), fillvalue }).as_value())
}
