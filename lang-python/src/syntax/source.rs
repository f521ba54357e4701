//! Turning raw source bytes into what the tokenizer scans: PEP 263 coding
//! declarations, the UTF-8 BOM, the "no non-ASCII without a declaration"
//! rule, and newline normalisation.
//!
//! CPython 2 does not decode UTF-8 or Latin-1 sources at all: the
//! tokenizer works on the raw bytes, which is why byte-string literals
//! keep the source bytes and why `col_offset` counts bytes.  We do the
//! same; the encoding only matters again when unicode literals are decoded.

use super::errors::{ErrorKind, SyntaxError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// A single-byte code page.  CPython transcodes such sources to UTF-8
    /// before tokenizing (so columns count UTF-8 bytes) and re-encodes
    /// byte-string literals back; we do the same.
    Single(&'static SingleByte),
    /// No declaration: the file must be ASCII (strings from compile() may
    /// hold any byte; unicode literals then read them as Latin-1).
    Default,
    Utf8,
    Latin1,
    Ascii,
}

/// Upper half (0x80..=0xFF) of a single-byte code page; 0xFFFF = undefined.
#[derive(Debug, PartialEq, Eq)]
pub struct SingleByte {
    pub name: &'static str,
    pub high: &'static [u16; 128],
}

impl SingleByte {
    pub fn encode(&self, cp: u32) -> Option<u8> {
        if cp < 0x80 {
            return Some(cp as u8);
        }
        self.high.iter().position(|&c| c as u32 == cp).map(|i| 0x80 + i as u8)
    }
}

pub static KOI8R: SingleByte = SingleByte { name: "koi8-r", high: &KOI8_R };
pub static WIN1252: SingleByte = SingleByte { name: "cp1252", high: &CP1252 };
pub static WIN1251: SingleByte = SingleByte { name: "cp1251", high: &CP1251 };
pub static LATIN9: SingleByte = SingleByte { name: "iso8859-15", high: &ISO8859_15 };

pub struct Source {
    /// Newline-normalised bytes ('\r\n' and '\r' became '\n').
    pub text: Vec<u8>,
    pub encoding: Encoding,
    /// Whether we added the final '\n' (error texts read back "from the
    /// file" must not show it).
    pub appended_newline: bool,
}

fn err(filename: &str, msg: String, lineno: usize) -> SyntaxError {
    SyntaxError {
        kind: ErrorKind::Syntax,
        msg,
        filename: filename.to_string(),
        lineno,
        offset: Some(0),
        text: None,
        incomplete: false,
    }
}

/// Finds a `coding[:=]name` declaration in a comment line, as CPython's
/// get_coding_spec does: only blanks may precede the '#'.
fn coding_spec(line: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    if i >= line.len() || line[i] != b'#' {
        return None;
    }
    let mut j = i;
    while j + 6 < line.len() + 1 {
        if line[j..].starts_with(b"coding") && j + 6 < line.len() && matches!(line[j + 6], b':' | b'=') {
            let mut k = j + 7;
            while k < line.len() && matches!(line[k], b' ' | b'\t') {
                k += 1;
            }
            let b = k;
            while k < line.len() && (line[k].is_ascii_alphanumeric() || matches!(line[k], b'-' | b'_' | b'.')) {
                k += 1;
            }
            if k > b {
                return Some(String::from_utf8_lossy(&line[b..k]).into_owned());
            }
        }
        j += 1;
    }
    None
}

/// CPython's get_normal_name: canonical spelling of utf-8 / latin-1 names.
fn normal_name(name: &str) -> String {
    let low: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if low == "utf-8" || low.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for l in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if low == l || low.starts_with(&format!("{}-", l)) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

fn encoding_of(name: &str) -> Option<Encoding> {
    let n = normal_name(name);
    let low = n.to_ascii_lowercase().replace('_', "-");
    match low.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "utf8-ucs2" | "utf8-ucs4" => Some(Encoding::Utf8),
        "iso-8859-1" | "latin1" | "latin" | "l1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
            Some(Encoding::Latin1)
        }
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "cp367" | "csascii" | "ibm367"
        | "iso646-us" | "iso-646.irv-1991" | "iso-ir-6" => Some(Encoding::Ascii),
        "koi8-r" | "koi8r" => Some(Encoding::Single(&KOI8R)),
        "cp1252" | "windows-1252" | "1252" => Some(Encoding::Single(&WIN1252)),
        "cp1251" | "windows-1251" | "1251" => Some(Encoding::Single(&WIN1251)),
        "iso-8859-15" | "iso8859-15" | "latin9" | "latin-9" | "l9" => Some(Encoding::Single(&LATIN9)),
        _ => None,
    }
}

