#!/bin/sh
# The main job: build, then print the week plan for the stiff-back example profile.
set -eu
cd "$(dirname "$0")/.."
scripts/setup.sh --no-python
scripts/build.sh build
exec build/limber plan --profile examples/profiles/stiff-back.json --start 2026-11-23
