def f(a, b=2, *args, **kw):
    return a, b, args, sorted(kw.items()) if kw else kw
print f(1)
print f(1, 3)
print f(1, 3, 4, 5)
print f(1, x=9, b=7)
print f(*[1, 2, 3])
print f(1, **{'z': 1})
def g(x, (y, z)):
    return x + y + z
print g(1, (2, 3))
lam = lambda a, b=10: a * b
print lam(3), lam(3, 4)
def outer(n):
    def inner(m):
        return n + m
    return inner
print outer(10)(5)
def counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = counter()
c(); c()
print c()
def deco(fn):
    def wrapped(*a):
        return "<" + str(fn(*a)) + ">"
    return wrapped
@deco
def h(x):
    return x * 2
print h(21)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print rec(20), rec(25)
def defaults(a, b=[]):
    b.append(a)
    return b
print defaults(1), defaults(2)
print f.__name__, h.__name__
