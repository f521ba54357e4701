//! The `time` module: clocks, sleeping, and conversions between seconds
//! since the epoch and broken-down time (`struct_time`), with the C
//! library doing the calendar work (gmtime_r, localtime_r, mktime,
//! strftime) as in CPython.
//!
//! Python 2 details kept: two-digit years are accepted when
//! `accept2dyear` is true (69-99 -> 19xx, 0-68 -> 20xx), timestamps are
//! truncated toward zero, and a signal ends a sleep early (its handler then
//! runs at the interpreter's next safe point).

use super::oslib::{c_int, errno_error, str_arg};
use crate::objects::args::{arity, noargs};
use crate::objects::module::ModuleObj;
use crate::objects::structseq::{self, Desc};
use crate::objects::{float, instance, int, list, str as pystr, tuple};
use crate::ops;
use crate::runtime::errors::{overflow_error, type_error, value_error};
use crate::runtime::{types, KwArgs, PyResult};
use vmcore::gc::{Gc, RootedVec};
use vmcore::host::{host, Clock};
use vmcore::Value;

static STRUCT_TIME: Desc = Desc {
    name: "time.struct_time",
    doc: "struct_time: broken-down time, as gmtime(), localtime() and strptime() return\nand asctime(), mktime() and strftime() accept; a sequence of 9 integers:\nyear, month (1-12), day (1-31), hour, minute, second, weekday (Monday is 0),\nday of the year (1-366) and the DST flag (-1, 0 or 1).",
    fields: &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"],
    visible: 9,
    fixup: None,
};

crate::native_type!(struct_time_type, || structseq::make_type(&STRUCT_TIME));

thread_local! {
    /// The module, whose `accept2dyear` conversions consult (users may change it).
    static MODULE: std::cell::OnceCell<vmcore::gc::Root> = const { std::cell::OnceCell::new() };
}

fn now() -> f64 {
    host().clock(Clock::Wall)
}

fn time(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("time", a, kw)?;
    Ok(float::new_float(now()))
}

/// `clock()`: processor time used, in seconds.
fn clock(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("clock", a, kw)?;
    Ok(float::new_float(host().clock(Clock::ProcessCpu)))
}

/// A number of seconds as `PyFloat_AsDouble` takes it.
fn seconds_arg(v: Value) -> PyResult<f64> {
    crate::modules::math::to_f64(v)
}

/// `sleep(seconds)`: returns early, without error, when a signal arrives.
fn sleep(a: &[Value], kw: KwArgs) -> PyResult {
    arity("sleep", a, kw, 1, 1)?;
    let secs = seconds_arg(a[0])?;
    if secs < 0.0 || secs.is_nan() {
        return Err(errno_error(types::io_error(), libc::EINVAL, None));
    }
    match host().sleep(secs) {
        Err(e) if e.kind() != std::io::ErrorKind::Interrupted => Err(errno_error(types::io_error(), e.raw_os_error().unwrap_or(libc::EINVAL), None)),
        _ => Ok(Value::NONE),
    }
}

/// A timestamp truncated to time_t the way CPython 2.7 does (NaN passes
/// through as an impossible time, which the C call then rejects).
fn time_t_of(x: f64) -> PyResult<i64> {
    if x.is_nan() {
        return Ok(i64::MIN);
    }
    let t = x as i64;
    if (x - t as f64).abs() >= 1.0 {
        return Err(value_error("timestamp out of range for platform time_t"));
    }
    Ok(t)
}

/// The optional seconds argument of gmtime, localtime and ctime.
fn when_arg(name: &str, a: &[Value], kw: KwArgs) -> PyResult<i64> {
    arity(name, a, kw, 0, 1)?;
    match a.first() {
        None => Ok(now() as i64),
        Some(&v) if v == Value::NONE => Ok(now() as i64),
        Some(&v) => time_t_of(seconds_arg(v)?),
    }
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: struct tm is plain data; a null tm_zone is valid.
    unsafe { std::mem::zeroed() }
}

/// gmtime_r or localtime_r; ValueError(errno, ...) when the C call fails.
fn broken_down(t: i64, local: bool) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    let tt = t as libc::time_t;
    // SAFETY: both pointers are valid for the call.
    let r = unsafe {
        *libc::__errno_location() = 0;
        if local { libc::localtime_r(&tt, &mut tm) } else { libc::gmtime_r(&tt, &mut tm) }
    };
    if r.is_null() {
        let e = std::io::Error::last_os_error().raw_os_error().filter(|&e| e != 0).unwrap_or(libc::EINVAL);
        return Err(errno_error(types::value_error(), e, None));
    }
    Ok(tm)
}

