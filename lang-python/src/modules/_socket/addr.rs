//! Addresses: the text forms of IPv4/IPv6 addresses (glibc's rules, which
//! CPython's inet_* functions expose), and the conversion between Python
//! address objects (`('host', port)`, a path) and the host's `SockAddr`.

use super::{gai_err, socket_error};
use crate::modules::oslib::{c_int, c_long};
use crate::objects::args;
use crate::objects::int::new_int;
use crate::objects::str::{as_bytes, new_str};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobj::type_name;
use crate::objects::unicode::as_unicode;
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error};
use crate::runtime::PyResult;
use vmcore::host::{host, AddrHints, SockAddr};
use vmcore::Value;

/// `inet_aton`'s liberal IPv4 syntax: one to four parts, each decimal, octal
/// (leading 0) or hex (0x); the last part fills the remaining bytes
/// ("127.1" is 127.0.0.1); trailing whitespace ends the address.
pub fn parse_aton(s: &[u8]) -> Option<u32> {
    let mut parts: Vec<u64> = Vec::new();
    let mut i = 0;
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    loop {
        if !at(i).is_ascii_digit() {
            return None;
        }
        let mut base = 10;
        if at(i) == b'0' {
            i += 1;
            if at(i) == b'x' || at(i) == b'X' {
                base = 16;
                i += 1;
            } else {
                base = 8;
            }
        }
        let mut val: u64 = 0;
        while let Some(d) = (at(i) as char).to_digit(base) {
            val = val * base as u64 + d as u64;
            if val > 0xffff_ffff {
                return None;
            }
            i += 1;
        }
        if base == 8 && at(i).is_ascii_digit() {
            return None;
        }
        if at(i) != b'.' {
            parts.push(val);
            break;
        }
        if parts.len() == 3 || val > 0xff {
            return None;
        }
        parts.push(val);
        i += 1;
    }
    if i < s.len() && !s[i].is_ascii_whitespace() {
        return None;
    }
    let last = *parts.last()?;
    let head = &parts[..parts.len() - 1];
    let room = 8 * (4 - head.len());
    if room < 32 && last >= 1 << room {
        return None;
    }
    Some(head.iter().enumerate().fold(last as u32, |acc, (k, &p)| acc | (p as u32) << (24 - 8 * k)))
}

/// `inet_pton(AF_INET)`: exactly four decimal parts, no leading zeros.
pub fn parse_v4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split(|&c| c == b'.');
    for o in out.iter_mut() {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 3 || !p.iter().all(u8::is_ascii_digit) || (p.len() > 1 && p[0] == b'0') {
            return None;
        }
        *o = std::str::from_utf8(p).ok()?.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// `inet_pton(AF_INET6)`: up to eight groups of 1-4 hex digits, one `::`
/// for a run of zero groups, optionally a dotted IPv4 address at the end.
pub fn parse_v6(s: &[u8]) -> Option<[u8; 16]> {
    let mut out = [0u8; 16];
    let mut tp = 0;
    let mut gap: Option<usize> = None;
    let mut i = 0;
    if s.first() == Some(&b':') {
        if s.get(1) != Some(&b':') {
            return None;
        }
        i = 1;
    }
    let mut token_start = i;
    let (mut val, mut digits) = (0u32, 0);
    while i < s.len() {
        let c = s[i];
        i += 1;
        if let Some(d) = (c as char).to_digit(16) {
            val = val << 4 | d;
            digits += 1;
            if digits > 4 {
                return None;
            }
            continue;
        }
        if c == b':' {
            token_start = i;
            if digits == 0 {
                if gap.is_some() {
                    return None;
                }
                gap = Some(tp);
                continue;
            }
            if i == s.len() || tp + 2 > 16 {
                return None;
            }
            out[tp..tp + 2].copy_from_slice(&(val as u16).to_be_bytes());
            tp += 2;
            (val, digits) = (0, 0);
            continue;
        }
        if c == b'.' && tp + 4 <= 16 {
            out[tp..tp + 4].copy_from_slice(&parse_v4(&s[token_start..])?);
            tp += 4;
            digits = 0;
            break;
        }
        return None;
    }
    if digits > 0 {
        if tp + 2 > 16 {
            return None;
        }
        out[tp..tp + 2].copy_from_slice(&(val as u16).to_be_bytes());
        tp += 2;
    }
    if let Some(g) = gap {
        if tp == 16 {
            return None;
        }
        // Move the groups after `::` to the end; the gap becomes zeros.
        let n = tp - g;
        out.copy_within(g..tp, 16 - n);
        out[g..16 - n].fill(0);
        tp = 16;
    }
    (tp == 16).then_some(out)
}

pub fn format_v4(ip: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])
}

