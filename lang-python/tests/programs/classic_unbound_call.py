# Calling a classic class's method through the class (C.method(self)),
# as subclass __init__ methods do.
class C:
    def __init__(self, x):
        self.x = x
    def f(self, y):
        return self.x + y
class D(C):
    def __init__(self):
        C.__init__(self, 10)
        self.y = C.f(self, 5)
d = D()
print d.x, d.y, sorted(d.__dict__)
print C.__init__, C.f(d, 1)
try:
    C.f(5, 1)
except TypeError as e:
    print 'TypeError', e
