#!/bin/bash
# The shell completions and manual pages the build made (cli/generate.c):
#  - bash: with the completion sourced, completing `limber ` offers every
#    command, `limber plan --f` offers --format, a file option's value is a
#    file name, and every option `limber COMMAND --help` lists is offered;
#  - zsh: the script names every command and every option, and is valid zsh
#    when zsh is there to say so;
#  - man: every page renders with groff without a warning, and each
#    command's page lists every option its --help lists.
# Usage: cli-docs.sh LIMBER DOCS_DIR (the build's cli-docs directory).
set -euo pipefail
limber=$1
docs=$2
fail() { echo "cli-docs: $*" >&2; exit 1; }

# shellcheck disable=SC1091
. "$docs/limber.bash"
complete_line() {  # the words of a command line, the last being completed
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _limber
  echo " ${COMPREPLY[*]} "
}
commands=$("$limber" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF && !/^Commands:/ {print $1}')
[ -n "$commands" ] || fail "limber --help lists no commands"
offered=$(complete_line limber "")
for c in $commands; do
  [[ $offered == *" $c "* ]] || fail "'limber <TAB>' does not offer $c: $offered"
done
[[ $(complete_line limber pl) == " plan " ]] || fail "'limber pl<TAB>' is not plan: $(complete_line limber pl)"
[[ $(complete_line limber plan --f) == " --format " ]] || fail "'limber plan --f<TAB>' is not --format"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/rules-a.xml"
[[ $(complete_line limber plan --rules "$tmp/rules-") == " $tmp/rules-a.xml " ]] ||
  fail "a file option's value is not completed as a file name"
[[ $(complete_line limber plan --format "") == "  " ]] || fail "--format's value is completed as something"

for c in $commands; do
  help_options=$("$limber" "$c" --help | grep -oE -- '^ +(-[a-zA-Z], )?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+$')
  offered=$(complete_line limber "$c" --)
  page=$(groff -man -Tutf8 -ww -P-c -P-b -P-u "$docs/man/limber-$c.1" 2>"$tmp/warnings")
  [ ! -s "$tmp/warnings" ] || fail "limber-$c.1: groff warns: $(cat "$tmp/warnings")"
  for o in $help_options; do
    [[ $offered == *" $o "* ]] || fail "'limber $c --<TAB>' does not offer $o"
    grep -q -- "^ *\(-., \)\?$o\b" <<<"$page" || fail "limber-$c.1 does not list $o"
    grep -q -- "'\((-. $o)\)\?$o[=[]" "$docs/_limber" || fail "the zsh completion of $c lacks $o"
  done
  grep -q "^    '$c:" "$docs/_limber" || fail "the zsh completion does not name $c"
done
groff -man -Tutf8 -ww -z "$docs/man/limber.1" 2>"$tmp/warnings"
[ ! -s "$tmp/warnings" ] || fail "limber.1: groff warns: $(cat "$tmp/warnings")"
if command -v zsh >/dev/null; then
  zsh -n "$docs/_limber" || fail "_limber is not valid zsh"
fi
echo "completions and manual pages cover $(echo $commands | wc -w) commands and all their options"
