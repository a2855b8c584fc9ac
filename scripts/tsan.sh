#!/bin/sh
# The ThreadSanitizer job: builds $LIMBER_TSAN_BUILD (default build-tsan) with
# LIMBER_TSAN=ON, only what tests/threads.c needs, and runs it: one rule set,
# 8 threads generating, writing, rendering and running the rule test cases.
# Suppressions (GLib, pango, fontconfig internals) are in tests/tsan.supp,
# each with its reason.  Prints one line; the full report is in
# <build>/threads.log.
set -eu
cd "$(dirname "$0")/.."
build=${LIMBER_TSAN_BUILD:-build-tsan}
mkdir -p "$build"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLIMBER_TSAN=ON -DLIMBER_BUILD_BENCH=OFF \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
fi
ninja -C "$build" threads >"$build/build.log" 2>&1 || { cat "$build/build.log"; exit 1; }
# G_SLICE=always-malloc: GLib's slice allocator recycles memory behind a lock
# ThreadSanitizer cannot see; malloc it does see (tests/tsan.supp)
if G_SLICE=always-malloc G_DEBUG=fatal-criticals \
   TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp:halt_on_error=1:second_deadlock_stack=1" \
   "$build/tests/threads" rules/tests/*.xml >"$build/threads.log" 2>&1; then
  tail -n 1 "$build/threads.log" | sed 's/^threads:/tsan:/'
else
  echo "tsan: FAILED:"
  cat "$build/threads.log"
  exit 1
fi
