# pwd, grp and resource: the root user and group (present on any Unix),
# struct sequences, lookups that fail, and resource limits.
import pwd, grp, resource

def attempt(f, *args):
    try:
        r = f(*args)
        print f.__name__, '->', repr(r)
    except Exception as e:
        print f.__name__, '!', type(e).__name__, e

root = pwd.getpwuid(0)
print type(root), len(root), root.pw_name, root.pw_uid, root.pw_gid, root[0] == root.pw_name
print pwd.getpwnam('root') == root, pwd.getpwnam(u'root').pw_uid, root in pwd.getpwall()
print pwd.struct_pwent is pwd.struct_passwd, pwd.struct_passwd.n_fields
attempt(pwd.getpwuid, 4000000)
attempt(pwd.getpwuid, 'x')
attempt(pwd.getpwnam, 'no-such-user-here')
attempt(pwd.getpwnam, 5)

g = grp.getgrgid(0)
print type(g), len(g), g.gr_name, g.gr_gid, type(g.gr_mem)
print grp.getgrnam('root') == g, grp.getgrgid('0') == g, g in grp.getgrall()
attempt(grp.getgrgid, 4000000)
attempt(grp.getgrgid, 'x')
attempt(grp.getgrnam, 'no-such-group-here')

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print type(soft), soft <= hard or hard == resource.RLIM_INFINITY
resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
print resource.getrlimit(resource.RLIMIT_CORE)[0]
attempt(resource.getrlimit, 99)
attempt(resource.setrlimit, resource.RLIMIT_CORE, (1, 2, 3))
attempt(resource.setrlimit, resource.RLIMIT_CORE, 5)
attempt(resource.getrusage, 99)
u = resource.getrusage(resource.RUSAGE_SELF)
print type(u), len(u), type(u.ru_utime), type(u.ru_maxrss), u.ru_maxrss > 0
print resource.getpagesize(), resource.RLIM_INFINITY, resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN
print resource.error.__mro__[1]
