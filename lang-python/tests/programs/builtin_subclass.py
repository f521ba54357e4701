class MyList(list):
    def total(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print m.total(), len(m), m[0], isinstance(m, list)
class MyDict(dict):
    def __missing__(self, k):
        return k * 2
d = MyDict(a=1)
print d["a"], d[5]
class MyInt(int):
    def double(self):
        return self * 2
i = MyInt(21)
print i.double(), i + 1, isinstance(i, int)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print MyStr("hi").shout(), len(MyStr("abc"))
