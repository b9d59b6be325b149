#!/bin/sh
# Build time and peak memory of gongkai at several corpus sizes (output on tmpfs): shows how the build grows.
#   sh Benchmarks/growth.sh 1000 10000 50000
set -eu
cd "$(dirname "$0")/.."
. Benchmarks/corpus.sh
gongkai_release
for N in "$@"; do
  WORK="/dev/shm/gongkai-growth-$N"
  fresh_corpus "$N" "$WORK"
  cd "$WORK/gongkai"
  /usr/bin/time -f "$N pages: %e s wall, %U s user, %M KiB peak" "$BIN" build >/dev/null
  cd - >/dev/null
  rm -rf "$WORK"
done
