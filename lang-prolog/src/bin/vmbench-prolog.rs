//! Stand-alone runner for testing the frontend until the vmbench CLI links it:
//! `vmbench-prolog FILE.pl [ARGS...]`, `vmbench-prolog -c CODE`, or no argument for the REPL.
//! A `--` after the file is dropped, as `swipl file.pl -- args` does.

use vmcore::registry::{RunConfig, Source};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut cfg = RunConfig::default();
    (cfg.jit, cfg.jit_threshold) = lang_prolog::engine::jit_setting();
    let status = if args.is_empty() {
        lang_prolog::run(&cfg, Source::Repl)
    } else if args[0] == "-c" && args.len() > 1 {
        let code = args[1].clone();
        cfg.args = args.split_off(2);
        lang_prolog::run(&cfg, Source::Code(&code))
    } else {
        let file = args.remove(0);
        if args.first().map(|s| s == "--").unwrap_or(false) {
            args.remove(0);
        }
        cfg.args = args;
        lang_prolog::run(&cfg, Source::File(std::path::Path::new(&file)))
    };
    std::process::exit(status);
}
