//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`, which
//! subclasses `_random.Random` in Python.
//!
//! Seeding, the state tuple and every derived number are CPython 2.7's, so a
//! seed gives the same sequence here as there and pickled states move
//! between the two.

use crate::modules::new_native_type;
use crate::objects::float::new_float;
use crate::objects::instance::unwrap_base;
use crate::objects::list_methods::new_of_class;
use crate::objects::module::{new_module, ModuleObj};
use crate::objects::typeobj::type_name;
use crate::objects::{add_method, add_static, args, int, long, tuple};
use crate::ops;
use crate::runtime::errors::{overflow_error, system_error, type_error, value_error};
use crate::runtime::{KwArgs, NativeFn, PyResult};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};
use vmcore::gc::{alloc, Gc, RootedVec, Trace, Tracer};
use vmcore::Value;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

crate::native_type!(random_type, make_type);

#[repr(C)]
pub struct RandomObj {
    pub cls: Value,
    state: RefCell<[u32; N]>,
    /// Next word of `state` to hand out; N means "twist first".
    index: Cell<usize>,
}
unsafe impl Trace for RandomObj {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.cls);
    }
}
vmcore::gc_type!(RandomObj, "_random.Random");

impl RandomObj {
    fn init_genrand(&self, s: u32) {
        let mt = &mut *self.state.borrow_mut();
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index.set(N);
    }

