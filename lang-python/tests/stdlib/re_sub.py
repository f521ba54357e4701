# re: sub/subn with literal, template and callable replacements.
import re

def attempt(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__, e

print re.sub(r'\d', '#', 'a1b22c333')
print re.sub(r'\d', '#', 'a1b22c333', 2), re.sub(r'\d', '#', 'a1b22c333', count=4)
print re.subn(r'\d', '#', 'a1b22c333'), re.subn(r'\d+', '#', 'a1b22c333', 1), re.subn('z', '#', 'abc')
print re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'mail joe@example.com or ann@test.com')
print re.sub(r'(?P<y>\d{4})-(?P<m>\d\d)', r'\g<m>/\g<y> (\g<0>) \g<1>', 'date 2020-05 end')
print repr(re.sub('x', r'\n\t\\', 'axb')), repr(re.sub('x', '\\q', 'axb'))
print re.sub('(a)', r'\1\1', 'banana'), re.sub('(a)', r'\g<1>0', 'banana')
attempt(re.sub, '(a)|b', r'[\1]', 'ab')
print re.sub('(a)|(b)', lambda m: str(m.lastindex), 'abba')

# Empty matches: sub inserts between characters but not right after a match.
print re.sub('x*', '-', 'abxd'), re.sub('x*', '-', ''), re.sub('', '-', 'abc'), re.sub('x+|', '-', 'axxb')
print re.subn('(?=b)', '^', 'abab'), re.sub('$', '!', 'line\n'), re.sub('(?m)^', '> ', 'a\nb\n')
print re.sub(r'\b', '|', 'hi there'), re.subn('a*', 'X', 'baaac')

# Callables get the match object; None means "remove".
def up(m):
    return m.group().upper()
print re.sub(r'[aeiou]', up, 'education'), re.sub('a', lambda m: None, 'banana')
print re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'x=3 y=15')
print re.sub('(.)', lambda m: '%d%s' % (m.start(), m.group(1)), 'abc')
class Rep(object):
    def __call__(self, m):
        return '<%s>' % m.group()
print re.sub('b', Rep(), 'abcb')
seen = []
def spy(m):
    seen.append((m.pos, m.endpos, m.string, m.re.pattern))
    return ''
re.sub('b', spy, 'abcb')
print seen

# str/unicode mixing: the result type follows the pieces.
print repr(re.sub('a', u'\xe9', 'banana')), repr(re.sub(u'a', 'o', u'banana')), repr(re.sub('a', 'o', u'b\xe0na'))
print repr(re.sub('a', lambda m: u'\u1234', 'ab')), repr(re.sub('z', u'', 'ab')), repr(re.sub('(b)', u'\\1', 'ab'))
class U(unicode):
    pass
print repr(re.sub('x', 'y', U(u'axb'))), repr(re.sub('q', 'y', 'axb'))
print repr(re.sub('b', 'c', bytearray('abc')))

# Pattern objects: sub/subn methods and keyword arguments.
p = re.compile(r'\s+')
print p.sub(' ', 'a  b \t c'), p.subn(repl='_', string='a b c', count=1), p.sub('', '   ')
# expand via the template machinery
m = re.search(r'(?P<a>x)(y)?', 'xz')
print repr(m.expand(r'\g<a>')), repr(m.expand(r'[\1]'))
attempt(m.expand, r'\2')

# Errors in templates and replacements.
attempt(re.sub, '(a)', r'\2', 'a')
attempt(re.sub, '(a)', r'\10', 'banana')
attempt(re.sub, '(a)', r'\g<nope>', 'a')
attempt(re.sub, '(a)', r'\g<1', 'a')
attempt(re.sub, '(a)', r'\g<>', 'a')
attempt(re.sub, '(a)', r'\g<-1>', 'a')
attempt(re.sub, 'a', 1, 'a')
attempt(re.sub, 'a', 'b', 1)
attempt(re.sub, 'a', lambda m: 1, 'a')
attempt(re.sub, 'a', lambda m: 1 / 0, 'xa')
attempt(re.sub, 'a', 'b', 'a', 'x')
attempt(re.compile('a').sub, 'b')
attempt(re.compile('a').subn, 'b', 'a', 1, 2)
attempt(re.compile('a').sub, 'b', 'a', foo=1)
attempt(re.compile('a').sub, 'b', 'aaa', -1)
