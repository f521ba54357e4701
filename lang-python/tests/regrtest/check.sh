#!/usr/bin/env bash
# CPython 2.7's own regression tests under vmbench-python, compared with the
# checked-in list of modules that pass (passing.txt), so that a module that
# passed never silently starts failing.
#
#   check.sh [-u] [-t SEC] [TIER ...]      TIER: tier1 tier2 tier3 (default: tier1 tier2)
#     -u       record the modules that pass now in passing.txt (after review)
#     -t SEC   per-module timeout (default 60)
#
# Uses ../shared/conformance/regrtest27.sh (VMBENCH_SHARED overrides where
# shared/ is) and the release build of vmbench-python. Prints the runner's
# own "N passed, N failed, N skipped" line per tier, then the regressions
# (exit 1 if any) and the new passes. Skips, exit 0, when shared/ or a
# CPython 2.7 library is missing.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
shared="${VMBENCH_SHARED:-$repo/../shared}"
conf="$shared/conformance"
interp="$repo/target/release/vmbench-python"
update=0
timeout=60
while getopts "ut:" opt; do
  case "$opt" in
    u) update=1 ;;
    t) timeout="$OPTARG" ;;
    *) echo "usage: check.sh [-u] [-t SEC] [tier1 tier2 tier3]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
tiers=("$@")
[ ${#tiers[@]} -gt 0 ] || tiers=(tier1 tier2)

if [ ! -x "$conf/regrtest27.sh" ]; then
  echo "regrtest: skipped: no $conf/regrtest27.sh (set VMBENCH_SHARED)"; exit 0
fi
if [ ! -x "$interp" ]; then
  echo "regrtest: $interp missing: run cargo build --release -p lang-python" >&2; exit 2
fi
lib="$("$interp" -c 'import sys; print sys.prefix' 2>/dev/null)/lib/python2.7"
if [ ! -f "$lib/test/regrtest.py" ]; then
  echo "regrtest: skipped: CPython 2.7's Lib/test not found (set PY27_HOME)"; exit 0
fi
export PY27_HOME="${lib%/lib/python2.7}"

out="${REGRTEST_OUT:-$repo/target/regrtest}"
mkdir -p "$out"
now="$out/passing-now.txt"
: > "$now"
for t in "${tiers[@]}"; do
  echo "== $t"
  "$conf/regrtest27.sh" -j 2 -t "$timeout" -o "$out/$t.tsv" -f "$conf/$t.txt" "$interp" | tail -n 1
  awk -F'\t' 'NR > 1 && $2 == "pass" { print $1 }' "$out/$t.tsv" >> "$now"
done
sort -o "$now" "$now"

# Only the tiers run are compared.
expected="$out/passing-expected.txt"
for t in "${tiers[@]}"; do
  grep -v '^#' "$conf/$t.txt" | awk '{print $1}' | grep . | sort | comm -12 - <(grep -v '^#' "$here/passing.txt" | sort)
done | sort -u > "$expected"

lost=$(comm -23 "$expected" "$now")
new=$(comm -13 "$expected" "$now")
if [ "$update" = 1 ]; then
  { echo "# Modules of CPython 2.7's Lib/test that pass under vmbench-python (check.sh -u)."
    { grep -v '^#' "$here/passing.txt"; cat "$now"; } | sort -u; } > "$here/passing.txt.new"
  # A module that stopped passing is dropped only on purpose: -u keeps
  # modules of tiers not run and adds the new ones; lost ones are removed.
  if [ -n "$lost" ]; then grep -vxF -f <(echo "$lost") "$here/passing.txt.new" > "$here/passing.txt"; rm "$here/passing.txt.new"
  else mv "$here/passing.txt.new" "$here/passing.txt"; fi
  echo "passing.txt updated: $(grep -vc '^#' "$here/passing.txt") modules"
  exit 0
fi
[ -z "$new" ] || echo "newly passing (record with check.sh -u): $(echo $new)"
if [ -n "$lost" ]; then
  echo "REGRESSIONS (passed before, not now): $(echo $lost)"
  echo "logs: $out/<tier>-logs/<module>.log"
  exit 1
fi
echo "regrtest: no regressions ($(wc -l < "$expected") recorded passes checked)"
