#!/bin/sh
# Runs the libFuzzer targets of tests/fuzz (see tests/fuzz/README.md):
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS for each target (default 600); the targets are ruleset, compiled,
# profile-json, profile-xml, testcase, render and landmarks (default: all,
# one after the other).  Builds $LIMBER_FUZZ_BUILD (default build-fuzz) with clang and
# LIMBER_FUZZ=ON.  Seeds come from the repository (rule sets, example and
# test profiles, rule test cases, the regression inputs of tests/data/fuzz);
# what the fuzzer learns is kept in <build>/corpus/TARGET for the next run
# (not by runs of 60 s or less, which start from the seeds each time).
# A crash is written to <build>/crashes/TARGET/ and fails the script; once it
# is fixed, the input goes into tests/data/fuzz/TARGET/, which CTest replays.
# Prints one line per target; the fuzzer's own output is in <build>/fuzz-TARGET.log.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-ruleset compiled profile-json profile-xml testcase render landmarks}
build=${LIMBER_FUZZ_BUILD:-build-fuzz}
if ! command -v clang >/dev/null 2>&1; then
  echo "fuzz: clang is not installed; expected Debian's clang and libclang-rt-14-dev (scripts/setup.sh)" >&2
  exit 1
fi
CC=clang scripts/build.sh "$build" -DLIMBER_FUZZ=ON -DLIMBER_BUILD_TESTS=OFF -DLIMBER_BUILD_BENCH=OFF

# seeds: copied afresh each run, so a seed removed from the tree is gone
seeds() {
  case $1 in
    ruleset) ls rules/default.xml tests/data/*.xml tests/data/invalid/*.xml tests/data/lint/*.xml ;;
    compiled) ls rules/default.xml tests/data/*.xml ;;
    profile-json) ls examples/profiles/*.json tests/data/profiles/*.json rules/tests/profiles/*.json ;;
    profile-xml) ls examples/profiles/*.xml tests/data/profiles/*.xml 2>/dev/null || true ;;
    testcase) ls rules/tests/*.xml ;;
    render) ls examples/profiles/*.json ;;
    landmarks) ls examples/landmarks/*.json tests/data/fuzz/landmarks/* ;;
  esac
}
# dictionaries: the names the schemas and the profile format know, so that
# mutations speak the formats' words (kept current by reading the schemas)
dictionary() {
  case $1 in
    ruleset) xsd=rules/limber-ruleset.xsd ;;
    testcase) xsd=rules/limber-testcase.xsd ;;
    *) xsd= ;;
  esac
  if [ "$1" = landmarks ]; then
    for w in format mediapipe-pose coco-17 coco-17-scores image_width image_height frames timestamp_ms landmarks \
             keypoints x y z visibility presence; do
      printf '"%s"\n' "$w"
    done
  elif [ -n "$xsd" ]; then
    grep -o 'name="[a-z][a-z0-9-]*"' "$xsd" | sed 's/name="\(.*\)"/\1/' | sort -u |
      while read -r w; do printf '"<%s"\n"%s=\\"\\""\n"</%s>"\n' "$w" "$w" "$w"; done
  else
    for w in name age goal minutes_per_day days_per_week constraints no_floor equipment avoid_regions answers scan \
             measure left right value history date exercise completed sets reps hold_s duration_s discomfort \
             discomfort_next_day rescans profile session rescan answer question; do
      printf '"%s"\n' "$w"
    done
  fi
}
status=0
for target in $targets; do
  exe="$build/tests/fuzz/fuzz-$target"
  if [ ! -x "$exe" ]; then
    echo "fuzz: no target '$target'; expected one of ruleset compiled profile-json profile-xml testcase render landmarks" >&2
    exit 2
  fi
  seed_dir="$build/seeds/$target"
  # a short run (the test command's) starts from the seeds alone, so its time
  # stays what was asked however large the kept corpus has grown
  corpus="$build/corpus/$target"
  if [ "$seconds" -le 60 ]; then
    corpus="$build/smoke-corpus/$target"
    rm -rf "$corpus"
  fi
  rm -rf "$seed_dir"
  mkdir -p "$seed_dir" "$corpus" "$build/crashes/$target"
  for f in $(seeds "$target"); do
    # render: the first byte picks days, seed and start; the rest is a profile
    if [ "$target" = compiled ]; then
      # compiled: the bodies of the rule sets' images, as this build writes
      # them (the target writes one when handed the XML; tests/fuzz/fuzz-compiled.c)
      LIMBER_FUZZ_SEED_OUT="$seed_dir/$(basename "$f" .xml).body" "$exe" -runs=1 "$f" >"$build/seed-$target.log" 2>&1 ||
        { echo "fuzz: cannot make the compiled seed of $f; expected $exe to write it (see $build/seed-$target.log)" >&2; exit 1; }
    elif [ "$target" = render ]; then
      { printf 'F'; cat "$f"; } >"$seed_dir/$(basename "$f")"
    else
      cp "$f" "$seed_dir/"
    fi
  done
  dictionary "$target" >"$build/seeds/$target.dict"
  log="$build/fuzz-$target.log"
  # -timeout: one input that takes 30 s is a hang; -rss_limit_mb: 2.5 GB is a
  # blow-up (the profile and rule-set limits keep every input far below it)
  if LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "$exe" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -print_final_stats=1 \
       -dict="$build/seeds/$target.dict" -artifact_prefix="$build/crashes/$target/" "$corpus" "$seed_dir" \
       tests/data/fuzz/"$target" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz-$target: ${seconds} s, ${runs:-?} executions, no crash"
  else
    echo "fuzz-$target: FAILED; the input is in $build/crashes/$target/, the output in $log:"
    grep -E "ERROR|SUMMARY|==[0-9]+==|Test unit written" "$log" | head -n 20
    status=1
  fi
done
exit $status
