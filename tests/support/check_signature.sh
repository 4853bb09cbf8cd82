#!/usr/bin/env bash
# One generic driver for every file in scenarios/failure/ (and any scenario with a
# [signature]): runs its arms x replicates with `commsim compare --check-signature` and
# prints signature.md. Fails (exit 5) when the failure arm does not show what the file says.
#   check_signature.sh COMMSIM SCENARIO OUT_DIR
set -uo pipefail
commsim=$1 scenario=$2 out=$3
"$commsim" compare "$scenario" --out "$out" --overwrite --check-signature --quiet
rc=$?
[ -f "$out/signature.md" ] && cat "$out/signature.md"
exit $rc
