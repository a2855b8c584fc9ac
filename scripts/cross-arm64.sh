#!/bin/sh
# Cross-builds limber for 64-bit ARM Linux (aarch64) with Debian's cross
# compiler and runs its test suites under qemu-user: a check that nothing in
# it depends on the x86-64 machine it is developed on (there, char is unsigned,
# long double has 128 bits, the maths library and the compiler's floating
# point are another implementation, and the C library's internals differ;
# both are little-endian and LP64, so byte order and type sizes are not tested).
#
#   scripts/cross-arm64.sh [BUILD_DIR]      (default: build-arm64; relative to the repository)
#
# As root on Debian 12.  Adds the arm64 architecture to dpkg and installs,
# only when missing, Debian's cross compiler, qemu-user and the arm64
# packages of the dependencies beside the native ones (multiarch); see the
# README (Optional) and docs/embedding.md (Cross builds).  Then builds the
# core alone as a static library and links an app with it.  Idempotent;
# prints two lines when all is well: the tests' summary and the libraries'
# sizes.  Logs are in BUILD_DIR (configure.log, build.log, ctest.log, and
# core-static/ for the core alone).
set -eu
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build-arm64}
mkdir -p "$build"
build=$(cd "$build" && pwd)

# ---- packages -----------------------------------------------------------------
# The build machine's own tools (cmake, ninja, pkg-config, glib-compile-resources)
# and the fonts the printed plans use come from the native set-up.
scripts/setup.sh --no-python
# arm64 packages that install beside the amd64 ones (Multi-Arch: same).
# Criterion's arm64 packages do not (below); its runtime dependencies do.
# The suites link the print library's objects too, hence cairo and pango;
# an app linked with the static core through pkg-config --static is given
# libxml2's private libraries too, liblzma among them.
PACKAGES="crossbuild-essential-arm64 qemu-user libglib2.0-dev:arm64 libxml2-dev:arm64 libjson-glib-dev:arm64
libcairo2-dev:arm64 libpango1.0-dev:arm64 liblzma-dev:arm64 libffi8:arm64 libgit2-1.5:arm64"
# qemu registered with the kernel for arm64 programs (below); a machine with
# qemu-user-static has that already, and the two packages exclude each other.
if ! dpkg-query -W -f='${Status}' qemu-user-static 2>/dev/null | grep -q "install ok installed"; then
  PACKAGES="$PACKAGES qemu-user-binfmt binfmt-support"
fi
export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
fi
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ] ||
   { [ ! -f "$build/criterion-arm64/unpacked" ] && ! apt-cache show libcriterion3:arm64 >/dev/null 2>&1; }; then
  apt-get update -qq >/dev/null
fi
if [ -n "$missing" ]; then
  # The native build needs the amd64 -dev packages: nothing may be removed to
  # make room for an arm64 one.  apt says what it would do first; --no-remove
  # makes it refuse rather than remove, should the simulation be wrong.
  # (The arm64 libraries must be the same version as their amd64 twins, so
  # apt may upgrade some amd64 packages to the version in the archive.)
  # shellcheck disable=SC2086
  if ! apt-get -s install --no-install-recommends $missing >"$build/apt-simulation.log" 2>&1 ||
     grep -q '^Remv' "$build/apt-simulation.log"; then
    echo "cross-arm64: installing the arm64 packages would remove native ones; nothing installed:" >&2
    grep '^Remv\|^E:' "$build/apt-simulation.log" >&2 || cat "$build/apt-simulation.log" >&2
    exit 1
  fi
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends --no-remove $missing >"$build/apt-install.log" 2>&1 ||
    { cat "$build/apt-install.log"; exit 1; }
fi

