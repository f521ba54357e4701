//! The host layer: every OS access a frontend makes goes through `Host`.
//!
//! Frontends never call `std::fs`, `std::env` or libc for the user program's
//! sake; they call `host()`. Today that is `RealHost`, a thin wrapper over the
//! OS. The sandbox installs a proxy that forwards each call to a controller
//! process which applies a policy, so this trait is the whole attack surface
//! a sandboxed program can reach. Files are raw descriptors (ints), because
//! that is what language-level APIs such as Python's `os` module expose.

use std::ffi::{CString, OsStr, OsString};
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::Path;
use std::sync::OnceLock;

/// A file time: seconds since the epoch and nanoseconds within the second.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FileTime {
    pub sec: i64,
    pub nsec: i64,
}

impl FileTime {
    pub fn as_f64(&self) -> f64 {
        self.sec as f64 + self.nsec as f64 * 1e-9
    }
}

mod net;
pub use net::{AddrHints, AddrInfo, HostEnt, LookupError, SockAddr};

/// File metadata, as `stat(2)` reports it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stat {
    pub mode: u32,
    pub ino: u64,
    pub dev: u64,
    pub nlink: u64,
    pub uid: u32,
    pub gid: u32,
    pub size: i64,
    pub atime: FileTime,
    pub mtime: FileTime,
    pub ctime: FileTime,
    pub blksize: i64,
    pub blocks: i64,
    pub rdev: u64,
}

impl Stat {
    pub fn is_dir(&self) -> bool {
        self.mode & libc::S_IFMT == libc::S_IFDIR
    }
    pub fn is_file(&self) -> bool {
        self.mode & libc::S_IFMT == libc::S_IFREG
    }
}

/// Which clock `Host::clock` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Seconds since the Unix epoch.
    Wall,
    /// Seconds from an arbitrary start; never goes back.
    Monotonic,
    /// CPU seconds used by this process.
    ProcessCpu,
}

/// The result of running a child process to completion.
#[derive(Clone, Debug, Default)]
pub struct ProcessOutput {
    pub status: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// File-system statistics, as `statvfs(2)` reports them.
#[derive(Clone, Copy, Debug, Default)]
pub struct StatVfs {
    pub bsize: u64,
    pub frsize: u64,
    pub blocks: u64,
    pub bfree: u64,
    pub bavail: u64,
    pub files: u64,
    pub ffree: u64,
    pub favail: u64,
    pub flag: u64,
    pub namemax: u64,
}

/// One descriptor to watch with `Host::poll` (the fields of `struct pollfd`).
#[derive(Clone, Copy, Debug, Default)]
pub struct PollFd {
    pub fd: i32,
    pub events: i16,
    pub revents: i16,
}

/// The argument of an `fcntl` or `ioctl` request: an integer, or a buffer
/// the kernel reads and may rewrite in place.
pub enum CtlArg<'a> {
    Int(i64),
    Buf(&'a mut [u8]),
}

/// A process identity number `Host::process_id` reports or
/// `Host::set_process_id` changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessId {
    Pid,
    ParentPid,
    ProcessGroup,
    Uid,
    EffectiveUid,
    Gid,
    EffectiveGid,
}

/// How to find an entry of the user or group database.
#[derive(Clone, Copy, Debug)]
pub enum Lookup<'a> {
    Name(&'a OsStr),
    Id(u32),
}

/// An entry of the user database (`struct passwd`).
#[derive(Clone, Debug, Default)]
pub struct UserEntry {
    pub name: OsString,
    pub passwd: OsString,
    pub uid: u32,
    pub gid: u32,
    pub gecos: OsString,
    pub dir: OsString,
    pub shell: OsString,
}

/// An entry of the group database (`struct group`).
#[derive(Clone, Debug, Default)]
pub struct GroupEntry {
    pub name: OsString,
    pub passwd: OsString,
    pub gid: u32,
    pub members: Vec<OsString>,
}

