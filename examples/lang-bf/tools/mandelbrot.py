"""Generates bench/mandelbrot.b: an ASCII Mandelbrot set in Brainfuck.

Our own tiny fixed-point description, compiled with bfasm.py. Numbers are
fixed point with SCALE units per 1.0; a signed number is a pair of bytes
(pos, neg) meaning pos - neg, kept normalized so one of them is zero. The
picture covers re in [-2, 0.5], im in [-1, 1] at one character per 1/SCALE
step; each point iterates z = z*z + c up to MAXIT times and prints '@' if it
never escaped, else a letter for how fast it escaped.

    python3 tools/mandelbrot.py > bench/mandelbrot.b
"""

import sys
from bfasm import BF

SCALE = 8
MAXIT = 200
COLS = 2 * SCALE + SCALE // 2 + 1   # re from -2 to 0.5
ROWS = 2 * SCALE + 1                # im from -1 to 1


def normalize(bf, p, n):
    """While both halves are non-zero, take one from each."""
    def cond(f):
        bf.and_(p, n, f)
    bf.while_(cond, lambda: (bf.add(p, -1), bf.add(n, -1)))


def main():
    bf = BF()
    row, col = bf.cell(), bf.cell()
    cyp, cyn, cxp, cxn = bf.cell(), bf.cell(), bf.cell(), bf.cell()
    xp, xn, yp, yn = bf.cell(), bf.cell(), bf.cell(), bf.cell()
    x2, y2, s, esc, it, live, steps = (bf.cell() for _ in range(7))
    pos, neg, ch = bf.cell(), bf.cell(), bf.cell()

    bf.set(row, ROWS)

    def do_row():
        # cy = (ROWS - row) - SCALE, so the first row is im = +1.
        bf.clear(cyp)
        bf.clear(cyn)
        bf.add(cyp, ROWS)
        bf.copy(row, cyn)
        bf.add(cyn, SCALE)
        normalize(bf, cyp, cyn)
        bf.set(col, COLS)

        def do_col():
            # cx = (COLS - col) - 2*SCALE
            bf.clear(cxp)
            bf.clear(cxn)
            bf.add(cxp, COLS)
            bf.copy(col, cxn)
            bf.add(cxn, 2 * SCALE)
            normalize(bf, cxp, cxn)
            for c in (xp, xn, yp, yn, steps):
                bf.clear(c)
            bf.set(it, MAXIT)
            bf.set(live, 1)

            def cond(f):
                bf.and_(it, live, f)

            def step():
                bf.add(it, -1)
                bf.clear(x2)
                bf.clear(y2)
                bf.mul_div(xp, xp, x2, SCALE)
                bf.mul_div(xn, xn, x2, SCALE)
                bf.mul_div(yp, yp, y2, SCALE)
                bf.mul_div(yn, yn, y2, SCALE)
                bf.clear(s)
                bf.copy(x2, s)
                bf.copy(y2, s)
                bf.gt_const(s, 4 * SCALE, esc)
                bf.if_(esc, lambda: bf.clear(live))

                def advance():
                    bf.add(steps, 1)
                    # y = 2xy + cy
                    bf.clear(pos)
                    bf.clear(neg)
                    bf.mul_div(xp, yp, pos, SCALE)
                    bf.mul_div(xn, yn, pos, SCALE)
                    bf.mul_div(xp, yn, neg, SCALE)
                    bf.mul_div(xn, yp, neg, SCALE)
                    bf.clear(yp)
                    bf.clear(yn)
                    bf.copy(pos, yp)
                    bf.move(pos, [yp])
                    bf.copy(neg, yn)
                    bf.move(neg, [yn])
                    bf.copy(cyp, yp)
                    bf.copy(cyn, yn)
                    normalize(bf, yp, yn)
                    # x = x2 - y2 + cx
                    bf.clear(xp)
                    bf.clear(xn)
                    bf.move(x2, [xp])
                    bf.move(y2, [xn])
                    bf.copy(cxp, xp)
                    bf.copy(cxn, xn)
                    normalize(bf, xp, xn)
                    # Far outside: stop before the squares overflow a byte.
                    for c in (xp, xn, yp, yn):
                        bf.gt_const(c, 4 * SCALE - 2, esc)
                        bf.if_(esc, lambda: bf.clear(live))
                        bf.clear(esc)

                bf.if_(live, advance)
                bf.clear(esc)
                bf.clear(x2)
                bf.clear(y2)
                bf.clear(s)

            bf.while_(cond, step)
            # '@' if still live (never escaped), else 'a' + steps.
            bf.set(ch, ord("a"))
            bf.move(steps, [ch])
            bf.if_(live, lambda: bf.set(ch, ord("@")))
            bf.at(ch)
            bf.code.append(".")
            bf.clear(ch)
            bf.clear(live)
            bf.clear(it)
            bf.add(col, -1)

        bf.loop(col, do_col)
        bf.set(ch, 10)
        bf.at(ch)
        bf.code.append(".")
        bf.clear(ch)
        bf.add(row, -1)

    bf.loop(row, do_row)
    code = bf.text()
    sys.stdout.write("Mandelbrot in Brainfuck made by tools/mandelbrot_py in the lang bf example\n")
    for i in range(0, len(code), 79):
        sys.stdout.write(code[i:i + 79] + "\n")


if __name__ == "__main__":
    main()
