text = """The quick brown fox jumps over the lazy dog.
Pack my box with five dozen liquor jugs!
How vexingly quick daft zebras jump; the five boxing wizards jump quickly."""
words = [w.strip(".,;!").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print top
print len(words), len(set(words)), max(words, key=len), sum(len(w) for w in words)
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print "%2d: %-45s|%3d" % (i, line[:45], len(line))
print " ".join(w.capitalize() for w in words[:6])
print "-".join(sorted(set("".join(words))))
table = [[w, len(w), w[::-1]] for w in words[:4]]
for row in table:
    print "{0:>8} {1:<3} {2}".format(*row)
print text.count("the"), text.lower().count("the"), text.find("fox"), text.replace("quick", "slow", 1)[:20]
