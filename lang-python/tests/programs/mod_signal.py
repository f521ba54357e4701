# The signal module: Python handlers run soon after the signal arrives
# (here right after os.kill returns), exceptions from handlers, SIG_IGN,
# KeyboardInterrupt from SIGINT, timers, and the argument errors.
import signal, posix, sys

def attempt(f, *args):
    try:
        r = f(*args)
        print f.__name__, '->', repr(r)
    except Exception as e:
        print f.__name__, '!', type(e).__name__, e

got = []
def handler(signum, frame):
    got.append(signum)
    print 'handler', signum, frame is not None

print signal.NSIG, signal.SIG_DFL, signal.SIG_IGN, signal.SIGINT, signal.SIGUSR1, signal.SIGALRM, signal.SIGCHLD
print signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGUSR1)
print signal.signal(signal.SIGUSR1, handler), signal.getsignal(signal.SIGUSR1) is handler
posix.kill(posix.getpid(), signal.SIGUSR1)
print 'after kill', got

def inner():
    posix.kill(posix.getpid(), signal.SIGUSR1)
    return 'inner done'
print inner(), got

def boom(signum, frame):
    raise ValueError('from handler %d' % signum)
print signal.signal(signal.SIGUSR2, boom) == signal.SIG_DFL
try:
    posix.kill(posix.getpid(), signal.SIGUSR2)
    print 'not reached'
except ValueError as e:
    print 'caught', e

print signal.signal(signal.SIGUSR2, signal.SIG_IGN) is boom
posix.kill(posix.getpid(), signal.SIGUSR2)
print 'ignored', signal.getsignal(signal.SIGUSR2)

try:
    posix.kill(posix.getpid(), signal.SIGINT)
    print 'not reached'
except KeyboardInterrupt as e:
    print 'KeyboardInterrupt', e.args
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print 'default_int_handler raised KeyboardInterrupt', e.args

# A loop is interrupted at its next iteration.
class Stop(Exception):
    pass
def stop(signum, frame):
    raise Stop()
signal.signal(signal.SIGUSR1, stop)
n = 0
try:
    while True:
        n += 1
        if n == 5:
            posix.kill(posix.getpid(), signal.SIGUSR1)
except Stop:
    print 'loop stopped at', n

# Timers.
signal.signal(signal.SIGALRM, handler)
print signal.setitimer(signal.ITIMER_REAL, 0.05)
signal.pause()
print 'after pause', got[-1]
print signal.getitimer(signal.ITIMER_REAL), signal.alarm(0)
print signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF
print signal.set_wakeup_fd(-1)
print signal.siginterrupt(signal.SIGALRM, True), signal.siginterrupt(signal.SIGALRM, False)
print signal.signal(signal.SIGALRM, signal.SIG_DFL) is handler

# A signal ends a sleep early; its handler runs when sleep returns.
import time
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.time()
time.sleep(5)
print 'slept less', time.time() - t0 < 4, got[-1]
signal.signal(signal.SIGALRM, signal.SIG_DFL)

attempt(signal.signal, 0, signal.SIG_DFL)
attempt(signal.signal, signal.NSIG, signal.SIG_DFL)
attempt(signal.signal, signal.SIGKILL, signal.SIG_DFL)
attempt(signal.signal, signal.SIGUSR1, 5)
attempt(signal.signal, signal.SIGUSR1, True)
attempt(signal.getsignal, 0)
attempt(signal.getitimer, 99)
attempt(signal.setitimer, 99, 1)
attempt(signal.set_wakeup_fd, 999)
attempt(signal.siginterrupt, 0, True)
print issubclass(signal.ItimerError, IOError), signal.ItimerError.__module__
