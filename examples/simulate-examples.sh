#!/bin/sh
# Regenerates examples/simulations/: eight simulated weeks of the stiff-back
# profile under each response model (same seed, 90% adherence).
set -eu
cd "$(dirname "$0")/.."
limber=${LIMBER:-build/limber}
for model in improving plateau flare-up; do
  "$limber" simulate --profile examples/profiles/stiff-back.json --weeks 8 --start 2026-11-23 --seed 1 \
    --adherence 0.9 --response "$model" --format json -o "examples/simulations/stiff-back-8-weeks-$model.json"
  "$limber" simulate --profile examples/profiles/stiff-back.json --weeks 8 --start 2026-11-23 --seed 1 \
    --adherence 0.9 --response "$model" --format csv -o "examples/simulations/stiff-back-8-weeks-$model.csv"
done
