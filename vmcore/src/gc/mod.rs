//! The garbage-collected heap shared by every frontend.
//!
//! Design (see docs/architecture.md for the why):
//! - non-moving mark-sweep; small objects in segregated size classes (`block`),
//!   large ones in their own aligned mappings;
//! - precise tracing of heap objects through each type's `TypeDesc`;
//! - conservative scanning of the native stack and registers for roots (`stack`),
//!   so Rust helpers and JIT code need no root handles;
//! - lazy sweeping: a block is swept when the allocator next needs it;
//! - weak references cleared and finalizable objects queued after marking.
//!
//! The only rule a frontend must follow: a `Value` stored in memory the GC does
//! not see (a Rust `Vec` on the malloc heap, a `HashMap`) must be reachable from a
//! traced object, a `Root`, a `RootedVec` or a root scanner whenever an
//! allocation can happen.
//!
//! One heap per thread; objects must not be shared across threads.

mod block;
mod pages;
pub mod stack;

use crate::value::Value;
use block::{Block, BLOCK_SIZE, CLASS_OF, HEADER_BYTES, MAX_SMALL, SIZE_CLASSES};
use std::cell::{Cell, UnsafeCell};
use std::collections::BTreeMap;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

/// How the collector sees one Rust type stored on the heap.
pub struct TypeDesc {
    pub name: &'static str,
    /// Reports every heap reference held by the object at `payload`.
    pub trace: unsafe fn(payload: *const u8, t: &mut Tracer),
    /// Runs the payload's drop glue when the object dies (None if trivial).
    pub drop: Option<unsafe fn(payload: *mut u8)>,
}

/// A type whose values hold heap references must report them.
///
/// # Safety
/// `trace` must report every `Value` and `Gc` the object can reach without
/// going through another heap object, and must not allocate.
pub unsafe trait Trace {
    fn trace(&self, t: &mut Tracer);
}

/// A Rust type that can live on the heap: `gc_type!(MyType, "name")` implements it.
pub trait GcType: Trace + Sized + 'static {
    fn type_desc() -> &'static TypeDesc;
}

/// Implements `GcType` for a type that implements `Trace`.
#[macro_export]
macro_rules! gc_type {
    ($t:ty, $name:expr) => {
        impl $crate::gc::GcType for $t {
            #[inline(always)]
            fn type_desc() -> &'static $crate::gc::TypeDesc {
                const _: () = assert!(std::mem::align_of::<$t>() <= 8, "heap objects are 8-aligned");
                static DESC: $crate::gc::TypeDesc = $crate::gc::TypeDesc {
                    name: $name,
                    trace: $crate::gc::trace_erased::<$t>,
                    drop: if std::mem::needs_drop::<$t>() {
                        Some($crate::gc::drop_erased::<$t>)
                    } else {
                        None
                    },
                };
                &DESC
            }
        }
    };
}

#[doc(hidden)]
pub unsafe fn trace_erased<T: Trace>(p: *const u8, t: &mut Tracer) {
    (*(p as *const T)).trace(t)
}
#[doc(hidden)]
pub unsafe fn drop_erased<T>(p: *mut u8) {
    std::ptr::drop_in_place(p as *mut T)
}

/// Every object starts with this one word.
#[repr(C)]
pub struct Header {
    pub desc: &'static TypeDesc,
}
const HEADER: usize = std::mem::size_of::<Header>();

#[inline(always)]
fn payload(obj: *const u8) -> *mut u8 {
    (obj as usize + HEADER) as *mut u8
}

/// The type descriptor of the heap object `v` points to.
#[inline(always)]
pub fn desc_of(v: Value) -> &'static TypeDesc {
    // SAFETY: pointer Values always point at an object header (heap invariant).
    unsafe { (*(v.as_ptr() as *const Header)).desc }
}

pub(crate) unsafe fn drop_object(obj: *mut u8) {
    let desc = (*(obj as *const Header)).desc;
    if let Some(d) = desc.drop {
        d(payload(obj));
    }
}

