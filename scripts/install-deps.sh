#!/bin/sh
# Installs the Debian packages Gongkai needs to build and test (only those missing). Run as root or with sudo.
set -eu
packages="libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev cmark-gfm pkg-config libxml2-dev poppler-utils ${GONGKAI_EXTRA_PACKAGES:-}"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
