//! Sockets and name services for `RealHost`: the types the `Host` trait's
//! network methods speak, and their libc implementations.
//!
//! Addresses cross the host boundary as `SockAddr` values, never as raw
//! `sockaddr` bytes, so a sandboxing host can inspect (and refuse) every
//! destination a program names.

use std::ffi::{CStr, CString};
use std::io;
use std::mem::{size_of, zeroed};

/// A socket address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SockAddr {
    Inet { ip: [u8; 4], port: u16 },
    Inet6 { ip: [u8; 16], port: u16, flowinfo: u32, scope_id: u32 },
    /// A path, or an abstract name starting with a NUL byte; empty when unnamed.
    Unix(Vec<u8>),
    /// An address of another family: its number and the raw `sa_data` bytes.
    Other(i32, Vec<u8>),
}

impl SockAddr {
    pub fn family(&self) -> i32 {
        match self {
            SockAddr::Inet { .. } => libc::AF_INET,
            SockAddr::Inet6 { .. } => libc::AF_INET6,
            SockAddr::Unix(_) => libc::AF_UNIX,
            SockAddr::Other(f, _) => *f,
        }
    }
}

/// The filters `getaddrinfo` takes (its `hints`).
#[derive(Clone, Copy, Debug, Default)]
pub struct AddrHints {
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub flags: i32,
}

/// One `getaddrinfo` result.
#[derive(Clone, Debug)]
pub struct AddrInfo {
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub canonname: Vec<u8>,
    pub addr: SockAddr,
}

/// A host database entry: official name, aliases, addresses (ports 0).
#[derive(Clone, Debug)]
pub struct HostEnt {
    pub name: Vec<u8>,
    pub aliases: Vec<Vec<u8>>,
    pub addrs: Vec<SockAddr>,
}

/// Why a name-service lookup failed.
#[derive(Debug)]
pub enum LookupError {
    /// The resolver's own code and message: `EAI_*` for getaddrinfo and
    /// getnameinfo, `h_errno` for the host database.
    Resolver(i32, String),
    /// An OS error (`EAI_SYSTEM`).
    Os(io::Error),
}

fn check(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 { Err(io::Error::last_os_error()) } else { Ok(r) }
}

fn checked_len(r: isize) -> io::Result<usize> {
    if r < 0 { Err(io::Error::last_os_error()) } else { Ok(r as usize) }
}

