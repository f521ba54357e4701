//! Blocks: the unit of memory the heap carves into cells of one size.
//!
//! Every block is `BLOCK_SIZE` bytes and `BLOCK_SIZE`-aligned, and begins with its
//! own header (cell size, mark and allocation bitmaps). Because of the alignment,
//! the header of the block holding any small object is found by masking the
//! object's address: marking a precisely known pointer is a mask, a divide and a
//! bit set, with no table lookup. Large objects live in their own mappings, which
//! are aligned the same way and carry the same header with a single cell, so the
//! marking code does not distinguish the two.

use std::ptr;

pub const BLOCK_SIZE: usize = 64 * 1024;
/// Cells per block at most (16-byte minimum cell); sizes the bitmaps.
const MAX_CELLS: usize = BLOCK_SIZE / 16;
const BITMAP_WORDS: usize = MAX_CELLS / 64;

/// Size classes for small objects, in bytes including the one-word header.
pub const SIZE_CLASSES: [usize; 25] = [
    16, 24, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 1024,
    1280, 1536, 2048, 3072, 4096,
];
pub const MAX_SMALL: usize = 4096;

/// Size class index for every multiple of 8 up to `MAX_SMALL`.
pub static CLASS_OF: [u8; MAX_SMALL / 8 + 1] = {
    let mut t = [0u8; MAX_SMALL / 8 + 1];
    let mut words = 0;
    let mut c = 0;
    while words <= MAX_SMALL / 8 {
        while SIZE_CLASSES[c] < words * 8 {
            c += 1;
        }
        t[words] = c as u8;
        words += 1;
    }
    t
};

#[repr(C)]
pub struct Block {
    pub cell_size: u32,
    pub n_cells: u32,
    /// Offset of cell 0 from the block base.
    pub first_cell: u32,
    /// Number of cells marked live by the last collection (for heap sizing).
    pub live_cells: u32,
    pub is_large: bool,
    /// Some cell ever held an object with drop glue. Blocks of plain data
    /// (floats, tuples, instances) skip the per-dead-cell header reads in
    /// `sweep`, which would otherwise touch every dead object.
    pub has_drop: bool,
    pub marks: [u64; BITMAP_WORDS],
    pub alloc: [u64; BITMAP_WORDS],
}

pub const HEADER_BYTES: usize = (std::mem::size_of::<Block>() + 15) & !15;

impl Block {
    /// Initialise a block header in place at `base`.
    ///
    /// # Safety
    /// `base` must be `BLOCK_SIZE`-aligned writable memory of at least `BLOCK_SIZE` bytes.
    pub unsafe fn init(base: *mut u8, cell_size: usize, is_large: bool) -> *mut Block {
        let b = base as *mut Block;
        let n_cells = if is_large { 1 } else { (BLOCK_SIZE - HEADER_BYTES) / cell_size };
        ptr::write(
            b,
            Block {
                cell_size: cell_size as u32,
                n_cells: n_cells as u32,
                first_cell: HEADER_BYTES as u32,
                live_cells: 0,
                is_large,
                has_drop: false,
                marks: [0; BITMAP_WORDS],
                alloc: [0; BITMAP_WORDS],
            },
        );
        b
    }

    #[inline(always)]
    pub fn of(obj: *const u8) -> *mut Block {
        (obj as usize & !(BLOCK_SIZE - 1)) as *mut Block
    }

    #[inline(always)]
    pub fn base(&self) -> usize {
        self as *const Block as usize
    }

    #[inline(always)]
    pub fn cell(&self, i: usize) -> *mut u8 {
        (self.base() + self.first_cell as usize + i * self.cell_size as usize) as *mut u8
    }

    /// Index of the cell containing `addr`, if `addr` lies inside a cell.
    #[inline(always)]
    pub fn cell_index(&self, addr: usize) -> Option<usize> {
        let start = self.base() + self.first_cell as usize;
        if addr < start {
            return None;
        }
        let i = (addr - start) / self.cell_size as usize;
        if i < self.n_cells as usize { Some(i) } else { None }
    }

    #[inline(always)]
    pub fn is_alloc(&self, i: usize) -> bool {
        self.alloc[i / 64] & (1 << (i % 64)) != 0
    }
    #[inline(always)]
    pub fn set_alloc(&mut self, i: usize) {
        self.alloc[i / 64] |= 1 << (i % 64);
    }
    #[inline(always)]
    pub fn is_marked(&self, i: usize) -> bool {
        self.marks[i / 64] & (1 << (i % 64)) != 0
    }
    /// Sets the mark bit; returns true if it was clear (the object is newly marked).
    #[inline(always)]
    pub fn test_and_mark(&mut self, i: usize) -> bool {
        let w = &mut self.marks[i / 64];
        let bit = 1u64 << (i % 64);
        let fresh = *w & bit == 0;
        *w |= bit;
        fresh
    }

    fn words(&self) -> usize {
        (self.n_cells as usize).div_ceil(64)
    }

    pub fn clear_marks(&mut self) {
        let n = self.words();
        self.marks[..n].fill(0);
        self.live_cells = 0;
    }

    /// First free cell at or after `from`, if any.
    #[inline]
    pub fn next_free(&self, from: usize) -> Option<usize> {
        let n = self.n_cells as usize;
        let mut i = from;
        while i < n {
            let w = self.alloc[i / 64] | ((1u64 << (i % 64)) - 1);
            if w != u64::MAX {
                let j = (i & !63) + (!w).trailing_zeros() as usize;
                return if j < n { Some(j) } else { None };
            }
            i = (i & !63) + 64;
        }
        None
    }

    /// Frees every allocated cell that the last collection did not mark, running
    /// each dead object's drop glue. Returns the number of cells still live.
    ///
    /// # Safety
    /// Every allocated cell must hold an initialised object with a valid header.
    pub unsafe fn sweep(&mut self) -> usize {
        let mut live = 0;
        for w in 0..self.words() {
            if self.has_drop {
                let mut d = self.alloc[w] & !self.marks[w];
                while d != 0 {
                    let bit = d.trailing_zeros() as usize;
                    super::drop_object(self.cell(w * 64 + bit));
                    d &= d - 1;
                }
            }
            self.alloc[w] &= self.marks[w];
            live += self.alloc[w].count_ones() as usize;
        }
        live
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_rounds_up() {
        assert_eq!(SIZE_CLASSES[CLASS_OF[1] as usize], 16);
        assert_eq!(SIZE_CLASSES[CLASS_OF[3] as usize], 24);
        assert_eq!(SIZE_CLASSES[CLASS_OF[5] as usize], 48);
        assert_eq!(SIZE_CLASSES[CLASS_OF[MAX_SMALL / 8] as usize], MAX_SMALL);
        assert!(HEADER_BYTES < BLOCK_SIZE / 8);
    }
}
