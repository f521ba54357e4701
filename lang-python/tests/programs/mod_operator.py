# The operator module: every function, the dunder aliases, the getter types.
import operator as o

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ":", e

# arithmetic and bitwise
for name in ['add', 'sub', 'mul', 'div', 'floordiv', 'truediv', 'mod', 'pow',
             'lshift', 'rshift', 'and_', 'or_', 'xor']:
    f = getattr(o, name)
    print name, f(13, 4), f(-7, 3), f.__name__
print o.__add__(1, 2), o.__add__.__name__, o.__sub__(5, 3), o.__pow__(2, 10)
print o.add('ab', 'cd'), o.mul([1, 2], 2), o.mul(3, 'x'), o.mod('%s-%d', ('a', 3))
print o.truediv(7, 2), o.div(7, 2), o.div(7.0, 2), o.floordiv(-7.5, 2)
print o.neg(5), o.pos(-5), o.abs(-3.5), o.inv(5), o.invert(0), o.__neg__(2), o.__abs__(-1L)
print o.not_(0), o.not_([1]), o.__not__(''), o.truth(0), o.truth([0])
t(o.add, 1)
t(o.__add__, 1, 2, 3)
t(o.pow, 1)
t(o.neg)
t(o.add, 1, 'a')
t(o.neg, 'a')
t(o.abs, 'a')
t(o.truediv, 1, 0)

# comparisons
for name in ['lt', 'le', 'eq', 'ne', 'gt', 'ge']:
    f = getattr(o, name)
    print name, f(1, 2), f(2, 2), f(3, 2), f('a', 'b'), getattr(o, '__%s__' % name)(1, 1)
t(o.lt, 1)
t(o.eq, 1, 2, 3)

class Weird(object):
    def __lt__(self, other):
        return 'lt-result'
    def __eq__(self, other):
        return ['eq']
print o.lt(Weird(), 1), o.eq(Weird(), 2), o.gt(1, Weird())

# identity and truth
a = []
print o.is_(a, a), o.is_([], []), o.is_not(a, a), o.is_not(None, 0)
t(o.is_, 1)

# in-place operators
l = [1]
r = o.iadd(l, [2, 3])
print r, l, r is l
l2 = [1, 2]
print o.imul(l2, 2), l2
print o.iadd(1, 2), o.isub(5, 1), o.imul(2, 3), o.idiv(7, 2), o.ifloordiv(7, 2), o.itruediv(7, 2)
print o.imod(7, 3), o.ipow(2, 5), o.ilshift(1, 4), o.irshift(32, 2), o.iand(6, 3), o.ior(6, 3), o.ixor(6, 3)
print o.__iadd__(1, 1), o.__ipow__(3, 2), o.__iand__(7, 1)
class Acc(object):
    def __init__(self):
        self.v = 0
    def __iadd__(self, other):
        self.v += other
        return self
    def __repr__(self):
        return 'Acc(%d)' % self.v
acc = Acc()
print o.iadd(acc, 5), o.iadd(acc, 6), acc
s = 'ab'
print o.iadd(s, 'c'), s
t(o.ipow, 1)

# sequences
print o.concat([1], [2]), o.concat('a', 'b'), o.__concat__((1,), (2,))
t(o.concat, 1, 2)
t(o.concat, [1], (2,))
print o.iconcat([1], [2]), o.__iconcat__('x', 'y')
t(o.iconcat, 1, [2])
print o.repeat([1, 2], 3), o.repeat('ab', 2), o.__repeat__((0,), 2), o.irepeat([5], 2), o.__irepeat__('z', 3)
t(o.repeat, 1, 2)
t(o.repeat, [1], 2.0)
t(o.repeat, [1], 'a')
t(o.repeat, [1])
print o.contains([1, 2], 2), o.contains('abc', 'bc'), o.__contains__({1: 2}, 1), o.sequenceIncludes((1,), 3)
t(o.contains, 3, 1)
print o.indexOf([5, 6, 7], 7), o.indexOf('abc', 'b'), o.indexOf(iter([1, 2]), 2)
t(o.indexOf, [1], 2)
t(o.indexOf, 3, 1)
print o.countOf([1, 2, 1, 1], 1), o.countOf('banana', 'a'), o.countOf(xrange(5), 9)
t(o.countOf, 3, 1)

# items and slices
d = {'a': 1}
print o.getitem(d, 'a'), o.getitem([1, 2, 3], -1), o.getitem('abc', slice(1, None)), o.__getitem__((1, 2), 0)
print o.setitem(d, 'b', 2), sorted(d.items())
print o.delitem(d, 'a'), d
o.__setitem__(d, 'z', 0)
o.__delitem__(d, 'b')
print d
t(o.getitem, d, 'missing')
t(o.getitem, [1], 5)
t(o.getitem, 'abc', 'x')
t(o.delitem, [1], 3)
t(o.setitem, (1,), 0, 2)
t(o.setitem, d, 1)
l = range(6)
print o.getslice(l, 1, 3), o.getslice('abcdef', -3, -1), o.getslice(l, -100, 2), o.__getslice__((1, 2, 3), 1, 10)
print o.setslice(l, 1, 3, ['x']), l
print o.delslice(l, 0, 2), l
o.__setslice__(l, -1, 100, [9, 9])
o.__delslice__(l, 0, 1)
print l
t(o.getslice, [1, 2, 3], 1)
t(o.getslice, 'abc', 1.5, 2)
t(o.getslice, 'abc', 'a', 2)

