//! Decoding of string literals: prefixes, quotes, escape sequences and the
//! source encoding, following CPython 2.7's ast.c `parsestr` and the
//! `string-escape` / `unicode-escape` / `raw-unicode-escape` codecs.

use super::ast::Str;
use super::source::{Encoding, SingleByte};

/// Why a literal could not be decoded; CPython turns the first into a
/// plain ValueError and the second into a SyntaxError "(unicode error) ...".
pub enum StrError {
    Value(String),
    Unicode(String),
}

/// Decodes one STRING token (prefix and quotes included).
pub fn decode(tok: &[u8], encoding: Encoding, unicode_literals: bool) -> Result<Str, StrError> {
    let mut i = 0;
    let mut unicode = unicode_literals;
    let mut raw = false;
    while i < tok.len() && !matches!(tok[i], b'\'' | b'"') {
        match tok[i] {
            b'u' | b'U' => unicode = true,
            b'b' | b'B' => unicode = false,
            b'r' | b'R' => raw = true,
            _ => {}
        }
        i += 1;
    }
    let quote = tok.get(i).copied().unwrap_or(b'\'');
    let rest = &tok[i.min(tok.len())..];
    let q = if rest.len() >= 6 && rest[1] == quote && rest[2] == quote { 3 } else { 1 };
    let body = if rest.len() >= 2 * q { &rest[q..rest.len() - q] } else { &[][..] };
    // Sources in a code page were transcoded to UTF-8; byte strings go
    // back to the code page (ast.c's "need_encoding").
    let recode = match encoding {
        Encoding::Single(cp) => Some(cp),
        _ => None,
    };
    if unicode {
        decode_unicode(body, raw, encoding).map(Str::Unicode)
    } else if raw || !body.contains(&b'\\') {
        match recode {
            Some(cp) => decode_bytes(body, Some(cp), true).map(Str::Bytes),
            None => Ok(Str::Bytes(body.to_vec())),
        }
    } else {
        decode_bytes(body, recode, false).map(Str::Bytes)
    }
}

fn hexval(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|c| c.to_digit(16))
}

/// The `string-escape` rules for byte strings (`raw`: no escapes, only
/// re-encoding).  With `recode`, UTF-8 sequences are converted back to the
/// source code page.
fn decode_bytes(s: &[u8], recode: Option<&SingleByte>, raw: bool) -> Result<Vec<u8>, StrError> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if let (Some(cp), true) = (recode, c >= 0x80) {
            let n = match c {
                0xc0..=0xdf => 1,
                0xe0..=0xef => 2,
                _ => 3,
            };
            let chunk = &s[i - 1..(i + n).min(s.len())];
            let ch = std::str::from_utf8(chunk).ok().and_then(|t| t.chars().next());
            match ch.and_then(|ch| cp.encode(ch as u32)) {
                Some(b) => out.push(b),
                None => return Err(StrError::Unicode(format!("'{}' codec can't encode character", cp.name))),
            }
            i += n;
            continue;
        }
        if raw || c != b'\\' || i >= s.len() {
            out.push(c);
            continue;
        }
        let e = s[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match s.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8); // CPython keeps the low byte of \777
            }
            b'x' => {
                let h1 = s.get(i).and_then(|&c| hexval(c as u32));
                let h2 = s.get(i + 1).and_then(|&c| hexval(c as u32));
                match (h1, h2) {
                    (Some(a), Some(b)) => {
                        out.push((a * 16 + b) as u8);
                        i += 2;
                    }
                    _ => return Err(StrError::Value("invalid \\x escape".into())),
                }
            }
            _ => {
                out.push(b'\\');
                i -= 1; // the character after the backslash is kept as is
            }
        }
    }
    Ok(out)
}

/// Source bytes of a unicode literal to code points: UTF-8 sources are
/// decoded, Latin-1 (and undeclared) ones map bytes 1:1.
fn to_code_points(s: &[u8], encoding: Encoding) -> Result<Vec<u32>, StrError> {
    if matches!(encoding, Encoding::Latin1 | Encoding::Default) {
        return Ok(s.iter().map(|&b| b as u32).collect());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b < 0x80 {
            out.push(b as u32);
            i += 1;
            continue;
        }
        let (n, init) = match b {
            0xc2..=0xdf => (1, (b & 0x1f) as u32),
            0xe0..=0xef => (2, (b & 0x0f) as u32),
            0xf0..=0xf4 => (3, (b & 0x07) as u32),
            _ => return Err(utf8_error(b, i)),
        };
        let mut v = init;
        for k in 1..=n {
            match s.get(i + k) {
                Some(&c) if c & 0xc0 == 0x80 => v = (v << 6) | (c & 0x3f) as u32,
                _ => return Err(utf8_error(b, i)),
            }
        }
        out.push(v);
        i += n + 1;
    }
    Ok(out)
}

