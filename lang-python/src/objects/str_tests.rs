//! str/unicode methods and formatting checked against CPython 2.7.18.
//! Every expected value was produced by python2.7 for the same expression.
