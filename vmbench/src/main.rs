//! `vmbench`: run programs in any registered language, list languages,
//! compare runtimes. Frontends register themselves (vmcore::registry); this
//! file only parses the command line and dispatches.

mod bench;
mod plugin;

use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vmcore::registry::{self, RunConfig, Source};

// Linking a frontend crate is what registers it.
use lang_bf as _;
use lang_prolog as _;
use lang_python as _;

#[derive(Parser)]
#[command(name = "vmbench", version, about = "A workbench for language virtual machines")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the registered language frontends.
    Langs {
        /// Also load this plugin and list it.
        #[arg(long)]
        plugin: Option<PathBuf>,
    },
    /// Run a program: `vmbench run --lang L FILE [ARGS...]` or `-c CODE`.
    Run(RunArgs),
    /// Benchmark programs against other runtimes.
    Bench(bench::BenchArgs),
}

#[derive(Args)]
pub struct RunArgs {
    /// Language (inferred from the file extension when omitted).
    #[arg(long, short = 'l')]
    lang: Option<String>,
    /// Program text to run instead of a file.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// JIT compiler on or off (default: $VMBENCH_JIT, else on).
    #[arg(long, value_parser = ["on", "off"])]
    jit: Option<String>,
    /// Loop iterations before the JIT compiles (default: $VMBENCH_JIT_THRESHOLD, else 1000).
    #[arg(long)]
    jit_threshold: Option<u32>,
    /// Load a frontend from a shared library built outside the workspace.
    #[arg(long)]
    plugin: Option<PathBuf>,
    /// Print the program's bytecode before running it.
    #[arg(long)]
    disasm: bool,
    /// Print every instruction as it executes.
    #[arg(long)]
    trace_exec: bool,
    /// The program file, then its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// A user mistake: one line on stderr, exit status 2.
fn usage_error(msg: &str) -> ExitCode {
    eprintln!("vmbench: {msg}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    vmcore::install_panic_hook();
    let cli = Cli::parse();
    match cli.command {
        Command::Langs { plugin } => langs(plugin.as_deref()),
        Command::Run(args) => run(args),
        Command::Bench(args) => ExitCode::from(bench::run(&args).clamp(0, 255) as u8),
    }
}

fn langs(plugin: Option<&Path>) -> ExitCode {
    for f in registry::frontends() {
        let exts: Vec<String> = f.extensions.iter().map(|e| format!(".{e}")).collect();
        println!("{:<12} {:<20} {}", f.name, exts.join(" "), f.description);
    }
    if let Some(p) = plugin {
        match plugin::Plugin::load(p) {
            Ok(pl) => {
                let exts: Vec<String> = pl.extensions.iter().map(|e| format!(".{e}")).collect();
                println!("{:<12} {:<20} plugin {}", pl.name, exts.join(" "), p.display());
            }
            Err(e) => return usage_error(&e),
        }
    }
    ExitCode::SUCCESS
}

/// JIT settings: command line first, then the environment, then defaults.
fn jit_config(args: &RunArgs) -> Result<(bool, u32), String> {
    let jit = match args.jit.clone().or_else(|| std::env::var("VMBENCH_JIT").ok()) {
        None => true,
        Some(s) if s == "on" || s == "1" => true,
        Some(s) if s == "off" || s == "0" => false,
        Some(s) => return Err(format!("invalid JIT setting '{s}' (expected on or off)")),
    };
    let threshold = match args.jit_threshold {
        Some(n) => n,
        None => match std::env::var("VMBENCH_JIT_THRESHOLD") {
            Ok(s) => s.trim().parse().map_err(|_| format!("invalid VMBENCH_JIT_THRESHOLD '{s}'"))?,
            Err(_) => 1000,
        },
    };
    Ok((jit, threshold.max(1)))
}

fn run(args: RunArgs) -> ExitCode {
    let (jit, jit_threshold) = match jit_config(&args) {
        Ok(x) => x,
        Err(e) => return usage_error(&e),
    };
    let mut rest = args.rest.clone();
    // `--` separating vmbench options from the program's is accepted and dropped.
    if rest.first().is_some_and(|a| a == "--") {
        rest.remove(0);
    }
    let file = if args.code.is_some() || rest.is_empty() { None } else { Some(PathBuf::from(rest.remove(0))) };
    let mut cfg = RunConfig { jit, jit_threshold, args: rest, disasm: args.disasm, trace_exec: args.trace_exec };

    if let Some(p) = &args.plugin {
        let pl = match plugin::Plugin::load(p) {
            Ok(pl) => pl,
            Err(e) => return usage_error(&e),
        };
        if let Some(l) = &args.lang {
            if *l != pl.name {
                return usage_error(&format!("plugin {} provides language '{}', not '{l}'", p.display(), pl.name));
            }
        }
        if let Some(f) = &file {
            if let Err(e) = check_readable(f) {
                return usage_error(&e);
            }
        }
        let status = match (&args.code, &file) {
            (Some(code), _) => pl.run(1, code, &cfg),
            (None, Some(f)) => pl.run(0, &f.to_string_lossy(), &cfg),
            (None, None) => return usage_error("a plugin needs a program file or -c CODE"),
        };
        return ExitCode::from(status.clamp(0, 255) as u8);
    }

    let frontend = match (&args.lang, &file) {
        (Some(l), _) => match registry::find(l) {
            Some(f) => f,
            None => {
                let names: Vec<_> = registry::frontends().iter().map(|f| f.name).collect();
                return usage_error(&format!("unknown language '{l}' (known: {})", names.join(", ")));
            }
        },
        (None, Some(f)) => {
            let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
            match registry::for_extension(ext) {
                Some(fe) => fe,
                None => return usage_error(&format!("cannot tell the language of {}; use --lang", f.display())),
            }
        }
        (None, None) => return usage_error("no language given; use --lang L"),
    };
    let status = match (&args.code, &file) {
        (Some(code), _) => (frontend.run)(&cfg, Source::Code(code)),
        (None, Some(f)) => {
            if let Err(e) = check_readable(f) {
                return usage_error(&e);
            }
            (frontend.run)(&cfg, Source::File(f))
        }
        (None, None) => {
            cfg.args.clear();
            (frontend.run)(&cfg, Source::Repl)
        }
    };
    ExitCode::from(status.clamp(0, 255) as u8)
}

/// A clear message for a program file we cannot read.
fn check_readable(f: &Path) -> Result<(), String> {
    match std::fs::metadata(f) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!("{}: no such file", f.display())),
        Err(e) => Err(format!("{}: cannot read: {}", f.display(), short_io_error(&e))),
        Ok(m) if m.is_dir() => Err(format!("{}: is a directory", f.display())),
        Ok(_) => std::fs::File::open(f).map(|_| ()).map_err(|e| format!("{}: cannot read: {}", f.display(), short_io_error(&e))),
    }
}

fn short_io_error(e: &std::io::Error) -> String {
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_lowercase()
}
