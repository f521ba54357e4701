s = "Hello, World"
print s.lower(), s.upper(), s.split(", "), s.replace("l", "L"), s.find("o"), s[::-1], s[2:5]
print "-".join(["a", "b", "c"]), "  pad ".strip(), "x".center(5, "*"), "abc".startswith("ab")
print "%d items cost %.2f (%s) %r %5s|%-5s|%05d %x %o %e" % (3, 9.5, "ok", "q", "r", "l", 42, 255, 8, 12345.678)
print "{} and {}".format(1, 2), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="hi"), "{:>6.2f}".format(3.14159)
print repr("tab\t'quote'"), repr('dq"'), str(1.5), repr(1.5), str(10L), repr(10L)
print "abc" * 3, "a" + "b", "b" in "abc", len("hello"), "hello"[1], ord("A"), chr(66)
print "%s %s" % ("a", "b"), "%(x)s-%(y)d" % {"x": "X", "y": 5}, "100%%" % ()
print "a,b,,c".split(","), "  a  b  ".split(), "line1\nline2".splitlines(), "abc".title(), "AbC".swapcase()
print "%.3g %g %g %s" % (0.0001234, 1e20, 100.0, 1e20), str(0.1), 1.0 / 3, 2.0 / 3 * 3