/// A struct_time from a C `struct tm` (Monday is day 0, days of the year from 1).
fn struct_time(tm: &libc::tm) -> Value {
    let v = [tm.tm_year as i64 + 1900, tm.tm_mon as i64 + 1, tm.tm_mday as i64, tm.tm_hour as i64, tm.tm_min as i64, tm.tm_sec as i64, (tm.tm_wday as i64 + 6) % 7, tm.tm_yday as i64 + 1, tm.tm_isdst as i64];
    let fields = RootedVec::from_vec(v.map(int::new_int).to_vec());
    structseq::new(struct_time_type(), &fields)
}

fn gmtime(a: &[Value], kw: KwArgs) -> PyResult {
    let t = when_arg("gmtime", a, kw)?;
    Ok(struct_time(&broken_down(t, false)?))
}

fn localtime(a: &[Value], kw: KwArgs) -> PyResult {
    let t = when_arg("localtime", a, kw)?;
    Ok(struct_time(&broken_down(t, true)?))
}

fn accept2dyear() -> bool {
    let v = MODULE.with(|m| m.get().map(|r| r.get())).and_then(crate::objects::module::as_module).and_then(|m| m.dict.get_str("accept2dyear"));
    matches!(v.and_then(int::as_int), Some(n) if n != 0)
}

/// A 9-item time tuple (or struct_time) as a C `struct tm`, with the
/// year rules of Python 2.
fn tm_arg(v: Value) -> PyResult<libc::tm> {
    let b = instance::unwrap_base(v);
    let items = match (structseq::items(v).or_else(|| tuple::as_tuple(b)), list::as_list(b)) {
        (Some(t), _) => t.to_vec(),
        (None, Some(l)) => l.v().clone(),
        _ => return Err(type_error(format!("argument must be 9-item sequence, not {}", crate::objects::typeobj::type_name(v)))),
    };
    let items = RootedVec::from_vec(items);
    if items.len() != 9 {
        return Err(type_error(format!("argument must be sequence of length 9, not {}", items.len())));
    }
    let mut f = [0i32; 9];
    for (slot, &x) in f.iter_mut().zip(items.iter()) {
        *slot = c_int(x)?;
    }
    let mut y = f[0];
    if y < 1900 {
        if !accept2dyear() {
            return Err(value_error("year >= 1900 required"));
        }
        y = match y {
            69..=99 => y + 1900,
            0..=68 => y + 2000,
            _ => return Err(value_error("year out of range")),
        };
    }
    let mut tm = zeroed_tm();
    tm.tm_year = y - 1900;
    tm.tm_mon = f[1] - 1;
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    tm.tm_wday = (f[6] + 1) % 7;
    tm.tm_yday = f[7] - 1;
    tm.tm_isdst = f[8];
    Ok(tm)
}

/// The range checks asctime and strftime make, so the C library never
/// indexes its name tables out of range; zero month, day and day of the
/// year mean the first one.
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(value_error("day of year out of range"));
    }
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    Ok(())
}

/// The optional time-tuple argument: the given one, or local time now.
fn tm_or_now(v: Option<&Value>) -> PyResult<libc::tm> {
    match v {
        Some(&t) => {
            let mut tm = tm_arg(t)?;
            check_tm(&mut tm)?;
            Ok(tm)
        }
        None => broken_down(now() as i64, true),
    }
}

/// C's asctime layout: "Sun Sep 16 01:03:52 1973" (no newline).
fn asctime_text(tm: &libc::tm) -> Value {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let s = format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    );
    pystr::new_str(s.as_bytes())
}

fn asctime(a: &[Value], kw: KwArgs) -> PyResult {
    arity("asctime", a, kw, 0, 1)?;
    Ok(asctime_text(&tm_or_now(a.first())?))
}

fn ctime(a: &[Value], kw: KwArgs) -> PyResult {
    let t = when_arg("ctime", a, kw)?;
    Ok(asctime_text(&broken_down(t, true)?))
}

/// `mktime(tuple)`: local time to seconds since the epoch, as a float.
fn mktime(a: &[Value], kw: KwArgs) -> PyResult {
    arity("mktime", a, kw, 1, 1)?;
    let mut tm = tm_arg(a[0])?;
    // mktime may legitimately return -1; an untouched tm_wday tells failure.
    tm.tm_wday = -1;
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(overflow_error("mktime argument out of range"));
    }
    Ok(float::new_float(t as f64))
}

