#!/bin/sh
# Issue #28: `make dist` → dist/gongkai_<version>_<arch>.deb and dist/gongkai_<version>_<arch>.tar.gz (the same files).
#
#   sh scripts/dist.sh          (after `make release`; `make dist` runs both)
#
# The binary is the release build (`swift build -c release --product gongkai --static-swift-stdlib`): the Swift
# runtime and Foundation are inside it, the default theme is embedded (`gongkai init` writes it), and it is stripped
# here. Its version is the one it prints (`gongkai --version`, Sources/gongkai/GongkaiVersion.swift). Depends: is
# computed by dpkg-shlibdeps from the libraries the binary is linked against (Debian packages only: the C and C++
# runtime, cmark-gfm and mimalloc). Needs dpkg-dev (dpkg-shlibdeps) and binutils (strip).
set -eu
cd "$(dirname "$0")/.."
BIN="${GONGKAI_RELEASE_BIN:-.build/release/gongkai}"
[ -x "$BIN" ] || { echo "no release build at $BIN: run make release"; exit 1; }

VERSION="$("$BIN" --version)"
case "$VERSION" in
  [0-9]*) ;;
  *) echo "gongkai --version printed '$VERSION', not a version"; exit 1 ;;
esac
ARCH="$(dpkg --print-architecture)"
NAME="gongkai_${VERSION}_${ARCH}"
STAGE="dist/.stage"
ROOT="$STAGE/$NAME"
rm -rf "$STAGE" "dist/$NAME.deb" "dist/$NAME.tar.gz"
mkdir -p "$ROOT/DEBIAN" "$ROOT/usr/bin" "$ROOT/usr/share/doc/gongkai" "$ROOT/usr/share/man/man1"

# The binary, stripped (symbol tables and debug sections; the Swift metadata sections the runtime reads stay).
install -m 0755 "$BIN" "$ROOT/usr/bin/gongkai"
strip --strip-all "$ROOT/usr/bin/gongkai"
echo "binary: $(stat -c %s "$BIN") bytes as built, $(stat -c %s "$ROOT/usr/bin/gongkai") bytes stripped"

# Documentation: the README, every command's --help (as text and as a man page), the licences.
DOC="$ROOT/usr/share/doc/gongkai"
install -m 0644 README.md "$DOC/README.md"
# The README's links to the manual, the format reference and the nginx example resolve inside the package too.
install -d -m 0755 "$DOC/docs" "$DOC/deploy"
for f in docs/*.md; do install -m 0644 "$f" "$DOC/$f"; done
install -m 0644 deploy/nginx-subpath.conf "$DOC/deploy/nginx-subpath.conf"
help_text() {
  # $1: the language (en, zh) of the help texts; ArgumentParser's own headings stay English in both.
  GONGKAI_LANG="$1" "$BIN" --help
  # The names in the SUBCOMMANDS list (indented by two; wrapped descriptions are indented further).
  for sub in $(GONGKAI_LANG=en "$BIN" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | awk '/^  [a-z]/ { print $1 }'); do
    printf '\n\n'
    GONGKAI_LANG="$1" "$BIN" help "$sub"
  done
}
help_text en > "$DOC/help.txt"
help_text zh > "$DOC/help.zh_CN.txt"
chmod 0644 "$DOC/help.zh_CN.txt"
chmod 0644 "$DOC/help.txt"
{
  printf '.TH GONGKAI 1 "" "gongkai %s" "User Commands"\n' "$VERSION"
  printf '.SH NAME\ngongkai \\- build a government information-disclosure website from plain-text reports\n'
  printf '.SH SYNOPSIS\n.B gongkai\n\\fISUBCOMMAND\\fR [\\fIOPTIONS\\fR]\n'
  printf '.SH DESCRIPTION\nThe help of every subcommand, as \\fBgongkai help\\fR \\fISUBCOMMAND\\fR prints it.\n'
  printf 'The README is in /usr/share/doc/gongkai/README.md.\n.PP\n.nf\n'
  sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" "$DOC/help.txt"
  printf '.fi\n'
} | gzip -9n > "$ROOT/usr/share/man/man1/gongkai.1.gz"
chmod 0644 "$ROOT/usr/share/man/man1/gongkai.1.gz"
sh scripts/dist-copyright.sh > "$DOC/copyright"
chmod 0644 "$DOC/copyright"
EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
MAINTAINER="Gongkai maintainers <maintainers@users.noreply.r-seed-1740ea11.example>"
{
  printf 'gongkai (%s) unstable; urgency=medium\n\n' "$VERSION"
  printf '  * Built from commit %s; the history is in the git repository.\n\n' "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf ' -- %s  %s\n' "$MAINTAINER" "$(date -R -u -d "@$EPOCH")"
} | gzip -9n > "$DOC/changelog.gz"
chmod 0644 "$DOC/changelog.gz"

# Depends: from the shared libraries the binary needs (dpkg-shlibdeps reads the ELF NEEDED entries and looks up the
# Debian package and minimum version of each).
SHLIB="$STAGE/shlibdeps"
mkdir -p "$SHLIB/debian"
printf 'Source: gongkai\n\nPackage: gongkai\nArchitecture: any\n' > "$SHLIB/debian/control"
BIN_ABS="$(cd "$ROOT/usr/bin" && pwd)/gongkai"
DEPENDS="$(cd "$SHLIB" && dpkg-shlibdeps -O "$BIN_ABS" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')"
[ -n "$DEPENDS" ] || { echo "dpkg-shlibdeps gave no Depends"; exit 1; }
rm -rf "$SHLIB"

INSTALLED_KB="$(du -sk --apparent-size "$ROOT/usr" | cut -f1)"
cat > "$ROOT/DEBIAN/control" <<EOF
Package: gongkai
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: web
Priority: optional
Description: static site generator for government information disclosure
 Gongkai (公开) turns an annual report received as plain text into a public
 information website (政府信息公开): one page per topic, the full report,
 indicator tables, navigation, a site map, search and the footer Chinese
 government sites must carry. The binary carries the Swift runtime; no Swift
 toolchain is needed.
EOF

# Reproducible: every file dated by the last commit (or SOURCE_DATE_EPOCH), owned by root.
find "$ROOT" -exec touch -h -d "@$EPOCH" {} +
find "$ROOT" -type d -exec chmod 0755 {} +
SOURCE_DATE_EPOCH="$EPOCH" dpkg-deb --root-owner-group -Zxz --build "$ROOT" "dist/$NAME.deb" >/dev/null
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" --exclude="$NAME/DEBIAN" \
  -C "$STAGE" -cf - "$NAME" | gzip -9n > "dist/$NAME.tar.gz"
rm -rf "$STAGE"
echo "Depends: $DEPENDS"
echo "dist/$NAME.deb: $(stat -c %s "dist/$NAME.deb") bytes, installed $INSTALLED_KB KiB"
echo "dist/$NAME.tar.gz: $(stat -c %s "dist/$NAME.tar.gz") bytes"