/// A typed reference to a heap object. Copyable; liveness is the GC's business.
#[repr(transparent)]
pub struct Gc<T> {
    ptr: NonNull<u8>,
    _t: PhantomData<*const T>,
}
impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}
impl<T> PartialEq for Gc<T> {
    fn eq(&self, o: &Self) -> bool {
        self.ptr == o.ptr
    }
}
impl<T> Eq for Gc<T> {}
impl<T> std::hash::Hash for Gc<T> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.ptr.hash(h)
    }
}
impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:p})", self.ptr)
    }
}

impl<T: GcType> Gc<T> {
    #[inline(always)]
    pub fn as_value(self) -> Value {
        Value::from_ptr(self.ptr.as_ptr())
    }
    /// The object as a `Gc<T>` if it is a heap object of type `T`.
    #[inline(always)]
    pub fn downcast(v: Value) -> Option<Gc<T>> {
        if v.is_ptr() && std::ptr::eq(desc_of(v), T::type_desc()) {
            Some(Gc { ptr: unsafe { NonNull::new_unchecked(v.as_ptr()) }, _t: PhantomData })
        } else {
            None
        }
    }
    /// # Safety
    /// `v` must point to a live object of type `T`.
    #[inline(always)]
    pub unsafe fn from_value_unchecked(v: Value) -> Gc<T> {
        Gc { ptr: NonNull::new_unchecked(v.as_ptr()), _t: PhantomData }
    }
    #[inline(always)]
    pub fn is(v: Value) -> bool {
        v.is_ptr() && std::ptr::eq(desc_of(v), T::type_desc())
    }
    /// Mutable access. Objects are shared, so the caller promises no other
    /// reference to this payload is in use (the interpreter is single-threaded
    /// per heap, and no `&T` obtained earlier may be used across this borrow).
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub unsafe fn get_mut(&self) -> &mut T {
        &mut *(payload(self.ptr.as_ptr()) as *mut T)
    }
    #[inline(always)]
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as usize
    }
}

impl<T: GcType> Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: a Gc is only made for a live, initialised object of type T.
        unsafe { &*(payload(self.ptr.as_ptr()) as *const T) }
    }
}

/// Marks objects during a collection; handed to every `Trace::trace`.
pub struct Tracer {
    stack: Vec<*mut u8>,
    live_bytes: usize,
}

impl Tracer {
    #[inline]
    pub fn value(&mut self, v: Value) {
        if v.is_ptr() {
            self.mark_ptr(v.as_ptr());
        }
    }
    #[inline]
    pub fn gc<T: GcType>(&mut self, g: Gc<T>) {
        self.mark_ptr(g.ptr.as_ptr());
    }
    #[inline]
    pub fn values(&mut self, vs: &[Value]) {
        for &v in vs {
            self.value(v);
        }
    }
    /// Marks the object at `obj` (an exact object start).
    #[inline]
    fn mark_ptr(&mut self, obj: *mut u8) {
        // SAFETY: `obj` is an object start in one of our blocks (heap invariant).
        let b = unsafe { &mut *Block::of(obj) };
        let i = if b.is_large { 0 } else { (obj as usize - b.base() - b.first_cell as usize) / b.cell_size as usize };
        if b.test_and_mark(i) {
            b.live_cells += 1;
            self.live_bytes += b.cell_size as usize;
            self.stack.push(obj);
        }
    }
    fn drain(&mut self) {
        while let Some(obj) = self.stack.pop() {
            // SAFETY: only initialised objects are ever pushed.
            unsafe {
                let desc = (*(obj as *const Header)).desc;
                (desc.trace)(payload(obj), self);
            }
        }
    }
}

