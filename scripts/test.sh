#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (C++, command line, cluster,
# analysis). Extra arguments go to ctest, e.g. `scripts/test.sh -L signature`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cd build
ctest --output-on-failure --parallel "$(nproc)" "$@"
