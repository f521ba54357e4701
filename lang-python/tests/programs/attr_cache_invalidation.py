# Attribute access sites must notice every change that affects them:
# class attributes added later (data descriptors win over the instance),
# __class__ assignment, deleted attributes, instances switched to dicts.


class P(object):
    def __init__(self, x):
        self.x = x


class Q(object):
    pass


def read(o):
    return o.x


def write(o, v):
    o.x = v


objs = [P(i) for i in range(5)]
print [read(o) for o in objs]
for o in objs:
    write(o, 10)
print [read(o) for o in objs]

# A property added to the class takes precedence over the instance slot.
P.x = property(lambda self: 'prop', lambda self, v: None)
print [read(o) for o in objs[:2]]
write(objs[0], 99)
print read(objs[0])
del P.x
print read(objs[0])

# __class__ assignment: same shape, different class.
o = P(1)
print read(o)
o.__class__ = Q
print read(o)
Q.x = property(lambda self: 'Q prop')
print read(o)
del Q.x

# Deleting the attribute makes the cached slot empty.
p = P(5)
print read(p)
del p.x
try:
    read(p)
except AttributeError as e:
    print 'AttributeError', e
write(p, 6)
print read(p)

# Many attributes: past the shape limit the instance keeps a dict.
class Wide(object):
    pass

w = Wide()
for i in range(80):
    setattr(w, 'a%d' % i, i)
w.x = 'wide'
print read(w), w.a79
print sorted(vars(w).keys())[:3]

# __getattribute__ defined after caching.
class G(object):
    def __init__(self):
        self.x = 'inst'

g = G()
print read(g)
G.__getattribute__ = lambda self, name: 'ga:' + name
print read(g)
del G.__getattribute__
print read(g)

# __setattr__ defined after caching a store.
class S(object):
    pass

s = S()
write(s, 1)
write(s, 2)
S.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 100)
write(s, 3)
print s.x