fn utf8_error(b: u8, pos: usize) -> StrError {
    StrError::Unicode(format!("'utf8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b, pos))
}

fn uerr(codec: &str, start: usize, end: usize, msg: &str) -> StrError {
    let pos = if end > start + 1 { format!("bytes in position {}-{}", start, end - 1) } else { format!("byte 0x5c in position {}", start) };
    StrError::Unicode(format!("'{}' codec can't decode {}: {}", codec, pos, msg))
}

fn decode_unicode(body: &[u8], raw: bool, encoding: Encoding) -> Result<Vec<u32>, StrError> {
    let s = to_code_points(body, encoding)?;
    if raw {
        return decode_raw_unicode(&s);
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c != '\\' as u32 || i + 1 >= s.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let e = s[i + 1];
        i += 2;
        let simple = match char::from_u32(e).unwrap_or('\0') {
            '\n' => Some(None),
            '\\' => Some(Some('\\' as u32)),
            '\'' => Some(Some('\'' as u32)),
            '"' => Some(Some('"' as u32)),
            'b' => Some(Some(8)),
            'f' => Some(Some(12)),
            't' => Some(Some(9)),
            'n' => Some(Some(10)),
            'r' => Some(Some(13)),
            'v' => Some(Some(11)),
            'a' => Some(Some(7)),
            _ => None,
        };
        if let Some(v) = simple {
            out.extend(v);
            continue;
        }
        match char::from_u32(e).unwrap_or('\0') {
            '0'..='7' => {
                let mut v = e - '0' as u32;
                for _ in 0..2 {
                    match s.get(i) {
                        Some(&d) if ('0' as u32..='7' as u32).contains(&d) => {
                            v = v * 8 + d - '0' as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v);
            }
            'x' | 'u' | 'U' => {
                let (count, msg) = match e as u8 {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v = 0u32;
                for k in 0..count {
                    match s.get(i + k).and_then(|&c| hexval(c)) {
                        Some(h) => v = v.wrapping_mul(16).wrapping_add(h),
                        None => {
                            let end = (i + k + 1).min(s.len());
                            return Err(uerr("unicodeescape", start, end, msg));
                        }
                    }
                }
                i += count;
                if v > 0x10ffff {
                    return Err(uerr("unicodeescape", start, i, "illegal Unicode character"));
                }
                out.push(v);
            }
            'N' => {
                // \N{NAME}
                let close = if s.get(i) == Some(&('{' as u32)) {
                    s[i..].iter().position(|&c| c == '}' as u32).map(|p| i + p)
                } else {
                    None
                };
                let close = match close {
                    Some(c) if c > i + 1 => c,
                    _ => return Err(uerr("unicodeescape", start, s.len(), "malformed \\N character escape")),
                };
                let name: String = s[i + 1..close].iter().map(|&c| char::from_u32(c).unwrap_or('?')).collect();
                match lookup_name(&name) {
                    Some(v) => out.push(v),
                    None => return Err(uerr("unicodeescape", start, close + 1, "unknown Unicode character name")),
                }
                i = close + 1;
            }
            _ => {
                // Unknown escapes keep their backslash.
                out.push('\\' as u32);
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// `ur'...'`: only \u and \U escapes, and only after an odd number of
/// backslashes.
fn decode_raw_unicode(s: &[u32]) -> Result<Vec<u32>, StrError> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] != '\\' as u32 {
            out.push(s[i]);
            i += 1;
            continue;
        }
        let start = i;
        let mut n = 0;
        while i < s.len() && s[i] == '\\' as u32 {
            out.push(s[i]);
            i += 1;
            n += 1;
        }
        let is_u = i < s.len() && (s[i] == 'u' as u32 || s[i] == 'U' as u32);
        if n % 2 == 0 || !is_u {
            continue;
        }
        out.pop();
        let count = if s[i] == 'u' as u32 { 4 } else { 8 };
        i += 1;
        let mut v = 0u32;
        for k in 0..count {
            match s.get(i + k).and_then(|&c| hexval(c)) {
                Some(h) => v = v.wrapping_mul(16).wrapping_add(h),
                None => {
                    let msg = if count == 4 { "truncated \\uXXXX" } else { "truncated \\UXXXXXXXX" };
                    return Err(uerr("rawunicodeescape", start + n - 1, (i + k + 1).min(s.len()), msg));
                }
            }
        }
        i += count;
        if v > 0x10ffff {
            return Err(uerr("rawunicodeescape", start + n - 1, i, "\\Uxxxxxxxx out of range"));
        }
        out.push(v);
    }
    Ok(out)
}

/// A small table of character names for \N{...}: the ones the standard
/// library uses plus common typography.  (A full table would need the
/// Unicode database; names are matched case-insensitively like CPython.)
fn lookup_name(name: &str) -> Option<u32> {
    let up = name.to_ascii_uppercase();
    if let Some(hex) = up.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        let v = u32::from_str_radix(hex, 16).ok()?;
        let ok = (0x3400..=0x4db5).contains(&v) || (0x4e00..=0x9fcb).contains(&v) || (0x20000..=0x2a6d6).contains(&v);
        return if ok && (hex.len() == 4 || hex.len() == 5) { Some(v) } else { None };
    }
    NAMES.iter().find(|(n, _)| *n == up).map(|&(_, v)| v)
}

static NAMES: &[(&str, u32)] = &[
    ("CIRCLED NUMBER THIRTY NINE", 0x32B4),
    ("DIGIT SEVEN", 0x37),
    ("EM SPACE", 0x2003),
    ("EN SPACE", 0x2002),
    ("FULLWIDTH DIGIT ZERO", 0xFF10),
    ("GREEK CAPITAL LETTER OMEGA", 0x3A9),
    ("GREEK SMALL LETTER ALPHA", 0x3B1),
    ("HANGZHOU NUMERAL TWENTY", 0x3039),
    ("KELVIN SIGN", 0x212A),
    ("LATIN CAPITAL LETTER A WITH DIAERESIS", 0xC4),
    ("LATIN SMALL LETTER O WITH HORN", 0x1A1),
    ("LATIN SMALL LETTER Y WITH CIRCUMFLEX", 0x177),
    ("ROMAN NUMERAL SIX", 0x2165),
    ("SNOWMAN", 0x2603),
    ("SOFT HYPHEN", 0xAD),
    ("SPACE", 0x20),
    ("SUBSCRIPT TWO", 0x2082),
    ("THAI DIGIT SIX", 0xE56),
    ("NO-BREAK SPACE", 0xA0),
    ("EURO SIGN", 0x20AC),
    ("BULLET", 0x2022),
    ("HORIZONTAL ELLIPSIS", 0x2026),
    ("LEFT DOUBLE QUOTATION MARK", 0x201C),
    ("RIGHT DOUBLE QUOTATION MARK", 0x201D),
    ("LEFT SINGLE QUOTATION MARK", 0x2018),
    ("RIGHT SINGLE QUOTATION MARK", 0x2019),
    ("EM DASH", 0x2014),
    ("EN DASH", 0x2013),
    ("COPYRIGHT SIGN", 0xA9),
    ("REGISTERED SIGN", 0xAE),
    ("DEGREE SIGN", 0xB0),
    ("GREEK SMALL LETTER PI", 0x3C0),
    ("GREEK SMALL LETTER BETA", 0x3B2),
    ("GREEK SMALL LETTER GAMMA", 0x3B3),
    ("GREEK SMALL LETTER DELTA", 0x3B4),
    ("GREEK SMALL LETTER LAMDA", 0x3BB),
    ("GREEK SMALL LETTER MU", 0x3BC),
    ("GREEK CAPITAL LETTER DELTA", 0x394),
    ("GREEK CAPITAL LETTER SIGMA", 0x3A3),
    ("LATIN SMALL LETTER E WITH ACUTE", 0xE9),
    ("LATIN SMALL LETTER A WITH GRAVE", 0xE0),
    ("LATIN SMALL LETTER U WITH DIAERESIS", 0xFC),
    ("LATIN SMALL LETTER SHARP S", 0xDF),
    ("LATIN SMALL LETTER N WITH TILDE", 0xF1),
    ("LATIN CAPITAL LETTER E WITH ACUTE", 0xC9),
    ("REPLACEMENT CHARACTER", 0xFFFD),
    ("ZERO WIDTH SPACE", 0x200B),
    ("ZERO WIDTH NO-BREAK SPACE", 0xFEFF),
    ("BLACK STAR", 0x2605),
    ("WHITE SMILING FACE", 0x263A),
    ("CHECK MARK", 0x2713),
    ("MULTIPLICATION SIGN", 0xD7),
    ("DIVISION SIGN", 0xF7),
    ("PLUS-MINUS SIGN", 0xB1),
    ("MICRO SIGN", 0xB5),
    ("POUND SIGN", 0xA3),
    ("YEN SIGN", 0xA5),
    ("CENT SIGN", 0xA2),
    ("SECTION SIGN", 0xA7),
    ("PILCROW SIGN", 0xB6),
    ("INFINITY", 0x221E),
    ("RIGHTWARDS ARROW", 0x2192),
    ("LEFTWARDS ARROW", 0x2190),
    ("LATIN SMALL LETTER A", 0x61),
    ("LATIN CAPITAL LETTER A", 0x41),
    ("HYPHEN-MINUS", 0x2D),
    ("FULL STOP", 0x2E),
    ("COMMA", 0x2C),
    ("QUOTATION MARK", 0x22),
    ("APOSTROPHE", 0x27),
    ("REVERSE SOLIDUS", 0x5C),
    ("SOLIDUS", 0x2F),
    ("EXCLAMATION MARK", 0x21),
    ("QUESTION MARK", 0x3F),
    ("AMPERSAND", 0x26),
    ("NUMBER SIGN", 0x23),
    ("DOLLAR SIGN", 0x24),
    ("PERCENT SIGN", 0x25),
    ("ASTERISK", 0x2A),
    ("LOW LINE", 0x5F),
    ("LINE SEPARATOR", 0x2028),
    ("PARAGRAPH SEPARATOR", 0x2029),
];
