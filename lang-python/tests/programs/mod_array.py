# The array module: every typecode, conversions and their 2.7 error
# messages, methods, slicing, operators, comparison, repr, pickling support.
from array import array, ArrayType
import array as array_module

def e(f, *a):
    try:
        r = f(*a)
        print 'ok', repr(r)
    except Exception as x:
        print type(x).__name__, x

print ArrayType is array, array.__name__, array.__module__, type(array('i'))
print sorted(k for k in dir(array_module) if not k.startswith('__'))
print sorted(k for k in dir(array) if not k.startswith('__'))
for c in 'cbBuhHiIlLfd':
    a = array(c)
    print c, a.itemsize, a.typecode, repr(a), len(a)

# Conversions into each integer code: range errors go through the same
# getargs formats as CPython ('b' via 'h', 'H' via 'i', 'I'/'L' via longs).
values = [-1, 300, 70000, 2**31, 2**32, -2**31 - 1, 2**63, 2**64, -2**63 - 1, 1.5, '1', None, 2L, True]
for c in 'bBhHiIlL':
    for v in values:
        print c, repr(v),
        e(array, c, [v])
for c in 'fd':
    for v in [1, 1L, 1.5, '1', None, 10**400, 1e300, -1e40]:
        print c, repr(v),
        e(array, c, [v])
for c in 'cu':
    for v in ['a', u'a', 'ab', 1, None, u'\u1234']:
        print c, repr(v),
        e(array, c, [v])
class Int(object):
    def __int__(self): return 7
class Idx(object):
    def __index__(self): return 1
print array('I', [Int()]), array('b', [Int()])
print array('f', [1.1])[0], array('f', [0.1]), array('d', [1.5, 2])

# Construction.
e(array, 'x')
e(array, 'bb')
e(array, 1)
e(array)
e(array, 'b', 5)
e(array, 'c', 'abc')
e(array, 'b', 'abc')
e(array, 'u', u'abc')
e(array, 'c', u'abc')
e(array, 'b', u'abc')
e(array, 'i', 'abcd')
e(array, 'i', 'abc')
e(array, 'i', (1, 2))
e(array, 'i', xrange(3))
e(array, 'i', array('b', [1, 2]))
e(array, 'c', array('b', [1, 2]))
e(array, 'd', array('i', [1, 2]))
e(array, 'b', [1], 3)
e(array, u'i', [1])
e(array, u'\xe9', [1])
e(lambda: array(typecode='b'))
e(lambda: array('b', initializer=[1]))
e(lambda: array('b', (x for x in [1, 2, 300])))

# Methods.
a = array('i', [1, 2, 3, 2])
print a.count(2), a.index(2), a.buffer_info()[1], len(a)
e(a.index, 9); e(a.remove, 9); e(a.pop, 10); e(array('i').pop)
e(a.count); e(a.index); e(a.insert, 1); e(a.insert, 'x', 1); e(a.insert, 1.5, 1)
e(a.pop, 'x'); e(a.pop, 1.5); e(a.index, 'x'); e(a.count, 'x'); e(a.remove, 'x')
a.insert(-100, 0); a.insert(100, 9); print a
a.insert(-1, 8); print a
print a.pop(), a.pop(0), a.pop(-1), a
a.remove(2); print a
a.reverse(); print a
a.append(10); a.extend([4, 5]); a.extend(array('i', [6])); print a
e(a.append, 'x')
e(a.extend, array('b', [1]))
e(a.extend, 5)
e(a.fromlist, (1, 2))
e(a.fromlist, [1, 'x'])
print a
a.fromlist([7]); print a
e(a.fromstring, 'ab')
a.fromstring('\x01\x00\x00\x00'); print a
e(a.fromstring, 5)
e(a.fromunicode, u'x')
e(a.tounicode)
u = array('u', u'ab'); u.fromunicode(u'cd'); print u, repr(u.tounicode()), u.tolist()
e(u.fromunicode, 'x')
b = array('b', [1])
b.fromstring(u'ab'); b.fromstring(array('b', [5])); print b
print repr(array('i', [1, 2]).tostring())
x = array('h', [1, 256]); x.byteswap(); print x
x = array('i', [1, -2]); x.byteswap(); print x
e(x.byteswap, 1)
print array('d', [1.0]).tostring().encode('hex'), array('f', [1.0]).tostring().encode('hex')
print array('u', u'ab').tostring().encode('hex'), array('c', 'ab').tolist(), array('c', 'ab').tostring()
print array('B', [255]).tostring() == '\xff', array('I', [1, 2]).tolist(), array('L', [2**64 - 1])
print array('l', [-2**63]), array('H', [65535]), array('b', [-128, 127]), array('c', 'a\x00\xff')

