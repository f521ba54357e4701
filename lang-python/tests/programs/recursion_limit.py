import sys
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RuntimeError as e:
    print "RuntimeError:", e
sys.setrecursionlimit(20000)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print count(15000)
print sys.getrecursionlimit()
