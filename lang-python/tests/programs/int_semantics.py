print 7 / 2, -7 / 2, 7 // 2, -7 // 2, 7 % -3, -7 % -3, divmod(-7, 2), divmod(7, -2)
print 2 ** 31, 2 ** 63 - 1, -2 ** 63, type(2 ** 63 - 1).__name__, type(2 ** 63).__name__, type(-2 ** 63).__name__
print 0x7f, 0o17, 017, 0b1011, 10L, type(10L).__name__, 1e3, type(1e3).__name__
print int("ff", 16), int("0x1f", 16), int("777", 8), int("  12  "), int("-0"), long("9" * 20)
print bin(10), hex(-255), oct(8), abs(-2 ** 64), bool(0), bool(-1), True + True, True * 10
print 3 < 4.5, 2 == 2.0, 10 ** 20 > 1e19, cmp(1, 2), cmp(2, 1), cmp(1, 1), 1 < "a", None < 0
print 5 & -3, -5 | 3, ~0, ~-1, 1 << 62, 1 << 63, 255 >> 4, -256 >> 4
print sum(range(101)), reduce(lambda a, b: a * b, range(1, 21)), reduce(lambda a, b: a * b, range(1, 26))
print isinstance(True, int), isinstance(5, (str, int)), int(True), float(7), complex(1, 2), (1+2j) * (3-1j)
for v in [0, 1, -1, 255, 2 ** 40, -2 ** 40]:
    print "%d %5d %-5d| %x %o %+d %05d" % (v, v, v, v, v, v, v)
