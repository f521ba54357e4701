def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("k")
    if n == 2:
        return [][1]
    if n == 3:
        return {}["missing"]
    if n == 4:
        return undefined_name
    return 1 / 0
for i in range(6):
    try:
        risky(i)
    except (ValueError, KeyError) as e:
        print "value/key:", type(e).__name__, e, repr(e.args)
    except LookupError, e:
        print "lookup:", type(e).__name__, e
    except Exception as e:
        print "other:", type(e).__name__, e
    else:
        print "no error"
    finally:
        print "finally", i
class MyError(Exception):
    def __init__(self, code):
        Exception.__init__(self, "code %d" % code)
        self.code = code
try:
    raise MyError(7)
except MyError as e:
    print e, e.code, e.args
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise
except TypeError as e:
    print "reraised", e
def f():
    try:
        return "try"
    finally:
        print "cleanup"
print f()
def g():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print "f", i
    return i
print g()
try:
    raise IndexError
except IndexError as e:
    print repr(e), str(e) == ""
import sys
try:
    raise RuntimeError("x")
except RuntimeError:
    t, v, tb = sys.exc_info()
    print t.__name__, v
