total = 0
i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 8:
        break
    total += i
else:
    print "no break"
print total, i
for a in [1, 2, 3]:
    for b in (10, 20):
        if b == 20 and a == 2:
            break
        print a, b,
    else:
        print "inner done"
print
for k in []:
    print "never"
else:
    print "empty else"
n = 0
while n < 3:
    n += 1
else:
    print "while else", n
x = 3 if n > 2 else 4
print x, 1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 1 is not None, not 0, not [1]
print 0 or "", 0 or "x", 1 and 2, 1 and 0, None or [] or {}
