#!/usr/bin/env bash
# Peak RSS of memory.py under vmbench-python and CPython 2.7 (issue 4 wants
# ours at most half of CPython's). Usage: memory.sh [VMBENCH_PYTHON] [PYTHON27]
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
ours="${1:-$here/../../target/release/vmbench-python}"
ref="${2:-$(pyenv prefix 2.7.18 2>/dev/null)/bin/python2.7}"
peak() { /usr/bin/time -f "%M" "$@" "$here/memory.py" 2>&1 >/dev/null | tail -1; }
a=$(peak "$ours"); b=$(peak "$ref")
echo "peak RSS: vmbench $((a / 1024)) MB, CPython $((b / 1024)) MB, ratio $(awk "BEGIN{printf \"%.2f\", $a/$b}")"
