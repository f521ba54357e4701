# itertools: every iterator type, their argument forms, reprs, errors and subclassing.
import itertools as it
from itertools import *

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ":", e

def take(n, iterable):
    return list(islice(iterable, n))

# count
print take(4, count()), take(3, count(5)), take(3, count(2, 3)), take(3, count(10, -2))
print take(3, count(1.5)), take(3, count(0.5, 0.25)), take(3, count(2 ** 64)), take(3, count(1, 2 ** 65))
print take(3, count(start=3, step=2)), take(2, count(step=5)), take(3, count(1j, 1j)), take(2, count(3L))
print take(2, count(True)), take(2, count(True, 2)), take(2, count(1, True)), type(next(count(True)))
c = count(2 ** 63 - 2)
print next(c), next(c), next(c), repr(c), c.__reduce__()
print repr(count()), repr(count(5)), repr(count(-3)), repr(count(1.5)), repr(count(2, 3)), repr(count(2 ** 70))
print repr(count(True)), repr(count(True, 2)), repr(count(1, True)), repr(count(1.5, 2L)), repr(count(0, 1L)), repr(count(1j))
print count(5).__reduce__(), count(1.5, 2).__reduce__(), count(7, 1.0).__reduce__()
c = count(3, 2)
next(c)
print repr(c), c.__reduce__()
t(count, 'a')
t(count, 1, 'a')
t(count, 1, 2, 3)
t(count, start=1, bogus=2)
t(len, count())

# cycle
print take(7, cycle('abc')), take(3, cycle([1])), list(cycle([])), take(5, cycle(iter([1, 2])))
t(cycle)
t(cycle, 1)
t(cycle, [1], x=2)

# repeat
print list(repeat('x', 3)), take(3, repeat(None)), list(repeat(1, 0)), list(repeat(1, -5)), list(repeat(object=2, times=2))
print repr(repeat('a')), repr(repeat(['x'], 3)), repr(repeat(1, -5)), repr(repeat(1, 0))
r = repeat('z', 3)
print r.__length_hint__(), next(r), r.__length_hint__(), repr(r), list(r), r.__length_hint__(), repr(r)
t(repeat('a').__length_hint__)
t(repeat, 1, 2, 3)
t(repeat, 1, 2.5)
t(repeat, 1, 'x')
t(repeat, times=1)
t(repeat)
print map(pow, range(5), repeat(2, 5)), list(izip(repeat(7), 'ab'))

# chain
print list(chain('ab', [1, 2], (), xrange(2))), list(chain()), list(chain([])), list(chain.from_iterable(['ab', 'cd', []]))
print take(5, chain.from_iterable(repeat([1, 2]))), list(chain.from_iterable(x * 'q' for x in range(4)))
c = chain([1], 5, [2])
print next(c)
t(next, c)
t(next, c)
t(chain, [1], x=1)
t(chain.from_iterable, 1)
t(list, chain.from_iterable([1]))
t(chain.from_iterable)

# compress
print list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(compress('abc', [1])), list(compress('a', [1, 1, 1]))
print list(compress(data=range(6), selectors=cycle([True, False]))), list(compress([1, 2, 3], [[], [0], '']))
t(compress, [1])
t(compress, 1, [1])
t(compress, [1], [2], [3])

# dropwhile / takewhile
print list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1]))
print list(dropwhile(bool, [1, 0, 2])), list(takewhile(bool, [1, 2, 0, 3])), list(dropwhile(bool, [])), list(takewhile(len, ['a', 'b']))
tw = takewhile(lambda x: x != 3, count())
print list(tw), list(tw)
t(dropwhile, len)
t(takewhile, len, [1], x=1)
t(list, dropwhile(len, [1]))
t(list, takewhile(None, [1]))

# ifilter / ifilterfalse
print list(ifilter(lambda x: x % 2, range(10))), list(ifilterfalse(lambda x: x % 2, range(10)))
print list(ifilter(None, [0, 1, '', 'a', [], [0], None])), list(ifilterfalse(None, [0, 1, '', 'a', [], [0], None]))
print list(ifilter(bool, [0, 2])), list(ifilterfalse(bool, [0, 2]))
t(ifilter, None)
t(ifilter, None, 1)
t(list, ifilter(1, [1]))
t(ifilterfalse, None, [1], x=1)

