data = [("bob", 3), ("alice", 5), ("carol", 3), ("dave", 1), ("eve", 5)]
print sorted(data)
print sorted(data, key=lambda p: p[1])
print sorted(data, key=lambda p: (-p[1], p[0]))
print sorted(data, cmp=lambda a, b: cmp(a[1], b[1]), reverse=True)
words = "the quick brown fox jumps over the lazy dog".split()
words.sort(key=len)
print words
print sorted("hello world"), sorted([3, 1.5, 2L, -1]), sorted([[2, 1], [1, 2], [1]])
l = range(20, 0, -3)
l.sort()
print l, min(l), max(l), max(words, key=len), min("abc", "xyz", key=lambda s: s[1])
print sorted({3: 1, 1: 2, 2: 3}), sorted(set([5, 2, 8])), list(reversed(sorted(words)))[:3]
