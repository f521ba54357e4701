//! The matcher: runs the opcode list that sre_compile.py produces against a
//! subject, with CPython 2.7's backtracking semantics.
//!
//! The code is a flat `[u32]`: an opcode, then its arguments; nested parts
//! (the alternatives of a branch, the body of a repeat, an assertion) are
//! introduced by a *skip*, the distance to what follows them. The validator
//! (validate.rs) has checked that every op is complete and every skip lands
//! inside the code, so the matcher indexes without further checks.
//!
//! Backtracking needs a stack of choice points. Instead of native recursion
//! (which a long subject would overflow: `(a|b)*` makes one choice point per
//! character) the matcher keeps an explicit stack of contexts. When an op
//! must try a sub-pattern and then continue depending on the result, it
//! suspends its context and starts a child (`Step::Call`); when the child
//! returns (`Step::Ret`), the parent resumes at the `Jump` point recorded in
//! the child. This is CPython's own scheme (its `DO_JUMP` macro), and the
//! same save/restore points are kept so that group captures after
//! backtracking come out exactly as CPython's.
//!
//! Subjects are `&[u8]` (str) or `&[u32]` (unicode); the matcher is generic
//! over both and compiled twice.

use super::chars::{self, category};

/// Opcodes (sre_constants.OPCODES order).
pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 9;
    pub const CHARSET: u32 = 10;
    pub const BIGCHARSET: u32 = 11;
    pub const GROUPREF: u32 = 12;
    pub const GROUPREF_EXISTS: u32 = 13;
    pub const GROUPREF_IGNORE: u32 = 14;
    pub const IN: u32 = 15;
    pub const IN_IGNORE: u32 = 16;
    pub const INFO: u32 = 17;
    pub const JUMP: u32 = 18;
    pub const LITERAL: u32 = 19;
    pub const LITERAL_IGNORE: u32 = 20;
    pub const MARK: u32 = 21;
    pub const MAX_UNTIL: u32 = 22;
    pub const MIN_UNTIL: u32 = 23;
    pub const NOT_LITERAL: u32 = 24;
    pub const NOT_LITERAL_IGNORE: u32 = 25;
    pub const NEGATE: u32 = 26;
    pub const RANGE: u32 = 27;
    pub const REPEAT: u32 = 28;
    pub const REPEAT_ONE: u32 = 29;
    pub const MIN_REPEAT_ONE: u32 = 31;
}

/// `at` codes (sre_constants.ATCODES order).
pub mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

/// Flags of the INFO block that starts a compiled pattern.
pub mod info {
    pub const PREFIX: u32 = 1;
    pub const LITERAL: u32 = 2;
    pub const CHARSET: u32 = 4;
}

/// The "no upper bound" repeat count.
pub const MAXREPEAT: u32 = u32::MAX;
pub const FLAG_LOCALE: u32 = 4;
pub const FLAG_UNICODE: u32 = 32;

/// An unset mark or repeat (CPython's NULL pointer).
const NONE: usize = usize::MAX;

/// A validated program: the code, and how many marks it may set.
pub struct Program {
    pub code: Box<[u32]>,
    pub flags: u32,
    pub mark_len: usize,
}

/// Why the matcher stopped without an answer.
pub enum Stop {
    /// Code the matcher cannot run (only hand-made code that got past the
    /// validator).
    Internal,
    /// A signal handler raised (Ctrl-C's KeyboardInterrupt, say), which a
    /// long match must not ignore: as CPython's PyErr_CheckSignals.
    Signal(crate::runtime::PyErr),
}

type Res<T> = Result<T, Stop>;

/// How many ops run between checks for Ctrl-C (CPython's figure).
const POLL: u32 = 0x1000;

/// A subject character.
pub trait Char: Copy {
    fn code(self) -> u32;
}
impl Char for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}
impl Char for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// Where a suspended context resumes when its child returns.
#[derive(Clone, Copy)]
enum Jump {
    None,
    Branch,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Repeat,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Assert,
    AssertNot,
}

/// One activation of the matcher on a piece of code.
#[derive(Clone, Copy)]
struct Ctx {
    /// Code position: inside an op, just after the opcode.
    pc: usize,
    ptr: usize,
    count: isize,
    /// Saved `lastmark`/`lastindex`, restored when backtracking.
    lastmark: isize,
    lastindex: isize,
    /// The repeat an op works on, or the literal REPEAT_ONE looks for.
    aux: usize,
    /// How the parent resumes when this context returns.
    jump: Jump,
}

impl Ctx {
    fn new(pc: usize, ptr: usize, jump: Jump) -> Ctx {
        Ctx { pc, ptr, count: 0, lastmark: -1, lastindex: -1, aux: NONE, jump }
    }
}

