//! Character classes and case folding as SRE sees them.
//!
//! Three families, chosen by the pattern's flags at compile time (the
//! compiler emits different category and `at` codes for each):
//! - default: ASCII only (`\w` is `[a-zA-Z0-9_]`, `\s` the six ASCII
//!   spaces, a line break is `\n`), for str and unicode subjects alike;
//! - LOCALE: the C library's classes for the current locale. We never call
//!   setlocale, so that is the C locale, which is ASCII again (bytes >= 128
//!   have no class and no case);
//! - UNICODE: the Unicode database, applied to code points (a byte of a str
//!   subject counts as the Latin-1 code point of the same value).

use crate::objects::str_methods::Ch;
use crate::objects::unicode_methods::{is_decimal, is_numeric};

/// Category codes (sre_constants.CHCODES order).
pub mod cat {
    pub const DIGIT: u32 = 0;
    pub const NOT_DIGIT: u32 = 1;
    pub const SPACE: u32 = 2;
    pub const NOT_SPACE: u32 = 3;
    pub const WORD: u32 = 4;
    pub const NOT_WORD: u32 = 5;
    pub const LINEBREAK: u32 = 6;
    pub const NOT_LINEBREAK: u32 = 7;
    pub const LOC_WORD: u32 = 8;
    pub const LOC_NOT_WORD: u32 = 9;
    pub const UNI_DIGIT: u32 = 10;
    pub const UNI_NOT_DIGIT: u32 = 11;
    pub const UNI_SPACE: u32 = 12;
    pub const UNI_NOT_SPACE: u32 = 13;
    pub const UNI_WORD: u32 = 14;
    pub const UNI_NOT_WORD: u32 = 15;
    pub const UNI_LINEBREAK: u32 = 16;
    pub const UNI_NOT_LINEBREAK: u32 = 17;
    pub const COUNT: u32 = 18;
}

pub fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

pub fn is_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

pub fn is_linebreak(c: u32) -> bool {
    c == b'\n' as u32
}

/// `\w` without flags, and in the C locale too (`isalnum(c) || c == '_'`).
#[inline]
pub fn is_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

pub fn uni_is_space(c: u32) -> bool {
    Ch::is_space(c)
}

pub fn uni_is_linebreak(c: u32) -> bool {
    Ch::is_linebreak(c)
}

/// `Py_UNICODE_ISALNUM(c) || c == '_'`: letters and anything numeric.
pub fn uni_is_word(c: u32) -> bool {
    c == b'_' as u32 || Ch::is_alpha(c) || is_numeric(c)
}

/// Lower-casing for IGNORECASE without UNICODE: ASCII letters only (the C
/// locale's `tolower` is the same map).
pub fn lower_ascii(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) { c + 32 } else { c }
}

/// Lower-casing for IGNORECASE|UNICODE: the simple one-to-one mapping.
pub fn lower_unicode(c: u32) -> u32 {
    Ch::to_lower(c)
}

/// Whether `c` is in category `code`; unknown codes are never matched (the
/// validator rejects them anyway).
#[inline]
pub fn category(code: u32, c: u32) -> bool {
    match code {
        cat::DIGIT => is_digit(c),
        cat::NOT_DIGIT => !is_digit(c),
        cat::SPACE => is_space(c),
        cat::NOT_SPACE => !is_space(c),
        cat::WORD | cat::LOC_WORD => is_word(c),
        cat::NOT_WORD | cat::LOC_NOT_WORD => !is_word(c),
        cat::LINEBREAK => is_linebreak(c),
        cat::NOT_LINEBREAK => !is_linebreak(c),
        cat::UNI_DIGIT => is_decimal(c),
        cat::UNI_NOT_DIGIT => !is_decimal(c),
        cat::UNI_SPACE => uni_is_space(c),
        cat::UNI_NOT_SPACE => !uni_is_space(c),
        cat::UNI_WORD => uni_is_word(c),
        cat::UNI_NOT_WORD => !uni_is_word(c),
        cat::UNI_LINEBREAK => uni_is_linebreak(c),
        cat::UNI_NOT_LINEBREAK => !uni_is_linebreak(c),
        _ => false,
    }
}
