counter = 0
def bump():
    global counter
    counter += 1
    return counter
for _ in range(5):
    bump()
print counter
CONFIG = {"debug": False}
def set_debug():
    CONFIG["debug"] = True
set_debug()
print CONFIG
def shadow():
    counter = 100
    return counter
print shadow(), counter
print __name__, "__main__" == __name__
def uses_builtin():
    return len([1, 2, 3]), max(1, 2), abs(-3)
print uses_builtin()
len = lambda x: 42
print len([1])
del len
print len([1])
