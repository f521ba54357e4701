import sys
first = raw_input()
print "first:", first
rest = sys.stdin.read().split()
print "rest:", rest, len(rest)
total = sum(int(x) for x in rest if x.isdigit())
print "total:", total
