# The generated tables of the documentation are current (scripts/update-docs.sh writes them):
# docs/ODD.md's parameter, metric and failure-mode tables, README.md's failure-mode table.
source "$(dirname "$0")/../support/cli_lib.sh"

# table FILE NAME: the non-blank lines between its markers.
table() {
  awk -v begin="<!-- $2:begin -->" -v end="<!-- $2:end -->" '
    $0 == end { inside = 0 }
    inside && $0 != "" { print }
    $0 == begin { inside = 1 }' "$1"
}

"$COMMSIM" params --markdown > "$WORK/params.md" || fail "commsim params --markdown"
"$COMMSIM" diagnose --modes > "$WORK/modes.md" || fail "commsim diagnose --modes"
for kind in daily platform headline; do
  "$COMMSIM" metrics --markdown --kind $kind > "$WORK/$kind-metrics.md" || fail "commsim metrics"
done
[ "$(wc -l < "$WORK/modes.md")" -ge 7 ] && pass "diagnose --modes lists five modes" ||
  fail "commsim diagnose --modes printed $(wc -l < "$WORK/modes.md") lines"
for check in "docs/ODD.md params" "docs/ODD.md modes" "README.md modes" \
  "docs/ODD.md daily-metrics" "docs/ODD.md platform-metrics" "docs/ODD.md headline-metrics"; do
  set -- $check
  for marker in "<!-- $2:begin -->" "<!-- $2:end -->"; do
    n=$(grep -cxF -- "$marker" "$SRC/$1")
    [ "$n" = 1 ] || fail "$1 has $n '$marker' lines (wanted 1)"
  done
  table "$SRC/$1" "$2" > "$WORK/found.md"
  if diff -u "$WORK/found.md" "$WORK/$2.md" > "$WORK/diff"; then
    pass "$1: the $2 table is current"
  else
    head -n 30 "$WORK/diff"
    fail "$1: the $2 table is out of date: run scripts/update-docs.sh"
  fi
done
finish
