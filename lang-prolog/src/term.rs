//! Prolog terms as vmcore `Value`s.
//!
//! Why this mapping: atoms are interned symbols (comparison is one integer
//! compare), small integers are unboxed, and only structures, variables,
//! floats and big integers live on the shared GC heap.
//!
//! - atom: `Value::symbol(id)` (`[]` is the atom `'[]'`, as ISO says)
//! - integer: small int, or a vmcore `BigInt` object when it does not fit
//! - float: a `Flt` object
//! - variable: a `Var` object whose `val` is EMPTY while unbound
//! - list cell `'.'(H,T)`: a `Cons` object (fixed size: lists are the hottest data)
//! - other compound: a `Compound` object (name + argument array)
//! - clause templates use `Value::imm(FIRST_FRONTEND_IMM + k)` for variable slot k
//!   (see engine/db.rs); such immediates never appear in live terms.

use num_bigint::BigInt as Int;
use std::cell::Cell;
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::object::bigint::BigInt;
use vmcore::object::symbol::{intern, name};
use vmcore::Value;

pub struct Var {
    pub val: Cell<Value>,
    /// Creation order: gives the standard order of variables and tells the
    /// trail whether a binding must be recorded (only for variables older
    /// than the newest choice point).
    pub serial: u64,
}
unsafe impl Trace for Var {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.val.get())
    }
}
vmcore::gc_type!(Var, "prolog-var");

pub struct Cons {
    pub head: Cell<Value>,
    pub tail: Cell<Value>,
}
unsafe impl Trace for Cons {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.head.get());
        t.value(self.tail.get());
    }
}
vmcore::gc_type!(Cons, "prolog-cons");

/// A compound term. The arguments follow this header inline in the same
/// heap cell (allocated with `raw_alloc` at the exact size), so building a
/// structure is one GC allocation and no malloc.
#[repr(C)]
pub struct Compound {
    pub name: u32,
    pub arity: u32,
}
impl Compound {
    #[inline(always)]
    pub fn args(&self) -> &[Value] {
        // SAFETY: `alloc_compound` reserves `arity` Values right after the header.
        unsafe { std::slice::from_raw_parts((self as *const Self).add(1) as *const Value, self.arity as usize) }
    }
    /// # Safety
    /// Only while the term is being built (no other reader relies on it yet).
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub unsafe fn args_mut(&self) -> &mut [Value] {
        std::slice::from_raw_parts_mut((self as *const Self).add(1) as *mut Value, self.arity as usize)
    }
}
unsafe impl Trace for Compound {
    fn trace(&self, t: &mut Tracer) {
        t.values(self.args())
    }
}
vmcore::gc_type!(Compound, "prolog-compound");

/// Allocates a compound with `n` EMPTY arguments.
#[inline]
pub fn alloc_compound(name: u32, n: usize) -> Value {
    use vmcore::gc::GcType;
    let size = 8 + std::mem::size_of::<Compound>() + 8 * n;
    let p = vmcore::gc::raw_alloc(size, Compound::type_desc()).unwrap_or_else(|| vmcore::fatal("out of memory"));
    unsafe {
        let c = p.add(8) as *mut Compound;
        std::ptr::write(c, Compound { name, arity: n as u32 });
        let a = c.add(1) as *mut Value;
        for i in 0..n {
            std::ptr::write(a.add(i), Value::EMPTY);
        }
    }
    Value::from_ptr(p)
}

pub struct Flt(pub f64);
unsafe impl Trace for Flt {
    fn trace(&self, _: &mut Tracer) {}
}
vmcore::gc_type!(Flt, "prolog-float");

thread_local! {
    static SERIAL: Cell<u64> = const { Cell::new(1) };
}

/// The next variable serial (also used by choice points as a time stamp).
#[inline]
pub fn now() -> u64 {
    SERIAL.with(|s| s.get())
}