/// `append_newline`: exec mode input always ends with a newline (CPython
/// adds one).  `check_ascii`: enforce PEP 263 (files do; compile() of a
/// string does not).
pub fn prepare(raw: &[u8], filename: &str, append_newline: bool, check_ascii: bool) -> Result<Source, SyntaxError> {
    if raw.contains(&0) {
        // compile()/exec refuse such strings outright with a TypeError;
        // we use that (well-defined) behaviour for files too.
        let mut e = err(filename, "compile() expected string without null bytes".into(), 0);
        e.kind = ErrorKind::Type;
        e.offset = None;
        return Err(e);
    }
    let (bom, raw) = match raw.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    // Universal newlines, as CPython's translate_newlines.
    let mut text = Vec::with_capacity(raw.len() + 1);
    let mut i = 0;
    while i < raw.len() {
        let c = raw[i];
        if c == b'\r' {
            text.push(b'\n');
            if i + 1 < raw.len() && raw[i + 1] == b'\n' {
                i += 1;
            }
        } else {
            text.push(c);
        }
        i += 1;
    }
    let appended_newline = append_newline && text.last() != Some(&b'\n');
    if appended_newline {
        text.push(b'\n');
    }

    // The declaration may be on line 1 or 2.
    let mut encoding = if bom { Encoding::Utf8 } else { Encoding::Default };
    let mut start = 0;
    for lineno in 1..=2 {
        if start >= text.len() {
            break;
        }
        let end = text[start..].iter().position(|&c| c == b'\n').map(|p| start + p).unwrap_or(text.len());
        if let Some(name) = coding_spec(&text[start..end]) {
            let normal = normal_name(&name);
            match encoding_of(&name) {
                Some(enc) => {
                    // With a BOM only the exact spelling utf-8 is accepted
                    // (CPython compares the normalised name).
                    if bom && normal != "utf-8" {
                        let line = if check_ascii { lineno } else { 0 };
                        return Err(err(filename, format!("encoding problem: {} with BOM", normal), line));
                    }
                    encoding = enc;
                }
                // Files and compile() strings report this differently.
                None if check_ascii => return Err(err(filename, format!("encoding problem: {}", normal), lineno)),
                None => return Err(err(filename, format!("unknown encoding: {}", normal), 0)),
            }
            break;
        }
        start = end + 1;
    }

    // Non-ASCII bytes are only allowed under a declaration (PEP 263).
    if (check_ascii && encoding == Encoding::Default) || encoding == Encoding::Ascii {
        if let Some(pos) = text.iter().position(|&c| c >= 0x80) {
            let lineno = 1 + text[..pos].iter().filter(|&&c| c == b'\n').count();
            let msg = if encoding == Encoding::Default {
                format!(
                    "Non-ASCII character '\\x{:02x}' in file {} on line {}, but no encoding declared; \
                     see http://python.org/dev/peps/pep-0263/ for details",
                    text[pos], filename, lineno
                )
            } else {
                let line_start = text[..pos].iter().rposition(|&c| c == b'\n').map(|p| p + 1).unwrap_or(0);
                format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                    text[pos],
                    pos - line_start
                )
            };
            return Err(err(filename, msg, lineno));
        }
    }
    if let Encoding::Single(cp) = encoding {
        text = transcode(&text, cp, filename)?;
    }
    Ok(Source { text, encoding, appended_newline })
}

/// Single-byte code page to UTF-8.
fn transcode(text: &[u8], cp: &SingleByte, filename: &str) -> Result<Vec<u8>, SyntaxError> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
        if b < 0x80 {
            out.push(b);
            continue;
        }
        let c = cp.high[(b - 0x80) as usize];
        match char::from_u32(c as u32) {
            Some(ch) if c != 0xFFFF => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            _ => {
                return Err(err(
                    filename,
                    format!(
                        "'charmap' codec can't decode byte 0x{:02x} in position {}: character maps to <undefined>",
                        b,
                        i - line_start
                    ),
                    line,
                ))
            }
        }
    }
    Ok(out)
}

static KOI8_R: [u16; 128] = [
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524,
    0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,
    0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248,
    0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,
    0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556,
    0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
    0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565,
    0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9,
    0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,
    0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
    0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432,
    0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
    0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413,
    0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
    0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,
    0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
];
static CP1252: [u16; 128] = [
    0x20AC, 0xFFFF, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFF, 0x017D, 0xFFFF,
    0xFFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFF, 0x017E, 0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
];
static ISO8859_15: [u16; 128] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087,
    0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,
    0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097,
    0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x20AC, 0x00A5, 0x0160, 0x00A7,
    0x0161, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x017D, 0x00B5, 0x00B6, 0x00B7,
    0x017E, 0x00B9, 0x00BA, 0x00BB, 0x0152, 0x0153, 0x0178, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
];
static CP1251: [u16; 128] = [
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0xFFFF, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
];
