# The posix module (what os is built on), used directly: files and
# directories in a private temporary directory, descriptors, pipes,
# processes, the environment, and CPython's exact OSError messages.
import posix, sys

def attempt(f, *args):
    try:
        r = f(*args)
        print f.__name__, '->', repr(r)
    except Exception as e:
        print f.__name__, '!', type(e).__name__, e, e.args, getattr(e, 'filename', None)

top = posix.getcwd()
base = '/tmp/vmbench-mod-posix-%d' % posix.getpid()
posix.mkdir(base, 0700)
posix.chdir(base)
old_umask = posix.umask(022)

# Files through descriptors.
fd = posix.open('a.txt', posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0644)
print type(fd), posix.write(fd, 'hello world\n'), posix.write(fd, u'unicode ok\n')
posix.close(fd)
fd = posix.open('a.txt', posix.O_RDONLY)
print repr(posix.read(fd, 5)), repr(posix.read(fd, 100)), repr(posix.read(fd, 10))
print posix.lseek(fd, 6, 0), repr(posix.read(fd, 5)), posix.lseek(fd, -3, 2), posix.lseek(fd, 0, 1)
st = posix.fstat(fd)
print st.st_size, oct(st.st_mode & 0777), st.st_nlink, posix.isatty(fd)
posix.close(fd)
attempt(posix.close, fd)
attempt(posix.read, fd, 1)
attempt(posix.open, 'missing.txt', posix.O_RDONLY)
attempt(posix.read, 0, -1)
attempt(posix.write, 1, 5)
attempt(posix.close, 1.5)
attempt(posix.close, 'x')
attempt(posix.close, 2 ** 40)

# stat and stat_result.
st = posix.stat('a.txt')
print type(st), len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields
print st[6] == st.st_size, st[0] == st.st_mode, st[7] == int(st.st_atime), type(st.st_mtime)
print isinstance(st, tuple), st.st_blocks >= 0, st.st_blksize > 0, st.st_rdev
posix.utime('a.txt', (1000000000, 1234567890))
st = posix.stat('a.txt')
print st.st_atime, st.st_mtime, st[7], st[8]
posix.utime('a.txt', (1.5, 2.25))
print posix.stat('a.txt').st_mtime, posix.stat('a.txt')[8]
print posix.stat_float_times()
posix.stat_float_times(False)
print posix.stat('a.txt').st_mtime, type(posix.stat('a.txt').st_mtime)
posix.stat_float_times(True)
r = posix.stat_result(range(10))
print r
print r.st_atime, r.st_blksize, r[9], r[-3:]
print posix.stat_result(range(13)).st_mtime
print r.__reduce__()[1]
attempt(posix.stat_result, (1, 2))
attempt(posix.stat_result, range(17))
attempt(posix.stat, 'missing')
attempt(posix.stat, None)
attempt(posix.stat, 'a\0b')
attempt(posix.lstat, u'missing')
attempt(posix.utime, 'a.txt', 5)
attempt(posix.utime, 'missing', None)

# Directories, names, links.
posix.mkdir('sub')
posix.mkdir('sub/deeper', 0755)
attempt(posix.mkdir, 'sub')
print sorted(posix.listdir('.')), sorted(posix.listdir(u'sub'))
attempt(posix.listdir, 'missing')
posix.rename('a.txt', 'b.txt')
attempt(posix.rename, 'a.txt', 'c.txt')
posix.link('b.txt', 'sub/hard.txt')
print posix.stat('b.txt').st_nlink
posix.symlink('b.txt', 'link')
print posix.readlink('link'), repr(posix.readlink(u'link'))
print posix.lstat('link').st_mode & 0170000 == 0120000, posix.stat('link').st_size
attempt(posix.readlink, 'b.txt')
attempt(posix.symlink, 'b.txt', 'link')
posix.chmod('b.txt', 0600)
print oct(posix.stat('b.txt').st_mode & 0777)
print posix.access('b.txt', posix.R_OK), posix.access('b.txt', posix.X_OK), posix.access('missing', posix.F_OK)
attempt(posix.chmod, 'missing', 0)
attempt(posix.rmdir, 'sub')
attempt(posix.unlink, 'missing')
attempt(posix.remove, 'missing')
attempt(posix.chdir, 'missing')
posix.chdir('sub')
print posix.getcwd() == base + '/sub', posix.getcwdu() == unicode(base + '/sub')
posix.chdir('..')
posix.mkfifo('fifo')
print posix.stat('fifo').st_mode & 0170000 == 0010000
attempt(posix.mkfifo, 'fifo')

