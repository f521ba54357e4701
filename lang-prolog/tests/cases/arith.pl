:- initialization(main).
p(E) :- catch((X is E, writeq(E = X)), error(Err, _), writeq(E-Err)), nl.
main :-
    maplist(p, [7/2, 7//2, -7//2, 7 mod -2, -7 rem 2, 7 mod 0, 2^100, 2^(-1), 1/0, 0.0/0.0,
                abs(-5), sign(-3), min(3, 2.0), max(1, 1.0), truncate(3.7), round(-2.5), ceiling(2.1), floor(-0.5),
                1 << 70, -17 >> 2, 5 /\ 3, 5 \/ 3, xor(5, 3), \ 0, msb(1000), gcd(12, 18),
                sqrt(16), sin(0), cos(pi), exp(0), log(1), atan2(1, 1), float_integer_part(3.5),
                float_fractional_part(-2.5), 10 ** 2, 2.0 ** 0.5, e, pi, 100000000000 * 100000000000,
                -(-(9223372036854775807)) + 1, 12345678901234567890 mod 97, integer(2.5), float(1 << 64),
                foo + 1, a, "a" + 0, cot(1.0)]),
    X = 3, (X =:= 3.0 -> writeln(eq) ; writeln(ne)),
    (1 < 2, 2.0 >= 2, 3 =\= 4 -> writeln(cmp_ok) ; writeln(cmp_bad)),
    succ(S, 5), writeln(S), plus(2, P, 7), writeln(P),
    halt.
