l = range(10)
print l[2:5], l[-3:], l[::3], l[8:2:-2], l[100:], l[-100:2]
l[2:4] = ["a", "b", "c"]
print l
del l[::2]
print l
l2 = [1, 2, 3] * 2
l2.extend(xrange(3))
print l2, l2.count(1), l2.index(3), l2.index(0, 4)
l2.insert(-1, "x"); l2.insert(100, "end"); l2.insert(-100, "start")
print l2
print l2.pop(), l2.pop(0), l2.pop(-2), l2
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print m, [row[1] for row in m], zip(*m)
stack = []
for i in range(5):
    stack.append(i)
print [stack.pop() for _ in range(3)], stack
a = [3, 1, 2]; b = a; b.append(4)
print a is b, a == [3, 1, 2, 4], a[:] is a, list(a) == a
print [1, 2] + [3], [0] * 0, [[]] * 2, 3 in [1, 2, 3], [1, [2]] == [1, [2]]
try:
    [1, 2].remove(5)
except ValueError as e:
    print e
try:
    [][0]
except IndexError as e:
    print e
print sum([[1], [2]], []), map(None, [1, 2]), filter(lambda x: x % 2, range(7)), [x for x in l if isinstance(x, int)]
