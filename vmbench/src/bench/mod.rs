//! `vmbench bench`: compare the wall time, CPU time and memory of runtimes
//! (vmbench itself and any other command) over a set of programs.
//!
//! The shape of the harness, and why:
//! - every run's output is checked against FILE.expected, because a fast
//!   wrong answer is not a result;
//! - runtimes are interleaved round-robin inside each repetition, so slow
//!   drift of the machine (thermal throttling, a neighbour's build) hits all
//!   runtimes alike instead of whichever happened to run last;
//! - figures are medians and ratios of medians, combined over programs with a
//!   geometric mean (see stats.rs).
//!
//! Files: command.rs (parse `--vs`), programs.rs (what to run), runner.rs
//! (run once and measure), stats.rs, report.rs (table, JSON, CSV), plot.rs.

mod command;
mod plot;
mod programs;
mod report;
mod runner;
mod stats;

use command::Runtime;
use indicatif::{ProgressBar, ProgressStyle};
use programs::Program;
use runner::Exit;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(clap::Args)]
#[command(after_help = "Exit status: 0 when every run finished and matched its .expected output (missing \
runtimes only warn), 1 when any run mismatched, failed or timed out (or nothing could be measured), \
2 for a usage error.")]
pub struct BenchArgs {
    /// Language of the programs (python, prolog, js, scheme, io, smalltalk, ...).
    #[arg(long, short = 'l')]
    lang: String,
    /// Program files or directories (default: shared/bench/LANG of the project).
    paths: Vec<PathBuf>,
    /// Measured runs per program and runtime.
    #[arg(short = 'n', long = "runs", default_value_t = 5)]
    runs: usize,
    /// Unmeasured runs before the measured ones (fill caches, warm the disk).
    #[arg(long, default_value_t = 1)]
    warmup: usize,
    /// Another runtime to compare, e.g. 'pypy3' or 'gprolog --consult-file {}'
    /// ({} is the program path, appended when absent). Repeatable.
    #[arg(long = "vs", value_name = "COMMAND")]
    vs: Vec<String>,
    /// Label for the --vs runtimes, in order (default: the command text). Repeatable.
    #[arg(long, value_name = "LABEL")]
    name: Vec<String>,
    /// Leave vmbench itself out; compare only the --vs runtimes.
    #[arg(long)]
    only_vs: bool,
    /// JIT setting for vmbench itself.
    #[arg(long, value_parser = ["on", "off"], default_value = "on")]
    jit: String,
    /// JIT threshold for vmbench itself.
    #[arg(long, value_name = "N")]
    jit_threshold: Option<u32>,
    /// Extra program arguments, appended after the program for every runtime.
    #[arg(long = "args", value_name = "'A B'", allow_hyphen_values = true)]
    program_args: Option<String>,
    /// Kill a run (and its process group) after this many seconds.
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
    /// Write all results, raw timings included, as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write every run's raw timings as CSV.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// Draw the ratios per program as a bar chart (.svg or .png).
    #[arg(long, value_name = "FILE")]
    plot: Option<PathBuf>,
}

/// How one (program, runtime) cell ended up. Anything but `Ok` keeps the
/// cell out of every figure.
#[derive(Clone, Debug)]
pub enum Status {
    Ok,
    Mismatch(String),
    Failed(String),
    Timeout,
    Missing,
}

impl Status {
    pub fn word(&self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Mismatch(_) => "MISMATCH",
            Status::Failed(_) => "FAILED",
            Status::Timeout => "TIMEOUT",
            Status::Missing => "missing",
        }
    }
}

/// One run as recorded for the JSON/CSV output.
#[derive(Clone, Debug)]
pub struct RunRecord {
    pub warmup: bool,
    pub rep: usize,
    pub exit: String,
    pub ok: bool,
    pub wall_s: f64,
    pub user_s: f64,
    pub sys_s: f64,
    pub max_rss_kb: u64,
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub status: Status,
    pub runs: Vec<RunRecord>,
}

impl Cell {
    /// The measured (non-warm-up) runs, only if the cell is valid.
    pub fn measured(&self) -> Vec<&RunRecord> {
        match self.status {
            Status::Ok => self.runs.iter().filter(|r| !r.warmup).collect(),
            _ => Vec::new(),
        }
    }
}

/// Everything measured; `cells[program][runtime]`.
pub struct Results {
    pub lang: String,
    pub runs: usize,
    pub warmup: usize,
    pub runtimes: Vec<Runtime>,
    pub programs: Vec<Program>,
    pub cells: Vec<Vec<Cell>>,
}

/// A usage error: one line on stderr, exit status 2.
fn usage(msg: &str) -> i32 {
    eprintln!("vmbench bench: {msg}");
    2
}

