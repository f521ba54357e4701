//! `file`: Python 2 file objects over host-layer descriptors.
//!
//! Writes are buffered (line-buffered for terminals, block-buffered
//! otherwise, unbuffered for stderr) and flushed at exit, as C stdio does
//! for CPython; reads go through a small buffer so `readline` is cheap.

use crate::runtime::{errors, types, PyResult};
use std::cell::{Cell, RefCell};
use vmcore::gc::{alloc, Gc, Trace, Tracer};
use vmcore::host::host;
use vmcore::Value;

#[repr(C)]
pub struct FileObj {
    pub cls: Value,
    pub fd: Cell<i32>,
    pub name: Value,
    pub mode: Value,
    pub closed: Cell<bool>,
    pub softspace: Cell<bool>,
    /// Flush after every newline (terminals) or after every write (stderr).
    pub line_buffered: bool,
    pub unbuffered: bool,
    pub wbuf: RefCell<Vec<u8>>,
    pub rbuf: RefCell<Vec<u8>>,
    /// Whether closing the object closes the descriptor (not for std streams).
    pub owns_fd: bool,
}
unsafe impl Trace for FileObj {
    fn trace(&self, t: &mut Tracer) {
        t.values(&[self.cls, self.name, self.mode]);
    }
}
vmcore::gc_type!(FileObj, "file");

pub fn new_file(fd: i32, name: &str, mode: &str, owns_fd: bool) -> Gc<FileObj> {
    let tty = host().isatty(fd);
    alloc(FileObj {
        cls: types::file(),
        fd: Cell::new(fd),
        name: crate::objects::str::new_str(name.as_bytes()),
        mode: crate::objects::str::new_str(mode.as_bytes()),
        closed: Cell::new(false),
        softspace: Cell::new(false),
        line_buffered: tty,
        unbuffered: fd == 2,
        wbuf: RefCell::new(Vec::new()),
        rbuf: RefCell::new(Vec::new()),
        owns_fd,
    })
}

pub fn as_file(v: Value) -> Option<Gc<FileObj>> {
    Gc::<FileObj>::downcast(v)
}

fn io_err(e: std::io::Error) -> crate::runtime::PyErr {
    errors::from_io(types::io_error(), &e, None)
}

impl FileObj {
    fn check_open(&self) -> PyResult<()> {
        if self.closed.get() {
            return Err(errors::value_error("I/O operation on closed file"));
        }
        Ok(())
    }

    pub fn write(&self, b: &[u8]) -> PyResult<()> {
        self.check_open()?;
        let mut buf = self.wbuf.borrow_mut();
        buf.extend_from_slice(b);
        let flush = self.unbuffered || buf.len() >= 8192 || (self.line_buffered && b.contains(&b'\n'));
        drop(buf);
        if flush {
            self.flush()?;
        }
        Ok(())
    }

    pub fn flush(&self) -> PyResult<()> {
        let data = std::mem::take(&mut *self.wbuf.borrow_mut());
        if !data.is_empty() {
            vmcore::host::write_all(self.fd.get(), &data).map_err(io_err)?;
        }
        Ok(())
    }

    /// Fills the read buffer; false at end of file.
    fn fill(&self) -> PyResult<bool> {
        let mut chunk = vec![0u8; 65536];
        // A signal interrupting the read runs its Python handler (which may
        // raise, as Ctrl-C does); then the read goes on, as in CPython 2.7.
        let n = loop {
            match host().read(self.fd.get(), &mut chunk) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => crate::modules::signal::run_pending()?,
                r => break r.map_err(io_err)?,
            }
        };
        self.rbuf.borrow_mut().extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    /// Reads up to `n` bytes (all when None).
    pub fn read(&self, n: Option<usize>) -> PyResult<Vec<u8>> {
        self.check_open()?;
        loop {
            let have = self.rbuf.borrow().len();
            if n.is_some_and(|n| have >= n) || !self.fill()? {
                break;
            }
        }
        let mut buf = self.rbuf.borrow_mut();
        let take = n.unwrap_or(buf.len()).min(buf.len());
        Ok(buf.drain(..take).collect())
    }

    /// One line including its newline; empty at end of file.
    pub fn readline(&self) -> PyResult<Vec<u8>> {
        self.check_open()?;
        loop {
            let newline = self.rbuf.borrow().iter().position(|&c| c == b'\n');
            if let Some(i) = newline {
                return Ok(self.rbuf.borrow_mut().drain(..=i).collect());
            }
            if !self.fill()? {
                return Ok(std::mem::take(&mut *self.rbuf.borrow_mut()));
            }
        }
    }

    pub fn close(&self) -> PyResult<()> {
        if self.closed.get() {
            return Ok(());
        }
        self.flush()?;
        self.closed.set(true);
        if self.owns_fd {
            host().close(self.fd.get()).map_err(io_err)?;
        }
        Ok(())
    }
}