# islice
s = 'abcdefghij'
print list(islice(s, 3)), list(islice(s, 2, 5)), list(islice(s, 1, None, 3)), list(islice(s, None)), list(islice(s, None, None, 4))
print list(islice(s, 20)), list(islice(s, 8, 20)), list(islice(s, 3, 3)), list(islice(s, 5, 2)), list(islice(s, 0)), list(islice(s, None, 4))
print list(islice(s, 2.5)), list(islice(s, 1, 4, 2.9)), list(islice(s, 1L, 3L)), list(islice(count(), 5, 15, 4))
it1 = iter(range(10))
print list(islice(it1, 3)), next(it1), list(islice(it1, 1, 3)), list(it1)
for args in [('a',), (-1,), (1, 'a'), ('a', 3), (-1, 3), (None, 3, 'x'), (1, 3, 0), (1, 3, -1), (2 ** 70,), (0, 2 ** 70, 2), (2 ** 70, None), (1, None, 2 ** 70)]:
    t(lambda: list(islice(s, *args)))
t(islice, 'a')
t(islice, 'a', 1, 2, 3, 4)
t(islice, 'a', x=1)
t(islice, 1, 2)

# imap / starmap
print list(imap(pow, [2, 3, 10], [5, 2, 3])), list(imap(None, [1, 2])), list(imap(None, [1, 2], 'abc')), list(imap(len, ['ab', '']))
print list(imap(lambda *a: a, count(), 'xy', [None] * 5))
print list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(lambda *a: sum(a), [[1, 2, 3], (4,), ()])), list(starmap(max, ['ab', 'zy']))
t(imap, len)
t(imap)
t(imap, len, [1], x=2)
t(imap, len, 1)
t(imap, len, [1], 2)
t(list, imap(len, [1]))
t(starmap, len)
t(list, starmap(len, [1]))
t(list, starmap(len, [(1, 2)]))

# izip / izip_longest
print list(izip('abc', range(5))), list(izip()), list(izip('ab')), list(izip([], 'ab')), list(izip('ab', count(), repeat(None)))
print list(izip_longest('abc', range(5))), list(izip_longest()), list(izip_longest('ab', [], fillvalue='-')), list(izip_longest([1], fillvalue=0))
print list(izip_longest('a', 'bcd', 'ef', fillvalue=None)), take(4, izip_longest(count(), 'ab'))
t(izip, 1)
t(izip, [1], 2)
t(izip, x=1)
t(izip_longest, [1], 2)
t(izip_longest, [1], x=2)
t(izip_longest, [1], fillvalue=2, x=3)

