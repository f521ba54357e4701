# The errno module: names, values, and errorcode (native module only).
import errno

names = sorted(n for n in dir(errno) if n.startswith('E'))
print len(names)
for n in names:
    print n, getattr(errno, n)

print len(errno.errorcode)
for code in sorted(errno.errorcode):
    print code, errno.errorcode[code]

# Names that share a number: errorcode keeps one of them.
print errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN]
print errno.EDEADLK == errno.EDEADLOCK, errno.errorcode[errno.EDEADLK]
print errno.EOPNOTSUPP == errno.ENOTSUP, errno.errorcode[errno.ENOTSUP]
print type(errno.errorcode), errno.__name__
print 'errorcode' in dir(errno)
