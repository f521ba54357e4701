# Lib's random.py over our _random: the same numbers as CPython for the
# same seeds, through every distribution random.py builds on random().
import sys
import random

random.seed(42)
print [random.random() for _ in range(5)]
print random.randint(1, 100), random.choice('abcdef'), random.sample(range(100), 5), random.sample('xyz', 3)
l = range(20)
random.shuffle(l)
print l
print random.gauss(0, 1), random.uniform(1, 2), random.getrandbits(100), random.randrange(0, 10 ** 30, 7)
print random.normalvariate(0, 1), random.lognormvariate(0, 1), random.expovariate(2), random.vonmisesvariate(1, 2)
print random.gammavariate(0.5, 1), random.gammavariate(2, 3), random.betavariate(2, 3), random.paretovariate(3)
print random.weibullvariate(1, 2), random.triangular(), random.triangular(0, 10, 2)
for seed in ['seed', 12345678901234567890, -7, 3.25, (1, 'a')]:
    r = random.Random(seed)
    print repr(seed), r.random(), r.randrange(1000), r.getstate()[1][:2]
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print a == [random.random() for _ in range(3)], state[0], len(state[1]), state[2]
random.jumpahead(5)
print random.random()
print random.WichmannHill(3).random(), random.choice(range(1000))
class Mine(random.Random):
    def random(self):
        return 0.5
print Mine(1).choice('abc'), Mine(1).randrange(10)
