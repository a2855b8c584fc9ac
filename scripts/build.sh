#!/bin/sh
# Configures and builds into DIR (default build/), quietly; extra arguments go to cmake.
set -eu
dir=${1:-build}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."
mkdir -p "$dir"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$dir/configure.log" 2>&1 \
    || { cat "$dir/configure.log"; exit 1; }
fi
ninja -C "$dir" >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
