a = 3 ** 200
b = 7 ** 90
print a, b
print a // b, a % b, divmod(a, b), -a // b, -a % b
print a * b - a, a >> 100, a & (b - 1), a | 1, a ^ b
print long(2.5e20), int(1e18), int("123456789012345678901234567890"), hex(2 ** 70), oct(2 ** 40)
print pow(3, 500, 1000007), abs(-a) == a, cmp(a, b), str(-a)[:20]
print 2 ** 64 == 18446744073709551616, hash(2 ** 64), hash(-(2 ** 70))
print float(2 ** 80), 10 ** 20 / 3.0, 10 ** 30 // 7
print 12345678901234567890 * 98765432109876543210
