# CPython's os, os.path, stat and glob over our posix module: a private
# temporary tree walked, globbed, renamed and removed; the environment;
# descriptors and processes through os's helpers.
import os, os.path, stat, glob, errno, sys

print os.name, os.sep, os.curdir, os.pardir, os.extsep, os.altsep, os.pathsep, os.linesep == '\n', os.devnull
print os.path is sys.modules['os.path'], os.path.__name__, os.error is OSError
base = '/tmp/vmbench-os-files-%d' % os.getpid()
os.makedirs(os.path.join(base, 'a', 'b', 'c'))
os.chdir(base)
for n in ['a/x.txt', 'a/b/y.txt', 'a/b/c/z.py', 'top.py']:
    f = open(n, 'w')
    f.write(n * 3)
    f.close()
print sorted(os.listdir('.')), os.path.isdir('a'), os.path.isfile('top.py'), os.path.exists('nope'), os.path.getsize('top.py')
for root, dirs, files in os.walk('.'):
    dirs.sort()
    print root, dirs, sorted(files)
for root, dirs, files in os.walk('.', topdown=False):
    print root, sorted(dirs), sorted(files)
print sorted(glob.glob('*.py')), sorted(glob.glob('a/*/*.txt')), sorted(glob.glob('a/*')), glob.glob('nothing*')
print os.path.abspath('a/b') == os.path.join(base, 'a', 'b'), os.path.relpath(os.path.join(base, 'a', 'b'), base)
print os.path.realpath('.') == os.path.realpath(base), os.path.expanduser('~') == os.environ.get('HOME'), os.path.expandvars('$NOPE_X')
print os.path.splitext('a/b/c.tar.gz'), os.path.split('/x/y'), os.path.normpath('a//b/../c/.'), os.path.commonprefix(['/ab/c', '/ab/d'])

os.environ['VMB_X'] = 'value'
print os.environ['VMB_X'], os.getenv('VMB_X'), os.path.expandvars('$VMB_X/y'), os.system('test "$VMB_X" = value')
del os.environ['VMB_X']
print os.getenv('VMB_X'), os.system('test -z "$VMB_X"'), 'VMB_X' in os.environ

st = os.stat('top.py')
print stat.S_ISDIR(os.stat('a').st_mode), stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) & 0400, st.st_size
os.chmod('top.py', 0640)
print oct(stat.S_IMODE(os.stat('top.py').st_mode))
os.utime('top.py', (1000, 2000))
print os.path.getatime('top.py'), os.path.getmtime('top.py')
os.symlink('top.py', 'ln')
print os.path.islink('ln'), os.path.realpath('ln') == os.path.join(os.path.realpath(base), 'top.py'), os.readlink('ln')
print os.path.samefile('top.py', 'ln'), os.path.lexists('ln'), stat.S_ISLNK(os.lstat('ln').st_mode)
os.renames('a/x.txt', 'q/r/x.txt')
print sorted(os.listdir('q/r')), os.path.exists('a/x.txt')
try:
    os.makedirs('a')
except OSError as e:
    print e.errno == errno.EEXIST, e
try:
    os.remove('missing')
except OSError as e:
    print e.errno, e.strerror, e.filename
os.remove('q/r/x.txt')
os.removedirs('q/r')
print os.path.exists('q')

r, w = os.pipe()
f = os.fdopen(w, 'w')
f.write('via fdopen')
f.close()
print os.read(r, 100)
os.close(r)
print os.access('top.py', os.R_OK), os.access('top.py', os.X_OK)
print type(os.urandom(4)), len(os.urandom(4)), os.strerror(errno.ENOENT)

pid = os.fork()
if pid == 0:
    os._exit(3)
print os.waitpid(pid, 0)[1] >> 8
print os.spawnv(os.P_WAIT, '/bin/sh', ['sh', '-c', 'exit 5'])
print os.spawnlp(os.P_WAIT, 'sh', 'sh', '-c', 'exit 6')

def rm(p):
    for root, dirs, files in os.walk(p, topdown=False):
        for n in files:
            os.remove(os.path.join(root, n))
        for n in dirs:
            p2 = os.path.join(root, n)
            if os.path.islink(p2):
                os.remove(p2)
            else:
                os.rmdir(p2)
    os.rmdir(p)
os.chdir('/')
rm(base)
print os.path.exists(base)
