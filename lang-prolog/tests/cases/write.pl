:- initialization(main).
t(f(x, 'A', "b", [1,2|_])).
main :-
    writeq([a, 'B', 'hello world', [], '[]', {}, 'don''t', '\n', -1, - 1, -(1), -(-(1)), 1 - -1, a-(-1)]), nl,
    writeq(f(a+b*c, (a+b)*c, -(3), -(a), \+a, 1+2+3, 1+(2+3), 2^3^4, (2^3)^4)), nl,
    writeq([(a:-b,c;d->e), (a,b), f((a,b)), f(;), f(!), 'x'(y)]), nl,
    writeq(- (1)), nl, writeq(-(-(a))), nl, writeq(\+ (\+ a)), nl,
    writeq(f(',', '|', '[]', [])), nl,
    write_canonical([a, 'B'|c]), nl,
    print(g('Q')), nl, write('it''s'), nl,
    writeq({a, b}), nl, writeq('{}'(x)), nl,
    writeq(1.0), nl, writeq(0.1), nl, writeq(1.5e10), nl, writeq(-0.0), nl, writeq(123456789012345678901234567890), nl,
    writeq(a=b), nl, writeq(1 rdiv 2), nl, writeq(a mod b), nl, writeq(- a), nl, writeq(-(-(-(1)))), nl,
    write_term([1,2,3,4,5,6], [max_depth(3)]), nl,
    write_term(f('A', "s"), [quoted(true)]), nl,
    write_term('$VAR'(1), [numbervars(true)]), nl, print('$VAR'(27)), nl,
    writeq(f(a;b)), nl, writeq((a;b)), nl, writeq((a->b)), nl, writeq([a|[]]), nl,
    halt.
