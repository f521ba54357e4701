def a(x):
    return b(x) + 1
def b(x):
    return c(x)
def c(x):
    return x / 0
print "before"
a(1)
print "after"
