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

/// One cache line of the table: which key owns it and its count. A count of
/// `COMPILED` means "compiled code exists: enter at once".
#[derive(Copy, Clone)]
struct Slot {
    key: GreenKey,
    count: i32,
}

const COMPILED: i32 = i32::MAX;
const EMPTY: GreenKey = GreenKey { code: usize::MAX, pc: u32::MAX };

pub struct HotCounters {
    threshold: i32,
    slots: Box<[Slot]>,
}

impl HotCounters {
    pub fn new(threshold: u32) -> HotCounters {
        let threshold = threshold.clamp(1, i32::MAX as u32 / 2) as i32;
        // The table is made on first use: interpreters create counters for
        // every nested run, most of which never see a backward jump.
        HotCounters { threshold, slots: Box::default() }
    }

    /// The slot for `key`, allocating the table the first time.
    #[inline]
    fn slot_mut(&mut self, key: GreenKey) -> &mut Slot {
        if self.slots.is_empty() {
            self.slots = vec![Slot { key: EMPTY, count: 0 }; SLOTS].into_boxed_slice();
        }
        &mut self.slots[Self::slot(key)]
    }

    fn slot(key: GreenKey) -> usize {
        let h = (key.code as u64 ^ ((key.pc as u64) << 7)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 54) as usize % SLOTS
    }

    /// Counts one entry; true when the key becomes hot or has compiled code.
    #[inline]
    pub fn tick(&mut self, key: GreenKey) -> bool {
        let threshold = self.threshold;
        let s = self.slot_mut(key);
        if s.key != key {
            // A collision evicts the other key; it just warms up again later.
            *s = Slot { key, count: 0 };
        }
        if s.count == COMPILED {
            return true;
        }
        s.count += 1;
        if s.count >= threshold {
            s.count = 0;
            true
        } else {
            false
        }
    }

    /// From now on `tick(key)` is always true: compiled code waits there.
    pub fn set_compiled(&mut self, key: GreenKey) {
        *self.slot_mut(key) = Slot { key, count: COMPILED };
    }

    /// Recording from `key` failed `tries` times: wait longer before trying again.
    pub fn back_off(&mut self, key: GreenKey, tries: u32) {
        let wait = (self.threshold as i64) << tries.min(16);
        *self.slot_mut(key) = Slot { key, count: -(wait.min(i32::MAX as i64 / 2) as i32) };
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
        one.back_off(k, 2);
        assert!(!one.tick(k));
        one.set_compiled(k);
        assert!(one.tick(k) && one.tick(k));
    }
}
