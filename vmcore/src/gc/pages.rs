//! Page-level memory from the OS: aligned mappings for blocks and large objects.
//!
//! Blocks are carved from arenas of many blocks so that the OS sees few
//! mappings; an empty block is handed back to the OS with `madvise` (its address
//! range stays ours, so recycling it costs no system call).

use super::block::BLOCK_SIZE;

/// Blocks per arena (32 MiB of address space, committed lazily by the OS).
pub const ARENA_BLOCKS: usize = 512;

/// Maps `size` bytes aligned to `BLOCK_SIZE`; None when the OS refuses.
pub fn map_aligned(size: usize) -> Option<*mut u8> {
    let size = size.div_ceil(BLOCK_SIZE) * BLOCK_SIZE;
    let over = size.checked_add(BLOCK_SIZE)?;
    // SAFETY: an anonymous private mapping has no preconditions.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            over,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    let start = p as usize;
    let aligned = (start + BLOCK_SIZE - 1) & !(BLOCK_SIZE - 1);
    // SAFETY: trimming the unaligned head and the tail of our own mapping.
    unsafe {
        if aligned > start {
            libc::munmap(start as *mut _, aligned - start);
        }
        let tail = start + over - (aligned + size);
        if tail > 0 {
            libc::munmap((aligned + size) as *mut _, tail);
        }
    }
    Some(aligned as *mut u8)
}

/// Returns a mapping made by `map_aligned`.
///
/// # Safety
/// `p` and `size` must be exactly those of one earlier `map_aligned` call.
pub unsafe fn unmap(p: *mut u8, size: usize) {
    let size = size.div_ceil(BLOCK_SIZE) * BLOCK_SIZE;
    libc::munmap(p as *mut _, size);
}

/// Tells the OS it may drop the physical pages of an unused block.
pub fn release(p: *mut u8, size: usize) {
    // SAFETY: advisory on memory we own; contents become zero-filled on next touch.
    unsafe {
        libc::madvise(p as *mut _, size, libc::MADV_DONTNEED);
    }
}
