#!/bin/sh
# Gongkai performance benchmark: builds the same generated corpus with gongkai, Hugo and a raw cmark-gfm render
# (the floor) in one hyperfine run, output on tmpfs, and prints the ratios and each one's peak memory.
#
#   sh Benchmarks/run.sh [PAGES]        (default 10000; also try 1000 and 50000 for growth)
set -eu
cd "$(dirname "$0")/.."
N="${1:-10000}"
GONGKAI_EXTRA_PACKAGES="hugo hyperfine time" sh scripts/install-deps.sh
. Benchmarks/corpus.sh
gongkai_release
WORK="${BENCH_DIR:-/dev/shm/gongkai-bench}"
fresh_corpus "$N" "$WORK"
cp -r Benchmarks/hugo-skel/. "$WORK/hugo/"
markdown_list "$WORK"
MD_BYTES=$(xargs cat < "$WORK/files.txt" | wc -c)
echo "corpus: $N pages, $(( MD_BYTES / 1048576 )) MiB of Markdown, in $WORK (tmpfs)"

cmark_floor="xargs $CMARK_FLOOR < $WORK/files.txt > /dev/null"
gongkai_build="cd $WORK/gongkai && $BIN build > /dev/null"
hugo_build="cd $WORK/hugo && hugo --quiet --destination public"
# The previous run's output is removed before each run (hyperfine's --prepare), outside the time measured: a
# build's time is its own, not that of deleting 15,000 (Gongkai) or 10,400 (Hugo) files of the run before.
gongkai_clean="rm -rf $WORK/gongkai/public"
hugo_clean="rm -rf $WORK/hugo/public"

hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$WORK/hyperfine.json" \
  -n gongkai --prepare "$gongkai_clean" "$gongkai_build" \
  -n hugo --prepare "$hugo_clean" "$hugo_build" \
  -n cmark-floor --prepare "true" "$cmark_floor"

peak() { /usr/bin/time -v sh -c "$1" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print int($2/1024)}'; }
$gongkai_clean; G_MEM=$(peak "$gongkai_build"); $hugo_clean; H_MEM=$(peak "$hugo_build"); C_MEM=$(peak "$cmark_floor")
python3 - "$WORK/hyperfine.json" "$G_MEM" "$H_MEM" "$C_MEM" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
g, h, c = (runs[k]["median"] for k in ("gongkai", "hugo", "cmark-floor"))
print(f"median: gongkai {g:.3f} s, hugo {h:.3f} s, cmark floor {c:.3f} s")
print(f"ratios: hugo / gongkai = {h / g:.2f}x (target >= 4), gongkai / cmark floor = {g / c:.2f}x (target <= 1.5)")
print(f"peak memory: gongkai {sys.argv[2]} MiB (target <= 100), hugo {sys.argv[3]} MiB, cmark floor {sys.argv[4]} MiB")
PY
