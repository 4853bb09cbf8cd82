#!/usr/bin/env bash
# `mpirun -np 3 commsim sweep --mpi` must give the same run files and index as the sweep on
# one machine, with every rank doing runs (dynamic load balancing) and per-rank progress;
# a bad input stops every rank with one message; a dead rank still leaves an index.
# usage: mpi_sweep.sh path/to/commsim SOURCE_DIR      (exit 77 = skipped)
set -uo pipefail
commsim=$(readlink -f "$1")
src=$(readlink -f "$2")
scenario="$src/tests/cluster/sweep_small.toml"
command -v mpirun >/dev/null || { echo "SKIP: mpirun not installed (scripts/install-deps.sh)"; exit 77; }
T=$(mktemp -d /tmp/commsim-mpi.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; [ -f "$T/mpi.log" ] && tail -n 30 "$T/mpi.log"; exit 1; }

"$commsim" sweep "$scenario" --out "$T/local" --quiet --threads 1 || fail "local sweep"
timeout 120 mpirun --allow-run-as-root --oversubscribe -np 3 \
  "$commsim" sweep "$scenario" --out "$T/mpi" --mpi --jobs 1 --threads 1 > "$T/mpi.log" 2>&1 \
  || fail "mpirun exited with $?"
h5diff "$T/local/index.h5" "$T/mpi/index.h5" >/dev/null || fail "index differs: $(h5diff "$T/local/index.h5" "$T/mpi/index.h5" | head)"
n=0
for f in "$T"/local/sweep_small.*.h5; do
  h5diff "$f" "$T/mpi/$(basename "$f")" >/dev/null || fail "run file $(basename "$f") differs"
  n=$((n + 1))
done
[ "$n" = 12 ] || fail "expected 12 run files, found $n"
for r in 0 1 2; do
  grep -q "rank $r: " "$T/mpi.log" || fail "no progress line for rank $r"
done
# Every rank took part: the final per-rank counts add up to 12 and none is 0.
counts=$(grep -E '^sweep:   rank [0-9]+: ' "$T/mpi.log" | tail -n 3 | sed -E 's/.*rank [0-9]+: ([0-9]+) runs.*/\1/')
total=0
for c in $counts; do
  [ "$c" -gt 0 ] || fail "a rank did no run: $counts"
  total=$((total + c))
done
[ "$total" = 12 ] || fail "per-rank counts add to $total, not 12"

# A bad input stops every rank before any run, with one clear message and exit code 2.
timeout 60 mpirun --allow-run-as-root --oversubscribe -np 3 \
  "$commsim" sweep "$scenario" --out "$T/bad" --mpi --set groups.count=0 > "$T/bad.log" 2>&1
rc=$?
[ "$rc" != 0 ] || fail "bad input accepted under MPI"
grep -q "groups.count" "$T/bad.log" || fail "no error naming the key: $(cat "$T/bad.log")"
[ ! -e "$T/bad/index.h5" ] || fail "runs started despite the bad input"
# A rank dies (kill -9): mpirun ends the job, yet an index of what is there gets written (by
# the `commsim index` rank 0 starts when told to stop), and --resume completes the sweep.
timeout 120 mpirun --allow-run-as-root --oversubscribe -np 3 "$commsim" sweep "$scenario" \
  --out "$T/dead" --mpi --jobs 1 --threads 1 --set run.days=1500 > "$T/dead.log" 2>&1 & job=$!
victim=""
for _ in $(seq 1 100); do
  for p in $(pgrep -f "sweep $scenario --out $T/dead"); do
    tr '\0' '\n' < "/proc/$p/environ" 2>/dev/null | grep -qx OMPI_COMM_WORLD_RANK=2 && victim=$p
  done
  [ -n "$victim" ] && compgen -G "$T/dead/*.part" >/dev/null && break
  sleep 0.1
done
[ -n "$victim" ] || fail "rank 2 not found"
kill -9 "$victim"
wait $job && fail "mpirun ended well although a rank was killed"
for _ in $(seq 1 100); do [ -e "$T/dead/index.h5" ] && break; sleep 0.1; done
[ -e "$T/dead/index.h5" ] || fail "no index after a rank died: $(tail -n 5 "$T/dead.log")"
grep -q "writes the index once this job has ended" "$T/dead.log" || fail "rank 0 did not say who writes the index"
total=$(h5dump -a runs_total "$T/dead/index.h5" | sed -n 's/^ *(0): *//p')
[ "$total" = 12 ] || fail "index after a dead rank lists $total runs"
"$commsim" sweep "$scenario" --out "$T/dead-ref" --quiet --set run.days=1500 || fail "reference"
timeout 120 mpirun --allow-run-as-root --oversubscribe -np 3 "$commsim" sweep "$scenario" \
  --out "$T/dead" --mpi --resume --set run.days=1500 > "$T/resume.log" 2>&1 || fail "resume after a dead rank"
h5diff "$T/dead-ref/index.h5" "$T/dead/index.h5" >/dev/null || fail "resumed index differs"

echo "PASS: 3 MPI ranks reproduced the local sweep ($n runs; per rank: $(echo $counts)); a dead rank left an index"
