#!/bin/sh
# Browser end-to-end test of the default theme on the real site (Tests/e2e/test_site.py): every page at 1366 and
# 390 px in headless Chromium with axe-core and the Nu HTML Checker, sideways scrolling, touch targets, keyboard
# reading tools, JavaScript off, print media. Installs what is missing (Debian: chromium, chromium-driver, a Java
# runtime, CJK fonts, python3-venv; PyPI: Tests/e2e/requirements.txt into its own virtual environment), builds
# gongkai (debug) and the site into a temporary folder. Prints `N passed, M failed` last; non-zero exit on failure.
#   SWIFT_BUILD_FLAGS="--scratch-path .build-x"   another build folder
#   E2E_VENV=DIR                                  the virtual environment (default ~/.cache/gongkai-e2e/venv)
#   E2E_SCREENSHOTS=DIR                           also write full-page screenshots of every page at both widths
set -eu
cd "$(dirname "$0")/.."

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
python3 -c "import ensurepip, venv" 2>/dev/null || missing="$missing python3-venv"
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family | grep -q .; } || missing="$missing fonts-noto-cjk"
if [ -n "$missing" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing
fi

venv="${E2E_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/gongkai-e2e/venv}"
if ! cmp -s Tests/e2e/requirements.txt "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps -r Tests/e2e/requirements.txt
  cp Tests/e2e/requirements.txt "$venv/requirements.txt"
fi

swift build ${SWIFT_BUILD_FLAGS:-} --product gongkai
bin="$(swift build ${SWIFT_BUILD_FLAGS:-} --show-bin-path)/gongkai"
# Served under the path of base_url (e.g. /fzzfjs/), as published, so that the 404 page's absolute links resolve.
prefix="$(python3 -c 'import re, urllib.parse
m = re.search(r"^base_url:[ \t]*[\x22\x27]?([^\x22\x27#\s]*)", open("content/site.yaml", encoding="utf-8").read(), re.M)
print(urllib.parse.urlparse(m.group(1) if m else "/").path.strip("/"))')"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" build --output "$tmp/site/${prefix:-.}" >/dev/null
"$venv/bin/python" Tests/e2e/test_site.py --site "$tmp/site" ${prefix:+--prefix "$prefix"} \
  ${E2E_SCREENSHOTS:+--screenshots "$E2E_SCREENSHOTS"}