/// Every OS service a frontend may use on behalf of a user program.
///
/// The rule for what belongs here: anything that touches files, other
/// processes, the environment, the user database, randomness or
/// process-wide state (working directory, umask, ids, limits). Pure
/// information about the machine (uname, sysconf, clocks of this process)
/// and the signal dispositions of this process stay with the frontend.
/// Errors are `io::Error`s carrying the OS errno, which languages report.
pub trait Host: Send + Sync {
    // Files and descriptors.
    /// `open(2)` with exactly these flags (add O_CLOEXEC to keep the
    /// descriptor from child processes).
    fn open(&self, path: &Path, flags: i32, mode: u32) -> io::Result<i32>;
    /// `read(2)`; a signal arriving first ends it with `ErrorKind::Interrupted`
    /// (the caller decides whether to run handlers and retry).
    fn read(&self, fd: i32, buf: &mut [u8]) -> io::Result<usize>;
    /// `write(2)`; interrupted like `read`.
    fn write(&self, fd: i32, buf: &[u8]) -> io::Result<usize>;
    fn close(&self, fd: i32) -> io::Result<()>;
    fn seek(&self, fd: i32, offset: i64, whence: i32) -> io::Result<i64>;
    fn fstat(&self, fd: i32) -> io::Result<Stat>;
    fn isatty(&self, fd: i32) -> bool;
    fn dup(&self, fd: i32) -> io::Result<i32>;
    /// Makes `fd2` a copy of `fd` (closing what `fd2` was).
    fn dup2(&self, fd: i32, fd2: i32) -> io::Result<()>;
    /// A new pipe: (read end, write end).
    fn pipe(&self) -> io::Result<(i32, i32)>;
    fn ftruncate(&self, fd: i32, len: i64) -> io::Result<()>;
    /// Flushes `fd` to storage (`fdatasync` when `data_only`).
    fn fsync(&self, fd: i32, data_only: bool) -> io::Result<()>;
    fn fchmod(&self, fd: i32, mode: u32) -> io::Result<()>;
    fn fchown(&self, fd: i32, uid: u32, gid: u32) -> io::Result<()>;
    /// Makes the directory open as `fd` the working directory.
    fn fchdir(&self, fd: i32) -> io::Result<()>;
    /// The terminal device open as `fd`.
    fn ttyname(&self, fd: i32) -> io::Result<OsString>;
    fn fcntl(&self, fd: i32, cmd: i32, arg: CtlArg) -> io::Result<i64>;
    fn ioctl(&self, fd: i32, request: u64, arg: CtlArg) -> io::Result<i64>;
    /// `flock(2)`: whole-file advisory lock.
    fn flock(&self, fd: i32, op: i32) -> io::Result<()>;
    /// Waits until one of `fds` is ready or `timeout_ms` passes (negative:
    /// forever); returns how many are ready. A signal ends the wait early
    /// with `ErrorKind::Interrupted`.
    fn poll(&self, fds: &mut [PollFd], timeout_ms: i32) -> io::Result<usize>;
    fn fstatvfs(&self, fd: i32) -> io::Result<StatVfs>;
    /// `fpathconf(3)`: None when the limit is indefinite.
    fn fpathconf(&self, fd: i32, name: i32) -> io::Result<Option<i64>>;
    // Paths and directories.
    fn stat(&self, path: &Path, follow_links: bool) -> io::Result<Stat>;
    fn list_dir(&self, path: &Path) -> io::Result<Vec<OsString>>;
    fn mkdir(&self, path: &Path, mode: u32) -> io::Result<()>;
    fn rmdir(&self, path: &Path) -> io::Result<()>;
    fn unlink(&self, path: &Path) -> io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// A hard link `to` naming the file `from`.
    fn link(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// A symbolic link at `link` whose content is `target`.
    fn symlink(&self, target: &Path, link: &Path) -> io::Result<()>;
    fn readlink(&self, path: &Path) -> io::Result<OsString>;
    fn chmod(&self, path: &Path, mode: u32) -> io::Result<()>;
    /// Changes owner and group (u32::MAX leaves one unchanged).
    fn chown(&self, path: &Path, uid: u32, gid: u32, follow_links: bool) -> io::Result<()>;
    /// Sets access and modification times; None means now.
    fn utime(&self, path: &Path, times: Option<(FileTime, FileTime)>) -> io::Result<()>;
    /// Creates a file-system node: a FIFO, device or plain file by `mode`'s type bits.
    fn mknod(&self, path: &Path, mode: u32, dev: u64) -> io::Result<()>;
    fn access(&self, path: &Path, mode: i32) -> bool;
    fn statvfs(&self, path: &Path) -> io::Result<StatVfs>;
    /// `pathconf(3)`: None when the limit is indefinite.
    fn pathconf(&self, path: &Path, name: i32) -> io::Result<Option<i64>>;
    fn getcwd(&self) -> io::Result<OsString>;
    fn chdir(&self, path: &Path) -> io::Result<()>;
    /// Sets the file-creation mask; returns the previous one.
    fn umask(&self, mask: u32) -> u32;
    // Environment.
    fn env_vars(&self) -> Vec<(OsString, OsString)>;
    fn env_var(&self, name: &OsStr) -> Option<OsString>;
    fn set_env_var(&self, name: &OsStr, value: Option<&OsStr>);
    // Time.
    fn clock(&self, which: Clock) -> f64;
    /// Sleeps; a signal ends the sleep early with `ErrorKind::Interrupted`.
    fn sleep(&self, seconds: f64) -> io::Result<()>;
    // Randomness.
    /// Fills `buf` from the OS's cryptographic random source.
    fn random_bytes(&self, buf: &mut [u8]) -> io::Result<()>;
    // Processes.
    fn pid(&self) -> i32;
    /// One identity number of this process.
    fn process_id(&self, which: ProcessId) -> u32;
    /// Changes one identity number (uid, euid, gid or egid).
    fn set_process_id(&self, which: ProcessId, id: u32) -> io::Result<()>;
    /// The supplementary group ids.
    fn groups(&self) -> io::Result<Vec<u32>>;
    /// The name of the user logged in on the controlling terminal (an
    /// error with errno 0 when there is none).
    fn login_name(&self) -> io::Result<OsString>;
    /// The process group of process `pid` (0: this one).
    fn getpgid(&self, pid: i32) -> io::Result<i32>;
    fn setpgid(&self, pid: i32, pgid: i32) -> io::Result<()>;
    /// The session of process `pid` (0: this one).
    fn getsid(&self, pid: i32) -> io::Result<i32>;
    /// Starts a new session; returns its id.
    fn setsid(&self) -> io::Result<i32>;
    /// Adds `increment` to the nice value; returns the new one.
    fn nice(&self, increment: i32) -> io::Result<i32>;
    /// Reads (and with `new`, sets) a resource limit: (soft, hard).
    fn rlimit(&self, resource: i32, new: Option<(u64, u64)>) -> io::Result<(u64, u64)>;
    /// Sends signal `sig` to process `pid` (a process group when negative).
    fn kill(&self, pid: i32, sig: i32) -> io::Result<()>;
    /// `fork(2)`: 0 in the child, the child's pid in the parent.
    fn fork(&self) -> io::Result<i32>;
    /// Replaces this process by `path` run with `argv` and `env` (this
    /// process's environment when None); returns only on failure.
    fn execve(&self, path: &Path, argv: &[OsString], env: Option<&[OsString]>) -> io::Error;
    /// `waitpid(2)`: (pid, raw status); pid 0 with WNOHANG when none has exited.
    fn waitpid(&self, pid: i32, options: i32) -> io::Result<(i32, i32)>;
    fn run_process(&self, argv: &[OsString], stdin: &[u8]) -> io::Result<ProcessOutput>;
    /// Runs `command` with /bin/sh; returns the raw wait status.
    fn system(&self, command: &OsStr) -> io::Result<i32>;
    fn exit(&self, status: i32) -> !;
    // The user and group databases.
    fn user(&self, key: Lookup) -> Option<UserEntry>;
    fn all_users(&self) -> Vec<UserEntry>;
    fn group(&self, key: Lookup) -> Option<GroupEntry>;
    fn all_groups(&self) -> Vec<GroupEntry>;
    // Sockets: descriptors like files (read/write/close/dup apply to them too).
    /// socket(2): a new socket of `family`, `socktype`, `proto`.
    fn socket(&self, family: i32, socktype: i32, proto: i32) -> io::Result<i32>;
    /// socketpair(2): two connected sockets.
    fn socketpair(&self, family: i32, socktype: i32, proto: i32) -> io::Result<(i32, i32)>;
    /// bind(2): gives a socket its local address.
    fn bind(&self, fd: i32, addr: &SockAddr) -> io::Result<()>;
    /// listen(2): makes a stream socket accept connections.
    fn listen(&self, fd: i32, backlog: i32) -> io::Result<()>;
    /// accept(2): the next connection's socket and its peer's address.
    fn accept(&self, fd: i32) -> io::Result<(i32, SockAddr)>;
    /// connect(2); a non-blocking socket fails with EINPROGRESS at first.
    fn connect(&self, fd: i32, addr: &SockAddr) -> io::Result<()>;
    /// send(2) with MSG_* `flags`: the number of bytes sent.
    fn send(&self, fd: i32, buf: &[u8], flags: i32) -> io::Result<usize>;
    /// sendto(2): a datagram to `addr`.
    fn send_to(&self, fd: i32, buf: &[u8], flags: i32, addr: &SockAddr) -> io::Result<usize>;
    /// recv(2): bytes received into `buf` (0 at end of stream).
    fn recv(&self, fd: i32, buf: &mut [u8], flags: i32) -> io::Result<usize>;
    /// recvfrom(2): also the sender, None when the OS names none.
    fn recv_from(&self, fd: i32, buf: &mut [u8], flags: i32) -> io::Result<(usize, Option<SockAddr>)>;
    /// shutdown(2) with SHUT_RD, SHUT_WR or SHUT_RDWR.
    fn shutdown(&self, fd: i32, how: i32) -> io::Result<()>;
    /// getsockname(2), or getpeername(2) when `peer`.
    fn sock_name(&self, fd: i32, peer: bool) -> io::Result<SockAddr>;
    /// getsockopt(2) into `len` bytes: the bytes the OS filled in.
    fn getsockopt(&self, fd: i32, level: i32, name: i32, len: usize) -> io::Result<Vec<u8>>;
    /// setsockopt(2) with the option's raw bytes.
    fn setsockopt(&self, fd: i32, level: i32, name: i32, value: &[u8]) -> io::Result<()>;
    // Name services.
    /// gethostname(2).
    fn hostname(&self) -> io::Result<Vec<u8>>;
    /// getaddrinfo(3): the addresses for a host and/or service.
    fn getaddrinfo(&self, host: Option<&[u8]>, service: Option<&[u8]>, hints: AddrHints) -> Result<Vec<AddrInfo>, LookupError>;
    /// getnameinfo(3): (host, service) names of an address.
    fn getnameinfo(&self, addr: &SockAddr, flags: i32) -> Result<(Vec<u8>, Vec<u8>), LookupError>;
    /// The host database entry of a name, for addresses of `family`.
    fn gethostbyname(&self, name: &[u8], family: i32) -> Result<HostEnt, LookupError>;
    /// The host database entry of an address (its port is ignored).
    fn gethostbyaddr(&self, addr: &SockAddr) -> Result<HostEnt, LookupError>;
    /// The port of a named service (/etc/services), for `proto` if given.
    fn getservbyname(&self, name: &[u8], proto: Option<&[u8]>) -> Option<u16>;
    /// The name of the service on `port`, for `proto` if given.
    fn getservbyport(&self, port: u16, proto: Option<&[u8]>) -> Option<Vec<u8>>;
    /// The number of a protocol by name (/etc/protocols).
    fn getprotobyname(&self, name: &[u8]) -> Option<i32>;
}

static HOST: OnceLock<Box<dyn Host>> = OnceLock::new();

/// The host in force: the real OS unless a proxy was installed first.
pub fn host() -> &'static dyn Host {
    &**HOST.get_or_init(|| Box::new(RealHost))
}

