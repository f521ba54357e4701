#!/usr/bin/env bash
# Regenerates the expected outputs of the differential suite with CPython 2.7.18.
# For each programs/NAME.py it writes NAME.out (stdout), NAME.err (stderr)
# and NAME.status (exit status).
# Usage: regen-expected.sh [-d SUITE] [NAME.py ...]   (SUITE: programs (default) or stdlib)
set -u
suite=programs
if [ "${1:-}" = "-d" ]; then suite="$2"; shift 2; fi
cd "$(dirname "$0")/$suite" || exit 2
py="${PY27:-$(pyenv prefix 2.7.18 2>/dev/null)/bin/python}"
[ -x "$py" ] || py="$(command -v python2.7)"
[ -x "$py" ] || { echo "regen-expected.sh: CPython 2.7 not found (set PY27)" >&2; exit 2; }
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.py)
for f in "${files[@]}"; do
  case "$f" in _*) continue;; esac
  n="${f%.py}"
  stdin=/dev/null
  [ -f "$n.in" ] && stdin="$n.in"
  PYTHONHASHSEED=0 "$py" -S "$f" <"$stdin" >"$n.out" 2>"$n.err"
  echo $? >"$n.status"
done
