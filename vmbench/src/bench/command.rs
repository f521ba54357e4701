//! Turning `--vs 'COMMAND'` strings into runnable argument vectors.
//!
//! Commands are split the way a shell would split words (quotes and
//! backslashes) but are then executed directly, without a shell: a shell in
//! between would add its own start-up time to every measurement, and would
//! make "which process do we time and kill" ambiguous.

use std::path::{Path, PathBuf};

/// Split a command line into words: whitespace separates words; '...' keeps
/// everything literally; "..." keeps everything but lets \" and \\ through;
/// a backslash outside quotes escapes the next character.
pub fn split_words(s: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false; // distinguishes "no word yet" from an empty '' word
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => cur.push(c),
                        None => return Err(format!("unterminated ' quote in '{s}'")),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => cur.push(c),
                            Some(c) => {
                                cur.push('\\');
                                cur.push(c);
                            }
                            None => return Err(format!("unterminated \" quote in '{s}'")),
                        },
                        Some(c) => cur.push(c),
                        None => return Err(format!("unterminated \" quote in '{s}'")),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some(c) => cur.push(c),
                    None => return Err(format!("trailing backslash in '{s}'")),
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

/// One runtime to compare: a label for the table and an argument template in
/// which `{}` stands for the program's path.
#[derive(Clone, Debug)]
pub struct Runtime {
    pub label: String,
    pub template: Vec<String>,
    /// Set when the runtime cannot be started on this machine.
    pub missing: Option<String>,
}

impl Runtime {
    /// Build from a `--vs` string. A leading `vmbench` word means this very
    /// binary, so `--vs 'vmbench run --lang python --jit off'` compares two
    /// configurations of the build under test, not whatever is on $PATH.
    pub fn from_vs(text: &str, label: Option<&str>) -> Result<Runtime, String> {
        let mut template = split_words(text)?;
        if template.is_empty() {
            return Err(format!("empty --vs command '{text}'"));
        }
        if template[0] == "vmbench" {
            template[0] = current_exe()?;
        }
        let mut rt = Runtime { label: label.unwrap_or(text.trim()).to_string(), template, missing: None };
        rt.missing = find_program(&rt.template[0]).err();
        Ok(rt)
    }

    /// The argument vector for one program: `{}` replaced by its path, or the
    /// path appended when the template has no `{}`; extra arguments last.
    pub fn argv(&self, program: &Path, extra: &[String]) -> Vec<String> {
        let path = program.to_string_lossy();
        let mut argv: Vec<String> = self.template.iter().map(|w| w.replace("{}", &path)).collect();
        if !self.template.iter().any(|w| w.contains("{}")) {
            argv.push(path.into_owned());
        }
        argv.extend(extra.iter().cloned());
        argv
    }
}

pub fn current_exe() -> Result<String, String> {
    std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .map_err(|e| format!("cannot find the vmbench executable itself: {e}"))
}

/// Find a command the way execvp will, so a missing runtime is reported once,
/// up front, instead of failing every run.
fn find_program(cmd: &str) -> Result<PathBuf, String> {
    if cmd.contains('/') {
        let p = PathBuf::from(cmd);
        return if is_executable(&p) { Ok(p) } else { Err(format!("{cmd} not found")) };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(cmd))
        .find(|p| is_executable(p))
        .ok_or_else(|| format!("{cmd} not found"))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_words() {
        assert_eq!(split_words("  gprolog --consult-file {} ").unwrap(), ["gprolog", "--consult-file", "{}"]);
    }

    #[test]
    fn honours_quotes_and_escapes() {
        assert_eq!(split_words(r#"sh -c 'echo "hi there"' x"#).unwrap(), ["sh", "-c", "echo \"hi there\"", "x"]);
        assert_eq!(split_words(r#"a "b \"c\" d" e\ f ''"#).unwrap(), ["a", "b \"c\" d", "e f", ""]);
    }

    #[test]
    fn rejects_unterminated_quotes() {
        assert!(split_words("sh -c 'oops").is_err());
        assert!(split_words("sh \"oops").is_err());
    }

    #[test]
    fn substitutes_or_appends_the_path() {
        let rt = Runtime { label: "x".into(), template: vec!["gprolog".into(), "--consult-file".into(), "{}".into()], missing: None };
        assert_eq!(rt.argv(Path::new("a.pl"), &[]), ["gprolog", "--consult-file", "a.pl"]);
        let rt = Runtime { label: "x".into(), template: vec!["swipl".into()], missing: None };
        assert_eq!(rt.argv(Path::new("a.pl"), &["3".into()]), ["swipl", "a.pl", "3"]);
    }
}
