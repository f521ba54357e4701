//! Source text to a flat list of ops, with brackets matched.
//!
//! Runs of `+`/`-` and of `>`/`<` fold into one `Add(n)` or `Move(n)`, and
//! `[-]` (or `[+]`) becomes `Clear`: the interpreter gets fewer, bigger
//! steps and the traces get shorter. Every other character is a comment.

/// One Brainfuck operation after folding.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// Add to the current cell (mod 256).
    Add(u8),
    /// Move the tape pointer.
    Move(i32),
    /// Set the current cell to zero.
    Clear,
    /// Write the current cell to stdout.
    Out,
    /// Read one byte into the current cell (unchanged at end of input).
    In,
    /// `[`: if the cell is zero, continue after the matching `]` (its index).
    Open(u32),
    /// `]`: if the cell is non-zero, continue after the matching `[` (its index).
    Close(u32),
}

/// Parses `src`; the error says which bracket is unmatched and where.
pub fn parse(src: &[u8]) -> Result<Vec<Op>, String> {
    let mut ops: Vec<Op> = Vec::new();
    let mut open: Vec<(usize, usize, usize)> = Vec::new(); // (op index, line, column)
    let (mut line, mut col) = (1, 0);
    for &c in src {
        col += 1;
        match c {
            b'\n' => {
                line += 1;
                col = 0;
            }
            b'+' | b'-' => {
                let d: u8 = if c == b'+' { 1 } else { 255 };
                match ops.last_mut() {
                    Some(Op::Add(n)) => *n = n.wrapping_add(d),
                    _ => ops.push(Op::Add(d)),
                }
                if ops.last() == Some(&Op::Add(0)) {
                    ops.pop();
                }
            }
            b'>' | b'<' => {
                let d = if c == b'>' { 1 } else { -1 };
                match ops.last_mut() {
                    // Saturating: a run of 2^31 moves is out of bounds anyway.
                    Some(Op::Move(n)) => *n = n.saturating_add(d),
                    _ => ops.push(Op::Move(d)),
                }
                if ops.last() == Some(&Op::Move(0)) {
                    ops.pop();
                }
            }
            b'.' => ops.push(Op::Out),
            b',' => ops.push(Op::In),
            b'[' => {
                open.push((ops.len(), line, col));
                ops.push(Op::Open(0));
            }
            b']' => {
                let Some((o, _, _)) = open.pop() else {
                    return Err(format!("unmatched ']' at line {line}, column {col}"));
                };
                // `[-]` and `[+]` clear the cell (an odd step count reaches zero).
                if ops.len() == o + 2 && matches!(ops[o + 1], Op::Add(n) if n % 2 == 1) {
                    ops.truncate(o);
                    ops.push(Op::Clear);
                    continue;
                }
                let close = ops.len() as u32;
                ops[o] = Op::Open(close);
                ops.push(Op::Close(o as u32));
            }
            _ => {}
        }
    }
    if let Some((_, l, c)) = open.pop() {
        return Err(format!("unmatched '[' at line {l}, column {c}"));
    }
    Ok(ops)
}

/// The `--disasm` listing: one op a line with its index.
pub fn disasm(ops: &[Op]) -> String {
    let mut s = String::new();
    for (i, op) in ops.iter().enumerate() {
        s.push_str(&format!("{i:5}  {op:?}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_runs_and_matches_brackets() {
        let ops = parse(b"++-+>>< [-] [->+<] x").unwrap();
        assert_eq!(
            ops,
            vec![Op::Add(2), Op::Move(1), Op::Clear, Op::Open(8), Op::Add(255), Op::Move(1),
                 Op::Add(1), Op::Move(-1), Op::Close(3)]
        );
        assert_eq!(ops[3], Op::Open(8));
    }

    #[test]
    fn unbalanced_brackets_are_errors() {
        assert_eq!(parse(b"+]").unwrap_err(), "unmatched ']' at line 1, column 2");
        assert_eq!(parse(b"\n [[]").unwrap_err(), "unmatched '[' at line 2, column 2");
    }
}
