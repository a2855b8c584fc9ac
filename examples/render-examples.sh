#!/bin/sh
# Regenerates examples/printed/: every example profile's week from 2026-11-23
# printed as PDF (A4) and HTML, and the PDF's first page as a PNG (pdftoppm,
# from poppler-utils) for readers who do not build limber.
set -eu
cd "$(dirname "$0")/.."
limber=${LIMBER:-build/limber}
mkdir -p examples/printed
for profile in examples/profiles/*.json; do
  name=$(basename "$profile" .json)
  "$limber" plan --profile "$profile" --start 2026-11-23 --format pdf --paper a4 --lang en -o "examples/printed/$name.pdf"
  "$limber" plan --profile "$profile" --start 2026-11-23 --format html --paper a4 --lang en -o "examples/printed/$name.html"
  pdftoppm -png -r 60 -singlefile -f 1 -l 1 "examples/printed/$name.pdf" "examples/printed/$name"
done
# One plan in each language limber speaks besides English (docs/i18n.md):
# the stiff-back week in German and in Spanish.
for lang in de es; do
  "$limber" plan --profile examples/profiles/stiff-back.json --start 2026-11-23 --lang $lang --format pdf --paper a4 \
    -o "examples/printed/stiff-back.$lang.pdf"
  "$limber" plan --profile examples/profiles/stiff-back.json --start 2026-11-23 --lang $lang --format html --paper a4 \
    -o "examples/printed/stiff-back.$lang.html"
  pdftoppm -png -r 60 -singlefile -f 1 -l 1 "examples/printed/stiff-back.$lang.pdf" "examples/printed/stiff-back.$lang"
done