#[inline]
pub fn new_var() -> Value {
    let serial = SERIAL.with(|s| {
        let v = s.get();
        s.set(v + 1);
        v
    });
    alloc(Var { val: Cell::new(Value::EMPTY), serial }).as_value()
}

/// Follows variable bindings to the representative term.
#[inline]
pub fn deref(mut v: Value) -> Value {
    while let Some(var) = Gc::<Var>::downcast(v) {
        let b = var.val.get();
        if b.is_empty() {
            return v;
        }
        v = b;
    }
    v
}

#[inline]
pub fn is_var(v: Value) -> bool {
    Gc::<Var>::is(v)
}
#[inline]
pub fn is_atom(v: Value) -> bool {
    v.is_symbol()
}
#[inline]
pub fn is_int(v: Value) -> bool {
    v.is_int() || Gc::<BigInt>::is(v)
}
#[inline]
pub fn is_float(v: Value) -> bool {
    Gc::<Flt>::is(v)
}
#[inline]
pub fn is_number(v: Value) -> bool {
    is_int(v) || is_float(v)
}
#[inline]
pub fn is_compound(v: Value) -> bool {
    Gc::<Cons>::is(v) || Gc::<Compound>::is(v)
}
#[inline]
pub fn is_atomic(v: Value) -> bool {
    v.is_symbol() || is_number(v)
}
#[inline]
pub fn is_callable(v: Value) -> bool {
    v.is_symbol() || is_compound(v)
}

pub fn atom(s: &str) -> Value {
    Value::symbol(intern(s))
}
pub fn atom_name(v: Value) -> &'static str {
    name(v.symbol_id())
}
pub fn mk_float(f: f64) -> Value {
    alloc(Flt(f)).as_value()
}
pub fn get_float(v: Value) -> Option<f64> {
    Gc::<Flt>::downcast(v).map(|f| f.0)
}
pub fn mk_int(i: i64) -> Value {
    Value::try_int(i).unwrap_or_else(|| BigInt::new(Int::from(i)).as_value())
}
pub fn mk_bigint(n: Int) -> Value {
    BigInt::into_value(n)
}
/// Any integer term as a BigInt (None for non-integers).
pub fn get_bigint(v: Value) -> Option<Int> {
    if v.is_int() {
        Some(Int::from(v.as_int()))
    } else {
        Gc::<BigInt>::downcast(v).map(|b| b.n.clone())
    }
}

pub fn mk_cons(h: Value, t: Value) -> Value {
    alloc(Cons { head: Cell::new(h), tail: Cell::new(t) }).as_value()
}

/// A compound term (or the atom itself when `args` is empty).
pub fn mk_compound(name: u32, args: &[Value]) -> Value {
    if args.is_empty() {
        return Value::symbol(name);
    }
    if args.len() == 2 && name == wk().dot_id {
        return mk_cons(args[0], args[1]);
    }
    let v = alloc_compound(name, args.len());
    unsafe { Gc::<Compound>::from_value_unchecked(v).args_mut().copy_from_slice(args) };
    v
}
pub fn mk(name: &str, args: &[Value]) -> Value {
    mk_compound(intern(name), args)
}

/// A proper list of `items`, ending in `tail`.
pub fn mk_list(items: &[Value], tail: Value) -> Value {
    // Built back to front; each new cell references the previous one, so every
    // cell stays reachable from a local across allocations.
    let mut l = tail;
    for &x in items.iter().rev() {
        l = mk_cons(x, l);
    }
    l
}

/// Name id and arity of a compound (None for other terms).
#[inline]
pub fn functor_of(v: Value) -> Option<(u32, usize)> {
    if Gc::<Cons>::is(v) {
        Some((wk().dot_id, 2))
    } else {
        Gc::<Compound>::downcast(v).map(|c| (c.name, c.arity as usize))
    }
}