unsafe impl Trace for Value {
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        t.value(*self)
    }
}
unsafe impl<T: GcType> Trace for Gc<T> {
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        t.gc(*self)
    }
}
unsafe impl<T: Trace> Trace for Cell<T>
where
    T: Copy,
{
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        self.get().trace(t)
    }
}
unsafe impl<T: Trace> Trace for Vec<T> {
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        for x in self {
            x.trace(t)
        }
    }
}
unsafe impl<T: Trace> Trace for Option<T> {
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        if let Some(x) = self {
            x.trace(t)
        }
    }
}
unsafe impl<T: Trace> Trace for std::cell::RefCell<T> {
    fn trace(&self, t: &mut Tracer) {
        // A borrow held during a collection would be a bug elsewhere; trace anyway.
        unsafe { (*self.as_ptr()).trace(t) }
    }
}
unsafe impl<T: Trace> Trace for UnsafeCell<T> {
    fn trace(&self, t: &mut Tracer) {
        unsafe { (*self.get()).trace(t) }
    }
}
unsafe impl<T: Trace> Trace for Box<T> {
    fn trace(&self, t: &mut Tracer) {
        (**self).trace(t)
    }
}
unsafe impl<A: Trace, B: Trace> Trace for (A, B) {
    fn trace(&self, t: &mut Tracer) {
        self.0.trace(t);
        self.1.trace(t);
    }
}
macro_rules! no_trace {
    ($($t:ty),*) => { $(unsafe impl Trace for $t { #[inline] fn trace(&self, _: &mut Tracer) {} })* };
}
no_trace!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64, bool, char, String, str, ());
unsafe impl<T: Trace> Trace for [T] {
    fn trace(&self, t: &mut Tracer) {
        for x in self {
            x.trace(t)
        }
    }
}

/// A weak reference: does not keep `target` alive; cleared when it dies.
/// `data` is a strong slot for the frontend (e.g. a callback).
pub struct WeakRef {
    pub target: Cell<Value>,
    pub data: Cell<Value>,
}
unsafe impl Trace for WeakRef {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.data.get());
    }
}
gc_type!(WeakRef, "weakref");

/// Counters for `vmbench` and tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct GcStats {
    pub collections: u64,
    pub allocated_bytes: u64,
    pub heap_bytes: usize,
    pub live_bytes: usize,
}

struct SizeClass {
    blocks: Vec<*mut Block>,
    /// blocks[sweep_next..] have not been swept since the last collection.
    sweep_next: usize,
    current: *mut Block,
    cursor: usize,
}

struct Heap {
    classes: Vec<SizeClass>,
    free_blocks: Vec<*mut Block>,
    /// Arena address ranges, for telling block addresses from foreign ones.
    arenas: Vec<(usize, usize)>,
    arena_next: usize,
    arena_end: usize,
    /// Large objects: mapping start -> mapping length.
    large: BTreeMap<usize, usize>,
    large_bytes: usize,
    lo: usize,
    hi: usize,
    since_gc: usize,
    threshold: usize,
    stress_every: u64,
    stress_countdown: u64,
    in_gc: bool,
    stats: GcStats,
    roots: Vec<Value>,
    free_roots: Vec<usize>,
    rooted_vecs: Vec<*const Vec<Value>>,
    scanners: Vec<fn(&mut Tracer)>,
    extra_stacks: Vec<(usize, usize)>,
    weak: Vec<Gc<WeakRef>>,
    finalizable: Vec<Value>,
    pending_final: Vec<Value>,
    cleared_weak: Vec<Gc<WeakRef>>,
}

const MIN_THRESHOLD: usize = 4 << 20;

thread_local! {
    static HEAP: UnsafeCell<Heap> = const { UnsafeCell::new(Heap::new()) };
}

#[inline(always)]
fn with_heap<R>(f: impl FnOnce(&mut Heap) -> R) -> R {
    // SAFETY: the heap is thread-local and no function of this module re-enters
    // another while holding the reference (collections check `in_gc`).
    HEAP.with(|h| f(unsafe { &mut *h.get() }))
}

impl Heap {
    const fn new() -> Heap {
        Heap {
            classes: Vec::new(),
            free_blocks: Vec::new(),
            arenas: Vec::new(),
            arena_next: 0,
            arena_end: 0,
            large: BTreeMap::new(),
            large_bytes: 0,
            lo: usize::MAX,
            hi: 0,
            since_gc: 0,
            threshold: MIN_THRESHOLD,
            stress_every: u64::MAX,
            stress_countdown: u64::MAX,
            in_gc: false,
            stats: GcStats { collections: 0, allocated_bytes: 0, heap_bytes: 0, live_bytes: 0 },
            roots: Vec::new(),
            free_roots: Vec::new(),
            rooted_vecs: Vec::new(),
            scanners: Vec::new(),
            extra_stacks: Vec::new(),
            weak: Vec::new(),
            finalizable: Vec::new(),
            pending_final: Vec::new(),
            cleared_weak: Vec::new(),
        }
    }

