import _helper_mod
from _helper_mod import square, CONST
import _helper_pkg.sub as sub
from _helper_pkg import sub as sub2
print _helper_mod.square(4), square(5), CONST, sub.VALUE, sub2 is sub, _helper_mod.__name__
import sys
print "_helper_mod" in sys.modules, __name__
try:
    import no_such_module_xyz
except ImportError as e:
    print e
