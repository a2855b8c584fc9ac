# Cross-compiling for 64-bit ARM Linux on a Debian machine: Debian's
# aarch64-linux-gnu cross compiler (crossbuild-essential-arm64) and the arm64
# packages of the dependencies installed beside the native ones (multiarch,
# dpkg --add-architecture arm64).  scripts/cross-arm64.sh uses it:
#
#   cmake -S . -B /tmp/build-arm64 -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
#
# Tools that run during the build (glib-compile-resources) are the build
# machine's own; CTest runs the arm64 programs under qemu-user.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
# Debian's multiarch directory, where the arm64 libraries are installed
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# Programs come from the build machine, libraries and headers from the
# target's directories only: an x86-64 library found by accident would fail
# late, at link time, with a less helpful message.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# pkg-config reads the arm64 .pc files, never the build machine's: the
# multiarch directory and the architecture-independent one.  Set here rather
# than in the caller's environment so that a re-run of CMake by ninja sees the
# same.  LIMBER_CROSS_PKG_CONFIG_PATH (a cache variable, ':'-separated) adds
# directories of .pc files installed elsewhere.  (CMake reads this file again
# for its compiler checks, in the same process but without the cache: the
# variable is empty then, and must not empty the environment.)
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
if(LIMBER_CROSS_PKG_CONFIG_PATH)
  set(ENV{PKG_CONFIG_PATH} "${LIMBER_CROSS_PKG_CONFIG_PATH}")
endif()

# CTest runs each arm64 test program under qemu-user.  -L /: the arm64 dynamic
# loader and libraries are the multiarch ones in /lib and /usr/lib/aarch64-linux-gnu.
# LIMBER_CROSS_LIBRARY_PATH (':'-separated) adds directories the loader
# searches, for arm64 libraries that are not installed system-wide.
if(LIMBER_CROSS_LIBRARY_PATH)
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L / -E LD_LIBRARY_PATH=${LIMBER_CROSS_LIBRARY_PATH})
else()
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /)
endif()
