% prelude.pl -- the part of the system library written in Prolog.
% Loaded at start-up; its predicates are "library" predicates: a user file
% that defines a predicate of the same name replaces the library version.

% ---- control ----
once(G) :- call(G), !.
ignore(G) :- (call(G) -> true ; true).
call_cleanup(G, C) :- setup_call_cleanup(true, G, C).
setup_call_cleanup(S, G, C) :-
    once(S),
    catch(G, E, true) -> (ignore(C), (nonvar(E) -> throw(E) ; true)) ; (ignore(C), fail).
apply(G, Args) :- G =.. L0, append(L0, Args, L1), G2 =.. L1, call(G2).

% ---- database ----
retract(Clause) :-
    '$clause_parts'(Clause, H, B),
    '$check_access'(H, B, modify),
    '$clause'(H, B, Ref),
    '$erase'(Ref).
clause(H, B) :-
    '$check_access'(H, B, access),
    '$clause'(H, B, _).
'$clause_parts'(C, H, B) :- nonvar(C), C = (H :- B), !.
'$clause_parts'(H, H, true).
assert(C) :- assertz(C).

% ---- lists ----
append([], L, L).
append([H|T], L, [H|R]) :- append(T, L, R).
append(Ls, L) :- '$append_all'(Ls, L).
'$append_all'([], []).
'$append_all'([L|Ls], As) :- append(L, Ws, As), '$append_all'(Ls, Ws).
member(X, [Y|T]) :- '$member'(T, X, Y).
'$member'(_, X, X).
'$member'([Y|T], X, _) :- '$member'(T, X, Y).
memberchk(X, L) :- member(X, L), !.
length(L, N) :- '$length'(L, N, R), ( R == true -> true ; '$length_enum'(L, 0, N) ).
'$length_enum'([], N, N).
'$length_enum'([_|T], N0, N) :- N1 is N0 + 1, '$length_enum'(T, N1, N).
reverse(L, R) :- '$reverse'(L, [], R).
'$reverse'([], A, A).
'$reverse'([H|T], A, R) :- '$reverse'(T, [H|A], R).
nth0(I, L, E) :- integer(I), !, I >= 0, '$nth_det'(I, L, E).
nth0(I, L, E) :- var(I), !, '$nth_gen'(L, E, 0, I).
nth0(I, _, _) :- throw(error(type_error(integer, I), context(nth0/3, _))).
nth1(I, L, E) :- integer(I), !, I >= 1, I0 is I - 1, '$nth_det'(I0, L, E).
nth1(I, L, E) :- var(I), !, '$nth_gen'(L, E, 1, I).
nth1(I, _, _) :- throw(error(type_error(integer, I), context(nth1/3, _))).
'$nth_det'(0, [E|_], E) :- !.
'$nth_det'(I, [_|T], E) :- I1 is I - 1, '$nth_det'(I1, T, E).
'$nth_gen'([E|_], E, B, B).
'$nth_gen'([_|T], E, B0, B) :- B1 is B0 + 1, '$nth_gen'(T, E, B1, B).
nth0(I, L, E, R) :- integer(I), !, I >= 0, '$nth_del'(I, L, E, R).
nth0(I, L, E, R) :- var(I), '$nth_gen_del'(L, E, R, 0, I).
nth1(I, L, E, R) :- integer(I), !, I >= 1, I0 is I - 1, '$nth_del'(I0, L, E, R).
nth1(I, L, E, R) :- var(I), '$nth_gen_del'(L, E, R, 1, I).
'$nth_del'(0, [E|T], E, T) :- !.
'$nth_del'(I, [H|T], E, [H|R]) :- I1 is I - 1, '$nth_del'(I1, T, E, R).
'$nth_gen_del'([E|T], E, T, B, B).
'$nth_gen_del'([H|T], E, [H|R], B0, B) :- B1 is B0 + 1, '$nth_gen_del'(T, E, R, B1, B).
last([X], X) :- !.
last([_|T], X) :- last(T, X).
sum_list(L, S) :- '$sum_list'(L, 0, S).
'$sum_list'([], S, S).
'$sum_list'([X|Xs], S0, S) :- S1 is S0 + X, '$sum_list'(Xs, S1, S).
sumlist(L, S) :- sum_list(L, S).
max_list([H|T], M) :- '$max_list'(T, H, M).
'$max_list'([], M, M).
'$max_list'([H|T], M0, M) :- M1 is max(M0, H), '$max_list'(T, M1, M).
min_list([H|T], M) :- '$min_list'(T, H, M).
'$min_list'([], M, M).
'$min_list'([H|T], M0, M) :- M1 is min(M0, H), '$min_list'(T, M1, M).
max_member(M, L) :- '$max_member'(L, M).
'$max_member'([H|T], M) :- '$max_member_'(T, H, M).
'$max_member_'([], M, M).
'$max_member_'([H|T], M0, M) :- ( H @> M0 -> '$max_member_'(T, H, M) ; '$max_member_'(T, M0, M) ).
min_member(M, L) :- '$min_member'(L, M).
'$min_member'([H|T], M) :- '$min_member_'(T, H, M).
'$min_member_'([], M, M).
'$min_member_'([H|T], M0, M) :- ( H @< M0 -> '$min_member_'(T, H, M) ; '$min_member_'(T, M0, M) ).
numlist(L, H, []) :- L > H, !.
numlist(L, H, [L|T]) :- L1 is L + 1, numlist(L1, H, T).
select(X, [X|T], T).
select(X, [H|T], [H|R]) :- select(X, T, R).
selectchk(X, L, R) :- select(X, L, R), !.
select(X, Xs, Y, Ys) :- '$select4'(Xs, X, Y, Ys).
'$select4'([X|T], X, Y, [Y|T]).
'$select4'([H|T], X, Y, [H|T2]) :- '$select4'(T, X, Y, T2).
exclude(_, [], []).
exclude(P, [H|T], R) :- ( call(P, H) -> R = R1 ; R = [H|R1] ), exclude(P, T, R1).
include(_, [], []).
include(P, [H|T], R) :- ( call(P, H) -> R = [H|R1] ; R = R1 ), include(P, T, R1).
partition(_, [], [], []).
partition(P, [H|T], I, E) :- ( call(P, H) -> I = [H|I1], E = E1 ; I = I1, E = [H|E1] ), partition(P, T, I1, E1).
maplist(_, []).
maplist(G, [A|As]) :- call(G, A), maplist(G, As).
maplist(_, [], []).
maplist(G, [A|As], [B|Bs]) :- call(G, A, B), maplist(G, As, Bs).
maplist(_, [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs]) :- call(G, A, B, C), maplist(G, As, Bs, Cs).
maplist(_, [], [], [], []).
maplist(G, [A|As], [B|Bs], [C|Cs], [D|Ds]) :- call(G, A, B, C, D), maplist(G, As, Bs, Cs, Ds).
foldl(G, L, A0, A) :- '$foldl'(L, G, A0, A).
'$foldl'([], _, A, A).
'$foldl'([X|Xs], G, A0, A) :- call(G, X, A0, A1), '$foldl'(Xs, G, A1, A).
foldl(G, L1, L2, A0, A) :- '$foldl'(L1, L2, G, A0, A).
'$foldl'([], [], _, A, A).
'$foldl'([X|Xs], [Y|Ys], G, A0, A) :- call(G, X, Y, A0, A1), '$foldl'(Xs, Ys, G, A1, A).
foldl(G, L1, L2, L3, A0, A) :- '$foldl'(L1, L2, L3, G, A0, A).
'$foldl'([], [], [], _, A, A).
'$foldl'([X|Xs], [Y|Ys], [Z|Zs], G, A0, A) :- call(G, X, Y, Z, A0, A1), '$foldl'(Xs, Ys, Zs, G, A1, A).
permutation([], []).
permutation(L, [H|T]) :- select(H, L, R), permutation(R, T).
delete([], _, []).
delete([H|T], X, R) :- ( H \= X -> R = [H|R1] ; R = R1 ), delete(T, X, R1).
subtract([], _, []).
subtract([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), subtract(T, L, R1).
intersection([], _, []).
intersection([H|T], L, R) :- ( memberchk(H, L) -> R = [H|R1] ; R = R1 ), intersection(T, L, R1).
union([], L, L).
union([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), union(T, L, R1).
list_to_set(L, S) :- '$lts'(L, [], S).
'$lts'([], _, []).
'$lts'([H|T], Seen, R) :- ( memberchk(H, Seen) -> R = R1 ; R = [H|R1] ), '$lts'(T, [H|Seen], R1).
sort(L, S, _) :- msort(L, S).
predsort(P, L, Sorted) :- length(L, N), ( N < 2 -> '$predsort_small'(P, L, Sorted) ; '$predsort'(P, N, L, _, Sorted1), Sorted = Sorted1 ).
'$predsort_small'(_, [], []).
'$predsort_small'(_, [X], [X]).
'$predsort'(P, 2, [X1,X2|L], L, R) :- !, call(P, Delta, X1, X2), '$sort2'(Delta, X1, X2, R).
'$predsort'(_, 1, [X|L], L, [X]) :- !.
'$predsort'(_, 0, L, L, []) :- !.
'$predsort'(P, N, L1, L3, R) :-
    N1 is N // 2, plus(N1, N2, N),
    '$predsort'(P, N1, L1, L2, R1),
    '$predsort'(P, N2, L2, L3, R2),
    '$predmerge'(P, R1, R2, R).
'$sort2'(<, X1, X2, [X1,X2]).
'$sort2'(=, X1, _, [X1]).
'$sort2'(>, X1, X2, [X2,X1]).
'$predmerge'(_, [], R, R) :- !.
'$predmerge'(_, R, [], R) :- !.
'$predmerge'(P, [H1|T1], [H2|T2], Result) :-
    call(P, Delta, H1, H2), !,
    '$predmerge_'(Delta, P, H1, H2, T1, T2, Result).
'$predmerge_'(<, P, H1, H2, T1, T2, [H1|R]) :- '$predmerge'(P, T1, [H2|T2], R).
'$predmerge_'(=, P, H1, _, T1, T2, [H1|R]) :- '$predmerge'(P, T1, T2, R).
'$predmerge_'(>, P, H1, H2, T1, T2, [H2|R]) :- '$predmerge'(P, [H1|T1], T2, R).
pairs_keys_values([], [], []).
pairs_keys_values([K-V|T], [K|Ks], [V|Vs]) :- pairs_keys_values(T, Ks, Vs).
pairs_keys([], []).
pairs_keys([K-_|T], [K|Ks]) :- pairs_keys(T, Ks).
pairs_values([], []).
pairs_values([_-V|T], [V|Vs]) :- pairs_values(T, Vs).
flatten(List, Flat) :- '$flatten'(List, [], Flat0), !, Flat = Flat0.
'$flatten'(Var, Tl, [Var|Tl]) :- var(Var), !.
'$flatten'([], Tl, Tl) :- !.
'$flatten'([Hd|Tl], Tail, List) :- !, '$flatten'(Hd, FlatHeadTail, List), '$flatten'(Tl, Tail, FlatHeadTail).
'$flatten'(NonList, Tl, [NonList|Tl]).
concat_atom(L, R) :- atomic_list_concat(L, R).
concat_atom(L, S, R) :- atomic_list_concat(L, S, R).

% ---- arg/3 enumeration ----
arg(N, T, A) :- var(N), !, functor(T, _, Ar), between(1, Ar, N), '$arg'(N, T, A).
arg(N, T, A) :- '$arg'(N, T, A).

% ---- all-solutions: bagof/setof with ^ ----
bagof(T, G, L) :-
    '$free_vars'(T^G, G1, W),
    (   W == []
    ->  findall(T, G1, L), L \== []
    ;   findall(W-T, G1, Pairs), Pairs \== [],
        '$bagof_groups'(Pairs, W, L)
    ).
'$bagof_groups'(Pairs, W, L) :-
    '$keysort_variant'(Pairs, Sorted),
    '$pick_group'(Sorted, W, L).
'$pick_group'(Sorted, W, L) :-
    '$groups'(Sorted, Groups),
    member(W-L, Groups).
'$groups'([], []).
'$groups'([K-V|T], [K-[V|Vs]|Gs]) :- '$same_key'(K, T, Vs, Rest), '$groups'(Rest, Gs).
'$same_key'(K, [K1-V|T], [V|Vs], Rest) :- K1 =@= K, !, K1 = K, '$same_key'(K, T, Vs, Rest).
'$same_key'(_, L, [], L).
'$keysort_variant'(Pairs, Sorted) :- keysort(Pairs, Sorted).
setof(T, G, S) :- bagof(T, G, L), sort(L, S).
'$free_vars'(T^G, Goal, W) :- '$strip_carets'(G, Goal, Bound0), term_variables(T-Bound0, BV), term_variables(Goal, GV), '$vars_minus'(GV, BV, WL), W0 =.. [v|WL], ( WL == [] -> W = [] ; W = W0 ).
'$strip_carets'(G, G, []) :- var(G), !.
'$strip_carets'(V^G, Goal, [V|B]) :- !, '$strip_carets'(G, Goal, B).
'$strip_carets'(\+ G, \+ G, []) :- !.
'$strip_carets'(G, G, []).
'$vars_minus'([], _, []).
'$vars_minus'([V|Vs], B, R) :- ( '$var_in'(V, B) -> R = R1 ; R = [V|R1] ), '$vars_minus'(Vs, B, R1).
'$var_in'(V, [W|Ws]) :- ( V == W -> true ; '$var_in'(V, Ws) ).
aggregate_all(count, G, C) :- !, findall(x, G, L), length(L, C).
aggregate_all(sum(E), G, S) :- !, findall(E, G, L), sum_list(L, S).
aggregate_all(max(E), G, M) :- !, findall(E, G, L), L \== [], max_list(L, M).
aggregate_all(min(E), G, M) :- !, findall(E, G, L), L \== [], min_list(L, M).
aggregate_all(bag(E), G, L) :- !, findall(E, G, L).
aggregate_all(set(E), G, S) :- !, findall(E, G, L), sort(L, S).
A =@= B :- '$variant'(A, B).
A \=@= B :- \+ '$variant'(A, B).
'$variant'(A, B) :- \+ \+ (copy_term(A, AC), copy_term(B, BC), numbervars(AC, 0, N), numbervars(BC, 0, N), AC == BC).
subsumes_term(G, S) :- \+ \+ (term_variables(S, V1), G = S, term_variables(V1, V2), V1 == V2).

numbervars(T, S, E) :- term_variables(T, Vs), '$numbervars'(Vs, S, E).
'$numbervars'([], N, N).
'$numbervars'(['$VAR'(N0)|Vs], N0, N) :- N1 is N0 + 1, '$numbervars'(Vs, N1, N).

% ---- DCG ----
phrase(G, L) :- phrase(G, L, []).
phrase(G, L, R) :- ( var(G) -> throw(error(instantiation_error, context(phrase/3, _))) ; true ), '$dcg_body'(G, S0, S, Goal), S0 = L, S = R, call(Goal).
expand_term(T, X) :- var(T), !, X = T.
expand_term((H --> B), X) :- !, '$dcg_rule'((H --> B), X).
expand_term(T, T).
dcg_translate_rule(R, C) :- '$dcg_rule'(R, C).
'$dcg_rule'((H, PB --> B), (H1 :- Body)) :- !,
    '$dcg_nonterminal'(H, S0, S, H1),
    '$dcg_body'(B, S0, S1, B1),
    '$dcg_terminals'(PB, S, S1, B2),
    Body = (B1, B2).
'$dcg_rule'((H --> B), (H1 :- B1)) :-
    '$dcg_nonterminal'(H, S0, S, H1),
    '$dcg_body'(B, S0, S, B1).
'$dcg_nonterminal'(H, S0, S, H1) :- callable(H), H =.. L, append(L, [S0, S], L1), H1 =.. L1.
'$dcg_terminals'(List, S0, S, S0 = L) :- append(List, S, L).
'$dcg_body'(V, S0, S, phrase(V, S0, S)) :- var(V), !.
'$dcg_body'((A, B), S0, S, (A1, B1)) :- !, '$dcg_body'(A, S0, S1, A1), '$dcg_body'(B, S1, S, B1).
'$dcg_body'((A ; B), S0, S, (A1 ; B1)) :- !, '$dcg_body'(A, S0, S, A1), '$dcg_body'(B, S0, S, B1).
'$dcg_body'((A | B), S0, S, (A1 ; B1)) :- !, '$dcg_body'(A, S0, S, A1), '$dcg_body'(B, S0, S, B1).
'$dcg_body'((A -> B), S0, S, (A1 -> B1)) :- !, '$dcg_body'(A, S0, S1, A1), '$dcg_body'(B, S1, S, B1).
'$dcg_body'(\+ A, S0, S, (\+ A1, S0 = S)) :- !, '$dcg_body'(A, S0, _, A1).
'$dcg_body'({}(G), S0, S, (call(G), S0 = S)) :- !.
'$dcg_body'(!, S0, S, (!, S0 = S)) :- !.
'$dcg_body'([], S0, S, S0 = S) :- !.
'$dcg_body'(L, S0, S, S0 = L1) :- is_list(L), !, append(L, S, L1).
'$dcg_body'(call(G), S0, S, call(G, S0, S)) :- !.
'$dcg_body'(call(G, A), S0, S, call(G, A, S0, S)) :- !.
'$dcg_body'(call(G, A, B), S0, S, call(G, A, B, S0, S)) :- !.
'$dcg_body'(NT, S0, S, G) :- '$dcg_nonterminal'(NT, S0, S, G).

% ---- misc ----
writeln(X) :- write(X), nl.
writeln(S, X) :- write(S, X), nl(S).
print_message(_, _).
portray_clause(C) :- \+ \+ (numbervars(C, 0, _), '$portray'(C)).
'$portray'((H :- true)) :- !, writeq(H), write('.'), nl.
'$portray'((H :- B)) :- !, writeq(H), write(' :-'), nl, '$portray_body'(B, 1), write('.'), nl.
'$portray'(H) :- writeq(H), write('.'), nl.
'$portray_body'((A, B), D) :- !, '$portray_body'(A, D), write(','), nl, '$portray_body'(B, D).
'$portray_body'(G, D) :- tab(D * 4), writeq(G).
with_output_to(Spec, G) :- '$capture_start'(H), ( catch(G, E, ('$capture_end'(H, _), throw(E))) -> '$capture_end'(H, Text), '$with_output_result'(Spec, Text) ; '$capture_end'(H, _), fail ).
'$with_output_result'(atom(A), T) :- !, A = T.
'$with_output_result'(string(A), T) :- !, A = T.
'$with_output_result'(codes(C), T) :- !, atom_codes(T, C).
'$with_output_result'(chars(C), T) :- !, atom_chars(T, C).
consult(Files) :- is_list(Files), !, '$consult_all'(Files).
consult(File) :- '$consult'(File).
'$consult_all'([]).
'$consult_all'([F|Fs]) :- '$consult'(F), '$consult_all'(Fs).
ensure_loaded(F) :- '$ensure_loaded'(F).
nb_setval(K, V) :- '$nb_setval'(K, V).
b_setval(K, V) :- '$nb_setval'(K, V).
nb_getval(K, V) :- '$nb_getval'(K, V).
b_getval(K, V) :- '$nb_getval'(K, V).
string_concat(A, B, C) :- atom_concat(A, B, C).
string_chars(S, C) :- ( var(S) -> atom_chars(S, C) ; atom_string_(S, A), atom_chars(A, C) ).
string_codes(S, C) :- '$string_codes'(S, C).
string_to_atom(S, A) :- ( var(S) -> S = A ; '$string_codes'(S, C), atom_codes(A, C) ).
atom_string(A, S) :- ( var(A) -> '$string_codes'(S, C), atom_codes(A, C) ; atom_string_(A, S) ).
atom_string_(A, S) :- ( atom(A) -> S = A ; '$string_codes'(A, C), atom_codes(S, C) ).
string_length(S, L) :- '$string_codes'(S, C), length(C, L).
number_string(N, S) :- '$string_codes'(S, C), number_codes(N, C).
string(_) :- fail.
term_string(T, S) :- term_to_atom(T, S).
read_term_from_atom(A, T, _) :- term_to_atom(T, A).
sub_string(S, B, L, A, Sub) :- sub_atom(S, B, L, A, Sub).
garbage_collect.
statistics(runtime, [T, 0]) :- !, '$cputime_ms'(T).
statistics(cputime, T) :- !, '$cputime_ms'(T0), T is T0 / 1000.
statistics(walltime, [T, 0]) :- !, '$walltime_ms'(T).
statistics(process_cputime, T) :- !, '$cputime_ms'(T).
statistics(inferences, 0) :- !.
statistics(_, 0).
statistics.
get_time(T) :- '$walltime_ms'(M), T is M / 1000.
told :- current_output(S), ( S == user_output -> true ; close(S) ), set_output(user_output).
tell(F) :- open(F, write, S), set_output(S).
seen :- current_input(S), close(S), set_input(user_input).
see(F) :- open(F, read, S), set_input(S).
exists_file(F) :- '$exists_file'(F).
char_type(C, alpha) :- !, '$char_alpha'(C).
char_type(C, digit(W)) :- !, char_code(C, X), X >= 0'0, X =< 0'9, W is X - 0'0.
char_type(C, to_lower(L)) :- !, downcase_atom(C, L).
char_type(C, to_upper(U)) :- !, upcase_atom(C, U).
char_type(C, upper(L)) :- !, upcase_atom(C, C), downcase_atom(C, L), C \== L.
char_type(C, lower(U)) :- !, downcase_atom(C, C), upcase_atom(C, U), C \== U.
char_type(C, space) :- !, char_code(C, X), (X =:= 32 ; X >= 9, X =< 13), !.
char_type(C, white) :- !, (C == ' ' ; C == '\t'), !.
char_type(C, alnum) :- !, '$char_alpha'(C), C \== '_'.
char_type(C, csym) :- !, '$char_alpha'(C).
char_type(C, csymf) :- !, '$char_alpha'(C), \+ char_type(C, digit(_)).
char_type(C, punct) :- !, char_code(C, X), X > 32, X < 127, \+ '$char_alpha'(C).
char_type(C, end_of_line) :- !, (C == '\n' ; C == '\r'), !.
code_type(X, T) :- ( integer(X) -> char_code(C, X) ; C = X ), ( T = digit(W) -> char_type(C, digit(W)) ; T = to_lower(L) -> char_type(C, to_lower(LC)), char_code(LC, L) ; T = to_upper(U) -> char_type(C, to_upper(UC)), char_code(UC, U) ; char_type(C, T) ).
