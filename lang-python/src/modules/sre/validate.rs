//! Checks code handed to `_sre.compile` before the matcher may run it.
//!
//! sre_compile.py only produces well-formed code, but `_sre.compile` is a
//! public function. The checks follow the shapes the compiler emits (see
//! the layouts in engine.rs): every op has its arguments, every skip lands
//! inside the enclosing piece, nested pieces end with the op their parent
//! expects (FAILURE after a set, SUCCESS after an assertion or a
//! single-character repeat item, MAX_UNTIL/MIN_UNTIL after a repeat body),
//! group numbers are in range. Where CPython's checker leaves a jump target
//! free (the JUMPs that end the alternatives of a branch, the skip of an
//! INFO prefix) this one also pins it to where the compiler puts it, so the
//! matcher can never be sent into the middle of an op.
//!
//! On success, returns how many mark slots matching needs.

use super::chars::cat;
use super::engine::{at, info, op};

struct Checker<'a> {
    code: &'a [u32],
    /// Highest allowed group number + 1.
    groups: usize,
    /// Highest MARK index seen + 1.
    marks: usize,
}

type Ok = Option<()>;

pub fn validate(code: &[u32], groups: i64) -> Option<usize> {
    if !(0..=100).contains(&groups) || code.last() != Some(&op::SUCCESS) {
        return None;
    }
    // Like CPython: patterns compiled without a group count (simplejson
    // does that) may use up to 100.
    let groups = if groups == 0 { 100 } else { groups as usize };
    let mut c = Checker { code, groups, marks: 0 };
    c.inner(0, code.len() - 1)?;
    Some(c.marks)
}

