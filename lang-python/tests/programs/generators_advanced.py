def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print [f.next() for _ in range(10)]
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print take(5, fib()), take(3, (c for c in "abcdef"))
def chain(*iters):
    for it in iters:
        for x in it:
            yield x
print list(chain([1, 2], "ab", (3,)))
def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return
        total += value
acc = accumulate(); acc.next()
print [acc.send(v) for v in [1, 2, 3, 4]]
def tree(n):
    if n:
        for x in tree(n - 1):
            yield x
        yield n
        for x in tree(n - 1):
            yield x
print list(tree(3))
print sum(x * x for x in xrange(10)), max(x % 7 for x in range(20)), any(x > 5 for x in [1, 7]), all(x for x in [])
g = (i for i in range(3))
print list(g), list(g), iter(g) is g
print list(enumerate("abc", 1)), list(zip(*[(1, "a"), (2, "b")])), list(reversed(range(4)))
print dict(enumerate("xy")), list(xrange(10, 0, -3)), len(xrange(5)), xrange(5)[2], repr(xrange(1, 9, 2))
