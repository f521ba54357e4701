//! Presenting results: an aligned table for people, JSON and CSV for
//! programs. All figures are computed here from the raw runs, in one place,
//! so the table, the files and the chart cannot disagree.

use super::{stats, Results, Status};
use serde_json::{json, Value};
use std::path::Path;

/// The figures of one valid (program, runtime) cell.
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub spread: f64,
    pub cpu_median: f64,
    pub peak_rss_kb: u64,
    pub n: usize,
}

pub fn summary(res: &Results, pi: usize, ri: usize) -> Option<Summary> {
    let runs = res.cells[pi][ri].measured();
    let wall: Vec<f64> = runs.iter().map(|r| r.wall_s).collect();
    let cpu: Vec<f64> = runs.iter().map(|r| r.user_s + r.sys_s).collect();
    Some(Summary {
        median: stats::median(&wall)?,
        min: stats::min(&wall)?,
        max: stats::max(&wall)?,
        spread: stats::relative_spread(&wall).unwrap_or(0.0),
        cpu_median: stats::median(&cpu)?,
        peak_rss_kb: runs.iter().map(|r| r.max_rss_kb).max()?,
        n: runs.len(),
    })
}

/// Ratio of runtime `ri` to the first runtime on program `pi`:
/// median(ri) / median(first). `None` unless both are valid.
pub fn ratio(res: &Results, pi: usize, ri: usize) -> Option<f64> {
    stats::ratio(summary(res, pi, ri)?.median, summary(res, pi, 0)?.median)
}

/// Geometric mean of the ratios of runtime `ri` over the programs where both
/// it and the first runtime are valid, with the number of such programs.
pub fn geomean(res: &Results, ri: usize) -> Option<(f64, usize)> {
    let ratios: Vec<f64> = (0..res.programs.len()).filter_map(|pi| ratio(res, pi, ri)).collect();
    Some((stats::geomean(&ratios)?, ratios.len()))
}

pub fn fmt_secs(s: f64) -> String {
    if s < 0.1 {
        format!("{:.2}ms", s * 1000.0)
    } else if s < 10.0 {
        format!("{s:.3}s")
    } else {
        format!("{s:.1}s")
    }
}

/// Ratios keep two significant digits even when small (0.045x, not 0.04x).
pub fn fmt_ratio(r: f64) -> String {
    if r >= 0.1 {
        format!("{r:.2}x")
    } else {
        format!("{r:.3}x")
    }
}

fn fmt_mb(kb: u64) -> String {
    format!("{:.1}MB", kb as f64 / 1024.0)
}

/// A cell that holds no figure says why, in capitals when something went wrong.
fn status_text(s: &Status) -> String {
    s.word().to_string()
}

/// Lay out rows of cells in columns: first column left-aligned, others
/// right-aligned, two spaces apart.
fn columns(rows: &[Vec<String>]) -> String {
    let ncol = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..ncol).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = width[c].saturating_sub(cell.chars().count());
            if c == 0 {
                line += &format!("{cell}{}", " ".repeat(pad));
            } else {
                line += &format!("  {}{cell}", " ".repeat(pad));
            }
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}

/// The terminal report: wall time with ratios and geomeans, then CPU time
/// and peak memory.
pub fn table(res: &Results) -> String {
    let k = res.runtimes.len();
    let first = &res.runtimes[0].label;
    let mut out = format!(
        "\nWall time: median ±half-range of {} run(s) after {} warm-up run(s).\n\
         ratio = median / median of `{first}` (lower is faster: 0.50x = takes half the time, 2.00x = twice as long).\n\n",
        res.runs, res.warmup
    );
    // Runtimes are numbered so long command lines need not fit a column.
    for (ri, rt) in res.runtimes.iter().enumerate() {
        let missing = rt.missing.as_ref().map(|m| format!("  (missing: {m})")).unwrap_or_default();
        out += &format!("  [{}] {}{missing}\n", ri + 1, rt.label);
    }
    out.push('\n');

    let mut rows = vec![];
    let mut head = vec!["program".to_string()];
    for ri in 0..k {
        head.push(format!("[{}] time", ri + 1));
        if ri > 0 {
            head.push("ratio".into());
        }
    }
    rows.push(head);
    for (pi, p) in res.programs.iter().enumerate() {
        let mut row = vec![p.name.clone()];
        for ri in 0..k {
            match summary(res, pi, ri) {
                Some(s) => row.push(format!("{} ±{:>4.1}%", fmt_secs(s.median), s.spread * 100.0)),
                None => row.push(status_text(&res.cells[pi][ri].status)),
            }
            if ri > 0 {
                row.push(ratio(res, pi, ri).map(fmt_ratio).unwrap_or_else(|| "-".into()));
            }
        }
        rows.push(row);
    }
    let mut geo = vec!["geomean".to_string()];
    for ri in 0..k {
        geo.push(String::new());
        if ri > 0 {
            geo.push(match geomean(res, ri) {
                Some((g, n)) if n == res.programs.len() => fmt_ratio(g),
                Some((g, n)) => format!("{} ({n}/{})", fmt_ratio(g), res.programs.len()),
                None => "-".into(),
            });
        }
    }
    rows.push(geo);
    out += &columns(&rows);

    out += "\nCPU time (user+sys of the runtime process, median) and peak RSS (largest over runs):\n\n";
    let mut rows = vec![];
    let mut head = vec!["program".to_string()];
    for ri in 0..k {
        head.push(format!("[{}] cpu", ri + 1));
        head.push("rss".into());
    }
    rows.push(head);
    for (pi, p) in res.programs.iter().enumerate() {
        let mut row = vec![p.name.clone()];
        for ri in 0..k {
            match summary(res, pi, ri) {
                Some(s) => {
                    row.push(fmt_secs(s.cpu_median));
                    row.push(fmt_mb(s.peak_rss_kb));
                }
                None => {
                    row.push(status_text(&res.cells[pi][ri].status));
                    row.push(String::new());
                }
            }
        }
        rows.push(row);
    }
    out += &columns(&rows);
    out
}