# Criterion: libcriterion-dev:arm64 cannot be installed beside the amd64 one
# that the native tests need (its libnanomsg5 and libgit2-dev dependencies
# are not multiarch, so apt would remove the amd64 Criterion).  The arm64
# library, its headers and libnanomsg are unpacked from Debian's packages
# into the build directory instead, and used from there: the test programs
# link it dynamically, so the .pc file's static-only requirements (boxfort,
# libgit2, nanomsg, nanopb) are dropped from our copy.
criterion=$build/criterion-arm64
if [ ! -f "$criterion/unpacked" ]; then
  rm -rf "$criterion"
  mkdir -p "$criterion/debs"
  (cd "$criterion/debs" &&
   apt-get download -qq libcriterion3:arm64 libcriterion-dev:arm64 libnanomsg5:arm64) >"$build/apt-download.log" 2>&1 ||
    { cat "$build/apt-download.log"; exit 1; }
  for deb in "$criterion"/debs/*.deb; do
    dpkg-deb -x "$deb" "$criterion/root"
  done
  sed -i -e "s|^prefix=.*|prefix=$criterion/root/usr|" -e '/^Requires.private:/d' -e '/^Libs.private:/d' \
    "$criterion/root/usr/lib/aarch64-linux-gnu/pkgconfig/criterion.pc"
  touch "$criterion/unpacked"
fi
criterion_lib=$criterion/root/usr/lib/aarch64-linux-gnu

# ---- build ----------------------------------------------------------------------
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/aarch64-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DLIMBER_BUILD_BENCH=OFF -DLIMBER_BUILD_PYTHON=OFF \
    -DLIMBER_CROSS_PKG_CONFIG_PATH="$criterion_lib/pkgconfig" -DLIMBER_CROSS_LIBRARY_PATH="$criterion_lib" \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
fi
ninja -C "$build" -j2 >"$build/build.log" 2>&1 || { cat "$build/build.log"; exit 1; }

# ---- tests under qemu -------------------------------------------------------------
# Criterion runs each test in a process of its own by executing its program
# file again (BoxFort), and several suites run the `limber` tool as a child:
# arm64 programs started by an arm64 program, which the kernel runs only if
# told to hand them to qemu (binfmt_misc, as qemu-user-binfmt sets it up).
# Without that, every suite stops at its first test ("Could not spawn test
# instance").  The registration is the kernel's and does not survive a reboot,
# so it is checked on every run.
binfmt=/proc/sys/fs/binfmt_misc
if ! head -n 1 "$binfmt/qemu-aarch64" 2>/dev/null | grep -qx enabled; then
  if [ ! -e "$binfmt/register" ]; then
    mount -t binfmt_misc binfmt_misc "$binfmt" 2>/dev/null ||
      { echo "cross-arm64: cannot mount binfmt_misc on $binfmt: expected root on a machine or VM" \
             "(a container needs --privileged) so that the kernel can run arm64 programs with qemu" >&2; exit 1; }
  fi
  update-binfmts --enable qemu-aarch64 >/dev/null
fi

# Left out, each because it checks the build machine rather than the arm64
# code (the native test command, scripts/test.sh, runs them):
#  - doxygen: the documentation of the headers, by the build machine's doxygen;
#  - install-and-consume: builds consumer programs with the build machine's
#    own compiler (cc, and CMake without the toolchain file), which cannot
#    link arm64 libraries;
#  - static-install-and-consume: configures and builds a native static build
#    of its own, then the same;
#  - core-alone-static: the same for the core alone, which this script does
#    for arm64 below.
excluded="doxygen install-and-consume static-install-and-consume core-alone-static"
regex="^($(echo $excluded | tr ' ' '|'))\$"
if ctest --test-dir "$build" -j2 -E "$regex" --output-on-failure >"$build/ctest.log" 2>&1; then
  status=0
else
  status=1
fi
summary=$(grep -E '^[0-9]+% tests passed' "$build/ctest.log" || true)
total=$(echo "$summary" | sed -n 's/.* out of \([0-9]*\)$/\1/p')
failed=$(echo "$summary" | sed -n 's/.*passed, \([0-9]*\) tests* failed.*/\1/p')
if [ "$status" -ne 0 ] || [ -z "$total" ]; then
  cat "$build/ctest.log"
  echo "arm64: ${failed:-?}/${total:-?} tests failed under qemu-aarch64 (log: $build/ctest.log)"
  exit 1
fi
echo "arm64: $total/$total tests passed under qemu-aarch64 ($(echo $excluded | wc -w) left out: $(echo $excluded | sed 's/ /, /g'))"

# ---- the core alone, static ------------------------------------------------------
# What a phone app links: liblimber.a without the print library (no cairo or
# pango: LIMBER_BUILD_PRINT=OFF), installed, then an app (tests/consumer) built
# against it with pkg-config --static, the way tests/install-check.sh does
# natively, and run: it plans a week from the compiled-in rules.
core=$build/core-static
mkdir -p "$core"
if [ ! -f "$core/build.ninja" ]; then
  cmake -S . -B "$core" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/aarch64-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DLIMBER_BUILD_PRINT=OFF -DLIMBER_BUILD_TESTS=OFF \
    -DLIMBER_BUILD_BENCH=OFF >"$core/configure.log" 2>&1 || { cat "$core/configure.log"; exit 1; }
fi
{ ninja -C "$core" -j2 && rm -rf "$core/prefix" && cmake --install "$core" --prefix "$core/prefix"; } \
  >"$core/build.log" 2>&1 || { cat "$core/build.log"; exit 1; }
pcdir=$(dirname "$(find "$core/prefix" -name limber.pc)")
# shellcheck disable=SC2046
aarch64-linux-gnu-gcc -o "$core/consumer" tests/consumer/consumer.c \
  $(PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig PKG_CONFIG_PATH="$pcdir" \
    pkg-config --static --cflags --libs limber) >"$core/consumer.log" 2>&1 || { cat "$core/consumer.log"; exit 1; }
if ! qemu-aarch64 -L / "$core/consumer" >"$core/consumer.out" 2>&1 || ! grep -q " 7 days" "$core/consumer.out"; then
  echo "arm64: an app linked with the static core did not plan a week:"
  cat "$core/consumer.out"
  exit 1
fi

# ---- sizes --------------------------------------------------------------------------
# What an app carries: the libraries without their symbol tables and debug
# information, as a package or an app bundle ships them (Release builds, so
# the static library holds no debug information to begin with).
kib() { echo "$(( ($(stat -c %s "$1") + 512) / 1024 )) KiB"; }
aarch64-linux-gnu-strip -o "$build/liblimber.stripped.so" "$build/liblimber.so"
aarch64-linux-gnu-strip -o "$build/liblimber-print.stripped.so" "$build/liblimber-print.so"
echo "arm64: stripped liblimber.so $(kib "$build/liblimber.stripped.so"), liblimber-print.so" \
     "$(kib "$build/liblimber-print.stripped.so"); the core alone static, liblimber.a $(kib "$core/liblimber.a")," \
     "linked into an app that planned a week"
