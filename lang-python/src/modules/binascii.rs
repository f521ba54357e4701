//! `binascii`: conversions between binary data and ASCII encodings (hex,
//! base64, uuencode, quoted-printable, BinHex 4) and the CRC-32 and
//! CRC-CCITT checksums, with CPython 2.7's lenient decoders and errors.

use crate::modules::module_with;
use crate::objects::exceptions::new_exception_class;
use crate::objects::module::ModuleObj;
use crate::objects::str::{new_str, new_str_owned};
use crate::objects::{args, int, long, tuple};
use crate::runtime::errors::type_error;
use crate::runtime::{types, KwArgs, PyErr, PyResult};
use std::borrow::Cow;
use vmcore::gc::Gc;
use vmcore::Value;

crate::native_type!(error_type, || new_exception_class("binascii", "Error", &[types::exception()]));
crate::native_type!(incomplete_type, || new_exception_class("binascii", "Incomplete", &[types::exception()]));

fn error(msg: &str) -> PyErr {
    PyErr::new(error_type(), msg)
}

fn incomplete(msg: &str) -> PyErr {
    PyErr::new(incomplete_type(), msg)
}

/// The single `s*` argument of `name`.
fn data_arg<'a>(name: &str, a: &[Value], kw: KwArgs) -> PyResult<Cow<'a, [u8]>> {
    args::arity(name, a, kw, 1, 1)?;
    args::buffer_arg(a[0], name, 1)
}

/// A C `unsigned int` argument (`I`): any integer, wrapped to 32 bits.
pub fn c_uint_mask(v: Value) -> PyResult<u32> {
    if let Some(b) = long::as_long(v) {
        let (_, digits) = (b & num_bigint::BigInt::from(u32::MAX)).to_u32_digits();
        return Ok(digits.first().copied().unwrap_or(0));
    }
    Ok(args::ssize_arg(v)? as u32)
}

// ---------------------------------------------------------------------------
// Hex.

fn b2a_hex(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("b2a_hex", a, kw)?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Ok(new_str_owned(data.iter().flat_map(|&c| [HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]).collect()))
}

fn a2b_hex(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("a2b_hex", a, kw)?;
    if data.len() % 2 == 1 {
        return Err(type_error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16).ok_or_else(|| type_error("Non-hexadecimal digit found"));
    let out = data.chunks(2).map(|p| Ok((digit(p[0])? * 16 + digit(p[1])?) as u8)).collect::<PyResult<Vec<u8>>>()?;
    Ok(new_str_owned(out))
}

// ---------------------------------------------------------------------------
// Base64 and uuencode: 6-bit groups.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|v| v as u32)
}

fn b2a_base64(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("b2a_base64", a, kw)?;
    let mut out = Vec::with_capacity(data.len() / 3 * 4 + 5);
    for g in data.chunks(3) {
        let n = (g[0] as u32) << 16 | (*g.get(1).unwrap_or(&0) as u32) << 8 | *g.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            out.push(if k <= g.len() { B64[(n >> (18 - 6 * k) & 63) as usize] } else { b'=' });
        }
    }
    out.push(b'\n');
    Ok(new_str_owned(out))
}

/// Characters outside the alphabet are skipped; a pad ends the data only
/// where a quad may end (after two characters when a second pad follows,
/// or after three).
fn a2b_base64(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("a2b_base64", a, kw)?;
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut acc, mut bits, mut quad) = (0u32, 0u32, 0);
    // Pads count as valid characters when looking ahead.
    let valid = |c: u8| c == b'=' || b64_value(c).is_some();
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            let next_valid = data[i + 1..].iter().copied().find(|&c| valid(c));
            if quad < 2 || (quad == 2 && next_valid != Some(b'=')) {
                continue;
            }
            bits = 0;
            break;
        }
        let Some(v) = b64_value(c) else { continue };
        quad = (quad + 1) % 4;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits != 0 {
        return Err(error("Incorrect padding"));
    }
    Ok(new_str_owned(out))
}

fn b2a_uu(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("b2a_uu", a, kw)?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let mut out = vec![b' ' + data.len() as u8];
    for g in data.chunks(3) {
        let n = (g[0] as u32) << 16 | (*g.get(1).unwrap_or(&0) as u32) << 8 | *g.get(2).unwrap_or(&0) as u32;
        out.extend((0..4).map(|k| b' ' + (n >> (18 - 6 * k) & 63) as u8));
    }
    out.push(b'\n');
    Ok(new_str_owned(out))
}

