s = "  Hello World, hello Python  "
print s.strip().lower().count("hello"), s.find("xyz"), s.rfind("l"), s.index("W"), s.strip().rindex("o")
print s.split(), s.split(",", 1), s.rsplit(" ", 2), s.partition(","), s.rpartition("o")
print "abc".upper(), "ABC".isupper(), "123".isdigit(), "a1".isalnum(), " ".isspace(), "Hi There".istitle()
print "x".ljust(4, "-") + "|", "x".rjust(4) + "|", "42".zfill(5), "-42".zfill(5), "tab\tsep".expandtabs(4)
print "hello".replace("l", "L", 1), "a-b-c".split("-", 1), ",".join(str(i) for i in range(5))
print "abc".encode("hex") if False else "ok", "caf\xc3\xa9".decode("utf-8").encode("utf-8") == "caf\xc3\xa9"
print "%s|%5s|%-5s|%.2s" % ("a", "b", "c", "defg"), "%c%c" % (65, "b"), "%x %X %#x %#o" % (255, 255, 255, 8)
print "{0:<5}|{0:>5}|{0:^5}|{1:+d}|{2:,}|{3:.2%}".format("ab", 5, 1234567, 0.256)
print "{a}-{b[0]}-{c.real}".format(a=1, b=[2], c=3j)
print "Title Case Words".swapcase(), "snake_case_name".title(), "a\nb\r\nc".splitlines(True)
print "startswith" if "prefix_rest".startswith(("x", "pre")) else "no", "abc"[::-1], "abcdef"[1:-1:2]
print len(""), "" in "abc", "abc" < "abd", "Z" < "a", max("hello"), ord("\n"), chr(97) * 3
