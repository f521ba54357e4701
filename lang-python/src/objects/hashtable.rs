//! The open-addressing table behind `dict`, `set` and `frozenset`.
//!
//! It reproduces CPython 2.7's tables exactly: the same probe sequence
//! (`i = 5*i + perturb + 1`, `perturb >>= 5`), the same growth rule (resize
//! when two thirds full, to 4x the used count, 2x above 50,000 entries), the
//! same treatment of deleted slots (dummies, never shrunk on delete) and the
//! same re-insertion order on resize. Iteration walks slots in table order,
//! so printing a dict or set gives CPython's output, which real programs
//! (and their expected-output files) depend on.
//!
//! Key comparison can run Python code (`__eq__`), which can mutate the
//! table; as in CPython, a lookup that sees the table change under it starts
//! over.

use crate::ops;
use crate::runtime::PyResult;
use vmcore::gc::{Trace, Tracer};
use vmcore::Value;

pub const MIN_SIZE: usize = 8;
/// Marks a deleted slot. Never visible to Python code.
pub const DUMMY: Value = Value::imm(Value::FIRST_FRONTEND_IMM + 7);

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// EMPTY: never used; DUMMY: deleted; otherwise a live key.
    pub key: Value,
    pub value: Value,
}

const FREE: Entry = Entry { hash: 0, key: Value::EMPTY, value: Value::EMPTY };

pub struct Table {
    /// Live + dummy slots.
    pub fill: usize,
    /// Live slots.
    pub used: usize,
    pub entries: Vec<Entry>,
    /// Bumped on every structural change, for iterators and restarted lookups.
    pub version: u64,
}

unsafe impl Trace for Table {
    fn trace(&self, t: &mut Tracer) {
        for e in &self.entries {
            if e.key.is_ptr() {
                t.value(e.key);
            }
            t.value(e.value);
        }
    }
}

impl Default for Table {
    fn default() -> Self {
        Self::new()
    }
}

impl Table {
    pub fn new() -> Table {
        Table { fill: 0, used: 0, entries: vec![FREE; MIN_SIZE], version: 0 }
    }

    /// A table sized for `n` entries up front (dict literals, as BUILD_MAP does).
    pub fn presized(n: usize) -> Table {
        let mut t = Table::new();
        if n > 5 {
            t.resize(n);
        }
        t
    }

    #[inline]
    fn mask(&self) -> usize {
        self.entries.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Slot index for `key`: its live slot if present, else the slot where it
    /// would be inserted. Runs Python `__eq__` when hashes collide.
    fn lookup(this: *mut Table, key: Value, hash: i64) -> PyResult<usize> {
        'restart: loop {
            // SAFETY: `this` points to a live table; we re-read it after every
            // call that can run Python code.
            let t = unsafe { &*this };
            let mask = t.mask();
            let version = t.version;
            let len = t.entries.len();
            let mut i = (hash as usize) & mask;
            let mut freeslot: Option<usize> = None;
            let mut perturb = hash as u64 as usize;
            loop {
                let t = unsafe { &*this };
                let e = t.entries[i & mask];
                if e.key.is_empty() {
                    return Ok(freeslot.unwrap_or(i & mask));
                }
                if e.key == key {
                    return Ok(i & mask);
                }
                if e.key == DUMMY {
                    if freeslot.is_none() {
                        freeslot = Some(i & mask);
                    }
                } else if e.hash == hash {
                    let same = ops::eq_bool(e.key, key)?;
                    let t = unsafe { &*this };
                    if t.version != version || t.entries.len() != len {
                        continue 'restart;
                    }
                    if same {
                        return Ok(i & mask);
                    }
                }
                i = (i << 2).wrapping_add(i).wrapping_add(perturb).wrapping_add(1);
                perturb >>= 5;
            }
        }
    }

    pub fn get(this: *mut Table, key: Value, hash: i64) -> PyResult<Option<Value>> {
        let i = Self::lookup(this, key, hash)?;
        let e = unsafe { (&*this).entries[i] };
        Ok(if e.key.is_empty() || e.key == DUMMY { None } else { Some(e.value) })
    }

    /// Inserts or replaces; grows the table by CPython's rule.
    pub fn insert(this: *mut Table, key: Value, hash: i64, value: Value) -> PyResult<()> {
        Self::insert_impl(this, key, hash, value, true)
    }

