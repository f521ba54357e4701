# _codecs' base codecs directly: (result, consumed) tuples, final and
# byte-order handling, charmaps, escapes, and the error handlers.
import _codecs as c

def t(f, *a):
    try:
        print repr(f(*a))
    except Exception as e:
        print type(e).__name__, e, e.args

text = u'a\xe9\u20ac\U0001f600z'
for name in ['utf_8', 'utf_7', 'utf_16', 'utf_16_le', 'utf_16_be', 'utf_32', 'utf_32_le', 'utf_32_be',
             'unicode_escape', 'raw_unicode_escape', 'unicode_internal']:
    enc = getattr(c, name + '_encode')
    dec = getattr(c, name + '_decode')
    data, n = enc(text)
    print name, repr(data), n, dec(data) == (text, len(data))

# Incremental decoding: a sequence cut at the end waits for more input.
for name, data in [('utf_8', 'ab\xc3'), ('utf_8', 'ab\xe2\x82'), ('utf_16', 'a\x00b'), ('utf_16_le', '=\xd8'),
                   ('utf_32', 'a\x00\x00\x00b'), ('utf_7', 'a+AGE'), ('utf_7', '+AGEA')]:
    dec = getattr(c, name + '_decode')
    t(dec, data, 'strict', False)
    t(dec, data, 'strict', True)
t(c.utf_8_decode, 'ab\xc3')
t(c.utf_8_decode, 'ab\xff', 'strict', False)
t(c.utf_8_decode, 'a\xffb\xc3(c', 'replace', True)
t(c.utf_8_decode, 'a\xffb\xc3(c', 'ignore', True)
t(c.utf_8_encode, 'abc')
t(c.utf_8_encode, 'ab\xe9')
t(c.utf_8_encode, 5)

# Byte orders.
t(c.utf_16_encode, u'ab', 'strict', 0)
t(c.utf_16_encode, u'ab', 'strict', 1)
t(c.utf_16_encode, u'ab', 'strict', -1)
t(c.utf_32_encode, u'a')
t(c.utf_16_ex_decode, '\xfe\xff\x00a', 'strict', 0, False)
t(c.utf_16_ex_decode, '\xff\xfea\x00', 'strict', 0, True)
t(c.utf_16_ex_decode, '\x00a', 'strict', 1, False)
t(c.utf_16_ex_decode, 'a\x00', 'strict', 0, False)
t(c.utf_32_ex_decode, '\x00\x00\xfe\xff\x00\x00\x00a', 'strict', 0, True)
t(c.utf_16_decode, '\x00\xd8a\x00', 'strict', True)
t(c.utf_16_decode, '\x00\xdca\x00', 'strict', True)
t(c.utf_16_decode, '\x00\xdca\x00', 'replace', True)
t(c.utf_32_decode, '\x00\x00\x11\x00', 'strict', True)

# UTF-7 details.
print repr(c.utf_7_encode(u''.join(unichr(i) for i in range(128)))[0])
for s in ['+AGEAYgBj-', '+AGE', '+AG', 'a+', '+!', 'a~b', '+2D3eAA-', '+2D3-', '\x80', '+AGE-x', '+-']:
    t(c.utf_7_decode, s, 'strict', True)

# Single-byte codecs and charmaps.
t(c.latin_1_encode, u'a\u20ac', 'replace')
t(c.latin_1_encode, u'a\u20ac\u20acb', 'xmlcharrefreplace')
t(c.latin_1_encode, u'a\u20ac\U0001f600', 'backslashreplace')
t(c.latin_1_encode, u'a\u20ac')
t(c.ascii_encode, u'a\xe9\xe9b')
t(c.ascii_decode, 'a\xe9', 'ignore')
t(c.ascii_decode, 'a\xe9b', 'replace')
t(c.ascii_decode, 'a\xe9\xeab')
t(c.latin_1_decode, '\xe9\xff')
t(c.charmap_decode, 'abc', 'strict', {97: u'x', 98: None})
t(c.charmap_decode, 'abc', 'strict', u'xyz')
t(c.charmap_decode, 'abd', 'replace', u'xyz')
t(c.charmap_decode, 'ab', 'strict', {97: 300, 98: u'qq'})
t(c.charmap_decode, 'a', 'strict', {97: 2.5})
t(c.charmap_decode, '\xe9')
t(c.charmap_encode, u'abc', 'strict', {97: 120, 98: 'yy'})
t(c.charmap_encode, u'abc', 'replace', {97: 120, 98: 'yy'})
t(c.charmap_encode, u'abc', 'replace', {97: 120, 98: 'yy', 63: 63})
t(c.charmap_encode, u'ab', 'strict', {97: 300})
t(c.charmap_encode, u'\xe9')
m = c.charmap_build(u'abc' + u'\ufffe' * 253)
print sorted(m.items())
t(c.charmap_encode, u'cab', 'strict', m)

