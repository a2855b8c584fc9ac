#!/bin/sh
# Installs the build into a scratch prefix, then builds tests/consumer against
# it twice: with CMake's find_package(Limber) and with pkg-config.
set -eu
build=$1
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$src/tests/consumer" -B "$tmp/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
LD_LIBRARY_PATH="$tmp/prefix/lib:$tmp/prefix/lib/x86_64-linux-gnu" "$tmp/consumer/consumer" | grep -q " 7 days"
PKG_CONFIG_PATH=$(find "$tmp/prefix" -name limber.pc -printf '%h') \
  cc -o "$tmp/pc-consumer" "$src/tests/consumer/consumer.c" $(PKG_CONFIG_PATH=$(find "$tmp/prefix" -name limber.pc -printf '%h') pkg-config --cflags --libs limber)
LD_LIBRARY_PATH="$tmp/prefix/lib:$tmp/prefix/lib/x86_64-linux-gnu" "$tmp/pc-consumer" | grep -q " 7 days"
echo "installed library found by CMake and pkg-config"
