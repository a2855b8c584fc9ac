#!/bin/sh
# The committed examples are what the current build prints: every printed
# plan's HTML and every simulation is regenerated into a scratch directory
# and compared byte for byte.  Output is deterministic, so any difference
# means an example went stale (rerun examples/*.sh) or output stopped being
# deterministic.  The PDFs are left out: their bytes also depend on the
# machine's cairo, pango and fonts, which the engine does not decide.
set -eu
limber=$1
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for profile in "$src"/examples/profiles/*.json; do
  name=$(basename "$profile" .json)
  for format in html; do
    "$limber" plan --profile "$profile" --start 2026-11-23 --format $format --paper a4 --lang en -o "$tmp/$name.$format"
    cmp -s "$tmp/$name.$format" "$src/examples/printed/$name.$format" \
      || { echo "examples/printed/$name.$format is stale: run examples/render-examples.sh"; status=1; }
  done
done
for lang in de es; do
  "$limber" plan --profile "$src/examples/profiles/stiff-back.json" --start 2026-11-23 --lang $lang --format html \
    --paper a4 -o "$tmp/stiff-back.$lang.html"
  cmp -s "$tmp/stiff-back.$lang.html" "$src/examples/printed/stiff-back.$lang.html" \
    || { echo "examples/printed/stiff-back.$lang.html is stale: run examples/render-examples.sh"; status=1; }
done
for model in improving plateau flare-up; do
  for format in json csv; do
    out="$tmp/stiff-back-8-weeks-$model.$format"
    "$limber" simulate --profile "$src/examples/profiles/stiff-back.json" --weeks 8 --start 2026-11-23 --seed 1 \
      --adherence 0.9 --response "$model" --format $format -o "$out"
    cmp -s "$out" "$src/examples/simulations/$(basename "$out")" \
      || { echo "examples/simulations/$(basename "$out") is stale: run examples/simulate-examples.sh"; status=1; }
  done
done
[ $status -eq 0 ] && echo "examples are current"
exit $status
