# _struct directly (struct.py is in Lib): every format code, byte orders,
# alignment, repeat counts, range errors and the Struct type.
import _struct as struct

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__, e

# Sizes and native alignment.
for fmt in ['', 'x', 'c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd', 'P', '5s', '5p',
            'ci', 'bq', 'bP', 'hb?id', 'i0s', 'ci0i', '3x2s', '=ci', '<hb?id', '>qh', '!l', '  i  ', '< i', '3']:
    t(struct.calcsize, fmt)
for fmt in [' <i', '3 i', 'z', '<P', 'e', 'n']:
    t(struct.calcsize, fmt)
t(struct.calcsize, '99999999999999999999i')

# Packing each code in each byte order.
vals = {'b': -5, 'B': 200, 'h': -300, 'H': 60000, 'i': -70000, 'I': 4000000000, 'l': -2, 'L': 3000000000,
        'q': -2**40, 'Q': 2**63 + 5, 'f': 1.5, 'd': -0.1, '?': 7, 'c': 'z'}
for bo in '@=<>!':
    for c in 'bBhHiIlLqQfd?c':
        s = struct.pack(bo + c, vals[c])
        print bo + c, repr(s), struct.unpack(bo + c, s)
print repr(struct.pack('P', 1)), struct.unpack('P', '\x01' + '\x00' * 7)
print repr(struct.pack('<f', 1.1)), struct.unpack('f', struct.pack('f', 0.1))
print repr(struct.pack('>d', float('-inf'))), struct.unpack('>d', struct.pack('>d', 1e300))
print repr(struct.pack('@f', 1e300))
t(struct.pack, '<f', 1e300)
t(struct.pack, '<f', 3.4028235e38)
t(struct.pack, '>f', 3.4028236e38)

# Ranges: every integer code in every order against boundary values.
for c in 'bBhHiIlLqQ':
    for bo in '@<>=':
        for v in (2**70, -2**70, 2**63, -1, 2**32, -2**31 - 1, 256, -129, 2**64, 2**16, 2**15):
            try:
                struct.pack(bo + c, v)
                r = 'ok'
            except Exception as e:
                r = '%s %s' % (type(e).__name__, e)
            print bo + c, v, r
for v in (2**70, -2**70, -1, 2**64):
    t(struct.pack, 'P', v)

# Strings and counts.
t(struct.pack, '5p', 'hello world')
t(struct.pack, '5s', 'hi')
t(struct.pack, '0p', 'abc')
t(struct.pack, '1p', 'abc')
t(struct.pack, '3c', 'a', 'b', 'c')
t(struct.pack, '2?', 0, 'x')
t(struct.pack, '3x2s', 'abc')
t(struct.pack, '2i3h', 1, 2, 3, 4, 5)
print len(struct.pack('300p', 'x' * 400)), repr(struct.pack('300p', 'x' * 400)[:3])
t(struct.unpack, '5p', '\x09abcd')
t(struct.unpack, '3s2p', 'abc\x05d')
t(struct.unpack, '2xc', 'abc')
t(struct.unpack, '<2h', '\x01\x00\xff\xff')
t(struct.unpack, 'I', '\xff\xff\xff\xff')
t(struct.unpack, 'L', '\xff' * 8)
t(struct.unpack, '<q', '\xff' * 8)
t(struct.unpack, '>Q', '\xff' * 8)
t(struct.unpack, '?', '\x02')
t(struct.unpack, '>f', '\x7f\x80\x00\x00')

# Argument conversion.
class I(object):
    def __index__(self): return 7
class J(object):
    def __int__(self): return 8
class K(object):
    def __index__(self): raise TypeError('no')
    def __int__(self): return 9
class Bad(object):
    def __int__(self): return 'x'
for v in (3.7, 2L, True, I(), J(), K(), '3', None, 1.5j, Bad()):
    t(struct.pack, 'i', v)
t(struct.pack, 'd', 10)
t(struct.pack, 'd', 10L ** 400)
t(struct.pack, 'f', 'x')
t(struct.pack, 'c', 'ab')
t(struct.pack, 'c', 1)
t(struct.pack, 's', 1)
t(struct.pack, 'p', u'a')
t(struct.pack, u'<h', 5)

# Argument errors.
t(struct.pack, 'i')
t(struct.pack, 'i', 1, 2)
t(struct.pack, 'x', 1)
t(struct.pack)
t(struct.pack, 5)
t(struct.unpack, 'i', 'abc')
t(struct.unpack, 'i', 5)
t(struct.unpack, 'i', u'abcd')
t(struct.unpack, 'i')
t(struct.unpack_from, 'i', 'abc')
t(struct.unpack_from, 'i', 'abcdef', 3)
t(struct.unpack_from, 'i', 'abcdefgh', 2)
t(struct.unpack_from, 'i', 'abcdefgh', offset=-4)
t(struct.unpack_from, 'i', 'abcdefgh', -9)
t(struct.unpack_from, 'i', 'abcdefgh', 1.5)
t(struct.unpack_from, 'i', buf='abcdefgh')
t(struct.unpack_from, 'i', 5)
t(struct.unpack_from, 'i')
t(struct.pack_into, 'i', 'abcd', 0, 7)
t(struct.pack_into, 'i', 'abcd')
t(struct.pack_into, 'i')
t(struct.calcsize)
t(struct.calcsize, 5)

# The Struct type.
s = struct.Struct('<2h')
print s.format, s.size, type(s).__name__
t(s.pack, 1)
t(s.pack, 1, 2)
t(s.unpack, 'abc')
t(s.unpack, 'abcd')
t(s.unpack_from, 'xxabcd', 2)
t(s.unpack_from, buffer='abcdxx', offset=0)
t(s.pack_into, 'abcd', 0, 1, 2)
t(struct.Struct, 5)
t(struct.Struct)
t(struct.Struct, 'z')
u = struct.Struct(u'>i')
print repr(u.format), u.size, repr(u.pack(258))
s.__init__('q')
print s.format, s.size
class MyStruct(struct.Struct):
    def first(self, data):
        return self.unpack(data)[0]
m = MyStruct('>H')
print m.first('\x01\x02'), m.size, m.format, isinstance(m, struct.Struct)
print struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception)
print struct.__version__, struct._PY_STRUCT_RANGE_CHECKING
struct._clearcache()
print struct.calcsize('i')