pub fn run(args: &BenchArgs) -> i32 {
    let plan = match plan(args) {
        Ok(p) => p,
        Err(msg) => return usage(&msg),
    };
    let (runtimes, programs, extra, timeout) = plan;
    for rt in &runtimes {
        if let Some(why) = &rt.missing {
            eprintln!("vmbench bench: missing: {why}");
        }
    }
    let mut res = Results {
        lang: args.lang.clone(),
        runs: args.runs,
        warmup: args.warmup,
        cells: programs.iter().map(|_| runtimes.iter().map(|_| Cell { status: Status::Ok, runs: Vec::new() }).collect()).collect(),
        runtimes,
        programs,
    };
    runner::stop_runs_on_interrupt();
    measure(&mut res, &extra, timeout);

    print!("{}", report::table(&res));
    let mut status = 0;
    let problems: Vec<&Cell> = res.cells.iter().flatten().filter(|c| matches!(c.status, Status::Mismatch(_) | Status::Failed(_) | Status::Timeout)).collect();
    if !problems.is_empty() {
        eprintln!("vmbench bench: {} program/runtime cell(s) excluded (MISMATCH, FAILED or TIMEOUT; see above)", problems.len());
        status = 1;
    }
    let missing: Vec<&str> = res.runtimes.iter().filter(|r| r.missing.is_some()).map(|r| r.label.as_str()).collect();
    if !missing.is_empty() {
        eprintln!("vmbench bench: warning: not measured (missing): {}", missing.join(", "));
    }
    if res.cells.iter().flatten().all(|c| c.measured().is_empty()) {
        eprintln!("vmbench bench: nothing could be measured");
        status = 1;
    }
    let outputs: [(&Option<PathBuf>, Writer); 3] =
        [(&args.json, report::write_json), (&args.csv, report::write_csv), (&args.plot, plot::write_plot)];
    for (path, write) in outputs {
        if let Some(p) = path {
            if let Err(e) = write(&res, p) {
                eprintln!("vmbench bench: {}: {e}", p.display());
                status = 1;
            }
        }
    }
    status
}

/// Writes one output file (JSON, CSV or chart) from the results.
type Writer = fn(&Results, &Path) -> Result<(), String>;

type Plan = (Vec<Runtime>, Vec<Program>, Vec<String>, Option<Duration>);

/// Check the whole command line before running anything: a typo should cost
/// a second, not the length of a benchmark run.
fn plan(args: &BenchArgs) -> Result<Plan, String> {
    let ext = programs::extension_for(&args.lang)
        .ok_or_else(|| format!("unknown language '{}' (known: {})", args.lang, programs::known_languages().join(", ")))?;
    if args.runs == 0 {
        return Err("-n must be at least 1".into());
    }
    let timeout = match args.timeout {
        None => None,
        Some(s) if s > 0.0 && s.is_finite() && s < 1e9 => Some(Duration::from_secs_f64(s)),
        Some(s) => return Err(format!("invalid --timeout {s} (expected seconds > 0)")),
    };
    if args.only_vs && args.vs.is_empty() {
        return Err("--only-vs needs at least one --vs COMMAND".into());
    }
    if args.name.len() > args.vs.len() {
        return Err(format!("{} --name given for {} --vs runtime(s)", args.name.len(), args.vs.len()));
    }
    let extra = match &args.program_args {
        Some(s) => command::split_words(s).map_err(|e| format!("--args: {e}"))?,
        None => Vec::new(),
    };

    let mut runtimes = Vec::new();
    if !args.only_vs {
        let mut template = vec![command::current_exe()?, "run".into(), "--lang".into(), args.lang.clone(), "--jit".into(), args.jit.clone()];
        let mut label = format!("vmbench --jit {}", args.jit);
        if let Some(t) = args.jit_threshold {
            template.extend(["--jit-threshold".to_string(), t.to_string()]);
            label += &format!(" --jit-threshold {t}");
        }
        runtimes.push(Runtime { label, template, missing: None });
    }
    for (i, vs) in args.vs.iter().enumerate() {
        runtimes.push(Runtime::from_vs(vs, args.name.get(i).map(String::as_str)).map_err(|e| format!("--vs: {e}"))?);
    }

    let paths = if args.paths.is_empty() {
        vec![programs::default_dir(&args.lang).ok_or_else(|| {
            format!("no programs given and no shared/bench/{} directory found above here; pass files or directories", args.lang)
        })?]
    } else {
        args.paths.clone()
    };
    let progs = programs::collect(&paths, &ext)?;

    if let Some(p) = &args.plot {
        if runtimes.len() < 2 {
            return Err("--plot draws ratios between runtimes: give at least two (vmbench and a --vs, or two --vs)".into());
        }
        match p.extension().and_then(|e| e.to_str()) {
            Some("svg" | "png") => {}
            _ => return Err(format!("--plot {}: the file name must end in .svg or .png", p.display())),
        }
    }
    for p in [&args.json, &args.csv, &args.plot].into_iter().flatten() {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(format!("{}: directory {} does not exist", p.display(), dir.display()));
        }
    }
    Ok((runtimes, progs, extra, timeout))
}