    fn init(&mut self) {
        if !self.classes.is_empty() {
            return;
        }
        for _ in SIZE_CLASSES {
            self.classes.push(SizeClass { blocks: Vec::new(), sweep_next: 0, current: std::ptr::null_mut(), cursor: 0 });
        }
        if let Ok(s) = std::env::var("VMBENCH_GC_STRESS") {
            match s.trim().parse::<u64>() {
                Ok(0) => {}
                Ok(n) => self.stress_every = n,
                Err(_) if !s.is_empty() => self.stress_every = 1,
                Err(_) => {}
            }
        }
        self.stress_countdown = self.stress_every;
    }

    fn new_block(&mut self, cell_size: usize) -> Option<*mut Block> {
        let base = if let Some(b) = self.free_blocks.pop() {
            b as *mut u8
        } else {
            if self.arena_next == self.arena_end {
                let size = pages::ARENA_BLOCKS * BLOCK_SIZE;
                let p = pages::map_aligned(size)? as usize;
                self.arenas.push((p, p + size));
                self.arena_next = p;
                self.arena_end = p + size;
                self.lo = self.lo.min(p);
                self.hi = self.hi.max(p + size);
            }
            let p = self.arena_next;
            self.arena_next += BLOCK_SIZE;
            self.stats.heap_bytes += BLOCK_SIZE;
            p as *mut u8
        };
        // SAFETY: `base` is an unused, aligned block of our own.
        Some(unsafe { Block::init(base, cell_size, false) })
    }

    /// A free cell of class `c`, sweeping or adding blocks as needed.
    fn small_cell(&mut self, c: usize) -> Option<*mut u8> {
        loop {
            let sc = &mut self.classes[c];
            if !sc.current.is_null() {
                // SAFETY: `current` is one of this class's swept blocks.
                let b = unsafe { &mut *sc.current };
                if let Some(i) = b.next_free(sc.cursor) {
                    b.set_alloc(i);
                    sc.cursor = i + 1;
                    return Some(b.cell(i));
                }
            }
            if sc.sweep_next < sc.blocks.len() {
                let b = sc.blocks[sc.sweep_next];
                sc.sweep_next += 1;
                // SAFETY: an unswept block of ours; its objects are initialised.
                unsafe { (*b).sweep() };
                sc.current = b;
                sc.cursor = 0;
                continue;
            }
            let b = self.new_block(SIZE_CLASSES[c])?;
            let sc = &mut self.classes[c];
            sc.blocks.push(b);
            sc.sweep_next = sc.blocks.len();
            sc.current = b;
            sc.cursor = 0;
        }
    }

    fn large_cell(&mut self, size: usize) -> Option<*mut u8> {
        let total = size.checked_add(HEADER_BYTES)?;
        let base = pages::map_aligned(total)?;
        let len = total.div_ceil(BLOCK_SIZE) * BLOCK_SIZE;
        // SAFETY: fresh aligned mapping of at least one block.
        let b = unsafe { &mut *Block::init(base, len - HEADER_BYTES, true) };
        b.set_alloc(0);
        self.large.insert(base as usize, len);
        self.large_bytes += len;
        self.stats.heap_bytes += len;
        self.lo = self.lo.min(base as usize);
        self.hi = self.hi.max(base as usize + len);
        Some(b.cell(0))
    }