/// Everything in one document: settings, runtimes with their geomeans, and
/// per program and runtime the status, figures and every raw run.
pub fn to_json(res: &Results) -> Value {
    let runtimes: Vec<Value> = res
        .runtimes
        .iter()
        .enumerate()
        .map(|(ri, rt)| {
            let g = if ri == 0 { None } else { geomean(res, ri) };
            json!({
                "label": rt.label,
                "command": rt.template,
                "missing": rt.missing,
                "geomean_ratio": g.map(|g| g.0),
                "geomean_programs": g.map(|g| g.1),
            })
        })
        .collect();
    let programs: Vec<Value> = res
        .programs
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let results: Vec<Value> = (0..res.runtimes.len())
                .map(|ri| {
                    let cell = &res.cells[pi][ri];
                    let s = summary(res, pi, ri);
                    let detail = match &cell.status {
                        Status::Mismatch(d) | Status::Failed(d) => Some(d.clone()),
                        Status::Missing => res.runtimes[ri].missing.clone(),
                        _ => None,
                    };
                    json!({
                        "runtime": res.runtimes[ri].label,
                        "status": cell.status.word(),
                        "detail": detail,
                        "median_s": s.as_ref().map(|s| s.median),
                        "min_s": s.as_ref().map(|s| s.min),
                        "max_s": s.as_ref().map(|s| s.max),
                        "cpu_median_s": s.as_ref().map(|s| s.cpu_median),
                        "peak_rss_kb": s.as_ref().map(|s| s.peak_rss_kb),
                        "measured_runs": s.as_ref().map(|s| s.n).unwrap_or(0),
                        "ratio": if ri == 0 { None } else { ratio(res, pi, ri) },
                        "runs": cell.runs.iter().map(|r| json!({
                            "warmup": r.warmup,
                            "rep": r.rep,
                            "exit": r.exit,
                            "ok": r.ok,
                            "wall_s": r.wall_s,
                            "user_s": r.user_s,
                            "sys_s": r.sys_s,
                            "max_rss_kb": r.max_rss_kb,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({ "program": p.name, "path": p.path, "has_expected": p.expected.is_some(), "results": results })
        })
        .collect();
    json!({
        "lang": res.lang,
        "runs": res.runs,
        "warmup": res.warmup,
        "ratio": "median(runtime) / median(first runtime); below 1 is faster",
        "runtimes": runtimes,
        "programs": programs,
    })
}

pub fn write_json(res: &Results, path: &Path) -> Result<(), String> {
    let text = serde_json::to_string_pretty(&to_json(res)).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| e.to_string())
}

/// One line per run, warm-ups included (marked), for spreadsheets and R.
pub fn write_csv(res: &Results, path: &Path) -> Result<(), String> {
    let mut out = String::from("program,runtime,phase,rep,exit,counted,wall_s,user_s,sys_s,max_rss_kb\n");
    for (pi, p) in res.programs.iter().enumerate() {
        for (ri, rt) in res.runtimes.iter().enumerate() {
            let cell = &res.cells[pi][ri];
            let valid = matches!(cell.status, Status::Ok);
            for r in &cell.runs {
                out += &format!(
                    "{},{},{},{},{},{},{:.6},{:.6},{:.6},{}\n",
                    csv_field(&p.name),
                    csv_field(&rt.label),
                    if r.warmup { "warmup" } else { "measured" },
                    r.rep,
                    csv_field(&r.exit),
                    valid && !r.warmup,
                    r.wall_s,
                    r.user_s,
                    r.sys_s,
                    r.max_rss_kb
                );
            }
        }
    }
    std::fs::write(path, out).map_err(|e| e.to_string())
}

/// Quote a CSV field when it holds a comma, quote or newline (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
