//! Input/output builtins: the write family, character I/O, read_term,
//! stream handling (open/close/current_output/...), format/1,2,3, and the
//! operator and flag predicates (op/3, current_op/3, prolog flags).

use super::atoms::any_text;
use crate::engine::*;
use crate::reader::ops::OpType;
use crate::reader::parser::{read_term, DoubleQuotes};
use crate::streams::Streams;
use crate::term::*;
use crate::writer::{format_float, WriteOpts, Writer};
use num_traits::ToPrimitive;
use vmcore::gc::RootedVec;
use vmcore::object::symbol::{intern, name};
use vmcore::Value;

/// Resolves a stream term or alias to a stream index.
pub fn stream_index(e: &mut Engine, s: Value) -> Res<usize> {
    let s = deref(s);
    if is_var(s) {
        return Err(inst_err());
    }
    if s.is_symbol() {
        return e.streams.by_alias(s.symbol_id()).ok_or_else(|| existence_err("stream", s));
    }
    if let Some((f, 1)) = functor_of(s) {
        if name(f) == "$stream" {
            let i = deref(arg(s, 0));
            if i.is_int() && e.streams.get(i.as_int() as usize).is_some() {
                return Ok(i.as_int() as usize);
            }
            return Err(existence_err("stream", s));
        }
    }
    Err(domain_err("stream_or_alias", s))
}
fn out_stream(e: &mut Engine, s: Value) -> Res<usize> {
    let i = stream_index(e, s)?;
    if e.streams.get(i).unwrap().input {
        return Err(permission_err("output", "stream", deref(s)));
    }
    Ok(i)
}
fn in_stream(e: &mut Engine, s: Value) -> Res<usize> {
    let i = stream_index(e, s)?;
    if !e.streams.get(i).unwrap().input {
        return Err(permission_err("input", "stream", deref(s)));
    }
    Ok(i)
}

pub fn write_to(e: &mut Engine, i: usize, text: &str) {
    if i == 2 {
        if let Some(o) = e.streams.get(1) {
            o.flush();
        }
    }
    if let Some(s) = e.streams.get(i) {
        s.write_str(text);
    }
}

fn term_text(e: &Engine, t: Value, opts: WriteOpts) -> String {
    let mut w = Writer::new(&e.ops, opts);
    w.write(t);
    w.out
}

fn write_with(e: &mut Engine, s: Option<Value>, t: Value, opts: WriteOpts) -> Res<bool> {
    let i = match s {
        Some(s) => out_stream(e, s)?,
        None => e.streams.cur_out,
    };
    let text = term_text(e, t, opts);
    write_to(e, i, &text);
    Ok(true)
}

pub fn bi_write(e: &mut Engine, a: &[Value]) -> Res<bool> {
    write_with(e, None, a[0], WriteOpts::WRITE)
}
pub fn bi_write2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    write_with(e, Some(a[0]), a[1], WriteOpts::WRITE)
}
pub fn bi_writeq(e: &mut Engine, a: &[Value]) -> Res<bool> {
    write_with(e, None, a[0], WriteOpts::WRITEQ)
}
pub fn bi_writeq2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    write_with(e, Some(a[0]), a[1], WriteOpts::WRITEQ)
}
pub fn bi_write_canonical(e: &mut Engine, a: &[Value]) -> Res<bool> {
    write_with(e, None, a[0], WriteOpts::CANONICAL)
}
pub fn bi_write_canonical2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    write_with(e, Some(a[0]), a[1], WriteOpts::CANONICAL)
}

fn write_opts(l: Value) -> Res<WriteOpts> {
    let mut o = WriteOpts { quoted: false, ignore_ops: false, numbervars: false, max_depth: 0 };
    for opt in need_list(l)? {
        let opt = deref(opt);
        if is_var(opt) {
            return Err(inst_err());
        }
        let bad = || domain_err("write_option", opt);
        let (f, n) = functor_of(opt).ok_or_else(bad)?;
        if n != 1 {
            return Err(bad());
        }
        let v = deref(arg(opt, 0));
        let flag = || -> Res<bool> {
            if is_var(v) {
                return Err(inst_err());
            }
            match atom_name_opt(v) {
                Some("true") => Ok(true),
                Some("false") => Ok(false),
                _ => Err(domain_err("write_option", opt)),
            }
        };
        match name(f) {
            "quoted" => o.quoted = flag()?,
            "ignore_ops" => o.ignore_ops = flag()?,
            "numbervars" => o.numbervars = flag()?,
            "max_depth" => o.max_depth = need_small_int(v)?.max(0) as usize,
            "portray" | "portrayed" | "spacing" | "attributes" | "cycles" | "variable_names" | "fullstop" | "nl" | "priority" | "character_escapes" | "partial" | "brace_terms" | "dotlists" | "no_lists" => {}
            _ => return Err(bad()),
        }
    }
    Ok(o)
}
fn atom_name_opt(v: Value) -> Option<&'static str> {
    if v.is_symbol() { Some(atom_name(v)) } else { None }
}