    /// The object containing `addr`, if any (for conservative roots).
    fn find_object(&self, addr: usize) -> Option<*mut u8> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        let in_arena = self.arenas.iter().any(|&(s, e)| addr >= s && addr < e);
        if in_arena {
            let base = addr & !(BLOCK_SIZE - 1);
            if base >= self.arena_next && base < self.arena_end {
                return None; // not yet carved from the newest arena
            }
            // SAFETY: every carved block starts with a header; free ones have n_cells == 0.
            let b = unsafe { &*(base as *const Block) };
            let i = b.cell_index(addr)?;
            return if b.is_alloc(i) { Some(b.cell(i)) } else { None };
        }
        let (&start, &len) = self.large.range(..=addr).next_back()?;
        if addr < start + len {
            // SAFETY: a live large mapping starts with its header.
            let b = unsafe { &*(start as *const Block) };
            let cell = b.cell(0) as usize;
            if addr >= cell { return Some(cell as *mut u8) }
        }
        None
    }

    fn finish_sweep(&mut self) {
        for c in 0..self.classes.len() {
            let sc = &mut self.classes[c];
            for k in sc.sweep_next..sc.blocks.len() {
                // SAFETY: unswept blocks of ours.
                unsafe { (*sc.blocks[k]).sweep() };
            }
            sc.sweep_next = sc.blocks.len();
            // Give wholly empty blocks back to the pool (and their pages to the OS).
            let mut kept = Vec::with_capacity(sc.blocks.len());
            for &b in &sc.blocks {
                // SAFETY: swept block of ours.
                let empty = unsafe { (*b).alloc.iter().all(|w| *w == 0) };
                if empty && b != sc.current {
                    pages::release((b as usize + HEADER_BYTES) as *mut u8, BLOCK_SIZE - HEADER_BYTES);
                    // Mark as holding nothing so conservative lookups find no cells.
                    unsafe { (*b).n_cells = 0 };
                    self.free_blocks.push(b);
                } else {
                    kept.push(b);
                }
            }
            sc.blocks = kept;
            sc.sweep_next = sc.blocks.len();
        }
    }

    fn collect(&mut self) {
        assert!(!self.in_gc, "internal error: allocation during garbage collection");
        self.in_gc = true;
        self.finish_sweep();
        for sc in &self.classes {
            for &b in &sc.blocks {
                // SAFETY: blocks of ours.
                unsafe { (*b).clear_marks() };
            }
        }
        for (&s, _) in &self.large {
            unsafe { (*(s as *mut Block)).clear_marks() };
        }
        let mut t = Tracer { stack: Vec::with_capacity(1024), live_bytes: 0 };

        // Roots: native stacks (conservatively), then the precise root sets.
        let scan = |lo: usize, hi: usize, t: &mut Tracer, heap: &Heap| {
            let mut p = lo & !7;
            while p + 8 <= hi {
                // SAFETY: reading words of a live stack range.
                let w = unsafe { *(p as *const usize) };
                if let Some(obj) = heap.find_object(w) {
                    t.mark_ptr(obj);
                }
                p += 8;
            }
        };
        let me: &Heap = self;
        stack::with_stack_range(&mut |lo, hi| scan(lo, hi, &mut t, me));
        for &(lo, hi) in &self.extra_stacks {
            scan(lo, hi, &mut t, me);
        }
        for &r in &self.roots {
            t.value(r);
        }
        for &v in &self.rooted_vecs {
            // SAFETY: a RootedVec unregisters itself before its Vec dies.
            t.values(unsafe { &*v });
        }
        for v in &self.pending_final {
            t.value(*v);
        }
        for w in &self.cleared_weak {
            t.gc(*w);
        }
        for s in self.scanners.clone() {
            s(&mut t);
        }
        t.drain();

        // Weak references to dead objects are cleared before finalizers resurrect anything.
        let is_marked = |v: Value| -> bool {
            let b = unsafe { &*Block::of(v.as_ptr()) };
            let i = if b.is_large { 0 } else { (v.0 as usize - b.base() - b.first_cell as usize) / b.cell_size as usize };
            b.is_marked(i)
        };
        let mut keep = Vec::with_capacity(self.weak.len());
        for &w in &self.weak {
            if !is_marked(w.as_value()) {
                continue;
            }
            let target = w.target.get();
            if target.is_ptr() && !is_marked(target) {
                w.target.set(Value::EMPTY);
                if !w.data.get().is_empty() && w.data.get() != Value::NONE {
                    self.cleared_weak.push(w);
                }
            } else {
                keep.push(w);
            }
        }
        self.weak = keep;
        // Unreachable objects with finalizers are kept alive until the frontend runs them.
        let mut still = Vec::with_capacity(self.finalizable.len());
        for &v in &self.finalizable {
            if is_marked(v) {
                still.push(v);
            } else {
                self.pending_final.push(v);
                t.value(v);
            }
        }
        self.finalizable = still;
        t.drain();

        // Large objects are freed eagerly; small ones lazily by the allocator.
        let dead: Vec<(usize, usize)> = self
            .large
            .iter()
            .filter(|(&s, _)| unsafe { !(*(s as *const Block)).is_marked(0) })
            .map(|(&s, &l)| (s, l))
            .collect();
        for (s, l) in dead {
            unsafe {
                drop_object((*(s as *const Block)).cell(0));
                pages::unmap(s as *mut u8, l);
            }
            self.large.remove(&s);
            self.large_bytes -= l;
            self.stats.heap_bytes -= l;
        }
        for sc in &mut self.classes {
            sc.sweep_next = 0;
            sc.current = std::ptr::null_mut();
            sc.cursor = 0;
        }
        self.stats.collections += 1;
        self.stats.live_bytes = t.live_bytes;
        self.threshold = (t.live_bytes * 2).max(MIN_THRESHOLD);
        self.since_gc = 0;
        self.in_gc = false;
    }
}

