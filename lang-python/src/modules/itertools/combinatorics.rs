//! `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`.
//!
//! All four copy their input into tuples ("pools") up front and then step
//! an array of indices into them; each result is a tuple of the indexed
//! items. Stepping runs no Python code, so the index arrays can be plain
//! Rust vectors.

use super::{as_ssize, finish, iter_type, Step};
use crate::objects::args;
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::ops;
use crate::runtime::errors::{type_error, value_error};
use crate::runtime::{KwArgs, PyResult};
use std::cell::{Cell, UnsafeCell};
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

/// The state shared by the four. `pools` is a tuple of tuples: product's
/// pools (repeated), or the single pool of the others. Result position k
/// shows `pools[pool_of(k)][indices[k]]`.
#[repr(C)]
pub struct CombObj {
    pub cls: Value,
    pub kind: Kind,
    pub pools: Value,
    pub r: usize,
    pub indices: UnsafeCell<Vec<usize>>,
    /// permutations only: how many more swaps each position has.
    pub cycles: UnsafeCell<Vec<usize>>,
    pub started: Cell<bool>,
    pub stopped: Cell<bool>,
}
unsafe impl Trace for CombObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.pools]);
    }
}

impl CombObj {
    fn pool(&self, k: usize) -> &[Value] {
        let pools = as_tuple(self.pools).expect("a tuple of pools");
        let p = if self.kind == Kind::Product { pools[k] } else { pools[0] };
        as_tuple(p).expect("a pool tuple")
    }

    #[allow(clippy::mut_from_ref)]
    fn idx(&self) -> &mut Vec<usize> {
        // SAFETY: single-threaded heap; only used inside `advance`, which runs no Python code.
        unsafe { &mut *self.indices.get() }
    }

    #[allow(clippy::mut_from_ref)]
    fn cycles(&self) -> &mut Vec<usize> {
        // SAFETY: as for `idx`.
        unsafe { &mut *self.cycles.get() }
    }

    /// The tuple the indices select now.
    fn result(&self) -> Value {
        let items: Vec<Value> = (0..self.r).map(|k| self.pool(k)[self.idx()[k]]).collect();
        new_tuple(items)
    }

    /// Moves the indices to the next result; false when there is none.
    fn advance(&self) -> bool {
        let r = self.r;
        let idx = self.idx();
        match self.kind {
            // An odometer: the rightmost index turns fastest.
            Kind::Product => {
                for i in (0..r).rev() {
                    idx[i] += 1;
                    if idx[i] < self.pool(i).len() {
                        return true;
                    }
                    idx[i] = 0;
                }
                false
            }
            // `indices` is a permutation of all n positions, the first r shown;
            // `cycles[i]` counts down the choices left for position i.
            Kind::Permutations => {
                let n = self.pool(0).len();
                if n == 0 {
                    return false;
                }
                let cycles = self.cycles();
                for i in (0..r).rev() {
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        // Rotate position i to the end and reset its count.
                        let x = idx.remove(i);
                        idx.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = n - cycles[i];
                        idx.swap(i, j);
                        return true;
                    }
                }
                false
            }
            // Increasing indices: bump the rightmost that can move, then
            // make the ones after it consecutive.
            Kind::Combinations => {
                let n = self.pool(0).len();
                let Some(i) = (0..r).rev().find(|&i| idx[i] != i + n - r) else { return false };
                idx[i] += 1;
                for j in i + 1..r {
                    idx[j] = idx[j - 1] + 1;
                }
                true
            }
            // Non-decreasing indices: bump the rightmost below n-1, copy it right.
            Kind::WithReplacement => {
                let n = self.pool(0).len();
                let Some(i) = (0..r).rev().find(|&i| idx[i] != n - 1) else { return false };
                let v = idx[i] + 1;
                for x in &mut idx[i..] {
                    *x = v;
                }
                true
            }
        }
    }
}

fn comb_step(c: &CombObj) -> PyResult<Option<Value>> {
    if c.stopped.get() {
        return Ok(None);
    }
    if c.started.get() && !c.advance() {
        c.stopped.set(true);
        return Ok(None);
    }
    c.started.set(true);
    Ok(Some(c.result()))
}

