# Lib's struct.py over our _struct.
import struct
print struct.calcsize('<iHq'), repr(struct.pack('>HhL', 1, -1, 7))
print struct.unpack('<3b', '\x01\x02\xff')
s = struct.Struct('!I2s')
print s.size, s.unpack(s.pack(0xdeadbeef, 'ok'))
try:
    struct.unpack('i', 'ab')
except struct.error as e:
    print 'struct.error:', e
print struct.error, struct.Struct
print [n for n in dir(struct) if not n.startswith('__')]
