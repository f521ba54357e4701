//! Finding roots on native stacks, conservatively.
//!
//! Interpreters, Rust helpers and JIT code keep heap references in locals and
//! registers that no one describes to us. Instead of stack maps we scan every
//! word between the stack pointer and the stack's base and treat any word that
//! points into an allocated cell (interior and tagged pointers included) as a
//! root. Callee-saved registers are spilled into a local array first so values
//! living only in registers are seen too. Objects never move while referenced
//! from a stack, so a false root only retains memory.

use std::cell::Cell;

thread_local! {
    /// Highest address of the current thread's stack (where scanning stops).
    static STACK_HI: Cell<usize> = const { Cell::new(0) };
}

/// The base (highest address) of this thread's stack.
pub fn stack_hi() -> usize {
    STACK_HI.with(|s| {
        if s.get() == 0 {
            s.set(query_stack_hi());
        }
        s.get()
    })
}

/// Overrides the scanned stack's base, e.g. while running on a coroutine stack.
/// Returns the previous value so the caller can restore it.
pub fn set_stack_hi(hi: usize) -> usize {
    let old = stack_hi();
    STACK_HI.with(|s| s.set(hi));
    old
}

fn query_stack_hi() -> usize {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; we destroy it after.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
            if !addr.is_null() {
                return addr as usize + size;
            }
        }
    }
    // Fallback: a little above the current frame; better than nothing.
    let here = 0usize;
    &here as *const usize as usize + 64 * 1024
}

/// Spills callee-saved registers, then calls `f(lo, hi)` with the range of the
/// current stack to scan (including the spilled registers).
#[inline(never)]
pub fn with_stack_range(f: &mut dyn FnMut(usize, usize)) {
    let mut regs = [0usize; 12];
    spill_registers(&mut regs);
    let lo = regs.as_ptr() as usize;
    // The array lives in this frame, below every caller's frame.
    f(lo, stack_hi());
    std::hint::black_box(&regs);
}

#[inline(always)]
fn spill_registers(regs: &mut [usize; 12]) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: stores of registers into a local array we own.
    unsafe {
        std::arch::asm!(
            "mov [{0}], rbx", "mov [{0}+8], rbp", "mov [{0}+16], r12",
            "mov [{0}+24], r13", "mov [{0}+32], r14", "mov [{0}+40], r15",
            in(reg) regs.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: stores of registers into a local array we own.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{0}]", "stp x21, x22, [{0}, #16]", "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]", "stp x27, x28, [{0}, #64]", "str x29, [{0}, #80]",
            in(reg) regs.as_mut_ptr(), options(nostack, preserves_flags)
        );
    }
    std::hint::black_box(regs);
}