pub fn bi_write_term(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let o = write_opts(a[1])?;
    write_with(e, None, a[0], o)
}
pub fn bi_write_term3(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let o = write_opts(a[2])?;
    write_with(e, Some(a[0]), a[1], o)
}
pub fn bi_print(e: &mut Engine, a: &[Value]) -> Res<bool> {
    write_with(e, None, a[0], WriteOpts::WRITEQ)
}
pub fn bi_nl(e: &mut Engine, _: &[Value]) -> Res<bool> {
    let i = e.streams.cur_out;
    write_to(e, i, "\n");
    Ok(true)
}
pub fn bi_nl1(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = out_stream(e, a[0])?;
    write_to(e, i, "\n");
    Ok(true)
}
pub fn bi_tab(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let n = super::arith::eval(a[0])?.to_value();
    let n = need_small_int(n)?;
    let i = e.streams.cur_out;
    write_to(e, i, &" ".repeat(n.max(0) as usize));
    Ok(true)
}
pub fn bi_tab2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = out_stream(e, a[0])?;
    let n = super::arith::eval(a[1])?.to_value();
    let n = need_small_int(n)?;
    write_to(e, i, &" ".repeat(n.max(0) as usize));
    Ok(true)
}

fn need_char(v: Value) -> Res<char> {
    let v = deref(v);
    if is_var(v) {
        return Err(inst_err());
    }
    if v.is_symbol() {
        let mut cs = atom_name(v).chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            return Ok(c);
        }
    }
    Err(type_err("character", v))
}
pub fn bi_put_char(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let c = need_char(a[0])?;
    let i = e.streams.cur_out;
    write_to(e, i, c.encode_utf8(&mut [0; 4]));
    Ok(true)
}
pub fn bi_put_char2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = out_stream(e, a[0])?;
    let c = need_char(a[1])?;
    write_to(e, i, c.encode_utf8(&mut [0; 4]));
    Ok(true)
}
pub fn bi_put_code(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let c = need_small_int(a[0])?;
    let ch = char::from_u32(c as u32).ok_or_else(|| repr_err("character_code"))?;
    let i = e.streams.cur_out;
    write_to(e, i, ch.encode_utf8(&mut [0; 4]));
    Ok(true)
}

fn char_io(e: &mut Engine, s: Option<Value>, out: Value, peek: bool, code: bool) -> Res<bool> {
    let i = match s {
        Some(s) => in_stream(e, s)?,
        None => e.streams.cur_in,
    };
    let o = deref(out);
    if !is_var(o) {
        if code {
            if !is_int(o) {
                return Err(type_err("integer", o));
            }
        } else if !(o.is_symbol() && (atom_name(o).chars().count() == 1 || atom_name(o) == "end_of_file")) {
            return Err(type_err("in_character", o));
        }
    }
    if i == 0 {
        e.streams.get(1).unwrap().flush();
    }
    let st = e.streams.get(i).unwrap();
    let c = if peek { st.peek_char() } else { st.get_char() };
    let v = match c {
        Some(c) => {
            if code {
                Value::int_unchecked(c as i64)
            } else {
                atom(c.encode_utf8(&mut [0; 4]))
            }
        }
        None => {
            if code {
                Value::int_unchecked(-1)
            } else {
                wk().eof
            }
        }
    };
    Ok(e.unify(out, v))
}
pub fn bi_get_char(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, None, a[0], false, false)
}
pub fn bi_get_char2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, Some(a[0]), a[1], false, false)
}
pub fn bi_peek_char(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, None, a[0], true, false)
}
pub fn bi_peek_char2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, Some(a[0]), a[1], true, false)
}
pub fn bi_get_code(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, None, a[0], false, true)
}
pub fn bi_get_code2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, Some(a[0]), a[1], false, true)
}
pub fn bi_peek_code(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, None, a[0], true, true)
}

