//! Heap caching: remove loads whose value the trace already knows, and
//! stores that write back what is already there.
//!
//! Interpreters read and write memory constantly: a Brainfuck `+` loads a
//! cell and stores it back; a Python frame reads an attribute it just wrote.
//! Inside one trace most of these accesses hit a location the trace touched
//! a moment ago. The pass keeps a cache from a location — (kind, base,
//! index or offset) — to the value known to be there: a load fills the
//! cache, a store overwrites its own entry, and a later load of a cached
//! location is simply the cached value. A store of the value already cached
//! is dropped.
//!
//! Soundness rests on aliasing: a store must forget every cached location it
//! might overwrite. Two indices into the same base that are the same root
//! plus different constants are different locations; anything else might
//! be the same, so it is forgotten. Fields of the same offset on different
//! bases might alias; different offsets never do. Calls that may write the
//! heap forget everything; so does the loop label (the cache describes one
//! pass through the body). Byte stores keep only the low byte, so a load
//! after a byte store yields `value & 255`.

use super::Rewriter;
use crate::ir::{Op, Ref, Trace};
use std::collections::HashMap;

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
enum Kind {
    Byte,
    Field,
    Item,
}

#[derive(Copy, Clone, Debug)]
struct Entry {
    value: Ref,
    /// The value came from a byte store and still needs masking to 0..=255.
    needs_mask: bool,
}

fn split(w: &Rewriter, r: Ref) -> (Ref, i64) {
    if let Some(d) = w.def(r) {
        if d.op == Op::IntAdd {
            if let Some(c) = w.const_of(d.args[1]) {
                return (d.args[0], c);
            }
        }
    }
    (r, 0)
}

/// May locations (base1, idx1) and (base2, idx2) of the same kind be the same?
fn may_alias(w: &Rewriter, kind: Kind, a: (Ref, Ref), b: (Ref, Ref)) -> bool {
    match kind {
        Kind::Field => a.1 == b.1,
        Kind::Byte | Kind::Item => {
            if a == b {
                return true;
            }
            if a.0 != b.0 {
                return true;
            }
            let (ra, oa) = split(w, a.1);
            let (rb, ob) = split(w, b.1);
            !(ra == rb && oa != ob)
        }
    }
}

/// Runs the pass.
pub fn run(t: &Trace) -> Trace {
    let mut w = Rewriter::new(t);
    let mut cache: HashMap<(Kind, Ref, Ref), Entry> = HashMap::new();
    for i in 0..t.insts.len() {
        let op = t.insts[i].op;
        let args = w.args(i);
        let kind = match op {
            Op::GetByte | Op::SetByte => Some(Kind::Byte),
            Op::GetField | Op::SetField => Some(Kind::Field),
            Op::GetItem | Op::SetItem => Some(Kind::Item),
            _ => None,
        };
        match (op, kind) {
            (Op::GetByte | Op::GetField | Op::GetItem, Some(k)) => {
                let key = (k, args[0], args[1]);
                match cache.get(&key).copied() {
                    Some(e) if e.needs_mask => {
                        let c = w.new.konst(255);
                        let m = w.extra(Op::IntAnd, vec![e.value, c]);
                        w.bind(i, m);
                        cache.insert(key, Entry { value: m, needs_mask: false });
                    }
                    Some(e) => w.bind(i, e.value),
                    None => {
                        let r = w.emit(i, op, args);
                        cache.insert(key, Entry { value: r, needs_mask: false });
                    }
                }
            }
            (Op::SetByte | Op::SetField | Op::SetItem, Some(k)) => {
                let key = (k, args[0], args[1]);
                if let Some(e) = cache.get(&key) {
                    if e.value == args[2] && !e.needs_mask {
                        continue; // storing back what is there
                    }
                }
                cache.retain(|&(ck, b, x), _| ck != k || !may_alias(&w, k, (b, x), (args[0], args[1])));
                let value = args[2];
                w.emit(i, op, args);
                cache.insert(key, Entry { value, needs_mask: k == Kind::Byte });
            }
            (Op::Label | Op::Call | Op::CallRaises, _) => {
                cache.clear();
                w.emit(i, op, args);
            }
            _ => {
                w.emit(i, op, args);
            }
        }
    }
    w.new
}

#[cfg(test)]
mod tests {
    use crate::opt::check;

    #[test]
    fn loads_after_stores_are_forwarded() {
        // Brainfuck "+>+<+": the last load of cell 0 sees the first store.
        check(
            super::run,
            "v0 = input #0
             label v0
             v2 = getbyte #4096, v0
             v3 = int_add v2, #1
             setbyte #4096, v0, v3
             v5 = int_add v0, #1
             v6 = getbyte #4096, v5
             v7 = int_add v6, #1
             setbyte #4096, v5, v7
             v9 = getbyte #4096, v0
             v10 = int_add v9, #1
             setbyte #4096, v0, v10
             jump v0",
            "v0 = input #0
             label v0
             v2 = getbyte #4096, v0
             v3 = int_add v2, #1
             setbyte #4096, v0, v3
             v5 = int_add v0, #1
             v6 = getbyte #4096, v5
             v7 = int_add v6, #1
             setbyte #4096, v5, v7
             v9 = int_and v3, #255
             v10 = int_add v9, #1
             setbyte #4096, v0, v10
             jump v0",
        );
    }

    #[test]
    fn unknown_index_forgets_and_calls_flush() {
        check(
            super::run,
            "v0 = input #0
             v1 = input #1
             label v0, v1
             v3 = getfield v0, #8
             v4 = getfield v0, #8
             setitem v0, v1, v3
             v6 = getitem v0, v1
             setfield v1, #8, v6
             v8 = getfield v0, #8
             v9 = call #4660, v8, v8
             v10 = getitem v0, v1
             jump v10, v9",
            "v0 = input #0
             v1 = input #1
             label v0, v1
             v3 = getfield v0, #8
             setitem v0, v1, v3
             setfield v1, #8, v3
             v8 = getfield v0, #8
             v9 = call #4660, v8, v8
             v10 = getitem v0, v1
             jump v10, v9",
        );
    }
}
