a = set([1, 2, 3, 4])
b = set([3, 4, 5])
print a | b, a & b, a - b, a ^ b, a <= b, set([1, 2]) < a, a.issuperset([1]), a.isdisjoint([9])
a.add(10); a.discard(1); a.remove(2)
print a, len(a), 10 in a
try:
    a.remove(99)
except KeyError as e:
    print "KeyError", e
fs = frozenset([1, 2])
print fs, hash(fs) == hash(frozenset([2, 1])), {fs: 1}[frozenset([1, 2])]
print set("abracadabra"), sorted(set("abracadabra"))
s = set()
for w in "a b c a b".split():
    s.add(w)
print sorted(s), s.union([1]) == s | set([1]), s.intersection("ab"), s.difference("a")
print set([1, 2, 3]).pop() in (1, 2, 3), set() == set([]), set([1]) != set([2])