    /// Inserts without the growth check, as CPython's bare `insertdict` does
    /// after a caller sized the table (`dict.fromkeys`). The caller
    /// guarantees at least one free slot remains.
    pub fn insert_noresize(this: *mut Table, key: Value, hash: i64, value: Value) -> PyResult<()> {
        Self::insert_impl(this, key, hash, value, false)
    }

    fn insert_impl(this: *mut Table, key: Value, hash: i64, value: Value, grow: bool) -> PyResult<()> {
        let i = Self::lookup(this, key, hash)?;
        let t = unsafe { &mut *this };
        let e = &mut t.entries[i];
        if !e.key.is_empty() && e.key != DUMMY {
            e.value = value;
            return Ok(());
        }
        if e.key.is_empty() {
            t.fill += 1;
        }
        *e = Entry { hash, key, value };
        t.used += 1;
        t.version += 1;
        if grow && t.fill * 3 >= (t.mask() + 1) * 2 || t.fill == t.mask() + 1 {
            let n = if t.used > 50_000 { 2 * t.used } else { 4 * t.used };
            t.resize(n);
        }
        Ok(())
    }

    /// Removes `key`; returns its value if it was present.
    pub fn remove(this: *mut Table, key: Value, hash: i64) -> PyResult<Option<Value>> {
        let i = Self::lookup(this, key, hash)?;
        let t = unsafe { &mut *this };
        let e = &mut t.entries[i];
        if e.key.is_empty() || e.key == DUMMY {
            return Ok(None);
        }
        let v = e.value;
        e.key = DUMMY;
        e.value = Value::EMPTY;
        t.used -= 1;
        t.version += 1;
        Ok(Some(v))
    }

    /// Rebuilds the table with the smallest power of two above `minused`,
    /// re-inserting live entries in slot order.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.entries, vec![FREE; size]);
        vmcore::gc::note_external_bytes(size * std::mem::size_of::<Entry>());
        self.fill = 0;
        self.used = 0;
        self.version += 1;
        for e in old {
            if !e.key.is_empty() && e.key != DUMMY {
                self.insert_clean(e);
            }
        }
    }

    /// Insert into a table known to hold neither the key nor dummies.
    fn insert_clean(&mut self, e: Entry) {
        let mask = self.mask();
        let mut i = (e.hash as usize) & mask;
        let mut perturb = e.hash as u64 as usize;
        while !self.entries[i & mask].key.is_empty() {
            i = (i << 2).wrapping_add(i).wrapping_add(perturb).wrapping_add(1);
            perturb >>= 5;
        }
        self.entries[i & mask] = e;
        self.fill += 1;
        self.used += 1;
    }

    /// Makes room for `extra` more entries as CPython's merge/update does.
    pub fn reserve_for_merge(&mut self, extra: usize) {
        if (self.fill + extra) * 3 >= (self.mask() + 1) * 2 {
            self.resize((self.used + extra) * 2);
        }
    }

    pub fn clear(&mut self) {
        *self = Table { version: self.version + 1, ..Table::new() };
    }

    /// Live entries in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_empty() && e.key != DUMMY)
    }

    /// The live entry at or after slot `pos`, for iterators: (slot, entry).
    pub fn next_from(&self, pos: usize) -> Option<(usize, Entry)> {
        (pos..self.entries.len()).map(|i| (i, self.entries[i])).find(|(_, e)| !e.key.is_empty() && e.key != DUMMY)
    }

    /// Removes and returns an entry as `dict.popitem` and `set.pop` do:
    /// scanning from a finger kept in slot 0's hash field (when slot 0 holds
    /// no live entry), so repeated pops don't rescan the table — and the
    /// order of pops is CPython's. None when the table is empty.
    pub fn pop_any(&mut self) -> Option<Entry> {
        if self.used == 0 {
            return None;
        }
        let live = |e: &Entry| !e.key.is_empty() && e.key != DUMMY;
        let mask = self.mask();
        let mut i = 0usize;
        if !live(&self.entries[0]) {
            let f = self.entries[0].hash;
            i = if f < 1 || f as usize > mask { 1 } else { f as usize };
            while !live(&self.entries[i]) {
                i += 1;
                if i > mask {
                    i = 1;
                }
            }
        }
        let e = self.entries[i];
        self.entries[i] = Entry { hash: e.hash, key: DUMMY, value: Value::EMPTY };
        self.used -= 1;
        self.version += 1;
        self.entries[0].hash = i as i64 + 1;
        Some(e)
    }
}
