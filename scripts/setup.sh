#!/bin/sh
# Installs what limber needs on Debian 12, only what is missing, quietly.
# Every package here is listed in the README's set-up section.
# --no-python: only what the C library and the tool need (the main job).
set -eu
PACKAGES="build-essential cmake ninja-build pkg-config libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils
libjson-glib-dev libcriterion-dev doxygen python3-venv python3-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core
poppler-utils"
# The tests also fuzz (tests/fuzz): clang and its libFuzzer runtime; and they
# check the printed week's HTML in a real browser (tests/browser): Chromium,
# headless; and they render the manual pages with groff (tests/cli-docs.sh).
# The main job (--no-python) needs none of them.
[ "${1:-}" = "--no-python" ] || PACKAGES="$PACKAGES clang libclang-rt-14-dev chromium groff-base"
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
[ "${1:-}" = "--no-python" ] && exit 0
# The Python tooling of the bindings' tests (pinned in
# bindings/python/requirements-dev.txt) goes into .venv, with whichever
# python3 comes first on PATH; pip runs only when that file has changed.
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
stamp="$venv/.requirements-dev.sha256"
if ! sha256sum "$root/bindings/python/requirements-dev.txt" | cmp -s - "$stamp"; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$root/bindings/python/requirements-dev.txt" >/dev/null
  sha256sum "$root/bindings/python/requirements-dev.txt" >"$stamp"
fi
