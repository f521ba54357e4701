# re: match/search semantics, pos/endpos, pattern and match attributes.
import re

def show(m):
    if m is None:
        return None
    return (m.group(), m.span(), m.pos, m.endpos)

p = re.compile(r'\d+')
print show(p.match('123abc')), show(p.match('abc123')), show(p.search('abc123def456'))
print show(p.search('abc123', 4)), show(p.search('abc123', 0, 4)), show(p.match('abc123', 3))
print show(p.search('abc123', -100, 100)), show(p.search('abc123', 10)), show(p.search('12', 1, 1))
print show(p.match('123', pos=1, endpos=2)), show(p.search(string='x9', pos=0))

# ^ and \A look at the real start of the string, not at pos; $ and \Z at endpos.
print show(re.compile('^a').search('ba', 1)), show(re.compile(r'\Aa').match('ba', 1))
print show(re.compile('a$').search('aab', 0, 2)), show(re.compile(r'a\Z').search('aab', 0, 2))
print show(re.compile('(?m)^b').search('a\nb', 1)), show(re.compile('$').search('ab\n'))
print show(re.compile(r'x$').search('x\n')), show(re.compile(r'x\Z').search('x\n'))
# pos past endpos: match() still runs (an empty pattern matches there).
print show(re.compile('').match('abc', 2, 1)), show(re.compile('x*').match('abc', 2, 1))
print show(re.compile('').search('abc', 2, 1)), show(re.compile('(?m)$').match('a\nb', 1, 0))

# Module-level helpers and the cache.
print re.match('a', 'abc').group(), re.search('c', 'abc').start(), re.match('b', 'abc')
print re.compile(p) is p, re.compile('x', re.I).flags, re.compile('(?i)x').flags
re.purge()
print re.escape('a.b*c?d[e]f(g)h+i|j{k}l^m$n\\o p_9'), repr(re.escape(u'\xe9-x'))

# Pattern attributes.
q = re.compile(r'(?P<word>\w+)\s(\d)?(?:x)', re.M)
print q.pattern, q.flags, q.groups, sorted(q.groupindex.items())
print type(q).__name__, type(q.match('ab 1x')).__name__
print re.compile(u'\u1234').pattern == u'\u1234', re.compile('').groups

# Match attributes.
m = q.search('>> hello 5x <<')
print m.string, m.re is q, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs
print m.start(), m.end(), m.span(), m.start(1), m.end('word'), m.span(2), m.start(0)
print bool(m), m.group(0, 1, 2, 'word')

# Subjects: str subclasses, unicode, bytearray; mixing str and unicode.
class S(str):
    pass
m = re.search('b+', S('abbc'))
print m.group(), type(m.group()).__name__, type(m.string).__name__
m = re.search(u'b+', 'abbc')
print repr(m.group())
m = re.search('b+', u'a\u1234bbc')
print repr(m.group()), m.span()
m = re.search('b+', bytearray('abbc'))
print repr(m.group()), m.span()
print re.findall('[bc]', bytearray('abcb'))
for bad in (None, 5, ['a'], 1.5):
    try:
        re.search('a', bad)
    except TypeError as e:
        print 'TypeError', e
# The whole string is returned as itself.
s = 'whole'
print re.match('.*', s).group() is s

# Empty pattern and empty subject.
print show(re.match('', '')), show(re.search('', 'abc', 3)), re.findall('', 'ab')
