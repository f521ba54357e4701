//! End-to-end tests of `vmbench bench`: the real binary, tiny fake programs
//! in a temporary directory, and fake runtimes (`sh`, `cat`) so the tests
//! need no language installed and finish in seconds.
//!
//! The programs are shell scripts with a `.py` name: `--lang python` only
//! decides which files a directory scan picks up.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

/// A fresh directory per test (tests run in parallel).
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vmbench-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn bench(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vmbench")).current_dir(dir).arg("bench").args(args).output().unwrap()
}

fn text(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn mismatch_is_reported_excluded_and_fails_the_command() {
    let d = temp_dir("mismatch");
    write(&d, "good.py", "echo ok\n");
    write(&d, "good.expected", "ok\n");
    write(&d, "bad.py", "echo one; echo wrong\n");
    write(&d, "bad.expected", "one\nright\n");
    let out = bench(&d, &["--lang", "python", ".", "--only-vs", "--vs", "sh", "--vs", "sh {}", "-n", "2", "--warmup", "0", "--json", "r.json"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stderr.contains("MISMATCH: bad.py with sh"), "{stderr}");
    assert!(stderr.contains("line 2: expected `right`, got `wrong`"), "{stderr}");
    assert!(stdout.lines().any(|l| l.starts_with("bad.py") && l.contains("MISMATCH")), "{stdout}");

    let j = json(&d.join("r.json"));
    let bad = &j["programs"][0];
    assert_eq!(bad["program"], "bad.py");
    assert_eq!(bad["results"][0]["status"], "MISMATCH");
    assert!(bad["results"][0]["median_s"].is_null());
    assert!(bad["results"][1]["ratio"].is_null());
    assert_eq!(j["programs"][1]["results"][1]["status"], "ok");
    // The geomean only covers the program where both runtimes were valid.
    assert_eq!(j["runtimes"][1]["geomean_programs"], 1);
}

#[test]
fn failed_run_reports_exit_status_and_last_stderr_line() {
    let d = temp_dir("failed");
    write(&d, "boom.py", "echo first >&2; echo 'it broke' >&2; exit 3\n");
    let out = bench(&d, &["--lang", "python", "boom.py", "--only-vs", "--vs", "sh", "-n", "1", "--warmup", "0"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("FAILED: boom.py with sh: exit status 3; last stderr line: it broke"), "{stderr}");
    assert!(stdout.contains("FAILED"), "{stdout}");
}

#[test]
fn missing_runtime_is_reported_once_and_others_still_run() {
    let d = temp_dir("missing");
    write(&d, "a.py", "echo hi\n");
    write(&d, "b.py", "echo ho\n");
    let out = bench(&d, &["--lang", "python", ".", "--only-vs", "--vs", "sh", "--vs", "no-such-runtime-xyz", "-n", "1", "--warmup", "0"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert_eq!(stderr.matches("missing: no-such-runtime-xyz not found").count(), 1, "{stderr}");
    assert!(stdout.lines().any(|l| l.starts_with("a.py") && l.contains("missing")), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("a.py") && l.contains("s ±")), "{stdout}");
}

#[test]
fn command_not_found_inside_a_wrapper_counts_as_missing() {
    let d = temp_dir("wrapper");
    write(&d, "a.py", "echo hi\n");
    let out = bench(&d, &["--lang", "python", "a.py", "--only-vs", "--vs", "sh", "--vs", "sh -c 'exec no-such-cmd-xyz \"$0\"' {}", "-n", "1", "--warmup", "0"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stderr.contains("missing: sh not found (exit status 127"), "{stderr}");
}

#[test]
fn timeout_kills_the_run_and_fails_the_command() {
    let d = temp_dir("timeout");
    // The sleep runs in a child of sh, so this also checks that the whole
    // process group is killed (else the open stdout pipe would hang us).
    write(&d, "slow.py", "sleep 20; echo late\n");
    write(&d, "fast.py", "echo quick\n");
    let start = Instant::now();
    let out = bench(&d, &["--lang", "python", ".", "--only-vs", "--vs", "sh", "--timeout", "1", "-n", "2", "--warmup", "0", "--json", "t.json"]);
    let (stdout, stderr) = text(&out);
    assert!(start.elapsed().as_secs_f64() < 8.0, "took {:?}", start.elapsed());
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stderr.contains("TIMEOUT: slow.py with sh"), "{stderr}");
    assert!(stdout.lines().any(|l| l.starts_with("slow.py") && l.contains("TIMEOUT")), "{stdout}");
    let j = json(&d.join("t.json"));
    let slow = &j["programs"][1];
    assert_eq!(slow["program"], "slow.py");
    assert_eq!(slow["results"][0]["status"], "TIMEOUT");
    // After the timeout the remaining repetition is skipped, not waited for.
    assert_eq!(slow["results"][0]["runs"].as_array().unwrap().len(), 1);
}

#[test]
fn braces_stand_for_the_path_and_suppress_appending() {
    let d = temp_dir("braces");
    write(&d, "p.py", "x\n");
    // `cat {} {}` prints the file twice; had the path also been appended it
    // would print it three times and mismatch.
    write(&d, "p.expected", "x\nx\n");
    let out = bench(&d, &["--lang", "python", "p.py", "--only-vs", "--vs", "cat {} {}", "--vs", "sh -c 'cat \"$1\" \"$1\"' sh", "-n", "1", "--warmup", "0"]);
    let (stdout, stderr) = text(&out);
    // The second runtime has no {}: the path is appended and becomes $1.
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(!stdout.contains("MISMATCH") && !stderr.contains("MISMATCH"), "{stdout}\n{stderr}");
}

#[test]
fn extra_args_come_after_the_path() {
    let d = temp_dir("args");
    write(&d, "p.py", "echo \"$1-$2\"\n");
    write(&d, "p.expected", "a b-c\n");
    let out = bench(&d, &["--lang", "python", "p.py", "--only-vs", "--vs", "sh", "--args", "'a b' c", "-n", "1", "--warmup", "0"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
}

#[test]
fn json_csv_and_plot_outputs() {
    let d = temp_dir("outputs");
    write(&d, "a.py", "echo a\n");
    write(&d, "a.expected", "a\n");
    write(&d, "b.py", "echo b\n");
    let out = bench(&d, &[
        "--lang", "python", ".", "--only-vs", "--vs", "sh", "--vs", "sh {}", "--name", "plain sh",
        "-n", "3", "--warmup", "1", "--json", "r.json", "--csv", "r.csv", "--plot", "r.svg",
    ]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    let (stdout, _) = text(&out);
    assert!(stdout.contains("[1] plain sh") && stdout.contains("geomean"), "{stdout}");

    let j = json(&d.join("r.json"));
    assert_eq!(j["lang"], "python");
    assert_eq!(j["runs"], 3);
    assert_eq!(j["warmup"], 1);
    assert!(j["ratio"].as_str().unwrap().contains("median(runtime) / median(first runtime)"));
    let rts = j["runtimes"].as_array().unwrap();
    assert_eq!(rts.len(), 2);
    assert_eq!(rts[0]["label"], "plain sh");
    assert_eq!(rts[1]["command"], serde_json::json!(["sh", "{}"]));
    assert!(rts[0]["geomean_ratio"].is_null());
    assert!(rts[1]["geomean_ratio"].as_f64().unwrap() > 0.0);
    assert_eq!(rts[1]["geomean_programs"], 2);
    let progs = j["programs"].as_array().unwrap();
    assert_eq!(progs.len(), 2);
    assert_eq!(progs[0]["has_expected"], true);
    assert_eq!(progs[1]["has_expected"], false);
    for p in progs {
        for r in p["results"].as_array().unwrap() {
            assert_eq!(r["status"], "ok");
            assert_eq!(r["measured_runs"], 3);
            let (lo, med, hi) = (r["min_s"].as_f64().unwrap(), r["median_s"].as_f64().unwrap(), r["max_s"].as_f64().unwrap());
            assert!(lo <= med && med <= hi);
            assert!(r["cpu_median_s"].as_f64().is_some());
            assert!(r["peak_rss_kb"].as_u64().unwrap() > 0);
            let runs = r["runs"].as_array().unwrap();
            assert_eq!(runs.len(), 4);
            assert_eq!(runs.iter().filter(|x| x["warmup"] == true).count(), 1);
            for key in ["rep", "exit", "ok", "wall_s", "user_s", "sys_s", "max_rss_kb"] {
                assert!(!runs[0][key].is_null(), "{key}");
            }
        }
        assert!(p["results"][0]["ratio"].is_null());
        assert!(p["results"][1]["ratio"].as_f64().unwrap() > 0.0);
    }

    let csv = std::fs::read_to_string(d.join("r.csv")).unwrap();
    assert!(csv.starts_with("program,runtime,phase,rep,exit,counted,wall_s,user_s,sys_s,max_rss_kb\n"));
    assert_eq!(csv.lines().count(), 1 + 2 * 2 * 4);

    let svg = std::fs::read_to_string(d.join("r.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("<rect"));
}

#[test]
fn plot_without_a_font_still_draws() {
    let d = temp_dir("nofont");
    write(&d, "a.py", "echo a\n");
    let out = Command::new(env!("CARGO_BIN_EXE_vmbench"))
        .current_dir(&d)
        .env("VMBENCH_FONT", "/nonexistent/font.ttf")
        .args(["bench", "--lang", "python", "a.py", "--only-vs", "--vs", "sh", "--vs", "sh {}", "-n", "1", "--warmup", "0", "--plot", "p.png"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("chart drawn without text"), "{stderr}");
    let png = std::fs::read(d.join("p.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let d = temp_dir("usage");
    std::fs::create_dir_all(d.join("empty")).unwrap();
    write(&d, "a.py", "echo a\n");
    let cases: &[&[&str]] = &[
        &["--lang", "python", "nope.py", "--only-vs", "--vs", "sh"],
        &["--lang", "python", "empty", "--only-vs", "--vs", "sh"],
        &["--lang", "python", "a.py", "--only-vs", "--vs", "sh -c 'unterminated"],
        &["--lang", "python", "a.py", "--only-vs", "--vs", "  "],
        &["--lang", "python", "a.py", "--only-vs"],
        &["--lang", "klingon", "a.py"],
        &["--lang", "python", "a.py", "--only-vs", "--vs", "sh", "-n", "0"],
        &["--lang", "python", "a.py", "--only-vs", "--vs", "sh", "--timeout", "0"],
        &["--lang", "python", "a.py", "--only-vs", "--vs", "sh", "--plot", "x.jpg"],
        &["--lang", "python", "a.py", "--only-vs", "--vs", "sh", "--json", "no/such/dir/x.json"],
    ];
    for args in cases {
        let out = bench(&d, args);
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("vmbench bench: "), "{args:?}: {stderr}");
    }
}