/// Reads one term from stream `i`, with read_term options in `opts`.
pub fn read_from(e: &mut Engine, i: usize, t: Value, opts: Value) -> Res<bool> {
    let opt_list = need_list(opts)?;
    for o in &opt_list {
        let o = deref(*o);
        if is_var(o) {
            return Err(inst_err());
        }
        match functor_of(o) {
            Some((f, 1)) if matches!(name(f), "variable_names" | "variables" | "singletons" | "syntax_errors" | "double_quotes" | "module" | "term_position" | "subterm_positions" | "comments" | "backquoted_string") => {}
            _ => return Err(domain_err("read_option", o)),
        }
    }
    if i == 0 {
        e.streams.get(1).unwrap().flush();
    }
    let dq = e.flags.double_quotes;
    let st = e.streams.get(i).unwrap();
    st.load();
    let text = std::mem::take(&mut st.buf);
    let mut pos = st.pos;
    let r = read_term(&text, &mut pos, &e.ops, dq);
    let st = e.streams.get(i).unwrap();
    st.line += text[st.pos.min(text.len())..pos.min(text.len())].iter().filter(|c| **c == '\n').count();
    st.buf = text;
    st.pos = pos;
    let r = match r {
        Ok(r) => r,
        Err(msg) => return Err(syntax_err(&msg)),
    };
    let (term, vn, vars, singles, _keep) = match r {
        None => (wk().eof, vec![], vec![], vec![], None),
        Some(r) => (r.term, r.var_names, r.vars, r.singletons, Some(r._keep)),
    };
    let mut keep = RootedVec::new();
    let mut pairs = |l: &[(String, Value)]| -> Value {
        let mut items = RootedVec::new();
        for (n, v) in l {
            items.push(mk_compound(wk().eq_id, &[atom(n), *v]));
        }
        let r = mk_list(&items, wk().nil);
        keep.push(r);
        r
    };
    let vn_l = pairs(&vn);
    let sg_l = pairs(&singles);
    let vars_l = mk_list(&vars, wk().nil);
    if !e.unify(t, term) {
        return Ok(false);
    }
    for o in opt_list {
        let o = deref(o);
        let (f, _) = functor_of(o).unwrap();
        let ok = match name(f) {
            "variable_names" => e.unify(arg(o, 0), vn_l),
            "variables" => e.unify(arg(o, 0), vars_l),
            "singletons" => e.unify(arg(o, 0), sg_l),
            _ => true,
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}
pub fn bi_read(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = e.streams.cur_in;
    read_from(e, i, a[0], wk().nil)
}
pub fn bi_read2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = in_stream(e, a[0])?;
    read_from(e, i, a[1], wk().nil)
}
pub fn bi_read_term(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = e.streams.cur_in;
    read_from(e, i, a[0], a[1])
}
pub fn bi_read_term3(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = in_stream(e, a[0])?;
    read_from(e, i, a[1], a[2])
}

pub fn bi_open(e: &mut Engine, a: &[Value]) -> Res<bool> {
    bi_open4(e, &[a[0], a[1], a[2], wk().nil])
}
pub fn bi_open4(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let src = deref(a[0]);
    let mode = deref(a[1]);
    if is_var(src) || is_var(mode) {
        return Err(inst_err());
    }
    if !mode.is_symbol() {
        return Err(type_err("atom", mode));
    }
    let m = atom_name(mode);
    if !matches!(m, "read" | "write" | "append" | "update") {
        return Err(domain_err("io_mode", mode));
    }
    if !is_var(deref(a[2])) {
        return Err(err(mk("uninstantiation_error", &[deref(a[2])])));
    }
    let path = if src.is_symbol() { atom_name(src).to_string() } else { return Err(domain_err("source_sink", src)) };
    let opts = need_list(a[3])?;
    let i = match e.streams.open(&path, m) {
        Ok(i) => i,
        Err(err) => {
            return Err(if err.kind() == std::io::ErrorKind::NotFound {
                existence_err("source_sink", src)
            } else {
                permission_err("open", "source_sink", src)
            })
        }
    };
    for o in opts {
        let o = deref(o);
        if let Some((f, 1)) = functor_of(o) {
            if name(f) == "alias" {
                let al = deref(arg(o, 0));
                if al.is_symbol() {
                    e.streams.get(i).unwrap().alias = Some(al.symbol_id());
                }
            }
        }
    }
    Ok(e.unify(a[2], Streams::term(i)))
}
pub fn bi_close(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = stream_index(e, a[0])?;
    e.streams.close(i);
    Ok(true)
}
pub fn bi_close2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    bi_close(e, &a[..1])
}
pub fn bi_flush_output(e: &mut Engine, _: &[Value]) -> Res<bool> {
    let i = e.streams.cur_out;
    e.streams.get(i).unwrap().flush();
    Ok(true)
}
pub fn bi_flush_output1(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = out_stream(e, a[0])?;
    e.streams.get(i).unwrap().flush();
    Ok(true)
}
pub fn bi_current_output(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let s = deref(a[0]);
    if !is_var(s) && !matches!(functor_of(s), Some((_, 1))) {
        return Err(domain_err("stream", s));
    }
    let t = Streams::term(e.streams.cur_out);
    Ok(e.unify(a[0], t))
}
pub fn bi_current_input(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let s = deref(a[0]);
    if !is_var(s) && !matches!(functor_of(s), Some((_, 1))) {
        return Err(domain_err("stream", s));
    }
    let t = Streams::term(e.streams.cur_in);
    Ok(e.unify(a[0], t))
}
pub fn bi_set_output(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = out_stream(e, a[0])?;
    e.streams.cur_out = i;
    Ok(true)
}
pub fn bi_set_input(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = in_stream(e, a[0])?;
    e.streams.cur_in = i;
    Ok(true)
}
pub fn bi_at_end_of_stream(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = if a.is_empty() { e.streams.cur_in } else { in_stream(e, a[0])? };
    Ok(e.streams.get(i).unwrap().peek_char().is_none())
}

