# The pure-Python `string` module from CPython's Lib (constants, Template, maketrans).
import string
print string.ascii_letters
print string.digits, string.hexdigits, string.octdigits
print repr(string.punctuation)
print string.capwords("hello   big world")
t = string.Template("$who likes ${what}; $$5")
print t.substitute(who="tim", what="kung pao")
print t.safe_substitute(who="tim")
try:
    t.substitute(who="x")
except KeyError as e:
    print "KeyError", e
print string.maketrans("abc", "xyz").__len__()
print "hello".translate(string.maketrans("el", "ip"))
print string.join(["a", "b"], "-"), string.upper("abc"), string.atoi("42") + 1