/// Installs `h` as the host; fails if a host was already in use.
pub fn install(h: Box<dyn Host>) -> Result<(), Box<dyn Host>> {
    HOST.set(h)
}

/// The OS itself.
pub struct RealHost;

fn cpath(p: &Path) -> io::Result<CString> {
    CString::new(p.as_os_str().as_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

fn check(r: i64) -> io::Result<i64> {
    if r < 0 { Err(io::Error::last_os_error()) } else { Ok(r) }
}

/// `check` for calls that return 0 on success.
fn check0(r: libc::c_int) -> io::Result<()> {
    check(r as i64).map(|_| ())
}

/// Runs a system call again while a signal interrupts it.
fn retry(mut f: impl FnMut() -> i64) -> io::Result<i64> {
    loop {
        match check(f()) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

// libc's field types differ between platforms, hence casts that are
// no-ops on some of them.
#[allow(clippy::unnecessary_cast)]
fn to_stat(s: &libc::stat) -> Stat {
    let t = |sec: i64, nsec: i64| FileTime { sec, nsec };
    Stat {
        mode: s.st_mode,
        ino: s.st_ino,
        dev: s.st_dev,
        nlink: s.st_nlink as u64,
        uid: s.st_uid,
        gid: s.st_gid,
        size: s.st_size,
        atime: t(s.st_atime, s.st_atime_nsec),
        mtime: t(s.st_mtime, s.st_mtime_nsec),
        ctime: t(s.st_ctime, s.st_ctime_nsec),
        blksize: s.st_blksize as i64,
        blocks: s.st_blocks as i64,
        rdev: s.st_rdev,
    }
}

#[allow(clippy::unnecessary_cast)]
fn to_statvfs(s: &libc::statvfs) -> StatVfs {
    StatVfs {
        bsize: s.f_bsize as u64,
        frsize: s.f_frsize as u64,
        blocks: s.f_blocks as u64,
        bfree: s.f_bfree as u64,
        bavail: s.f_bavail as u64,
        files: s.f_files as u64,
        ffree: s.f_ffree as u64,
        favail: s.f_favail as u64,
        flag: s.f_flag as u64,
        namemax: s.f_namemax as u64,
    }
}

/// A `*conf(3)` result: -1 without errno means "no limit".
#[allow(clippy::unnecessary_cast)]
fn conf_result(r: libc::c_long) -> io::Result<Option<i64>> {
    if r == -1 {
        let e = io::Error::last_os_error();
        return if e.raw_os_error() == Some(0) { Ok(None) } else { Err(e) };
    }
    Ok(Some(r as i64))
}

fn clear_errno() {
    // SAFETY: errno is a thread-local int.
    unsafe { *libc::__errno_location() = 0 };
}

fn os_bytes(p: *const libc::c_char) -> OsString {
    if p.is_null() {
        return OsString::new();
    }
    // SAFETY: a NUL-terminated string from the C library.
    OsString::from_vec(unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes().to_vec())
}

fn to_user(p: &libc::passwd) -> UserEntry {
    UserEntry {
        name: os_bytes(p.pw_name),
        passwd: os_bytes(p.pw_passwd),
        uid: p.pw_uid,
        gid: p.pw_gid,
        gecos: os_bytes(p.pw_gecos),
        dir: os_bytes(p.pw_dir),
        shell: os_bytes(p.pw_shell),
    }
}

fn to_group(g: &libc::group) -> GroupEntry {
    let mut members = Vec::new();
    let mut m = g.gr_mem;
    // SAFETY: gr_mem is a NULL-terminated array of C strings.
    unsafe {
        while !m.is_null() && !(*m).is_null() {
            members.push(os_bytes(*m));
            m = m.add(1);
        }
    }
    GroupEntry { name: os_bytes(g.gr_name), passwd: os_bytes(g.gr_passwd), gid: g.gr_gid, members }
}

/// Calls a reentrant `get*_r` lookup with a growing buffer and converts the
/// entry found while its strings (which live in the buffer) are valid.
fn lookup_r<T, R>(mut call: impl FnMut(*mut T, &mut [libc::c_char], *mut *mut T) -> libc::c_int, convert: impl Fn(&T) -> R) -> Option<R> {
    let mut buf = vec![0 as libc::c_char; 1024];
    loop {
        // SAFETY: T is a plain C struct; the call fills it and points `res` at it.
        let mut out: T = unsafe { std::mem::zeroed() };
        let mut res: *mut T = std::ptr::null_mut();
        let r = call(&mut out, &mut buf, &mut res);
        if r == libc::ERANGE && buf.len() < (1 << 22) {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        return if r == 0 && !res.is_null() { Some(convert(&out)) } else { None };
    }
}

impl Host for RealHost {
    fn open(&self, path: &Path, flags: i32, mode: u32) -> io::Result<i32> {
        let c = cpath(path)?;
        // SAFETY: valid C string; flags/mode are plain integers.
        retry(|| unsafe { libc::open(c.as_ptr(), flags, mode as libc::c_uint) } as i64).map(|fd| fd as i32)
    }
    fn read(&self, fd: i32, buf: &mut [u8]) -> io::Result<usize> {
        // SAFETY: buf is valid for writes of its length.
        check(unsafe { libc::read(fd, buf.as_mut_ptr() as *mut _, buf.len()) } as i64).map(|n| n as usize)
    }
    fn write(&self, fd: i32, buf: &[u8]) -> io::Result<usize> {
        // SAFETY: buf is valid for reads of its length.
        check(unsafe { libc::write(fd, buf.as_ptr() as *const _, buf.len()) } as i64).map(|n| n as usize)
    }
    fn close(&self, fd: i32) -> io::Result<()> {
        check0(unsafe { libc::close(fd) })
    }
    fn seek(&self, fd: i32, offset: i64, whence: i32) -> io::Result<i64> {
        check(unsafe { libc::lseek(fd, offset, whence) })
    }
    fn fstat(&self, fd: i32) -> io::Result<Stat> {
        let mut s: libc::stat = unsafe { std::mem::zeroed() };
        check0(unsafe { libc::fstat(fd, &mut s) })?;
        Ok(to_stat(&s))
    }
    fn isatty(&self, fd: i32) -> bool {
        unsafe { libc::isatty(fd) == 1 }
    }
    fn dup(&self, fd: i32) -> io::Result<i32> {
        check(unsafe { libc::dup(fd) } as i64).map(|x| x as i32)
    }
    fn dup2(&self, fd: i32, fd2: i32) -> io::Result<()> {
        retry(|| unsafe { libc::dup2(fd, fd2) } as i64).map(|_| ())
    }
    fn pipe(&self) -> io::Result<(i32, i32)> {
        let mut fds = [0; 2];
        check0(unsafe { libc::pipe(fds.as_mut_ptr()) })?;
        Ok((fds[0], fds[1]))
    }
    fn ftruncate(&self, fd: i32, len: i64) -> io::Result<()> {
        check0(unsafe { libc::ftruncate(fd, len) })
    }
    fn fsync(&self, fd: i32, data_only: bool) -> io::Result<()> {
        check0(unsafe { if data_only { libc::fdatasync(fd) } else { libc::fsync(fd) } })
    }
    fn fchmod(&self, fd: i32, mode: u32) -> io::Result<()> {
        check0(unsafe { libc::fchmod(fd, mode) })
    }
    fn fchown(&self, fd: i32, uid: u32, gid: u32) -> io::Result<()> {
        check0(unsafe { libc::fchown(fd, uid, gid) })
    }
    fn fchdir(&self, fd: i32) -> io::Result<()> {
        check0(unsafe { libc::fchdir(fd) })
    }
    fn ttyname(&self, fd: i32) -> io::Result<OsString> {
        let mut buf = [0 as libc::c_char; 256];
        // ttyname_r returns the error number instead of setting errno.
        match unsafe { libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len()) } {
            0 => Ok(os_bytes(buf.as_ptr())),
            e => Err(io::Error::from_raw_os_error(e)),
        }
    }
    fn fcntl(&self, fd: i32, cmd: i32, arg: CtlArg) -> io::Result<i64> {
        // SAFETY: the buffer outlives the call; the caller sized it for `cmd`.
        let r = match arg {
            CtlArg::Int(i) => unsafe { libc::fcntl(fd, cmd, i as libc::c_long) },
            CtlArg::Buf(b) => unsafe { libc::fcntl(fd, cmd, b.as_mut_ptr()) },
        };
        check(r as i64)
    }
    fn ioctl(&self, fd: i32, request: u64, arg: CtlArg) -> io::Result<i64> {
        // SAFETY: as for fcntl.
        let r = match arg {
            CtlArg::Int(i) => unsafe { libc::ioctl(fd, request as libc::c_ulong, i as libc::c_long) },
            CtlArg::Buf(b) => unsafe { libc::ioctl(fd, request as libc::c_ulong, b.as_mut_ptr()) },
        };
        check(r as i64)
    }
    fn flock(&self, fd: i32, op: i32) -> io::Result<()> {
        check0(unsafe { libc::flock(fd, op) })
    }
    fn poll(&self, fds: &mut [PollFd], timeout_ms: i32) -> io::Result<usize> {
        let mut raw: Vec<libc::pollfd> = fds.iter().map(|p| libc::pollfd { fd: p.fd, events: p.events, revents: 0 }).collect();
        let n = check(unsafe { libc::poll(raw.as_mut_ptr(), raw.len() as libc::nfds_t, timeout_ms) } as i64)?;
        for (p, r) in fds.iter_mut().zip(&raw) {
            p.revents = r.revents;
        }
        Ok(n as usize)
    }
    fn fstatvfs(&self, fd: i32) -> io::Result<StatVfs> {
        let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
        check0(unsafe { libc::fstatvfs(fd, &mut s) })?;
        Ok(to_statvfs(&s))
    }
    fn fpathconf(&self, fd: i32, name: i32) -> io::Result<Option<i64>> {
        clear_errno();
        conf_result(unsafe { libc::fpathconf(fd, name) })
    }
    fn stat(&self, path: &Path, follow_links: bool) -> io::Result<Stat> {
        let c = cpath(path)?;
        let mut s: libc::stat = unsafe { std::mem::zeroed() };
        check0(unsafe { if follow_links { libc::stat(c.as_ptr(), &mut s) } else { libc::lstat(c.as_ptr(), &mut s) } })?;
        Ok(to_stat(&s))
    }
    fn list_dir(&self, path: &Path) -> io::Result<Vec<OsString>> {
        std::fs::read_dir(path)?.map(|e| e.map(|e| e.file_name())).collect()
    }
    fn mkdir(&self, path: &Path, mode: u32) -> io::Result<()> {
        let c = cpath(path)?;
        check0(unsafe { libc::mkdir(c.as_ptr(), mode) })
    }
    fn rmdir(&self, path: &Path) -> io::Result<()> {
        let c = cpath(path)?;
        check0(unsafe { libc::rmdir(c.as_ptr()) })
    }
    fn unlink(&self, path: &Path) -> io::Result<()> {
        let c = cpath(path)?;
        check0(unsafe { libc::unlink(c.as_ptr()) })
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        let (a, b) = (cpath(from)?, cpath(to)?);
        check0(unsafe { libc::rename(a.as_ptr(), b.as_ptr()) })
    }
    fn link(&self, from: &Path, to: &Path) -> io::Result<()> {
        let (a, b) = (cpath(from)?, cpath(to)?);
        check0(unsafe { libc::link(a.as_ptr(), b.as_ptr()) })
    }
    fn symlink(&self, target: &Path, link: &Path) -> io::Result<()> {
        let (a, b) = (cpath(target)?, cpath(link)?);
        check0(unsafe { libc::symlink(a.as_ptr(), b.as_ptr()) })
    }
    fn readlink(&self, path: &Path) -> io::Result<OsString> {
        std::fs::read_link(path).map(|p| p.into_os_string())
    }
    fn chmod(&self, path: &Path, mode: u32) -> io::Result<()> {
        let c = cpath(path)?;
        check0(unsafe { libc::chmod(c.as_ptr(), mode) })
    }
    fn chown(&self, path: &Path, uid: u32, gid: u32, follow_links: bool) -> io::Result<()> {
        let c = cpath(path)?;
        check0(unsafe { if follow_links { libc::chown(c.as_ptr(), uid, gid) } else { libc::lchown(c.as_ptr(), uid, gid) } })
    }
    fn utime(&self, path: &Path, times: Option<(FileTime, FileTime)>) -> io::Result<()> {
        let c = cpath(path)?;
        let ts = |t: FileTime| libc::timespec { tv_sec: t.sec, tv_nsec: t.nsec };
        let buf = times.map(|(a, m)| [ts(a), ts(m)]);
        let p = buf.as_ref().map_or(std::ptr::null(), |b| b.as_ptr());
        check0(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), p, 0) })
    }
    fn mknod(&self, path: &Path, mode: u32, dev: u64) -> io::Result<()> {
        let c = cpath(path)?;
        check0(unsafe { libc::mknod(c.as_ptr(), mode, dev) })
    }
    fn access(&self, path: &Path, mode: i32) -> bool {
        cpath(path).map(|c| unsafe { libc::access(c.as_ptr(), mode) } == 0).unwrap_or(false)
    }
    fn statvfs(&self, path: &Path) -> io::Result<StatVfs> {
        let c = cpath(path)?;
        let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
        check0(unsafe { libc::statvfs(c.as_ptr(), &mut s) })?;
        Ok(to_statvfs(&s))
    }
    fn pathconf(&self, path: &Path, name: i32) -> io::Result<Option<i64>> {
        let c = cpath(path)?;
        clear_errno();
        conf_result(unsafe { libc::pathconf(c.as_ptr(), name) })
    }
    fn getcwd(&self) -> io::Result<OsString> {
        std::env::current_dir().map(|p| p.into_os_string())
    }
    fn chdir(&self, path: &Path) -> io::Result<()> {
        let c = cpath(path)?;
        check0(unsafe { libc::chdir(c.as_ptr()) })
    }
    fn umask(&self, mask: u32) -> u32 {
        unsafe { libc::umask(mask) }
    }
    fn env_vars(&self) -> Vec<(OsString, OsString)> {
        std::env::vars_os().collect()
    }
    fn env_var(&self, name: &OsStr) -> Option<OsString> {
        std::env::var_os(name)
    }
    fn set_env_var(&self, name: &OsStr, value: Option<&OsStr>) {
        if name.is_empty() || name.as_bytes().contains(&b'=') || name.as_bytes().contains(&0) {
            return;
        }
        // SAFETY (std's contract): frontends run user code single-threaded per heap;
        // environment changes happen under the interpreter lock.
        unsafe {
            match value {
                Some(v) if !v.as_bytes().contains(&0) => std::env::set_var(name, v),
                Some(_) => {}
                None => std::env::remove_var(name),
            }
        }
    }
    fn clock(&self, which: Clock) -> f64 {
        let id = match which {
            Clock::Wall => libc::CLOCK_REALTIME,
            Clock::Monotonic => libc::CLOCK_MONOTONIC,
            Clock::ProcessCpu => libc::CLOCK_PROCESS_CPUTIME_ID,
        };
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        unsafe { libc::clock_gettime(id, &mut ts) };
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
    }
    fn sleep(&self, seconds: f64) -> io::Result<()> {
        if seconds.is_nan() || seconds <= 0.0 {
            return Ok(());
        }
        let s = seconds.min(1e12);
        let ts = libc::timespec { tv_sec: s.trunc() as libc::time_t, tv_nsec: (s.fract() * 1e9) as libc::c_long };
        check0(unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) })
    }
    fn random_bytes(&self, buf: &mut [u8]) -> io::Result<()> {
        let mut done = 0;
        while done < buf.len() {
            let rest = &mut buf[done..];
            done += retry(|| unsafe { libc::getrandom(rest.as_mut_ptr() as *mut _, rest.len(), 0) } as i64)? as usize;
        }
        Ok(())
    }
    fn pid(&self) -> i32 {
        std::process::id() as i32
    }
    fn process_id(&self, which: ProcessId) -> u32 {
        unsafe {
            match which {
                ProcessId::Pid => libc::getpid() as u32,
                ProcessId::ParentPid => libc::getppid() as u32,
                ProcessId::ProcessGroup => libc::getpgrp() as u32,
                ProcessId::Uid => libc::getuid(),
                ProcessId::EffectiveUid => libc::geteuid(),
                ProcessId::Gid => libc::getgid(),
                ProcessId::EffectiveGid => libc::getegid(),
            }
        }
    }
    fn set_process_id(&self, which: ProcessId, id: u32) -> io::Result<()> {
        check0(unsafe {
            match which {
                ProcessId::Uid => libc::setuid(id),
                ProcessId::EffectiveUid => libc::seteuid(id),
                ProcessId::Gid => libc::setgid(id),
                ProcessId::EffectiveGid => libc::setegid(id),
                _ => return Err(io::Error::from_raw_os_error(libc::EINVAL)),
            }
        })
    }
    fn groups(&self) -> io::Result<Vec<u32>> {
        let n = check(unsafe { libc::getgroups(0, std::ptr::null_mut()) } as i64)?;
        let mut v = vec![0; n as usize];
        let n = check(unsafe { libc::getgroups(n as libc::c_int, v.as_mut_ptr()) } as i64)?;
        v.truncate(n as usize);
        Ok(v)
    }
    fn login_name(&self) -> io::Result<OsString> {
        clear_errno();
        let p = unsafe { libc::getlogin() };
        if p.is_null() { Err(io::Error::last_os_error()) } else { Ok(os_bytes(p)) }
    }
    fn getpgid(&self, pid: i32) -> io::Result<i32> {
        check(unsafe { libc::getpgid(pid) } as i64).map(|x| x as i32)
    }
    fn setpgid(&self, pid: i32, pgid: i32) -> io::Result<()> {
        check0(unsafe { libc::setpgid(pid, pgid) })
    }
    fn getsid(&self, pid: i32) -> io::Result<i32> {
        check(unsafe { libc::getsid(pid) } as i64).map(|x| x as i32)
    }
    fn setsid(&self) -> io::Result<i32> {
        check(unsafe { libc::setsid() } as i64).map(|x| x as i32)
    }
    fn nice(&self, increment: i32) -> io::Result<i32> {
        // nice may legitimately return -1, so errno tells failure apart.
        clear_errno();
        let r = unsafe { libc::nice(increment) };
        let e = io::Error::last_os_error();
        if r == -1 && e.raw_os_error() != Some(0) { Err(e) } else { Ok(r) }
    }
    fn rlimit(&self, resource: i32, new: Option<(u64, u64)>) -> io::Result<(u64, u64)> {
        let lim = new.map(|(cur, max)| libc::rlimit { rlim_cur: cur, rlim_max: max });
        let mut old = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        let p = lim.as_ref().map_or(std::ptr::null(), |l| l as *const _);
        check0(unsafe { libc::prlimit(0, resource as libc::__rlimit_resource_t, p, &mut old) })?;
        Ok((old.rlim_cur, old.rlim_max))
    }
    fn kill(&self, pid: i32, sig: i32) -> io::Result<()> {
        check0(unsafe { libc::kill(pid, sig) })
    }
    fn fork(&self) -> io::Result<i32> {
        check(unsafe { libc::fork() } as i64).map(|x| x as i32)
    }
    fn execve(&self, path: &Path, argv: &[OsString], env: Option<&[OsString]>) -> io::Error {
        let cstrs = |v: &[OsString]| v.iter().map(|a| CString::new(a.as_bytes())).collect::<Result<Vec<_>, _>>();
        let (Ok(p), Ok(args)) = (cpath(path), cstrs(argv)) else { return io::Error::from_raw_os_error(libc::EINVAL) };
        let mut argp: Vec<*const libc::c_char> = args.iter().map(|a| a.as_ptr()).collect();
        argp.push(std::ptr::null());
        match env {
            None => unsafe { libc::execv(p.as_ptr(), argp.as_ptr()) },
            Some(env) => {
                let Ok(envs) = cstrs(env) else { return io::Error::from_raw_os_error(libc::EINVAL) };
                let mut envp: Vec<*const libc::c_char> = envs.iter().map(|a| a.as_ptr()).collect();
                envp.push(std::ptr::null());
                unsafe { libc::execve(p.as_ptr(), argp.as_ptr(), envp.as_ptr()) }
            }
        };
        io::Error::last_os_error()
    }
    fn waitpid(&self, pid: i32, options: i32) -> io::Result<(i32, i32)> {
        let mut status = 0;
        let r = check(unsafe { libc::waitpid(pid, &mut status, options) } as i64)?;
        Ok((r as i32, status))
    }
    fn run_process(&self, argv: &[OsString], stdin: &[u8]) -> io::Result<ProcessOutput> {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let (prog, rest) = argv.split_first().ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
        let mut child = Command::new(prog).args(rest).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
        if let Some(mut i) = child.stdin.take() {
            let _ = i.write_all(stdin);
        }
        let out = child.wait_with_output()?;
        use std::os::unix::process::ExitStatusExt;
        let status = out.status.code().unwrap_or_else(|| -out.status.signal().unwrap_or(1));
        Ok(ProcessOutput { status, stdout: out.stdout, stderr: out.stderr })
    }
    fn system(&self, command: &OsStr) -> io::Result<i32> {
        let st = std::process::Command::new("/bin/sh").arg("-c").arg(command).status()?;
        use std::os::unix::process::ExitStatusExt;
        Ok(st.into_raw())
    }
    fn exit(&self, status: i32) -> ! {
        std::process::exit(status)
    }
    fn user(&self, key: Lookup) -> Option<UserEntry> {
        let name = match key {
            Lookup::Name(n) => Some(CString::new(n.as_bytes()).ok()?),
            Lookup::Id(_) => None,
        };
        lookup_r(|out, buf, res| unsafe {
            match (&name, key) {
                (Some(n), _) => libc::getpwnam_r(n.as_ptr(), out, buf.as_mut_ptr(), buf.len(), res),
                (None, Lookup::Id(id)) => libc::getpwuid_r(id, out, buf.as_mut_ptr(), buf.len(), res),
                (None, Lookup::Name(_)) => libc::EINVAL,
            }
        }, to_user)
    }
    fn all_users(&self) -> Vec<UserEntry> {
        let mut v = Vec::new();
        // SAFETY: the getpwent iteration is not reentrant; the interpreter lock serialises it.
        unsafe {
            libc::setpwent();
            loop {
                let p = libc::getpwent();
                if p.is_null() {
                    break;
                }
                v.push(to_user(&*p));
            }
            libc::endpwent();
        }
        v
    }
    fn group(&self, key: Lookup) -> Option<GroupEntry> {
        let name = match key {
            Lookup::Name(n) => Some(CString::new(n.as_bytes()).ok()?),
            Lookup::Id(_) => None,
        };
        lookup_r(|out, buf, res| unsafe {
            match (&name, key) {
                (Some(n), _) => libc::getgrnam_r(n.as_ptr(), out, buf.as_mut_ptr(), buf.len(), res),
                (None, Lookup::Id(id)) => libc::getgrgid_r(id, out, buf.as_mut_ptr(), buf.len(), res),
                (None, Lookup::Name(_)) => libc::EINVAL,
            }
        }, to_group)
    }
    fn all_groups(&self) -> Vec<GroupEntry> {
        let mut v = Vec::new();
        // SAFETY: as for all_users.
        unsafe {
            libc::setgrent();
            loop {
                let g = libc::getgrent();
                if g.is_null() {
                    break;
                }
                v.push(to_group(&*g));
            }
            libc::endgrent();
        }
        v
    }
    fn socket(&self, family: i32, socktype: i32, proto: i32) -> io::Result<i32> {
        net::socket(family, socktype, proto)
    }
    fn socketpair(&self, family: i32, socktype: i32, proto: i32) -> io::Result<(i32, i32)> {
        net::socketpair(family, socktype, proto)
    }
    fn bind(&self, fd: i32, addr: &SockAddr) -> io::Result<()> {
        net::bind(fd, addr)
    }
    fn listen(&self, fd: i32, backlog: i32) -> io::Result<()> {
        net::listen(fd, backlog)
    }
    fn accept(&self, fd: i32) -> io::Result<(i32, SockAddr)> {
        net::accept(fd)
    }
    fn connect(&self, fd: i32, addr: &SockAddr) -> io::Result<()> {
        net::connect(fd, addr)
    }
    fn send(&self, fd: i32, buf: &[u8], flags: i32) -> io::Result<usize> {
        net::send(fd, buf, flags)
    }
    fn send_to(&self, fd: i32, buf: &[u8], flags: i32, addr: &SockAddr) -> io::Result<usize> {
        net::send_to(fd, buf, flags, addr)
    }
    fn recv(&self, fd: i32, buf: &mut [u8], flags: i32) -> io::Result<usize> {
        net::recv(fd, buf, flags)
    }
    fn recv_from(&self, fd: i32, buf: &mut [u8], flags: i32) -> io::Result<(usize, Option<SockAddr>)> {
        net::recv_from(fd, buf, flags)
    }
    fn shutdown(&self, fd: i32, how: i32) -> io::Result<()> {
        net::shutdown(fd, how)
    }
    fn sock_name(&self, fd: i32, peer: bool) -> io::Result<SockAddr> {
        net::sock_name(fd, peer)
    }
    fn getsockopt(&self, fd: i32, level: i32, name: i32, len: usize) -> io::Result<Vec<u8>> {
        net::getsockopt(fd, level, name, len)
    }
    fn setsockopt(&self, fd: i32, level: i32, name: i32, value: &[u8]) -> io::Result<()> {
        net::setsockopt(fd, level, name, value)
    }
    fn hostname(&self) -> io::Result<Vec<u8>> {
        net::hostname()
    }
    fn getaddrinfo(&self, host: Option<&[u8]>, service: Option<&[u8]>, hints: AddrHints) -> Result<Vec<AddrInfo>, LookupError> {
        net::getaddrinfo(host, service, hints)
    }
    fn getnameinfo(&self, addr: &SockAddr, flags: i32) -> Result<(Vec<u8>, Vec<u8>), LookupError> {
        net::getnameinfo(addr, flags)
    }
    fn gethostbyname(&self, name: &[u8], family: i32) -> Result<HostEnt, LookupError> {
        net::gethostbyname(name, family)
    }
    fn gethostbyaddr(&self, addr: &SockAddr) -> Result<HostEnt, LookupError> {
        net::gethostbyaddr(addr)
    }
    fn getservbyname(&self, name: &[u8], proto: Option<&[u8]>) -> Option<u16> {
        net::getservbyname(name, proto)
    }
    fn getservbyport(&self, port: u16, proto: Option<&[u8]>) -> Option<Vec<u8>> {
        net::getservbyport(port, proto)
    }
    fn getprotobyname(&self, name: &[u8]) -> Option<i32> {
        net::getprotobyname(name)
    }
}