// ---------------------------------------------------------------- format/2

struct Fmt {
    out: String,
    seg_start: usize,
    seg_col: usize,
    fills: Vec<(usize, char)>,
}

impl Fmt {
    fn column(&self) -> usize {
        self.seg_col + self.out[self.seg_start..].chars().count()
    }
    fn column_stop(&mut self, target: usize) {
        let cur = self.column();
        if target > cur {
            let pad = target - cur;
            if self.fills.is_empty() {
                self.out.push_str(&" ".repeat(pad));
            } else {
                // distribute the padding over the fill points, leftmost gets the remainder
                let n = self.fills.len();
                let mut insert: Vec<(usize, String)> = Vec::new();
                for (k, (pos, ch)) in self.fills.iter().enumerate() {
                    let share = pad / n + if k < pad % n { 1 } else { 0 };
                    insert.push((*pos, ch.to_string().repeat(share)));
                }
                for (pos, s) in insert.into_iter().rev() {
                    self.out.insert_str(pos, &s);
                }
            }
        }
        self.seg_start = self.out.len();
        self.seg_col = target.max(cur);
        self.fills.clear();
    }
}

fn fmt_err(msg: &str) -> PErr {
    err(mk("format", &[atom(msg)]))
}

pub fn format_to_string(e: &mut Engine, f: Value, args: Value, start_col: usize) -> Res<String> {
    let fs: Vec<char> = any_text(f)?.chars().collect();
    let args_d = deref(args);
    let mut args: Vec<Value> = match list_to_vec(args_d) {
        Ok(v) => v,
        Err(_) => vec![args_d],
    };
    args.reverse();
    let mut next_arg = || args.pop().ok_or_else(|| fmt_err("not enough arguments"));
    let mut st = Fmt { out: String::new(), seg_start: 0, seg_col: start_col, fills: Vec::new() };
    let mut i = 0;
    while i < fs.len() {
        let c = fs[i];
        i += 1;
        if c != '~' {
            st.out.push(c);
            continue;
        }
        // numeric argument: digits, `c (fill char) or *
        let mut num: Option<i64> = None;
        let mut fill = ' ';
        if i < fs.len() && fs[i] == '*' {
            num = Some(need_small_int(next_arg()?)?);
            i += 1;
        } else if i < fs.len() && fs[i] == '`' && i + 1 < fs.len() {
            fill = fs[i + 1];
            num = Some(fs[i + 1] as i64);
            i += 2;
        } else {
            let s = i;
            while i < fs.len() && fs[i].is_ascii_digit() {
                i += 1;
            }
            if i > s {
                num = Some(fs[s..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        let d = *fs.get(i).ok_or_else(|| fmt_err("truncated format"))?;
        i += 1;
        match d {
            'w' => {
                let t = next_arg()?;
                st.out.push_str(&term_text(e, t, WriteOpts::WRITE));
            }
            'p' => {
                let t = next_arg()?;
                st.out.push_str(&term_text(e, t, WriteOpts::WRITEQ));
            }
            'q' => {
                let t = next_arg()?;
                st.out.push_str(&term_text(e, t, WriteOpts::WRITEQ));
            }
            'a' => {
                let t = deref(next_arg()?);
                if is_var(t) {
                    return Err(inst_err());
                }
                st.out.push_str(&any_text(t)?);
            }
            'd' | 'D' => {
                let t = deref(next_arg()?);
                let t = super::arith::eval(t)?.to_value();
                if !is_int(t) {
                    return Err(fmt_err("~d expects an integer argument"));
                }
                let n = get_bigint(t).unwrap();
                let neg = n < num_bigint::BigInt::from(0);
                let digits = if neg { (-n).to_string() } else { n.to_string() };
                let k = num.unwrap_or(0) as usize;
                let (ip, fp) = if k > 0 {
                    let padded = if digits.len() <= k { format!("{}{}", "0".repeat(k - digits.len() + 1), digits) } else { digits.clone() };
                    let (a, b) = padded.split_at(padded.len() - k);
                    (a.to_string(), Some(b.to_string()))
                } else {
                    (digits.clone(), None)
                };
                let ip = if d == 'D' {
                    let cs: Vec<char> = ip.chars().collect();
                    let mut o = String::new();
                    for (j, ch) in cs.iter().enumerate() {
                        if j > 0 && (cs.len() - j) % 3 == 0 {
                            o.push(',');
                        }
                        o.push(*ch);
                    }
                    o
                } else {
                    ip
                };
                if neg {
                    st.out.push('-');
                }
                st.out.push_str(&ip);
                if let Some(fp) = fp {
                    st.out.push('.');
                    st.out.push_str(&fp);
                }
            }
            'f' | 'e' | 'g' => {
                let t = next_arg()?;
                let v = super::arith::eval(t)?;
                let prec = num.unwrap_or(6) as usize;
                let s = match (&v, d) {
                    (super::arith::Num::B(b), 'f') => {
                        // exact big integers print exactly
                        format!("{}{}", b, if prec > 0 { format!(".{}", "0".repeat(prec)) } else { String::new() })
                    }
                    _ => {
                        let x = match v {
                            super::arith::Num::I(i) => i as f64,
                            super::arith::Num::B(b) => b.to_f64().unwrap_or(f64::INFINITY),
                            super::arith::Num::F(f) => f,
                        };
                        match d {
                            'f' => format!("{:.*}", prec, x),
                            'e' => c_exp(x, prec),
                            _ => format!("{}", x),
                        }
                    }
                };
                st.out.push_str(&s);
            }
            'n' => {
                for _ in 0..num.unwrap_or(1) {
                    st.out.push('\n');
                }
                st.seg_start = st.out.len();
                st.seg_col = 0;
                st.fills.clear();
            }
            'c' => {
                let t = need_small_int(next_arg()?)?;
                let ch = char::from_u32(t as u32).ok_or_else(|| repr_err("character_code"))?;
                for _ in 0..num.unwrap_or(1) {
                    st.out.push(ch);
                }
            }
            'r' | 'R' => {
                let t = need_int(next_arg()?)?;
                let radix = num.ok_or_else(|| fmt_err("~r requires a radix"))? as u32;
                let mut s = get_bigint(t).unwrap().to_str_radix(radix);
                if d == 'R' {
                    s = s.to_uppercase();
                }
                st.out.push_str(&s);
            }
            's' => {
                let t = next_arg()?;
                st.out.push_str(&any_text(t)?);
            }
            '~' => st.out.push('~'),
            'i' => {
                next_arg()?;
            }
            't' => {
                let pos = st.out.len();
                st.fills.push((pos, if num.is_some() { fill_char(num, fill) } else { ' ' }));
            }
            '|' => {
                let target = num.map(|n| n as usize).unwrap_or_else(|| st.column());
                st.column_stop(target);
            }
            '+' => {
                let target = st.seg_col + num.unwrap_or(8) as usize;
                st.column_stop(target);
            }
            _ => return Err(fmt_err(&format!("unknown directive ~{d}"))),
        }
    }
    if !args.is_empty() {
        return Err(fmt_err("too many arguments"));
    }
    Ok(st.out)
}

fn fill_char(num: Option<i64>, fill: char) -> char {
    match num {
        Some(n) if fill == ' ' => char::from_u32(n as u32).unwrap_or(' '),
        _ => fill,
    }
}

/// C-style %e formatting (Rust's {:e} has no exponent padding).
fn c_exp(x: f64, prec: usize) -> String {
    let s = format!("{:.*e}", prec, x);
    let (m, ex) = s.split_once('e').unwrap();
    let (sign, digits) = if let Some(d) = ex.strip_prefix('-') { ('-', d) } else { ('+', ex) };
    format!("{m}e{sign}{:0>2}", digits)
}

pub fn bi_format1(e: &mut Engine, a: &[Value]) -> Res<bool> {
    bi_format2(e, &[a[0], wk().nil])
}
pub fn bi_format2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = e.streams.cur_out;
    let col = e.streams.get(i).map(|s| s.column).unwrap_or(0);
    let s = format_to_string(e, a[0], a[1], col)?;
    write_to(e, i, &s);
    Ok(true)
}
pub fn bi_format3(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let dest = deref(a[0]);
    if let Some((f, 1)) = functor_of(dest) {
        let k = name(f);
        if matches!(k, "atom" | "codes" | "chars" | "string") {
            let s = format_to_string(e, a[1], a[2], 0)?;
            let v = match k {
                "codes" => {
                    let items: Vec<Value> = s.chars().map(|c| Value::int_unchecked(c as i64)).collect();
                    mk_list(&items, wk().nil)
                }
                "chars" => {
                    let items: Vec<Value> = s.chars().map(|c| atom(c.encode_utf8(&mut [0; 4]))).collect();
                    mk_list(&items, wk().nil)
                }
                _ => atom(&s),
            };
            return Ok(e.unify(arg(dest, 0), v));
        }
    }
    let i = out_stream(e, dest)?;
    let col = e.streams.get(i).map(|s| s.column).unwrap_or(0);
    let s = format_to_string(e, a[1], a[2], col)?;
    write_to(e, i, &s);
    Ok(true)
}

/// with_output_to/2 and format/3 with atom(A) share this: capture output text.
pub fn bi_term_to_atom(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = deref(a[0]);
    if is_var(t) {
        let s = super::atoms::atomic_text(a[1])?;
        let chars: Vec<char> = format!("{s} .").chars().collect();
        let mut pos = 0;
        let dq = e.flags.double_quotes;
        return match read_term(&chars, &mut pos, &e.ops, dq) {
            Ok(Some(r)) => Ok(e.unify(t, r.term)),
            Ok(None) => Ok(false),
            Err(m) => Err(syntax_err(&m)),
        };
    }
    let s = term_text(e, t, WriteOpts::WRITEQ);
    Ok(e.unify(a[1], atom(&s)))
}

// ---------------------------------------------------------------- operators

pub fn bi_op(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let p = deref(a[0]);
    let t = deref(a[1]);
    let names = deref(a[2]);
    if is_var(p) || is_var(t) || is_var(names) {
        return Err(inst_err());
    }
    let p = need_int(p)?;
    if !p.is_int() || p.as_int() < 0 || p.as_int() > 1200 {
        return Err(domain_err("operator_priority", p));
    }
    if !t.is_symbol() {
        return Err(type_err("atom", t));
    }
    let ty = OpType::parse(atom_name(t)).ok_or_else(|| domain_err("operator_specifier", t))?;
    let list = if names.is_symbol() && names != wk().nil { vec![names] } else { need_list(names)? };
    for n in &list {
        let n = deref(*n);
        if is_var(n) {
            return Err(inst_err());
        }
        if !n.is_symbol() {
            return Err(type_err("atom", n));
        }
        let s = atom_name(n);
        if s == "," {
            return Err(permission_err("modify", "operator", n));
        }
        if s == "|" && (ty.class() != 1 || (p.as_int() > 0 && p.as_int() < 1001)) {
            return Err(permission_err("create", "operator", n));
        }
        if matches!(s, "[]" | "{}") {
            return Err(permission_err("create", "operator", n));
        }
        // ISO: no infix and postfix with the same name
        let id = n.symbol_id();
        if ty.class() == 1 && e.ops.postfix(id).is_some() || ty.class() == 2 && e.ops.infix(id).is_some() {
            return Err(permission_err("create", "operator", n));
        }
    }
    for n in list {
        e.ops.add(deref(n).symbol_id(), p.as_int() as u32, ty);
    }
    Ok(true)
}

pub fn nd_current_op(e: &mut Engine, a: &[Value]) -> Res<Vec<Vec<Value>>> {
    let p = deref(a[0]);
    if !is_var(p) && !(p.is_int() && (0..=1200).contains(&p.as_int())) {
        return Err(domain_err("operator_priority", p));
    }
    let t = deref(a[1]);
    if !is_var(t) && !(t.is_symbol() && OpType::parse(atom_name(t)).is_some()) {
        return Err(domain_err("operator_specifier", t));
    }
    let n = deref(a[2]);
    if !is_var(n) && !n.is_symbol() {
        return Err(type_err("atom", n));
    }
    let mut sols = Vec::new();
    let mut keys: Vec<u32> = if n.is_symbol() { vec![n.symbol_id()] } else { e.ops.table.keys().copied().collect() };
    keys.sort();
    for k in keys {
        if let Some(defs) = e.ops.table.get(&k) {
            for d in defs.iter().flatten() {
                sols.push(vec![Value::int_unchecked(d.0 as i64), atom(d.1.name()), Value::symbol(k)]);
            }
        }
    }
    Ok(sols)
}

// ---------------------------------------------------------------- flags

fn flag_value(e: &Engine, f: &str) -> Option<Value> {
    Some(match f {
        "bounded" => atom("false"),
        "max_integer" => mk_int(i64::MAX),
        "min_integer" => mk_int(i64::MIN),
        "max_tagged_integer" => mk_int(vmcore::value::SMALL_INT_MAX),
        "min_tagged_integer" => mk_int(vmcore::value::SMALL_INT_MIN),
        "integer_rounding_function" => atom("toward_zero"),
        "double_quotes" => atom(match e.flags.double_quotes {
            DoubleQuotes::Codes => "codes",
            DoubleQuotes::Chars => "chars",
            DoubleQuotes::Atom => "atom",
        }),
        "unknown" => atom(if e.flags.unknown_error { "error" } else { "fail" }),
        "occurs_check" => atom(if e.flags.occurs_check { "true" } else { "false" }),
        "debug" => atom("false"),
        "max_arity" => atom("unbounded"),
        "char_conversion" => atom("false"),
        "last_call_optimisation" => atom("true"),
        "argv" => {
            let items: Vec<Value> = e.flags.argv.iter().map(|s| atom(s)).collect();
            mk_list(&items, wk().nil)
        }
        "dialect" => atom("vmbench"),
        _ => return e.flag_values.get(&intern(f)).copied(),
    })
}
const FLAGS: &[&str] = &["bounded", "max_integer", "min_integer", "integer_rounding_function", "double_quotes", "unknown", "occurs_check", "debug", "max_arity", "char_conversion", "argv", "dialect", "last_call_optimisation", "max_tagged_integer", "min_tagged_integer"];

pub fn nd_current_prolog_flag(e: &mut Engine, a: &[Value]) -> Res<Vec<Vec<Value>>> {
    let f = deref(a[0]);
    if !is_var(f) && !f.is_symbol() {
        return Err(type_err("atom", f));
    }
    let mut sols = Vec::new();
    let mut keep = RootedVec::new();
    if f.is_symbol() {
        if let Some(v) = flag_value(e, atom_name(f)) {
            sols.push(vec![f, v]);
        }
        return Ok(sols);
    }
    for n in FLAGS {
        if let Some(v) = flag_value(e, n) {
            keep.push(v);
            sols.push(vec![atom(n), v]);
        }
    }
    for (k, v) in &e.flag_values {
        sols.push(vec![Value::symbol(*k), *v]);
    }
    Ok(sols)
}

pub fn bi_set_prolog_flag(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let f = deref(a[0]);
    let v = deref(a[1]);
    if is_var(f) || is_var(v) {
        return Err(inst_err());
    }
    if !f.is_symbol() {
        return Err(type_err("atom", f));
    }
    let bad = || domain_err("flag_value", mk("+", &[f, v]));
    match atom_name(f) {
        "double_quotes" => {
            e.flags.double_quotes = match atom_name_opt(v) {
                Some("codes") => DoubleQuotes::Codes,
                Some("chars") => DoubleQuotes::Chars,
                Some("atom") | Some("string") => DoubleQuotes::Atom,
                _ => return Err(bad()),
            }
        }
        "unknown" => {
            e.flags.unknown_error = match atom_name_opt(v) {
                Some("error") => true,
                Some("fail") | Some("warning") => false,
                _ => return Err(bad()),
            }
        }
        "occurs_check" => {
            e.flags.occurs_check = atom_name_opt(v) == Some("true");
            e.occurs_check = e.flags.occurs_check;
        }
        "debug" | "char_conversion" => {}
        "bounded" | "max_integer" | "min_integer" | "integer_rounding_function" | "max_arity" | "argv" | "dialect" => {
            return Err(permission_err("modify", "flag", f));
        }
        _ => {
            if e.flag_values.contains_key(&f.symbol_id()) {
                e.flag_values.insert(f.symbol_id(), v);
            } else {
                return Err(domain_err("prolog_flag", f));
            }
        }
    }
    Ok(true)
}
pub fn bi_create_prolog_flag(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let f = need_atom(a[0])?;
    let v = deref(a[1]);
    e.flag_values.insert(f.symbol_id(), v);
    Ok(true)
}

pub fn bi_halt(e: &mut Engine, _: &[Value]) -> Res<bool> {
    e.streams.flush_all();
    Err(PErr::Halt(if e.had_error { 1 } else { 0 }))
}
pub fn bi_halt1(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let n = need_small_int(a[0])?;
    e.streams.flush_all();
    Err(PErr::Halt(n as i32))
}

#[allow(dead_code)]
fn _f(x: f64) -> String {
    format_float(x)
}

/// stream_property(S, P): the common ISO properties of open streams.
pub fn nd_stream_property(e: &mut Engine, a: &[Value]) -> Res<Vec<Vec<Value>>> {
    let s = deref(a[0]);
    let only = if is_var(s) {
        None
    } else {
        match functor_of(s) {
            Some((f, 1)) if name(f) == "$stream" => Some(stream_index(e, s)?),
            _ => return Err(domain_err("stream", s)),
        }
    };
    let p = deref(a[1]);
    if !is_var(p) && !is_callable(p) {
        return Err(domain_err("stream_property", p));
    }
    let mut sols = Vec::new();
    let mut keep = RootedVec::new();
    let n = e.streams.list.len();
    for i in 0..n {
        if only.is_some_and(|o| o != i) {
            continue;
        }
        let cur_in = e.streams.cur_in;
        let cur_out = e.streams.cur_out;
        let st = match e.streams.get(i) {
            Some(st) => st,
            None => continue,
        };
        if st.fd < 0 {
            continue;
        }
        let term = Streams::term(i);
        keep.push(term);
        let mut props = vec![
            atom(if st.input { "input" } else { "output" }),
            mk("mode", &[atom(if st.input { "read" } else { "append" })]),
            mk("eof_action", &[atom("error")]),
            mk("type", &[atom("text")]),
            mk("file_name", &[atom(&st.file_name)]),
        ];
        if let Some(al) = st.alias {
            props.push(mk("alias", &[Value::symbol(al)]));
        }
        if st.input {
            let at_end = st.loaded && st.pos >= st.buf.len();
            props.push(mk("end_of_stream", &[atom(if st.past_eof { "past" } else if at_end { "at" } else { "not" })]));
            let line = st.line;
            props.push(mk("line_count", &[Value::int_unchecked(line as i64)]));
        }
        let _ = (cur_in, cur_out);
        for pr in props {
            keep.push(pr);
            sols.push(vec![term, pr]);
        }
    }
    Ok(sols)
}

/// Byte I/O on our text streams: bytes are the characters' codes (ASCII data).
pub fn bi_get_byte(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let (s, out) = if a.len() == 2 { (Some(a[0]), a[1]) } else { (None, a[0]) };
    char_io(e, s, out, false, true)
}
pub fn bi_peek_byte(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let (s, out) = if a.len() == 2 { (Some(a[0]), a[1]) } else { (None, a[0]) };
    char_io(e, s, out, true, true)
}
pub fn bi_put_byte(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let (i, b) = if a.len() == 2 { (out_stream(e, a[0])?, a[1]) } else { (e.streams.cur_out, a[0]) };
    let b = need_small_int(b)?;
    if !(0..=255).contains(&b) {
        return Err(type_err("byte", mk_int(b)));
    }
    write_to(e, i, &(b as u8 as char).to_string());
    Ok(true)
}
pub fn bi_put_code2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let i = out_stream(e, a[0])?;
    let c = need_small_int(a[1])?;
    let ch = char::from_u32(c as u32).ok_or_else(|| repr_err("character_code"))?;
    write_to(e, i, ch.encode_utf8(&mut [0; 4]));
    Ok(true)
}
pub fn bi_peek_code2(e: &mut Engine, a: &[Value]) -> Res<bool> {
    char_io(e, Some(a[0]), a[1], true, true)
}