# index
class Idx(object):
    def __index__(self):
        return 7
class BadIdx(object):
    def __index__(self):
        return 'no'
print o.index(5), o.index(2 ** 70), o.index(True), o.index(Idx()), o.__index__(-3)
t(o.index, 1.5)
t(o.index, 'a')
t(o.index, BadIdx())

# type predicates
class Seq(object):
    def __getitem__(self, i):
        return i
class Num(object):
    def __int__(self):
        return 1
class Old:
    pass
class OldSeq:
    def __getitem__(self, i):
        return i
print o.isCallable(len), o.isCallable(1), o.isCallable(Seq), o.isCallable(Seq()), o.isCallable(Old), o.isCallable(Old())
print o.isNumberType(1), o.isNumberType(1.5), o.isNumberType(2L), o.isNumberType(1j), o.isNumberType('1'), o.isNumberType(Num()), o.isNumberType(Old()), o.isNumberType(None)
print o.isSequenceType([]), o.isSequenceType(()), o.isSequenceType('a'), o.isSequenceType(u'a'), o.isSequenceType(xrange(2)), o.isSequenceType({}), o.isSequenceType(set()), o.isSequenceType(Seq()), o.isSequenceType(OldSeq()), o.isSequenceType(Old()), o.isSequenceType(3)
print o.isMappingType({}), o.isMappingType([]), o.isMappingType('a'), o.isMappingType(xrange(2)), o.isMappingType(Seq()), o.isMappingType(OldSeq()), o.isMappingType(Old()), o.isMappingType(1)

# itemgetter
g = o.itemgetter(1)
print g([10, 20, 30]), g('xyz'), g({1: 'one'})
print o.itemgetter(2, 0, 1)('abc'), o.itemgetter('a', 'b')({'a': 1, 'b': 2}), o.itemgetter(slice(1, 3))(range(5))
print sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=o.itemgetter(1))
t(g, [1])
t(g, [1, 2], 3)
t(g)
t(g, x=1)
t(o.itemgetter)
t(o.itemgetter, 1, x=2)
print type(g).__name__, type(g).__module__, type(g)
print repr(g).startswith('<operator.itemgetter object at 0x')

# attrgetter
class P(object):
    pass
p = P()
p.name = 'n'
p.sub = P()
p.sub.x = 42
p.sub.y = 'y'
print o.attrgetter('name')(p), o.attrgetter('sub.x')(p), o.attrgetter('name', 'sub.y', 'sub.x')(p)
print o.attrgetter(u'name')(p), o.attrgetter('__class__.__name__')(p)
t(o.attrgetter('missing'), p)
t(o.attrgetter('sub.missing'), p)
t(o.attrgetter(1), p)
t(o.attrgetter('name', 2), p)
t(o.attrgetter)
t(o.attrgetter('x'))
t(o.attrgetter, 'a', b=1)
print sorted([p, p.sub], key=o.attrgetter('__class__.__name__'))[0] is p
print type(o.attrgetter('a'))

# methodcaller
m = o.methodcaller('split', ',')
print m('a,b,c'), o.methodcaller('upper')('abc'), o.methodcaller('get', 'k', 'dflt')({})
print o.methodcaller('get', 1)({1: 'v'}), o.methodcaller('format', 1, x=2)('{0}-{x}')
t(o.methodcaller)
t(o.methodcaller('nope'), 1)
t(m)
t(m, 'a', 'b')
t(m, s='a')
t(o.methodcaller(5), 'x')
print type(m)

# these types cannot be subclassed
for cls in (o.itemgetter, o.attrgetter, o.methodcaller):
    try:
        class X(cls):
            pass
    except TypeError as e:
        print e

# used as keys and with map/reduce
print map(o.mul, [1, 2, 3], [4, 5, 6]), reduce(o.add, range(5)), reduce(o.concat, ['a', 'b', 'c'])
print map(o.itemgetter(0), [(1, 2), (3, 4)])
print sorted(n for n in dir(o) if not n.startswith('_'))
print len([n for n in dir(o) if n.startswith('__') and n.endswith('__') and n not in ('__file__', '__package__')])
print o._compare_digest('abc', 'abc'), o._compare_digest('abc', 'abd'), o._compare_digest('a', 'ab'), o._compare_digest(u'x', u'x')
t(o._compare_digest, 1, 2)
t(o._compare_digest, 'a', u'a')
