//! `groupby` (with its `_grouper` sub-iterators) and `tee`: the
//! iterators whose items are shared between several consumers.

use super::{finish, iter_type, this, Step};
use crate::objects::args::{self, noargs, unpack};
use crate::objects::{add_method, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::{runtime_error, value_error};
use crate::runtime::{KwArgs, PyResult};
use std::cell::{Cell, UnsafeCell};
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

// ---- groupby ----

/// `groupby(iterable, key=None)`: (key, group) pairs for runs of items with
/// equal keys. The groups share the parent's iterator: `currkey` and
/// `currvalue` hold the item read ahead (EMPTY when none), `tgtkey` the key
/// of the group handed out last.
#[repr(C)]
pub struct GroupByObj {
    pub cls: Value,
    pub it: Value,
    pub keyfunc: Value,
    pub tgtkey: Cell<Value>,
    pub currkey: Cell<Value>,
    pub currvalue: Cell<Value>,
}
unsafe impl Trace for GroupByObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.it, self.keyfunc, self.tgtkey.get(), self.currkey.get(), self.currvalue.get()]);
    }
}
vmcore::gc_type!(GroupByObj, "itertools.groupby");

/// Reads the next item and its key into `currvalue`/`currkey`; false at the end.
fn read_ahead(g: &GroupByObj) -> PyResult<bool> {
    let Some(v) = ops::next(g.it)? else { return Ok(false) };
    let k = if g.keyfunc == Value::NONE { v } else { ops::call(g.keyfunc, &[v], &[])? };
    g.currkey.set(k);
    g.currvalue.set(v);
    Ok(true)
}

impl Step for GroupByObj {
    const NAME: &'static str = "groupby";
    fn step(g: Gc<Self>) -> PyResult<Option<Value>> {
        // Skip the rest of the current group.
        loop {
            let (cur, tgt) = (g.currkey.get(), g.tgtkey.get());
            if !cur.is_empty() && (tgt.is_empty() || !ops::eq_bool(tgt, cur)?) {
                break;
            }
            if !read_ahead(&g)? {
                return Ok(None);
            }
        }
        let key = g.currkey.get();
        g.tgtkey.set(key);
        let grouper = alloc(GrouperObj { cls: grouper_type(), parent: g, tgtkey: key }).as_value();
        Ok(Some(tuple::new_tuple_from(&[key, grouper])))
    }
}

crate::native_type!(groupby_type, || iter_type::<GroupByObj>(Some(groupby_new), true));

fn groupby_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("groupby", &a[1..], kw, &["iterable", "key"], 1)?;
    let it = ops::iter(p[0].expect("required"))?;
    let keyfunc = p[1].unwrap_or(Value::NONE);
    let e = Value::EMPTY;
    let obj = GroupByObj { cls: groupby_type(), it, keyfunc, tgtkey: Cell::new(e), currkey: Cell::new(e), currvalue: Cell::new(e) };
    finish(a[0], groupby_type(), || alloc(obj).as_value())
}

/// One group of a groupby: items while the parent's current key equals
/// this group's. It does not remember being finished (Python 2.7's
/// behaviour): if the parent later reaches an equal key again, it yields.
#[repr(C)]
pub struct GrouperObj {
    pub cls: Value,
    pub parent: Gc<GroupByObj>,
    pub tgtkey: Value,
}
unsafe impl Trace for GrouperObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.parent.as_value(), self.tgtkey]);
    }
}
vmcore::gc_type!(GrouperObj, "itertools._grouper");

impl Step for GrouperObj {
    const NAME: &'static str = "_grouper";
    fn step(g: Gc<Self>) -> PyResult<Option<Value>> {
        let p = g.parent;
        if p.currvalue.get().is_empty() && !read_ahead(&p)? {
            return Ok(None);
        }
        if !ops::eq_bool(g.tgtkey, p.currkey.get())? {
            return Ok(None);
        }
        let v = p.currvalue.get();
        p.currvalue.set(Value::EMPTY);
        p.currkey.set(Value::EMPTY);
        Ok(Some(v))
    }
}

crate::native_type!(grouper_type, || iter_type::<GrouperObj>(None, false));

// ---- tee ----

/// Items read from the shared iterator are kept in a chain of blocks of
/// this many; a block is freed when every tee has moved past it.
const LINKCELLS: usize = 57;

/// One block of a tee's buffer: the items read so far (at most LINKCELLS)
/// and the next block (NONE until needed).
#[repr(C)]
pub struct TeeDataObj {
    pub cls: Value,
    pub it: Value,
    pub values: UnsafeCell<Vec<Value>>,
    pub next: Cell<Value>,
    /// True while reading from `it`, to refuse re-entry from that read.
    pub running: Cell<bool>,
}
unsafe impl Trace for TeeDataObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.it, self.next.get()]);
        self.values.trace(t);
    }
}
vmcore::gc_type!(TeeDataObj, "itertools.tee_dataobject");

