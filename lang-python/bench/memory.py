# Issue 4's memory check: 2,000,000 instances of a class with three
# attributes and a dict of 1,000,000 int -> str entries, all alive at once.
# Run by memory.sh, which compares peak RSS with CPython 2.7's.


class Point(object):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


points = [Point(i, i + 1, i + 2) for i in xrange(2000000)]
names = dict((i, str(i)) for i in xrange(1000000))
print len(points), len(names), points[-1].z, names[999999]
