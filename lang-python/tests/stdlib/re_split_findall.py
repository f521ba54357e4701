# re: split, findall, finditer, scanner and re.Scanner.
import re

print re.split(r'\W+', 'Words, words, words.')
print re.split(r'(\W+)', 'Words, words, words.')
print re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'a b c', maxsplit=-1)
print re.split('[a-f]+', '0a3B9', flags=re.I) if False else re.split('(?i)[a-f]+', '0a3B9')
print re.split(r'(a)|(b)', 'xaybz'), re.split(r'(?:a)|(b)', 'xaybz')
# Empty matches never split in 2.7.
print re.split('x*', 'axbc'), re.split('(x*)', 'axbc'), re.split('', 'abc'), re.split(r'\b', 'a b')
print re.split('x*', ''), re.split('x', ''), re.split('x', 'x'), re.split('(x)', 'xax')
print re.split('(?m)^$', 'a\n\nb'), re.split(r'\s*', ' a  b ')
p = re.compile(',')
print p.split('a,b,,c,'), p.split(string='1,2', maxsplit=1), p.split(source='q,r')
print repr(p.split(u'x,y')), re.split(u',', 'a,b')

print re.findall(r'\d+', 'a1b22c333d'), re.findall(r'(\d)(\w)', 'a1b22c333d'), re.findall(r'(\d)\w', 'a1b22c3')
print re.findall(r'(a)|(b)', 'ab'), re.findall('x*', 'axxb'), re.findall('', ''), re.findall(r'\bw\w*', 'we want words')
print re.findall(r'(?:a(b)?)+', 'aab a'), re.findall('a', 'aaa', re.I), re.findall(r'(a)(?:(b)|c)', 'acab')
q = re.compile(r'\w')
print q.findall('abcdef', 2), q.findall('abcdef', 1, 3), q.findall('abc', -5, 50), q.findall('abc', 2, 1)
print q.findall(string='ab', pos=1), q.findall(source='xy')
print repr(re.findall(u'.', u'\xe9\u1234')), re.findall('(?s).', 'a\nb')

# finditer yields match objects; pos/endpos as for search.
for m in re.finditer(r'(\w)(\d)?', 'a1 b c3'):
    print m.span(), m.groups(), m.lastindex,
print
print [m.span() for m in re.compile('x*').finditer('axx')], [m.group() for m in q.finditer('abcd', 1, 3)]
it = re.finditer('a', 'banana')
print type(it).__name__, next(it).start(), [m.start() for m in it]

# The scanner behind finditer; match() advances by one after a failure.
sc = re.compile(r'\d').scanner('1a23')
print sc.pattern.pattern, [(m and m.span()) for m in [sc.match(), sc.match(), sc.match(), sc.match(), sc.match()]]
sc = re.compile(r'\d').scanner('1a23')
print [(m and m.span()) for m in [sc.search(), sc.search(), sc.search(), sc.search()]]
sc = re.compile('').scanner('ab', 1)
print [(m and (m.span(), m.pos, m.endpos)) for m in [sc.search(), sc.search(), sc.search()]]

# re.Scanner: a lexicon of patterns with actions.
def num(scanner, tok):
    return ('NUM', int(tok))
scanner = re.Scanner([
    (r'\d+', num),
    (r'[a-z_]\w*', lambda s, t: ('NAME', t)),
    (r'[-+*/=]', lambda s, t: ('OP', t)),
    (r'\s+', None),
])
print scanner.scan('x = 3 + 42*y_1')
print scanner.scan('a ? b')
