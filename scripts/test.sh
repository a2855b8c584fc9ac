#!/bin/sh
# Every test: the normal build's suites, then the whole suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer, where a leak fails its test.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
scripts/build.sh build-asan -DLIMBER_SANITIZE=ON -DLIMBER_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=Debug
status=0
ctest --test-dir build --output-on-failure -j2 >build/ctest.log 2>&1 || status=1
ctest --test-dir build-asan --output-on-failure -j2 >build-asan/ctest.log 2>&1 || status=1
if [ $status -ne 0 ]; then
  cat build/ctest.log build-asan/ctest.log
else
  grep -m 1 'tests passed' build/ctest.log
  grep -m 1 'tests passed' build-asan/ctest.log | sed 's/^/sanitizers: /'
fi
# Fuzzing: each libFuzzer target of tests/fuzz for 20 s (scripts/fuzz.sh runs
# them longer; tests/fuzz/README.md), when clang is there.  ThreadSanitizer:
# one rule set in 8 threads (scripts/tsan.sh).
if command -v clang >/dev/null 2>&1; then
  scripts/fuzz.sh 20 || status=1
else
  echo "fuzz: skipped: clang is not installed (scripts/setup.sh installs it)"
fi
scripts/tsan.sh || status=1
# The Python bindings, installed into .venv the way users install them,
# built in build/python-pip (kept, so the install is incremental; the package's
# own default is a temporary directory, nothing written into the sources),
# then their pytest suite (which also makes an sdist from a read-only copy and
# installs it in a fresh venv; scripts/python-dist.sh checks the manylinux
# wheel too, in minutes more).
rm -f build/pip-install.log build/pytest.log
if .venv/bin/pip install -q --no-build-isolation "--config-settings=build-dir=$PWD/build/python-pip/{wheel_tag}" \
     ./bindings/python >build/pip-install.log 2>&1 &&
   .venv/bin/python -m pytest -q -p no:cacheprovider bindings/python/tests >build/pytest.log 2>&1; then
  tail -n 1 build/pytest.log
else
  cat build/pip-install.log build/pytest.log 2>/dev/null || true
  status=1
fi
exit $status
