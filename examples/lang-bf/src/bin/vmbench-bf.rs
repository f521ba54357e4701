//! A stand-alone runner for lang-bf until the `vmbench` CLI links it:
//! `vmbench-bf [--jit on|off] [--jit-threshold N] [--disasm] [--trace-exec] FILE | -c CODE`.

use std::path::PathBuf;
use vmcore::registry::{RunConfig, Source};

fn main() {
    let mut cfg = RunConfig::default();
    let mut args = std::env::args().skip(1);
    let mut file: Option<PathBuf> = None;
    let mut code: Option<String> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jit" => cfg.jit = args.next().as_deref() != Some("off"),
            "--jit-threshold" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => cfg.jit_threshold = n,
                None => usage(),
            },
            "--disasm" => cfg.disasm = true,
            "--trace-exec" => cfg.trace_exec = true,
            "-c" => code = Some(args.next().unwrap_or_else(|| usage())),
            _ if file.is_none() && code.is_none() && !a.starts_with('-') => file = Some(PathBuf::from(a)),
            _ => usage(),
        }
    }
    let status = match (&file, &code) {
        (Some(f), _) => lang_bf::run(&cfg, Source::File(f)),
        (None, Some(c)) => lang_bf::run(&cfg, Source::Code(c)),
        _ => usage(),
    };
    std::process::exit(status);
}

fn usage() -> ! {
    eprintln!("usage: vmbench-bf [--jit on|off] [--jit-threshold N] [--disasm] [--trace-exec] FILE | -c CODE");
    std::process::exit(2);
}
