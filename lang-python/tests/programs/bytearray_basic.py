# bytearray: construction, indexing, mutation, operators, methods.
print repr(bytearray()), repr(bytearray(3)), repr(bytearray('abc')), repr(bytearray([104, 105])), repr(bytearray(bytearray('x')))
print repr(bytearray(u'\xe9', 'latin-1')), repr(bytearray(xrange(3))), repr(bytearray(source='q'))
for bad in [(u'x',), (-1,), ([256],), (['a'],), (1.5,), ('x', 'ascii')]:
    try:
        bytearray(*bad)
    except (TypeError, ValueError) as e:
        print type(e).__name__, e
b = bytearray('hello')
print len(b), b[0], b[-1], repr(b[1:3]), repr(b[::-1]), repr(b[10:]), list(b), 104 in b, 'ell' in b, 'z' in b
try:
    b[5]
except IndexError as e:
    print 'IndexError', e
b[0] = 72
b[-1] = ord('O')
print repr(b), str(b), b == 'HellO', b == bytearray('HellO'), b != 'x', b < 'I', 'HellO' == b
b[1:3] = 'EE'
b[4:] = [33, 33]
print repr(b)
b[::2] = 'xyz'
print repr(b)
try:
    b[::2] = 'ab'
except ValueError as e:
    print 'ValueError', e
for bad in [300, -1, 'ab']:
    try:
        b[0] = bad
    except (TypeError, ValueError) as e:
        print type(e).__name__, e
del b[0]
del b[::2]
print repr(b)
c = bytearray('ab')
d = c
c += 'cd'
c += bytearray('e')
print repr(c), c is d, repr(c + 'f'), repr(c * 2), repr(2 * bytearray('-')), repr(c + bytearray('!'))
try:
    c + 5
except TypeError as e:
    print 'TypeError', e
c.append(33)
c.extend('??')
c.extend([49, 50])
print repr(c), c.pop(), c.pop(0), repr(c), c.find('cd'), c.find('q'), c.find(bytearray('e')), c.find('c', 3), c.find('e', 1, 4)
print repr(bytearray('-').join(['a', bytearray('b'), 'c'])), repr(bytearray().join([])), c.decode('ascii'), repr(bytearray('\xc3\xa9').decode('utf-8'))
try:
    hash(bytearray())
except TypeError as e:
    print 'TypeError', e
try:
    bytearray().pop()
except IndexError as e:
    print 'IndexError', e
class B(bytearray):
    pass
x = B('abc')
print type(x).__name__, len(x), repr(x[1:]), isinstance(x, bytearray), str(x)
print repr(bytes('x')), bytes is str, bytes(bytearray('raw'))
print repr(bytearray(['a', 98])), repr(bytearray('x', 'ascii')), 'ab' in bytearray('cab')
for f in [lambda: bytearray('ab') + 5, lambda: bytearray('ab') + u'x', lambda: bytearray('a').find(u'x'), lambda: u'a' in bytearray('a'),
          lambda: 1.5 in bytearray(), lambda: 300 in bytearray(), lambda: bytearray(['ab']), lambda: bytearray([1.5]), lambda: bytearray(5, 'ascii')]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print type(e).__name__, e
b = bytearray('ab')
try:
    b += 5
except TypeError as e:
    print 'TypeError', e
try:
    b[0:1] = 5
except TypeError as e:
    print 'TypeError', e
