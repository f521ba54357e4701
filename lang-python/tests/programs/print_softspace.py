print "a",
print "b"
print "x\t",
print "y"
print "line\n",
print "next"
print 1, 2,
print
import sys
print >>sys.stderr, "to stderr"
print >>sys.stdout, "to", "stdout"
sys.stdout.write("written\n")
print "end"
