# A first Python 2.7 program for vmbench.
def greet(names):
    for i, name in enumerate(names):
        print "%d. Hello, %s!" % (i + 1, name)

greet(["world", "vmbench"])
squares = [n * n for n in range(10)]
print "squares:", squares, "sum:", sum(squares)
