import sys
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code):
        AppError.__init__(self, table, code)
        self.table = table
    def __str__(self):
        return "db error on %s" % self.table
def layer(n):
    try:
        if n == 0:
            raise DbError("users", 7)
        return layer(n - 1)
    finally:
        pass
try:
    layer(3)
except AppError as e:
    print type(e).__name__, e, e.args, e.table, isinstance(e, Exception)
def swallow():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as inner:
            return str(inner)
print swallow()
results = []
for exc in [ValueError, TypeError, KeyError, ZeroDivisionError, AttributeError]:
    try:
        raise exc("msg")
    except (ValueError, TypeError):
        results.append("vt")
    except LookupError:
        results.append("lookup")
    except ArithmeticError:
        results.append("arith")
    except Exception:
        results.append("other")
print results
def gen_cleanup():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print "generator exit"
        raise
g = gen_cleanup(); g.next(); g.close()
try:
    raise KeyError
except KeyError as e:
    print repr(e), e.args
try:
    int("abc")
except ValueError as e:
    print e
try:
    [].pop()
except IndexError as e:
    print e
try:
    None.attr
except AttributeError as e:
    print e
try:
    len(5)
except TypeError as e:
    print e
try:
    raise SystemExit(0)
except SystemExit as e:
    print "caught SystemExit", e.code
assert True, "never"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print "AssertionError:", e
print sys.exc_info()[0] is None or True
