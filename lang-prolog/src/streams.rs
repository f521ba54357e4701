//! Prolog streams over the vmcore host layer.
//!
//! All file and console access goes through `vmcore::host::host()` (so a
//! sandbox can proxy it). Input streams read their source fully on first
//! use into a char buffer: the reader then works on a slice and knows
//! exactly how far each clause went. Output is buffered per stream and
//! flushed on close, halt, and before any console read.

use crate::term::*;
use std::path::Path;
use vmcore::host::{host, write_all};
use vmcore::Value;

pub struct Stream {
    pub fd: i32,
    pub input: bool,
    pub buf: Vec<char>,
    pub pos: usize,
    pub loaded: bool,
    pub out: String,
    pub alias: Option<u32>,
    pub file_name: String,
    pub past_eof: bool,
    /// Column of the next output character (for format's ~t~| column stops).
    pub column: usize,
    pub line: usize,
}

impl Stream {
    fn new(fd: i32, input: bool, file_name: &str) -> Stream {
        Stream { fd, input, buf: Vec::new(), pos: 0, loaded: false, out: String::new(), alias: None, file_name: file_name.into(), past_eof: false, column: 0, line: 1 }
    }

    /// Makes the whole input available in `buf` (files and stdin: read to the end).
    pub fn load(&mut self) {
        if self.loaded || !self.input {
            return;
        }
        self.loaded = true;
        let mut bytes = Vec::new();
        let mut chunk = vec![0u8; 65536];
        loop {
            match host().read(self.fd, &mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            }
        }
        self.buf = String::from_utf8_lossy(&bytes).chars().collect();
    }

    pub fn write_str(&mut self, s: &str) {
        if let Some(i) = s.rfind('\n') {
            self.column = s[i + 1..].chars().count();
        } else {
            self.column += s.chars().count();
        }
        self.out.push_str(s);
        if self.fd >= 0 && (self.fd == 2 || self.out.len() > 1 << 16) {
            self.flush();
        }
    }
    pub fn flush(&mut self) {
        if self.fd >= 0 && !self.out.is_empty() {
            let _ = write_all(self.fd, self.out.as_bytes());
            self.out.clear();
        }
    }
    pub fn peek_char(&mut self) -> Option<char> {
        self.load();
        self.buf.get(self.pos).copied()
    }
    pub fn get_char(&mut self) -> Option<char> {
        self.load();
        let c = self.buf.get(self.pos).copied();
        if let Some(ch) = c {
            self.pos += 1;
            if ch == '\n' {
                self.line += 1;
            }
        } else {
            self.past_eof = true;
        }
        c
    }
}

pub struct Streams {
    pub list: Vec<Option<Stream>>,
    pub cur_in: usize,
    pub cur_out: usize,
}

impl Default for Streams {
    fn default() -> Self {
        Self::new()
    }
}

impl Streams {
    pub fn new() -> Streams {
        let mut i = Stream::new(0, true, "user_input");
        i.alias = Some(vmcore::object::symbol::intern("user_input"));
        let mut o = Stream::new(1, false, "user_output");
        o.alias = Some(vmcore::object::symbol::intern("user_output"));
        let mut e = Stream::new(2, false, "user_error");
        e.alias = Some(vmcore::object::symbol::intern("user_error"));
        Streams { list: vec![Some(i), Some(o), Some(e)], cur_in: 0, cur_out: 1 }
    }

    pub fn term(i: usize) -> Value {
        mk("$stream", &[Value::int_unchecked(i as i64)])
    }

    /// Opens a file; returns the stream index or an OS error text.
    pub fn open(&mut self, path: &str, mode: &str) -> Result<usize, std::io::Error> {
        let flags = match mode {
            "read" => libc::O_RDONLY,
            "write" => libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC,
            "append" => libc::O_WRONLY | libc::O_CREAT | libc::O_APPEND,
            _ => libc::O_RDWR,
        };
        let fd = host().open(Path::new(path), flags, 0o644)?;
        let s = Stream::new(fd, mode == "read", path);
        let idx = match self.list.iter().position(|s| s.is_none()) {
            Some(i) if i > 2 => i,
            _ => {
                self.list.push(None);
                self.list.len() - 1
            }
        };
        self.list[idx] = Some(s);
        Ok(idx)
    }

    pub fn close(&mut self, i: usize) {
        if i <= 2 {
            if let Some(Some(s)) = self.list.get_mut(i) {
                s.flush();
            }
            return;
        }
        if let Some(slot) = self.list.get_mut(i) {
            if let Some(mut s) = slot.take() {
                s.flush();
                let _ = host().close(s.fd);
            }
        }
        if self.cur_in == i {
            self.cur_in = 0;
        }
        if self.cur_out == i {
            self.cur_out = 1;
        }
    }

    pub fn get(&mut self, i: usize) -> Option<&mut Stream> {
        self.list.get_mut(i).and_then(|s| s.as_mut())
    }

    pub fn flush_all(&mut self) {
        for s in self.list.iter_mut().flatten() {
            s.flush();
        }
    }

    /// Writes to the current output.
    pub fn write_out(&mut self, s: &str) {
        let i = self.cur_out;
        if i == 2 {
            if let Some(o) = self.get(1) {
                o.flush();
            }
        }
        if let Some(st) = self.get(i) {
            st.write_str(s);
        }
    }
    pub fn by_alias(&self, a: u32) -> Option<usize> {
        self.list.iter().position(|s| s.as_ref().is_some_and(|s| s.alias == Some(a)))
    }
}
