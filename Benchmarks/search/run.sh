#!/bin/sh
# Search benchmark: a 10,000-page corpus, built with the release binary; index share of the build time; bytes and
# time per query in headless Chromium. Writes into Benchmarks/out/search/ (git-ignored).
#   sh Benchmarks/search/run.sh [PAGES]     (SWIFT_BUILD_FLAGS as for scripts/search-e2e.sh)
set -eu
cd "$(dirname "$0")/../.."
pages="${1:-10000}"
out=Benchmarks/out/search
swift build -c release ${SWIFT_BUILD_FLAGS:---static-swift-stdlib} --product gongkai >/dev/null
bin="$(swift build -c release ${SWIFT_BUILD_FLAGS:---static-swift-stdlib} --show-bin-path)/gongkai"
python3 Benchmarks/search/generate.py "$out/site" --pages "$pages"
rm -rf "$out/public"
start=$(date +%s.%N)
GONGKAI_SEARCH_TIMING=1 "$bin" build --root "$out/site" --output "$out/public" 2>"$out/timing.txt"
end=$(date +%s.%N)
cat "$out/timing.txt"
python3 - "$start" "$end" "$out/timing.txt" <<'PY'
import re, sys
total = (float(sys.argv[2]) - float(sys.argv[1])) * 1000
ms = float(re.search(r"([0-9.]+) ms", open(sys.argv[3]).read()).group(1))
print(f"build {total:.0f} ms, of which search index {ms:.0f} ms ({100 * ms / total:.1f}%; {100 * ms / (total - ms):.1f}% added to the build without it)")
PY
du -sh "$out/public/search"
python3 Benchmarks/search/measure.py "$out/public"