fn this(args: &[Value]) -> PyResult<Gc<FileObj>> {
    args.first().and_then(|&v| as_file(v)).ok_or_else(|| errors::type_error("descriptor requires a 'file' object"))
}

fn file_write(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    let f = this(args)?;
    let v = *args.get(1).ok_or_else(|| errors::type_error("write() takes exactly one argument (0 given)"))?;
    let bytes = match crate::objects::str::as_bytes(v) {
        Some(b) => b.to_vec(),
        None if crate::runtime::type_of(v) == types::unicode() => crate::objects::unicode::encode_for_output(v)?,
        None => return Err(errors::type_error(format!("expected a string or other character buffer object"))),
    };
    f.write(&bytes)?;
    Ok(Value::NONE)
}

fn file_flush(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    this(args)?.flush()?;
    Ok(Value::NONE)
}

fn file_close(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    this(args)?.close()?;
    Ok(Value::NONE)
}

fn file_read(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    let f = this(args)?;
    let n = args.get(1).and_then(|&v| crate::objects::int::as_int(v)).filter(|&n| n >= 0).map(|n| n as usize);
    Ok(crate::objects::str::new_str_owned(f.read(n)?))
}

fn file_readline(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    Ok(crate::objects::str::new_str_owned(this(args)?.readline()?))
}

fn file_readlines(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    let f = this(args)?;
    let mut out = vmcore::gc::RootedVec::new();
    loop {
        let l = f.readline()?;
        if l.is_empty() {
            break;
        }
        out.push(crate::objects::str::new_str_owned(l));
    }
    Ok(crate::objects::list::new_list(out.into_vec()))
}

fn file_iter(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    this(args)?.check_open()?;
    Ok(args[0])
}

fn file_next(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    let l = this(args)?.readline()?;
    if l.is_empty() {
        return Err(errors::stop_iteration());
    }
    Ok(crate::objects::str::new_str_owned(l))
}

fn file_enter(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    Ok(args[0])
}

fn file_exit(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    this(args)?.close()?;
    Ok(Value::NONE)
}

fn file_fileno(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    Ok(Value::int_unchecked(this(args)?.fd.get() as i64))
}

fn file_isatty(args: &[Value], _: crate::runtime::KwArgs) -> PyResult {
    Ok(Value::from_bool(host().isatty(this(args)?.fd.get())))
}

/// `open(name, mode='r', buffering=-1)` / `file(...)`.
pub fn open(args: &[Value], _kw: crate::runtime::KwArgs) -> PyResult {
    let name = args.first().and_then(|&v| crate::objects::str::as_bytes(v)).ok_or_else(|| errors::type_error("coercing to Unicode: need string or buffer"))?.to_vec();
    let mode = args.get(1).and_then(|&v| crate::objects::str::as_bytes(v)).unwrap_or(b"r").to_vec();
    let m = String::from_utf8_lossy(&mode).into_owned();
    let flags = match m.trim_end_matches(['b', 't', 'U']).replace('b', "").as_str() {
        "r" | "" | "U" => libc::O_RDONLY,
        "w" => libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC,
        "a" => libc::O_WRONLY | libc::O_CREAT | libc::O_APPEND,
        "r+" => libc::O_RDWR,
        "w+" => libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC,
        "a+" => libc::O_RDWR | libc::O_CREAT | libc::O_APPEND,
        _ => return Err(errors::value_error(format!("mode string must begin with one of 'r', 'w', 'a' or 'U', not '{m}'"))),
    };
    let path = std::path::PathBuf::from(vmcore::host::os_string(&name));
    let fname = String::from_utf8_lossy(&name).into_owned();
    let fd = host().open(&path, flags, 0o666).map_err(|e| errors::from_io(types::io_error(), &e, Some(&fname)))?;
    if host().fstat(fd).map(|s| s.is_dir()).unwrap_or(false) {
        let _ = host().close(fd);
        return Err(errors::from_io(types::io_error(), &std::io::Error::from_raw_os_error(libc::EISDIR), Some(&fname)));
    }
    Ok(new_file(fd, &fname, &m, true).as_value())
}

pub fn install() {
    let t = types::file();
    crate::objects::add_method(t, "write", file_write);
    crate::objects::add_method(t, "flush", file_flush);
    crate::objects::add_method(t, "close", file_close);
    crate::objects::add_method(t, "read", file_read);
    crate::objects::add_method(t, "readline", file_readline);
    crate::objects::add_method(t, "readlines", file_readlines);
    crate::objects::add_method(t, "__iter__", file_iter);
    crate::objects::add_method(t, "next", file_next);
    crate::objects::add_method(t, "__enter__", file_enter);
    crate::objects::add_method(t, "__exit__", file_exit);
    crate::objects::add_method(t, "fileno", file_fileno);
    crate::objects::add_method(t, "isatty", file_isatty);
}
