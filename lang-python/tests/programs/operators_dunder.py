class V(object):
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __ne__(self, o):
        return not self == o
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, z):
        return self.x + self.y + z
    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)
a, b = V(1, 2), V(3, 4)
print a + b, a - b, a * 3, 3 * a, -a, a == V(1, 2), a != b, a < b
print len(a), a[0], a[1], 2 in a, 5 in a, a(10), list(a)
print {a: 1}[V(1, 2)], sorted([b, a])
class Cmp(object):
    def __init__(self, v): self.v = v
    def __cmp__(self, o): return cmp(self.v, o.v)
print Cmp(1) < Cmp(2), Cmp(3) == Cmp(3), max([Cmp(5), Cmp(9), Cmp(2)]).v
