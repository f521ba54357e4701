d = {}
for w in "the quick brown fox jumps over the lazy dog and keeps running far away".split():
    d[w] = d.get(w, 0) + 1
print d
print d.keys()
print d.items()[:3]
e = dict(zip(range(20), "abcdefghijklmnopqrst"))
del e[3]; del e[7]
e[100] = "z"; e[-1] = "m"
print e
print {1.5: 1, 2: 2, (1, 2): 3, "s": 4, None: 5}.keys()[:4]
print set([5, 3, 1, 100, 42, 7, 8, 9, 1000]), frozenset("hello")
s = set(range(10)); s.discard(3); s.add(77)
print s, len(s), 77 in s
print sorted({"b": 1, "a": 2}.items())
