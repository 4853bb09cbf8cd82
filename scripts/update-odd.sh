#!/usr/bin/env bash
# Regenerates the parameter table in docs/ODD.md (the lines between
# <!-- params:begin --> and <!-- params:end -->) from `commsim params --markdown`.
#   scripts/update-odd.sh [path/to/commsim]      (default: build/commsim)
# Plain bash + awk; the file is replaced only when the new text is complete.
# tests/cli/odd_params.sh fails when the table is out of date.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
commsim=${1:-$root/build/commsim}
odd=$root/docs/ODD.md

if [ ! -x "$commsim" ]; then
  echo "update-odd.sh: no commsim binary at '$commsim' (build it, or pass its path)" >&2
  exit 2
fi
if [ ! -f "$odd" ]; then
  echo "update-odd.sh: '$odd' does not exist" >&2
  exit 2
fi
for marker in '<!-- params:begin -->' '<!-- params:end -->'; do
  n=$(grep -cxF -- "$marker" "$odd" || true)
  if [ "$n" != 1 ]; then
    echo "update-odd.sh: $odd must contain the line '$marker' exactly once (found $n)" >&2
    exit 2
  fi
done

table=$(mktemp "${TMPDIR:-/tmp}/odd-params.XXXXXX")
out=$(mktemp "$odd.XXXXXX")
trap 'rm -f "$table" "$out"' EXIT
"$commsim" params --markdown > "$table"
if [ ! -s "$table" ]; then
  echo "update-odd.sh: '$commsim params --markdown' printed nothing" >&2
  exit 1
fi

# Keep everything outside the markers; between them: a blank line, the table, a blank line.
awk -v table="$table" '
  $0 == "<!-- params:begin -->" {
    print; print ""
    while ((getline line < table) > 0) print line
    close(table)
    print ""
    skipping = 1
    next
  }
  $0 == "<!-- params:end -->" { skipping = 0 }
  !skipping { print }
' "$odd" > "$out"

params=$(($(wc -l < "$table") - 2))  # less the header and the separator row
if cmp -s "$out" "$odd"; then
  echo "docs/ODD.md: parameter table already up to date ($params parameters)"
else
  chmod --reference="$odd" "$out" 2>/dev/null || true
  mv "$out" "$odd"
  echo "docs/ODD.md: parameter table regenerated from $commsim ($params parameters)"
fi
