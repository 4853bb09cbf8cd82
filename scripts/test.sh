#!/usr/bin/env bash
# Installs what is missing (scripts/install-deps.sh test: the main job's packages and the
# test-only ones), builds the binary with MPI and the test suite, and runs the whole suite
# (C++, command line, cluster, analysis). Extra arguments go to ctest, e.g.
# `scripts/test.sh -L signature`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
bash scripts/build.sh all
cd build
ctest --output-on-failure --parallel "$(nproc)" "$@"
