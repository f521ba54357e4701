use super::*;
use crate::value::Value;
use std::cell::Cell;

/// A cons cell: the smallest interesting heap object.
struct Pair {
    head: Cell<Value>,
    tail: Cell<Value>,
}
unsafe impl Trace for Pair {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.head.get());
        t.value(self.tail.get());
    }
}
crate::gc_type!(Pair, "pair");

fn cons(h: Value, t: Value) -> Value {
    alloc(Pair { head: Cell::new(h), tail: Cell::new(t) }).as_value()
}

fn list_sum(mut v: Value) -> i64 {
    let mut s = 0;
    while let Some(p) = Gc::<Pair>::downcast(v) {
        s += p.head.get().as_int();
        v = p.tail.get();
    }
    s
}

#[test]
fn linked_list_survives_many_collections() {
    let mut list = Value::NONE;
    for i in 0..10_000 {
        list = cons(Value::int_unchecked(i), list);
        if i % 1000 == 0 {
            collect();
        }
        // Garbage in between so that freed cells get reused.
        for _ in 0..3 {
            cons(Value::int_unchecked(-1), Value::NONE);
        }
    }
    for _ in 0..5 {
        collect();
        assert_eq!(list_sum(list), (0..10_000).sum::<i64>());
    }
}

#[test]
fn value_held_only_in_a_local_survives() {
    let v = cons(Value::int_unchecked(42), Value::NONE);
    let v = std::hint::black_box(v);
    collect();
    for _ in 0..100_000 {
        cons(Value::int_unchecked(0), Value::NONE);
    }
    collect();
    assert_eq!(Gc::<Pair>::downcast(v).unwrap().head.get().as_int(), 42);
}

#[test]
fn interior_pointer_on_the_stack_keeps_object() {
    let g = alloc(Pair { head: Cell::new(Value::int_unchecked(7)), tail: Cell::new(Value::NONE) });
    let interior: *const Cell<Value> = &g.tail;
    let addr = std::hint::black_box(interior as usize);
    drop(g);
    collect();
    for _ in 0..50_000 {
        cons(Value::int_unchecked(0), Value::NONE);
    }
    let back = Gc::<Pair>::downcast(Value((addr - 16) as u64)).unwrap();
    assert_eq!(back.head.get().as_int(), 7);
}

#[test]
fn unreachable_memory_is_reused() {
    collect();
    let before = stats().heap_bytes;
    for i in 0..2_000_000 {
        cons(Value::int_unchecked(i), Value::NONE);
    }
    collect();
    let after = stats().heap_bytes;
    assert!(after < before + (16 << 20), "heap grew from {before} to {after}");
    assert!(stats().collections > 2);
}

/// Builds a weak ref whose target and a finalizable object die at once; only
/// disguised addresses escape, so the conservative scan cannot see them.
#[inline(never)]
fn make_dying() -> (Gc<WeakRef>, u64) {
    let w = new_weak(cons(Value::int_unchecked(2), Value::NONE), Value::TRUE);
    let fin = cons(Value::int_unchecked(3), Value::NONE);
    register_finalizer(fin);
    (w, fin.0 ^ 0x5555)
}

#[test]
fn weak_refs_clear_and_finalizers_queue() {
    let strong = cons(Value::int_unchecked(1), Value::NONE);
    let w_live = new_weak(strong, Value::NONE);
    let (w_dead, fin_hidden) = make_dying();
    scrub_stack();
    collect();
    assert_eq!(w_live.target.get(), strong);
    assert!(w_dead.target.get().is_empty(), "dead target must be cleared");
    assert!(take_cleared_weakrefs().contains(&w_dead));
    let pending = take_pending_finalizers();
    assert_eq!(pending, vec![Value(fin_hidden ^ 0x5555)]);
    // Resurrected for its finalizer: still intact.
    assert_eq!(Gc::<Pair>::downcast(pending[0]).unwrap().head.get().as_int(), 3);
    std::hint::black_box(strong);
}

#[inline(never)]
fn scrub_stack() {
    let mut buf = [0u64; 4096];
    std::hint::black_box(&mut buf);
}

#[test]
fn rooted_vec_keeps_values_in_rust_memory() {
    let mut rv = RootedVec::new();
    for i in 0..1000 {
        rv.push(cons(Value::int_unchecked(i), Value::NONE));
    }
    collect();
    for _ in 0..200_000 {
        cons(Value::int_unchecked(0), Value::NONE);
    }
    for (i, v) in rv.iter().enumerate() {
        assert_eq!(Gc::<Pair>::downcast(*v).unwrap().head.get().as_int(), i as i64);
    }
}

struct Big {
    items: Vec<Value>,
}
unsafe impl Trace for Big {
    fn trace(&self, t: &mut Tracer) {
        t.values(&self.items)
    }
}
crate::gc_type!(Big, "big");

struct Blob([u64; 1000]);
unsafe impl Trace for Blob {
    fn trace(&self, _: &mut Tracer) {}
}
crate::gc_type!(Blob, "blob");

#[test]
fn large_objects_are_collected_and_traced() {
    let keep = alloc(Blob([7; 1000]));
    let holder = alloc(Big { items: vec![keep.as_value()] });
    for _ in 0..5000 {
        alloc(Blob([1; 1000]));
    }
    collect();
    assert!(stats().heap_bytes < 64 << 20);
    assert_eq!(Gc::<Blob>::downcast(holder.items[0]).unwrap().0[999], 7);
    assert!(is_heap_object(keep.as_value()));
    assert!(!is_heap_object(Value(0x1000)));
}
