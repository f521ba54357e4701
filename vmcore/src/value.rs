//! `Value`: one tagged machine word shared by every frontend.
//!
//! Layout of the low bits (64-bit words):
//!
//! ```text
//!   ...xxxx1   small integer, 63 bits, value = word >> 1 (arithmetic)
//!   ...xx000   heap pointer (8-byte aligned object header); 0 is EMPTY
//!   ...xx010   immediate constant: payload = word >> 3 (NONE, FALSE, TRUE, frontend ids)
//!   ...xx100   interned symbol: payload = symbol id
//!   ...xx110   character: payload = Unicode scalar value
//! ```
//!
//! Why this layout: integers are the hottest type in every language we host, so
//! they get the single-bit tag and add/subtract work on the tagged form; heap
//! pointers need no untagging at all, so field loads in JIT code are one
//! instruction. The GC scans stacks conservatively, so a tagged word that happens
//! to look like a pointer only retains memory; it is never misread as an object.

use std::fmt;

/// A tagged word: small int, heap reference, immediate, symbol or char.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

const TAG_MASK: u64 = 0b111;
const TAG_IMM: u64 = 0b010;
const TAG_SYM: u64 = 0b100;
const TAG_CHAR: u64 = 0b110;

/// Smallest and largest integers that fit a small-int `Value`.
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

impl Value {
    /// The absent value: a null pointer. Marks empty slots; never a language value.
    pub const EMPTY: Value = Value(0);
    /// Immediates shared by all frontends (each language names them its own way).
    pub const NONE: Value = Value::imm(0);
    pub const FALSE: Value = Value::imm(1);
    pub const TRUE: Value = Value::imm(2);
    /// First immediate id a frontend may use for its own constants.
    pub const FIRST_FRONTEND_IMM: u64 = 16;

    #[inline(always)]
    pub const fn imm(id: u64) -> Value {
        Value((id << 3) | TAG_IMM)
    }
    #[inline(always)]
    pub fn is_imm(self) -> bool {
        self.0 & TAG_MASK == TAG_IMM
    }
    #[inline(always)]
    pub fn imm_id(self) -> u64 {
        self.0 >> 3
    }
    #[inline(always)]
    pub fn from_bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }

    /// A small integer, or None when `i` needs more than 63 bits.
    #[inline(always)]
    pub fn try_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value(((i as u64) << 1) | 1))
        } else {
            None
        }
    }
    /// A small integer; the caller guarantees the range.
    #[inline(always)]
    pub fn int_unchecked(i: i64) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        Value(((i as u64) << 1) | 1)
    }
    #[inline(always)]
    pub fn is_int(self) -> bool {
        self.0 & 1 == 1
    }
    #[inline(always)]
    pub fn as_int(self) -> i64 {
        debug_assert!(self.is_int());
        (self.0 as i64) >> 1
    }
    #[inline(always)]
    pub fn get_int(self) -> Option<i64> {
        if self.is_int() { Some(self.as_int()) } else { None }
    }

    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        self.0 & TAG_MASK == 0 && self.0 != 0
    }
    #[inline(always)]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn as_ptr(self) -> *mut u8 {
        debug_assert!(self.is_ptr());
        self.0 as *mut u8
    }
    #[inline(always)]
    pub fn from_ptr(p: *const u8) -> Value {
        debug_assert!(p as u64 & TAG_MASK == 0);
        Value(p as u64)
    }

    #[inline(always)]
    pub fn symbol(id: u32) -> Value {
        Value(((id as u64) << 3) | TAG_SYM)
    }
    #[inline(always)]
    pub fn is_symbol(self) -> bool {
        self.0 & TAG_MASK == TAG_SYM
    }
    #[inline(always)]
    pub fn symbol_id(self) -> u32 {
        (self.0 >> 3) as u32
    }

    #[inline(always)]
    pub fn from_char(c: char) -> Value {
        Value(((c as u64) << 3) | TAG_CHAR)
    }
    #[inline(always)]
    pub fn is_char(self) -> bool {
        self.0 & TAG_MASK == TAG_CHAR
    }
    #[inline(always)]
    pub fn as_char(self) -> char {
        // Invariant: only `from_char` builds char-tagged words.
        char::from_u32((self.0 >> 3) as u32).unwrap_or('\u{fffd}')
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_int() {
            write!(f, "Int({})", self.as_int())
        } else if self.is_empty() {
            write!(f, "Empty")
        } else if self.is_ptr() {
            write!(f, "Ptr({:#x})", self.0)
        } else if *self == Value::NONE {
            write!(f, "None")
        } else if *self == Value::TRUE {
            write!(f, "True")
        } else if *self == Value::FALSE {
            write!(f, "False")
        } else if self.is_imm() {
            write!(f, "Imm({})", self.imm_id())
        } else if self.is_symbol() {
            write!(f, "Sym({})", crate::object::symbol::name(self.symbol_id()))
        } else {
            write!(f, "Char({:?})", self.as_char())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, 12345, -98765] {
            let v = Value::try_int(i).unwrap();
            assert!(v.is_int() && !v.is_ptr());
            assert_eq!(v.as_int(), i);
        }
        assert!(Value::try_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::try_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn tags_are_disjoint() {
        let vs = [Value::NONE, Value::TRUE, Value::FALSE, Value::symbol(7), Value::from_char('λ'), Value::int_unchecked(3)];
        for (i, a) in vs.iter().enumerate() {
            for (j, b) in vs.iter().enumerate() {
                assert_eq!(i == j, a == b);
            }
            assert!(!a.is_ptr());
        }
        assert_eq!(Value::from_char('λ').as_char(), 'λ');
        assert_eq!(Value::symbol(7).symbol_id(), 7);
    }
}