fn cstring(b: &[u8]) -> io::Result<CString> {
    CString::new(b).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// `addr` as a `sockaddr_storage` and its length.
fn to_raw(addr: &SockAddr) -> io::Result<(libc::sockaddr_storage, libc::socklen_t)> {
    // SAFETY: sockaddr_storage is plain data; every variant below fits in it.
    let mut st: libc::sockaddr_storage = unsafe { zeroed() };
    let len = match addr {
        SockAddr::Inet { ip, port } => {
            let sin = unsafe { &mut *(&mut st as *mut _ as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = port.to_be();
            sin.sin_addr.s_addr = u32::from_ne_bytes(*ip);
            size_of::<libc::sockaddr_in>()
        }
        SockAddr::Inet6 { ip, port, flowinfo, scope_id } => {
            let sin6 = unsafe { &mut *(&mut st as *mut _ as *mut libc::sockaddr_in6) };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = port.to_be();
            sin6.sin6_flowinfo = flowinfo.to_be();
            sin6.sin6_addr.s6_addr = *ip;
            sin6.sin6_scope_id = *scope_id;
            size_of::<libc::sockaddr_in6>()
        }
        SockAddr::Unix(path) => {
            let sun = unsafe { &mut *(&mut st as *mut _ as *mut libc::sockaddr_un) };
            if path.len() >= sun.sun_path.len() {
                return Err(io::Error::from_raw_os_error(libc::ENAMETOOLONG));
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, &s) in sun.sun_path.iter_mut().zip(path) {
                *d = s as libc::c_char;
            }
            // An abstract name's length counts exactly; a path ends at its NUL.
            let extra = if path.first() == Some(&0) { 0 } else { 1 };
            std::mem::offset_of!(libc::sockaddr_un, sun_path) + path.len() + extra
        }
        SockAddr::Other(..) => return Err(io::Error::from_raw_os_error(libc::EAFNOSUPPORT)),
    };
    Ok((st, len as libc::socklen_t))
}

/// Decodes what the OS wrote into a `sockaddr_storage` of `len` bytes.
fn from_raw(st: &libc::sockaddr_storage, len: libc::socklen_t) -> SockAddr {
    let len = len as usize;
    match st.ss_family as i32 {
        libc::AF_INET => {
            let sin = unsafe { &*(st as *const _ as *const libc::sockaddr_in) };
            SockAddr::Inet { ip: sin.sin_addr.s_addr.to_ne_bytes(), port: u16::from_be(sin.sin_port) }
        }
        libc::AF_INET6 => {
            let sin6 = unsafe { &*(st as *const _ as *const libc::sockaddr_in6) };
            SockAddr::Inet6 { ip: sin6.sin6_addr.s6_addr, port: u16::from_be(sin6.sin6_port), flowinfo: u32::from_be(sin6.sin6_flowinfo), scope_id: sin6.sin6_scope_id }
        }
        libc::AF_UNIX => {
            let sun = unsafe { &*(st as *const _ as *const libc::sockaddr_un) };
            let off = std::mem::offset_of!(libc::sockaddr_un, sun_path);
            let n = len.saturating_sub(off).min(sun.sun_path.len());
            let raw: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
            if raw.first() == Some(&0) {
                SockAddr::Unix(raw)
            } else {
                SockAddr::Unix(raw.split(|&c| c == 0).next().unwrap_or(&[]).to_vec())
            }
        }
        f => {
            // SAFETY: sockaddr_storage begins with a sockaddr.
            let sa = unsafe { &*(st as *const _ as *const libc::sockaddr) };
            SockAddr::Other(f, sa.sa_data.iter().map(|&c| c as u8).collect())
        }
    }
}

pub fn socket(family: i32, socktype: i32, proto: i32) -> io::Result<i32> {
    check(unsafe { libc::socket(family, socktype, proto) })
}

pub fn socketpair(family: i32, socktype: i32, proto: i32) -> io::Result<(i32, i32)> {
    let mut fds = [0; 2];
    check(unsafe { libc::socketpair(family, socktype, proto, fds.as_mut_ptr()) })?;
    Ok((fds[0], fds[1]))
}

pub fn bind(fd: i32, addr: &SockAddr) -> io::Result<()> {
    let (st, len) = to_raw(addr)?;
    check(unsafe { libc::bind(fd, &st as *const _ as *const libc::sockaddr, len) }).map(|_| ())
}

pub fn listen(fd: i32, backlog: i32) -> io::Result<()> {
    check(unsafe { libc::listen(fd, backlog) }).map(|_| ())
}

pub fn accept(fd: i32) -> io::Result<(i32, SockAddr)> {
    let mut st: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    let c = check(unsafe { libc::accept(fd, &mut st as *mut _ as *mut libc::sockaddr, &mut len) })?;
    Ok((c, from_raw(&st, len)))
}

pub fn connect(fd: i32, addr: &SockAddr) -> io::Result<()> {
    let (st, len) = to_raw(addr)?;
    check(unsafe { libc::connect(fd, &st as *const _ as *const libc::sockaddr, len) }).map(|_| ())
}

pub fn send(fd: i32, buf: &[u8], flags: i32) -> io::Result<usize> {
    checked_len(unsafe { libc::send(fd, buf.as_ptr() as *const _, buf.len(), flags) })
}

pub fn send_to(fd: i32, buf: &[u8], flags: i32, addr: &SockAddr) -> io::Result<usize> {
    let (st, len) = to_raw(addr)?;
    checked_len(unsafe { libc::sendto(fd, buf.as_ptr() as *const _, buf.len(), flags, &st as *const _ as *const libc::sockaddr, len) })
}

pub fn recv(fd: i32, buf: &mut [u8], flags: i32) -> io::Result<usize> {
    checked_len(unsafe { libc::recv(fd, buf.as_mut_ptr() as *mut _, buf.len(), flags) })
}

pub fn recv_from(fd: i32, buf: &mut [u8], flags: i32) -> io::Result<(usize, Option<SockAddr>)> {
    let mut st: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    let n = checked_len(unsafe { libc::recvfrom(fd, buf.as_mut_ptr() as *mut _, buf.len(), flags, &mut st as *mut _ as *mut libc::sockaddr, &mut len) })?;
    // Connected stream sockets leave the address empty.
    Ok((n, if len == 0 { None } else { Some(from_raw(&st, len)) }))
}

pub fn shutdown(fd: i32, how: i32) -> io::Result<()> {
    check(unsafe { libc::shutdown(fd, how) }).map(|_| ())
}

pub fn sock_name(fd: i32, peer: bool) -> io::Result<SockAddr> {
    let mut st: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    let p = &mut st as *mut _ as *mut libc::sockaddr;
    check(unsafe { if peer { libc::getpeername(fd, p, &mut len) } else { libc::getsockname(fd, p, &mut len) } })?;
    Ok(from_raw(&st, len))
}

pub fn getsockopt(fd: i32, level: i32, name: i32, len: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; len];
    let mut n = len as libc::socklen_t;
    check(unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr() as *mut _, &mut n) })?;
    buf.truncate(n as usize);
    Ok(buf)
}

