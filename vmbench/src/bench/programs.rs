//! Which programs to benchmark: files and directories from the command line,
//! or the project's shared benchmark set for the language.

use std::path::{Path, PathBuf};

/// File extension of each language's programs, for scanning directories.
/// Languages registered by a frontend but missing here use the frontend's
/// first extension.
const EXTENSIONS: &[(&str, &str)] =
    &[("python", "py"), ("prolog", "pl"), ("js", "js"), ("scheme", "scm"), ("io", "io"), ("smalltalk", "st")];

pub fn extension_for(lang: &str) -> Option<String> {
    if let Some((_, ext)) = EXTENSIONS.iter().find(|(l, _)| *l == lang) {
        return Some(ext.to_string());
    }
    vmcore::registry::find(lang).and_then(|f| f.extensions.first()).map(|e| e.to_string())
}

pub fn known_languages() -> Vec<String> {
    let mut v: Vec<String> = EXTENSIONS.iter().map(|(l, _)| l.to_string()).collect();
    for f in vmcore::registry::frontends() {
        if !v.iter().any(|l| l == f.name) {
            v.push(f.name.to_string());
        }
    }
    v
}

#[derive(Clone, Debug)]
pub struct Program {
    pub path: PathBuf,
    /// File name, as shown in the table.
    pub name: String,
    /// Contents of FILE.expected, when there is one.
    pub expected: Option<Vec<u8>>,
}

/// Find `shared/bench/LANG`, which lives next to the repository (`../shared`)
/// or inside it. We look upwards from the current directory and from the
/// executable (usually target/debug/vmbench inside the repository), so the
/// default works wherever in the tree the command is typed.
pub fn default_dir(lang: &str) -> Option<PathBuf> {
    let mut starts = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        starts.push(cwd);
    }
    if let Ok(exe) = std::env::current_exe() {
        starts.extend(exe.parent().map(Path::to_path_buf));
    }
    for start in starts {
        for dir in start.ancestors() {
            for cand in [dir.join("shared/bench").join(lang), dir.join("../shared/bench").join(lang)] {
                if cand.is_dir() {
                    return Some(cand.canonicalize().unwrap_or(cand));
                }
            }
        }
    }
    None
}

/// Expand the paths into programs: files as given, directories as every file
/// with the extension, in sorted order so runs are reproducible.
pub fn collect(paths: &[PathBuf], ext: &str) -> Result<Vec<Program>, String> {
    let mut programs = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|_| format!("{}: no such file or directory", p.display()))?;
        if meta.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| format!("{}: cannot read directory: {e}", p.display()))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|e| e == ext))
                .collect();
            if files.is_empty() {
                return Err(format!("{}: no .{ext} programs in this directory", p.display()));
            }
            files.sort();
            for f in files {
                programs.push(load(&f)?);
            }
        } else {
            programs.push(load(p)?);
        }
    }
    Ok(programs)
}

fn load(path: &Path) -> Result<Program, String> {
    std::fs::File::open(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let expected_path = path.with_extension("expected");
    let expected = if expected_path.is_file() {
        Some(std::fs::read(&expected_path).map_err(|e| format!("{}: cannot read: {e}", expected_path.display()))?)
    } else {
        None
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    Ok(Program { path: path.to_path_buf(), name, expected })
}

/// Describe the first difference between expected and actual output, for a
/// mismatch report: "line 3: expected `42`, got `41`".
pub fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    // Lines keep their '\n' so a missing final newline is a difference too.
    let (mut e, mut a) = (exp.split_inclusive('\n'), act.split_inclusive('\n'));
    let mut line = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (Some(x), Some(y)) if x.trim_end_matches('\n') == y.trim_end_matches('\n') => {
                return format!("line {line}: same text, but the line ending differs (final newline?)")
            }
            (Some(x), Some(y)) => return format!("line {line}: expected `{}`, got `{}`", clip(x), clip(y)),
            (Some(x), None) => return format!("line {line}: expected `{}`, but the output ended", clip(x)),
            (None, Some(y)) => return format!("line {line}: unexpected extra output `{}`", clip(y)),
            (None, None) => return "outputs differ".to_string(),
        }
    }
}

/// Keep report lines short: program output can be arbitrarily long.
pub fn clip(s: &str) -> String {
    let s = s.trim_end_matches(['\n', '\r']);
    if s.chars().count() > 80 {
        format!("{}...", s.chars().take(77).collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_first_differing_line() {
        assert_eq!(first_difference(b"a\nb\nc\n", b"a\nx\nc\n"), "line 2: expected `b`, got `x`");
        assert_eq!(first_difference(b"a\nb\n", b"a\n"), "line 2: expected `b`, but the output ended");
        assert_eq!(first_difference(b"a\n", b"a\nb\n"), "line 2: unexpected extra output `b`");
        assert!(first_difference(b"a\n", b"a").contains("line 1: same text"));
    }
}
