//! The builtin predicate table. Each family lives in its own module; this
//! file registers them all under their Name/Arity, plus a few small
//! system predicates that fit no family.

pub mod arith;
pub mod atoms;
pub mod db;
pub mod io;
pub mod terms;

use crate::engine::db::{Control, DetFn, Kind, NonDetFn};
use crate::engine::unify::copy_term;
use crate::engine::*;
use crate::streams::Stream;
use crate::term::*;
use vmcore::object::symbol::intern;
use vmcore::Value;

fn reg(e: &mut Engine, name: &str, arity: usize, k: Kind) {
    let id = e.pred_id(intern(name), arity);
    let p = &mut e.preds[id];
    p.kind = k;
    p.defined = true;
}
fn det(e: &mut Engine, name: &str, arity: usize, f: DetFn) {
    reg(e, name, arity, Kind::Det(f));
}
fn nondet(e: &mut Engine, name: &str, arity: usize, f: NonDetFn) {
    reg(e, name, arity, Kind::NonDet(f));
}

pub fn register_all(e: &mut Engine) {
    use Control::*;
    let ctl: &[(&str, usize, Control)] = &[
        (",", 2, Conj),
        (";", 2, Disj),
        ("|", 2, Disj),
        ("->", 2, IfThen),
        ("*->", 2, SoftIf),
        ("\\+", 1, Not),
        ("not", 1, Not),
        ("call", 1, Call),
        ("!", 0, Cut),
        ("true", 0, True),
        ("otherwise", 0, True),
        ("fail", 0, Fail),
        ("false", 0, Fail),
        ("catch", 3, Catch),
        ("throw", 1, Throw),
        ("findall", 3, Findall),
        ("findall", 4, Findall4),
        ("forall", 2, Forall),
        ("between", 3, Between),
        ("$clause", 3, ClauseRef),
        ("$cut", 1, CutTo),
        ("$exit_catch", 1, ExitCatch),
        ("$findall_add", 2, FindallAdd),
    ];
    for (n, a, c) in ctl {
        reg(e, n, *a, Kind::Control(*c));
    }
    for n in 2..=8 {
        reg(e, "call", n, Kind::Control(CallN));
    }
    det(e, "$softcut", 1, bi_softcut);

    use terms::*;
    det(e, "var", 1, bi_var);
    det(e, "nonvar", 1, bi_nonvar);
    det(e, "atom", 1, bi_atom);
    det(e, "number", 1, bi_number);
    det(e, "integer", 1, bi_integer);
    det(e, "float", 1, bi_float);
    det(e, "atomic", 1, bi_atomic);
    det(e, "compound", 1, bi_compound);
    det(e, "callable", 1, bi_callable);
    det(e, "is_list", 1, bi_is_list);
    det(e, "ground", 1, bi_ground);
    det(e, "=", 2, bi_unify);
    det(e, "\\=", 2, bi_not_unify);
    det(e, "unify_with_occurs_check", 2, bi_unify_oc);
    det(e, "==", 2, terms::bi_eq);
    det(e, "\\==", 2, bi_neq);
    det(e, "@<", 2, terms::bi_lt);
    det(e, "@>", 2, terms::bi_gt);
    det(e, "@=<", 2, terms::bi_le);
    det(e, "@>=", 2, terms::bi_ge);
    det(e, "compare", 3, bi_compare);
    det(e, "functor", 3, bi_functor);
    det(e, "$arg", 3, bi_arg);
    det(e, "=..", 2, bi_univ);
    det(e, "copy_term", 2, bi_copy_term);
    det(e, "term_variables", 2, bi_term_variables);
    det(e, "sort", 2, bi_sort);
    det(e, "msort", 2, bi_msort);
    det(e, "keysort", 2, bi_keysort);
    det(e, "sort", 4, bi_sort4);
    det(e, "$length", 3, bi_length);
    det(e, "setarg", 3, bi_setarg);
    det(e, "nb_setarg", 3, bi_setarg);

    use arith::*;
    det(e, "is", 2, bi_is);
    det(e, "<", 2, arith::bi_lt);
    det(e, ">", 2, arith::bi_gt);
    det(e, "=<", 2, arith::bi_le);
    det(e, ">=", 2, arith::bi_ge);
    det(e, "=:=", 2, arith::bi_eq);
    det(e, "=\\=", 2, bi_ne);
    det(e, "succ", 2, bi_succ);
    det(e, "plus", 3, bi_plus);

    use atoms::*;
    det(e, "atom_codes", 2, bi_atom_codes);
    det(e, "atom_chars", 2, bi_atom_chars);
    det(e, "char_code", 2, bi_char_code);
    det(e, "atom_length", 2, bi_atom_length);
    nondet(e, "atom_concat", 3, nd_atom_concat);
    nondet(e, "sub_atom", 5, nd_sub_atom);
    det(e, "number_codes", 2, bi_number_codes);
    det(e, "number_chars", 2, bi_number_chars);
    det(e, "atom_number", 2, bi_atom_number);
    det(e, "upcase_atom", 2, bi_upcase_atom);
    det(e, "downcase_atom", 2, bi_downcase_atom);
    det(e, "atomic_list_concat", 2, bi_atomic_list_concat2);
    det(e, "atomic_list_concat", 3, bi_atomic_list_concat3);
    det(e, "$char_alpha", 1, bi_char_type_alpha);
    det(e, "$string_codes", 2, bi_string_codes_like);
    det(e, "atom_to_term", 3, bi_atom_to_term);

    use io::*;
    det(e, "write", 1, bi_write);
    det(e, "write", 2, bi_write2);
    det(e, "writeq", 1, bi_writeq);
    det(e, "writeq", 2, bi_writeq2);
    det(e, "print", 1, bi_print);
    det(e, "write_canonical", 1, bi_write_canonical);
    det(e, "write_canonical", 2, bi_write_canonical2);
    det(e, "write_term", 2, bi_write_term);
    det(e, "write_term", 3, bi_write_term3);
    det(e, "nl", 0, bi_nl);
    det(e, "nl", 1, bi_nl1);
    det(e, "tab", 1, bi_tab);
    det(e, "tab", 2, bi_tab2);
    det(e, "put_char", 1, bi_put_char);
    det(e, "put_char", 2, bi_put_char2);
    det(e, "put_code", 1, bi_put_code);
    det(e, "get_char", 1, bi_get_char);
    det(e, "get_char", 2, bi_get_char2);
    det(e, "peek_char", 1, bi_peek_char);
    det(e, "peek_char", 2, bi_peek_char2);
    det(e, "get_code", 1, bi_get_code);
    det(e, "get_code", 2, bi_get_code2);
    det(e, "peek_code", 1, bi_peek_code);
    det(e, "peek_code", 2, bi_peek_code2);
    det(e, "put_code", 2, bi_put_code2);
    det(e, "get_byte", 1, bi_get_byte);
    det(e, "get_byte", 2, bi_get_byte);
    det(e, "peek_byte", 1, bi_peek_byte);
    det(e, "peek_byte", 2, bi_peek_byte);
    det(e, "put_byte", 1, bi_put_byte);
    det(e, "put_byte", 2, bi_put_byte);
    nondet(e, "stream_property", 2, nd_stream_property);
    det(e, "char_conversion", 2, bi_true);
    det(e, "read", 1, bi_read);
    det(e, "read", 2, bi_read2);
    det(e, "read_term", 2, bi_read_term);
    det(e, "read_term", 3, bi_read_term3);
    det(e, "open", 3, bi_open);
    det(e, "open", 4, bi_open4);
    det(e, "close", 1, bi_close);
    det(e, "close", 2, bi_close2);
    det(e, "flush_output", 0, bi_flush_output);
    det(e, "flush_output", 1, bi_flush_output1);
    det(e, "current_output", 1, bi_current_output);
    det(e, "current_input", 1, bi_current_input);
    det(e, "set_output", 1, bi_set_output);
    det(e, "set_input", 1, bi_set_input);
    det(e, "at_end_of_stream", 0, bi_at_end_of_stream);
    det(e, "at_end_of_stream", 1, bi_at_end_of_stream);
    det(e, "format", 1, bi_format1);
    det(e, "format", 2, bi_format2);
    det(e, "format", 3, bi_format3);
    det(e, "term_to_atom", 2, bi_term_to_atom);
    det(e, "op", 3, bi_op);
    nondet(e, "current_op", 3, nd_current_op);
    nondet(e, "current_prolog_flag", 2, nd_current_prolog_flag);
    det(e, "set_prolog_flag", 2, bi_set_prolog_flag);
    det(e, "create_prolog_flag", 3, bi_create_prolog_flag);
    det(e, "halt", 0, bi_halt);
    det(e, "halt", 1, bi_halt1);

    use db::*;
    det(e, "assertz", 1, bi_assertz);
    det(e, "asserta", 1, bi_asserta);
    det(e, "$erase", 1, bi_erase);
    det(e, "erase", 1, bi_erase);
    det(e, "$check_access", 3, bi_check_access);
    det(e, "retractall", 1, bi_retractall);
    det(e, "abolish", 1, bi_abolish);
    det(e, "dynamic", 1, bi_dynamic);
    det(e, "discontiguous", 1, bi_discontiguous);
    det(e, "multifile", 1, bi_discontiguous);
    det(e, "module", 2, bi_true);
    det(e, "use_module", 1, bi_true);
    det(e, "use_module", 2, bi_true);
    det(e, "set_stream", 2, bi_true);
    det(e, "style_check", 1, bi_true);
    det(e, "license", 1, bi_true);
    nondet(e, "current_predicate", 1, nd_current_predicate);
    nondet(e, "predicate_property", 2, nd_predicate_property);

    det(e, "$consult", 1, bi_consult);
    det(e, "$ensure_loaded", 1, bi_ensure_loaded);
    det(e, "$nb_setval", 2, bi_nb_setval);
    det(e, "$nb_getval", 2, bi_nb_getval);
    det(e, "$cputime_ms", 1, bi_cputime);
    det(e, "$walltime_ms", 1, bi_walltime);
    det(e, "$exists_file", 1, bi_exists_file);
    det(e, "$capture_start", 1, bi_capture_start);
    det(e, "$capture_end", 2, bi_capture_end);
}

