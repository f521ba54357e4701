//! Atoms and text: atom_codes/chars/length, char_code, atom_concat/3,
//! sub_atom/5, number_codes/chars, atom_number, case conversion, and the
//! SWI conveniences atomic_list_concat/2,3 and term_to_atom/2.

use crate::engine::*;
use crate::reader::lexer::{Lexer, Tok};
use crate::term::*;
use vmcore::gc::RootedVec;
use vmcore::Value;

fn char_atom(c: char) -> Value {
    atom(c.encode_utf8(&mut [0; 4]))
}

/// Text of a list of codes or chars (ISO errors for partial/bad lists).
fn text_from_list(l: Value, codes: bool) -> Res<String> {
    let items = need_list(l)?;
    let mut s = String::new();
    for it in items {
        let it = deref(it);
        if is_var(it) {
            return Err(inst_err());
        }
        if codes {
            if !it.is_int() {
                return Err(if is_int(it) { repr_err("character_code") } else { type_err("integer", it) });
            }
            match char::from_u32(it.as_int() as u32).filter(|_| it.as_int() >= 0) {
                Some(c) => s.push(c),
                None => return Err(repr_err("character_code")),
            }
        } else {
            if !it.is_symbol() {
                return Err(type_err("character", it));
            }
            let n = atom_name(it);
            let mut cs = n.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => s.push(c),
                _ => return Err(type_err("character", it)),
            }
        }
    }
    Ok(s)
}

fn codes_of(s: &str) -> Value {
    let items: Vec<Value> = s.chars().map(|c| Value::int_unchecked(c as i64)).collect();
    mk_list(&items, wk().nil)
}
fn chars_of(s: &str) -> Value {
    let items = RootedVec::from_vec(Vec::new());
    let mut items = items;
    for c in s.chars() {
        items.push(char_atom(c));
    }
    mk_list(&items, wk().nil)
}

/// Text of an atomic term (atom or number), for the lenient SWI builtins.
pub fn atomic_text(v: Value) -> Res<String> {
    let v = deref(v);
    if is_var(v) {
        return Err(inst_err());
    }
    text_of_atomic(v).ok_or_else(|| type_err("atomic", v))
}

pub fn bi_atom_codes(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = deref(a[0]);
    if !is_var(t) {
        if !t.is_symbol() {
            return Err(type_err("atom", t));
        }
        let l = codes_of(atom_name(t));
        return Ok(e.unify(a[1], l));
    }
    let s = text_from_list(a[1], true)?;
    Ok(e.unify(t, atom(&s)))
}
pub fn bi_atom_chars(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = deref(a[0]);
    if !is_var(t) {
        if !t.is_symbol() {
            return Err(type_err("atom", t));
        }
        let l = chars_of(atom_name(t));
        return Ok(e.unify(a[1], l));
    }
    let s = text_from_list(a[1], false)?;
    Ok(e.unify(t, atom(&s)))
}
pub fn bi_char_code(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let c = deref(a[0]);
    if !is_var(c) {
        if !c.is_symbol() {
            return Err(type_err("character", c));
        }
        let mut cs = atom_name(c).chars();
        return match (cs.next(), cs.next()) {
            (Some(ch), None) => Ok(e.unify(a[1], Value::int_unchecked(ch as i64))),
            _ => Err(type_err("character", c)),
        };
    }
    let n = deref(a[1]);
    if is_var(n) {
        return Err(inst_err());
    }
    let n = need_int(n)?;
    match char::from_u32(n.as_int() as u32).filter(|_| n.is_int() && n.as_int() >= 0) {
        Some(ch) => Ok(e.unify(c, char_atom(ch))),
        None => Err(repr_err("character_code")),
    }
}
pub fn bi_atom_length(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = deref(a[0]);
    if is_var(t) {
        return Err(inst_err());
    }
    if !t.is_symbol() {
        return Err(type_err("atom", t));
    }
    let l = deref(a[1]);
    if !is_var(l) {
        let l = need_int(l)?;
        if l.as_int() < 0 {
            return Err(domain_err("not_less_than_zero", l));
        }
    }
    let n = atom_name(t).chars().count();
    Ok(e.unify(l, Value::int_unchecked(n as i64)))
}

