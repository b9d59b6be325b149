# Sourced by the benchmark scripts, from the repository root: the release binary and a fresh corpus.

# Builds the release binary as `make site` does; sets BIN to it.
gongkai_release() {
  swift build -c release --product gongkai --static-swift-stdlib >/dev/null
  BIN="$(pwd)/.build/release/gongkai"
}

# fresh_corpus PAGES WORK: empties WORK and writes the corpus there (WORK/gongkai with the default theme, WORK/hugo).
fresh_corpus() {
  rm -rf "$2" && mkdir -p "$2"
  python3 Benchmarks/gen_corpus.py "$1" "$2" >/dev/null
  cp -r theme "$2/gongkai/theme"
}
