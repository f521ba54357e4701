class Countdown(object):
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def next(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print list(Countdown(5)), sum(Countdown(4)), [x * 2 for x in Countdown(3)]
class Seq(object):
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print list(Seq()), 9 in Seq(), 10 in Seq()
class Box(object):
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for it in self.items:
            yield it
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x in self.items
b = Box([3, 1, 2])
print sorted(b), len(b), 2 in b, 5 in b, bool(Box([])), list(enumerate(b))
it = iter(xrange(3))
print next(it), next(it), next(it), next(it, "done")
print list(iter(lambda: 1, 1)), map(lambda x, y: (x, y), [1, 2], [3, 4])
d = {"a": 1, "b": 2}
for k in sorted(d):
    print k,
print
print dict(zip(*[iter("abcdef")] * 2)) == {"a": "b", "c": "d", "e": "f"}
