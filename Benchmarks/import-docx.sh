#!/bin/sh
# Times `gongkai import` of a Word file of about PAGES pages (default 100) with hyperfine: release build, the
# document and the content folder on tmpfs, the report folder removed before each run (not timed).
set -eu
cd "$(dirname "$0")/.."
PAGES=${1:-100}
RUNS=${RUNS:-10}
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }
sh scripts/install-deps.sh
swift build -c release --product gongkai >/dev/null
OUT=/dev/shm/gongkai-import-bench
rm -rf "$OUT" && mkdir -p "$OUT"
python3 Benchmarks/make_docx.py content/xiangcheng-2024/source.txt "$PAGES" "$OUT/report-2024.docx"
.build/release/gongkai import "$OUT/report-2024.docx" --into "$OUT/content" | head -1
hyperfine --warmup 2 --runs "$RUNS" --prepare "rm -rf $OUT/content" \
  ".build/release/gongkai import $OUT/report-2024.docx --into $OUT/content"
