#!/bin/sh
# The printed week's HTML in a real browser (headless Chromium): screenshots
# at a phone's width (390 px) and a desktop's (1200 px) with nothing wider
# than the window, the print stylesheet printed to A4, and the log filled in
# and exported as profile history that the profile reader accepts.
#
# The shipped HTML holds no test code: each check loads a copy with a small
# script of its own appended (tests/browser/*.js), which writes its finding
# into the page for --dump-dom to read.
#
# usage: check-html.sh LIMBER [OUTDIR [LANG]]   (OUTDIR keeps the screenshots;
# LANG, default en: the week in that language, docs/i18n.md)
# exit 77 (CTest's skip) only when no Chromium is installed.
set -eu
limber=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
out=${2:-}
if [ -z "$out" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "SKIP: Chromium is not installed (scripts/setup.sh installs the Debian package chromium)"
  exit 77
fi
browse() {
  # one profile directory per run: nothing is shared with a user's browser
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$out/chromium" --virtual-time-budget=5000 "$@" 2>/dev/null
}
fail() {
  echo "FAIL: $*"
  exit 1
}
# A copy of the page with a check's script appended, for file:// loading.
with_script() {
  python3 "$here/result.py" --inject "$here/$1" <"$out/week.html" >"$out/$2"
}
# The text of <pre id="limber-test"> in the page as the browser left it.
result() {
  python3 "$here/result.py"
}

"$limber" plan --profile "$src/examples/profiles/stiff-back.json" --start 2026-11-23 --format html --paper a4 \
  --lang "${3:-en}" -o "$out/week.html"

# 1. screenshots, and nothing overflowing, at both widths
with_script overflow.js overflow.html
for width in 390 1200; do
  browse --window-size=$width,2000 --screenshot="$out/week-$width.png" "file://$out/week.html" >/dev/null
  [ -s "$out/week-$width.png" ] || fail "no screenshot at $width px"
  png_width=$(od -An -tu1 -j16 -N4 "$out/week-$width.png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
  [ "$png_width" -eq "$width" ] || fail "the screenshot at $width px is $png_width px wide"
  found=$(browse --window-size=$width,2000 --dump-dom "file://$out/overflow.html#$width" | result)
  [ "$found" = "fits at $width px" ] || fail "at $width px: $found"
  echo "ok: $width px wide, screenshot $out/week-$width.png, nothing overflows"
done

# 2. the print stylesheet, printed: A4 pages
browse --no-pdf-header-footer --print-to-pdf="$out/week-print.pdf" "file://$out/week.html" >/dev/null
size=$(pdfinfo "$out/week-print.pdf" | sed -n 's/^Page size: *//p')
case "$size" in
  "595.92 x 842.88 pts"* | "595.276 x 841.89 pts"* | "595 x 842 pts"* | *"(A4)"*) ;;
  *) fail "printed page size is $size, not A4" ;;
esac
pages=$(pdfinfo "$out/week-print.pdf" | sed -n 's/^Pages: *//p')
# and no page left blank (a margin pushed over a forced page break made one)
p=1
while [ "$p" -le "$pages" ]; do
  words=$(pdftotext -f "$p" -l "$p" "$out/week-print.pdf" - | wc -w)
  [ "$words" -gt 0 ] || fail "printed page $p of $pages is blank"
  p=$((p + 1))
done
echo "ok: printed to $pages A4 pages ($size), none blank"

# 3. the log filled in and exported, then read back by the profile reader
with_script fill-log.js fill.html
browse --window-size=1200,2000 --dump-dom "file://$out/fill.html" | result >"$out/history.json"
python3 "$here/merge-history.py" "$src/examples/profiles/stiff-back.json" "$out/history.json" "$out/profile.json"
"$limber" plan --profile "$out/profile.json" --start 2026-11-30 --format json -o "$out/next.json" 2>"$out/next.err" \
  || fail "the profile reader refused the exported history: $(cat "$out/next.err")"
[ ! -s "$out/next.err" ] || fail "the profile reader warned: $(cat "$out/next.err")"
python3 "$here/merge-history.py" --check "$out/history.json" "$out/next.json"
echo "ok: the filled-in log exports as history the profile reader accepts"
