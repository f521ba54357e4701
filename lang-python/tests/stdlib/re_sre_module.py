# _sre itself: constants, getlower, and compile() with hand-written code
# (the format sre_compile.py produces: opcode numbers from sre_constants).
import _sre
from sre_constants import OPCODES, ATCODES, CHCODES, SRE_FLAG_IGNORECASE, SRE_FLAG_LOCALE, SRE_FLAG_UNICODE

print _sre.MAGIC, _sre.CODESIZE, repr(_sre.MAXREPEAT), _sre.getcodesize(), repr(_sre.copyright)
print [_sre.getlower(c, 0) for c in (65, 90, 97, 0xc0, 0x100)]
print [_sre.getlower(c, SRE_FLAG_LOCALE) for c in (65, 0xc0, 0x100)]
print [_sre.getlower(c, SRE_FLAG_UNICODE) for c in (65, 0xc0, 0x130, 0x3a3, 0x212a, 0x17f, -5)]
print [_sre.getlower(c, SRE_FLAG_UNICODE | SRE_FLAG_LOCALE) for c in (65, 0xc0)]

L, S, F = OPCODES['literal'], OPCODES['success'], OPCODES['failure']
def compile(code, groups=0, gi=None, ig=None, flags=0):
    return _sre.compile('hand-made', flags, code, groups, gi or {}, ig or [None] * (groups + 1))

p = compile([L, 97, L, 98, L, 99, S])
print p.pattern, p.flags, p.groups, p.match('abcd').span(), p.search('xxabc').span(), p.match('ab'), p.findall('abcabc')

# A group: MARK 0 ... MARK 1, and a repeat of one character.
M, RO = OPCODES['mark'], OPCODES['repeat_one']
p = compile([M, 0, RO, 6, 1, _sre.MAXREPEAT, L, 120, S, M, 1, L, 121, S], 1, {'xs': 1}, [None, 'xs'])
m = p.search('axxxy')
print m.span(), m.group('xs'), m.lastgroup, m.groups()

# Sets: a 256-bit CHARSET and a BIGCHARSET (256 block numbers packed four
# per little-endian word, then 256-bit blocks).
def bitmap(chars, base=0):
    words = [0] * 8
    for c in chars:
        if base <= c < base + 256:
            words[(c - base) >> 5] |= 1 << ((c - base) & 31)
    return words
def in_set(items):
    body = items + [F]
    return [OPCODES['in'], len(body) + 1] + body
vowels = [ord(c) for c in 'aeiou']
p = compile(in_set([OPCODES['charset']] + bitmap(vowels)) + [S])
print p.findall('education'), p.findall('xyz')
def bigcharset(chars):
    blocks, numbers = [], []
    for hi in range(256):
        b = bitmap(chars, hi << 8)
        if b not in blocks:
            blocks.append(b)
        numbers.append(blocks.index(b))
    packed = [numbers[k] | numbers[k + 1] << 8 | numbers[k + 2] << 16 | numbers[k + 3] << 24 for k in range(0, 256, 4)]
    return [OPCODES['bigcharset'], len(blocks)] + packed + sum(blocks, [])
chars = [0x41, 0x100, 0x102, 0x3a3, 0xffff]
p = compile(in_set(bigcharset(chars)) + [S])
print repr(p.findall(u'A\u0100\u0101\u0102\u03a3\u03a4\uffff\U00010000B'))
p = compile(in_set([OPCODES['negate']] + bigcharset(chars)) + [S])
print repr(p.findall(u'A\u0100\u0101\U00010000'))
p = compile(in_set([OPCODES['category'], CHCODES['category_digit'], OPCODES['range'], 97, 99, L, 95]) + [S])
print p.findall('a1_d9c-')
p = compile([OPCODES['at'], ATCODES['at_boundary'], L, 97, S])
print p.findall('a aa ba')

# Code the validator refuses.
bad = [[], [S, L], [L, 97], [L], [OPCODES['call'], 2, S, S], [M, 5, S], [OPCODES['groupref'], 3, S],
       [OPCODES['in'], 5, L, 97, S], [RO, 4, 2, 1, L, 97, S, S], [RO, 99, 0, 1, L, 97, S, S],
       [OPCODES['jump'], 1, S], [OPCODES['at'], 99, S], [OPCODES['branch'], 4, L, 97, S, 0, S],
       [OPCODES['assert'], 2, 0, S], [OPCODES['in'], 4, OPCODES['category'], 99, F, S], [OPCODES['info'], 9, 0, 0, 0, S]]
for code in bad:
    try:
        compile(code, 1)
        print code, 'accepted'
    except RuntimeError as e:
        print code, e
for args in [('x', 0, [S], -1), ('x', 0, [S], 101), ('x', 0, [-1], 0), ('x', 0, [2 ** 32], 0), ('x', 0, (S,), 0),
             ('x', 'f', [S]), ('x', 0), ('x', 0, [S], 0, {}, [], 0)]:
    try:
        _sre.compile(*args)
        print 'accepted'
    except Exception as e:
        print type(e).__name__, e
for args in [(1,), (1, 2, 3), ('a', 0), (2 ** 40, 0)]:
    try:
        _sre.getlower(*args)
    except Exception as e:
        print type(e).__name__, e