impl Checker<'_> {
    /// The word at `*pc` (which must be before `end`), advancing past it.
    fn word(&self, pc: &mut usize, end: usize) -> Option<u32> {
        if *pc >= end {
            return None;
        }
        *pc += 1;
        Some(self.code[*pc - 1])
    }

    /// A skip at `*pc`: the position it designates, `pos + skip - adj`,
    /// must lie within `pos..=end`. Returns the skip and advances.
    fn skip(&self, pc: &mut usize, end: usize, adj: usize) -> Option<usize> {
        let pos = *pc;
        let skip = self.word(pc, end)? as usize;
        let target = (pos + skip).checked_sub(adj)?;
        (target >= pos && target <= end).then_some(skip)
    }

    /// A set: items up to `end` (exclusive).
    fn charset(&self, mut pc: usize, end: usize) -> Ok {
        while pc < end {
            match self.word(&mut pc, end)? {
                op::NEGATE => {}
                op::LITERAL => {
                    self.word(&mut pc, end)?;
                }
                op::RANGE => {
                    self.word(&mut pc, end)?;
                    self.word(&mut pc, end)?;
                }
                op::CHARSET => {
                    pc += 8;
                    (pc <= end).then_some(())?;
                }
                op::BIGCHARSET => {
                    let blocks = self.word(&mut pc, end)? as usize;
                    (pc + 64 <= end).then_some(())?;
                    // 256 block numbers, four to a word.
                    let valid = self.code[pc..pc + 64].iter().all(|w| w.to_le_bytes().iter().all(|&b| (b as usize) < blocks));
                    valid.then_some(())?;
                    pc += 64;
                    pc = pc.checked_add(blocks.checked_mul(8)?)?;
                    (pc <= end).then_some(())?;
                }
                op::CATEGORY => {
                    (self.word(&mut pc, end)? < cat::COUNT).then_some(())?;
                }
                _ => return None,
            }
        }
        Some(())
    }

    /// A sequence of ops from `pc` up to `end` (exclusive).
    fn inner(&mut self, mut pc: usize, end: usize) -> Ok {
        if pc > end {
            return None;
        }
        let code = self.code;
        while pc < end {
            let o = self.word(&mut pc, end)?;
            match o {
                op::MARK => {
                    let i = self.word(&mut pc, end)? as usize;
                    (i <= 2 * self.groups + 1).then_some(())?;
                    self.marks = self.marks.max(i + 1);
                }
                op::LITERAL | op::NOT_LITERAL | op::LITERAL_IGNORE | op::NOT_LITERAL_IGNORE => {
                    self.word(&mut pc, end)?;
                }
                op::SUCCESS | op::FAILURE | op::ANY | op::ANY_ALL => {}
                op::AT => {
                    (self.word(&mut pc, end)? <= at::UNI_NON_BOUNDARY).then_some(())?;
                }
                op::IN | op::IN_IGNORE => {
                    // <IN> <skip> set <FAILURE>
                    let start = pc;
                    let skip = self.skip(&mut pc, end, 0)?;
                    (skip >= 2).then_some(())?;
                    self.charset(pc, start + skip - 1)?;
                    (code[start + skip - 1] == op::FAILURE).then_some(())?;
                    pc = start + skip;
                }
                op::INFO => {
                    // <INFO> <skip> <flags> <min> <max> [prefix | set]
                    let start = pc;
                    let skip = self.skip(&mut pc, end, 0)?;
                    let next = start + skip;
                    let flags = self.word(&mut pc, next)?;
                    self.word(&mut pc, next)?;
                    self.word(&mut pc, next)?;
                    let known = info::PREFIX | info::LITERAL | info::CHARSET;
                    let prefix = flags & info::PREFIX != 0;
                    if flags & !known != 0 || (prefix && flags & info::CHARSET != 0) || (flags & info::LITERAL != 0 && !prefix) {
                        return None;
                    }
                    if prefix {
                        // <len> <skip> <len chars> <len overlap entries>:
                        // the skipped characters are the LITERAL ops that
                        // follow the block.
                        let len = self.word(&mut pc, next)? as usize;
                        let lits = self.word(&mut pc, next)? as usize;
                        (pc + 2 * len <= next && lits <= len).then_some(())?;
                        // Entry k is where a KMP scan falls back to after
                        // matching k + 1 characters: it must go back, or the
                        // scan would never advance.
                        (code[pc + len..pc + 2 * len].iter().enumerate().all(|(k, &o)| (o as usize) <= k)).then_some(())?;
                        pc += 2 * len;
                        let literal_at = |k: usize| code.get(next + 2 * k) == Some(&op::LITERAL) && next + 2 * k + 1 < end;
                        (0..lits).all(literal_at).then_some(())?;
                    }
                    if flags & info::CHARSET != 0 {
                        (next > pc).then_some(())?;
                        self.charset(pc, next - 1)?;
                        (code[next - 1] == op::FAILURE).then_some(())?;
                    } else if pc != next {
                        return None;
                    }
                    pc = next;
                }
                op::BRANCH => {
                    // <BRANCH> (<skip> alternative <JUMP> <skip to end>)* <0>:
                    // every alternative's JUMP goes just past the 0.
                    let mut targets = Vec::new();
                    loop {
                        let start = pc;
                        let skip = self.skip(&mut pc, end, 0)?;
                        if skip == 0 {
                            break;
                        }
                        (skip >= 3).then_some(())?;
                        self.inner(pc, start + skip - 2)?;
                        pc = start + skip - 2;
                        (self.word(&mut pc, end)? == op::JUMP).then_some(())?;
                        let at = pc;
                        let jump = self.skip(&mut pc, end, 0)?;
                        targets.push(at + jump);
                    }
                    targets.iter().all(|&t| t == pc).then_some(())?;
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::REPEAT => {
                    // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail
                    let start = pc;
                    let skip = self.skip(&mut pc, end, 0)?;
                    let min = self.word(&mut pc, end)?;
                    let max = self.word(&mut pc, end)?;
                    (min <= max).then_some(())?;
                    let body_end = if o == op::REPEAT { start + skip } else { (start + skip).checked_sub(1)? };
                    self.inner(pc, body_end)?;
                    pc = body_end;
                    let closing = self.word(&mut pc, end)?;
                    let ok = if o == op::REPEAT { closing == op::MAX_UNTIL || closing == op::MIN_UNTIL } else { closing == op::SUCCESS };
                    ok.then_some(())?;
                }
                op::GROUPREF | op::GROUPREF_IGNORE => {
                    ((self.word(&mut pc, end)? as usize) < self.groups).then_some(())?;
                }
                op::GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no],
                    // the skip counted from the group word.
                    ((self.word(&mut pc, end)? as usize) < self.groups).then_some(())?;
                    let base = pc - 1;
                    let skip = self.skip(&mut pc, end, 1)?;
                    let target = base + skip;
                    (target >= pc).then_some(())?;
                    if skip >= 4 && code[target - 2] == op::JUMP {
                        self.inner(pc, target - 2)?;
                        let mut q = target - 1;
                        let no = self.skip(&mut q, end, 0)?;
                        let no_end = target - 1 + no;
                        self.inner(target, no_end)?;
                        pc = no_end;
                    } else {
                        self.inner(pc, target)?;
                        pc = target;
                    }
                }
                op::ASSERT | op::ASSERT_NOT => {
                    // <ASSERT> <skip> <back> pattern <SUCCESS>
                    let start = pc;
                    let skip = self.skip(&mut pc, end, 0)?;
                    let back = self.word(&mut pc, end)?;
                    (back & 0x8000_0000 == 0 && skip >= 3).then_some(())?;
                    self.inner(pc, start + skip - 1)?;
                    pc = start + skip - 1;
                    (self.word(&mut pc, end)? == op::SUCCESS).then_some(())?;
                }
                _ => return None,
            }
        }
        Some(())
    }
}
