# re: errors from bad patterns, bad arguments and the engine's own checks.
import re, sre_constants

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print 'ok', r if not hasattr(r, 'span') else r.span()
    except Exception as e:
        print type(e).__name__ + ':', e

print re.error is sre_constants.error, issubclass(re.error, Exception)
for p in ['(', ')', '[a', 'a**', '*a', 'a{2,1}', '(?P<1>x)', '(?P<a>x)(?P<a>y)', '(?P=nope)', r'\1', '(?<=a*)',
          '(?z)', 'x{1,2}{3}', '(?P<a', '[z-a]', '\\', '(?', '(?#unterminated', '(?(1)a|b|c)', '(?(x)a)', 'a|*']:
    try:
        re.compile(p)
        print repr(p), 'compiled'
    except re.error as e:
        print repr(p), 'error:', e
attempt(re.compile, 5)
attempt(re.compile, None)
attempt(re.match, 'a', 'a', 'x')

p = re.compile(r'(a)(b)?')
m = p.match('ab')
# Argument checking of pattern methods.
attempt(p.match)
attempt(p.match, 'ab', 0, 5, 'x')
attempt(p.match, 'ab', pattern='b')
attempt(p.match, string='ab', pattern='b')
attempt(p.match, pattern='ab')
attempt(p.match, 'ab', foo=1)
attempt(p.match, 'ab', 1, pos=2)
attempt(p.search, 'ab', '1')
attempt(p.search, 'ab', 1.5)
attempt(p.search, 'ab', None)
attempt(p.search, 'ab', 2 ** 70)
attempt(p.search, 'ab', 1L, 2L)
attempt(p.findall, 'ab', source='y')
attempt(p.findall, source='ab', pattern='x')
attempt(p.split, 'ab', 0, 2)
attempt(p.split, maxsplit=2)
attempt(p.finditer, string='ab')
attempt(p.finditer)
attempt(p.scanner, 'a', 1, 2, 3)
attempt(p.scanner, string='a')
# Match object methods.
attempt(m.group, 0, 1, 2, 'x')
attempt(m.groups, None, 1)
attempt(m.groupdict, x=1)
attempt(m.start, 1, 2)
attempt(m.span, 'q')
attempt(m.end, None)
attempt(m.expand)
attempt(m.expand, 5)
# Copying patterns and matches is not supported in 2.7.
attempt(p.__copy__)
attempt(p.__deepcopy__, {})
attempt(m.__copy__)
attempt(m.__deepcopy__, {})
attempt(p.__copy__, 1)
attempt(p.__deepcopy__)
# The objects cannot be made or changed directly.
for obj, attr in [(p, 'pattern'), (p, 'groups'), (m, 'pos'), (m, 'lastindex')]:
    try:
        setattr(obj, attr, 1)
        print 'set', attr
    except (AttributeError, TypeError) as e:
        print 'cannot set', attr
for t in (type(p), type(m), type(p.scanner(''))):
    try:
        t()
        print 'made', t
    except TypeError as e:
        print 'TypeError:', e
    try:
        class Sub(t):
            pass
        print 'subclassed'
    except TypeError as e:
        print 'TypeError: not subclassable'
