//! Binding call arguments to a function's parameters, with CPython 2.7's
//! error messages ("f() takes exactly 2 arguments (1 given)").

use crate::compiler::code::{CodeObj, CO_VARARGS, CO_VARKEYWORDS};
use crate::objects::function::FunctionObj;
use crate::objects::{dict, str as pystr, tuple};
use crate::runtime::errors::type_error;
use crate::runtime::PyResult;
use vmcore::gc::Gc;
use vmcore::Value;

/// Fills the parameters in `fast` (a new frame's locals, all EMPTY) from a call.
pub fn bind_arguments(func: Gc<FunctionObj>, code: Gc<CodeObj>, args: &[Value], kw: &[(Value, Value)], fast: &mut [Value]) -> PyResult<()> {
    let argc = code.argcount as usize;
    let has_var = code.flags & CO_VARARGS != 0;
    let has_kw = code.flags & CO_VARKEYWORDS != 0;
    // The common case: exactly the positional parameters, nothing else.
    if kw.is_empty() && args.len() == argc && !has_var && !has_kw {
        fast[..argc].copy_from_slice(args);
        return Ok(());
    }
    let defaults = tuple::as_tuple(func.defaults.get()).unwrap_or(&[]);
    let ndef = defaults.len();
    let name = code.name_str();
    let plural = |n: usize| if n == 1 { "" } else { "s" };

    if args.len() > argc && !has_var {
        return Err(type_error(format!(
            "{name}() takes {} {argc} argument{} ({} given)",
            if ndef > 0 { "at most" } else { "exactly" },
            plural(argc),
            args.len() + kw.len()
        )));
    }
    for (i, &a) in args.iter().take(argc).enumerate() {
        fast[i] = a;
    }
    let mut slot = argc;
    if has_var {
        let extra = if args.len() > argc { args[argc..].to_vec() } else { Vec::new() };
        fast[slot] = tuple::new_tuple(extra);
        slot += 1;
    }
    let kwdict = if has_kw {
        let d = dict::new_dict();
        fast[slot] = d.as_value();
        Some(d)
    } else {
        None
    };
    for &(k, v) in kw {
        let Some(kb) = pystr::as_bytes(k) else {
            return Err(type_error(format!("{name}() keywords must be strings")));
        };
        match code.varnames[..argc].iter().position(|&p| pystr::as_bytes(p) == Some(kb)) {
            Some(i) => {
                if !fast[i].is_empty() {
                    return Err(type_error(format!("{name}() got multiple values for keyword argument '{}'", String::from_utf8_lossy(kb))));
                }
                fast[i] = v;
            }
            None => match kwdict {
                Some(d) => d.set(k, v)?,
                None => {
                    return Err(type_error(format!("{name}() got an unexpected keyword argument '{}'", String::from_utf8_lossy(kb))));
                }
            },
        }
    }
    if args.len() < argc {
        let m = argc - ndef;
        for i in args.len()..m {
            if fast[i].is_empty() {
                let given = (0..argc).filter(|&j| !fast[j].is_empty()).count();
                return Err(type_error(format!(
                    "{name}() takes {} {m} argument{} ({given} given)",
                    if has_var || ndef > 0 { "at least" } else { "exactly" },
                    plural(m)
                )));
            }
        }
        for i in m.max(args.len())..argc {
            if fast[i].is_empty() {
                fast[i] = defaults[i - m];
            }
        }
    }
    Ok(())
}
