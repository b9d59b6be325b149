#!/bin/sh
# Issue #28: the Debian package installs and works on a clean, minimal Debian 12 without Swift or build tools.
# Part of `make test`.
#
#   sh scripts/package-test.sh              (builds the package with `make dist` first)
#   GONGKAI_DEB=dist/gongkai_….deb sh scripts/package-test.sh   (tests that package as it is)
#
# A Debian 12 root is made with `debootstrap --variant=minbase bookworm` from the mirror apt uses on this machine
# (the first bookworm `main` source in /etc/apt/sources.list*, or GONGKAI_DEBIAN_MIRROR), and kept as a tarball in
# ~/.cache/gongkai-package-test/ (GONGKAI_PACKAGE_TEST_CACHE; delete it to start from debootstrap again); every run
# unpacks a fresh copy. In it, as root: `apt-get install ./gongkai_….deb` (apt resolves Depends from the mirror),
# then, as a user made there: gongkai --version, init, import (a small plain-text report written here), build and
# check; the .tar.gz beside the package is unpacked and run without root; at the end the package is purged. Needs
# root (chroot, mount) or sudo. The last line is `N passed, M failed`.
set -eu
cd "$(dirname "$0")/.."
START="$(date +%s)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
GONGKAI_EXTRA_PACKAGES="debootstrap dpkg-dev binutils ${GONGKAI_EXTRA_PACKAGES:-}" sh scripts/install-deps.sh

if [ -n "${GONGKAI_DEB:-}" ]; then DEB="$GONGKAI_DEB"; else
  make --no-print-directory dist
  DEB="$(ls -t dist/gongkai_*_"$(dpkg --print-architecture)".deb | head -1)"
fi
[ -f "$DEB" ] || { echo "no package at $DEB"; exit 1; }
VERSION="$(dpkg-deb -f "$DEB" Version)"
echo "testing $DEB ($(stat -c %s "$DEB") bytes), Depends: $(dpkg-deb -f "$DEB" Depends)"

# The mirror: the first deb822 stanza or one-line source for bookworm main.
mirror() {
  if [ -n "${GONGKAI_DEBIAN_MIRROR:-}" ]; then echo "$GONGKAI_DEBIAN_MIRROR"; return; fi
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      function flush() { if (uri != "" && suites ~ /(^| )bookworm( |$)/ && comps ~ /(^| )main( |$)/ && !done) { print uri; done = 1 } uri = suites = comps = "" }
      /^[ \t]*$/ { flush(); next }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { $1 = ""; suites = $0 " " }
      /^Components:/ { $1 = ""; comps = $0 " " }
      END { flush() }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i+1) == "bookworm") { for (j = i+2; j <= NF; j++) if ($j == "main") { print $i; exit } } }' "$f"
  done
  echo http://deb.debian.org/debian
}
MIRROR="$(mirror | head -1)"
ARCH="$(dpkg --print-architecture)"
CACHE="${GONGKAI_PACKAGE_TEST_CACHE:-${HOME:-/root}/.cache/gongkai-package-test}"
KEY="$(printf '%s' "$MIRROR" | sha256sum | cut -c1-12)"
TARBALL="$CACHE/bookworm-minbase-$ARCH-$KEY.tar.gz"

W="$(mktemp -d /tmp/gongkai-package-test.XXXXXX)"
R="$W/root"
cleanup() {
  mountpoint -q "$R/proc" 2>/dev/null && $SUDO umount "$R/proc"
  $SUDO rm -rf "$W"
}
trap cleanup EXIT

if [ ! -f "$TARBALL" ]; then
  echo "debootstrap --variant=minbase bookworm from $MIRROR (cached as $TARBALL)"
  t0="$(date +%s)"
  $SUDO debootstrap --variant=minbase bookworm "$W/boot" "$MIRROR" > "$W/debootstrap.log" 2>&1 \
    || { tail -20 "$W/debootstrap.log"; exit 1; }
  $SUDO rm -rf "$W/boot/var/cache/apt/archives/"*.deb "$W/boot/var/lib/apt/lists/"*_Packages
  mkdir -p "$CACHE"
  $SUDO tar -C "$W/boot" --numeric-owner -czf "$TARBALL.part" .
  mv "$TARBALL.part" "$TARBALL"
  $SUDO rm -rf "$W/boot"
  echo "debootstrap and tarball: $(( $(date +%s) - t0 )) s"
