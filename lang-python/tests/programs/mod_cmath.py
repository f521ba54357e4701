# The cmath module: C99 special values, branch cuts (signed zeros), error
# rules and argument conversion of CPython 2.7.
import cmath

inf = float('inf'); nan = float('nan')
kinds = [-inf, -2.5, -0.0, 0.0, 2.5, inf, nan]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp',
         'log', 'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh']

def show(f, *a):
    try:
        return repr(f(*a))
    except (ValueError, OverflowError) as e:
        return '%s(%s)' % (type(e).__name__, e)

# Every function on the 7x7 grid of special real/imaginary parts.
for n in names:
    f = getattr(cmath, n)
    print n
    for x in kinds:
        print ' ', ' '.join(show(f, complex(x, y)) for y in kinds)
print 'rect'
for x in kinds:
    print ' ', ' '.join(show(cmath.rect, x, y) for y in kinds)

# Finite arguments: tiny, huge, near 1, overflow thresholds.
for x in [0.5, 1.0, 1e-310, 1e300, 800.0, -800.0, 710.0, 1 + 1e-9]:
    for y in [0.0, -0.0, 0.5, -1e-310, 1e300, 3.0, -800.0]:
        z = complex(x, y)
        print repr(z), ' '.join(show(getattr(cmath, n), z) for n in names)
        print '  polar', show(cmath.polar, z), 'phase', show(cmath.phase, z), cmath.isnan(z), cmath.isinf(z)

# Branch cuts: the sign of a zero imaginary part picks the side.
for n in ['sqrt', 'log', 'acos', 'asin', 'atanh', 'acosh']:
    f = getattr(cmath, n)
    print n, f(complex(-4, 0.0)), f(complex(-4, -0.0)), f(complex(4, 0.0)), f(complex(4, -0.0))
for n in ['atan', 'asinh']:
    f = getattr(cmath, n)
    print n, f(complex(0.0, 4)), f(complex(-0.0, 4)), f(complex(0.0, -4)), f(complex(-0.0, -4))

# log with a base: only the base's log and the division report errors.
for a, b in [(0, 2), (2, 0), (0, 0), (1, 1), (8, 2), (2, 1j), (100, 10), (1j, 1j), (-1, -1)]:
    print 'log', a, b, show(cmath.log, a, b)
print cmath.log10(1000), cmath.log10(-100), cmath.exp(1j * cmath.pi)
print cmath.polar(-1), cmath.polar(1j), cmath.rect(2, cmath.pi / 2), cmath.rect(1, -0.0), cmath.rect(-1, 0.0)
print cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.phase(0), cmath.phase(-0.0)
print repr(cmath.pi), repr(cmath.e)

# Argument conversion: complex, __complex__, numbers, __float__.
class Cx(object):
    def __complex__(self): return 3 + 4j
class Fl(object):
    def __float__(self): return 16.0
class Bad(object):
    def __complex__(self): return 1
print cmath.sqrt(Cx()), cmath.sqrt(Fl()), cmath.sqrt(4L), cmath.sqrt(True), cmath.polar(Cx())
for bad in ['x', None, [1], Bad()]:
    try:
        cmath.sqrt(bad)
    except TypeError as e:
        print 'TypeError', e

def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print type(e).__name__, e
err(cmath.sqrt)
err(cmath.sqrt, 1, 2)
err(cmath.sqrt, z=1)
err(cmath.log)
err(cmath.log, 1, 2, 3)
err(cmath.rect, 1)
err(cmath.rect, 'a', 1)
err(cmath.phase)
err(cmath.polar, 1, 2)
err(cmath.isnan)
err(cmath.exp, 1000)
err(cmath.cosh, complex(1000, 1))
err(cmath.sinh, complex(-1000, 1))
err(cmath.atanh, 1)
err(cmath.log, 0)
err(cmath.polar, complex(1e308, 1e308))
err(cmath.phase, complex(1e300, -1e-310))
print sorted(k for k in dir(cmath) if not k.startswith('_'))
