# binascii: every codec both ways on fixed and generated data, checksums,
# the lenient decoders' edge cases and the error types.
import binascii as b

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__, e

seed = [12345]
def rnd(n):
    # A small LCG so the data is the same on every run.
    out = []
    for _ in range(n):
        seed[0] = (seed[0] * 1103515245 + 12345) & 0x7fffffff
        out.append(chr((seed[0] >> 16) & 0xff))
    return ''.join(out)

samples = ['', 'a', 'ab', 'abc', 'abcd', 'hello world\n', '\x00\xff\x90\x90\x90\x90\x90x', 'aaaaaaaaaa' * 30,
           'line one \nline two\t\nend.', '.\n', 'tab\tend\t', 'x=y_z', 'a' * 80, 'crlf line \r\nnext\r\n',
           ' ' * 100, '\r', '=\n', 'caf\xe9']
samples += [rnd(n) for n in (1, 2, 3, 7, 45, 46, 100, 257)]

for s in samples:
    h = b.hexlify(s)
    e64 = b.b2a_base64(s)
    qp = b.b2a_qp(s)
    print repr(s[:20]), len(s), h[:40], repr(e64[:40])
    assert b.unhexlify(h) == s and b.a2b_hex(h.upper()) == s and b.b2a_hex(s) == h
    assert b.a2b_base64(e64) == s
    print ' qp', repr(qp[:80]), b.a2b_qp(qp) == s
    for flags in [(1, 1, 0), (0, 0, 0), (0, 1, 1), (1, 0, 1)]:
        print ' qp%s' % (flags,), repr(b.b2a_qp(s, *flags)[:60])
    print ' crc32', b.crc32(s), b.crc32(s, 1), b.crc32(s, -1), b.crc_hqx(s, 0), b.crc_hqx(s, 0x1234)
    if len(s) <= 45:
        u = b.b2a_uu(s)
        print ' uu', repr(u), b.a2b_uu(u) == s
    r = b.rlecode_hqx(s)
    print ' rle', repr(r[:40]), b.rledecode_hqx(r) == s
    hq = b.b2a_hqx(r)
    print ' hqx', repr(hq[:40]), b.a2b_hqx(hq + ':')[0] == r

# Incremental checksums.
print b.crc32('world', b.crc32('hello ')) == b.crc32('hello world')
print b.crc32('abc', 2 ** 32 + 5), b.crc32('abc', 2 ** 40), b.crc32('abc', -5L)
t(b.crc32, 'abc', 1.5)
t(b.crc32)
print b.crc_hqx('', 0x12345), b.crc_hqx('abc', -1)
t(b.crc_hqx, 'abc')
t(b.crc_hqx, 'abc', 2 ** 40)

# Lenient and strict decoding.
for s in ['YQ', 'YQ=', 'YQ==', 'Y=Q==', 'YWJj', 'YW Jj\n', 'YWJ=j', 'Y', '====', 'YQ==YQ==', '!YW#Jj', 'YWI=', 'YW==x']:
    t(b.a2b_base64, s)
for s in ['', ' ', '!', '#86)C\n', '#86)C', '#86)C   \n', '#86)Cx', '"\x7f', '$86)C86\n', '!`', 'AB']:
    t(b.a2b_uu, s)
t(b.b2a_uu, 'x' * 46)
for s in ['a=', 'a=3D', 'a=3d', 'a=3', 'a=\nb', 'a=\r\nb', 'a=  \nb', 'a==b', 'a=zzb', 'a_b', '=4', '=']:
    t(b.a2b_qp, s)
    t(b.a2b_qp, s, header=True)
t(b.a2b_qp, 'a=', 'x')
t(b.b2a_qp, 'a b_c', header=1)
t(b.b2a_qp, 'a', 1, 0, 1, 5)
t(b.b2a_qp, data='a', bogus=1)
for s in ['abc', 'ab:', 'a b', 'ab\ncd:', '!!!!', '!!!', '!!!!:']:
    t(b.a2b_hqx, s)
for s in ['\x90', 'a\x90', '\x90\x05', 'a\x90\x05', '\x90\x00b', 'ab\x90\x00', 'ab\x90\x01c']:
    t(b.rledecode_hqx, s)
t(b.unhexlify, 'abc')
t(b.unhexlify, 'zz')
t(b.hexlify, 5)
t(b.a2b_base64, 5)
t(b.b2a_base64, u'abc')
t(b.b2a_base64, u'\xe9')
t(b.hexlify)
print b.Error.__module__, b.Incomplete.__name__, issubclass(b.Error, Exception), issubclass(b.Incomplete, b.Error)
print sorted(n for n in dir(b) if not n.startswith('__'))