impl TeeDataObj {
    #[allow(clippy::mut_from_ref)]
    fn values(&self) -> &mut Vec<Value> {
        // SAFETY: single-threaded heap; no reference is held across calls.
        unsafe { &mut *self.values.get() }
    }

    /// Item `i` of this block, reading it from the iterator if no tee has yet.
    fn get(&self, i: usize) -> PyResult<Option<Value>> {
        if let Some(&v) = self.values().get(i) {
            return Ok(Some(v));
        }
        if self.running.get() {
            return Err(runtime_error("cannot re-enter the tee iterator"));
        }
        self.running.set(true);
        let r = ops::next(self.it);
        self.running.set(false);
        let r = r?;
        if let Some(v) = r {
            self.values().push(v);
        }
        Ok(r)
    }

    fn next_block(&self) -> Gc<TeeDataObj> {
        if self.next.get() == Value::NONE {
            self.next.set(new_data(self.it).as_value());
        }
        Gc::<TeeDataObj>::downcast(self.next.get()).expect("a tee data block")
    }
}

crate::native_type!(teedata_type, || super::new_native_type("itertools", "tee_dataobject", None, false));

fn new_data(it: Value) -> Gc<TeeDataObj> {
    alloc(TeeDataObj { cls: teedata_type(), it, values: UnsafeCell::new(Vec::new()), next: Cell::new(Value::NONE), running: Cell::new(false) })
}

/// One of the iterators `tee` returns: a position in the shared blocks.
#[repr(C)]
pub struct TeeObj {
    pub cls: Value,
    pub data: Cell<Gc<TeeDataObj>>,
    pub index: Cell<usize>,
}
unsafe impl Trace for TeeObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
        t.gc(self.data.get());
    }
}
vmcore::gc_type!(TeeObj, "itertools.tee");

impl Step for TeeObj {
    const NAME: &'static str = "tee";
    fn step(t: Gc<Self>) -> PyResult<Option<Value>> {
        if t.index.get() >= LINKCELLS {
            t.data.set(t.data.get().next_block());
            t.index.set(0);
        }
        let v = t.data.get().get(t.index.get())?;
        if v.is_some() {
            t.index.set(t.index.get() + 1);
        }
        Ok(v)
    }
}

crate::native_type!(tee_type, || {
    let t = iter_type::<TeeObj>(Some(tee_new), false);
    add_method(t, "__copy__", tee_copy);
    t
});

fn new_tee(data: Gc<TeeDataObj>, index: usize) -> Value {
    alloc(TeeObj { cls: tee_type(), data: Cell::new(data), index: Cell::new(index) }).as_value()
}

/// A tee over `iterable`: a copy if its iterator already is a tee.
fn tee_from_iterable(iterable: Value) -> PyResult {
    let it = ops::iter(iterable)?;
    if let Some(t) = Gc::<TeeObj>::downcast(it) {
        return Ok(new_tee(t.data.get(), t.index.get()));
    }
    Ok(new_tee(new_data(it), 0))
}

fn tee_new(a: &[Value], kw: KwArgs) -> PyResult {
    unpack("tee", &a[1..], kw, 1, 1)?;
    tee_from_iterable(a[1])
}

fn tee_copy(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("__copy__", &a[1..], kw)?;
    let t = this::<TeeObj>(a[0])?;
    Ok(new_tee(t.data.get(), t.index.get()))
}

/// `tee(iterable, n=2)`: n independent iterators over one iterable. An
/// iterator with `__copy__` is used as the first and copied for the rest.
pub fn tee(a: &[Value], kw: KwArgs) -> PyResult {
    args::no_kw("tee", kw)?;
    if a.is_empty() || a.len() > 2 {
        let (how, k) = if a.is_empty() { ("least", "1 argument") } else { ("most", "2 arguments") };
        return Err(crate::runtime::errors::type_error(format!("function takes at {how} {k} ({} given)", a.len())));
    }
    let n = match a.get(1) {
        Some(&v) => args::ssize_arg(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(tuple::new_tuple(Vec::new()));
    }
    let it = ops::iter(a[0])?;
    let mut copyable = if ops::getattr_opt(it, pystr::intern("__copy__"))?.is_some() { it } else { tee_from_iterable(it)? };
    let mut out = RootedVec::new();
    out.push(copyable);
    for _ in 1..n {
        copyable = ops::call_method(copyable, "__copy__", &[])?;
        out.push(copyable);
    }
    Ok(tuple::new_tuple(out.into_vec()))
}