/// Allocates `value` on the heap. May collect first.
///
/// Aborts with a Rust panic only if the OS refuses memory; frontends that must
/// turn huge requests into their own MemoryError check sizes with `try_alloc`.
#[inline]
pub fn alloc<T: GcType>(value: T) -> Gc<T> {
    match try_alloc(value) {
        Some(g) => g,
        None => crate::fatal("out of memory"),
    }
}

/// Like `alloc`, but None when the memory cannot be had.
#[inline]
pub fn try_alloc<T: GcType>(value: T) -> Option<Gc<T>> {
    let size = HEADER + std::mem::size_of::<T>();
    let obj = raw_alloc(size, T::type_desc())?;
    // SAFETY: `obj` is a fresh cell of at least `size` bytes.
    unsafe { std::ptr::write(payload(obj) as *mut T, value) };
    Some(Gc { ptr: unsafe { NonNull::new_unchecked(obj) }, _t: PhantomData })
}

/// Allocates an uninitialised cell of `size` bytes (header included) and
/// writes the header. The caller initialises the payload before the next allocation.
#[inline]
pub fn raw_alloc(size: usize, desc: &'static TypeDesc) -> Option<*mut u8> {
    with_heap(|h| {
        if h.classes.is_empty() {
            h.init();
        }
        h.since_gc += size;
        h.stats.allocated_bytes += size as u64;
        h.stress_countdown -= 1;
        if h.since_gc > h.threshold || h.stress_countdown == 0 {
            h.stress_countdown = h.stress_every;
            h.collect();
        }
        let obj = if size <= MAX_SMALL {
            let obj = h.small_cell(CLASS_OF[size.div_ceil(8)] as usize)?;
            if desc.drop.is_some() {
                // SAFETY: a small cell lies in a block we own.
                unsafe { (*Block::of(obj)).has_drop = true };
            }
            obj
        } else {
            h.large_cell(size)?
        };
        // SAFETY: fresh cell; the header is written before anything can observe it.
        unsafe { std::ptr::write(obj as *mut Header, Header { desc }) };
        Some(obj)
    })
}

/// Runs a full collection now.
pub fn collect() {
    with_heap(|h| {
        if h.classes.is_empty() {
            h.init();
        }
        h.collect()
    })
}

/// Tells the collector about memory a heap object owns outside the heap
/// (e.g. a list's Rust buffer), so collections keep pace with it.
pub fn note_external_bytes(n: usize) {
    with_heap(|h| h.since_gc += n);
}