/// One struct serves four types; a wrapper per type gives each its own
/// `Step` (its name and type check).
macro_rules! comb_type {
    ($wrapper:ident, $name:literal, $getter:ident, $new:ident) => {
        #[repr(C)]
        pub struct $wrapper(CombObj);
        unsafe impl Trace for $wrapper {
            fn trace(&self, t: &mut Tracer) {
                self.0.trace(t)
            }
        }
        vmcore::gc_type!($wrapper, concat!("itertools.", $name));
        impl Step for $wrapper {
            const NAME: &'static str = $name;
            fn step(c: Gc<Self>) -> PyResult<Option<Value>> {
                comb_step(&c.0)
            }
        }
        crate::native_type!($getter, || iter_type::<$wrapper>(Some($new), true));
    };
}

comb_type!(ProductObj, "product", product_type, product_new);
comb_type!(PermutationsObj, "permutations", permutations_type, permutations_new);
comb_type!(CombinationsObj, "combinations", combinations_type, combinations_new);
comb_type!(CwrObj, "combinations_with_replacement", cwr_type, cwr_new);

/// A fresh state: `indices` and `cycles` as the algorithm starts them.
fn new_comb(kind: Kind, cls: Value, pools: Value, r: usize, indices: Vec<usize>, cycles: Vec<usize>, stopped: bool) -> CombObj {
    CombObj { cls, kind, pools, r, indices: UnsafeCell::new(indices), cycles: UnsafeCell::new(cycles), started: Cell::new(false), stopped: Cell::new(stopped) }
}

fn product_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("product", &[], kw, &["repeat"], 0)?;
    let repeat = p[0].map(args::ssize_arg).transpose()?.unwrap_or(1);
    if repeat < 0 {
        return Err(value_error("repeat argument cannot be negative"));
    }
    let args = if repeat == 0 { &a[1..1] } else { &a[1..] };
    let mut pools = RootedVec::new();
    for &x in args {
        pools.push(new_tuple(ops::to_vec(x)?));
    }
    let one_round = pools.clone();
    for _ in 1..repeat {
        pools.extend_from_slice(&one_round);
    }
    let stopped = pools.iter().any(|&p| as_tuple(p).is_some_and(|t| t.is_empty()));
    let n = pools.len();
    let obj = new_comb(Kind::Product, product_type(), new_tuple(pools.into_vec()), n, vec![0; n], Vec::new(), stopped);
    finish(a[0], product_type(), || alloc(ProductObj(obj)).as_value())
}

/// The one pool of the other three, as a tuple, with its length.
fn pool_of(iterable: Value) -> PyResult<(Value, usize)> {
    let items = ops::to_vec(iterable)?;
    let n = items.len();
    Ok((new_tuple(vec![new_tuple(items)]), n))
}

fn check_r(r: i64) -> PyResult<usize> {
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn permutations_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("permutations", &a[1..], kw, &["iterable", "r"], 1)?;
    let (pool, n) = pool_of(p[0].expect("required"))?;
    let r = match p[1] {
        Some(v) if v != Value::NONE => check_r(as_ssize(v)?.ok_or_else(|| type_error("an integer is required"))?)?,
        _ => n,
    };
    let cycles = if r <= n { (0..r).map(|i| n - i).collect() } else { Vec::new() };
    let obj = new_comb(Kind::Permutations, permutations_type(), pool, r, (0..n).collect(), cycles, r > n);
    finish(a[0], permutations_type(), || alloc(PermutationsObj(obj)).as_value())
}

fn combinations_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("combinations", &a[1..], kw, &["iterable", "r"], 2)?;
    let (pool, n) = pool_of(p[0].expect("required"))?;
    let r = check_r(args::ssize_arg(p[1].expect("required"))?)?;
    let obj = new_comb(Kind::Combinations, combinations_type(), pool, r, (0..r).collect(), Vec::new(), r > n);
    finish(a[0], combinations_type(), || alloc(CombinationsObj(obj)).as_value())
}

fn cwr_new(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("combinations_with_replacement", &a[1..], kw, &["iterable", "r"], 2)?;
    let (pool, n) = pool_of(p[0].expect("required"))?;
    let r = check_r(args::ssize_arg(p[1].expect("required"))?)?;
    let obj = new_comb(Kind::WithReplacement, cwr_type(), pool, r, vec![0; r], Vec::new(), n == 0 && r > 0);
    finish(a[0], cwr_type(), || alloc(CwrObj(obj)).as_value())
}
