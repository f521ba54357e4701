# The select module on pipes: select() and poll objects, readiness as data
# arrives and the writer closes, and the argument errors.
import select, posix

def attempt(f, *args):
    try:
        r = f(*args)
        print f.__name__, '->', repr(r)
    except Exception as e:
        print f.__name__, '!', type(e).__name__, e, e.args

class Wrapped(object):
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd
    def __repr__(self):
        return 'Wrapped(%d)' % self.fd

r, w = posix.pipe()
print select.select([r], [w], [], 0) == ([], [w], [])
posix.write(w, 'data')
print select.select([r], [w], [r, w], 0.01) == ([r], [w], [])
wr = Wrapped(r)
rs, ws, xs = select.select([wr], (), [])
print rs, ws, xs, rs[0] is wr
print repr(posix.read(r, 10)), select.select([r], [], [], 0)[0]
posix.close(w)
print select.select([r], [], [], None)[0] == [r], repr(posix.read(r, 10))

attempt(select.select, [], [], [], 0)
attempt(select.select, 1, [], [])
attempt(select.select, [], [], [], 'x')
attempt(select.select, [], [], [], -1)
attempt(select.select, [-1], [], [], 0)
attempt(select.select, [5000], [], [], 0)
attempt(select.select, ['x'], [], [], 0)
attempt(select.select, [], [], [], 1e20)
attempt(select.select, [r + 1], [], [], 0)
posix.close(r)

r, w = posix.pipe()
p = select.poll()
print type(p)
p.register(w)
p.register(Wrapped(r), select.POLLIN)
print p.poll(0) == [(w, select.POLLOUT)]
posix.write(w, 'x')
print sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)])
p.modify(w, select.POLLIN)
print p.poll(10) == [(r, select.POLLIN)]
posix.close(w)
print p.poll(None) == [(r, select.POLLIN | select.POLLHUP)], p.poll(0.5) == p.poll(0)
p.unregister(r)
print p.poll(0) == [(w, select.POLLNVAL)]
attempt(p.unregister, r)
attempt(p.modify, 55, 1)
attempt(p.register, -1)
attempt(p.register, 'x')
attempt(p.poll, 'x')
posix.close(r)
print select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL
print select.error.__mro__[1], select.error.__module__
