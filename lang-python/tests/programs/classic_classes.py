class Old:
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.x
class Older(Old):
    def get(self):
        return Old.get(self) * 10
o = Older(2)
print o.get(), o.v, Older.x, isinstance(o, Old)
print type(o).__name__, o.__class__.__name__
class Num:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return Num(self.n + other.n)
    def __repr__(self):
        return "Num(%d)" % self.n
print Num(1) + Num(2)
try:
    o.missing
except AttributeError as e:
    print e
