# Lib's hashlib.py over our _md5/_sha/_sha256/_sha512 (no OpenSSL _hashlib,
# as in the reference build).
import hashlib
print hashlib.algorithms
for name in hashlib.algorithms:
    h = hashlib.new(name, 'The quick brown fox')
    h.update(' jumps over the lazy dog')
    print name, h.name, h.digest_size, h.block_size, h.hexdigest()
    print getattr(hashlib, name)('').hexdigest()
print hashlib.md5('abc').hexdigest() == hashlib.new('MD5', 'abc').hexdigest()
try:
    hashlib.new('whirlpool')
except ValueError as e:
    print 'ValueError', e
