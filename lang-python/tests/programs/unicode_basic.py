u = u"caf\xe9"
print repr(u), len(u), repr(u.upper()), repr(u + "!"), u == u"caf\xe9"
print repr(u"abc" + "def"), u"abc" == "abc", hash(u"abc") == hash("abc")
print repr(u.encode("utf-8")), repr("caf\xc3\xa9".decode("utf-8"))
print repr(unicode("plain")), repr(u"x".join([u"a", "b"]))
try:
    str(u)
except UnicodeEncodeError as e:
    print "encode error:", e