/// `inet_ntop(AF_INET6)` as glibc writes it: the longest run of two or
/// more zero groups (the first, on a tie) becomes `::`, and addresses with
/// 96 zero bits or IPv4-mapped ones end in dotted form.
pub fn format_v6(ip: [u8; 16]) -> String {
    let w: Vec<u16> = ip.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
    let (mut best, mut cur): ((usize, usize), Option<(usize, usize)>) = ((0, 0), None);
    for (i, &x) in w.iter().enumerate() {
        if x == 0 {
            let c = cur.get_or_insert((i, 0));
            c.1 += 1;
            if c.1 > best.1 {
                best = *c;
            }
        } else {
            cur = None;
        }
    }
    if best.1 < 2 {
        best = (usize::MAX, 0);
    }
    let mut out = String::new();
    let mut i = 0;
    while i < 8 {
        if i == best.0 {
            if i == 0 {
                out.push(':');
            }
            out.push(':');
            i += best.1;
            continue;
        }
        if i == 6 && best.0 == 0 && (best.1 == 6 || (best.1 == 5 && w[5] == 0xffff)) {
            out.push_str(&format_v4([ip[12], ip[13], ip[14], ip[15]]));
            return out;
        }
        out.push_str(&format!("{:x}", w[i]));
        i += 1;
        if i < 8 {
            out.push(':');
        }
    }
    out
}

/// A host name argument (CPython's `et` format with the "idna" codec):
/// str as is, unicode encoded with idna.
pub fn host_arg(v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    if let Some(u) = as_unicode(v) {
        // ASCII names come out of the idna codec unchanged.
        if u.iter().all(|&c| c < 128) && u.split(|&c| c == '.' as u32).all(|l| l.len() < 64) {
            return Ok(u.iter().map(|&c| c as u8).collect());
        }
        let e = ops::call_method(v, "encode", &[new_str(b"idna")])?;
        return as_bytes(e).map(<[u8]>::to_vec).ok_or_else(|| type_error("idna codec did not return a string"));
    }
    Err(type_error(format!("coercing to Unicode: need string or buffer, {} found", type_name(v))))
}

/// CPython's `setipaddr`: the address a host name stands for ("" is the
/// wildcard, "<broadcast>" the broadcast address, dotted quads are taken
/// as they are, anything else goes to getaddrinfo).
pub fn resolve(name: &[u8], family: i32) -> PyResult<SockAddr> {
    let inet_ok = family == libc::AF_INET || family == libc::AF_UNSPEC;
    if name.is_empty() {
        let hints = AddrHints { family, socktype: libc::SOCK_DGRAM, flags: libc::AI_PASSIVE, ..Default::default() };
        let res = host().getaddrinfo(None, Some(b"0"), hints).map_err(gai_err)?;
        if res.len() > 1 {
            return Err(socket_error("wildcard resolved to multiple address"));
        }
        return Ok(res.into_iter().next().map(|a| a.addr).unwrap_or(SockAddr::Inet { ip: [0; 4], port: 0 }));
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if !inet_ok {
            return Err(socket_error("address family mismatched"));
        }
        return Ok(SockAddr::Inet { ip: [255; 4], port: 0 });
    }
    if inet_ok {
        let parts: Vec<&[u8]> = name.split(|&c| c == b'.').collect();
        let nums: Option<Vec<u8>> = parts.iter().map(|p| if p.is_empty() || p.len() > 3 || !p.iter().all(u8::is_ascii_digit) { None } else { std::str::from_utf8(p).ok()?.parse().ok() }).collect();
        if let Some(n) = nums.filter(|n| n.len() == 4) {
            return Ok(SockAddr::Inet { ip: [n[0], n[1], n[2], n[3]], port: 0 });
        }
    }
    let hints = AddrHints { family, ..Default::default() };
    let res = host().getaddrinfo(Some(name), None, hints).map_err(gai_err)?;
    Ok(res.into_iter().next().map(|a| a.addr).unwrap_or(SockAddr::Inet { ip: [0; 4], port: 0 }))
}

/// The text of an IP address.
pub fn ip_text(a: &SockAddr) -> String {
    match a {
        SockAddr::Inet { ip, .. } => format_v4(*ip),
        SockAddr::Inet6 { ip, .. } => format_v6(*ip),
        _ => String::new(),
    }
}

fn with_port(a: SockAddr, port: u16) -> SockAddr {
    match a {
        SockAddr::Inet { ip, .. } => SockAddr::Inet { ip, port },
        SockAddr::Inet6 { ip, flowinfo, scope_id, .. } => SockAddr::Inet6 { ip, port, flowinfo, scope_id },
        other => other,
    }
}

