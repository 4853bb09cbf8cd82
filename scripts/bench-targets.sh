#!/usr/bin/env bash
# The performance targets of docs/PERFORMANCE.md, measured with one binary in one sitting:
#   1. platform_100k on 1 thread: member-ticks/s, and run time with members' activity halved
#      (population.activity.median 0.06 -> 0.03): work should follow posts;
#   2. platform_100k on 2 threads against 1 (the speed-up);
#   3. a sweep of about 200 small runs (scenarios/sweeps/strictness_grid.toml, 7 replicates:
#      210 runs) with 2 jobs against 1 job (runs/s), and with 2 MPI ranks where mpirun exists;
#      the 2-job sweep's whole wall time, index included;
#   4. platform_1m on 2 threads: member-ticks/s, peak memory, bytes per membership and person.
# Each line is the median of ROUNDS runs. The ratio to an older engine is bench-compare.sh's job.
#   scripts/bench-targets.sh [COMMSIM] [--days D] [--days-1m D] [--rounds R]
# Defaults: build/commsim, 30 days, 3 days of platform_1m, 3 rounds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bin=$root/build/commsim days=30 days_1m=3 rounds=3
while [ $# -gt 0 ]; do
  case $1 in
    --days) days=$2; shift 2 ;;
    --days-1m) days_1m=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "bench-targets.sh: unknown option '$1'" >&2; usage ;;
    *) bin=$1; shift ;;
  esac
done
[ -x "$bin" ] || { echo "bench-targets.sh: no commsim binary at '$bin'" >&2; exit 2; }
p100k=$root/scenarios/bench/platform_100k.toml
p1m=$root/scenarios/bench/platform_1m.toml
sweep=$root/scenarios/sweeps/strictness_grid.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# field NAME: that line's value from a `commsim bench` report on stdin.
field() { awk -v k="$1" '$1 == k { print $2 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# bench NAME ARGS...: ROUNDS runs of `commsim bench ARGS`, their reports kept as NAME.<round>;
# med NAME FIELD: the median of one field over them.
bench() {
  local name=$1
  shift
  for r in $(seq "$rounds"); do "$bin" bench "$@" --quiet >"$tmp/$name.$r"; done
}
med() { cat "$tmp/$1".* | field "$2" | median; }
# sweep_rate JOBS [mpirun -np N]: runs/s of the sweep, on JOBS threads or under mpirun.
sweep_rate() {
  local jobs=$1
  shift
  for r in $(seq "$rounds"); do
    rm -rf "$tmp/s"
    "$@" "$bin" sweep "$sweep" --replicates 7 --out "$tmp/s" --jobs "$jobs" --threads "$jobs" \
      ${1:+--mpi} --bench --quiet 2>/dev/null | field runs_per_s
  done | median
}

echo "commsim $bin; $(nproc) cores; $(date -u +%F); $rounds rounds, medians"
bench one "$p100k" --days "$days" --threads 1
bench half "$p100k" --days "$days" --threads 1 --set population.activity.median=0.03
bench two "$p100k" --days "$days" --threads 2
mt1=$(med one member_ticks_per_s) run1=$(med one run_s) runh=$(med half run_s)
mt2=$(med two member_ticks_per_s)
echo "platform_100k, $days days, 1 thread: $mt1 member-ticks/s, run ${run1} s, peak $(med one peak_memory_mib) MiB"
awk -v a="$run1" -v b="$runh" 'BEGIN { printf "  activity halved: run %s s, %.0f %% less time (target: at least 33 %%)\n", b, 100 * (1 - b / a) }'
awk -v a="$mt1" -v b="$mt2" 'BEGIN { printf "  2 threads: %s member-ticks/s, %.2fx one thread (target: 1.8x)\n", b, b / a }'
r1=$(sweep_rate 1) r2=$(sweep_rate 2)
awk -v a="$r1" -v b="$r2" 'BEGIN { printf "sweep of 210 runs (strictness_grid.toml): %s runs/s with 1 job, %s with 2, %.2fx (target: 1.9x)\n", a, b, b / a }'
# The whole command as a researcher waits for it: the runs, then index.h5 read from their files.
rm -rf "$tmp/s"
t0=$(date +%s.%N)
re=$("$bin" sweep "$sweep" --replicates 7 --out "$tmp/s" --jobs 2 --threads 2 --bench --quiet | field runs_per_s)
t1=$(date +%s.%N)
awk -v t0="$t0" -v t1="$t1" -v r="$re" 'BEGIN { t = t1 - t0; printf "  end to end with 2 jobs: %.1f s, of which the runs %.1f s (the rest: plan, index.h5)\n", t, 210 / r }'
if command -v mpirun >/dev/null; then
  mpi=(mpirun --oversubscribe -np 2)
  [ "$(id -u)" -eq 0 ] && mpi=(mpirun --allow-run-as-root --oversubscribe -np 2)
  m2=$(sweep_rate 1 "${mpi[@]}")
  awk -v a="$r1" -v b="$m2" 'BEGIN { printf "  2 MPI ranks of 1 thread: %s runs/s, %.2fx one job\n", b, b / a }'
fi
"$bin" bench "$p1m" --days "$days_1m" --threads 2 --quiet >"$tmp/1m"  # one round: minutes
awk -v d="$days_1m" '
  { v[$1] = $2 }
  END {
    memberships = v["member_ticks_per_s"] / v["ticks_per_s"]
    printf "platform_1m, %s days, 2 threads: setup %s s, %s member-ticks/s (target: 1e8), peak %s MiB (target: under 2048)\n", d, v["setup_s"], v["member_ticks_per_s"], v["peak_memory_mib"]
    printf "  %.0f memberships on average: %.0f bytes per membership, %.0f per person (peak memory over either)\n", memberships, v["peak_memory_mib"] * 1048576 / memberships, v["peak_memory_mib"] * 1048576 / 1e6
  }' "$tmp/1m"
