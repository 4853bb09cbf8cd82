#!/usr/bin/env bash
# The unit tests under AddressSanitizer + UndefinedBehaviorSanitizer, and the libFuzzer
# targets (scenario parser and planner, run-file reader) for a fixed number of inputs from
# their committed seed corpora: a clang build of its own. ctest runs this as the test
# `sanitize.unit_and_fuzz` (label sanitize); by hand: bash scripts/sanitize.sh [BUILD_DIR].
# Exit 77 (skipped): clang-16 or its libFuzzer runtime is missing (scripts/install-deps.sh).
# clang 16, not Debian's default 14: the code uses std::source_location, which libstdc++ 12
# offers only to compilers with __builtin_source_location (GCC 12, clang 15 and later).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src/build/sanitize}
cxx=$(command -v clang++-16 || true)
cc=$(command -v clang-16 || true)
if [ -z "$cxx" ] || [ -z "$cc" ] || [ ! -e "$("$cxx" -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
  echo "SKIP: clang 16 with libFuzzer not found (Debian: clang-16 libclang-rt-16-dev)"
  exit 77
fi
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# -O1: sanitizers need some optimisation to run at a useful speed, and it compiles faster.
# A unity build (16 files a batch) halves the compile time, which is most of this job's.
[ -f "$out/CMakeCache.txt" ] || cmake -S "$src" -B "$out" "${generator[@]}" "${launcher[@]}" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCOMMSIM_FUZZ=ON -DCOMMSIM_WITH_MPI=OFF \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16
cmake --build "$out" --parallel "$(nproc)"
cd "$out"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --output-on-failure --parallel "$(nproc)" -L 'unit|fuzz'
