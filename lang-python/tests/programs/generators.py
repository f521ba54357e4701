def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print list(count(5)), sum(count(5))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received
g = echo()
print g.next(), g.send("a"), g.send("b"), g.send(None)
def fin():
    try:
        yield 1
        yield 2
    finally:
        print "gen cleanup"
g = fin()
print g.next()
g.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
t = thrower()
print t.next(), t.throw(ValueError("boom"))
gen = (x * x for x in range(6) if x % 2 == 0)
print list(gen), list(gen)
print sorted(set(x % 3 for x in range(10))), dict((k, k * 2) for k in range(3))
def nested():
    for i in range(3):
        for j in count(i):
            yield (i, j)
print list(nested())
it = iter([1, 2, 3])
print it.next(), next(it), list(it)
try:
    next(it)
except StopIteration:
    print "stop"
