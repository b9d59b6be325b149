#!/bin/sh
# The output's own cost: builds the corpus once with gongkai, then times a small C program (write_floor.c) that holds
# every output file in memory and only creates the folders and writes the files with two threads (nohash), also
# hashes them with SHA-256 as gongkai's manifest does (hash), also reads and renders the corpus's Markdown with
# cmark-gfm first (render: sources in, gongkai's output out, nothing in between), and also counts each Markdown
# file's search keys (keys: the search index's first step). In the same run, the cmark-gfm command over the same
# files (run.sh's floor), for the ratio. Output on tmpfs, RUNS runs each (default 5), interleaved; prints medians.
#   sh Benchmarks/write-floor.sh [PAGES]
set -eu
cd "$(dirname "$0")/.."
N="${1:-10000}"
GONGKAI_EXTRA_PACKAGES="gcc libc6-dev libssl-dev" sh scripts/install-deps.sh
. Benchmarks/corpus.sh
gongkai_release
WORK="${BENCH_DIR:-/dev/shm/gongkai-write-floor}"
fresh_corpus "$N" "$WORK"
(cd "$WORK/gongkai" && "$BIN" build >/dev/null)
markdown_list "$WORK"
(cd "$WORK/gongkai/public" && find . -type f | sed 's|^\./||' | sort) > "$WORK/output.txt"
echo "output: $(wc -l < "$WORK/output.txt") files, $(du -sm "$WORK/gongkai/public" | cut -f1) MiB"
gcc -O2 -o "$WORK/write_floor" Benchmarks/write_floor.c -lpthread -lcrypto -lcmark-gfm -lcmark-gfm-extensions
floor() { "$WORK/write_floor" "$WORK/output.txt" "$WORK/gongkai/public" "$WORK/copy" "$@" | sed -n 's/.* in \([0-9.]*\) s$/\1/p'; }
: > "$WORK/times.txt"
for i in $(seq "${RUNS:-5}"); do
  start=$(date +%s.%N)
  xargs $CMARK_FLOOR < "$WORK/files.txt" > /dev/null
  echo "cmark-floor $(echo "$(date +%s.%N) - $start" | bc)" >> "$WORK/times.txt"
  for mode in nohash hash render keys; do
    rm -rf "$WORK/copy"
    case $mode in
      render) t=$(floor hash "$WORK/files.txt") ;;
      keys) t=$(floor keys "$WORK/files.txt") ;;
      *) t=$(floor "$mode") ;;
    esac
    echo "$mode $t" >> "$WORK/times.txt"
  done
done
python3 - "$WORK/times.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, t = line.split()
    runs.setdefault(name, []).append(float(t))
floor = statistics.median(runs["cmark-floor"])
labels = {"cmark-floor": "cmark-gfm command (run.sh's floor)", "nohash": "write the output", "hash": "write and hash it",
          "render": "render the Markdown, write and hash", "keys": "render, count search keys, write and hash"}
for name in ("cmark-floor", "nohash", "hash", "render", "keys"):
    m = statistics.median(runs[name])
    print(f"{labels[name]:44s} median {m:.3f} s ({m / floor:.2f}x the floor; runs {', '.join(f'{t:.3f}' for t in runs[name])})")
print(f"the issue's target, 1.5x the floor: {1.5 * floor:.3f} s")
PY
rm -rf "$WORK"
