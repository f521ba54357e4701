vals = [0.0, 1.0, -1.5, 3.14159265358979, 1e-10, 123456789.123, 1e22, 2.5e-5, 1.0 / 7, 100.0, 1e15, 1e16]
for v in vals:
    print repr(v), str(v), "%f %e %g %.3f %10.4f %-10.2e|" % (v, v, v, v, v, v)
print round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2)
print float("1.5"), float(" 2 "), float("inf"), float("-inf"), float("1e500")
print int(3.99), int(-3.99), 7.0 // 2, 7.5 % 2.5, divmod(7.5, 2)
print "%.0f %.1f %5.1f%%" % (2.5, 0.05, 99.5)
print 0.1 * 3, 1 - 0.9, 1e308 * 10, -1e308 * 10
