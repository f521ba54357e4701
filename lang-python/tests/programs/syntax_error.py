print "ok so far"
def broken(:
    pass
