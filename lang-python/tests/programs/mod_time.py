# The time module's deterministic parts: conversions of fixed timestamps
# and tuples, formatting, struct_time, the zone attributes under a fixed TZ,
# and CPython's error messages.
import time, posix

def attempt(f, *args):
    try:
        r = f(*args)
        print f.__name__, '->', repr(r)
    except Exception as e:
        print f.__name__, '!', type(e).__name__, e

posix.putenv('TZ', 'UTC')
time.tzset()
print time.timezone, time.altzone, time.daylight, time.tzname, time.accept2dyear

t = time.gmtime(0)
print t
print type(t), len(t), t.n_fields, t.n_sequence_fields, t.n_unnamed_fields
print t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst
print t[0], t[-1], t[2:5], tuple(t), list(t)[:3], t == tuple(t), t + (1,)
print isinstance(t, tuple), '%s' % (t,) == repr(t), hash(t) == hash(tuple(t))
for secs in [1, -1, 1.9, -1.5, 86400 * 365, 951782400, 1234567890, 2 ** 31]:
    print secs, tuple(time.gmtime(secs))
print time.localtime(1234567890) == time.gmtime(1234567890)
attempt(time.gmtime, 'x')
attempt(time.gmtime, 1e20)
attempt(setattr, t, 'tm_year', 5)

# struct_time from Python.
s = time.struct_time((2001, 2, 3, 4, 5, 6, 5, 34, 0))
print s, s.tm_yday, s.__reduce__()
attempt(time.struct_time, (1, 2, 3))
attempt(time.struct_time, 5)

# asctime / ctime.
print time.asctime(t), '|', time.ctime(0), '|', time.ctime(1e9)
for tup in [(2000, 1, 1, 0, 0, 0, 0, 1, 0), (2000, 0, 0, 0, 0, 0, 0, 0, 0), (99, 12, 31, 23, 59, 61, 6, 365, 1),
            (12345, 7, 4, 1, 2, 3, 2, 180, -1), (68, 1, 1, 0, 0, 0, -1, 1, 0)]:
    attempt(time.asctime, tup)
for bad in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -2, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, 367, 0), (1899, 1, 1, 0, 0, 0, 0, 1, 0), (-5, 1, 1, 0, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, 1), ('x', 1, 1, 0, 0, 0, 0, 1, 0), (1.5, 1, 1, 0, 0, 0, 0, 1, 0), 5]:
    attempt(time.asctime, bad)

# strftime with fixed tuples.
fixed = (2009, 2, 13, 23, 31, 30, 4, 44, 0)
print time.strftime('%Y-%m-%d %H:%M:%S', fixed)
print time.strftime('%a %A %b %B %c %d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %Z %%', fixed)
print repr(time.strftime('', fixed)), time.strftime(u'%Y', fixed), time.strftime('%Y', list(fixed))
print time.strftime('%Y', (99, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%j', (2000, 1, 1, 0, 0, 0, 0, 0, 0))
attempt(time.strftime, '%Y', (2000, 13, 1, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, '%Y\0', fixed)
attempt(time.strftime, 5)

# mktime round trips under UTC.
for secs in [0, 1234567890, 951782400]:
    print secs, time.mktime(time.gmtime(secs)), time.mktime(time.localtime(secs))
print time.mktime((2000, 1, 1, 0, 0, 0, 0, 1, -1)), time.mktime((70, 1, 1, 0, 0, 0, 0, 1, 0))
attempt(time.mktime, (2000, 1, 1, 0, 0, 0, 0, 1))
attempt(time.mktime, (1e10, 1, 1, 0, 0, 0, 0, 1, 0))

# Two-digit years can be refused.
time.accept2dyear = 0
attempt(time.asctime, (99, 1, 1, 0, 0, 0, 0, 1, 0))
time.accept2dyear = 1

# Another zone.
posix.putenv('TZ', 'EST+05EDT,M3.2.0,M11.1.0')
time.tzset()
print time.timezone, time.altzone, time.daylight, time.tzname
print tuple(time.localtime(1234567890)), tuple(time.localtime(1246406400))
print time.mktime(time.localtime(1234567890)), time.strftime('%H:%M %Z', time.localtime(1246406400))
print time.ctime(1234567890)

# Clocks and sleep.
print type(time.time()), type(time.clock()), time.time() > 1e9
print time.sleep(0), time.sleep(0.01)
attempt(time.sleep, -1)
attempt(time.sleep, 'x')
