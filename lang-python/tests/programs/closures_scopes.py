x = "global"
def f():
    print x
f()
def g():
    x = "local"
    def h():
        return x
    return h()
print g()
def counter():
    n = 0
    def get():
        return n
    n = 5
    return get
print counter()()
def setg():
    global x
    x = "changed"
setg()
print x
def unbound():
    print y
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print e
try:
    print undefined
except NameError as e:
    print e
fs = [lambda: i for i in range(3)]
print [fn() for fn in fs]
fs = [(lambda j: lambda: j)(i) for i in range(3)]
print [fn() for fn in fs]
class K(object):
    a = 1
    b = [a * 2]
    def m(self):
        return K.a
print K.b, K().m()
