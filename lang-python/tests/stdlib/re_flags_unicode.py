# re: flags (I, L, M, S, U, X) and unicode subjects.
import re

def f(p, s, flags=0):
    return re.findall(p, s, flags)

print f(r'[a-z]+', 'HeLLo World', re.I), f(r'hello', 'HELLO hello HeLlO', re.IGNORECASE), f('(?i)[^a-z]', 'aB1_')
print f(r'(?i)\xe9', '\xc9\xe9'), f(r'(?iL)\xe9', '\xc9\xe9'), f(r'(?i)\w+', 'Stra\xdfe')
print repr(f(u'(?iu)\xe9', u'\xc9\xe9')), repr(f(u'(?i)\xe9', u'\xc9\xe9')), repr(f(u'(?iu)[\xe0-\xff]+', u'\xc0\xc9 \xe0'))
print repr(f(u'(?iu)\u0436', u'\u0416\u0436')), repr(f(u'(?iu)[\u0430-\u044f]+', u'\u041f\u0440\u0438\u0432\u0435\u0442'))
# Case-insensitive equivalences sre_compile adds (long s, kelvin, sigmas, mu...).
print repr(f(u'(?iu)s', u's S \u017f')), repr(f(u'(?iu)\u017f', u's S \u017f')), repr(f(u'(?iu)[r-t]', u'\u017f'))
print repr(f(u'(?iu)k', u'k K \u212a')), repr(f(u'(?iu)\u03c3', u'\u03a3\u03c3\u03c2')), repr(f(u'(?iu)\xb5', u'\u039c\u03bc\xb5'))
print repr(f(u'(?i)s', u'\u017f')), repr(f(u'(?iu)[^s]', u'\u017fx')), repr(f(u'(?iu)\u0130', u'i\u0130I'))
print re.match(r'(?i)(a)\1', 'aA').group(), re.match(u'(?iu)(\xe9)\\1', u'\xe9\xc9').span()

# \w \d \s \b with and without UNICODE.
s = u'caf\xe9 \u0436\u0437 na\xefve_1 \u4e2d\u6587 x\u00b2'
print repr(f(r'\w+', s)), repr(f(r'(?u)\w+', s)), repr(f(r'\w+', s, re.U))
print repr(f(r'(?u)\W+', s)), repr(f(r'(?u)\b\w', s)), repr(f(r'\b\w', s))
d = u'12 \u0661\u0662 \uff13 \xb2'
print repr(f(r'\d+', d)), repr(f(r'(?u)\d+', d)), repr(f(r'(?u)\D+', d))
sp = u'a\tb\xa0c\u3000d\x85e\x1cf\u2028g'
print repr(f(r'\s', sp)), repr(f(r'(?u)\s', sp)), repr(f(r'(?u)\S+', sp))
print f(r'(?u)\w+', 'caf\xe9 ok'), f(r'\w+', 'caf\xe9 ok'), f(r'(?L)\w+', 'caf\xe9 ok')
print repr(f(u'[\u0100-\u0200]+', u'a\u0101\u01ffz\u0201')), repr(f(u'[^\x00-\x7f]', u'a\xe9\u1234'))
print repr(f(u'\U0001d11e+', u'x\U0001d11e\U0001d11ey')), repr(f(u'.', u'\U0001d11e'))

# MULTILINE, DOTALL, VERBOSE, and combinations.
text = 'first line\nsecond line\n\nlast'
print f(r'^\w+', text), f(r'^\w+', text, re.M), f(r'\w+$', text, re.M), f(r'(?m)^$', text)
print f(r'.+', 'a\nb'), f(r'.+', 'a\nb', re.S), f(r'(?s)a.b', 'a\nb'), f(r'(?ms)^.', 'a\nb')
print f(r'''(?x)
    (\d+)    # number
    \s* [+] \s*
    (\d+)    # another
''', '12 + 30, 1+2'), f(r'(?x)[ #]', 'a b#c'), f(r'(?x)a\ b', 'a b')
print re.compile('a', re.I | re.M).flags, re.compile('(?imsx)a').flags, re.compile(u'a', re.U).flags
print re.compile('(?L)a').flags, re.compile('(?u)a').flags, re.I, re.L, re.M, re.S, re.U, re.X
print re.IGNORECASE, re.LOCALE, re.MULTILINE, re.DOTALL, re.UNICODE, re.VERBOSE, re.DEBUG, re.TEMPLATE

# Unicode subjects through sub/split and lookarounds.
print repr(re.sub(u'(?u)\s+', u' ', u'a\u3000\u3000b\n c')), repr(re.split(u'(?u)\W+', u'\u0436,\u0437;x'))
print repr(re.sub(r'(?u)(?<=\w)\b', u'|', u'\u0436\u0437 ab'))
print repr(re.search(u'(?u)^\w+$', u'\u0436\u0437\u0438').group()), re.search(u'\\w+$', u'\u0436\u0437\u0438')