/// Run everything: for each program, warm-up and measured repetitions; in
/// each repetition every runtime once, starting with a different runtime each
/// time so none is always "the one that runs right after another".
fn measure(res: &mut Results, extra: &[String], timeout: Option<Duration>) {
    let k = res.runtimes.len();
    let reps = res.warmup + res.runs;
    let total = (res.programs.len() * k * reps) as u64;
    let pb = if std::io::stderr().is_terminal() { ProgressBar::new(total) } else { ProgressBar::hidden() };
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} runs, {elapsed} [{msg}]") {
        pb.set_style(style);
    }
    // A runtime that has never finished a run yet: exit status 127 then most
    // likely means "command not found" from a wrapper (sh -c, a pyenv shim).
    let mut ever_ran = vec![false; k];

    for pi in 0..res.programs.len() {
        for rep in 0..reps {
            let warmup = rep < res.warmup;
            for j in 0..k {
                let ri = (j + rep) % k;
                // Position = runs finished (or skipped) so far.
                pb.set_position(((pi * reps + rep) * k + j) as u64);
                if res.runtimes[ri].missing.is_some() || !matches!(res.cells[pi][ri].status, Status::Ok) {
                    continue; // known bad: don't spend time on it again
                }
                let prog = &res.programs[pi];
                let rt = &res.runtimes[ri];
                pb.set_message(format!("{} with {}", prog.name, rt.label));
                let argv = rt.argv(&prog.path, extra);
                let m = match runner::run_once(&argv, timeout) {
                    Ok(m) => m,
                    Err(e) => {
                        let why = match e.kind() {
                            std::io::ErrorKind::NotFound => format!("{} not found", argv[0]),
                            _ => format!("{} cannot be started: {e}", argv[0]),
                        };
                        pb.suspend(|| eprintln!("vmbench bench: missing: {why}"));
                        res.runtimes[ri].missing = Some(why);
                        continue;
                    }
                };
                let (status, exit) = judge(&m, prog);
                if let Status::Failed(why) = &status {
                    if !ever_ran[ri] && m.exit == Exit::Code(127) && m.stdout.is_empty() {
                        let why = format!("{} not found ({why})", rt.template[0]);
                        pb.suspend(|| eprintln!("vmbench bench: missing: {why}"));
                        res.runtimes[ri].missing = Some(why);
                        continue;
                    }
                }
                ever_ran[ri] = true;
                let what = match &status {
                    Status::Ok | Status::Missing => None,
                    Status::Mismatch(d) => Some(format!("wrong output: {d}")),
                    Status::Failed(d) => Some(d.clone()),
                    Status::Timeout => Some(format!("no result after {}; killed", report::fmt_secs(m.wall_s))),
                };
                if let Some(what) = what {
                    pb.suspend(|| eprintln!("vmbench bench: {}: {} with {}: {what}", status.word(), prog.name, rt.label));
                }
                let ok = matches!(status, Status::Ok);
                res.cells[pi][ri].runs.push(RunRecord {
                    warmup,
                    rep: if warmup { rep } else { rep - res.warmup },
                    exit,
                    ok,
                    wall_s: m.wall_s,
                    user_s: m.user_s,
                    sys_s: m.sys_s,
                    max_rss_kb: m.max_rss_kb,
                });
                res.cells[pi][ri].status = status;
            }
        }
    }
    pb.finish_and_clear();
    for row in &mut res.cells {
        for (ri, cell) in row.iter_mut().enumerate() {
            if res.runtimes[ri].missing.is_some() {
                cell.status = Status::Missing;
            }
        }
    }
}

/// Decide whether one run counts, and describe how it exited.
fn judge(m: &runner::Measurement, prog: &Program) -> (Status, String) {
    let last_err = String::from_utf8_lossy(&m.stderr).lines().rev().find(|l| !l.trim().is_empty()).map(programs::clip);
    let with_stderr = |s: String| match &last_err {
        Some(l) => format!("{s}; last stderr line: {l}"),
        None => s,
    };
    match m.exit {
        Exit::Timeout => (Status::Timeout, "timeout".into()),
        Exit::Signal(s) => (Status::Failed(with_stderr(format!("killed by signal {s}"))), format!("signal {s}")),
        Exit::Code(c) if c != 0 => (Status::Failed(with_stderr(format!("exit status {c}"))), c.to_string()),
        Exit::Code(_) => match &prog.expected {
            Some(exp) if *exp != m.stdout => (Status::Mismatch(programs::first_difference(exp, &m.stdout)), "0".into()),
            _ => (Status::Ok, "0".into()),
        },
    }
}