pub fn setsockopt(fd: i32, level: i32, name: i32, value: &[u8]) -> io::Result<()> {
    check(unsafe { libc::setsockopt(fd, level, name, value.as_ptr() as *const _, value.len() as libc::socklen_t) }).map(|_| ())
}

pub fn hostname() -> io::Result<Vec<u8>> {
    let mut buf = [0u8; 1024];
    check(unsafe { libc::gethostname(buf.as_mut_ptr() as *mut _, buf.len() - 1) })?;
    Ok(c_bytes(buf.as_ptr() as *const _))
}

/// The bytes of a C string (empty for NULL).
fn c_bytes(p: *const libc::c_char) -> Vec<u8> {
    if p.is_null() {
        return Vec::new();
    }
    // SAFETY: the resolver returns NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_bytes().to_vec()
}

/// The strings of a NULL-terminated C array (aliases, addresses).
fn c_list(mut p: *mut *mut libc::c_char) -> Vec<*mut libc::c_char> {
    let mut out = Vec::new();
    while !p.is_null() && unsafe { !(*p).is_null() } {
        out.push(unsafe { *p });
        p = unsafe { p.add(1) };
    }
    out
}

fn gai_error(code: i32) -> LookupError {
    if code == libc::EAI_SYSTEM {
        return LookupError::Os(io::Error::last_os_error());
    }
    LookupError::Resolver(code, String::from_utf8_lossy(&c_bytes(unsafe { libc::gai_strerror(code) })).into_owned())
}

pub fn getaddrinfo(host: Option<&[u8]>, service: Option<&[u8]>, hints: AddrHints) -> Result<Vec<AddrInfo>, LookupError> {
    let host = host.map(cstring).transpose().map_err(LookupError::Os)?;
    let service = service.map(cstring).transpose().map_err(LookupError::Os)?;
    let mut h: libc::addrinfo = unsafe { zeroed() };
    h.ai_family = hints.family;
    h.ai_socktype = hints.socktype;
    h.ai_protocol = hints.protocol;
    h.ai_flags = hints.flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let code = unsafe { libc::getaddrinfo(host.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), service.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), &h, &mut res) };
    if code != 0 {
        return Err(gai_error(code));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: a list getaddrinfo built; freed below.
        let ai = unsafe { &*p };
        let mut st: libc::sockaddr_storage = unsafe { zeroed() };
        let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
        unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, &mut st as *mut _ as *mut u8, n) };
        out.push(AddrInfo { family: ai.ai_family, socktype: ai.ai_socktype, protocol: ai.ai_protocol, canonname: c_bytes(ai.ai_canonname), addr: from_raw(&st, n as libc::socklen_t) });
        p = ai.ai_next;
    }
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

pub fn getnameinfo(addr: &SockAddr, flags: i32) -> Result<(Vec<u8>, Vec<u8>), LookupError> {
    let (st, len) = to_raw(addr).map_err(LookupError::Os)?;
    let mut host = [0 as libc::c_char; libc::NI_MAXHOST as usize];
    let mut serv = [0 as libc::c_char; 32];
    let code = unsafe { libc::getnameinfo(&st as *const _ as *const libc::sockaddr, len, host.as_mut_ptr(), host.len() as _, serv.as_mut_ptr(), serv.len() as _, flags) };
    if code != 0 {
        return Err(gai_error(code));
    }
    Ok((c_bytes(host.as_ptr()), c_bytes(serv.as_ptr())))
}

extern "C" {
    // glibc's reentrant host, service and protocol database lookups.
    fn gethostbyname2_r(name: *const libc::c_char, af: libc::c_int, ret: *mut libc::hostent, buf: *mut libc::c_char, buflen: libc::size_t, result: *mut *mut libc::hostent, h_errnop: *mut libc::c_int) -> libc::c_int;
    fn gethostbyaddr_r(addr: *const libc::c_void, len: libc::socklen_t, af: libc::c_int, ret: *mut libc::hostent, buf: *mut libc::c_char, buflen: libc::size_t, result: *mut *mut libc::hostent, h_errnop: *mut libc::c_int) -> libc::c_int;
    fn getservbyname_r(name: *const libc::c_char, proto: *const libc::c_char, ret: *mut libc::servent, buf: *mut libc::c_char, buflen: libc::size_t, result: *mut *mut libc::servent) -> libc::c_int;
    fn getservbyport_r(port: libc::c_int, proto: *const libc::c_char, ret: *mut libc::servent, buf: *mut libc::c_char, buflen: libc::size_t, result: *mut *mut libc::servent) -> libc::c_int;
    fn getprotobyname_r(name: *const libc::c_char, ret: *mut libc::protoent, buf: *mut libc::c_char, buflen: libc::size_t, result: *mut *mut libc::protoent) -> libc::c_int;
}

