# zlib: one-shot and streaming (de)compression, zlib/gzip/raw streams,
# flush modes, copies, unused_data/unconsumed_tail, checksums, errors.
import zlib

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__, e

text = ''.join('line %d: %s\n' % (i, 'abc' * (i % 7)) for i in range(500))
binary = ''.join(chr((i * 7919) % 251) for i in range(5000))
for data in ['', 'a', 'hello world', text, binary]:
    for level in (0, 1, 6, 9, -1):
        c = zlib.compress(data, level)
        assert zlib.decompress(c) == data
        print len(data), level, len(c), zlib.crc32(c), repr(c[:6])

# Window bits: raw deflate (negative), gzip (16+), auto-detect (32+).
for wbits in (-15, -9, 9, 15, 31, 25):
    co = zlib.compressobj(6, zlib.DEFLATED, wbits)
    c = co.compress(text) + co.flush()
    print wbits, len(c), repr(c[:4]), zlib.decompress(c, wbits) == text, zlib.decompress(c, 47) == text if wbits > 15 else ''
for args in [(1, 8, 15, 9, 4), (9, 8, 15, 1, 1), (5, 8, 15, 8, 2), (3, 8, 12, 5, 3)]:
    co = zlib.compressobj(*args)
    c = co.compress(binary) + co.flush()
    print args, len(c), zlib.crc32(c), zlib.decompress(c) == binary

# Streaming in pieces, with flush modes between them.
co = zlib.compressobj()
parts = []
for i in range(0, len(text), 1000):
    parts.append(co.compress(text[i:i + 1000]))
    if i % 3000 == 0:
        parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.flush(zlib.Z_FULL_FLUSH))
parts.append(co.flush(zlib.Z_NO_FLUSH))
parts.append(co.flush())
c = ''.join(parts)
print [len(p) for p in parts][:12], len(c), zlib.decompress(c) == text
t(co.compress, 'x')
t(co.flush)
t(co.copy)

# copy() forks a stream.
co = zlib.compressobj()
head = co.compress(text[:5000])
fork = co.copy()
a = head + co.compress('tail one') + co.flush()
b = head + fork.compress('tail two') + fork.flush()
print zlib.decompress(a)[-8:], zlib.decompress(b)[-8:]

# Decompressing in pieces with an output limit.
c = zlib.compress(text)
d = zlib.decompressobj()
out = []
buf = c
while buf:
    out.append(d.decompress(buf[:100], 300))
    buf = d.unconsumed_tail + buf[100:]
out.append(d.flush())
print ''.join(out) == text, len(out), repr(d.unused_data), repr(d.unconsumed_tail)

# unused_data after the end of a stream, and the quirks around it.
d = zlib.decompressobj()
data = zlib.compress('hello world' * 100)
print repr(d.decompress(data[:20], 5)), repr(d.unconsumed_tail), repr(d.unused_data)
print len(d.decompress(d.unconsumed_tail + data[20:] + 'extra')), repr(d.unused_data), repr(d.unconsumed_tail)
print repr(d.decompress('more')), repr(d.unused_data), repr(d.flush()), repr(d.unused_data)
t(d.copy)
d = zlib.decompressobj()
d2 = None
x = d.decompress(data[:30])
d2 = d.copy()
print len(x + d.decompress(data[30:])), len(x + d2.decompress(data[30:] + 'zz')), repr(d2.unused_data)

# Checksums.
print zlib.crc32('hello'), zlib.crc32('hello', 5), zlib.crc32('world', zlib.crc32('hello '))
print zlib.adler32('hello'), zlib.adler32('hello', 2 ** 31 + 7), zlib.adler32(binary), zlib.adler32('')

# Errors.
t(zlib.compress, 5)
t(zlib.compress, 'x', 10)
t(zlib.decompress, 'xyz')
t(zlib.decompress, zlib.compress('hello')[:-2])
t(zlib.decompress, zlib.compress('hello') + 'junk')
t(zlib.decompress, zlib.compress('x'), -15)
t(zlib.decompress, zlib.compress('x'), 31)
t(zlib.decompress, '')
t(zlib.compressobj, 1, 9)
t(zlib.compressobj, 1, 8, 3)
t(zlib.compressobj, 1, 8, 15, 10)
t(zlib.compressobj, 1, 8, 15, 9, 5)
t(zlib.decompressobj, 3)
d = zlib.decompressobj()
t(d.decompress, 'x', -1)
t(d.flush, 0)
t(d.decompress, 'garbage')
t(zlib.decompressobj().flush)
print type(zlib.compressobj()), type(zlib.decompressobj()), zlib.error, issubclass(zlib.error, Exception)
print zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION
print zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_DEFAULT_STRATEGY, zlib.Z_FINISH, zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH
print zlib.__version__