# Pipes, dup, fdopen.
r, w = posix.pipe()
print posix.write(w, 'through the pipe'), repr(posix.read(r, 7))
w2 = posix.dup(w)
posix.write(w2, '+dup')
posix.close(w2)
print repr(posix.read(r, 100))
posix.dup2(w, 20)
posix.write(20, 'via 20')
posix.close(20)
print repr(posix.read(r, 100)), posix.isatty(r)
posix.write(w, 'line one\nline two\n')
posix.close(w)
f = posix.fdopen(r)
print type(f), f.readline(), f.read()
f.close()
attempt(posix.fdopen, 999)
attempt(posix.fdopen, 0, 'q')
attempt(posix.dup, 999)
attempt(posix.fstat, 999)
posix.closerange(900, 910)

# Processes and wait statuses.
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.write(w, 'child here')
    posix._exit(7)
posix.close(w)
print repr(posix.read(r, 100))
posix.close(r)
got, status = posix.waitpid(pid, 0)
print got == pid, status, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.WIFSIGNALED(status)
attempt(posix.waitpid, -1, 0)
attempt(posix.wait)
status = posix.system('exit 3')
print status, posix.WEXITSTATUS(status)
print posix.WIFSIGNALED(9), posix.WTERMSIG(9), posix.WCOREDUMP(0x80), posix.WIFSTOPPED(0x137f), posix.WSTOPSIG(0x137f)
print posix.getpid() == posix.getpid(), posix.getppid() > 0, posix.getuid() == posix.getuid(), type(posix.getgroups())
attempt(posix.kill, 999999, 0)
attempt(posix.killpg, 999999, 0)
attempt(posix.kill, posix.getpid(), 99)
attempt(posix.execv, '/nonexistent', ['x'])
attempt(posix.execv, '/nonexistent', [])
attempt(posix.execv, '/nonexistent', 'x')
attempt(posix.execve, '/nonexistent', ['x'], 5)

# The environment.
print type(posix.environ), all(type(k) is str and type(v) is str for k, v in posix.environ.items())
posix.putenv('VMBENCH_POSIX_TEST', 'yes')
print posix.system('test "$VMBENCH_POSIX_TEST" = yes')
posix.unsetenv('VMBENCH_POSIX_TEST')
print posix.system('test -z "$VMBENCH_POSIX_TEST"')
attempt(posix.putenv, 'A=B', 'c')
attempt(posix.putenv, 'A', 'c\0')
attempt(posix.unsetenv, 'A=B')

# Information.
print posix.strerror(2), '|', posix.strerror(99999)
print len(posix.uname()), len(posix.times()), type(posix.times()[0])
print len(posix.urandom(16)), repr(posix.urandom(0))
attempt(posix.urandom, -1)
print posix.sysconf('SC_PAGESIZE') == posix.sysconf(posix.sysconf_names['SC_PAGESIZE']), posix.confstr('CS_PATH') is not None
print len(posix.pathconf_names), posix.pathconf('.', 'PC_NAME_MAX')
attempt(posix.sysconf, 'SC_NOPE')
attempt(posix.sysconf, 1.5)
attempt(posix.pathconf, '.', 99999)
print posix.major(0x0801), posix.minor(0x0801), posix.makedev(8, 1)
print posix.error is OSError, posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.O_CREAT, posix.WNOHANG
print posix.umask(old_umask)

# Clean up.
for name in ['b.txt', 'link', 'fifo', 'sub/hard.txt']:
    posix.unlink(name)
posix.rmdir('sub/deeper')
posix.rmdir('sub')
posix.chdir(top)
posix.rmdir(base)
print posix.access(base, posix.F_OK)
