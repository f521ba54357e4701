:- initialization(main).
:- dynamic(counter/1).
counter(0).
t(1). t(2). t(3).
inc :- retract(counter(N)), N1 is N + 1, assertz(counter(N1)).
first(X) :- t(X), !.
soft(X) :- ( t(X) *-> true ; X = none ).
main :-
    findall(X, t(X), L1), writeq(L1), nl,
    first(F), writeq(F), nl,
    findall(X, soft(X), L2), writeq(L2), nl,
    ( \+ t(4) -> writeln(not4) ; true ),
    forall(t(X), (inc)), counter(C), writeq(C), nl,
    catch(throw(my), B, (writeq(caught(B)), nl)),
    catch((t(X3), X3 > 1, throw(found(X3))), found(Y), (writeq(Y), nl)),
    ( catch(fail, _, true) -> true ; writeln(failed) ),
    once(t(O)), writeq(O), nl, ignore(fail),
    G = (t(Z), Z >= 2), findall(Z, G, L3), writeq(L3), nl,
    call(format, "~w~n", [callN]),
    findall(A-B, (member(A, [1,2]), member(B, [x,y])), L4), writeq(L4), nl,
    (bagof(X5, t(X5), L5) -> writeq(L5) ; true), nl,
    (setof(K-V, member(K-V, [b-2, a-1, b-1, a-1]), L6) -> writeq(L6) ; true), nl,
    findall(K7-Vs, bagof(V7, member(K7-V7, [x-1, y-2, x-3]), Vs), L7), writeq(L7), nl,
    (setof(X8, Y8^member(X8-Y8, [c-1, a-2, b-3]), L8) -> writeq(L8) ; true), nl,
    aggregate_all(count, t(_), N9), writeq(N9), nl,
    between(1, 3, B10), write(B10), fail ; nl,
    catch(call(1), error(E11, _), (writeq(E11), nl)),
    catch(undefined_xyz(1), error(E12, _), (writeq(E12), nl)),
    retractall(t(_)), findall(X13, t(X13), L13), writeq(L13), nl,
    asserta(q(2)), asserta(q(1)), assertz(q(3)), findall(Q, q(Q), LQ), writeq(LQ), nl,
    retract(q(2)), findall(Q2, q(Q2), LQ2), writeq(LQ2), nl,
    (clause(inc, Body) -> writeq(Body) ; true), nl,
    halt.
