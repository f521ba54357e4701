class Meta(type):
    def __new__(mcs, name, bases, d):
        d["tag"] = name.lower()
        return type.__new__(mcs, name, bases, d)
class Base(object):
    __metaclass__ = Meta
class Child(Base):
    pass
print Base.tag, Child.tag, type(Child).__name__
T = type("T", (object,), {"v": 3, "m": lambda self: self.v * 2})
print T().m(), T.__name__
class S(object):
    __slots__ = ("a", "b")
s = S()
s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print e
print s.a