/// Argument `i` (0-based) of a compound.
#[inline]
pub fn arg(v: Value, i: usize) -> Value {
    if let Some(c) = Gc::<Cons>::downcast(v) {
        if i == 0 { c.head.get() } else { c.tail.get() }
    } else {
        let c = unsafe { Gc::<Compound>::from_value_unchecked(v) };
        c.args()[i]
    }
}

/// Arguments of a compound, copied out (cheap: they are words).
pub fn args_of(v: Value) -> Vec<Value> {
    if let Some(c) = Gc::<Cons>::downcast(v) {
        vec![c.head.get(), c.tail.get()]
    } else if let Some(c) = Gc::<Compound>::downcast(v) {
        c.args().to_vec()
    } else {
        Vec::new()
    }
}

/// Sets argument `i` of a compound still under construction.
pub fn set_arg(v: Value, i: usize, x: Value) {
    if let Some(c) = Gc::<Cons>::downcast(v) {
        if i == 0 { c.head.set(x) } else { c.tail.set(x) }
    } else {
        let c = unsafe { Gc::<Compound>::from_value_unchecked(v) };
        unsafe { c.args_mut()[i] = x };
    }
}

/// A compound with `n` empty arguments, to be filled by `set_arg`.
pub fn mk_blank(name: u32, n: usize) -> Value {
    if n == 2 && name == wk().dot_id {
        mk_cons(Value::EMPTY, Value::EMPTY)
    } else {
        alloc_compound(name, n)
    }
}

/// Elements of a proper list (after deref), or Err(kind) where kind says why not.
pub enum ListErr {
    Partial,
    NotList,
}
pub fn list_to_vec(l: Value) -> Result<Vec<Value>, ListErr> {
    let mut out = Vec::new();
    let mut l = deref(l);
    loop {
        if let Some(c) = Gc::<Cons>::downcast(l) {
            out.push(c.head.get());
            l = deref(c.tail.get());
        } else if l == wk().nil {
            return Ok(out);
        } else if is_var(l) {
            return Err(ListErr::Partial);
        } else {
            return Err(ListErr::NotList);
        }
    }
}

/// Well-known atoms, interned once per thread.
pub struct WellKnown {
    pub nil: Value,
    pub dot_id: u32,
    pub dot: Value,
    pub comma: Value,
    pub comma_id: u32,
    pub true_: Value,
    pub fail: Value,
    pub false_: Value,
    pub curly: Value,
    pub curly_id: u32,
    pub minus_id: u32,
    pub plus_id: u32,
    pub slash_id: u32,
    pub neck_id: u32,
    pub eof: Value,
    pub error_id: u32,
    pub bar: Value,
    pub empty: Value,
    pub eq_id: u32,
}

thread_local! {
    static WK: std::cell::Cell<*const WellKnown> = const { std::cell::Cell::new(std::ptr::null()) };
}
fn make_wk() -> &'static WellKnown {
    Box::leak(Box::new(WellKnown {
        nil: atom("[]"),
        dot_id: intern("."),
        dot: atom("."),
        comma: atom(","),
        comma_id: intern(","),
        true_: atom("true"),
        fail: atom("fail"),
        false_: atom("false"),
        curly: atom("{}"),
        curly_id: intern("{}"),
        minus_id: intern("-"),
        plus_id: intern("+"),
        slash_id: intern("/"),
        neck_id: intern(":-"),
        eof: atom("end_of_file"),
        error_id: intern("error"),
        bar: atom("|"),
        empty: atom(""),
        eq_id: intern("="),
    }))
}
#[inline]
pub fn wk() -> &'static WellKnown {
    let p = WK.with(|w| w.get());
    if p.is_null() {
        let w = make_wk();
        WK.with(|c| c.set(w));
        return w;
    }
    unsafe { &*p }
}

/// Text of an atom, number (for atom_length-like builtins use carefully).
pub fn text_of_atomic(v: Value) -> Option<String> {
    if v.is_symbol() {
        Some(atom_name(v).to_string())
    } else if is_number(v) {
        Some(crate::writer::format_number(v))
    } else {
        None
    }
}
