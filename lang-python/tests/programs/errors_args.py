def f(a, b):
    return a + b
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2)]:
    try:
        call()
    except TypeError, e:
        print "TypeError:", e
def g(a, b=1, *rest):
    pass
try:
    g()
except TypeError as e:
    print e
class C(object):
    def m(self, x):
        return x
try:
    C().m()
except TypeError as e:
    print e
print C().m(5)
