l = [3, 1, 2]
l.append(5); l.extend([9, 0]); l.insert(0, 7)
print l, len(l), l.index(2), l.count(1), l.pop(), l.pop(0), l
l.sort(); print l
l.reverse(); print l
l.remove(5); print l
print sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len), sorted([(1, "b"), (1, "a"), (0, "z")])
print l[1:3], l[::2], l[-1], l[:-1]
l[1:3] = ["x", "y", "z"]; print l
del l[0]; print l
t = (1, 2, 3)
a, b, c = t
print t, a + b + c, t[1:], t * 2, t + (4,), (1,), (), len(t), 2 in t, t.index(3), t.count(1)
x, (y, z) = 1, (2, 3)
print x, y, z
nested = [[1, [2, 3]], (4, 5)]
print nested, nested[0][1][0]
print [1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), [] == [], [1] * 3
print list("abc"), tuple([1, 2]), list(range(3)), min([4, 2, 8]), max(3, 9, 1), sum([1, 2, 3])
print reversed([1, 2, 3]) is not None, list(reversed([1, 2, 3])), list(enumerate("ab")), zip([1, 2], "ab")
print map(lambda x: x * 2, [1, 2, 3]), filter(None, [0, 1, 2, ""]), reduce(lambda a, b: a + b, [1, 2, 3])
print any([0, 1]), all([1, 0]), all([])
