#!/usr/bin/env bash
# Throughput of two commits side by side, measured in one sitting so that the machine's noise
# falls on both: builds the `commsim` binary of OLD and of NEW (any git revisions; NEW may be
# `.` for the working tree as it is) in build/bench/<rev>/, then runs `commsim bench SCENARIO`
# with each in turn, ROUNDS times (old, new, old, new, ...), and prints every round's
# member-ticks/s, the medians and the ratio NEW/OLD.
#   scripts/bench-compare.sh OLD NEW [SCENARIO] [--days D] [--threads T] [--rounds R]
# Defaults: scenarios/bench/platform_100k.toml, its own days, all cores, 3 rounds.
# Example: scripts/bench-compare.sh HEAD~3 .      (docs/PERFORMANCE.md says how figures are kept)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
old=$1 new=$2
shift 2
scenario=$root/scenarios/bench/platform_100k.toml
days=() threads=() rounds=3
while [ $# -gt 0 ]; do
  case $1 in
    --days) days=(--days "$2"); shift 2 ;;
    --threads) threads=(--threads "$2"); shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -*) echo "bench-compare.sh: unknown option '$1'" >&2; usage ;;
    *) scenario=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift ;;
  esac
done
[ -f "$scenario" ] || { echo "bench-compare.sh: no scenario file '$scenario'" >&2; exit 2; }
case $rounds in '' | *[!0-9]* | 0) echo "bench-compare.sh: --rounds wants a whole number >= 1" >&2; exit 2 ;; esac

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

# build REV: prints the path of its commsim binary. `.` is the working tree; any other
# revision is checked out in a detached worktree of its own (the checkout is left untouched).
build() {
  local rev=$1 src dir
  if [ "$rev" = . ]; then
    src=$root
    dir=$root/build/bench/worktree
  else
    local sha
    sha=$(git -C "$root" rev-parse --verify --quiet "$rev^{commit}") ||
      { echo "bench-compare.sh: '$rev' is not a commit of this repository" >&2; exit 2; }
    src=$root/build/bench/src-$sha
    dir=$root/build/bench/$sha
    [ -d "$src" ] || git -C "$root" worktree add --detach --quiet "$src" "$sha"
  fi
  [ -f "$dir/CMakeCache.txt" ] || cmake -S "$src" -B "$dir" "${generator[@]}" "${launcher[@]}" \
    -DCMAKE_BUILD_TYPE=Release -DCOMMSIM_BUILD_TESTS=OFF -DCOMMSIM_WITH_MPI=OFF >&2
  cmake --build "$dir" --parallel "$(nproc)" --target commsim >&2
  echo "$dir/commsim"
}

old_bin=$(build "$old")
new_bin=$(build "$new")
rate() { "$1" bench "$scenario" "${days[@]}" "${threads[@]}" | awk '$1 == "member_ticks_per_s" { print $2 }'; }
echo "scenario $scenario; OLD = $old, NEW = $new; member-ticks/s per round"
olds=() news=()
for ((r = 1; r <= rounds; r++)); do
  o=$(rate "$old_bin")
  n=$(rate "$new_bin")
  olds+=("$o") news+=("$n")
  printf 'round %d  old %s  new %s\n' "$r" "$o" "$n"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mo=$(median "${olds[@]}")
mn=$(median "${news[@]}")
awk -v o="$mo" -v n="$mn" 'BEGIN { printf "median  old %.4g  new %.4g  ratio new/old %.3f\n", o, n, n / o }'
