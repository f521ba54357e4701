//! Allocation removal for objects that never escape the trace.
//!
//! Interpreters allocate constantly: a boxed float for every intermediate
//! result, a tuple to return two values, a frame object per call. Inside
//! a trace many of these objects are born, read and dropped without anyone
//! else ever seeing them. Such an object does not need to exist: its fields
//! can live in SSA values. This pass finds `new` results that are used only
//! as the base of `setfield`/`getfield` with constant offsets, deletes the
//! allocation and those stores, and replaces each load by the value last
//! stored at that offset (or 0, the fresh object's contents).
//!
//! It is sound because nothing but the trace could observe the object: it is
//! not passed to a call, stored into another object, passed round the loop,
//! compared, or named in a snapshot (a failing guard would have to rebuild it
//! in the heap; resume data for virtual objects is future work, so for now
//! an object a snapshot mentions counts as escaped and stays allocated).

use super::Rewriter;
use crate::ir::{is_const, Op, Ref, Trace};
use std::collections::{HashMap, HashSet};

/// Runs the pass.
pub fn run(t: &Trace) -> Trace {
    // 1. Which allocations escape?
    let mut virt: HashSet<Ref> = t
        .insts
        .iter()
        .enumerate()
        .filter(|(_, i)| i.op == Op::New)
        .map(|(k, _)| k as Ref)
        .collect();
    for inst in &t.insts {
        for (k, &a) in inst.args.iter().enumerate() {
            if is_const(a) || !virt.contains(&a) {
                continue;
            }
            let as_base = matches!(inst.op, Op::GetField | Op::SetField) && k == 0;
            let const_off = inst.args.get(1).is_some_and(|&o| is_const(o));
            if !(as_base && const_off) {
                virt.remove(&a);
            }
        }
        if inst.op.is_guard() {
            if let Some(s) = t.snapshots.get(inst.snap as usize) {
                for (_, r) in &s.slots {
                    virt.remove(r);
                }
            }
        }
    }
    // 2. Rewrite: fields of virtual objects become SSA values.
    let mut w = Rewriter::new(t);
    let mut fields: HashMap<(Ref, i64), Ref> = HashMap::new();
    for i in 0..t.insts.len() {
        let inst = &t.insts[i];
        let base = inst.args.first().copied().unwrap_or(u32::MAX);
        match inst.op {
            Op::New if virt.contains(&(i as Ref)) => {}
            Op::SetField if virt.contains(&base) => {
                let off = t.const_of(inst.args[1]).unwrap_or(0);
                let v = w.arg(inst.args[2]);
                fields.insert((base, off), v);
            }
            Op::GetField if virt.contains(&base) => {
                let off = t.const_of(inst.args[1]).unwrap_or(0);
                let v = match fields.get(&(base, off)) {
                    Some(&v) => v,
                    None => w.new.konst(0),
                };
                w.bind(i, v);
            }
            _ => {
                w.copy(i);
            }
        }
    }
    w.new
}

#[cfg(test)]
mod tests {
    use crate::opt::check;

    #[test]
    fn a_box_that_never_escapes_is_not_allocated() {
        // A float boxed, then unboxed: the box goes, the value flows straight through.
        check(
            super::run,
            "v0 = input #0
             label v0
             v2 = new #4096, #16
             setfield v2, #0, #777
             setfield v2, #8, v0
             v5 = getfield v2, #8
             v6 = float_add v5, v5
             jump v6",
            "v0 = input #0
             label v0
             v6 = float_add v0, v0
             jump v6",
        );
    }

    #[test]
    fn an_escaping_box_stays() {
        let src = "v0 = input #0
             label v0
             v2 = new #4096, #16
             setfield v2, #8, v0
             v4 = getfield v2, #8
             v5 = int_lt v4, #10
             guard_true v5 [0:1 | 0=v2]
             jump v2";
        check(super::run, src, src);
    }
}
