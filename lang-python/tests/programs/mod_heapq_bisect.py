# _heapq and _bisect, the C halves of heapq.py and bisect.py.
import _heapq as h
import _bisect as b

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ":", e

# heappush / heappop give sorted order
heap = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]:
    h.heappush(heap, x)
print heap
print [h.heappop(heap) for _ in range(10)], heap

data = [9, 4, 7, 1, 8, 2, 2, 6, 0, 3, 5]
h.heapify(data)
print data
print h.heapreplace(data, 10), data
print h.heappushpop(data, -1), h.heappushpop(data, 4), data
print h.heappushpop([], 3)
strs = ['pear', 'apple', 'fig', 'kiwi', 'banana']
h.heapify(strs)
print strs, h.heappop(strs)
tuples = [(2, 'b'), (1, 'z'), (1, 'a'), (3, 'c')]
h.heapify(tuples)
print [h.heappop(tuples) for _ in range(4)]
floats = [2.5, -1.0, 3.25, 0.0, 1e10, -1e-3]
h.heapify(floats)
print floats

# nlargest / nsmallest
print h.nlargest(3, [5, 1, 8, 3, 9, 2]), h.nsmallest(3, [5, 1, 8, 3, 9, 2])
print h.nlargest(0, [1, 2]), h.nlargest(-1, [1, 2]), h.nsmallest(10, [3, 1, 2]), h.nlargest(2, [])
print h.nlargest(2, iter('hello world')), h.nsmallest(4, xrange(100, 0, -7))
print h.nlargest(3, {1: 'a', 5: 'b', 3: 'c', 4: 'd'}), h.nsmallest(2, (x * x for x in range(-5, 5)))

# equal keys: which object wins is visible
class K(object):
    def __init__(self, k, tag):
        self.k, self.tag = k, tag
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return '%s%s' % (self.k, self.tag)
ks = [K(1, 'a'), K(0, 'b'), K(1, 'c'), K(0, 'd'), K(2, 'e'), K(1, 'f'), K(0, 'g')]
print h.nsmallest(3, ks), h.nlargest(3, ks)
heap = list(ks)
h.heapify(heap)
print heap, [h.heappop(heap) for _ in range(7)]

# an old-style comparison class with only __le__
class LE:
    def __init__(self, v):
        self.v = v
    def __le__(self, other):
        return self.v <= other.v
    def __repr__(self):
        return 'LE(%d)' % self.v
heap = []
for v in [3, 1, 2]:
    h.heappush(heap, LE(v))
print heap, h.heappop(heap)

# comparison errors propagate
class Bad(object):
    def __lt__(self, other):
        raise ValueError('no order')
t(h.heappush, [Bad()], Bad())
t(h.heapify, [Bad(), Bad()])

# a comparison that shrinks the heap
class Shrink(object):
    def __init__(self, heap):
        self.heap = heap
    def __lt__(self, other):
        del self.heap[:]
        return True
hp = [1, 2]
t(h.heappush, hp, Shrink(hp))

# errors
t(h.heappush, [])
t(h.heappush, (), 1)
t(h.heappop)
t(h.heappop, [])
t(h.heappop, 'abc')
t(h.heapreplace, [], 1)
t(h.heapreplace, [1])
t(h.heapify, 1)
t(h.heapify, [1], 2)
t(h.nlargest, 'a', [1])
t(h.nsmallest, 2, 3)
t(h.nlargest, 2, [1], 3)
t(h.nlargest, 2, iterable=[1])
t(h.heappushpop, 1, 2)
t(h.nlargest, 1.5, [1])

# a list subclass is a list
class L(list):
    pass
lh = L([3, 1, 2])
h.heapify(lh)
print lh, type(lh).__name__, h.heappop(lh)

# bisect
a = [1, 2, 2, 2, 3, 5, 8]
print [b.bisect_left(a, x) for x in range(10)]
print [b.bisect_right(a, x) for x in range(10)]
print b.bisect(a, 2), b.bisect(a, 2, 0, 2), b.bisect_left(a, 2, 4), b.bisect_left(a, 2, hi=2), b.bisect_right(a, 5, lo=1, hi=-1)
print b.bisect_left(a, 100, 3, 3), b.bisect_right(a, -1, 20), b.bisect_left(a, 3, 0, -5)
print b.bisect_left('acegik', 'f'), b.bisect_right((1, 3, 5), 3), b.bisect(xrange(0, 100, 10), 35)
print b.bisect_left(a=[1, 2, 3], x=2), b.bisect_right(x=2, a=[1, 2, 3], lo=0)
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    b.insort(s, x)
print s
b.insort_left(s, 5)
b.insort_right(s, 0)
b.insort_left(s, 10, 0, len(s))
b.insort(s, 3, lo=2)
print s
b.insort_right(s, 99, 50)
print s
class Rec(object):
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def insert(self, i, x):
        print 'insert', i, x
        self.items.insert(i, x)
r = Rec()
for x in [3, 1, 2]:
    b.insort(r, x)
print r.items
keyed = [(1, 'a'), (2, 'b'), (3, 'c')]
b.insort_left(keyed, (2, 'a'))
b.insort_right(keyed, (2, 'c'))
print keyed
t(b.bisect_right, [1])
t(b.bisect_right)
t(b.bisect_left, [1], 1, -1)
t(b.bisect_left, [1], 1, 0, None)
t(b.bisect_left, [1, 2, 3], 2, 0, 10)
t(b.bisect, 5, 1)
t(b.insort, (1,), 1)
t(b.bisect_right, [1, 2], 1, x=1)
t(b.bisect_right, [1, 2], 1, lo=1.5)
t(b.bisect_right, [1, 2], 1, 0, 2, 3)
t(b.bisect_right, [1, 2], 1, bogus=3)
t(b.insort_left, [1], 2, -3)
t(b.bisect_left, [1, 'a', None], 2)
print sorted(n for n in dir(h) if not n.startswith('_')), sorted(n for n in dir(b) if not n.startswith('_'))
