"""Writes a Brainfuck program that prints the given text (our own, for vmbench).

Each character is reached from the previous one by a multiply loop on a
scratch cell (10 * q steps) plus a few single steps, so the program stays
short. Usage: python3 tools/text.py "Hello, world!" > programs/hello.b
"""

import sys


def main():
    text = sys.argv[1].encode() + b"\n"
    out = ["Text printer made by tools/text_py in the lang bf example (no op characters here)\n"]
    cur = 0
    for ch in text:
        d = ch - cur
        q, r = divmod(abs(d), 10)
        sign = "+" if d > 0 else "-"
        if q:
            out.append(">" + "+" * q + "[<" + sign * 10 + ">-]<")
        out.append(sign * r + ".\n")
        cur = ch
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
