:- initialization(main).
double(X, Y) :- Y is 2 * X.
add(X, A0, A) :- A is A0 + X.
even(X) :- X mod 2 =:= 0.
cmp(O, A, B) :- compare(O, A, B).
main :-
    append(X, Y, [1,2]), writeq(X+Y), nl, fail ; true,
    length(L, 2), numbervars(L, 0, _), print(L), nl,
    reverse([1,2,3], R), writeq(R), nl,
    nth0(1, [a,b,c], E0), nth1(1, [a,b,c], E1), writeq(E0/E1), nl,
    last([1,2,3], La), writeq(La), nl,
    sum_list([1,2,3.5], S), max_list([3,1,4], Mx), min_list([3,1,4], Mn), writeq(S/Mx/Mn), nl,
    msort([b,a,c,a], M), sort([b,a,c,a], So), sort(0, @>=, [1,3,2,3], Sd), writeq(M/So/Sd), nl,
    keysort([b-1, a-2, b-0, a-1], Ks), writeq(Ks), nl,
    predsort(cmp, [c,a,b,a], Ps), writeq(Ps), nl,
    maplist(double, [1,2,3], Ds), writeq(Ds), nl,
    foldl(add, [1,2,3], 0, Sum), writeq(Sum), nl,
    include(even, [1,2,3,4], In), exclude(even, [1,2,3,4], Ex), writeq(In/Ex), nl,
    numlist(1, 5, NL), writeq(NL), nl,
    findall(P, permutation([1,2,3], P), Perms), writeq(Perms), nl,
    select(b, [a,b,c], Sel), writeq(Sel), nl,
    memberchk(b, [a,b,c]), delete([a,b,a,c], a, Del), writeq(Del), nl,
    sort([c-1, a-2, b-3, 2.0, 1, foo, "x", f(a), g(a,b)], Std), writeq(Std), nl,
    length([a|T], 3), numbervars(T, 0, _), print(T), nl,
    exclude([X1]>>(X1 > 1), [], _) -> true ; true,
    halt.