pub fn stats() -> GcStats {
    with_heap(|h| h.stats)
}

/// True when `v` points to an object allocated on this thread's heap.
pub fn is_heap_object(v: Value) -> bool {
    v.is_ptr() && with_heap(|h| h.find_object(v.0 as usize) == Some(v.as_ptr()))
}

/// Registers a function that reports extra roots (a frontend's global tables).
pub fn add_root_scanner(f: fn(&mut Tracer)) {
    with_heap(|h| {
        if !h.scanners.contains(&(f as fn(&mut Tracer))) {
            h.scanners.push(f)
        }
    });
}

/// Registers another stack range to scan conservatively (coroutine stacks).
pub fn add_stack(lo: usize, hi: usize) {
    with_heap(|h| h.extra_stacks.push((lo, hi)));
}
pub fn remove_stack(lo: usize, hi: usize) {
    with_heap(|h| h.extra_stacks.retain(|&s| s != (lo, hi)));
}

/// Calls the frontend's finalizer for `v` once it becomes unreachable.
pub fn register_finalizer(v: Value) {
    with_heap(|h| h.finalizable.push(v));
}

/// Objects whose finalizers are due; the frontend runs them at a safe point.
pub fn take_pending_finalizers() -> Vec<Value> {
    with_heap(|h| std::mem::take(&mut h.pending_final))
}

/// A new weak reference to `target`; `data` is kept alive strongly.
pub fn new_weak(target: Value, data: Value) -> Gc<WeakRef> {
    let w = alloc(WeakRef { target: Cell::new(target), data: Cell::new(data) });
    with_heap(|h| h.weak.push(w));
    w
}

/// Weak references cleared by a collection whose `data` is set (callbacks due).
pub fn take_cleared_weakrefs() -> Vec<Gc<WeakRef>> {
    with_heap(|h| std::mem::take(&mut h.cleared_weak))
}

/// A permanent root: keeps one value alive until dropped.
pub struct Root {
    index: usize,
}
impl Root {
    pub fn new(v: Value) -> Root {
        with_heap(|h| {
            let index = if let Some(i) = h.free_roots.pop() {
                h.roots[i] = v;
                i
            } else {
                h.roots.push(v);
                h.roots.len() - 1
            };
            Root { index }
        })
    }
    pub fn get(&self) -> Value {
        with_heap(|h| h.roots[self.index])
    }
    pub fn set(&self, v: Value) {
        with_heap(|h| h.roots[self.index] = v)
    }
}
impl Drop for Root {
    fn drop(&mut self) {
        let _ = HEAP.try_with(|h| {
            let h = unsafe { &mut *h.get() };
            h.roots[self.index] = Value::EMPTY;
            h.free_roots.push(self.index);
        });
    }
}

/// A `Vec<Value>` whose elements are roots while it lives: for Rust code that
/// gathers values and then allocates.
pub struct RootedVec {
    v: Box<Vec<Value>>,
}
impl RootedVec {
    pub fn new() -> RootedVec {
        Self::from_vec(Vec::new())
    }
    pub fn from_vec(v: Vec<Value>) -> RootedVec {
        let v = Box::new(v);
        let p: *const Vec<Value> = &*v;
        with_heap(|h| h.rooted_vecs.push(p));
        RootedVec { v }
    }
    /// Takes the values out; they are no longer rooted.
    pub fn into_vec(mut self) -> Vec<Value> {
        std::mem::take(&mut *self.v)
    }
}
impl Default for RootedVec {
    fn default() -> Self {
        Self::new()
    }
}
impl Drop for RootedVec {
    fn drop(&mut self) {
        let p: *const Vec<Value> = &*self.v;
        let _ = HEAP.try_with(|h| {
            let h = unsafe { &mut *h.get() };
            if let Some(i) = h.rooted_vecs.iter().rposition(|&q| q == p) {
                h.rooted_vecs.swap_remove(i);
            }
        });
    }
}
impl Deref for RootedVec {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.v
    }
}
impl std::ops::DerefMut for RootedVec {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.v
    }
}

#[cfg(test)]
mod tests;
