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

# markdown_list WORK: the corpus's topic Markdown files (the floor's input), one path a line, sorted, into
# WORK/files.txt.
markdown_list() {
  find "$1/gongkai/content" -name '*.md' ! -name '_index.md' | sort > "$1/files.txt"
}

# The floor: the cmark-gfm command with gongkai's five extensions over a list of files (`xargs $CMARK_FLOOR < LIST`).
CMARK_FLOOR="-n 500 cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist"
