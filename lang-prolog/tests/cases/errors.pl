:- initialization(main).
e(G) :- catch(G, error(E, _), (writeq(E), nl)), !.
e(_) :- writeln(failed).
main :-
    e(atom_length(_, _)), e(atom_length(f(x), _)), e(functor(_, _, _)), e(functor(_, foo, -1)),
    e(arg(x, f(a), _)), e(_ =.. _), e(_ =.. [f(a)|_]), e(X is foo), e(X2 is 1 + a),
    e(call(_)), e(call((a, 1))), e(assertz(foo:-1)), e(assertz((atom(_) :- true))),
    e(number_codes(_, [])), e(atom_chars(_, [a|b])), e(char_code(_, -1)),
    e(sort(a, _)), e(msort([a|_], _)), e(keysort([a-1, b], _)),
    e(op(1300, xfx, foo)), e(op(100, yyy, foo)), e(set_prolog_flag(nosuchflag, 1)),
    e(succ(_, 0)), e(succ(a, _)), e(atom_codes(_, _)), e(sub_atom(abc, _, _, _, f(x))),
    e(number_chars(_, ['1', ' '])), e(throw(_)), e(catch(throw(x), y, true)),
    ( var(X), var(X2) -> true ; true ),
    halt.
