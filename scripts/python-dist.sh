#!/bin/sh
# The Python package as a user gets it, checked end to end (a few minutes:
# the library is compiled twice, for the sdist and for the wheel):
#  1. a read-only copy of the repository (no build output, no .venv);
#  2. `python -m build --sdist` and `--wheel` from it, out of tree; the copy
#     must be unchanged afterwards (as root, permissions do not stop writes:
#     every file's time and the file list are compared instead);
#  3. the sdist alone installed with pip into a fresh venv outside the
#     repository, which plans a week;
#  4. the wheel repaired by auditwheel to a manylinux tag (GLib, libxml2,
#     json-glib... copied into limber.libs/), installed into another fresh
#     venv, and the Python test suite run against it.
# The build tools come from a local wheelhouse (build/python-wheelhouse,
# filled from PyPI the first time), not from the network on every run.  The
# fresh venvs borrow the test tooling (pytest, pandas, dask...) from .venv
# through a .pth file placed after their own site-packages, so the limber
# under test is the one they installed (the tests check limber.__file__).
# Usage: scripts/python-dist.sh [OUT]   (OUT: default build/python-dist)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build/python-dist}
py="$root/.venv/bin/python"
wheelhouse="$root/build/python-wheelhouse"
rm -rf "$out"
mkdir -p "$out" "$wheelhouse"
log="$out/log.txt"
step() { echo "python-dist: $*"; echo "== $*" >>"$log"; }
fail() { echo "python-dist: FAILED: $*; see $log" >&2; tail -n 40 "$log" >&2; exit 1; }

step "wheelhouse: the build backend and its dependencies"
"$py" -m pip download -q --disable-pip-version-check -d "$wheelhouse" \
  "$(grep '^scikit-build-core==' "$root/bindings/python/requirements-dev.txt")" \
  "$(grep '^cffi==' "$root/bindings/python/requirements-dev.txt")" >>"$log" 2>&1 || fail "pip download"
export PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheelhouse" PIP_DISABLE_PIP_VERSION_CHECK=1

step "read-only copy of the repository"
src="$out/source"
mkdir -p "$src"
(cd "$root" && tar --exclude='./build*' --exclude=./.venv --exclude=./.git --exclude='*/__pycache__' \
   --exclude=./bindings/python/build -cf - .) | tar -xf - -C "$src"
chmod -R a-w "$src"
(cd "$src" && find . -printf '%p %T@ %s\n' | sort) >"$out/before.txt"

step "sdist and wheel (python -m build, isolated, out of tree)"
(cd "$out" && "$py" -m build --sdist --wheel --outdir "$out/dist" "$src") >>"$log" 2>&1 || fail "python -m build"
(cd "$src" && find . -printf '%p %T@ %s\n' | sort) >"$out/after.txt"
cmp -s "$out/before.txt" "$out/after.txt" || { diff "$out/before.txt" "$out/after.txt" | head -20 >&2;
                                               fail "the build wrote into the source tree"; }
sdist=$(ls "$out"/dist/limber-*.tar.gz)
wheel=$(ls "$out"/dist/limber-*.whl)

step "the sdist alone, in a fresh venv outside the repository"
python3 -m venv "$out/venv-sdist"
(cd "$out" && "$out/venv-sdist/bin/pip" install -q "$sdist") >>"$log" 2>&1 || fail "pip install of the sdist"
(cd "$out" && "$out/venv-sdist/bin/python" -c '
import limber
plan = limber.Ruleset.default().plan({"goal": "flexibility"}, start="2026-01-05", seed=1)
assert plan.status == "ok" and len(plan.days) == 7
print("sdist install plans a week:", limber.__file__)') >>"$log" 2>&1 || fail "the sdist install does not plan"

step "auditwheel repair (manylinux)"
PATH="$root/.venv/bin:$PATH" "$root/.venv/bin/auditwheel" repair -w "$out/wheelhouse" "$wheel" >>"$log" 2>&1 \
  || fail "auditwheel repair"
repaired=$(ls "$out"/wheelhouse/limber-*manylinux*.whl)
echo "python-dist: $(basename "$repaired")"

step "the repaired wheel in a fresh venv: the Python tests"
python3 -m venv "$out/venv-wheel"
"$out/venv-wheel/bin/pip" install -q "$repaired" >>"$log" 2>&1 || fail "pip install of the repaired wheel"
site=$("$out/venv-wheel/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
tools=$("$py" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
echo "$tools" >"$site/zz-limber-test-tools.pth"
(cd "$out" && "$out/venv-wheel/bin/python" -c 'import limber, sys; assert limber.__file__.startswith(sys.prefix), limber.__file__') \
  >>"$log" 2>&1 || fail "the fresh venv does not import its own limber"
LIMBER_SKIP_INSTALL_TEST=1 LIMBER_EXPECT_PREFIX="$out/venv-wheel" \
  "$out/venv-wheel/bin/python" -m pytest -q -p no:cacheprovider "$root/bindings/python/tests" >"$out/pytest.log" 2>&1 \
  || { cat "$out/pytest.log" >>"$log"; fail "the Python tests against the repaired wheel"; }
echo "python-dist: repaired wheel: $(tail -n 1 "$out/pytest.log")"
