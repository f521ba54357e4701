//! The `errno` module: the C library's error numbers by name, and
//! `errorcode` mapping each number back to a name.

use crate::objects::module::ModuleObj;
use crate::objects::{dict, int, str as pystr};
use vmcore::gc::Gc;

macro_rules! codes {
    ($($name:ident),* $(,)?) => {
        /// Every errno CPython 2.7 defines on Linux. Where two names share a
        /// number, the later one is what `errorcode` gives (as in CPython).
        pub const CODES: &[(&str, i32)] = &[$((stringify!($name), libc::$name)),*];
    };
}

codes! {
    ENODEV, ENOCSI, EHOSTUNREACH, ENOMSG, EUCLEAN, EL2NSYNC, EL2HLT, ENODATA, ENOTBLK, ENOSYS,
    EPIPE, EINVAL, EOVERFLOW, EADV, EINTR, EUSERS, ENOTEMPTY, ENOBUFS, EPROTO, EREMOTE,
    ENAVAIL, ECHILD, ELOOP, EXDEV, E2BIG, ESRCH, EMSGSIZE, EAFNOSUPPORT, EBADR, EHOSTDOWN,
    EPFNOSUPPORT, ENOPROTOOPT, EBUSY, EWOULDBLOCK, EBADFD, EDOTDOT, EISCONN, ENOANO, ESHUTDOWN, ECHRNG,
    ELIBBAD, ENONET, EBADE, EBADF, EMULTIHOP, EIO, EUNATCH, EPROTOTYPE, ENOSPC, ENOEXEC,
    EALREADY, ENETDOWN, ENOTNAM, EACCES, ELNRNG, EILSEQ, ENOTDIR, ENOTUNIQ, EPERM, EDOM,
    EXFULL, ECONNREFUSED, EISDIR, EPROTONOSUPPORT, EROFS, EADDRNOTAVAIL, EIDRM, ECOMM, ESRMNT, EREMOTEIO,
    EL3RST, EBADMSG, ENFILE, ELIBMAX, ESPIPE, ENOLINK, ENETRESET, ETIMEDOUT, ENOENT, EEXIST,
    EDQUOT, ENOSTR, EBADSLT, EBADRQC, ELIBACC, EFAULT, EFBIG, EDEADLK, ENOTCONN, EDESTADDRREQ,
    ELIBSCN, ENOLCK, EISNAM, ECONNABORTED, ENETUNREACH, ESTALE, ENOSR, ENOMEM, ENOTSOCK, ESTRPIPE,
    EMLINK, ERANGE, ELIBEXEC, EL3HLT, ECONNRESET, EADDRINUSE, EOPNOTSUPP, EREMCHG, EAGAIN, ENAMETOOLONG,
    ENOTTY, ERESTART, ESOCKTNOSUPPORT, ETIME, EBFONT, EDEADLOCK, ETOOMANYREFS, EMFILE, ETXTBSY, EINPROGRESS,
    ENXIO, ENOPKG, ENOTSUP,
}

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with("errno", &[]);
    m.dict.set_str("__doc__", pystr::new_str(b"Error numbers of the C library: each name is an int; errorcode maps numbers to names."));
    let codes = dict::new_dict();
    for &(name, code) in CODES {
        m.dict.set_str(name, int::new_int(code as i64));
        // Errors here are impossible: int keys hash without calling Python.
        let _ = codes.set(int::new_int(code as i64), pystr::new_str(name.as_bytes()));
    }
    m.dict.set_str("errorcode", codes.as_value());
    m
}
