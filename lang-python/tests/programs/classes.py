class Animal(object):
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s makes a sound" % self.name
    def __str__(self):
        return "Animal(" + self.name + ")"
class Dog(Animal):
    def speak(self):
        return self.name + " barks; " + super(Dog, self).speak()
d = Dog("rex")
print d.speak()
print d, str(d), d.kind, Dog.kind, isinstance(d, Animal), issubclass(Dog, Animal)
print type(d).__name__, Dog.__mro__[1].__name__, d.__class__ is Dog
class P(object):
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def c(cls, a):
        return cls.__name__, a
p = P()
p.x = 5
print p.x, P.s(1), p.s(2), P.c(3), p.c(4)
class Counter(object):
    count = 0
    def __init__(self):
        Counter.count += 1
for i in range(3):
    Counter()
print Counter.count
class A(object):
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super(B, self).who()
class C(A):
    def who(self): return "C" + super(C, self).who()
class D(B, C):
    def who(self): return "D" + super(D, self).who()
print D().who(), [k.__name__ for k in D.__mro__]
o = A()
o.extra = 1
print o.extra, hasattr(o, "extra"), hasattr(o, "nope"), getattr(o, "nope", 42)
del o.extra
print hasattr(o, "extra")
