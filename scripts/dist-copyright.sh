#!/bin/sh
# Prints usr/share/doc/gongkai/copyright for scripts/dist.sh: the licences of what the release binary carries inside
# it (the Swift runtime and Foundation from the toolchain, the Swift packages in .build/checkouts). Run from the
# repository root after a build.
set -eu
SWIFT_LICENSE="$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt"
cat <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: gongkai
Comment:
 The gongkai repository does not state a licence for gongkai's own code (there
 is no LICENSE file); ask its maintainers before redistributing this package.
 .
 The binary is statically linked with the Swift runtime, Foundation (with the
 ICU data of swift-foundation-icu, Unicode licence) and Dispatch from the Swift
 toolchain, and with the Swift packages listed below (every package the build
 resolved; not all of them end up in the binary). Their licences follow.
 It is dynamically linked with Debian's libcmark-gfm and libmimalloc, whose
 licences are in their own packages.

EOF
echo "==> The Swift toolchain (runtime, Foundation, Dispatch): $SWIFT_LICENSE"
if [ -f "$SWIFT_LICENSE" ]; then cat "$SWIFT_LICENSE"; else echo "(not found on the build machine: Apache-2.0 with Runtime Library Exception)"; fi
for dir in .build/checkouts/*/; do
  name="$(basename "$dir")"
  for f in LICENSE LICENSE.txt LICENSE.md COPYING; do
    if [ -f "$dir$f" ]; then
      printf '\n==> %s (%s)\n' "$name" "$f"
      cat "$dir$f"
      [ -f "${dir}NOTICE.txt" ] && { printf '\n--> %s NOTICE.txt\n' "$name"; cat "${dir}NOTICE.txt"; }
      break
    fi
  done
done