    fn init_by_array(&self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut *self.state.borrow_mut();
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn genrand_u32(&self) -> u32 {
        let mt = &mut *self.state.borrow_mut();
        if self.index.get() >= N {
            let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
            for k in 0..N {
                let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
                mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag(y);
            }
            self.index.set(0);
        }
        let mut y = mt[self.index.get()];
        self.index.set(self.index.get() + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn random(&self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

fn this(v: Value) -> PyResult<Gc<RandomObj>> {
    Gc::<RandomObj>::downcast(unwrap_base(v)).ok_or_else(|| type_error(format!("descriptor requires a '_random.Random' object but received a '{}'", type_name(v))))
}

/// `seed([a])`: None seeds from the clock; an int or long by its absolute
/// value, any other object by its hash (as an unsigned C long), split into
/// 32-bit words from the low end.
fn seed_with(r: Gc<RandomObj>, a: &[Value], kw: KwArgs) -> PyResult {
    args::unpack("seed", a, kw, 0, 1)?;
    let arg = a.first().copied().unwrap_or(Value::NONE);
    if arg == Value::NONE {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        r.init_genrand(now as u32);
        return Ok(Value::NONE);
    }
    let n: BigInt = match (int::as_int(arg), long::as_long(arg)) {
        (Some(i), _) => BigInt::from(i).abs(),
        (_, Some(b)) => b.abs(),
        _ => BigInt::from(ops::hash(arg)? as u64),
    };
    let mut key = n.to_u32_digits().1;
    if key.is_empty() {
        key.push(0);
    }
    r.init_by_array(&key);
    Ok(Value::NONE)
}

/// `_random.Random(*args)` seeds from its arguments, as CPython does.
fn random_new(a: &[Value], kw: KwArgs) -> PyResult {
    if a[0] == random_type() && !kw.is_empty() {
        return Err(type_error("Random() does not take keyword arguments"));
    }
    let v = new_of_class(a[0], random_type(), || {
        alloc(RandomObj { cls: random_type(), state: RefCell::new([0; N]), index: Cell::new(N + 1) }).as_value()
    })?;
    seed_with(this(v)?, &a[1..], &[])?;
    Ok(v)
}

fn r_seed(a: &[Value], kw: KwArgs) -> PyResult {
    seed_with(this(a[0])?, &a[1..], kw)
}

fn r_random(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("random", &a[1..], kw)?;
    Ok(new_float(this(a[0])?.random()))
}

/// The state as 624 words and the index, all longs (as 2.7 builds them).
fn r_getstate(a: &[Value], kw: KwArgs) -> PyResult {
    args::noargs("getstate", &a[1..], kw)?;
    let r = this(a[0])?;
    // Rooted: each long allocated may trigger a collection.
    let mut items = RootedVec::new();
    let words = *r.state.borrow();
    for w in words {
        items.push(long::new_long(BigInt::from(w)));
    }
    items.push(long::new_long(BigInt::from(r.index.get())));
    Ok(tuple::new_tuple_from(&items))
}

/// `PyLong_AsUnsignedLong` on a state word.
fn state_word(v: Value) -> PyResult<u32> {
    let n = match (int::as_int(v), long::as_long(v)) {
        (Some(i), _) => BigInt::from(i),
        (_, Some(b)) => b.clone(),
        _ => return Err(system_error("Objects/longobject.c:426: bad argument to internal function")),
    };
    if n.sign() == Sign::Minus {
        return Err(overflow_error("can't convert negative value to unsigned long"));
    }
    // 2.7 keeps the low 32 bits of each word.
    n.to_u64().map(|w| w as u32).ok_or_else(|| overflow_error("long int too large to convert"))
}

fn r_setstate(a: &[Value], kw: KwArgs) -> PyResult {
    let state = args::one("setstate", &a[1..], kw)?;
    let r = this(a[0])?;
    let items = tuple::as_tuple(state).ok_or_else(|| type_error("state vector must be a tuple"))?;
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, &v) in words.iter_mut().zip(items) {
        *w = state_word(v)?;
    }
    let index = args::index_i64(items[N])?.ok_or_else(|| type_error("an integer is required"))?;
    if !(0..=N as i64).contains(&index) {
        return Err(value_error("invalid state"));
    }
    *r.state.borrow_mut() = words;
    r.index.set(index as usize);
    Ok(Value::NONE)
}

/// `jumpahead(n)`: scrambles the state by n (2.7 only; not a true jump).
fn r_jumpahead(a: &[Value], kw: KwArgs) -> PyResult {
    let n = args::one("jumpahead", &a[1..], kw)?;
    let r = this(a[0])?;
    let n: BigInt = match (int::as_int(n), long::as_long(n)) {
        (Some(i), _) => BigInt::from(i),
        (_, Some(b)) => b.clone(),
        _ => return Err(type_error(format!("jumpahead requires an integer, not '{}'", type_name(n)))),
    };
    let mt = &mut *r.state.borrow_mut();
    for i in (2..N).rev() {
        let j = n.mod_floor(&BigInt::from(i)).to_usize().expect("below i");
        mt.swap(i, j);
    }
    for (i, w) in mt.iter_mut().enumerate() {
        *w = w.wrapping_add(i as u32 + 1);
    }
    r.index.set(N);
    Ok(Value::NONE)
}

/// `getrandbits(k)`: a long of k random bits, 32 at a time from the low end.
fn r_getrandbits(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("getrandbits", &a[1..], kw, 1, 1)?;
    let k = args::c_int(a[1])?;
    let r = this(a[0])?;
    if k <= 0 {
        return Err(value_error("number of bits must be greater than zero"));
    }
    let mut k = k as u32;
    let mut words = Vec::with_capacity((k as usize).div_ceil(32));
    while k > 0 {
        let w = r.genrand_u32();
        words.push(if k < 32 { w >> (32 - k) } else { w });
        k = k.saturating_sub(32);
    }
    Ok(long::new_long(BigInt::from_slice(Sign::Plus, &words)))
}

fn make_type() -> Value {
    let t = new_native_type("_random", "Random", None, true);
    add_static(t, "__new__", random_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("seed", r_seed),
        ("random", r_random),
        ("getstate", r_getstate),
        ("setstate", r_setstate),
        ("jumpahead", r_jumpahead),
        ("getrandbits", r_getrandbits),
    ];
    for &(n, f) in methods {
        add_method(t, n, f);
    }
    t
}

pub fn create() -> Gc<ModuleObj> {
    let m = new_module("_random");
    m.dict.set_str("Random", random_type());
    m
}
