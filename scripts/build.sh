#!/usr/bin/env bash
# Configures and builds commsim (Release) in build/.
#   scripts/build.sh main   only the commsim binary (scripts/main.sh); a new build/ is
#                           configured without the tests and without MPI, which it needs not
#   scripts/build.sh all    the binary with MPI, and the test suite (scripts/test.sh; default)
# ccache is used when installed. Switching from main to all recompiles only what MPI changes.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
configure=(-DCMAKE_BUILD_TYPE=Release)
command -v ninja >/dev/null && [ ! -f build/CMakeCache.txt ] && configure+=(-G Ninja)
command -v ccache >/dev/null && configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
case "$mode" in
  main)
    # An existing build/ (e.g. a developer's, with tests) is kept as it is.
    [ -f build/CMakeCache.txt ] || cmake -S . -B build "${configure[@]}" \
      -DCOMMSIM_BUILD_TESTS=OFF -DCOMMSIM_WITH_MPI=OFF
    cmake --build build --parallel "$(nproc)" --target commsim ;;
  all)
    cmake -S . -B build "${configure[@]}" -DCOMMSIM_BUILD_TESTS=ON -DCOMMSIM_WITH_MPI=ON
    cmake --build build --parallel "$(nproc)" ;;
  *) echo "build.sh: unknown mode '$mode' (main or all)" >&2; exit 2 ;;
esac
