a, b = 1, 2
a, b = b, a
print a, b
(x, y), z = (1, 2), 3
print x, y, z
[p, q] = "pq"
print p, q
first, second, third = xrange(3)
print first, second, third
for i, (k, v) in enumerate(sorted({"a": 1, "b": 2}.items())):
    print i, k, v
try:
    m, n = [1, 2, 3]
except ValueError as e:
    print e
try:
    m, n, o = [1, 2]
except ValueError as e:
    print e
try:
    m, n = 5
except TypeError as e:
    print e
x = y = z = 0
x += 1
print x, y, z
d = {}
d["k"] = d.get("k", 0) + 1
l = [0, 0]
l[0] += 5; l[-1] -= 1
print d, l
class O(object): pass
o = O(); o.n = 1; o.n *= 10
print o.n