fn port_arg(v: Value) -> PyResult<u16> {
    let p = c_int(v)?;
    u16::try_from(p).map_err(|_| overflow_error("getsockaddrarg: port must be 0-65535."))
}

/// An unsigned C int argument (`I` format, no overflow check).
fn uint_arg(v: Value) -> PyResult<u32> {
    Ok(c_long(v)? as u32)
}

/// CPython's `getsockaddrarg`: the address object a socket of `family`
/// takes (bind, connect, sendto).
pub fn sockaddr_arg(family: i32, v: Value) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path = match (as_bytes(v), as_unicode(v)) {
                (Some(b), _) => b.to_vec(),
                (_, Some(_)) => crate::objects::unicode::encode_ascii(v)?,
                _ => return Err(type_error(format!("argument must be string or read-only character buffer, not {}", type_name(v)))),
            };
            if path.len() >= 108 {
                return Err(socket_error("AF_UNIX path too long"));
            }
            Ok(SockAddr::Unix(path))
        }
        libc::AF_INET => {
            let t = as_tuple(v).ok_or_else(|| type_error(format!("getsockaddrarg: AF_INET address must be tuple, not {}", type_name(v))))?;
            args::arity("getsockaddrarg", t, &[], 2, 2)?;
            let name = host_arg(t[0])?;
            let port = port_arg(t[1])?;
            Ok(with_port(resolve(&name, libc::AF_INET)?, port))
        }
        libc::AF_INET6 => {
            let t = as_tuple(v).ok_or_else(|| type_error(format!("getsockaddrarg: AF_INET6 address must be tuple, not {}", type_name(v))))?;
            super::unnamed_arity(t, 2, 4)?;
            let name = host_arg(t[0])?;
            let port = port_arg(t[1])?;
            let flowinfo = t.get(2).map(|&f| uint_arg(f)).transpose()?.unwrap_or(0);
            if flowinfo > 0xfffff {
                return Err(overflow_error("getsockaddrarg: flowinfo must be 0-1048575."));
            }
            let scope_id = t.get(3).map(|&f| uint_arg(f)).transpose()?.unwrap_or(0);
            match resolve(&name, libc::AF_INET6)? {
                SockAddr::Inet6 { ip, .. } => Ok(SockAddr::Inet6 { ip, port, flowinfo, scope_id }),
                other => Ok(with_port(other, port)),
            }
        }
        _ => Err(socket_error("getsockaddrarg: bad family")),
    }
}

/// CPython's `makesockaddr`: the Python form of an address.
pub fn sockaddr_value(a: &SockAddr) -> Value {
    match a {
        SockAddr::Inet { port, .. } => new_tuple(vec![new_str(ip_text(a).as_bytes()), new_int(*port as i64)]),
        SockAddr::Inet6 { port, flowinfo, scope_id, .. } => new_tuple(vec![new_str(ip_text(a).as_bytes()), new_int(*port as i64), new_int(*flowinfo as i64), new_int(*scope_id as i64)]),
        SockAddr::Unix(path) => new_str(path),
        SockAddr::Other(family, data) => new_tuple(vec![new_int(*family as i64), new_str(data)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_text_round_trips_like_glibc() {
        for (text, canon) in [("::", "::"), ("::1", "::1"), ("1::", "1::"), ("::ffff:1.2.3.4", "::ffff:1.2.3.4"), ("::1.2.3.4", "::1.2.3.4"), ("1:0:0:0:0:0:0:1", "1::1"), ("0:0:1::", "0:0:1::"), ("2001:db8::1:0:0:1", "2001:db8::1:0:0:1"), ("FE80::1", "fe80::1")] {
            assert_eq!(format_v6(parse_v6(text.as_bytes()).unwrap()), canon, "{text}");
        }
        for bad in ["1:::2", "g::", "1:2:3:4:5:6:7:8:9", "::ffff:1.2.3", ":1", "1:", "1:2:3:4:5:6:7::8"] {
            assert!(parse_v6(bad.as_bytes()).is_none(), "{bad}");
        }
    }

    #[test]
    fn inet_aton_accepts_the_old_forms() {
        assert_eq!(parse_aton(b"127.1"), Some(0x7f00_0001));
        assert_eq!(parse_aton(b"0x7f.1"), Some(0x7f00_0001));
        assert_eq!(parse_aton(b"010.0.0.1"), Some(0x0800_0001));
        assert_eq!(parse_aton(b"1.2.3.4 "), Some(0x0102_0304));
        assert_eq!(parse_aton(b"4294967295"), Some(u32::MAX));
        for bad in ["", " 1.2.3.4", "256.1.1.1", "1.2.3.4.5", "4294967296", "1.2.3.-1", "08"] {
            assert!(parse_aton(bad.as_bytes()).is_none(), "{bad}");
        }
    }
}