enum Step {
    /// Carry on with the current context's next op.
    Next,
    /// Suspend the current context and run the code at `pc` in a child.
    Call(usize, Jump),
    /// The current context is done.
    Ret(bool),
}

/// A repeat in progress (REPEAT ... MAX_UNTIL/MIN_UNTIL): how many times
/// the body has matched, and where the last iteration started (to stop an
/// empty body from looping forever).
struct Repeat {
    count: isize,
    /// The REPEAT's arguments: skip, min, max, body.
    pc: usize,
    last_ptr: usize,
    prev: usize,
}

/// Matching state for one subject; reused across the successive searches
/// of findall/sub/split/scanner.
pub struct State<'a, C: Char> {
    code: &'a [u32],
    s: &'a [C],
    /// Where the match starts, and the match end after a success.
    pub start: usize,
    pub ptr: usize,
    /// endpos: the matcher never looks at or past it.
    pub end: usize,
    marks: Vec<usize>,
    lastmark: isize,
    lastindex: isize,
    repeat: usize,
    repeats: Vec<Repeat>,
    /// Saved marks and `last_ptr`s, pushed and popped in stack order.
    saved: Vec<usize>,
    /// Suspended contexts.
    ctxs: Vec<Ctx>,
    lower: fn(u32) -> u32,
    /// Ops run since the last check for Ctrl-C.
    steps: u32,
}

impl<'a, C: Char> State<'a, C> {
    pub fn new(prog: &'a Program, s: &'a [C], start: usize, end: usize) -> Self {
        let lower = if prog.flags & FLAG_UNICODE != 0 && prog.flags & FLAG_LOCALE == 0 { chars::lower_unicode } else { chars::lower_ascii };
        State {
            code: &prog.code,
            s,
            start,
            ptr: start,
            end,
            marks: vec![NONE; prog.mark_len],
            lastmark: -1,
            lastindex: -1,
            repeat: NONE,
            repeats: Vec::new(),
            saved: Vec::new(),
            ctxs: Vec::new(),
            lower,
            steps: 0,
        }
    }

