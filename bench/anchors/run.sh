#!/bin/sh
# Runs limber and the engines a user might pick instead over the same rules and
# profiles, and prints the table of bench/anchors/README.md.
#
#   bench/anchors/run.sh [BUILD_DIR (default build-release)] [PROFILES (default 2000)]
#
# Needs: a Release build with benchmarks (cmake -S . -B build-release -G Ninja
# -DCMAKE_BUILD_TYPE=Release -DLIMBER_BUILD_TESTS=OFF && cmake --build
# build-release), the Python binding in .venv (scripts/setup.sh), Node.js with
# npm (the engines are installed here from package-lock.json), and Debian's
# clips (apt-get install clips) for CLIPS; an engine whose tools are missing
# is left out of the table, said so.  Not part of the tests.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build-release}
n=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$build/bench/bench-conditions" ] || { echo "no $build/bench/bench-conditions: build a Release tree first" >&2; exit 2; }
python=$root/.venv/bin/python
[ -x "$python" ] || { echo "no $python: run scripts/setup.sh first" >&2; exit 2; }
have_node=no
if command -v node >/dev/null && command -v npm >/dev/null; then
  (cd "$here" && npm install --silent --no-fund --no-audit >/dev/null 2>&1) && have_node=yes
fi
have_clips=no
command -v clips >/dev/null && have_clips=yes

for size in "92 43 default size (46 rules)" "2000 1000 2,000 rules"; do
  set -- $size
  rules=$1 exercises=$2
  shift 2
  label=$*
  dir=$work/r$rules
  "$python" "$root/bench/gen-ruleset.py" "$rules" "$exercises" > "$work/r$rules.xml"
  "$python" "$here/export.py" "$work/r$rules.xml" "$n" "$dir" >&2
  {
    "$build/bench/bench-conditions" "$work/r$rules.xml" "$dir"
    if [ $have_node = yes ]; then
      node "$here/jre.js" "$dir"
      node "$here/zen.js" "$dir"
    fi
    if [ $have_clips = yes ]; then
      (cd "$dir" && clips -l rules.clp -f2 run.clp) | "$python" "$here/clips-report.py" "$dir"
    fi
  } > "$dir/results.jsonl"
  "$python" "$here/table.py" "$label" "$dir" < "$dir/results.jsonl"
done
[ $have_node = yes ] || echo "json-rules-engine and zen-engine left out: no node and npm" >&2
[ $have_clips = yes ] || echo "CLIPS left out: no clips (apt-get install clips)" >&2
