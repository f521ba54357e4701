# re: groups, named groups, lastindex/lastgroup, captures after backtracking.
import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'Isaac Newton')
print m.group(), m.group(1), m.group(2, 1), m.group(3), m.groups(), m.groups('-')
print m.groups(default=0), m.span(3), m.start(3), m.end(3), m.regs

m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<mid> \w+)?', 'Jane Doe')
print sorted(m.groupdict().items()), sorted(m.groupdict('?').items()), sorted(m.groupdict(default=1).items())
print m.group('first'), m.start('last'), m.span('mid'), m.lastgroup, m.lastindex
print m.group(1L), m.group(True), m.group(False)
for g in (4, -1, 'nope', None, 1.0, [1], 2**70):
    try:
        m.group(g)
    except IndexError as e:
        print 'IndexError', e
for f in (m.start, m.end, m.span):
    try:
        f('zz')
    except IndexError as e:
        print f.__name__, 'IndexError', e

# lastindex is the last group *closed*; lastgroup its name (if any).
for pat, s in [(r'(a)b', 'ab'), (r'((a)b)', 'ab'), (r'(a)(b)', 'ab'), (r'(?P<x>a)|(?P<y>b)', 'b'), (r'(a)?b', 'b'),
               (r'a', 'a'), (r'((?P<in>a))', 'a'), (r'(?P<o>(a))', 'a')]:
    m = re.match(pat, s)
    print pat, m.lastindex, m.lastgroup

# Backreferences, also case-insensitive and to groups that did not match.
print re.search(r'(\w+) \1', 'say hello hello').group(1)
print re.search(r'(?i)(\w+) \1', 'HeLLo hello').group()
print re.match(r'(a)?\1', 'aa').group(), re.match(r'(a)?\1', 'b'), re.match(r'(?P<q>[\'"]).*?(?P=q)', '"x\'y"').group()
# Conditional groups.
for s in ['<a>', 'a', '<a', 'a>']:
    m = re.match(r'(<)?a(?(1)>|$)', s)
    print repr(s), m and m.group()
print re.match(r'(?P<n>x)?(?(n)y|z)', 'xy').group(), re.match(r'(?P<n>x)?(?(n)y|z)', 'z').group()

# What a group holds after backtracking: CPython's exact rules.
tests = [
    (r'(a|ab)(c|bcd)(d*)', 'abcd'),
    (r'((a)|b)+', 'ab'),
    (r'((a)|b)*?c', 'abc'),
    (r'(a)|b', 'b'),
    (r'(?:(a)|b)+', 'ab'),
    (r'(?:(a)|(b))+', 'abab'),
    (r'(a*)+', 'aa'),
    (r'(a*)*b', 'aab'),
    (r'(a+|b+)*c', 'aabbc'),
    (r'(a)(?:x|y)|(a)z', 'az'),
    (r'(?:(x)|y)*z', 'xyz'),
    (r'(?:(x)|y)*?z', 'xyz'),
    (r'(\d)+', '1234'),
    (r'(\d)+?', '1234'),
    (r'(\d){2}', '1234'),
    (r'(?:(\d)\d)*', '1234'),
    (r'([ab]*?)(b)?c', 'abc'),
    (r'(a(b)?)+', 'aba'),
    (r'(?=(a))ab', 'ab'),
    (r'(?!(a)c)ab', 'ab'),
    (r'(.)*?x', 'abx'),
    (r'(a|(b))+', 'ba'),
]
for pat, s in tests:
    m = re.search(pat, s)
    print pat, m.span(), m.groups(), m.lastindex

# Many groups.
pat = ''.join('(%s)' % c for c in 'abcdefghijklmnopqrstuvwxyz')
m = re.match(pat, 'abcdefghijklmnopqrstuvwxyz')
print m.groups()[-3:], m.lastindex, m.span(26)
print re.match('(a)' * 99, 'a' * 99).group(99)

# Match objects are always true and expose expand().
m = re.match(r'(?P<k>\w+)=(?P<v>\w+)', 'key=val')
print m.expand(r'\2:\1 \g<k> \g<v>! \g<0>'), repr(m.expand('\\n\\t')), m.expand(u'<\\1>')