fn atom_or_var(v: Value) -> Res<Option<String>> {
    let v = deref(v);
    if is_var(v) {
        Ok(None)
    } else if v.is_symbol() {
        Ok(Some(atom_name(v).to_string()))
    } else if is_number(v) {
        Ok(Some(text_of_atomic(v).unwrap()))
    } else {
        Err(type_err("atomic", v))
    }
}

pub fn nd_atom_concat(_: &mut Engine, a: &[Value]) -> Res<Vec<Vec<Value>>> {
    let x = atom_or_var(a[0])?;
    let y = atom_or_var(a[1])?;
    match (x, y) {
        (Some(x), Some(y)) => Ok(vec![vec![deref(a[0]), deref(a[1]), atom(&(x + &y))]]),
        _ => {
            let z = match atom_or_var(a[2])? {
                Some(z) => z,
                None => return Err(inst_err()),
            };
            let chars: Vec<char> = z.chars().collect();
            let mut sols = Vec::new();
            for i in 0..=chars.len() {
                let l: String = chars[..i].iter().collect();
                let r: String = chars[i..].iter().collect();
                sols.push(vec![atom(&l), atom(&r)]);
            }
            Ok(sols)
        }
    }
}

pub fn nd_sub_atom(_: &mut Engine, a: &[Value]) -> Res<Vec<Vec<Value>>> {
    let t = deref(a[0]);
    if is_var(t) {
        return Err(inst_err());
    }
    if !t.is_symbol() {
        return Err(type_err("atom", t));
    }
    let sub = deref(a[4]);
    if !is_var(sub) && !sub.is_symbol() {
        return Err(type_err("atom", sub));
    }
    let chars: Vec<char> = atom_name(t).chars().collect();
    let n = chars.len() as i64;
    let get = |v: Value| -> Res<Option<i64>> {
        let v = deref(v);
        if is_var(v) {
            Ok(None)
        } else {
            let v = need_int(v)?;
            if v.as_int() < 0 {
                return Err(domain_err("not_less_than_zero", v));
            }
            Ok(Some(v.as_int()))
        }
    };
    let (bb, ll, aa) = (get(a[1])?, get(a[2])?, get(a[3])?);
    let mut sols = Vec::new();
    if !is_var(sub) {
        let s: Vec<char> = atom_name(sub).chars().collect();
        let sl = s.len() as i64;
        for b in 0..=(n - sl).max(-1) {
            if chars[b as usize..(b + sl) as usize] == s[..] {
                let af = n - b - sl;
                if bb.is_none_or(|x| x == b) && ll.is_none_or(|x| x == sl) && aa.is_none_or(|x| x == af) {
                    sols.push(vec![t, mk_int(b), mk_int(sl), mk_int(af), sub]);
                }
            }
        }
        return Ok(sols);
    }
    let mk_sol = |b: i64, l: i64| -> Vec<Value> {
        let s: String = chars[b as usize..(b + l) as usize].iter().collect();
        vec![t, mk_int(b), mk_int(l), mk_int(n - b - l), atom(&s)]
    };
    match (bb, ll, aa) {
        (Some(b), Some(l), _) => {
            if b + l <= n {
                sols.push(mk_sol(b, l))
            }
        }
        (Some(b), None, Some(af)) => {
            if b + af <= n {
                sols.push(mk_sol(b, n - b - af))
            }
        }
        (None, Some(l), Some(af)) => {
            if l + af <= n {
                sols.push(mk_sol(n - l - af, l))
            }
        }
        _ => {
            for b in 0..=n {
                if bb.is_some_and(|x| x != b) {
                    continue;
                }
                for l in 0..=(n - b) {
                    if ll.is_some_and(|x| x != l) || aa.is_some_and(|x| x != n - b - l) {
                        continue;
                    }
                    sols.push(mk_sol(b, l));
                }
            }
        }
    }
    Ok(sols)
}

/// Parses a number from text as number_codes/2 does (leading layout allowed).
pub fn parse_number(s: &str) -> Option<Value> {
    let chars: Vec<char> = s.chars().collect();
    let mut lx = Lexer::new(&chars, 0);
    let mut t = lx.next().ok()?;
    let neg = if t.tok == Tok::Atom("-".into()) {
        t = lx.next().ok()?;
        if t.layout {
            return None;
        }
        true
    } else if t.tok == Tok::Atom("+".into()) {
        t = lx.next().ok()?;
        false
    } else {
        false
    };
    let v = match t.tok {
        Tok::Int(n) => mk_bigint(if neg { -n } else { n }),
        Tok::Float(f) => mk_float(if neg { -f } else { f }),
        _ => return None,
    };
    if lx.pos != chars.len() {
        return None;
    }
    Some(v)
}

