class Ctx(object):
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print "enter", self.name
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print "exit", self.name, t.__name__ if t else None, v
        return self.swallow
with Ctx("a") as x:
    print "body", x
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
print "after b"
try:
    with Ctx("c"):
        raise KeyError("kept")
except KeyError as e:
    print "got", e
with Ctx("d") as d, Ctx("e") as e:
    print d, e
def f():
    with Ctx("r"):
        return "ret"
print f()
for i in range(2):
    with Ctx("loop%d" % i):
        if i == 0:
            continue
        break
