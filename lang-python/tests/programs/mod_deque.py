# _collections.deque: methods, bounds, indexing, iteration and mutation checks, comparisons, copies, subclassing.
from _collections import deque

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ":", e

d = deque()
print d, len(d), bool(d), d.maxlen
d.append(1)
d.append(2)
d.appendleft(0)
d.extend([3, 4])
d.extendleft('ba')
print d, len(d), bool(d)
print d.pop(), d.popleft(), d
print d[0], d[-1], d[2], d[-3]
d[0] = 'first'
d[-1] = 'last'
print d
del d[1]
del d[-2]
print d
d.rotate()
print d
d.rotate(2)
print d
d.rotate(-3)
print d
d.rotate(0)
d.rotate(100)
d.rotate(-101)
print d
d.reverse()
print d, d.count(1), d.count('x'), deque([1, 1, 2, 1]).count(1)
d.remove(1)
print d
d.clear()
print d, len(d)
print list(reversed(deque('abc'))), list(deque(xrange(5))), deque('abc') + 0 if False else ''
print deque(iterable='ab'), deque(maxlen=None), deque((), 3), deque('abc', 2), deque(maxlen=2, iterable=[1, 2, 3])

# bounded deques
b = deque(maxlen=3)
for i in range(5):
    b.append(i)
print b, b.maxlen
b.appendleft('L')
print b
b.extend('xy')
print b
b.extendleft('pq')
print b
b.rotate(1)
print b, len(b)
z = deque('abc', 0)
z.append(1)
z.extend(iter([1, 2]))
print z, len(z), z.maxlen
print repr(deque([], maxlen=0)), deque([1], 2.5), deque('ab', 2L)
b2 = deque([1, 2, 3], 2)
b2.__init__('wxyz')
print b2, b2.maxlen
b2.__init__([1], 5)
print b2, b2.maxlen

# self-extension and +=
s = deque([1, 2])
s.extend(s)
print s
s.extendleft(s)
print s
s += 'ab'
print s
s += s
print len(s)

# indexing errors
e = deque('abc')
t(e.__getitem__, 3)
t(e.__getitem__, -4)
t(lambda: e['a'])
t(lambda: e[1:2])
t(lambda: e[2 ** 70])
t(e.__setitem__, 3, 1)
t(e.__delitem__, 5)
t(e.__delitem__, -4)
print e[True], e[False], e[1L]

# empty and argument errors
t(deque().pop)
t(deque().popleft)
t(deque().remove, 1)
t(deque('ab').remove, 'z')
t(deque().__getitem__, 0)
t(deque().rotate, 'a')
t(deque().rotate, 1.5)
t(deque().rotate, 1, 2)
t(deque().append)
t(deque().append, 1, 2)
t(deque().extend, 5)
t(deque, [1], -1)
t(deque, [1], 'a')
t(deque, [1], 2, 3)
t(deque, x=1)
t(deque, 5)
t(hash, deque())
try:
    deque().maxlen = 3
except AttributeError as ex:
    print ex
t(lambda: deque([1]) + deque([2]))
t(lambda: deque([1]) * 2)
t(lambda: deque().foo)
t(setattr, deque(), 'foo', 1)

# iteration and mutation
q = deque([1, 2, 3])
it = iter(q)
print next(it), it.__length_hint__(), list(it), it.__length_hint__()
def mut(name, op):
    q = deque([1, 2, 3])
    i = iter(q)
    next(i)
    op(q)
    try:
        print name, list(i)
    except RuntimeError as ex:
        print name, 'RuntimeError:', ex
mut('append', lambda q: q.append(4))
mut('pop', lambda q: q.pop())
mut('rotate', lambda q: q.rotate(1))
mut('rotate0', lambda q: q.rotate(0))
mut('reverse', lambda q: q.reverse())
mut('setitem', lambda q: q.__setitem__(0, 5))
mut('delitem', lambda q: q.__delitem__(0))
mut('clear', lambda q: q.clear())
mut('extend-empty', lambda q: q.extend([]))
mut('remove', lambda q: q.remove(2))
mut('count', lambda q: q.count(1))
mut('init', lambda q: q.__init__([1, 2, 3]))
q = deque([1, 2, 3])
try:
    for x in q:
        q.append(x)
except RuntimeError as ex:
    print 'loop:', ex
r = reversed(deque('xyz'))
print type(r).__name__, r.__length_hint__(), next(r), list(r)
print type(iter(deque())).__name__, 2 in deque([1, 2]), 5 in deque([1, 2]), 'a' not in deque('bc')

# comparisons run Python code that can mutate
class Evil(object):
    def __init__(self, q):
        self.q = q
    def __eq__(self, other):
        self.q.append('extra')
        return False
q = deque()
q.extend([Evil(q), Evil(q)])
t(q.count, 1)
q2 = deque()
q2.extend([Evil(q2), 1])
t(q2.remove, 1)
class Peek(object):
    def __init__(self, q, tag):
        self.q, self.tag = q, tag
    def __eq__(self, other):
        print 'comparing', self.tag, 'deque now', [p.tag for p in self.q]
        return self.tag == other
    def __repr__(self):
        return 'P' + self.tag
pq = deque()
pq.extend([Peek(pq, 'a'), Peek(pq, 'b'), Peek(pq, 'c')])
pq.remove('c')
print pq

# comparisons
print deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 2]), deque([1]) == [1], deque() == deque()
print deque([1, 2]) < deque([1, 3]), deque([1, 2]) > deque([1]), deque() <= deque(), deque([2]) >= deque([1, 5]), deque('a') < deque('ab')
nan = float('nan')
nd = deque([nan])
print nd == nd, nd == deque([nan]), deque([1, 2]) == deque([1, 2], 5)
print sorted([deque([3]), deque([1, 2]), deque([1])])

# repr, copy, reduce
print repr(deque()), repr(deque([1, 'a', None])), repr(deque(range(3), 7))
rec = deque([1])
rec.append(rec)
print rec
c = deque('abc', 5)
c2 = c.__copy__()
c2.append('d')
print c, c2, c2.maxlen, c2 is c
print deque('ab').__reduce__(), deque('ab', 3).__reduce__()
print deque([1, [2]]).__copy__()

# subclasses
class D(deque):
    pass
x = D('ab')
print x, repr(x), type(x).__name__, isinstance(x, deque), len(x), x[1]
print x.__reduce__(), x.__copy__(), type(x.__copy__()).__name__
x.attr = 1
print x.__reduce__()
y = D('xyz', 2)
print y, y.__copy__(), y.__copy__().maxlen, y.__reduce__()
class Stack(deque):
    def __init__(self, *items):
        deque.__init__(self, items)
    def push(self, x):
        self.append(x)
    def __repr__(self):
        return 'Stack%r' % (tuple(self),)
st = Stack(1, 2)
st.push(3)
print st, st.pop(), st, list(st), st == deque([1, 2]), deque([1, 2]) == st
t(st.__copy__)
class Counted(deque):
    def append(self, x):
        deque.append(self, x * 10)
cd = Counted([1])
cd.append(2)
cd.extend([3])
print cd
print deque.__name__, deque.__module__, type(deque.maxlen).__name__ in ('property', 'getset_descriptor')
