#!/usr/bin/env bash
# Regenerates the tables the documentation takes from the binary, between their markers:
#   docs/ODD.md  <!-- params:begin --> ... <!-- params:end -->   `commsim params --markdown`
#   docs/ODD.md  <!-- modes:begin --> ... <!-- modes:end -->     `commsim diagnose --modes`
#   docs/ODD.md  <!-- daily-metrics:begin --> ...               `commsim metrics --markdown
#                (and platform-metrics, headline-metrics)         --kind daily` (platform, headline)
#   README.md    <!-- modes:begin --> ... <!-- modes:end -->     `commsim diagnose --modes`
#   scripts/update-docs.sh [path/to/commsim]      (default: build/commsim)
# A file is replaced only when its new text is complete. tests/cli/doc_tables.sh fails when a
# table is out of date.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
commsim=${1:-$root/build/commsim}
if [ ! -x "$commsim" ]; then
  echo "update-docs.sh: no commsim binary at '$commsim' (build it, or pass its path)" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/update-docs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$commsim" params --markdown > "$tmp/params.md"
"$commsim" diagnose --modes > "$tmp/modes.md"
for kind in daily platform headline; do
  "$commsim" metrics --markdown --kind $kind > "$tmp/$kind-metrics.md"
done
for t in params modes daily-metrics platform-metrics headline-metrics; do
  [ -s "$tmp/$t.md" ] || { echo "update-docs.sh: the $t table came out empty" >&2; exit 1; }
done

# replace FILE NAME TABLE: the lines between <!-- NAME:begin --> and <!-- NAME:end --> become
# a blank line, TABLE, a blank line.
replace() {
  local file=$1 name=$2 table=$3 begin="<!-- $2:begin -->" end="<!-- $2:end -->"
  for marker in "$begin" "$end"; do
    local n
    n=$(grep -cxF -- "$marker" "$file" || true)
    if [ "$n" != 1 ]; then
      echo "update-docs.sh: $file must contain the line '$marker' exactly once (found $n)" >&2
      exit 2
    fi
  done
  local out
  out=$(mktemp "$file.XXXXXX")
  awk -v table="$table" -v begin="$begin" -v end="$end" '
    $0 == begin { print; print ""; while ((getline line < table) > 0) print line; close(table)
                  print ""; skipping = 1; next }
    $0 == end { skipping = 0 }
    !skipping { print }' "$file" > "$out"
  if cmp -s "$out" "$file"; then
    rm -f "$out"
    echo "${file#$root/}: $name table already up to date"
  else
    chmod --reference="$file" "$out" 2>/dev/null || true
    mv "$out" "$file"
    echo "${file#$root/}: $name table regenerated from $commsim"
  fi
}

replace "$root/docs/ODD.md" params "$tmp/params.md"
replace "$root/docs/ODD.md" modes "$tmp/modes.md"
for kind in daily platform headline; do
  replace "$root/docs/ODD.md" $kind-metrics "$tmp/$kind-metrics.md"
done
replace "$root/README.md" modes "$tmp/modes.md"