/// The first character gives the length; missing characters (a line
/// whose trailing spaces were stripped) count as zeros.
fn a2b_uu(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("a2b_uu", a, kw)?;
    // An empty line reads as CPython reads its terminating NUL.
    let len = ((data.first().copied().unwrap_or(0) as i32 - b' ' as i32) & 63) as usize;
    let body = data.get(1..).unwrap_or(&[]);
    let mut out = Vec::with_capacity(len);
    let (mut acc, mut bits, mut i) = (0u32, 0u32, 0usize);
    while out.len() < len {
        let c = body.get(i).copied().unwrap_or(b'\n');
        i += 1;
        let v = if c == b'\n' || c == b'\r' {
            0
        } else if !(b' '..=b' ' + 64).contains(&c) {
            return Err(error("Illegal char"));
        } else {
            (c - b' ') as u32 & 63
        };
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if body.get(i..).unwrap_or(&[]).iter().any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(error("Trailing garbage"));
    }
    Ok(new_str_owned(out))
}

// ---------------------------------------------------------------------------
// Quoted-printable (RFC 1521; `header` is RFC 1522's variant with '_').

fn hexval(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn a2b_qp(a: &[Value], kw: KwArgs) -> PyResult {
    let p = args::parse("a2b_qp", a, kw, &["data", "header"], 1)?;
    let data = args::buffer_arg(p[0].expect("required"), "a2b_qp", 1)?;
    let header = p[1].map(args::c_int).transpose()?.unwrap_or(0) != 0;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            let Some(&n) = data.get(i) else { break };
            if n == b'\n' || n == b'\r' {
                // A soft line break: skip to the end of the line.
                while i < data.len() && data[i] != b'\n' {
                    i += 1;
                }
                i = (i + 1).min(data.len());
            } else if n == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) = (hexval(n), data.get(i + 1).and_then(|&l| hexval(l))) {
                out.push(h << 4 | l);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else {
            out.push(if header && c == b'_' { b' ' } else { c });
            i += 1;
        }
    }
    Ok(new_str_owned(out))
}

fn b2a_qp(a: &[Value], kw: KwArgs) -> PyResult {
    if a.len() + kw.len() > 4 {
        return Err(type_error(format!("function takes at most 4 arguments ({} given)", a.len() + kw.len())));
    }
    let p = args::parse("b2a_qp", a, kw, &["data", "quotetabs", "istext", "header"], 1)?;
    let data = args::buffer_arg(p[0].expect("required"), "b2a_qp", 1)?;
    let flag = |v: Option<Value>, default: bool| -> PyResult<bool> { Ok(v.map(args::c_int).transpose()?.map_or(default, |i| i != 0)) };
    let (quotetabs, istext, header) = (flag(p[1], false)?, flag(p[2], true)?, flag(p[3], false)?);
    const MAXLINE: usize = 76;
    // Line ends are written the way the first one in the data is.
    let crlf = data.iter().position(|&c| c == b'\n').is_some_and(|k| k > 0 && data[k - 1] == b'\r');
    let n = data.len();
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let hex = |c: u8| [b'=', b"0123456789ABCDEF"[(c >> 4) as usize], b"0123456789ABCDEF"[(c & 15) as usize]];
    let (mut i, mut linelen) = (0, 0);
    while i < n {
        let c = data[i];
        let at_end = i + 1 == n;
        let next = data.get(i + 1).copied();
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && at_end)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.extend_from_slice(&hex(c));
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace before a line end is quoted so it survives transport.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.extend_from_slice(&hex(last));
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !at_end && next != Some(b'\n') && linelen + 1 >= MAXLINE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(new_str_owned(out))
}

// ---------------------------------------------------------------------------
// BinHex 4: its own 6-bit alphabet, and run-length coding with 0x90.

const HQX: &[u8; 64] = b"!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";
const RUNCHAR: u8 = 0x90;

fn b2a_hqx(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("b2a_hqx", a, kw)?;
    let mut out = Vec::with_capacity(data.len() * 4 / 3 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in data.iter() {
        acc = (acc << 8 | c as u32) & 0xffff;
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(HQX[(acc >> bits & 63) as usize]);
        }
    }
    if bits > 0 {
        out.push(HQX[((acc << (6 - bits)) & 63) as usize]);
    }
    Ok(new_str_owned(out))
}