# Files: tofile/fromfile (and their old names write/read).
f = open('/tmp/_vmbench_mod_array.bin', 'wb')
array('i', [1, 2, 3]).tofile(f)
array('i', [4]).write(f)
f.close()
z = array('i')
f = open('/tmp/_vmbench_mod_array.bin', 'rb')
z.fromfile(f, 2); print z
z.read(f, 1); print z
e(z.fromfile, f, 5); print z
e(z.fromfile, f, -1)
e(z.fromfile, f, 'x')
e(z.fromfile, f)
f.close()
e(z.fromfile, f, 1)
e(z.fromfile, 'x', 1)
e(z.tofile, 'x')

# Indexing and slicing.
b = array('b', [1, 2, 3, 4, 5, 6])
print b[1], b[-1], b[1:3], b[::2], b[::-1], b[10:], b[-100:2], b[True], b[Idx()], b[2L]
e(b.__getitem__, 6); e(b.__getitem__, 'x'); e(b.__getitem__, 1.0); e(b.__getitem__, 2**70)
b[0] = 9; b[1:3] = array('b', [7, 7, 7]); print b
e(b.__setitem__, slice(0, 2), [1, 2])
e(b.__setitem__, slice(0, 1), array('i', [1]))
e(b.__setitem__, slice(0, 6, 2), array('b', [1]))
b[::2] = array('b', [0, 0, 0, 0]); print b
b[::-3] = array('b', [-1, -2, -3]); print b
del b[0]; print b
del b[::2]; print b
del b[1:2]; print b
e(b.__setitem__, 100, 1); e(b.__delitem__, 100); e(b.__setitem__, 0, 1000)
b[2:2] = b; print b
b[::2] = array('b'); print b
b[:] = array('b', [1]); print b
print b.__getslice__(-2, 3), array('i', range(10))[1:8:3], array('i', range(10))[8:1:-3]
r = array('i', [1, 2, 3]); r[1:2] = r; print r
r[5:100] = array('i', [9]); print r
del r[100:]; del r[::-1]; print r
r.__setslice__(0, 0, array('i', [5])); r.__delslice__(5, 9); print r
print list(array('i', [3, 4])), list(reversed(array('i', [3, 4]))), array('i', [5]).__iter__().next()
print 2 in array('i', [1, 2]), 5 in array('i', [1, 2]), 'x' in array('i', [1]), 'a' in array('c', 'abc')
print bool(array('i')), bool(array('i', [0]))

# Operators.
c = array('i', [1, 2]) + array('i', [3])
print c, c * 2, 2 * c, c * -1, c * 0, c * 2L, c * Idx()
e(lambda: array('i') + array('b'))
e(lambda: array('i') + [1])
e(lambda: array('i') * 'x')
e(lambda: array('b') * 1.5)
e(lambda: 'x' * array('b'))
e(lambda: [1] + array('b'))
e(lambda: array('b') * 2**70)
c += array('i', [4]); print c
c *= 2; print c
e(c.__iadd__, array('d'))
e(c.__iadd__, [1])
e(c.__imul__, 'x')
class RAdd(object):
    def __radd__(self, o): return 'radd'
    def __rmul__(self, o): return 'rmul'
print array('i') + RAdd(), array('i') * RAdd()
print array('i', [1, 2]) == array('i', [1, 2]), array('i', [1, 2]) == array('l', [1, 2]), array('i', [1, 2]) < array('i', [1, 3])
print array('i', [1]) < array('i', [1, 0]), array('i', [1]) == [1], array('d', [1.0]) == array('i', [1])
print array('c', 'a') == array('c', 'a'), array('c', 'a') < array('c', 'b'), array('i', [1, 2]) != array('i', [1, 2])
print array('i', [1, 2]) >= array('i', [1]), array('i', [2]) > array('i', [1, 5])
nan = float('nan')
print array('d', [nan]) == array('d', [nan])
e(hash, array('i'))

# repr, copying, pickling protocol, subclasses.
print repr(array('c', 'ab')), repr(array('u', u'ab')), repr(array('d', [1.5, 2])), str(array('i', [1]))
print array('i', [1, 2]).__reduce__()
print array('c', 'ab').__reduce__(), array('u', u'x').__reduce__()
print array('i', [1, 2, 3]).__copy__(), array('i').__deepcopy__({})
class S(array):
    def __init__(self, t, v=None):
        self.extra = 1
s = S('i', [1, 2])
print s, type(s).__name__, s.extra, s + s, s[0:1], type(s[0:1]).__name__, type(s.__copy__()).__name__
print s.__reduce__()[1:], type(s.__reduce__()[0]).__name__, repr(S('c', 'x')), isinstance(s, array)
class T(array):
    pass
t = T('d', [1.0])
print T.__reduce__(t)[0] is T, t.__reduce__()[1:], T('b', initializer=[1])
