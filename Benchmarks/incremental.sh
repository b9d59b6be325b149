#!/bin/sh
# One-page edit on a 10,000-page site under `gongkai serve`: edits one topic file N times and prints, per edit,
# the server's own rebuild time ("rebuilt in … ms", writing the changed files included) and the time from the edit
# to the new page on disk (`serve --write` keeps public/ in step), to the reload event and to the new page fetched
# over HTTP (scripts/serve-latency.py). Corpus and site copy on tmpfs.
#   sh Benchmarks/incremental.sh [PAGES] [EDITS]       (defaults 10000 and 20)
set -eu
cd "$(dirname "$0")/.."
N="${1:-10000}"
EDITS="${2:-20}"
. Benchmarks/corpus.sh
gongkai_release
WORK="/dev/shm/gongkai-incremental-$N"
fresh_corpus "$N" "$WORK"
TMPDIR=/dev/shm python3 scripts/serve-latency.py --site "$WORK/gongkai" --page r00010/05.md --runs "$EDITS" --write \
  | tee "$WORK/latency.txt"
python3 - "$WORK/latency.txt" <<'PY'
import re, statistics, sys
times = [int(m) for m in re.findall(r"rebuilt in (\d+) ms", open(sys.argv[1]).read())]
if times:
    times.sort()
    print(f"rebuild inside serve: median {statistics.median(times):.0f} ms, max {times[-1]} ms ({len(times)} edits)")
PY
rm -rf "$WORK"