fn number_from_text(s: &str) -> Res<Value> {
    parse_number(s).ok_or_else(|| syntax_err("illegal_number"))
}

fn number_text(e: &mut Engine, a: &[Value], codes: bool) -> Res<bool> {
    let t = deref(a[0]);
    let l = deref(a[1]);
    if !is_var(t) && !is_number(t) {
        return Err(type_err("number", t));
    }
    // a complete list is parsed (even when the number is given)
    let complete = match list_to_vec(l) {
        Ok(items) => items.iter().all(|x| !is_var(deref(*x))),
        Err(_) => false,
    };
    if complete || is_var(t) {
        let s = text_from_list(l, codes)?;
        let n = number_from_text(&s)?;
        return Ok(e.unify(t, n));
    }
    let s = text_of_atomic(t).unwrap();
    let out = if codes { codes_of(&s) } else { chars_of(&s) };
    Ok(e.unify(l, out))
}
pub fn bi_number_codes(e: &mut Engine, a: &[Value]) -> Res<bool> {
    number_text(e, a, true)
}
pub fn bi_number_chars(e: &mut Engine, a: &[Value]) -> Res<bool> {
    number_text(e, a, false)
}
pub fn bi_atom_number(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = deref(a[0]);
    if is_var(t) {
        let n = deref(a[1]);
        if is_var(n) {
            return Err(inst_err());
        }
        if !is_number(n) {
            return Err(type_err("number", n));
        }
        return Ok(e.unify(t, atom(&text_of_atomic(n).unwrap())));
    }
    let s = atomic_text(t)?;
    match parse_number(&s) {
        Some(n) => Ok(e.unify(a[1], n)),
        None => Ok(false),
    }
}
pub fn bi_upcase_atom(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let s = atomic_text(a[0])?;
    Ok(e.unify(a[1], atom(&s.to_uppercase())))
}
pub fn bi_downcase_atom(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let s = atomic_text(a[0])?;
    Ok(e.unify(a[1], atom(&s.to_lowercase())))
}

pub fn bi_atomic_list_concat2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let items = need_list(a[0])?;
    let mut s = String::new();
    for it in items {
        s.push_str(&atomic_text(it)?);
    }
    Ok(e.unify(a[1], atom(&s)))
}
pub fn bi_atomic_list_concat3(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let sep = atomic_text(a[1])?;
    match list_to_vec(a[0]) {
        Ok(items) if items.iter().all(|x| !is_var(deref(*x))) => {
            let mut parts = Vec::new();
            for it in items {
                parts.push(atomic_text(it)?);
            }
            Ok(e.unify(a[2], atom(&parts.join(&sep))))
        }
        _ => {
            // split mode
            let full = atomic_text(a[2])?;
            if sep.is_empty() {
                return Err(domain_err("non_empty_atom", deref(a[1])));
            }
            let parts: Vec<Value> = full.split(sep.as_str()).map(atom).collect();
            let l = mk_list(&parts, wk().nil);
            Ok(e.unify(a[0], l))
        }
    }
}

pub fn bi_char_type_alpha(_: &mut Engine, a: &[Value]) -> Res<bool> {
    let s = atomic_text(a[0])?;
    Ok(s.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

/// Codes or chars list, atom or number: the text (for format/2 and friends).
pub fn any_text(v: Value) -> Res<String> {
    let v = deref(v);
    if is_var(v) {
        return Err(inst_err());
    }
    if let Some(s) = text_of_atomic(v) {
        return Ok(s);
    }
    if let Ok(s) = text_from_list(v, true) {
        return Ok(s);
    }
    if let Ok(s) = text_from_list(v, false) {
        return Ok(s);
    }
    Err(type_err("text", v))
}

pub fn bi_string_codes_like(e: &mut Engine, a: &[Value]) -> Res<bool> {
    // string_codes/2, string_to_atom/2 and friends map to atoms (no string type).
    let t = deref(a[0]);
    if !is_var(t) {
        let s = any_text(t)?;
        return Ok(e.unify(a[1], codes_of(&s)));
    }
    let s = any_text(a[1])?;
    Ok(e.unify(t, atom(&s)))
}
pub fn bi_number_to_codes(_: &mut Engine, _a: &[Value]) -> Res<bool> {
    Ok(false)
}
