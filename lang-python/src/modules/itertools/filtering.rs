//! The iterators that pass on some of their input's items: `chain`,
//! `compress`, `dropwhile`, `takewhile`, `ifilter`, `ifilterfalse`, `islice`.

use super::{as_ssize, finish, iter_type, no_kw, Step};
use crate::objects::args::{self, unpack};
use crate::objects::args::add_classmethod;
use crate::objects::tuple;
use crate::ops;
use crate::runtime::errors::value_error;
use crate::runtime::{KwArgs, PyResult};
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::Value;

// ---- chain ----

/// `chain(*iterables)`: each iterable in turn. `source` iterates over the
/// iterables (NONE when done), `active` over the current one (NONE between).
#[repr(C)]
pub struct ChainObj {
    pub cls: Value,
    pub source: Cell<Value>,
    pub active: Cell<Value>,
}
unsafe impl Trace for ChainObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.source.get(), self.active.get()]);
    }
}
vmcore::gc_type!(ChainObj, "itertools.chain");

impl Step for ChainObj {
    const NAME: &'static str = "chain";
    fn step(c: Gc<Self>) -> PyResult<Option<Value>> {
        while c.source.get() != Value::NONE {
            if c.active.get() == Value::NONE {
                let next = ops::next(c.source.get()).and_then(|it| it.map(ops::iter).transpose());
                match next {
                    Ok(Some(active)) => c.active.set(active),
                    other => {
                        c.source.set(Value::NONE);
                        return other.map(|_| None);
                    }
                }
            }
            if let Some(x) = ops::next(c.active.get())? {
                return Ok(Some(x));
            }
            c.active.set(Value::NONE);
        }
        Ok(None)
    }
}

crate::native_type!(chain_type, || {
    let t = iter_type::<ChainObj>(Some(chain_new), true);
    add_classmethod(t, "from_iterable", chain_from_iterable);
    t
});

fn new_chain(cls: Value, source: Value) -> PyResult {
    finish(cls, chain_type(), || alloc(ChainObj { cls: chain_type(), source: Cell::new(source), active: Cell::new(Value::NONE) }).as_value())
}

fn chain_new(a: &[Value], kw: KwArgs) -> PyResult {
    no_kw("chain", a[0], chain_type(), kw)?;
    let source = ops::iter(tuple::new_tuple_from(&a[1..]))?;
    new_chain(a[0], source)
}

/// `chain.from_iterable(iterables)`: the iterables come lazily from one.
fn chain_from_iterable(a: &[Value], kw: KwArgs) -> PyResult {
    let src = args::one("from_iterable", &a[1..], kw)?;
    new_chain(a[0], ops::iter(src)?)
}

// ---- compress ----

/// `compress(data, selectors)`: the data items whose selector is true.
#[repr(C)]
pub struct CompressObj {
    pub cls: Value,
    pub data: Value,
    pub selectors: Value,
}
unsafe impl Trace for CompressObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.data, self.selectors]);
    }
}
vmcore::gc_type!(CompressObj, "itertools.compress");

impl Step for CompressObj {
    const NAME: &'static str = "compress";
    fn step(c: Gc<Self>) -> PyResult<Option<Value>> {
        loop {
            let Some(datum) = ops::next(c.data)? else { return Ok(None) };
            let Some(sel) = ops::next(c.selectors)? else { return Ok(None) };
            if ops::truthy(sel)? {
                return Ok(Some(datum));
            }
        }
    }
}

crate::native_type!(compress_type, || iter_type::<CompressObj>(Some(compress_new), true));

fn compress_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("compress", &a[1..], kw, &["data", "selectors"], 2)?;
    let data = ops::iter(p[0].expect("required"))?;
    let selectors = ops::iter(p[1].expect("required"))?;
    finish(a[0], compress_type(), || alloc(CompressObj { cls: compress_type(), data, selectors }).as_value())
}

// ---- dropwhile, takewhile, ifilter, ifilterfalse ----

/// The four iterators that test each item with a predicate. `done` is
/// dropwhile's "started" and takewhile's "stopped".
#[repr(C)]
pub struct PredicateObj {
    pub cls: Value,
    pub kind: Kind,
    pub func: Value,
    pub it: Value,
    pub done: Cell<bool>,
}
unsafe impl Trace for PredicateObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.func, self.it]);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    DropWhile,
    TakeWhile,
    IFilter,
    IFilterFalse,
}

/// One struct serves four types; a wrapper per type gives each its own
/// `Step` (and so its own name and type check).
macro_rules! predicate_type {
    ($wrapper:ident, $name:literal, $kind:expr, $getter:ident, $new:ident) => {
        #[repr(C)]
        pub struct $wrapper(PredicateObj);
        unsafe impl Trace for $wrapper {
            fn trace(&self, t: &mut Tracer) {
                self.0.trace(t)
            }
        }
        vmcore::gc_type!($wrapper, concat!("itertools.", $name));
        impl Step for $wrapper {
            const NAME: &'static str = $name;
            fn step(p: Gc<Self>) -> PyResult<Option<Value>> {
                predicate_step(&p.0)
            }
        }
        crate::native_type!($getter, || iter_type::<$wrapper>(Some($new), true));
        fn $new(a: &[Value], kw: KwArgs) -> PyResult {
            no_kw($name, a[0], $getter(), kw)?;
            unpack($name, &a[1..], &[], 2, 2)?;
            let (func, it) = (a[1], ops::iter(a[2])?);
            let obj = PredicateObj { cls: $getter(), kind: $kind, func, it, done: Cell::new(false) };
            finish(a[0], $getter(), || alloc($wrapper(obj)).as_value())
        }
    };
}

