//! Warm-up counters: how the JIT decides what is hot.
//!
//! Each green key (a loop header or function entry in the user's program)
//! has a counter bumped on every `can_enter_jit`. When it reaches the
//! threshold the key is hot and the tracer may record from it. The table is a
//! small direct-mapped cache, as in LuaJIT's hotcount table: collisions only
//! make some loops hot a little early, which is harmless.

/// A program position chosen by the frontend, e.g. (code object address, pc).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GreenKey {
    pub code: usize,
    pub pc: u32,
}

const SLOTS: usize = 1024;

pub struct HotCounters {
    threshold: u32,
    counts: Box<[u32; SLOTS]>,
}

impl HotCounters {
    pub fn new(threshold: u32) -> HotCounters {
        HotCounters { threshold: threshold.max(1), counts: Box::new([0; SLOTS]) }
    }

    fn slot(key: GreenKey) -> usize {
        let h = (key.code as u64 ^ ((key.pc as u64) << 7)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 54) as usize % SLOTS
    }

    /// Counts one entry; true exactly when the key becomes hot.
    #[inline]
    pub fn tick(&mut self, key: GreenKey) -> bool {
        let c = &mut self.counts[Self::slot(key)];
        *c += 1;
        if *c >= self.threshold {
            *c = 0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn becomes_hot_at_threshold() {
        let mut h = HotCounters::new(3);
        let k = GreenKey { code: 0x1000, pc: 4 };
        assert!(!h.tick(k));
        assert!(!h.tick(k));
        assert!(h.tick(k));
        assert!(!h.tick(k));
        let mut one = HotCounters::new(1);
        assert!(one.tick(k));
    }
}
