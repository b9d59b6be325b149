#!/bin/sh
# Prints usr/share/doc/gongkai/copyright for scripts/dist.sh: the licences of what the release binary carries inside
# it (the Swift runtime and Foundation from the toolchain, the Swift packages in .build/checkouts). A licence text
# that is the same as one already printed is named, not repeated. Run from the repository root after a build.
set -eu
SWIFT_LICENSE="$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt"
cat <<'HEADER'
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
 .
 Two C libraries are compiled into the binary from inside Swift packages that
 carry no licence file for them: libyaml (inside Yams) and BoringSSL (inside
 swift-crypto). Their notices follow the packages' licences, as Debian records
 them for its own builds of the same libraries (libyaml-0-2,
 android-libboringssl).
HEADER
seen="$(mktemp)"
trap 'rm -f "$seen"' EXIT
# Prints the file under a heading, or names the earlier file with the same text.
show() {
  sum="$(sha256sum < "$2" | cut -c1-64)"
  first="$(awk -v s="$sum" '$1 == s { $1 = ""; print substr($0, 2); exit }' "$seen")"
  if [ -n "$first" ]; then printf '\n==> %s: the same text as %s\n' "$1" "$first"
  else
    printf '%s %s\n' "$sum" "$1" >> "$seen"; printf '\n==> %s\n' "$1"
    if grep -q 'Apache License' "$2" && grep -q 'Version 2.0, January 2004' "$2"; then
      # Debian keeps the Apache 2.0 text once, in base-files; what a file adds to it (an exception) is printed.
      echo "Apache-2.0: see /usr/share/common-licenses/Apache-2.0"
      sed -n '/Runtime Library Exception/,$p' "$2"
    else cat "$2"; fi
  fi
}
if [ -f "$SWIFT_LICENSE" ]; then show "the Swift toolchain (runtime, Foundation, Dispatch): LICENSE.txt" "$SWIFT_LICENSE"
else printf '\n==> the Swift toolchain: Apache-2.0 with the Runtime Library Exception\n'; fi
for dir in .build/checkouts/*/; do
  name="$(basename "$dir")"
  for f in LICENSE LICENSE.txt LICENSE.md COPYING; do
    if [ -f "$dir$f" ]; then
      show "$name/$f" "$dir$f"
      [ -f "${dir}NOTICE.txt" ] && show "$name/NOTICE.txt" "${dir}NOTICE.txt"
      break
    fi
  done
done
# The C libraries compiled in from inside Swift packages, with Debian's record of their licences (`make dist`
# installs both packages; without them the missing notice is said, not skipped).
for entry in "libyaml (compiled in from Yams):/usr/share/doc/libyaml-0-2/copyright" \
             "BoringSSL (compiled in from swift-crypto):/usr/share/doc/android-libboringssl/copyright"; do
  name="${entry%%:*}"; file="${entry#*:}"
  if [ -f "$file" ]; then show "$name, as Debian records it" "$file"
  else printf '\n==> %s: notice not found here (%s); install the Debian package named there and make dist again\n' "$name" "$file"; fi
done
