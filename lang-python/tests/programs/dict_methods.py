d = dict(a=1, b=2)
d.update({"c": 3}, d=4)
print sorted(d.items()), d.get("z"), d.get("z", 0), d.setdefault("e", 5), d.pop("a"), d.pop("zz", None)
print "b" in d, d.has_key("c"), len(d), sorted(d.keys()), sorted(d.values())
k, v = d.popitem()
print len(d)
d2 = d.copy(); d2["new"] = 1
print "new" in d, "new" in d2
print dict.fromkeys("abc", 0), dict([(1, 2), (3, 4)]), dict(zip("xy", [1, 2]))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print counts
try:
    {}["missing"]
except KeyError as e:
    print "KeyError", e
nested = {"a": {"b": [1, {"c": 2}]}}
print nested["a"]["b"][1]["c"], nested
d3 = {}
d3[(1, 2)] = "t"; d3[1.0] = "f"; d3[1] = "i"
print d3
for k in sorted(counts):
    print k, counts[k],
print
print [(k, v) for k, v in sorted(counts.iteritems()) if v > 1]