# groupby
print [(k, list(g)) for k, g in groupby('aaabbcaa')]
print [(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)]
print [k for k, g in groupby('aabbbc')], list(groupby([])), [(k, ''.join(g)) for k, g in groupby('AaBbb', str.lower)]
gb = groupby('aabbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
print k1, list(g1), k2, list(g2), list(g2)
gb = groupby('aaba')
k1, g1 = next(gb)
print next(g1), k1
k2, g2 = next(gb)
k3, g3 = next(gb)
print k2, k3, list(g1), list(g3), list(g2)
g = groupby([1, 1, 2])
print type(next(g)[1]).__name__, type(g).__name__
t(groupby)
t(groupby, [1], len, 3)
t(groupby, [1], key=len, x=1)
t(groupby, 1)
t(list, groupby([1], len))
def bad_eq_key(x):
    return Unequal()
class Unequal(object):
    def __eq__(self, other):
        raise ValueError('cannot compare')
gb = groupby([1, 2], bad_eq_key)
k, g = next(gb)
t(next, gb)

# tee
a, b = tee('abcd')
print next(a), next(a), list(b), list(a)
a, b, c = tee(xrange(100), 3)
print sum(a), sum(islice(b, 60)), list(islice(c, 95, None)), list(b)[:3]
print tee([1], 0), len(tee([], 5)), type(tee([])[0]).__name__
a, b = tee(iter([1, 2, 3]))
c = a.__copy__()
print next(a), list(c), list(b), list(a)
a, b = tee(count())
aa, bb = tee(a)
print next(a), next(a), next(aa), next(bb), take(3, b)
class Copier(object):
    def __init__(self, items):
        self.items = list(items)
    def __iter__(self):
        return self
    def next(self):
        if not self.items:
            raise StopIteration
        return self.items.pop(0)
    def __copy__(self):
        print 'copy!'
        return Copier(self.items)
x, y = tee(Copier('xyz'))
print type(x).__name__, list(x), list(y)
T = type(tee([])[0])
print list(T('hey')), list(T(iter(T([1, 2]))))
t(T)
t(tee, [1], -1)
t(tee, 1)
t(tee)
t(tee, [1], 2, 3)
t(tee, [1], n=2)
t(tee, [1], 'a')
def gen():
    for x in range(5):
        yield next(tt[0]) if x == 2 else x
tt = tee(gen())
t(list, tt[0])
try:
    class X(T):
        pass
except TypeError as e:
    print e

# product
print list(product('ab', range(2))), list(product()), list(product([])), list(product('ab', []))
print list(product('ab', repeat=2)), list(product(range(2), repeat=3))[:4], list(product('x', repeat=0)), len(list(product(range(3), 'ab', repeat=2)))
t(product, [1], repeat=-1)
t(product, [1], rep=1)
t(product, [1], repeat=1.5)
t(product, 1)

# permutations
print list(permutations('abc')), list(permutations(range(3), 2)), list(permutations('ab', 0)), list(permutations('ab', 3))
print list(permutations([])), list(permutations([], 0)), len(list(permutations(range(5)))), list(permutations('abcd', 2))[-3:]
print list(permutations(iterable='xy', r=None)), list(permutations('xyz', 1.7))
t(permutations, [1], -1)
t(permutations, [1], 'a')
t(permutations, 1)
t(permutations)

# combinations / combinations_with_replacement
print list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('ab', 3)), list(combinations([], 0))
print list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 1)), list(combinations_with_replacement('x', 3))
print len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(5), 3))), list(combinations(r=2, iterable='xyz'))
t(combinations, [1], -1)
t(combinations, [1])
t(combinations, [1], 1.5)
t(combinations_with_replacement, [1], -1)
t(combinations_with_replacement, 1, 1)

# types, reprs, iterator protocol
for name in ['count', 'cycle', 'repeat', 'chain', 'compress', 'dropwhile', 'takewhile', 'ifilter',
             'ifilterfalse', 'islice', 'imap', 'starmap', 'izip', 'izip_longest', 'groupby',
             'product', 'permutations', 'combinations', 'combinations_with_replacement']:
    T = getattr(it, name)
    print T, T.__name__, T.__module__, hasattr(T, 'next'), hasattr(T, '__iter__')
z = izip('a')
print iter(z) is z, repr(z).startswith('<itertools.izip object at 0x'), repr(tee([])[0]).startswith('<itertools.tee object at')
print sorted(n for n in dir(it) if not n.startswith('_'))

# subclasses
class MyCount(count):
    def next(self):
        return 'my' + str(count.next(self))
mc = MyCount(5)
print next(mc), next(mc), repr(mc), mc.__reduce__()[1], type(mc).__name__, isinstance(mc, count)
class Pairs(izip):
    def __init__(self, *args):
        self.n = len(args)
print list(Pairs('ab', 'cd')), Pairs('a', 'b', 'c').n
class Chain2(chain):
    pass
print list(Chain2('ab', 'c')), type(Chain2.from_iterable(['x'])).__name__, list(Chain2.from_iterable(['x', 'y']))
class Cyc(cycle):
    def __new__(cls, *args, **kw):
        self = cycle.__new__(cls, *args, **kw)
        self.kw = kw
        return self
cy = Cyc('ab', flag=1)
print take(3, cy), cy.kw
class Prod(product):
    pass
print list(Prod('ab', repeat=1)), type(Prod('a')).__mro__[1]
class Grp(groupby):
    pass
print [(k, list(v)) for k, v in Grp('aab')]
class IL(izip_longest):
    pass
print list(IL('ab', 'c', fillvalue='ignored for subclasses'))
class Sl(islice):
    pass
print list(Sl('abcdef', 1, 5, 2))
t(count.next, 5)
t(count.__new__, int)
