data = {"name": "Ada", "age": 36, "langs": ["en", "fr"], "score": 97.125}
print "%(name)s is %(age)d, scores %(score).1f" % data
print "%s" % (data["langs"],), "%r" % data["name"], "%5.1f%%" % 12.345
print "{name} knows {langs[1]}; {score:08.3f}".format(**data)
print "{:*^20}".format(" centered "), "{:x} {:o} {:b} {:e}".format(255, 8, 5, 1234.5)
print "%-10s|%10s|" % ("left", "right"), "%+.2e" % -0.000123, "%i" % 3.99, "%s %s" % (None, True)
print "%c" % 10 == "\n", "%3c|" % "x", "%.3s" % "abcdef", "%*d" % (6, 42), "%-*d|" % (6, 42)
print str(1.0), str(1e-7), str(123456789.0), str(0.1 + 0.2), repr(0.1 + 0.2), str(1e100)
print "abc%sdef" % "", "%s-%s" % ("a", "b"), "%%d" % (), "%.0e" % 12345
row = ("x", 1, 2.5)
print "%s|%d|%.2f" % row, "{}|{}|{}".format(*row)