const DB_BUF: usize = 16384;

fn host_entry(h: &libc::hostent) -> HostEnt {
    let addrs = c_list(h.h_addr_list)
        .into_iter()
        .filter_map(|a| match h.h_addrtype {
            libc::AF_INET => {
                let mut ip = [0u8; 4];
                unsafe { std::ptr::copy_nonoverlapping(a as *const u8, ip.as_mut_ptr(), 4) };
                Some(SockAddr::Inet { ip, port: 0 })
            }
            libc::AF_INET6 => {
                let mut ip = [0u8; 16];
                unsafe { std::ptr::copy_nonoverlapping(a as *const u8, ip.as_mut_ptr(), 16) };
                Some(SockAddr::Inet6 { ip, port: 0, flowinfo: 0, scope_id: 0 })
            }
            _ => None,
        })
        .collect();
    HostEnt { name: c_bytes(h.h_name), aliases: c_list(h.h_aliases).into_iter().map(|a| c_bytes(a)).collect(), addrs }
}

fn h_error(code: i32) -> LookupError {
    extern "C" {
        fn hstrerror(code: libc::c_int) -> *const libc::c_char;
    }
    LookupError::Resolver(code, String::from_utf8_lossy(&c_bytes(unsafe { hstrerror(code) })).into_owned())
}

pub fn gethostbyname(name: &[u8], family: i32) -> Result<HostEnt, LookupError> {
    let name = cstring(name).map_err(LookupError::Os)?;
    let mut ret: libc::hostent = unsafe { zeroed() };
    let mut buf = vec![0 as libc::c_char; DB_BUF];
    let (mut result, mut herr) = (std::ptr::null_mut(), 0);
    unsafe { gethostbyname2_r(name.as_ptr(), family, &mut ret, buf.as_mut_ptr(), buf.len(), &mut result, &mut herr) };
    if result.is_null() {
        return Err(h_error(herr));
    }
    Ok(host_entry(&ret))
}

pub fn gethostbyaddr(addr: &SockAddr) -> Result<HostEnt, LookupError> {
    let (bytes, af): (Vec<u8>, i32) = match addr {
        SockAddr::Inet { ip, .. } => (ip.to_vec(), libc::AF_INET),
        SockAddr::Inet6 { ip, .. } => (ip.to_vec(), libc::AF_INET6),
        _ => return Err(LookupError::Os(io::Error::from_raw_os_error(libc::EAFNOSUPPORT))),
    };
    let mut ret: libc::hostent = unsafe { zeroed() };
    let mut buf = vec![0 as libc::c_char; DB_BUF];
    let (mut result, mut herr) = (std::ptr::null_mut(), 0);
    unsafe { gethostbyaddr_r(bytes.as_ptr() as *const _, bytes.len() as _, af, &mut ret, buf.as_mut_ptr(), buf.len(), &mut result, &mut herr) };
    if result.is_null() {
        return Err(h_error(herr));
    }
    Ok(host_entry(&ret))
}

pub fn getservbyname(name: &[u8], proto: Option<&[u8]>) -> Option<u16> {
    let name = cstring(name).ok()?;
    let proto = proto.map(cstring).transpose().ok()?;
    let mut ret: libc::servent = unsafe { zeroed() };
    let mut buf = vec![0 as libc::c_char; DB_BUF];
    let mut result = std::ptr::null_mut();
    unsafe { getservbyname_r(name.as_ptr(), proto.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), &mut ret, buf.as_mut_ptr(), buf.len(), &mut result) };
    if result.is_null() { None } else { Some(u16::from_be(ret.s_port as u16)) }
}

pub fn getservbyport(port: u16, proto: Option<&[u8]>) -> Option<Vec<u8>> {
    let proto = proto.map(cstring).transpose().ok()?;
    let mut ret: libc::servent = unsafe { zeroed() };
    let mut buf = vec![0 as libc::c_char; DB_BUF];
    let mut result = std::ptr::null_mut();
    unsafe { getservbyport_r(port.to_be() as libc::c_int, proto.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()), &mut ret, buf.as_mut_ptr(), buf.len(), &mut result) };
    if result.is_null() { None } else { Some(c_bytes(ret.s_name)) }
}

pub fn getprotobyname(name: &[u8]) -> Option<i32> {
    let name = cstring(name).ok()?;
    let mut ret: libc::protoent = unsafe { zeroed() };
    let mut buf = vec![0 as libc::c_char; DB_BUF];
    let mut result = std::ptr::null_mut();
    unsafe { getprotobyname_r(name.as_ptr(), &mut ret, buf.as_mut_ptr(), buf.len(), &mut result) };
    if result.is_null() { None } else { Some(ret.p_proto) }
}
