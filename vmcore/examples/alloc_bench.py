# The allocation pattern of alloc_bench.rs, for CPython 2.7:
#   python2.7 vmcore/examples/alloc_bench.py [N]
import sys, time
n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000000
start = time.time()
head = None
for i in xrange(n):
    head = (None if i % 100 == 0 else head, i, i, i)
secs = time.time() - start
print "%d objects in %.3f s: %.1f M objects/s" % (n, secs, n / secs / 1e6)