fn bi_true(_: &mut Engine, _: &[Value]) -> Res<bool> {
    Ok(true)
}

/// '$softcut'(H): the `*->` condition succeeded, so its else branch (the
/// choice point at height H) is dropped, keeping the condition's own choice points.
fn bi_softcut(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let h = deref(a[0]).as_int() as usize;
    if let Some(cp) = e.cps.get_mut(h) {
        if matches!(cp.alt, Alt::Goal { .. }) {
            cp.alt = Alt::Dead;
        }
    }
    Ok(true)
}

fn bi_atom_to_term(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let s = atoms::atomic_text(a[0])?;
    let chars: Vec<char> = format!("{s} .").chars().collect();
    let mut pos = 0;
    let dq = e.flags.double_quotes;
    match crate::reader::parser::read_term(&chars, &mut pos, &e.ops, dq) {
        Ok(Some(r)) => {
            let mut items = vmcore::gc::RootedVec::new();
            for (n, v) in &r.var_names {
                items.push(mk_compound(wk().eq_id, &[atom(n), *v]));
            }
            let l = mk_list(&items, wk().nil);
            Ok(e.unify(a[1], r.term) && e.unify(a[2], l))
        }
        Ok(None) => Ok(false),
        Err(m) => Err(syntax_err(&m)),
    }
}

