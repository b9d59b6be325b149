#!/bin/sh
# Site search in a real headless Chromium (Tests/search-e2e/test_search.py). Installs Debian's chromium and
# chromium-driver and selenium from PyPI when missing, builds the real site twice into a temporary folder (served
# under the sub-path /fzzfjs/, and with --file-links for file://), a two-report series (over http and file://) and
# a copy whose index names another format, and types queries into them.
# Set SWIFT_BUILD_FLAGS (e.g. "--scratch-path .build-search") to use another build folder.
set -eu
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium 2>/dev/null \
  || python3 -m pip install -q --break-system-packages selenium
swift build ${SWIFT_BUILD_FLAGS:-} --product gongkai
bin="$(swift build ${SWIFT_BUILD_FLAGS:-} --show-bin-path)/gongkai"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" build --output "$tmp/site/fzzfjs" >/dev/null
"$bin" build --file-links --output "$tmp/files" >/dev/null
# A second report of the series (the 2024 report copied as 2023) for the 搜索范围 (one report) checks.
mkdir -p "$tmp/root"
cp -r content theme "$tmp/root/"
cp -r content/xiangcheng-2024 "$tmp/root/content/xiangcheng-2023"
sed -i -e 's/^title: .*/title: "项城市2023年法治政府建设年度报告"/' -e 's/^year: .*/year: 2023/' -e 's/^written: .*/written: "2024-02-28"/' \
  "$tmp/root/content/xiangcheng-2023/report.yaml"
"$bin" build --root "$tmp/root" --output "$tmp/site/series" >/dev/null
# The same with --file-links: its 26 documents fill one file of texts and part of a second, read from file://.
"$bin" build --root "$tmp/root" --file-links --output "$tmp/series-files" >/dev/null
# A site whose index names another format than search.js reads: the page must say so.
cp -r "$tmp/site/fzzfjs" "$tmp/site/oldindex"
sed -i 's/"version":[0-9]*/"version":1/' "$tmp/site/oldindex/search/meta.js"
python3 Tests/search-e2e/test_search.py --site "$tmp/site" --prefix fzzfjs --files "$tmp/files" --series series \
  --series-files "$tmp/series-files" --old-index oldindex
