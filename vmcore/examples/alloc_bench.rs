//! Allocation + collection throughput of the shared heap.
//!
//! Pattern: 20 million short-lived 4-word objects, each linking to the
//! previous one, with the chain cut every 100 objects, so almost everything
//! dies young while a little stays reachable. `alloc_bench.py` beside this
//! file is the same pattern for CPython 2.7 (4-tuples).
//!
//! Run: `cargo run --release -p vmcore --example alloc_bench [N]`

use std::cell::Cell;
use std::time::Instant;
use vmcore::gc::{alloc, stats, Trace, Tracer};
use vmcore::Value;

struct Node {
    next: Cell<Value>,
    payload: [u64; 3],
}
unsafe impl Trace for Node {
    fn trace(&self, t: &mut Tracer) {
        t.value(self.next.get())
    }
}
vmcore::gc_type!(Node, "node");

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000_000);
    let start = Instant::now();
    let mut head = Value::NONE;
    for i in 0..n {
        let next = if i % 100 == 0 { Value::NONE } else { head };
        head = alloc(Node { next: Cell::new(next), payload: [i; 3] }).as_value();
    }
    std::hint::black_box(head);
    let secs = start.elapsed().as_secs_f64();
    let st = stats();
    println!(
        "{n} objects in {secs:.3} s: {:.1} M objects/s, {:.0} MB/s allocated, {} collections",
        n as f64 / secs / 1e6,
        st.allocated_bytes as f64 / secs / 1e6,
        st.collections
    );
}
