//! `str.format(*args, **kwargs)`: replacement fields in braces.
//!
//! ```text
//! "{0} {name!r:>10} {0.attr[key]:{width}}"
//! ```
//!
//! The template is scanned into literal text and fields; each field names
//! an argument (auto-numbered `{}`, positional `{0}`, keyword `{name}`),
//! optionally followed by `.attr` / `[key]` lookups, a `!r`/`!s`
//! conversion, and a format spec which may itself contain fields (expanded
//! first, at most two levels deep, as in CPython).

use super::{as_text, finish, Text};
use crate::objects::str::intern_bytes;
use crate::ops;
use crate::runtime::errors::{index_error, key_error, value_error};
use crate::runtime::{KwArgs, PyResult};
use vmcore::Value;

/// How `{}` fields are numbered: not yet known, automatically, or manually.
#[derive(PartialEq, Clone, Copy)]
enum Numbering {
    Init,
    Auto(usize),
    Manual,
}

struct Ctx<'a> {
    args: &'a [Value],
    kw: KwArgs<'a>,
    unicode: bool,
    numbering: Numbering,
}

/// `template.format(*args, **kw)` for a str or unicode template.
pub fn str_format(template: Value, args: &[Value], kw: KwArgs) -> PyResult {
    let (t, unicode) = as_text(template).ok_or_else(|| crate::runtime::errors::type_error("format requires a string"))?;
    let mut cx = Ctx { args, kw, unicode, numbering: Numbering::Init };
    let out = render(&t, &mut cx, 2)?;
    Ok(finish(out, unicode))
}

fn render(t: &[u32], cx: &mut Ctx, depth: u32) -> PyResult<Text> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let (open, close) = ('{' as u32, '}' as u32);
    let mut out = Vec::with_capacity(t.len());
    let mut i = 0;
    while i < t.len() {
        let c = t[i];
        i += 1;
        if c != open && c != close {
            out.push(c);
            continue;
        }
        let at_end = i >= t.len();
        if c == close && (at_end || t[i] != close) {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c == open && at_end {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if t[i] == c {
            // "{{" or "}}": a literal brace.
            out.push(c);
            i += 1;
            continue;
        }
        // A field: find its matching close brace (braces nest inside specs).
        let start = i;
        let mut count = 1;
        let mut end = None;
        while i < t.len() {
            if t[i] == open {
                count += 1;
            } else if t[i] == close {
                count -= 1;
                if count == 0 {
                    end = Some(i);
                    break;
                }
            }
            i += 1;
        }
        let Some(end) = end else { return Err(value_error("unmatched '{' in format")) };
        i = end + 1;
        out.extend(field(&t[start..end], cx, depth)?);
    }
    Ok(out)
}

/// Renders one field `name[!conv][:spec]`.
fn field(f: &[u32], cx: &mut Ctx, depth: u32) -> PyResult<Text> {
    let split = f.iter().position(|&c| c == ':' as u32 || c == '!' as u32).unwrap_or(f.len());
    let name = &f[..split];
    let mut conversion = None;
    let mut spec: &[u32] = &[];
    if split < f.len() {
        let mut rest = &f[split + 1..];
        if f[split] == '!' as u32 {
            let Some((&conv, after)) = rest.split_first() else {
                return Err(value_error("end of format while looking for conversion specifier"));
            };
            conversion = Some(conv);
            rest = after;
            if let Some((&colon, after)) = rest.split_first() {
                if colon != ':' as u32 {
                    return Err(value_error("expected ':' after format specifier"));
                }
                rest = after;
            }
        }
        spec = rest;
    }
    let mut obj = lookup_field(name, cx)?;
    if let Some(conv) = conversion {
        obj = match char::from_u32(conv) {
            Some('r') => ops::repr(obj)?,
            Some('s') => {
                if cx.unicode {
                    crate::objects::unicode::new_unicode(crate::objects::unicode_methods::unicode_of(obj)?)
                } else {
                    ops::to_str(obj)?
                }
            }
            _ => {
                let shown = char::from_u32(conv).map(|c| c.to_string()).unwrap_or_default();
                return Err(value_error(format!("Unknown conversion specifier {shown}")));
            }
        };
    }
    // Fields inside the spec are expanded first.
    let spec_text = if spec.contains(&('{' as u32)) { render(spec, cx, depth - 1)? } else { spec.to_vec() };
    let spec_val = finish(spec_text, cx.unicode);
    let r = super::format_builtin(obj, spec_val)?;
    match as_text(r) {
        Some((t, false)) if cx.unicode => Ok(crate::objects::str_methods::decode_ascii(&t.iter().map(|&c| c as u8).collect::<Vec<_>>())?),
        Some((t, true)) if !cx.unicode => Ok(super::bytes_text(&crate::objects::codecs::encode_ascii(&t, crate::objects::codecs::Handler::Strict)?)),
        Some((t, _)) => Ok(t),
        None => Ok(super::bytes_text(&ops::str_bytes(r)?)),
    }
}

fn all_digits(s: &[u32]) -> Option<usize> {
    if s.is_empty() || !s.iter().all(|&c| (0x30..=0x39).contains(&c)) {
        return None;
    }
    s.iter().try_fold(0usize, |n, &c| n.checked_mul(10)?.checked_add((c - 0x30) as usize))
}

/// The object a field name designates: argument, then `.attr` and `[key]` steps.
fn lookup_field(name: &[u32], cx: &mut Ctx) -> PyResult<Value> {
    let first_end = name.iter().position(|&c| c == '.' as u32 || c == '[' as u32).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        let n = match cx.numbering {
            Numbering::Manual => return Err(value_error("cannot switch from manual field specification to automatic field numbering")),
            Numbering::Init => 0,
            Numbering::Auto(n) => n,
        };
        cx.numbering = Numbering::Auto(n + 1);
        positional(cx, n)?
    } else if let Some(n) = all_digits(first) {
        if let Numbering::Auto(_) = cx.numbering {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        cx.numbering = Numbering::Manual;
        positional(cx, n)?
    } else {
        let key: Vec<u8> = first.iter().map(|&c| c as u8).collect();
        let found = cx.kw.iter().find(|(k, _)| crate::objects::str::as_bytes(*k) == Some(&key[..]) && first.iter().all(|&c| c < 0x100));
        match found {
            Some(&(_, v)) => v,
            None => return Err(key_error(finish(first.to_vec(), cx.unicode))),
        }
    };
    let mut i = first_end;
    while i < name.len() {
        if name[i] == '.' as u32 {
            let start = i + 1;
            i = start;
            while i < name.len() && name[i] != '.' as u32 && name[i] != '[' as u32 {
                i += 1;
            }
            let attr = &name[start..i];
            if attr.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            let bytes: Vec<u8> = attr.iter().map(|&c| c as u8).collect();
            obj = ops::getattr(obj, intern_bytes(&bytes))?;
        } else {
            // '[' key ']'
            let start = i + 1;
            let Some(close) = name[start..].iter().position(|&c| c == ']' as u32) else {
                return Err(value_error("Missing ']' in format string"));
            };
            let key = &name[start..start + close];
            i = start + close + 1;
            if i < name.len() && name[i] != '.' as u32 && name[i] != '[' as u32 {
                return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
            let k = match all_digits(key) {
                Some(n) => crate::objects::int::new_int(n as i64),
                None => finish(key.to_vec(), cx.unicode),
            };
            obj = ops::getitem(obj, k)?;
        }
    }
    Ok(obj)
}

fn positional(cx: &Ctx, n: usize) -> PyResult<Value> {
    cx.args.get(n).copied().ok_or_else(|| index_error("tuple index out of range"))
}
