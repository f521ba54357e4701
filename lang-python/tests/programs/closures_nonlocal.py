def make_counter(start):
    count = [start]
    def inc(step=1):
        count[0] += step
        return count[0]
    def get():
        return count[0]
    return inc, get
inc, get = make_counter(10)
inc(); inc(5)
print get()
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print [f(10) for f in make_adders()]
def outer():
    x = 1
    def middle():
        def inner():
            return x * 100
        return inner()
    return middle()
print outer()
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print compose(lambda x: x + 1, lambda x: x * 2)(5)
def memo(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapped
@memo
def fibm(n):
    return n if n < 2 else fibm(n - 1) + fibm(n - 2)
print fibm(80)
def deco_args(tag):
    def deco(fn):
        def w(*a, **k):
            return "<%s>%s</%s>" % (tag, fn(*a, **k), tag)
        return w
    return deco
@deco_args("b")
@deco_args("i")
def text(s, suffix=""):
    return s + suffix
print text("hi", suffix="!")
print (lambda *a, **k: (a, sorted(k.items())))(1, 2, x=3)
