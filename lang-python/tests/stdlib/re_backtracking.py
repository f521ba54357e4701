# re: backtracking over long subjects (the matcher keeps its own stack, so
# these cannot overflow the native one), lazy/greedy choices, empty loops.
import re

n = 100000
s = 'ab' * n + 'c'
m = re.match(r'(a|b)*c', s)
print m.span(), m.group(1), m.lastindex
m = re.match(r'(?:a|b)*?c', s)
print m.span()
m = re.match(r'((a)|(b))*c', s)
print m.span(), m.groups()
print re.match(r'(ab)*c', s).span(), re.match(r'(?:ab)+$', s[:-1]).span(), re.match(r'(ab)+?c', s).group(1)
print re.search(r'(a|b)*d', 'ab' * 2000 + 'x')
short = s[-2001:]
print len(re.findall(r'(?:a|b)', short)), len(re.sub(r'(a)(b)', r'\2\1', short)), re.sub(r'(a)(b)', r'\2\1', short)[:6]
print re.match(r'(?:(a)|b)*', 'ab' * 50000).groups(), re.match(r'(a*)*', 'a' * 50000).span()
print re.match(r'.*c', s).end(), re.match(r'.*?c', s).end(), re.match(r'(?s).*', s + '\n' * 10).end()
print re.match(r'(?:a(?=b)|b(?!x))*c', s).end(), re.search(r'(\w)\1', 'ab' * n + 'cc').span()
print re.match(r'(?:\w+\s?)*$', 'word ' * 20000).end()

# Greedy versus lazy.
t = '<a><b></b></a>'
print re.match(r'<.*>', t).group(), re.match(r'<.*?>', t).group(), re.findall(r'<(.+?)>', t)
print re.match(r'(a+)(a*)', 'aaaa').groups(), re.match(r'(a+?)(a*)', 'aaaa').groups(), re.match(r'(a*?)(a?)$', 'aa').groups()
print re.match(r'(a{2,3})(a*)', 'aaaaa').groups(), re.match(r'(a{2,3}?)(a*)', 'aaaaa').groups(), re.match(r'(a{,2})a', 'aaa').groups()
print re.match(r'(\d+)(\d{3})', '1234567').groups(), re.match(r'(\d+?)(\d{3})$', '1234567').groups()

# Loops whose body can match the empty string stop instead of spinning.
for p in [r'(a*)*', r'(a*)+', r'(a?)*?b', r'(?:a*?)*?$', r'(|a)*b', r'(?:()|a)*b', r'(a|)*?b', r'(?:x*)*y', r'(?:\b)*a']:
    m = re.search(p, 'aab')
    print p, m and (m.span(), m.groups())

# Classic exponential shapes stay fine on small inputs.
print re.match(r'(a+)+b', 'a' * 18), re.match(r'(a|aa)+$', 'a' * 24 + 'b'), re.match(r'(x+x+)+y', 'x' * 16)
print re.match(r'(?:a|a)*c', 'a' * 18 + 'c').end()

# Large repeat counts.
print re.match(r'a{1000}', 'a' * 1500).end(), re.match(r'(?:ab){500,}', 'ab' * 700).end(), re.match(r'a{3,65535}', 'aaa').end()
print re.match(r'(?:a{2}){3}', 'a' * 7).end(), re.search(r'x{0}y', 'xy').span()