/// Returns (data, done): done is 1 when the closing ':' was seen.
fn a2b_hqx(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("a2b_hqx", a, kw)?;
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let (mut acc, mut bits, mut done) = (0u32, 0u32, false);
    for &c in data.iter() {
        if c == b'\n' || c == b'\r' {
            continue;
        }
        if c == b':' {
            done = true;
            break;
        }
        let v = HQX.iter().position(|&x| x == c).ok_or_else(|| error("Illegal char"))? as u32;
        acc = (acc << 6 | v) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if bits != 0 && !done {
        return Err(incomplete("String has incomplete number of bytes"));
    }
    Ok(tuple::new_tuple_from(&[new_str_owned(out), int::new_int(done as i64)]))
}

fn rlecode_hqx(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("rlecode_hqx", a, kw)?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == RUNCHAR {
            out.extend_from_slice(&[RUNCHAR, 0]);
            i += 1;
            continue;
        }
        let run = data[i..].iter().take(255).take_while(|&&x| x == c).count();
        if run > 3 {
            out.extend_from_slice(&[c, RUNCHAR, run as u8]);
            i += run;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(new_str_owned(out))
}

fn rledecode_hqx(a: &[Value], kw: KwArgs) -> PyResult {
    let data = data_arg("rledecode_hqx", a, kw)?;
    let mut out = Vec::with_capacity(data.len() * 2);
    if data.is_empty() {
        return Ok(new_str(b""));
    }
    // A run code repeats the previous byte; truncated input is Incomplete.
    let mut it = data.iter().copied();
    let mut next = || it.next().ok_or_else(|| incomplete(""));
    let first = next()?;
    if first == RUNCHAR && next()? != 0 {
        return Err(error("Orphaned RLE code at start"));
    }
    out.push(first);
    while let Ok(c) = next() {
        if c != RUNCHAR {
            out.push(c);
            continue;
        }
        match next()? {
            0 => out.push(RUNCHAR),
            n => {
                let last = *out.last().expect("first byte written");
                out.extend(std::iter::repeat_n(last, n as usize - 1));
            }
        }
    }
    Ok(new_str_owned(out))
}

// ---------------------------------------------------------------------------
// Checksums.

/// The CRC-32 of zlib and PKZIP (reflected polynomial 0xEDB88320).
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (n, e) in t.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *e = c;
        }
        t
    });
    let mut c = !crc;
    for &b in data {
        c = table[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// `crc32(data[, crc])`: 2.7 returns it as a signed 32-bit int.
fn crc32(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("crc32", a, kw, 1, 2)?;
    let data = args::buffer_arg(a[0], "crc32", 1)?;
    let start = a.get(1).map(|&v| c_uint_mask(v)).transpose()?.unwrap_or(0);
    Ok(int::new_int(crc32_update(start, &data) as i32 as i64))
}

/// CRC-CCITT (polynomial 0x1021) as BinHex uses it.
fn crc_hqx(a: &[Value], kw: KwArgs) -> PyResult {
    args::arity("crc_hqx", a, kw, 2, 2)?;
    let data = args::buffer_arg(a[0], "crc_hqx", 1)?;
    let mut crc = args::c_int(a[1])? as u32;
    if data.is_empty() {
        return Ok(int::new_int(crc as i32 as i64));
    }
    for &b in data.iter() {
        crc = ((crc << 8) & 0xff00) ^ crc_hqx_entry(((crc >> 8) & 0xff) as u8 ^ b);
    }
    Ok(int::new_int(crc as i64))
}

fn crc_hqx_entry(i: u8) -> u32 {
    let mut c = (i as u32) << 8;
    for _ in 0..8 {
        c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
    }
    c & 0xffff
}

pub fn create() -> Gc<ModuleObj> {
    let m = module_with(
        "binascii",
        &[
            ("a2b_uu", a2b_uu),
            ("b2a_uu", b2a_uu),
            ("a2b_base64", a2b_base64),
            ("b2a_base64", b2a_base64),
            ("a2b_qp", a2b_qp),
            ("b2a_qp", b2a_qp),
            ("a2b_hqx", a2b_hqx),
            ("b2a_hqx", b2a_hqx),
            ("rlecode_hqx", rlecode_hqx),
            ("rledecode_hqx", rledecode_hqx),
            ("a2b_hex", a2b_hex),
            ("b2a_hex", b2a_hex),
            ("unhexlify", a2b_hex),
            ("hexlify", b2a_hex),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
        ],
    );
    m.dict.set_str("Error", error_type());
    m.dict.set_str("Incomplete", incomplete_type());
    m
}
