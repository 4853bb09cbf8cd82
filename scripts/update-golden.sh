#!/usr/bin/env bash
# Regenerates the golden regression data (tests/golden/<case>.tsv) from the current model:
# run it ON PURPOSE, after a change meant to alter the model's output, and say in the commit
# why the numbers moved. `scripts/update-golden.sh [CASE...]` (default: every case).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/build.sh" >/dev/null
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for f in "$root"/tests/golden/*.toml; do cases+=("$(basename "$f" .toml)"); done
fi
for c in "${cases[@]}"; do
  [ -f "$root/tests/golden/$c.toml" ] || { echo "update-golden.sh: no case tests/golden/$c.toml" >&2; exit 2; }
  COMMSIM_GOLDEN_CASE=$c COMMSIM_UPDATE_GOLDEN=1 "$root/build/commsim_tests" "[golden]" >/dev/null
  echo "tests/golden/$c.tsv: $(($(wc -l < "$root/tests/golden/$c.tsv"))) lines"
done
echo "review with git diff --stat tests/golden, then commit with the reason the output changed"