# Escapes.
t(c.unicode_escape_decode, 'a\\u20acb\\x41\\101\\n\\q')
t(c.unicode_escape_decode, 'a\\u20')
t(c.unicode_escape_decode, 'a\\u20', 'replace')
t(c.unicode_escape_encode, u'a\u20ac\n\'"\\\x7f')
t(c.raw_unicode_escape_decode, 'a\\u20ac\\\\u20ac\\x41\\\\\\u0041')
t(c.raw_unicode_escape_encode, u'a\u20ac\\\n\xe9\U0001f600')
t(c.escape_encode, 'a\'\n\x00"\\')
t(c.escape_decode, 'a\\n\\x41\\q\\\'')
t(c.escape_decode, 'a\\x4')
t(c.escape_decode, 'a\\')
t(c.escape_encode, u'abc')
t(c.unicode_internal_encode, u'ab')
t(c.unicode_internal_encode, 'ab')
t(c.unicode_internal_decode, 'a\x00\x00\x00')
t(c.unicode_internal_decode, 'a\x00\x00')
t(c.unicode_internal_decode, u'ab')
t(c.readbuffer_encode, 'abc')
t(c.charbuffer_encode, u'abc')

# Error handlers.
print c.lookup_error('strict'), c.lookup_error('ignore'), c.lookup_error('replace')
t(c.lookup_error, 'nope')
enc_err = UnicodeEncodeError('ascii', u'ab\xff\u20ac\U0001f600', 2, 5, 'bad')
dec_err = UnicodeDecodeError('ascii', 'ab\xff\xfe', 2, 4, 'bad')
for name in ['ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'strict']:
    h = c.lookup_error(name)
    t(h, enc_err)
    t(h, dec_err)
t(c.lookup_error('strict'), 5)
t(c.lookup_error('ignore'), ValueError('x'))
def mine(e):
    return (u'<%s %d-%d>' % (type(e).__name__, e.start, e.end), e.end)
c.register_error('mine', mine)
t(c.utf_8_decode, 'a\xffb\xfe', 'mine', True)
t(c.ascii_encode, u'a\xe9b\u20ac', 'mine')
t(c.charmap_encode, u'a\xe9', 'mine', {97: 97, 60: 60})
c.register_error('skip', lambda e: (u'', e.end + 1))
t(c.ascii_decode, 'a\xff\xffbc', 'skip')
c.register_error('back', lambda e: (u'?', -1))
t(c.ascii_decode, 'a\xffb', 'back')
c.register_error('bad', lambda e: 5)
t(c.ascii_decode, 'a\xff', 'bad')
c.register_error('far', lambda e: (u'x', 99))
t(c.ascii_decode, 'a\xff', 'far')
c.register_error('unenc', lambda e: (u'\xe9', e.end))
t(c.ascii_encode, u'a\u20ac', 'unenc')
t(c.register_error, 'x', 5)
t(c.ascii_encode, u'\xe9', 'nope')

# The exceptions themselves.
e = UnicodeDecodeError('utf8', 'ab\xff', 2, 3, 'bad')
print e.args, e.start, e.end, repr(e.object), e.reason, e.encoding, str(e)
print str(UnicodeEncodeError('ascii', u'ab\xff\u20ac', 2, 4, 'bad')), '|', str(UnicodeEncodeError('ascii', u'ab\xff\u20ac', 3, 4, 'bad'))
print str(UnicodeDecodeError('ascii', 'ab\xff\xfe', 2, 4, 'bad')), '|', str(UnicodeTranslateError(u'ab\u20ac', 2, 3, 'bad'))
t(UnicodeEncodeError, 'a', 'b', 1, 2, 'c')
t(UnicodeDecodeError, 'a', u'b', 1, 2, 'c')
t(UnicodeDecodeError, 'a')
try:
    u'x\xe9'.encode('ascii')
except UnicodeEncodeError as e:
    print e.args, e.start, e.end, e.reason
try:
    'x\xe9'.decode('utf-8')
except UnicodeDecodeError as e:
    print e.args, str(e)

# Error handler names are looked up only when an error occurs.
print repr('abc'.decode('utf-8', 'nonexistent')), repr(u'abc'.encode('ascii', 'nonexistent')), c.utf_8_decode('abc', 'zz')
t('ab\xff'.decode, 'utf-8', 'nonexistent')
t(u'ab\xff'.encode, 'latin-1', 'zz')
t(u'ab\u20ac'.encode, 'latin-1', 'zz')
