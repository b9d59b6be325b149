#!/bin/sh
# Build time and peak memory of gongkai at several corpus sizes (output on tmpfs): shows how the build grows.
#   sh Benchmarks/growth.sh 1000 10000 50000
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product gongkai --static-swift-stdlib >/dev/null
BIN="$(pwd)/.build/release/gongkai"
for N in "$@"; do
  WORK="/dev/shm/gongkai-growth-$N"
  rm -rf "$WORK" && mkdir -p "$WORK"
  python3 Benchmarks/gen_corpus.py "$N" "$WORK" >/dev/null
  cp -r theme "$WORK/gongkai/theme"
  cd "$WORK/gongkai"
  /usr/bin/time -f "$N pages: %e s wall, %U s user, %M KiB peak" "$BIN" build >/dev/null
  cd - >/dev/null
  rm -rf "$WORK"
done