fi
mkdir "$R"
$SUDO tar -C "$R" --numeric-owner -xzf "$TARBALL"
$SUDO cp /etc/resolv.conf "$R/etc/resolv.conf"
$SUDO mount -t proc proc "$R/proc"

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }
in_root() { $SUDO chroot "$R" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
as_user() { $SUDO chroot --userspec=clerk:clerk "$R" /usr/bin/env -i HOME=/home/clerk PATH=/usr/bin:/bin LANG=C.UTF-8 sh -c "cd /home/clerk && $1"; }

# A clean root: no Swift, no compiler, no Swift runtime libraries.
tools="$(in_root sh -c 'for t in swift swiftc cc gcc clang ld make dpkg-shlibdeps; do command -v $t; done' || true)"
if [ -z "$tools" ]; then pass "no Swift or build tools in the root ($(in_root dpkg-query -W -f='.\n' | wc -l) packages)"
else fail "the root has build tools: $tools"; fi
swiftlibs="$(find "$R" -path "$R/proc" -prune -o \( -name 'libswift*' -o -name 'libFoundation*.so*' \) -print | head -3)"
[ -z "$swiftlibs" ] && pass "no Swift runtime libraries in the root" || fail "Swift libraries in the root: $swiftlibs"

# Install: apt resolves Depends from the mirror.
$SUDO cp "$DEB" "$R/tmp/"
t0="$(date +%s)"
if in_root sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/$(basename "$DEB")" > "$W/install.log" 2>&1; then
  pass "apt-get install ./$(basename "$DEB") ($(( $(date +%s) - t0 )) s; pulled in: $(grep -o 'Unpacking [^ ]*' "$W/install.log" | cut -d' ' -f2 | tr '\n' ' '))"
else
  tail -20 "$W/install.log"; fail "apt-get install"
fi
missing="$(in_root ldd /usr/bin/gongkai 2>&1 | grep 'not found' || true)"
[ -z "$missing" ] && pass "ldd /usr/bin/gongkai: every library found" || fail "missing libraries: $missing"

in_root useradd -m -s /bin/sh clerk
got="$(as_user 'gongkai --version' 2>&1 || true)"
[ "$got" = "$VERSION" ] && pass "gongkai --version: $got" || fail "gongkai --version printed '$got', the package is $VERSION"

if as_user 'gongkai init site' > "$W/out" 2>&1; then pass "gongkai init site: $(head -1 "$W/out")"; else cat "$W/out"; fail "gongkai init"; fi

# A small report as a county office receives it: plain text, full-width indentation, numbered headings.
$SUDO sh -c "cat > '$R/home/clerk/report.txt'" <<'EOF'
某县人民政府2025年法治政府建设年度报告

　　2025年，某县人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政，现将有关情况报告如下。

一、主要举措和成效

（一）深化行政复议体制改革。全年办理行政复议案件36件，依法纠错5件。

（二）推进政务公开。主动公开政府信息1200条，办理依申请公开48件。

二、存在的不足和原因

　　一是部分单位依法行政意识有待增强；二是基层执法力量不足。

三、下一步工作安排

　　继续加强法治政府建设，提升行政执法水平。

　　特此报告。

某县人民政府
2026年1月15日
EOF
in_root chown clerk:clerk /home/clerk/report.txt
if as_user 'gongkai import report.txt --id county-2025 --into site/content' > "$W/out" 2>&1; then
  pass "gongkai import report.txt: $(tail -1 "$W/out")"
else cat "$W/out"; fail "gongkai import"; fi

if as_user 'gongkai build --root site' > "$W/out" 2>&1 && [ -f "$R/home/clerk/site/public/county-2025/index.html" ]; then
  pass "gongkai build --root site: $(tail -1 "$W/out"); $(find "$R/home/clerk/site/public" -type f | wc -l) files, public/county-2025/index.html among them"
else cat "$W/out"; fail "gongkai build"; fi
grep -q '主要举措和成效' "$R/home/clerk/site/public/county-2025/index.html" 2>/dev/null \
  && pass "the imported report's topics are on its page" || fail "public/county-2025/index.html lacks the topic 主要举措和成效"
owner="$(in_root stat -c %U /home/clerk/site/public/index.html 2>/dev/null || true)"
[ "$owner" = clerk ] && pass "the site was written by the user clerk" || fail "public/index.html owned by '$owner'"

if as_user 'gongkai check --root site' > "$W/out" 2>&1; then
  pass "gongkai check --root site: exit 0, $(grep -c 'warning:' "$W/out" || true) warnings (the TODOs init leaves)"
else cat "$W/out"; fail "gongkai check"; fi

[ -f "$R/usr/share/doc/gongkai/copyright" ] && [ -f "$R/usr/share/man/man1/gongkai.1.gz" ] && [ -f "$R/usr/share/doc/gongkai/README.md" ] \
  && [ -f "$R/usr/share/doc/gongkai/docs/使用手册.md" ] && [ -f "$R/usr/share/doc/gongkai/deploy/nginx-subpath.conf" ] \
  && pass "README, manual, nginx example, copyright and man page installed" || fail "documentation missing"

# The tarball of the same files, unpacked by the user without root (the libraries are still installed).
TGZ="${DEB%.deb}.tar.gz"
if [ -f "$TGZ" ]; then
  $SUDO cp "$TGZ" "$R/home/clerk/"
  in_root chown clerk:clerk "/home/clerk/$(basename "$TGZ")"
  name="$(basename "$TGZ" .tar.gz)"
  if as_user "tar -xzf $name.tar.gz && ./$name/usr/bin/gongkai --version && ./$name/usr/bin/gongkai build --root site --output tar-public" > "$W/out" 2>&1 \
     && cmp -s "$R/home/clerk/site/public/county-2025/index.html" "$R/home/clerk/tar-public/county-2025/index.html"; then
    pass "$name.tar.gz unpacked by the user: --version $(head -1 "$W/out"), build gives the same pages"
  else cat "$W/out"; fail "the tarball's gongkai"; fi
fi

if in_root dpkg --purge gongkai > "$W/out" 2>&1 && [ ! -e "$R/usr/bin/gongkai" ]; then pass "dpkg --purge gongkai removes it"
else cat "$W/out"; fail "dpkg --purge gongkai"; fi

echo "package test: $(( $(date +%s) - START )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
