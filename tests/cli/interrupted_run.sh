# SIGTERM (Ctrl-C, a Slurm time limit) mid-run: the file keeps every finished day, stays
# readable and says complete = 0; exit code 130.
source "$(dirname "$0")/../support/cli_lib.sh"
DAYS=3000 tiny_scenario "$WORK/long.toml" '[output]
chunk_days = 1'
"$COMMSIM" run "$WORK/long.toml" --out "$WORK/long.h5" --quiet &
pid=$!
for _ in $(seq 1 100); do  # wait until some days are on disk (reading past the writer's lock)
  d=$(HDF5_USE_FILE_LOCKING=FALSE h5attr "$WORK/long.h5" days_written); [ -n "$d" ] && [ "$d" -gt 2 ] && break; sleep 0.1
done
kill -TERM $pid
wait $pid; rc=$?
[ "$rc" -eq 130 ] && pass "exit code 130" || fail "exit code $rc after SIGTERM"
days=$(h5attr "$WORK/long.h5" days_written)
[ "$(h5attr "$WORK/long.h5" complete)" = 0 ] && pass "complete = 0" || fail "complete is not 0"
if [ -n "$days" ] && [ "$days" -gt 2 ] && [ "$days" -lt 3000 ]; then pass "$days days kept"; else fail "days_written = '$days'"; fi
rows=$(h5dump -H -d /platform/messages "$WORK/long.h5" | sed -n 's/.*DATASPACE  SIMPLE { ( \([0-9]*\) ).*/\1/p')
[ "$rows" = "$days" ] && pass "datasets hold $rows rows" || fail "datasets hold '$rows' rows, days_written $days"
finish