    /// Forgets the captures of the previous search.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NONE;
        self.repeats.clear();
        self.saved.clear();
        self.ctxs.clear();
    }

    pub fn lastindex(&self) -> isize {
        self.lastindex
    }

    /// Start and end of group `g` of the last match (0 is the whole match);
    /// (-1, -1) for a group that did not take part.
    pub fn span(&self, g: usize) -> (isize, isize) {
        if g == 0 {
            return (self.start as isize, self.ptr as isize);
        }
        let j = 2 * (g - 1);
        let (a, b) = if (j as isize) < self.lastmark { (self.marks[j], self.marks[j + 1]) } else { (NONE, NONE) };
        if a == NONE || b == NONE { (-1, -1) } else { (a as isize, b as isize) }
    }

    /// The spans of the match and of each of `groups` groups, flattened.
    pub fn spans(&self, groups: usize) -> Vec<isize> {
        (0..=groups).flat_map(|g| {
            let (a, b) = self.span(g);
            [a, b]
        }).collect()
    }

    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.s[i].code()
    }

    /// Anchored match at `start`; on success `ptr` is the end.
    pub fn matches(&mut self) -> Res<bool> {
        self.ptr = self.start;
        self.run(0)
    }

    /// The first match at or after `start`; on success `start`..`ptr` is it.
    pub fn search(&mut self) -> Res<bool> {
        if self.start > self.end {
            return Ok(false);
        }
        let code = self.code;
        let mut pc = 0;
        let (mut flags, mut min) = (0, 0);
        let mut prefix = None;
        let mut charset = None;
        if code[0] == op::INFO {
            // <INFO> <skip> <flags> <min> <max> [<prefix info> | <charset>]
            flags = code[2];
            min = code[3] as usize;
            if flags & info::PREFIX != 0 {
                prefix = Some((code[5] as usize, code[6] as usize));
            } else if flags & info::CHARSET != 0 {
                charset = Some(5);
            }
            pc = code[1] as usize + 1;
        }
        if self.end - self.start < min {
            return Ok(false);
        }
        match prefix {
            Some((len, skip)) if len > 1 => return self.search_prefix(pc, len, skip, flags & info::LITERAL != 0),
            _ => {}
        }
        let mut p = self.start;
        if code[pc] == op::LITERAL {
            // Scan for the first character, then match the rest after it.
            let c = code[pc + 1];
            loop {
                while p < self.end && self.ch(p) != c {
                    p += 1;
                }
                if p >= self.end {
                    return Ok(false);
                }
                self.start = p;
                p += 1;
                self.ptr = p;
                if flags & info::LITERAL != 0 {
                    return Ok(true);
                }
                if self.run(pc + 2)? {
                    return Ok(true);
                }
            }
        }
        if let Some(set) = charset {
            loop {
                while p < self.end && !self.in_charset(set, self.ch(p)) {
                    p += 1;
                }
                if p >= self.end {
                    return Ok(false);
                }
                self.start = p;
                self.ptr = p;
                if self.run(pc)? {
                    return Ok(true);
                }
                p += 1;
            }
        }
        let last = self.end - min;
        while p <= last {
            self.start = p;
            self.ptr = p;
            if self.run(pc)? {
                return Ok(true);
            }
            p += 1;
        }
        Ok(false)
    }

    /// Search for a literal prefix of `len` > 1 characters with the KMP
    /// overlap table the compiler stored after it, then match the rest.
    fn search_prefix(&mut self, pc: usize, len: usize, skip: usize, literal: bool) -> Res<bool> {
        let code = self.code;
        let prefix = 7;
        // overlap[i] for i in 1..=len lives at code[prefix + len - 1 + i].
        let overlap = prefix + len - 1;
        let mut i = 0;
        let mut p = self.start;
        while p < self.end {
            let c = self.ch(p);
            loop {
                if c != code[prefix + i] {
                    if i == 0 {
                        break;
                    }
                    i = code[overlap + i] as usize;
                } else {
                    i += 1;
                    if i == len {
                        self.start = p + 1 - len;
                        self.ptr = self.start + skip;
                        if literal {
                            return Ok(true);
                        }
                        if self.run(pc + 2 * skip)? {
                            return Ok(true);
                        }
                        i = code[overlap + i] as usize;
                    }
                    break;
                }
            }
            p += 1;
        }
        Ok(false)
    }

    /// The character at `i` for `at` tests, which a `match()` with pos
    /// past endpos can make look beyond the subject: there CPython reads
    /// the string's terminating NUL.
    fn peek(&self, i: usize) -> u32 {
        self.s.get(i).map_or(0, |c| c.code())
    }

    fn at(&self, ptr: usize, code: u32) -> bool {
        let end = self.end;
        let boundary = |word: fn(u32) -> bool| -> Option<bool> {
            if end == 0 {
                return None;
            }
            let before = ptr > 0 && word(self.peek(ptr - 1));
            let here = ptr < end && word(self.peek(ptr));
            Some(before != here)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || chars::is_linebreak(self.peek(ptr - 1)),
            at::END => ptr == end || (ptr + 1 == end && chars::is_linebreak(self.peek(ptr))),
            at::END_LINE => ptr == end || chars::is_linebreak(self.peek(ptr)),
            at::END_STRING => ptr == end,
            at::BOUNDARY | at::LOC_BOUNDARY => boundary(chars::is_word) == Some(true),
            at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => boundary(chars::is_word) == Some(false),
            at::UNI_BOUNDARY => boundary(chars::uni_is_word) == Some(true),
            at::UNI_NON_BOUNDARY => boundary(chars::uni_is_word) == Some(false),
            _ => false,
        }
    }

    /// Whether `c` is in the set whose items start at `pc` (ends at FAILURE).
    fn in_charset(&self, mut pc: usize, c: u32) -> bool {
        let code = self.code;
        let mut ok = true;
        loop {
            let o = code[pc];
            pc += 1;
            match o {
                op::FAILURE => return !ok,
                op::LITERAL => {
                    if c == code[pc] {
                        return ok;
                    }
                    pc += 1;
                }
                op::CATEGORY => {
                    if category(code[pc], c) {
                        return ok;
                    }
                    pc += 1;
                }
                op::CHARSET => {
                    // A 256-bit map in 8 words.
                    if c < 256 && code[pc + (c >> 5) as usize] & (1 << (c & 31)) != 0 {
                        return ok;
                    }
                    pc += 8;
                }
                op::RANGE => {
                    if code[pc] <= c && c <= code[pc + 1] {
                        return ok;
                    }
                    pc += 2;
                }
                op::NEGATE => ok = !ok,
                op::BIGCHARSET => {
                    // <count> <256 block numbers, packed 4 to a word
                    // (little-endian)> <count 256-bit blocks>
                    let blocks = code[pc] as usize;
                    pc += 1;
                    if c < 65536 {
                        let hi = (c >> 8) as usize;
                        let block = (code[pc + hi / 4] >> (8 * (hi % 4))) as usize & 0xff;
                        let lo = c & 255;
                        if code[pc + 64 + block * 8 + (lo >> 5) as usize] & (1 << (lo & 31)) != 0 {
                            return ok;
                        }
                    }
                    pc += 64 + blocks * 8;
                }
                _ => return false,
            }
        }
    }

    /// How many times (up to `max`) the one-character item at `pc` matches
    /// from `self.ptr`.
    fn count(&mut self, pc: usize, max: u32) -> Res<usize> {
        let code = self.code;
        let start = self.ptr;
        let mut end = self.end;
        if max != MAXREPEAT && (max as usize) < end.saturating_sub(start) {
            end = start + max as usize;
        }
        let mut p = start;
        match code[pc] {
            op::IN => {
                while p < end && self.in_charset(pc + 2, self.ch(p)) {
                    p += 1;
                }
            }
            op::ANY => {
                while p < end && !chars::is_linebreak(self.ch(p)) {
                    p += 1;
                }
            }
            op::ANY_ALL => p = end,
            op::LITERAL => {
                let c = code[pc + 1];
                while p < end && self.ch(p) == c {
                    p += 1;
                }
            }
            op::LITERAL_IGNORE => {
                let c = code[pc + 1];
                while p < end && (self.lower)(self.ch(p)) == c {
                    p += 1;
                }
            }
            op::NOT_LITERAL => {
                let c = code[pc + 1];
                while p < end && self.ch(p) != c {
                    p += 1;
                }
            }
            op::NOT_LITERAL_IGNORE => {
                let c = code[pc + 1];
                while p < end && (self.lower)(self.ch(p)) != c {
                    p += 1;
                }
            }
            _ => {
                // Anything else: match the item repeatedly. Its nesting is
                // bounded by the pattern, so this recursion is shallow. (An
                // item that matches without advancing only comes from
                // hand-made code; stop rather than spin.)
                while self.ptr < end {
                    let before = self.ptr;
                    if !self.run(pc)? || self.ptr == before {
                        break;
                    }
                }
                return Ok(self.ptr - start);
            }
        }
        Ok(p - start)
    }

    fn save_lastmark(&self, c: &mut Ctx) {
        c.lastmark = self.lastmark;
        c.lastindex = self.lastindex;
    }

    fn restore_lastmark(&mut self, c: &Ctx) {
        self.lastmark = c.lastmark;
        self.lastindex = c.lastindex;
    }

    /// Saves marks 0..=lastmark (CPython saves nothing when lastmark is 0).
    fn push_marks(&mut self, lastmark: isize) {
        if lastmark > 0 {
            self.saved.extend_from_slice(&self.marks[..=lastmark as usize]);
        }
    }

    /// Restores the marks saved by `push_marks`, dropping them from the
    /// stack unless `keep`.
    fn pop_marks(&mut self, lastmark: isize, keep: bool) {
        if lastmark > 0 {
            let n = lastmark as usize + 1;
            let at = self.saved.len() - n;
            self.marks[..n].copy_from_slice(&self.saved[at..]);
            if !keep {
                self.saved.truncate(at);
            }
        }
    }

    fn discard_marks(&mut self, lastmark: isize) {
        if lastmark > 0 {
            let at = self.saved.len() - (lastmark as usize + 1);
            self.saved.truncate(at);
        }
    }

    /// Whether group `g`'s marks are both set and in order; its bounds then.
    fn group_span(&self, g: u32) -> Option<(usize, usize)> {
        let i = 2 * g as usize;
        if i as isize >= self.lastmark {
            return None;
        }
        let (a, b) = (self.marks[i], self.marks[i + 1]);
        (a != NONE && b != NONE && a <= b).then_some((a, b))
    }

    /// Runs the code at `pc` from `self.ptr`: true when it reaches SUCCESS
    /// (`self.ptr` is then where it did).
    fn run(&mut self, pc: usize) -> Res<bool> {
        let base = self.ctxs.len();
        let mut cur = Ctx::new(pc, self.ptr, Jump::None);
        let mut step = self.enter(&mut cur);
        loop {
            step = match step {
                Step::Next => self.exec(&mut cur)?,
                Step::Call(pc, jump) => {
                    self.ctxs.push(cur);
                    cur = Ctx::new(pc, self.ptr, jump);
                    self.enter(&mut cur)
                }
                Step::Ret(ok) => {
                    if self.ctxs.len() == base {
                        return Ok(ok);
                    }
                    let jump = cur.jump;
                    cur = self.ctxs.pop().expect("suspended context");
                    self.resume(&mut cur, jump, ok)?
                }
            };
        }
    }

    /// A context starts: an INFO block (only at the top of a pattern) is
    /// skipped after its minimum-length check.
    fn enter(&self, c: &mut Ctx) -> Step {
        let code = self.code;
        if code[c.pc] == op::INFO {
            let min = code[c.pc + 3] as usize;
            if min != 0 && c.ptr + min > self.end {
                return Step::Ret(false);
            }
            c.pc += code[c.pc + 1] as usize + 1;
        }
        Step::Next
    }

    /// Runs ops until one needs a child or ends the context.
    fn exec(&mut self, c: &mut Ctx) -> Res<Step> {
        let code = self.code;
        let end = self.end;
        const FAIL: Res<Step> = Ok(Step::Ret(false));
        loop {
            self.steps += 1;
            if self.steps == POLL {
                self.steps = 0;
                if crate::interp::state::signals_pending() {
                    crate::modules::signal::run_pending().map_err(Stop::Signal)?;
                }
            }
            let o = code[c.pc];
            c.pc += 1;
            match o {
                op::MARK => {
                    let i = code[c.pc] as usize;
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.lastmark {
                        // Marks between the old and new high-water mark
                        // were never set in this attempt.
                        let from = (self.lastmark + 1) as usize;
                        self.marks[from..i].fill(NONE);
                        self.lastmark = i as isize;
                    }
                    self.marks[i] = c.ptr;
                    c.pc += 1;
                }
                op::LITERAL => {
                    if c.ptr >= end || self.ch(c.ptr) != code[c.pc] {
                        return FAIL;
                    }
                    c.pc += 1;
                    c.ptr += 1;
                }
                op::NOT_LITERAL => {
                    if c.ptr >= end || self.ch(c.ptr) == code[c.pc] {
                        return FAIL;
                    }
                    c.pc += 1;
                    c.ptr += 1;
                }
                op::SUCCESS => {
                    self.ptr = c.ptr;
                    return Ok(Step::Ret(true));
                }
                op::FAILURE => return FAIL,
                op::AT => {
                    if !self.at(c.ptr, code[c.pc]) {
                        return FAIL;
                    }
                    c.pc += 1;
                }
                op::CATEGORY => {
                    if c.ptr >= end || !category(code[c.pc], self.ch(c.ptr)) {
                        return FAIL;
                    }
                    c.pc += 1;
                    c.ptr += 1;
                }
                op::ANY => {
                    if c.ptr >= end || chars::is_linebreak(self.ch(c.ptr)) {
                        return FAIL;
                    }
                    c.ptr += 1;
                }
                op::ANY_ALL => {
                    if c.ptr >= end {
                        return FAIL;
                    }
                    c.ptr += 1;
                }
                op::IN => {
                    if c.ptr >= end || !self.in_charset(c.pc + 1, self.ch(c.ptr)) {
                        return FAIL;
                    }
                    c.pc += code[c.pc] as usize;
                    c.ptr += 1;
                }
                op::IN_IGNORE => {
                    if c.ptr >= end || !self.in_charset(c.pc + 1, (self.lower)(self.ch(c.ptr))) {
                        return FAIL;
                    }
                    c.pc += code[c.pc] as usize;
                    c.ptr += 1;
                }
                op::LITERAL_IGNORE => {
                    if c.ptr >= end || (self.lower)(self.ch(c.ptr)) != (self.lower)(code[c.pc]) {
                        return FAIL;
                    }
                    c.pc += 1;
                    c.ptr += 1;
                }
                op::NOT_LITERAL_IGNORE => {
                    if c.ptr >= end || (self.lower)(self.ch(c.ptr)) == (self.lower)(code[c.pc]) {
                        return FAIL;
                    }
                    c.pc += 1;
                    c.ptr += 1;
                }
                op::JUMP | op::INFO => c.pc += code[c.pc] as usize,
                op::BRANCH => {
                    // <BRANCH> (<skip> alternative <JUMP> <to end>)* <0>
                    self.save_lastmark(c);
                    c.aux = self.repeat;
                    if c.aux != NONE {
                        self.push_marks(c.lastmark);
                    }
                    return Ok(self.branch_next(c));
                }
                op::REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail:
                    // take as many as possible, then give back one at a
                    // time until the tail matches.
                    let (min, max) = (code[c.pc + 1] as usize, code[c.pc + 2]);
                    if c.ptr + min > end {
                        return FAIL;
                    }
                    self.ptr = c.ptr;
                    let n = self.count(c.pc + 3, max)?;
                    c.count = n as isize;
                    c.ptr += n;
                    if n < min {
                        return FAIL;
                    }
                    let tail = c.pc + code[c.pc] as usize;
                    if code[tail] == op::SUCCESS {
                        self.ptr = c.ptr;
                        return Ok(Step::Ret(true));
                    }
                    self.save_lastmark(c);
                    if code[tail] == op::LITERAL {
                        c.aux = code[tail + 1] as usize;
                        return Ok(self.repeat_one_literal(c));
                    }
                    return Ok(self.repeat_one_next(c));
                }
                op::MIN_REPEAT_ONE => {
                    // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail:
                    // take the minimum, then one more at a time until the
                    // tail matches.
                    let min = code[c.pc + 1] as usize;
                    if c.ptr + min > end {
                        return FAIL;
                    }
                    self.ptr = c.ptr;
                    if min == 0 {
                        c.count = 0;
                    } else {
                        let n = self.count(c.pc + 3, min as u32)?;
                        if n < min {
                            return FAIL;
                        }
                        c.count = n as isize;
                        c.ptr += n;
                    }
                    let tail = c.pc + code[c.pc] as usize;
                    if code[tail] == op::SUCCESS {
                        self.ptr = c.ptr;
                        return Ok(Step::Ret(true));
                    }
                    self.save_lastmark(c);
                    return self.min_repeat_one_next(c);
                }
                op::REPEAT => {
                    // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL>
                    // tail: the UNTIL does the work, counting iterations in
                    // a repeat record that lives until this REPEAT returns.
                    c.aux = self.repeats.len();
                    self.repeats.push(Repeat { count: -1, pc: c.pc, last_ptr: NONE, prev: self.repeat });
                    self.repeat = c.aux;
                    self.ptr = c.ptr;
                    return Ok(Step::Call(c.pc + code[c.pc] as usize, Jump::Repeat));
                }
                op::MAX_UNTIL => {
                    // Greedy: another iteration if allowed, else the tail.
                    let r = self.current_repeat(c)?;
                    let (min, max) = self.repeat_bounds(r);
                    if c.count < min {
                        self.repeats[r].count = c.count;
                        return Ok(Step::Call(self.repeats[r].pc + 3, Jump::MaxUntil1));
                    }
                    if (c.count < max || max == MAXREPEAT as isize) && self.ptr != self.repeats[r].last_ptr {
                        self.repeats[r].count = c.count;
                        self.save_lastmark(c);
                        self.push_marks(c.lastmark);
                        // An iteration that matches nothing must not be
                        // followed by another at the same place.
                        self.saved.push(self.repeats[r].last_ptr);
                        self.repeats[r].last_ptr = self.ptr;
                        return Ok(Step::Call(self.repeats[r].pc + 3, Jump::MaxUntil2));
                    }
                    return Ok(self.max_until_tail(c));
                }
                op::MIN_UNTIL => {
                    // Lazy: the tail first, another iteration if it fails.
                    let r = self.current_repeat(c)?;
                    let (min, _) = self.repeat_bounds(r);
                    if c.count < min {
                        self.repeats[r].count = c.count;
                        return Ok(Step::Call(self.repeats[r].pc + 3, Jump::MinUntil1));
                    }
                    self.save_lastmark(c);
                    self.repeat = self.repeats[r].prev;
                    return Ok(Step::Call(c.pc, Jump::MinUntil2));
                }
                op::GROUPREF | op::GROUPREF_IGNORE => {
                    let Some((mut a, b)) = self.group_span(code[c.pc]) else { return FAIL };
                    let fold = o == op::GROUPREF_IGNORE;
                    while a < b {
                        if c.ptr >= end {
                            return FAIL;
                        }
                        let (x, y) = (self.ch(c.ptr), self.ch(a));
                        if x != y && !(fold && (self.lower)(x) == (self.lower)(y)) {
                            return FAIL;
                        }
                        a += 1;
                        c.ptr += 1;
                    }
                    c.pc += 1;
                }
                op::GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]
                    if self.group_span(code[c.pc]).is_some() {
                        c.pc += 2;
                    } else {
                        c.pc += code[c.pc + 1] as usize;
                    }
                }
                op::ASSERT => {
                    // <ASSERT> <skip> <back> pattern: lookahead when back
                    // is 0, else lookbehind by a fixed width.
                    let back = code[c.pc + 1] as usize;
                    if c.ptr < back {
                        return FAIL;
                    }
                    self.ptr = c.ptr - back;
                    return Ok(Step::Call(c.pc + 2, Jump::Assert));
                }
                op::ASSERT_NOT => {
                    let back = code[c.pc + 1] as usize;
                    if c.ptr >= back {
                        self.ptr = c.ptr - back;
                        return Ok(Step::Call(c.pc + 2, Jump::AssertNot));
                    }
                    c.pc += code[c.pc] as usize;
                }
                _ => return Err(Stop::Internal),
            }
        }
    }

    /// Continues a suspended context after its child returned `ok`.
    fn resume(&mut self, c: &mut Ctx, jump: Jump, ok: bool) -> Res<Step> {
        let code = self.code;
        Ok(match jump {
            Jump::None => return Err(Stop::Internal),
            Jump::Branch => {
                if ok {
                    if c.aux != NONE {
                        self.discard_marks(c.lastmark);
                    }
                    return Ok(Step::Ret(true));
                }
                if c.aux != NONE {
                    self.pop_marks(c.lastmark, true);
                }
                self.restore_lastmark(c);
                c.pc += code[c.pc] as usize;
                self.branch_next(c)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 | Jump::MinRepeatOne if ok => Step::Ret(true),
            Jump::RepeatOne1 => {
                self.restore_lastmark(c);
                c.ptr = c.ptr.wrapping_sub(1);
                c.count -= 1;
                self.repeat_one_literal(c)
            }
            Jump::RepeatOne2 => {
                c.ptr = c.ptr.wrapping_sub(1);
                c.count -= 1;
                self.restore_lastmark(c);
                self.repeat_one_next(c)
            }
            Jump::MinRepeatOne => {
                self.ptr = c.ptr;
                if self.count(c.pc + 3, 1)? == 0 {
                    return Ok(Step::Ret(false));
                }
                c.ptr += 1;
                c.count += 1;
                self.restore_lastmark(c);
                self.min_repeat_one_next(c)?
            }
            Jump::Repeat => {
                self.repeat = self.repeats[c.aux].prev;
                self.repeats.truncate(c.aux);
                Step::Ret(ok)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if !ok {
                    self.repeats[c.aux].count = c.count - 1;
                    self.ptr = c.ptr;
                }
                Step::Ret(ok)
            }
            Jump::MaxUntil2 => {
                self.repeats[c.aux].last_ptr = self.saved.pop().expect("saved last_ptr");
                if ok {
                    self.discard_marks(c.lastmark);
                    return Ok(Step::Ret(true));
                }
                self.pop_marks(c.lastmark, false);
                self.restore_lastmark(c);
                self.repeats[c.aux].count = c.count - 1;
                self.ptr = c.ptr;
                self.max_until_tail(c)
            }
            Jump::MaxUntil3 => {
                if !ok {
                    self.repeat = c.aux;
                    self.ptr = c.ptr;
                }
                Step::Ret(ok)
            }
            Jump::MinUntil2 => {
                if ok {
                    return Ok(Step::Ret(true));
                }
                let r = c.aux;
                self.repeat = r;
                self.ptr = c.ptr;
                self.restore_lastmark(c);
                let (_, max) = self.repeat_bounds(r);
                if (c.count >= max && max != MAXREPEAT as isize) || self.ptr == self.repeats[r].last_ptr {
                    return Ok(Step::Ret(false));
                }
                self.repeats[r].count = c.count;
                self.saved.push(self.repeats[r].last_ptr);
                self.repeats[r].last_ptr = self.ptr;
                Step::Call(self.repeats[r].pc + 3, Jump::MinUntil3)
            }
            Jump::MinUntil3 => {
                self.repeats[c.aux].last_ptr = self.saved.pop().expect("saved last_ptr");
                if !ok {
                    self.repeats[c.aux].count = c.count - 1;
                    self.ptr = c.ptr;
                }
                Step::Ret(ok)
            }
            Jump::Assert => {
                if !ok {
                    return Ok(Step::Ret(false));
                }
                c.pc += code[c.pc] as usize;
                Step::Next
            }
            Jump::AssertNot => {
                if ok {
                    return Ok(Step::Ret(false));
                }
                c.pc += code[c.pc] as usize;
                Step::Next
            }
        })
    }

    /// Tries the next alternative of a BRANCH (`c.pc` at its skip),
    /// passing over those whose first literal or set cannot match here.
    fn branch_next(&mut self, c: &mut Ctx) -> Step {
        let code = self.code;
        loop {
            let skip = code[c.pc] as usize;
            if skip == 0 {
                if c.aux != NONE {
                    self.discard_marks(c.lastmark);
                }
                return Step::Ret(false);
            }
            // An alternative that starts with a character test which fails
            // here would fail at once, with no effect: skip it.
            let arg = code[c.pc + 2];
            let here = (c.ptr < self.end).then(|| self.ch(c.ptr));
            let hopeless = match code[c.pc + 1] {
                op::LITERAL => here != Some(arg),
                op::NOT_LITERAL => here.is_none_or(|x| x == arg),
                op::LITERAL_IGNORE => here.is_none_or(|x| (self.lower)(x) != (self.lower)(arg)),
                op::IN => !here.is_some_and(|x| self.in_charset(c.pc + 3, x)),
                op::IN_IGNORE => !here.is_some_and(|x| self.in_charset(c.pc + 3, (self.lower)(x))),
                _ => false,
            };
            if hopeless {
                c.pc += skip;
                continue;
            }
            self.ptr = c.ptr;
            return Step::Call(c.pc + 1, Jump::Branch);
        }
    }

    /// REPEAT_ONE whose tail starts with a literal: only positions where
    /// that literal follows are worth trying.
    fn repeat_one_literal(&mut self, c: &mut Ctx) -> Step {
        let code = self.code;
        let min = code[c.pc + 1] as isize;
        let lit = c.aux as u32;
        while c.count >= min && (c.ptr >= self.end || self.ch(c.ptr) != lit) {
            c.ptr = c.ptr.wrapping_sub(1);
            c.count -= 1;
        }
        if c.count < min {
            return Step::Ret(false);
        }
        self.ptr = c.ptr;
        Step::Call(c.pc + code[c.pc] as usize, Jump::RepeatOne1)
    }

    fn repeat_one_next(&mut self, c: &mut Ctx) -> Step {
        let code = self.code;
        if c.count < code[c.pc + 1] as isize {
            return Step::Ret(false);
        }
        self.ptr = c.ptr;
        Step::Call(c.pc + code[c.pc] as usize, Jump::RepeatOne2)
    }

    fn min_repeat_one_next(&mut self, c: &mut Ctx) -> Res<Step> {
        let code = self.code;
        let max = code[c.pc + 2];
        let tail = c.pc + code[c.pc] as usize;
        if code[tail] == op::LITERAL {
            // Where the tail's first literal is not next, trying the tail
            // would fail at once: take one more item instead.
            let lit = code[tail + 1];
            while (max == MAXREPEAT || c.count <= max as isize) && (c.ptr >= self.end || self.ch(c.ptr) != lit) {
                self.ptr = c.ptr;
                if self.count(c.pc + 3, 1)? == 0 {
                    return Ok(Step::Ret(false));
                }
                c.ptr += 1;
                c.count += 1;
                self.restore_lastmark(c);
            }
        }
        if max != MAXREPEAT && c.count > max as isize {
            return Ok(Step::Ret(false));
        }
        self.ptr = c.ptr;
        Ok(Step::Call(tail, Jump::MinRepeatOne))
    }

    /// For an UNTIL op: the enclosing repeat, with this iteration's count.
    fn current_repeat(&mut self, c: &mut Ctx) -> Res<usize> {
        let r = self.repeat;
        if r == NONE {
            return Err(Stop::Internal);
        }
        self.ptr = c.ptr;
        c.count = self.repeats[r].count + 1;
        c.aux = r;
        Ok(r)
    }

    fn repeat_bounds(&self, r: usize) -> (isize, isize) {
        let pc = self.repeats[r].pc;
        (self.code[pc + 1] as isize, self.code[pc + 2] as isize)
    }

    /// MAX_UNTIL cannot (or will not) iterate again: match the tail with
    /// the enclosing repeat current.
    fn max_until_tail(&mut self, c: &mut Ctx) -> Step {
        self.repeat = self.repeats[c.aux].prev;
        Step::Call(c.pc, Jump::MaxUntil3)
    }
}

