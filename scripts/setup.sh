#!/bin/sh
# Installs what limber needs on Debian 12, only what is missing, quietly.
# Every package here is listed in the README's set-up section.
set -eu
PACKAGES="build-essential cmake ninja-build pkg-config libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils
libjson-glib-dev libcriterion-dev doxygen libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
