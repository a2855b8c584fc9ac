#!/bin/sh
# Installs a build into a scratch prefix, then, as an app would:
#  - builds tests/consumer (the core alone) and consumer-print (printing)
#    with CMake's find_package(Limber) and with pkg-config, and runs them;
#  - checks the core consumer loads no print library;
#  - runs the installed `limber` from its prefix, with no library path set;
#  - finds its shell completions and manual pages installed.
# With "static" as the second argument the build is a static one
# (BUILD_SHARED_LIBS=OFF) and pkg-config is asked for --static flags.
set -eu
build=$1
mode=${2:-shared}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
pcdir=$(find "$tmp/prefix" -name limber.pc -printf '%h')
libdirs="$tmp/prefix/lib:$tmp/prefix/lib/x86_64-linux-gnu"
static=
[ "$mode" = static ] && static=--static

cmake -S "$src/tests/consumer" -B "$tmp/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
LD_LIBRARY_PATH=$libdirs "$tmp/consumer/consumer" | grep -q " 7 days"
LD_LIBRARY_PATH=$libdirs "$tmp/consumer/consumer-print" | grep -q " html ok"

cc -o "$tmp/pc-consumer" "$src/tests/consumer/consumer.c" $(PKG_CONFIG_PATH=$pcdir pkg-config $static --cflags --libs limber)
cc -o "$tmp/pc-consumer-print" "$src/tests/consumer/consumer-print.c" \
  $(PKG_CONFIG_PATH=$pcdir pkg-config $static --cflags --libs limber-print)
LD_LIBRARY_PATH=$libdirs "$tmp/pc-consumer" | grep -q " 7 days"
LD_LIBRARY_PATH=$libdirs "$tmp/pc-consumer-print" | grep -q " html ok"

# an app that never prints loads no print stack, however it links
for app in "$tmp/consumer/consumer" "$tmp/pc-consumer"; do
  if LD_LIBRARY_PATH=$libdirs ldd "$app" | grep -E 'cairo|pango|harfbuzz|fontconfig|freetype|libX11|xcb'; then
    echo "$app loads the print stack" >&2
    exit 1
  fi
done

# the tool's shell completions and manual pages are installed with it, where
# bash-completion, zsh and man look under a prefix
for f in share/bash-completion/completions/limber share/zsh/site-functions/_limber share/man/man1/limber.1 \
  share/man/man1/limber-plan.1; do
  [ -s "$tmp/prefix/$f" ] || { echo "$f is not installed" >&2; exit 1; }
done

# the installed tool finds its libraries from its own place
env -u LD_LIBRARY_PATH "$tmp/prefix/bin/limber" plan --profile "$src/examples/profiles/stiff-back.json" \
  --start 2026-11-23 --format json | grep -q '"status"'
echo "installed $mode libraries found by CMake and pkg-config; the installed limber runs from its prefix"
