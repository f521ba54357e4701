print eval("1 + 2 * 3")
ns = {}
exec "a = 5\nb = a * 2" in ns
print ns["a"], ns["b"]
g = {"x": 10}
print eval("x + 1", g)
code = compile("y = 3", "<test>", "exec")
exec code in g
print g["y"]
exec "print 'from exec'"
def f():
    return eval("2 ** 5")
print f()
