def f():
    return missing_function(1)
print "start"
f()
