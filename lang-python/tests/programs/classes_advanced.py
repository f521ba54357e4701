class Base(object):
    registry = []
    def __init__(self, name):
        self.name = name
        Base.registry.append(name)
    def describe(self):
        return "%s(%s)" % (type(self).__name__, self.name)
    def __eq__(self, other):
        return type(self) is type(other) and self.name == other.name
    def __ne__(self, other):
        return not self.__eq__(other)
    def __hash__(self):
        return hash(self.name)
class Mixin(object):
    def shout(self):
        return self.describe().upper()
class Child(Mixin, Base):
    def describe(self):
        return "child " + super(Child, self).describe()
c = Child("x")
print c.describe(), c.shout(), Base.registry, Child.__mro__[1].__name__
print c == Child("x"), c != Child("y"), len(set([c, Child("x")]))
class Temp(object):
    def __init__(self):
        self._c = 0
    def _get(self):
        return self._c
    def _set(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    celsius = property(_get, _set, doc="temperature")
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print t.celsius, t.fahrenheit
try:
    t.celsius = -300
except ValueError as e:
    print "ValueError:", e
try:
    t.fahrenheit = 5
except AttributeError as e:
    print "AttributeError:", e
class Counter(object):
    instances = 0
    def __new__(cls, *args):
        cls.instances += 1
        return super(Counter, cls).__new__(cls)
    def __init__(self, v):
        self.v = v
print [Counter(i).v for i in range(3)], Counter.instances
class WithGetattr(object):
    def __getattr__(self, name):
        return "dynamic_" + name
w = WithGetattr()
w.real = 1
print w.real, w.anything
class Slots(object):
    __slots__ = ["x"]
s = Slots(); s.x = 5
print s.x, hasattr(s, "x")
print isinstance(c, (int, Base)), issubclass(Child, Mixin), type(c) is Child, Child.__name__
