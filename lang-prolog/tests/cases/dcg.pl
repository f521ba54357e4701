:- initialization(main).
greeting --> [hello], name.
name --> [world].
name --> [prolog].
digits([D|T]) --> digit(D), digits(T).
digits([D]) --> digit(D).
digit(D) --> [D], { code_type(D, digit) }.
expr(X) --> term(X0), expr_rest(X0, X).
expr_rest(X0, X) --> "+", !, term(Y), { X1 is X0 + Y }, expr_rest(X1, X).
expr_rest(X, X) --> [].
term(N) --> digits(Ds), { number_codes(N, Ds) }.
anything([]) --> [].
anything([H|T]) --> [H], anything(T).
main :-
    ( phrase(greeting, [hello, world]) -> writeln(yes) ; writeln(no) ),
    ( phrase(greeting, [hello, there]) -> writeln(yes) ; writeln(no) ),
    phrase(expr(V), "12+30+0"), writeq(V), nl,
    phrase(anything(A), [a,b,c], Rest), writeq(A-Rest), nl,
    expand_term((a --> b, [c], {d}), T), writeq(T), nl,
    halt.