/// The matcher for either kind of subject, chosen once per call.
pub enum Matcher<'a> {
    Narrow(State<'a, u8>),
    Wide(State<'a, u32>),
}

/// A subject's characters: a str's bytes, or a unicode's code points.
pub enum Text<'a> {
    Narrow(std::borrow::Cow<'a, [u8]>),
    Wide(&'a [u32]),
}

impl Text<'_> {
    pub fn char_count(&self) -> usize {
        match self {
            Text::Narrow(b) => b.len(),
            Text::Wide(w) => w.len(),
        }
    }
}

macro_rules! each {
    ($m:expr, $s:ident => $e:expr) => {
        match $m {
            Matcher::Narrow($s) => $e,
            Matcher::Wide($s) => $e,
        }
    };
}

impl<'a> Matcher<'a> {
    /// A matcher for `text[start:end]` (bounds already clamped).
    pub fn new(prog: &'a Program, text: &'a Text, start: usize, end: usize) -> Self {
        match text {
            Text::Narrow(b) => Matcher::Narrow(State::new(prog, b, start, end)),
            Text::Wide(w) => Matcher::Wide(State::new(prog, w, start, end)),
        }
    }
    pub fn search(&mut self) -> Res<bool> {
        each!(self, s => s.search())
    }
    pub fn matches(&mut self) -> Res<bool> {
        each!(self, s => s.matches())
    }
    pub fn reset(&mut self) {
        each!(self, s => s.reset())
    }
    pub fn start(&self) -> usize {
        each!(self, s => s.start)
    }
    pub fn set_start(&mut self, v: usize) {
        each!(self, s => s.start = v)
    }
    pub fn ptr(&self) -> usize {
        each!(self, s => s.ptr)
    }
    pub fn end(&self) -> usize {
        each!(self, s => s.end)
    }
    pub fn span(&self, g: usize) -> (isize, isize) {
        each!(self, s => s.span(g))
    }
    pub fn spans(&self, groups: usize) -> Vec<isize> {
        each!(self, s => s.spans(groups))
    }
    pub fn lastindex(&self) -> isize {
        each!(self, s => s.lastindex())
    }
}
