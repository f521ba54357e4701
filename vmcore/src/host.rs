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
    pub atime: f64,
    pub mtime: f64,
    pub ctime: f64,
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

/// Every OS service a frontend may use on behalf of a user program.
pub trait Host: Send + Sync {
    // Files and descriptors.
    fn open(&self, path: &Path, flags: i32, mode: u32) -> io::Result<i32>;
    fn read(&self, fd: i32, buf: &mut [u8]) -> io::Result<usize>;
    fn write(&self, fd: i32, buf: &[u8]) -> io::Result<usize>;
    fn close(&self, fd: i32) -> io::Result<()>;
    fn seek(&self, fd: i32, offset: i64, whence: i32) -> io::Result<i64>;
    fn fstat(&self, fd: i32) -> io::Result<Stat>;
    fn isatty(&self, fd: i32) -> bool;
    fn dup(&self, fd: i32) -> io::Result<i32>;
    fn ftruncate(&self, fd: i32, len: i64) -> io::Result<()>;
    // Paths and directories.
    fn stat(&self, path: &Path, follow_links: bool) -> io::Result<Stat>;
    fn list_dir(&self, path: &Path) -> io::Result<Vec<OsString>>;
    fn mkdir(&self, path: &Path, mode: u32) -> io::Result<()>;
    fn rmdir(&self, path: &Path) -> io::Result<()>;
    fn unlink(&self, path: &Path) -> io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn readlink(&self, path: &Path) -> io::Result<OsString>;
    fn chmod(&self, path: &Path, mode: u32) -> io::Result<()>;
    fn access(&self, path: &Path, mode: i32) -> bool;
    fn getcwd(&self) -> io::Result<OsString>;
    fn chdir(&self, path: &Path) -> io::Result<()>;
    // Environment.
    fn env_vars(&self) -> Vec<(OsString, OsString)>;
    fn env_var(&self, name: &OsStr) -> Option<OsString>;
    fn set_env_var(&self, name: &OsStr, value: Option<&OsStr>);
    // Time.
    fn clock(&self, which: Clock) -> f64;
    fn sleep(&self, seconds: f64);
    // Processes.
    fn pid(&self) -> i32;
    fn run_process(&self, argv: &[OsString], stdin: &[u8]) -> io::Result<ProcessOutput>;
    fn system(&self, command: &OsStr) -> io::Result<i32>;
    fn exit(&self, status: i32) -> !;
    // Network (stream sockets only for now).
    fn tcp_connect(&self, host: &str, port: u16) -> io::Result<i32>;
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

fn to_stat(s: &libc::stat) -> Stat {
    let t = |sec: i64, nsec: i64| sec as f64 + nsec as f64 * 1e-9;
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
    }
}

impl Host for RealHost {
    fn open(&self, path: &Path, flags: i32, mode: u32) -> io::Result<i32> {
        let c = cpath(path)?;
        // SAFETY: valid C string; flags/mode are plain integers.
        check(unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) } as i64).map(|fd| fd as i32)
    }
    fn read(&self, fd: i32, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            // SAFETY: buf is valid for writes of its length.
            let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut _, buf.len()) };
            match check(r as i64) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r.map(|n| n as usize),
            }
        }
    }
    fn write(&self, fd: i32, buf: &[u8]) -> io::Result<usize> {
        loop {
            // SAFETY: buf is valid for reads of its length.
            let r = unsafe { libc::write(fd, buf.as_ptr() as *const _, buf.len()) };
            match check(r as i64) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                r => return r.map(|n| n as usize),
            }
        }
    }
    fn close(&self, fd: i32) -> io::Result<()> {
        check(unsafe { libc::close(fd) } as i64).map(|_| ())
    }
    fn seek(&self, fd: i32, offset: i64, whence: i32) -> io::Result<i64> {
        check(unsafe { libc::lseek(fd, offset, whence) })
    }
    fn fstat(&self, fd: i32) -> io::Result<Stat> {
        let mut s: libc::stat = unsafe { std::mem::zeroed() };
        check(unsafe { libc::fstat(fd, &mut s) } as i64)?;
        Ok(to_stat(&s))
    }
    fn isatty(&self, fd: i32) -> bool {
        unsafe { libc::isatty(fd) == 1 }
    }
    fn dup(&self, fd: i32) -> io::Result<i32> {
        check(unsafe { libc::dup(fd) } as i64).map(|x| x as i32)
    }
    fn ftruncate(&self, fd: i32, len: i64) -> io::Result<()> {
        check(unsafe { libc::ftruncate(fd, len) } as i64).map(|_| ())
    }
    fn stat(&self, path: &Path, follow_links: bool) -> io::Result<Stat> {
        let c = cpath(path)?;
        let mut s: libc::stat = unsafe { std::mem::zeroed() };
        let r = unsafe { if follow_links { libc::stat(c.as_ptr(), &mut s) } else { libc::lstat(c.as_ptr(), &mut s) } };
        check(r as i64)?;
        Ok(to_stat(&s))
    }
    fn list_dir(&self, path: &Path) -> io::Result<Vec<OsString>> {
        std::fs::read_dir(path)?.map(|e| e.map(|e| e.file_name())).collect()
    }
    fn mkdir(&self, path: &Path, mode: u32) -> io::Result<()> {
        let c = cpath(path)?;
        check(unsafe { libc::mkdir(c.as_ptr(), mode) } as i64).map(|_| ())
    }
    fn rmdir(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_dir(path)
    }
    fn unlink(&self, path: &Path) -> io::Result<()> {
        let c = cpath(path)?;
        check(unsafe { libc::unlink(c.as_ptr()) } as i64).map(|_| ())
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn readlink(&self, path: &Path) -> io::Result<OsString> {
        std::fs::read_link(path).map(|p| p.into_os_string())
    }
    fn chmod(&self, path: &Path, mode: u32) -> io::Result<()> {
        let c = cpath(path)?;
        check(unsafe { libc::chmod(c.as_ptr(), mode) } as i64).map(|_| ())
    }
    fn access(&self, path: &Path, mode: i32) -> bool {
        cpath(path).map(|c| unsafe { libc::access(c.as_ptr(), mode) } == 0).unwrap_or(false)
    }
    fn getcwd(&self) -> io::Result<OsString> {
        std::env::current_dir().map(|p| p.into_os_string())
    }
    fn chdir(&self, path: &Path) -> io::Result<()> {
        std::env::set_current_dir(path)
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
    fn sleep(&self, seconds: f64) {
        if seconds > 0.0 && seconds.is_finite() {
            std::thread::sleep(std::time::Duration::from_secs_f64(seconds.min(1e9)));
        }
    }
    fn pid(&self) -> i32 {
        std::process::id() as i32
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
    fn tcp_connect(&self, host: &str, port: u16) -> io::Result<i32> {
        use std::os::unix::io::IntoRawFd;
        Ok(std::net::TcpStream::connect((host, port))?.into_raw_fd())
    }
}

/// Reads a whole file through the host.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let h = host();
    let fd = h.open(path, libc::O_RDONLY, 0)?;
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
            Err(e) => {
                let _ = h.close(fd);
                return Err(e);
            }
        }
    }
    h.close(fd)?;
    Ok(out)
}

/// Writes all of `buf` to `fd` through the host.
pub fn write_all(fd: i32, mut buf: &[u8]) -> io::Result<()> {
    while !buf.is_empty() {
        let n = host().write(fd, buf)?;
        buf = &buf[n..];
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
}
