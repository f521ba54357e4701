"""A tiny macro assembler that writes Brainfuck (our own, for vmbench).

Cells are named by index; the assembler tracks where the tape pointer is, so
`at(c)` emits just the moves needed. Every macro leaves its temporaries zero,
which lets loops reuse them on the next pass. Arithmetic is on unsigned bytes.
"""


class BF:
    def __init__(self):
        self.code = []
        self.pos = 0
        self.next = 0

    def cell(self):
        c = self.next
        self.next += 1
        return c

    def at(self, c):
        d = c - self.pos
        self.code.append(">" * d if d > 0 else "<" * (-d))
        self.pos = c

    def add(self, c, k):
        self.at(c)
        k %= 256
        self.code.append("+" * k if k <= 128 else "-" * (256 - k))

    def clear(self, c):
        self.at(c)
        self.code.append("[-]")

    def set(self, c, k):
        self.clear(c)
        self.add(c, k)

    def loop(self, c, body):
        """while cell c != 0: body (body must change c)."""
        self.at(c)
        self.code.append("[")
        body()
        self.at(c)
        self.code.append("]")

    def move(self, src, dsts):
        """Adds src to every dst; src becomes zero."""
        def body():
            self.add(src, -1)
            for d in dsts:
                self.add(d, 1)
        self.loop(src, body)

    def copy(self, src, dst):
        """dst += src, src kept."""
        t = self.cell()
        self.move(src, [dst, t])
        self.move(t, [src])

    def if_(self, c, body):
        """Runs body once if c != 0 (c kept; body must not touch the flag)."""
        t = self.cell()
        self.copy(c, t)
        def once():
            body()
            self.clear(t)
        self.loop(t, once)

    def to_bool(self, c, f):
        """f = (c != 0)."""
        self.clear(f)
        self.if_(c, lambda: self.add(f, 1))

    def and_(self, a, b, f):
        """f = (a != 0 and b != 0)."""
        self.clear(f)
        self.if_(a, lambda: self.if_(b, lambda: self.add(f, 1)))

    def not_(self, c, f):
        """f = (c == 0)."""
        self.set(f, 1)
        self.if_(c, lambda: self.clear(f))

    def gt_const(self, a, k, f):
        """f = (a > k), by k saturating decrements of a copy."""
        t = self.cell()
        self.copy(a, t)
        for _ in range(k):
            self.if_(t, lambda: self.add(t, -1))
        self.to_bool(t, f)
        self.clear(t)

    def mul_div(self, a, b, out, scale):
        """out += floor(a * b / scale), counting the product one unit at a time."""
        t1, t2, cnt, hit = self.cell(), self.cell(), self.cell(), self.cell()
        self.copy(a, t1)
        def outer():
            self.add(t1, -1)
            self.copy(b, t2)
            def inner():
                self.add(t2, -1)
                self.add(cnt, 1)
                # hit = (cnt == scale): subtract, test for zero, add back.
                self.add(cnt, -scale)
                self.not_(cnt, hit)
                self.add(cnt, scale)
                def carry():
                    self.clear(cnt)
                    self.add(out, 1)
                self.if_(hit, carry)
                self.clear(hit)
            self.loop(t2, inner)
        self.loop(t1, outer)
        self.clear(cnt)

    def while_(self, cond, body):
        """cond(f) sets flag cell f; loop while it is non-zero."""
        f = self.cell()
        cond(f)
        def b():
            body()
            cond(f)
        self.loop(f, b)

    def text(self):
        return "".join(self.code)
