# _md5, _sha, _sha256, _sha512: digests of known and generated data,
# incremental updates, copies, attributes and argument errors.
import _md5, _sha, _sha256, _sha512

def t(f, *a, **k):
    try:
        print repr(f(*a, **k))
    except Exception as e:
        print type(e).__name__, e

ctors = [_md5.new, _sha.new, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512]
data = ['', 'abc', 'a' * 1000, ''.join(chr(i) for i in range(256)) * 3, 'message digest']
for c in ctors:
    h = c()
    print type(h), type(h).__name__, type(h).__module__, h.name, h.digest_size, h.digestsize, h.block_size
    for d in data:
        print ' ', c(d).hexdigest(), len(c(d).digest())
    # Feeding in pieces gives the digest of the whole.
    h = c()
    for k in range(0, 3000, 7):
        h.update(('%d,' % k))
    whole = c(''.join('%d,' % k for k in range(0, 3000, 7)))
    print ' pieces', h.hexdigest() == whole.hexdigest()
    # digest() leaves the object usable; copy() forks the state.
    g = h.copy()
    g.update('more')
    print ' copy', h.hexdigest() == whole.hexdigest(), g.hexdigest() != h.hexdigest(), h.digest() == h.digest()
    print ' unicode', c(u'abc').hexdigest() == c('abc').hexdigest()

print sorted(n for n in dir(_md5.new()) if not n.startswith('__'))
print _md5.digest_size, _md5.MD5Type, _sha.blocksize, _sha.digest_size, _sha.digestsize
t(_md5.new, 5)
t(_md5.new, u'\xe9')
t(_md5.new, 'a', 'b')
t(_md5.new, arg='a')
t(lambda: _sha.new(string='a').hexdigest())
t(_sha.new, 5)
t(lambda: _sha256.sha256(string='abc').hexdigest())
t(_sha256.sha256, 'a', 'b')
t(_sha512.sha512, 5)
h = _md5.new()
t(h.update)
t(h.update, 5)
t(h.update, 'a', 'b')
t(h.digest, 1)
t(type(h))
t(type(_sha256.sha224()))
