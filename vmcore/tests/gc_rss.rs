//! Peak memory: allocating 10 million short-lived objects must stay under
//! 100 MB of resident memory, i.e. garbage really is reclaimed and reused.
//! (Its own test binary, so that no other test inflates the peak.)

use std::cell::Cell;
use vmcore::gc::{alloc, Trace, Tracer};
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

fn peak_rss_mb() -> f64 {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    ru.ru_maxrss as f64 / 1024.0
}

#[test]
fn ten_million_short_lived_objects_stay_under_100mb() {
    // A short chain kept alive the whole time, replaced every 100 objects.
    let mut head = Value::NONE;
    for i in 0..10_000_000u64 {
        let n = alloc(Node { next: Cell::new(if i % 100 == 0 { Value::NONE } else { head }), payload: [i; 3] });
        head = n.as_value();
    }
    std::hint::black_box(head);
    let peak = peak_rss_mb();
    let st = vmcore::gc::stats();
    eprintln!("peak RSS {peak:.1} MB after {} collections", st.collections);
    assert!(peak < 100.0, "peak RSS {peak:.1} MB");
    assert!(st.collections > 10);
}
