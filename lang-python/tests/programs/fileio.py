import sys
name = "_fileio_tmp.txt"
f = open(name, "w")
f.write("line one\n")
f.write("line two\n")
print >>f, "line", 3
f.close()
f = open(name)
print repr(f.read())
f.close()
with open(name) as f:
    for i, line in enumerate(f):
        print i, line.rstrip()
f = open(name, "a")
f.write("appended\n")
f.close()
print open(name).readlines()
print len(open(name).read().splitlines())
try:
    open("/nonexistent/dir/file.txt")
except IOError as e:
    print "IOError", e.errno, e.strerror, e.filename
print f.closed if hasattr(f, "closed") else True
sys.stdout.write("done\n")