fn bi_consult(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let f = need_atom(a[0])?;
    e.consult_file(atom_name(f))?;
    Ok(true)
}
fn bi_ensure_loaded(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let f = deref(a[0]);
    if !f.is_symbol() {
        return Ok(true); // library(...) and friends: everything is preloaded
    }
    let n = atom_name(f);
    if e.loaded_files.iter().any(|x| x == n || x.ends_with(&format!("/{n}")) || x.ends_with(&format!("/{n}.pl"))) {
        return Ok(true);
    }
    e.consult_file(n)?;
    Ok(true)
}
fn bi_nb_setval(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let k = need_atom(a[0])?;
    let v = copy_term(a[1]);
    e.globals.insert(k.symbol_id(), v);
    Ok(true)
}
fn bi_nb_getval(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let k = need_atom(a[0])?;
    match e.globals.get(&k.symbol_id()).copied() {
        Some(v) => Ok(e.unify(a[1], v)),
        None => Err(existence_err("variable", k)),
    }
}
fn bi_cputime(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = vmcore::host::host().clock(vmcore::host::Clock::ProcessCpu);
    Ok(e.unify(a[0], mk_int((t * 1000.0) as i64)))
}
fn bi_walltime(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let t = vmcore::host::host().clock(vmcore::host::Clock::Wall);
    Ok(e.unify(a[0], mk_int((t * 1000.0) as i64)))
}
fn bi_exists_file(_: &mut Engine, a: &[Value]) -> Res<bool> {
    let f = need_atom(a[0])?;
    Ok(vmcore::host::host().stat(std::path::Path::new(atom_name(f)), true).map(|s| s.is_file()).unwrap_or(false))
}
/// with_output_to/2 support: output goes to an in-memory stream (fd -1).
fn bi_capture_start(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let old = e.streams.cur_out;
    let s = Stream { fd: -1, input: false, buf: Vec::new(), pos: 0, loaded: true, out: String::new(), alias: None, file_name: String::new(), past_eof: false, column: 0, line: 1 };
    e.streams.list.push(Some(s));
    let i = e.streams.list.len() - 1;
    e.streams.cur_out = i;
    let h = mk("$capture", &[Value::int_unchecked(old as i64), Value::int_unchecked(i as i64)]);
    Ok(e.unify(a[0], h))
}
fn bi_capture_end(e: &mut Engine, a: &[Value]) -> Res<bool> {
    let h = deref(a[0]);
    let old = deref(arg(h, 0)).as_int() as usize;
    let i = deref(arg(h, 1)).as_int() as usize;
    let text = e.streams.list[i].take().map(|s| s.out).unwrap_or_default();
    if e.streams.list.len() == i + 1 {
        e.streams.list.pop();
    }
    e.streams.cur_out = old;
    Ok(e.unify(a[1], atom(&text)))
}
