# _collections.defaultdict: the factory, __missing__, dict behaviour, repr, copy, pickling state, subclasses.
from _collections import defaultdict

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__ + ":", e

d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print sorted(d.items()), len(d), d.default_factory
print d['missing'], 'missing' in d, len(d)
print d.get('other'), 'other' in d, d.get('other', 5)

counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print sorted(counts.items())
print counts
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
nested['x']['z'] += 1
print sorted(nested['x'].items()), type(nested['x']).__name__

# no factory
n = defaultdict()
print n, n.default_factory
t(n.__getitem__, 'k')
t(lambda: n[(1, 2)])
n2 = defaultdict(None, {'a': 1}, b=2)
print sorted(n2.items()), n2['a']

# __missing__ directly, and it always stores
d = defaultdict(list, {1: [9]})
print d.__missing__(1), d[1], d.__missing__(2), sorted(d.items())
t(defaultdict().__missing__, 5)
calls = []
def factory():
    calls.append(1)
    return len(calls)
f = defaultdict(factory)
print f[0], f[1], f[0], calls, sorted(f.items())
def failing():
    raise ValueError('factory failed')
t(defaultdict(failing).__getitem__, 1)

# setting and deleting the factory
d = defaultdict(str)
d.default_factory = list
print d['q'], d.default_factory
del d.default_factory
print d.default_factory
t(d.__getitem__, 'zz')
d.default_factory = 5
t(d.__getitem__, 9)
t(defaultdict, 1)
t(defaultdict, 'abc')
t(defaultdict, list, 1)
t(defaultdict, list, [(1, 2), (3,)])

# dict behaviour
d = defaultdict(int, [('a', 1)], b=2)
print sorted(d.items()), sorted(d.keys()), d.pop('a'), d.setdefault('c', 3), sorted(d)
d.update({'x': 10})
print sorted(d.items()), isinstance(d, dict), type(d) is defaultdict, d == {'b': 2, 'c': 3, 'x': 10}
print dict(d) == d, len(dict(d)), type(dict(d)).__name__
del d['x']
t(d.__delitem__, 'nope')
print sorted(d.iteritems()), d.has_key('b'), d.has_key('zz')
print defaultdict.__mro__, defaultdict.__name__, defaultdict.__module__

# repr
print repr(defaultdict(list)), repr(defaultdict(None, {1: 2})), repr(defaultdict(lambda: 0)).startswith('defaultdict(<function <lambda> at ')
r = defaultdict(list)
r[1] = r
print r
class Named(object):
    def __repr__(self):
        return 'Named()'
    def __call__(self):
        return 0
print defaultdict(Named(), {'k': 'v'})

# copy and __reduce__
d = defaultdict(list, {'a': [1]})
c = d.copy()
c['b'].append(2)
print sorted(d.items()), sorted(c.items()), type(c).__name__, c.default_factory, c['a'] is d['a']
c2 = d.__copy__()
print sorted(c2.items()), c2.default_factory
red = d.__reduce__()
print red[0] is defaultdict, red[1], red[2], red[3], sorted(red[4])
print defaultdict().__reduce__()[1], list(defaultdict().__reduce__()[4])
rebuilt = red[0](*red[1])
rebuilt.update(red[4])
print rebuilt

# no instance dict
d = defaultdict(int)
try:
    d.x = 1
except AttributeError as e:
    print e
try:
    d.__dict__
except AttributeError as e:
    print e
t(hash, d)

# subclasses
class Tree(defaultdict):
    def __init__(self):
        defaultdict.__init__(self, Tree)
    def __repr__(self):
        return 'Tree(%s)' % ', '.join('%s=%r' % kv for kv in sorted(self.items()))
tree = Tree()
tree['a']['b']['c'] = 1
tree['a']['d'] = 2
print tree, type(tree['a']).__name__
class Default0(defaultdict):
    pass
z = Default0(int)
z['k'] += 5
z.extra = 'attr'
print z, sorted(z.items()), z.extra, type(z.copy()).__name__, z.copy()
class Missing(defaultdict):
    def __missing__(self, key):
        return 'override %s' % key
m = Missing(list)
print m['x'], len(m)
