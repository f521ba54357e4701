def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print len(hanoi(10, "A", "B", "C", [])), hanoi(2, "A", "B", "C", [])
def perms(xs):
    if not xs:
        return [[]]
    return [[x] + p for i, x in enumerate(xs) for p in perms(xs[:i] + xs[i + 1:])]
print perms([1, 2, 3]), len(perms(range(6)))
def qsort(l):
    if len(l) <= 1:
        return l
    p = l[0]
    return qsort([x for x in l[1:] if x < p]) + [p] + qsort([x for x in l[1:] if x >= p])
print qsort([5, 3, 8, 1, 9, 2, 7, 3])
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print ackermann(2, 3)
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print gcd(1071, 462), gcd(2 ** 100, 6 ** 50)
def flatten(x):
    return [a for i in x for a in flatten(i)] if isinstance(x, list) else [x]
print flatten([1, [2, [3, [4]], 5]])
memo = {0: 0, 1: 1}
def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print fib(150)