/// `strftime(format[, tuple])` by the C library's strftime.
fn strftime(a: &[Value], kw: KwArgs) -> PyResult {
    arity("strftime", a, kw, 1, 2)?;
    let fmt = str_arg(a[0], "strftime", 1)?;
    let tm = tm_or_now(a.get(1))?;
    let cfmt = std::ffi::CString::new(fmt.clone()).map_err(|_| type_error("strftime() argument 1 must be string without null bytes, not str"))?;
    // An empty result may be a legitimately empty expansion or a buffer
    // too small: grow the buffer up to a bound, as CPython does.
    let mut size = 1024;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: the buffer has `size` bytes; format and tm are valid.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), &tm) };
        if n > 0 || size >= 256 * fmt.len().max(1) {
            buf.truncate(n);
            return Ok(pystr::new_str_owned(buf));
        }
        size *= 2;
    }
}

/// `strptime(string, format)`: the pure-Python parser in _strptime.
fn strptime(a: &[Value], kw: KwArgs) -> PyResult {
    crate::objects::args::no_kw("strptime", kw)?;
    let import = crate::builtins::module().dict.get_str("__import__").ok_or_else(|| crate::runtime::errors::import_error("__import__ not found"))?;
    let m = ops::call(import, &[pystr::new_str(b"_strptime")], &[])?;
    let f = ops::getattr(m, pystr::intern("_strptime_time"))?;
    ops::call(f, a, &[])
}

/// Sets timezone, altzone, daylight and tzname from the C library's view
/// of January and July this year (southern zones have DST in January).
fn init_timezone(d: Gc<crate::objects::dict::DictObj>) {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let jan = (now() as i64 / YEAR) * YEAR;
    let probe = |t: i64| {
        let tm = broken_down(t, true).unwrap_or_else(|_| zeroed_tm());
        let name = if tm.tm_zone.is_null() {
            b"   ".to_vec()
        } else {
            // SAFETY: tm_zone points at a C string owned by the C library.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_bytes().iter().take(9).copied().collect()
        };
        (-tm.tm_gmtoff, name)
    };
    let (janzone, janname) = probe(jan);
    let (julyzone, julyname) = probe(jan + YEAR / 2);
    let ((zone, zname), (alt, altname)) = if janzone < julyzone { ((julyzone, julyname), (janzone, janname)) } else { ((janzone, janname), (julyzone, julyname)) };
    d.set_str("timezone", int::new_int(zone));
    d.set_str("altzone", int::new_int(alt));
    d.set_str("daylight", int::new_int((janzone != julyzone) as i64));
    let mut names = RootedVec::new();
    names.push(pystr::new_str(&zname));
    names.push(pystr::new_str(&altname));
    d.set_str("tzname", tuple::new_tuple_from(&names));
}

/// `tzset()`: rereads TZ and recomputes the zone attributes.
fn tzset(a: &[Value], kw: KwArgs) -> PyResult {
    noargs("tzset", a, kw)?;
    unsafe { tzset_c() };
    if let Some(m) = MODULE.with(|m| m.get().map(|r| r.get())).and_then(crate::objects::module::as_module) {
        init_timezone(m.dict);
    }
    Ok(Value::NONE)
}

extern "C" {
    #[link_name = "tzset"]
    fn tzset_c();
}

pub fn create() -> Gc<ModuleObj> {
    let m = super::module_with(
        "time",
        &[
            ("time", time),
            ("clock", clock),
            ("sleep", sleep),
            ("gmtime", gmtime),
            ("localtime", localtime),
            ("asctime", asctime),
            ("ctime", ctime),
            ("mktime", mktime),
            ("strftime", strftime),
            ("strptime", strptime),
            ("tzset", tzset),
        ],
    );
    let d = m.dict;
    d.set_str("__doc__", pystr::new_str(b"Time access and conversions: seconds since the epoch, struct_time, formatting."));
    d.set_str("struct_time", struct_time_type());
    let y2k = host().env_var(std::ffi::OsStr::new("PYTHONY2K")).is_some_and(|v| !v.is_empty());
    d.set_str("accept2dyear", int::new_int(!y2k as i64));
    unsafe { tzset_c() };
    init_timezone(d);
    MODULE.with(|c| c.get_or_init(|| vmcore::gc::Root::new(Value::NONE)).set(m.as_value()));
    m
}
