# _random: the Mersenne Twister must give CPython's numbers for the same
# seed (random.Random subclasses this type), and its state tuple must be
# interchangeable with CPython's.
import _random

r = _random.Random(42)
print [r.random() for _ in range(5)]
for seed in [0, 1, -1, 42, 2 ** 32, 2 ** 32 - 1, 2 ** 100 + 7, -(2 ** 70), 12345678901234567890, True,
             'hello', '', (1, 2), 1.5, 3.0]:
    r.seed(seed)
    print repr(seed), r.random(), r.random(), r.getrandbits(7)

s = _random.Random(2011)
st = s.getstate()
print type(st), len(st), repr(st[0]), repr(st[1]), repr(st[-1]), sum(st[:-1]) % 1000003
a = [s.random() for _ in range(700)]
s.setstate(st)
b = [s.random() for _ in range(700)]
print a == b, a[-1], s.getstate()[-1]

# getrandbits: 32 bits a word, from the low end.
s.seed(7)
print [s.getrandbits(k) for k in (1, 5, 31, 32, 33, 64, 65, 200)]

# jumpahead scrambles the state deterministically.
s.seed(99)
s.jumpahead(12345)
print s.random(), s.getstate()[-1]
s.jumpahead(-7)
s.jumpahead(2 ** 100)
print s.random()

# A subclass the way random.py builds on it.
class Rand(_random.Random):
    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None
    def choice(self, seq):
        return seq[int(self.random() * len(seq))]
    def shuffle(self, x):
        for i in reversed(xrange(1, len(x))):
            j = int(self.random() * (i + 1))
            x[i], x[j] = x[j], x[i]
r = Rand(42)
print r.choice('abcdefgh'), r.gauss_next, isinstance(r, _random.Random)
l = range(20)
r.shuffle(l)
print l

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__, e
t(r.getrandbits, 0)
t(r.getrandbits, 1.5)
t(r.getrandbits, 'x')
t(r.getrandbits, 2 ** 40)
t(r.jumpahead, 1.5)
t(r.setstate, [1])
t(r.setstate, (1,))
t(r.setstate, (1,) * 624 + (625,))
t(r.setstate, (5,) * 624 + (-1,))
t(r.setstate, (-1,) * 624 + (5,))
t(r.setstate, (2 ** 64,) * 624 + (5,))
t(r.setstate, (2 ** 40,) * 624 + (5,))
print r.random()
t(r.seed, 1, 2)
t(r.seed, [1])
t(_random.Random, x=1)
t(_random.Random, 1, 2)
t(Rand, 1, 2)
t(r.random, 1)
print _random.Random, _random.Random.__module__
