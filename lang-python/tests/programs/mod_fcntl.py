# The fcntl module: descriptor flags on a pipe, file locks on a temporary
# file, and the errors.
import fcntl, posix

def attempt(f, *args):
    try:
        r = f(*args)
        print f.__name__, '->', repr(r)
    except Exception as e:
        print f.__name__, '!', type(e).__name__, e, e.args

r, w = posix.pipe()
print fcntl.fcntl(r, fcntl.F_GETFD)
print fcntl.fcntl(r, fcntl.F_SETFD, fcntl.FD_CLOEXEC), fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC
flags = fcntl.fcntl(w, fcntl.F_GETFL)
print flags & posix.O_NONBLOCK, flags & 3 == posix.O_WRONLY
fcntl.fcntl(w, fcntl.F_SETFL, flags | posix.O_NONBLOCK)
print fcntl.fcntl(w, fcntl.F_GETFL) & posix.O_NONBLOCK == posix.O_NONBLOCK
n = 0
try:
    while True:
        n += posix.write(w, 'x' * 4096)
except OSError as e:
    print 'pipe full after', n > 0, e.errno == 11, e
new = fcntl.fcntl(r, fcntl.F_DUPFD, 50)
print new >= 50
posix.close(new)
posix.close(r)
posix.close(w)

name = '/tmp/vmbench-mod-fcntl-%d' % posix.getpid()
f = open(name, 'w')
print fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB), fcntl.flock(f.fileno(), fcntl.LOCK_UN)
print fcntl.lockf(f, fcntl.LOCK_EX), fcntl.lockf(f, fcntl.LOCK_UN), fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0, 0)
f.close()
posix.unlink(name)

attempt(fcntl.fcntl, 999, fcntl.F_GETFD)
attempt(fcntl.fcntl, 'x', fcntl.F_GETFD)
attempt(fcntl.fcntl, 0, fcntl.F_GETFD, 1.5)
attempt(fcntl.fcntl, 0, fcntl.F_GETFD, 'x' * 1025)
attempt(fcntl.flock, 999, fcntl.LOCK_EX)
attempt(fcntl.lockf, 999, fcntl.LOCK_EX)
attempt(fcntl.lockf, 0, 16)
attempt(fcntl.lockf, open('/dev/null'), fcntl.LOCK_EX)
attempt(fcntl.ioctl, 999, 0)
print fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFD, fcntl.F_SETFD, fcntl.F_GETFL, fcntl.F_SETFL, fcntl.FD_CLOEXEC
