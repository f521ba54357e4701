# re: lookahead and lookbehind assertions.
import re

def s(p, text, pos=0):
    m = re.compile(p).search(text, pos)
    return m and (m.group(), m.span(), m.groups())

print s(r'Isaac (?=Asimov)', 'Isaac Asimov'), s(r'Isaac (?!Asimov)', 'Isaac Asimov'), s(r'Isaac (?!Asimov)', 'Isaac Newton')
print s(r'(?<=abc)def', 'abcdef'), s(r'(?<=-)\w+', 'spam-egg'), s(r'(?<!-)\b\w+', '-spam egg')
print s(r'(?<=a|b)c', 'bc'), s(r'(?<=ab|cd)e', 'cde'), s(r'(?<![a-z])\d', 'a1 2')
# A lookbehind may look before pos (but not before the string).
print s(r'(?<=a)b', 'ab', 1), s(r'(?<!a)b', 'ab', 1), s(r'(?<=^)b', 'b'), s(r'(?<=\A)x', 'x')
# Groups captured inside assertions.
print s(r'(?=(\w+))\w', 'hello'), s(r'(?<=(\d))x', '5x'), s(r'(?!(a)b)a\w', 'abac'), s(r'(?=(a)|b)\w', 'b')
print s(r'(\w)(?=\1)', 'abccd'), s(r'(?<=(a))(?=(b))', 'ab'), s(r'(a)(?<=a)', 'a')
# Assertions in loops, alternation and with anchors.
print re.findall(r'\w(?=\d)', 'a1b2cc3'), re.findall(r'(?<=\$)\d+', '$10 $20 30'), re.findall(r'(?:(?!ab).)+', 'xxabyyabz')
print re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'), re.split(r'(?<=[.!?]) +', 'Hi. How are you? Fine!')
print s(r'^(?=.*\d)(?=.*[a-z]).{6,}$', 'abc123'), s(r'^(?=.*\d)(?=.*[a-z]).{6,}$', 'abcdef')
print s(r'(?=a)*', 'a') if False else s(r'(?:(?=a))*a', 'a'), s(r'a(?=b)|a(?=c)', 'ac'), s(r'(?<=a)(?<!b)c', 'ac')
print s(r'(?i)(?<=A)b', 'ab'), s(u'(?u)(?<=\\w)\\b', u'\u0436 '), s(r'(?<=\n)x', 'a\nx'), s(r'(?m)(?<=^a)b', 'x\nab')

# Lookbehind needs a fixed width.
for p in (r'(?<=a+)b', r'(?<=a|bc)d', r'(?<!a*)b', r'(?<=(a|bc))d'):
    try:
        re.compile(p)
    except re.error as e:
        print p, 'error:', e
