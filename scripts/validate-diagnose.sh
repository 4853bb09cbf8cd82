#!/usr/bin/env bash
# Out-of-sample check of `commsim diagnose` on a Latin hypercube over the operators' levers:
#   scripts/validate-diagnose.sh [--out DIR] [--scenario FILE]
# See scripts/validate_diagnose.py; docs/VALIDATION.md holds the tables it printed.
set -euo pipefail
exec /usr/bin/python3 "$(dirname "$0")/validate_diagnose.py" "$@"
