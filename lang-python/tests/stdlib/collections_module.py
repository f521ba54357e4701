# CPython's Lib/collections.py and functools.py on top of the native modules:
# namedtuple, OrderedDict, Counter, deque/defaultdict re-exports, functools.partial/wraps/total_ordering.
import collections
from collections import namedtuple, OrderedDict, Counter, deque, defaultdict
import functools
import heapq
import bisect

# namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print p, p.x, p.y, p[0], p[1], len(p), tuple(p), p == (1, 2)
print Point._fields, Point.__name__, Point.__module__, type(p).__mro__[1]
print p._replace(x=10), p._asdict(), Point._make([5, 6]), p.__getnewargs__()
x, y = p
print x + y, p + (3,), hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)])
print type(Point.x).__name__, Point.x.__doc__, Point.__doc__
P3 = namedtuple('P3', ['a', 'b', 'c'], verbose=False)
print P3(1, 2, 3), P3._fields
R = namedtuple('R', 'def class _x', rename=True)
print R._fields, R(1, 2, 3)
for bad in ['a a', '1x', 'def', '_x']:
    try:
        namedtuple('Bad', bad)
    except ValueError as e:
        print 'ValueError:', e
try:
    Point(1)
except TypeError as e:
    print 'TypeError:', e
try:
    p._replace(z=1)
except ValueError as e:
    print 'ValueError:', e
class Point3(namedtuple('Point3', 'x y z')):
    __slots__ = ()
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
print Point3(1, -2, 3).norm1, Point3(1, 2, 3)
print vars(p)

# OrderedDict
od = OrderedDict()
od['z'] = 1
od['a'] = 2
od['m'] = 3
print od, od.keys(), od.values(), od.items()
od['z'] = 10
del od['a']
od['a'] = 4
print od, list(od), list(reversed(od))
print od.popitem(), od.popitem(last=False), od
od2 = OrderedDict([('b', 1), ('a', 2)])
print od2 == OrderedDict([('b', 1), ('a', 2)]), od2 == OrderedDict([('a', 2), ('b', 1)]), od2 == {'a': 2, 'b': 1}
print OrderedDict.fromkeys('abc', 0), od2.copy(), OrderedDict(zip('xyz', range(3)))
od3 = OrderedDict(a=1)
od3.update([('c', 3), ('b', 2)])
od3.setdefault('d', 4)
print od3, od3.pop('c'), od3, od3.pop('nope', 'dflt')
try:
    OrderedDict().popitem()
except KeyError as e:
    print 'KeyError:', e
print repr(OrderedDict()), od3.__reduce__()[0].__name__, isinstance(od3, dict)
rec = OrderedDict()
rec['self'] = rec
print rec
print od3.viewkeys(), od3.viewitems()

# Counter
c = Counter('abracadabra')
print c.most_common(3), c['a'], c['zzz'], sorted(c.elements())[:6]
print sorted(c.items())
c.update('aaz')
c.subtract({'b': 5})
print sorted(c.items()), c.most_common(1)
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=1)
print sorted((d + e).items()), sorted((d - e).items()), sorted((d | e).items()), sorted((d & e).items())
print Counter(), Counter({'x': 2}), repr(Counter('aab')), Counter(cats=4, dogs=2).most_common()
del c['z']
print 'z' in c, sum(c.values()), len(c), Counter('hello').most_common()
words = 'the quick the lazy the end quick'.split()
print Counter(words).most_common(2), Counter(words).copy() == Counter(words)

# deque and defaultdict come from _collections
print collections.deque is deque, collections.defaultdict is defaultdict, deque.__module__
dq = deque(maxlen=2)
dq.extend([1, 2, 3])
print dq, defaultdict(list)

# ABCs from _abcoll
print isinstance({}, collections.Mapping), isinstance([], collections.Sequence), isinstance(deque(), collections.Sequence)
print issubclass(OrderedDict, collections.MutableMapping), isinstance(Counter(), collections.Mapping), isinstance(iter([]), collections.Iterator)
print isinstance(3, collections.Hashable), isinstance([], collections.Hashable), isinstance(len, collections.Callable)

# functools
def add(a, b, c=0):
    return a + b + c
inc = functools.partial(add, 1)
print inc(2), inc(2, c=3), functools.partial(add, c=10)(1, 2), inc.func is add, inc.args, inc.keywords
print functools.reduce(lambda a, b: a * b, [1, 2, 3, 4])
def decorator(f):
    @functools.wraps(f)
    def wrapper(*args, **kw):
        return f(*args, **kw)
    return wrapper
@decorator
def documented(x):
    "The doc."
    return x * 2
print documented(4), documented.__name__, documented.__doc__, documented.__module__
@functools.total_ordering
class Version(object):
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
print Version(1) < Version(2), Version(1) <= Version(1), Version(3) > Version(2), Version(2) >= Version(3)
print sorted([Version(3), Version(1), Version(2)], key=functools.cmp_to_key(lambda a, b: cmp(a.n, b.n)))[0].n
print sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a))

# heapq / bisect use the native halves
h = [5, 1, 4, 2, 3]
heapq.heapify(h)
print [heapq.heappop(h) for _ in range(5)], heapq.nlargest(2, [1, 5, 3]), heapq.nsmallest(2, [1, 5, 3], key=lambda v: -v)
print list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6]))
lst = [1, 3, 5]
bisect.insort(lst, 4)
print lst, bisect.bisect(lst, 3), bisect.bisect_left(lst, 3)
