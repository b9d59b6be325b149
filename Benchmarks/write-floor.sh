#!/bin/sh
# The output's own cost: builds the corpus once with gongkai, then times a small C program (write_floor.c) that holds
# every output file in memory and only creates the folders, writes the files with two threads and (second line)
# hashes them with SHA-256, as gongkai's manifest does; third line: the same two threads also read and render the
# corpus's Markdown with cmark-gfm first (sources in, gongkai's output out, nothing in between). Output on tmpfs,
# RUNS runs each (default 5).
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
(cd "$WORK/gongkai/public" && find . -type f | sed 's|^\./||' | sort) > "$WORK/files.txt"
echo "output: $(wc -l < "$WORK/files.txt") files, $(du -sm "$WORK/gongkai/public" | cut -f1) MiB"
find "$WORK/gongkai/content" -name '*.md' ! -name '_index.md' | sort > "$WORK/markdown.txt"
gcc -O2 -o "$WORK/write_floor" Benchmarks/write_floor.c -lpthread -lcrypto -lcmark-gfm -lcmark-gfm-extensions
for mode in "nohash" "hash" "hash $WORK/markdown.txt"; do
  for i in $(seq "${RUNS:-5}"); do
    rm -rf "$WORK/copy"
    "$WORK/write_floor" "$WORK/files.txt" "$WORK/gongkai/public" "$WORK/copy" $mode
  done
done
rm -rf "$WORK"
