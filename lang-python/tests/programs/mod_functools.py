# _functools: partial (attributes, calls, __dict__, pickling state, subclassing) and reduce.
from _functools import partial, reduce
import _functools

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ":", e

def f(*a, **k):
    return a, sorted(k.items())

def show(*a, **k):
    return a, k

p = partial(f, 1, x=2)
print p.func is f, p.args, p.keywords, p.__dict__
print partial(f).args, partial(f).keywords
print p(), p(3), p(3, y=4), p(x=9), p(4, 5, x=0, z=1)
print partial(show, a=1, b=2)(c=3), partial(show, 1)(2, k=3)
print partial(partial(f, 1), 2)(3), partial(partial(f, 1), 2).func.args
print partial(int, base=2)('1010'), partial(max, 5)(3), partial(len)('abc')
print map(partial(pow, 2), range(6))

# mutating the frozen keywords dict affects later calls
p.keywords['w'] = 'new'
print p()

# errors
t(partial)
t(partial, 1)
print type(partial(f, 1)).__name__
t(partial(int), 'x')
t(partial(len, 1, 2))
for name, val in [('func', 1), ('args', ()), ('keywords', {})]:
    try:
        setattr(p, name, val)
    except Exception as e:
        print name, type(e).__name__ + ":", e
    try:
        delattr(p, name)
    except Exception as e:
        print 'del', name, type(e).__name__ + ":", e

# __dict__ and attributes
p.attr = 5
print p.attr, p.__dict__
p.__dict__ = {'other': 1}
print p.other, hasattr(p, 'attr')
try:
    p.__dict__ = 1
except TypeError as e:
    print e
try:
    del p.__dict__
except TypeError as e:
    print e
try:
    p.nothere
except AttributeError as e:
    print e

# __reduce__ / __setstate__
r = partial(f, 1, 2, k='v').__reduce__()
print r[0] is partial, r[1][0] is f, r[2][0] is f, r[2][1:]
r = p.__reduce__()
print r[2][1:]
p2 = partial(f)
p2.__setstate__((len, (1,), None, None))
print p2.func, p2.args, p2.keywords
p2.__setstate__((max, (1, 2), {'k': 1}, {'d': 2}))
t(p2.__setstate__, (max, [1, 2], None, None))
print p2.func, p2.args, p2.keywords, p2.d
t(p2.__setstate__, (1, 2))
t(p2.__setstate__, 1)
t(p2.__setstate__, (1, (), None, None))
t(p2.__setstate__, (len, 1, None, None))
t(p2.__setstate__, (len, (), 1, None))
rebuilt = r[0](*r[1])
rebuilt.__setstate__(r[2])
print rebuilt(), rebuilt.__dict__

# type, repr, identity semantics
print type(p), partial.__module__, partial.__name__, type(p).__name__
print repr(p).startswith('<functools.partial object at 0x'), str(p) == repr(p)
print partial(f, 1) == partial(f, 1), p == p, hash(p) == hash(p)
t(len, p)
t(p.__call__, 8)
print callable(p), isinstance(p, partial)

# not a method when stored on a class
class C(object):
    m = partial(f, 'first')
print C().m(1), C.m(2)

# subclasses
class P(partial):
    extra = 'class attr'
    def __repr__(self):
        return 'P(%r, %r)' % (self.func.__name__, self.args)
q = P(f, 7)
print q(1), type(q).__name__, q.args, q.extra, repr(q), isinstance(q, partial)
q.x = 1
print q.__dict__
class P2(partial):
    def __call__(self, *a):
        return 'override', partial.__call__(self, *a)
print P2(f, 1)(2)
class P3(partial):
    def __new__(cls, func, *args):
        self = partial.__new__(cls, func, 'fixed', *args)
        self.made = True
        return self
print P3(f, 1)(2), P3(f).made
t(partial.__new__, int, f)

# reduce
print reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1)
print reduce(lambda a, b: a + b, [], 'init'), reduce(lambda a, b: a + [b], 'abc', [])
print reduce(max, [3, 1, 4, 1, 5]), reduce(lambda a, b: a + b, 'xyz')
t(reduce, lambda a, b: a, [])
t(reduce, lambda a, b: a, 5)
t(reduce, len)
t(reduce, 1, [1, 2])
print sorted(n for n in dir(_functools) if not n.startswith('_'))
