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
    /// No declaration: the file must be ASCII (strings from compile() may
    /// hold any byte; unicode literals then read them as Latin-1).
    Default,
    Utf8,
    Latin1,
    Ascii,
}

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
                    if bom && enc != Encoding::Utf8 {
                        return Err(err(filename, format!("encoding problem: {} with BOM", normal), lineno));
                    }
                    encoding = enc;
                }
                None => return Err(err(filename, format!("encoding problem: {}", normal), lineno)),
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
    Ok(Source { text, encoding, appended_newline })
}
