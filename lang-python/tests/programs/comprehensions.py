print [x * 2 for x in range(5)]
print [(x, y) for x in range(3) for y in range(x) if (x + y) % 2]
print {x % 3 for x in range(10)}
print {x: x * x for x in range(5)}
print [x for x in "abc"], x
m = [[1, 2], [3, 4]]
print [v for row in m for v in row]
print sum(x for x in range(101))
