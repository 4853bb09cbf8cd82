#!/usr/bin/env bash
# Robustness table of the failure-mode signatures (each influential parameter -25% / +25%):
#   scripts/robustness.sh [--quick] [--replicates N] [--out DIR] [MODE ...]
# See scripts/robustness.py for what it runs; docs/VALIDATION.md holds the full table.
set -euo pipefail
exec /usr/bin/python3 "$(dirname "$0")/robustness.py" "$@"