predicate_type!(DropWhileObj, "dropwhile", Kind::DropWhile, dropwhile_type, dropwhile_new);
predicate_type!(TakeWhileObj, "takewhile", Kind::TakeWhile, takewhile_type, takewhile_new);
predicate_type!(IFilterObj, "ifilter", Kind::IFilter, ifilter_type, ifilter_new);
predicate_type!(IFilterFalseObj, "ifilterfalse", Kind::IFilterFalse, ifilterfalse_type, ifilterfalse_new);

/// `func(item)` as a truth value; the filters take None (or `bool`) to
/// mean the item's own truth.
fn test(p: &PredicateObj, item: Value) -> PyResult<bool> {
    let filters = matches!(p.kind, Kind::IFilter | Kind::IFilterFalse);
    if filters && (p.func == Value::NONE || p.func == crate::runtime::types::bool_()) {
        return ops::truthy(item);
    }
    ops::truthy(ops::call(p.func, &[item], &[])?)
}

fn predicate_step(p: &PredicateObj) -> PyResult<Option<Value>> {
    match p.kind {
        Kind::DropWhile => loop {
            let Some(x) = ops::next(p.it)? else { return Ok(None) };
            if p.done.get() || !test(p, x)? {
                p.done.set(true);
                return Ok(Some(x));
            }
        },
        Kind::TakeWhile => {
            if p.done.get() {
                return Ok(None);
            }
            let Some(x) = ops::next(p.it)? else { return Ok(None) };
            if test(p, x)? {
                return Ok(Some(x));
            }
            p.done.set(true);
            Ok(None)
        }
        Kind::IFilter | Kind::IFilterFalse => loop {
            let Some(x) = ops::next(p.it)? else { return Ok(None) };
            if test(p, x)? == (p.kind == Kind::IFilter) {
                return Ok(Some(x));
            }
        },
    }
}

// ---- islice ----

/// `islice(iterable, [start,] stop[, step])`: the items at positions
/// start, start+step, ... below stop. `next` is the position of the next
/// item to yield, `cnt` how many have been read; `stop` -1 means none.
#[repr(C)]
pub struct ISliceObj {
    pub cls: Value,
    /// NONE once exhausted.
    pub it: Cell<Value>,
    pub next: Cell<i64>,
    pub stop: i64,
    pub step: i64,
    pub cnt: Cell<i64>,
}
unsafe impl Trace for ISliceObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.it.get()]);
    }
}
vmcore::gc_type!(ISliceObj, "itertools.islice");

impl Step for ISliceObj {
    const NAME: &'static str = "islice";
    fn step(s: Gc<Self>) -> PyResult<Option<Value>> {
        let it = s.it.get();
        if it == Value::NONE {
            return Ok(None);
        }
        let r = islice_step(s, it);
        if !matches!(r, Ok(Some(_))) {
            s.it.set(Value::NONE);
        }
        r
    }
}

fn islice_step(s: Gc<ISliceObj>, it: Value) -> PyResult<Option<Value>> {
    while s.cnt.get() < s.next.get() {
        if ops::next(it)?.is_none() {
            return Ok(None);
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        return Ok(None);
    }
    let Some(x) = ops::next(it)? else { return Ok(None) };
    s.cnt.set(s.cnt.get() + 1);
    let next = s.next.get().checked_add(s.step);
    s.next.set(match next {
        Some(n) if s.stop == -1 || n <= s.stop => n,
        _ => s.stop,
    });
    Ok(Some(x))
}

crate::native_type!(islice_type, || iter_type::<ISliceObj>(Some(islice_new), true));

const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= maxint.";

/// A bound: None gives `default`, an unconvertible value -1.
fn bound(v: Value, default: i64) -> PyResult<i64> {
    if v == Value::NONE {
        return Ok(default);
    }
    Ok(as_ssize(v)?.unwrap_or(-1))
}

fn islice_new(a: &[Value], kw: KwArgs) -> PyResult {
    no_kw("islice", a[0], islice_type(), kw)?;
    unpack("islice", &a[1..], &[], 2, 4)?;
    let (start, stop) = if a.len() == 3 { (0, bound(a[2], -1)?) } else { (bound(a[2], 0)?, bound(a[3], -1)?) };
    // -1 here is either None (fine) or a failed conversion.
    let stop_given = if a.len() == 3 { a[2] } else { a[3] };
    if stop == -1 && stop_given != Value::NONE {
        return Err(value_error(STOP_MSG));
    }
    if start < 0 || stop < -1 {
        return Err(value_error("Indices for islice() must be None or an integer: 0 <= x <= maxint."));
    }
    let step = match a.get(4) {
        Some(&s) => bound(s, 1)?,
        None => 1,
    };
    if step < 1 {
        return Err(value_error("Step for islice() must be a positive integer or None."));
    }
    let it = ops::iter(a[1])?;
    let obj = ISliceObj { cls: islice_type(), it: Cell::new(it), next: Cell::new(start), stop, step, cnt: Cell::new(0) };
    finish(a[0], islice_type(), || alloc(obj).as_value())
}