/// Reads a whole file through the host.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let h = host();
    let fd = h.open(path, libc::O_RDONLY | libc::O_CLOEXEC, 0)?;
    let st = h.fstat(fd);
    if st.as_ref().map(|s| s.is_dir()).unwrap_or(false) {
        let _ = h.close(fd);
        return Err(io::Error::from_raw_os_error(libc::EISDIR));
    }
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match h.read(fd, &mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let _ = h.close(fd);
                return Err(e);
            }
        }
    }
    h.close(fd)?;
    Ok(out)
}

/// Writes all of `buf` to `fd` through the host (again after a signal).
pub fn write_all(fd: i32, mut buf: &[u8]) -> io::Result<()> {
    while !buf.is_empty() {
        match host().write(fd, buf) {
            Ok(n) => buf = &buf[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Converts raw bytes to an OsString path argument.
pub fn os_string(bytes: &[u8]) -> OsString {
    OsString::from_vec(bytes.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_round_trip_through_the_host() {
        let dir = std::env::temp_dir().join(format!("vmcore-host-{}", std::process::id()));
        let h = host();
        h.mkdir(&dir, 0o755).unwrap();
        let f = dir.join("a.txt");
        let fd = h.open(&f, libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC, 0o644).unwrap();
        write_all(fd, b"hello").unwrap();
        h.close(fd).unwrap();
        assert_eq!(read_file(&f).unwrap(), b"hello");
        assert!(h.stat(&f, true).unwrap().is_file());
        assert_eq!(h.list_dir(&dir).unwrap(), vec![OsString::from("a.txt")]);
        let err = read_file(&dir.join("missing")).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::ENOENT));
        h.unlink(&f).unwrap();
        h.rmdir(&dir).unwrap();
        assert!(h.clock(Clock::Monotonic) > 0.0);
    }

    #[test]
    fn sockets_talk_over_loopback() {
        let h = host();
        let (a, b) = h.socketpair(libc::AF_UNIX, libc::SOCK_STREAM, 0).unwrap();
        assert_eq!(h.send(a, b"ping", 0).unwrap(), 4);
        let mut buf = [0u8; 8];
        assert_eq!(h.recv(b, &mut buf, 0).unwrap(), 4);
        assert_eq!(&buf[..4], b"ping");
        let srv = h.socket(libc::AF_INET, libc::SOCK_STREAM, 0).unwrap();
        h.bind(srv, &SockAddr::Inet { ip: [127, 0, 0, 1], port: 0 }).unwrap();
        h.listen(srv, 1).unwrap();
        let addr = h.sock_name(srv, false).unwrap();
        let cli = h.socket(libc::AF_INET, libc::SOCK_STREAM, 0).unwrap();
        h.connect(cli, &addr).unwrap();
        let (conn, peer) = h.accept(srv).unwrap();
        assert_eq!(peer, h.sock_name(cli, false).unwrap());
        h.send(cli, b"x", 0).unwrap();
        let mut p = [PollFd { fd: conn, events: libc::POLLIN, revents: 0 }];
        assert_eq!(h.poll(&mut p, 1000).unwrap(), 1);
        for fd in [a, b, srv, cli, conn] {
            h.close(fd).unwrap();
        }
        let ai = h.getaddrinfo(Some(b"127.0.0.1"), Some(b"80"), AddrHints { family: libc::AF_INET, socktype: libc::SOCK_STREAM, ..Default::default() }).unwrap();
        assert_eq!(ai[0].addr, SockAddr::Inet { ip: [127, 0, 0, 1], port: 80 });
    }

    #[test]
    fn pipes_links_times_and_processes() {
        let h = host();
        let (r, w) = h.pipe().unwrap();
        let mut fds = [PollFd { fd: r, events: libc::POLLIN, revents: 0 }];
        assert_eq!(h.poll(&mut fds, 0).unwrap(), 0);
        write_all(w, b"x").unwrap();
        assert_eq!(h.poll(&mut fds, -1).unwrap(), 1);
        assert_eq!(fds[0].revents & libc::POLLIN, libc::POLLIN);
        let mut b = [0u8; 4];
        assert_eq!(h.read(r, &mut b).unwrap(), 1);

        let dir = std::env::temp_dir().join(format!("vmcore-host2-{}", std::process::id()));
        h.mkdir(&dir, 0o755).unwrap();
        let f = dir.join("f");
        h.close(h.open(&f, libc::O_WRONLY | libc::O_CREAT, 0o600).unwrap()).unwrap();
        h.link(&f, &dir.join("hard")).unwrap();
        h.symlink(Path::new("f"), &dir.join("soft")).unwrap();
        assert_eq!(h.readlink(&dir.join("soft")).unwrap(), OsString::from("f"));
        assert_eq!(h.stat(&f, true).unwrap().nlink, 2);
        let t = FileTime { sec: 1_000_000_000, nsec: 500 };
        h.utime(&f, Some((t, t))).unwrap();
        assert_eq!(h.stat(&f, true).unwrap().mtime, t);
        assert!(h.statvfs(&dir).unwrap().bsize > 0);
        for n in ["f", "hard", "soft"] {
            h.unlink(&dir.join(n)).unwrap();
        }
        h.rmdir(&dir).unwrap();

        let pid = h.fork().unwrap();
        if pid == 0 {
            h.exit(3);
        }
        let (got, status) = h.waitpid(pid, 0).unwrap();
        assert_eq!((got, libc::WEXITSTATUS(status)), (pid, 3));
        assert_eq!(h.waitpid(-1, libc::WNOHANG).unwrap_err().raw_os_error(), Some(libc::ECHILD));
        h.close(r).unwrap();
        h.close(w).unwrap();
    }
}
