# SIGTERM (Ctrl-C, a Slurm time limit) mid-run: the days written so far stay in RUN.h5.part,
# readable, saying complete = 0; RUN.h5 itself is never written (nothing unfinished carries
# the finished name); exit code 130.
source "$(dirname "$0")/../support/cli_lib.sh"
DAYS=3000 tiny_scenario "$WORK/long.toml" '[output]
chunk_days = 1'
"$COMMSIM" run "$WORK/long.toml" --out "$WORK/long.h5" --quiet &
pid=$!
part="$WORK/long.h5.part"
for _ in $(seq 1 100); do  # wait until some days are on disk (reading past the writer's lock)
  d=$(HDF5_USE_FILE_LOCKING=FALSE h5attr "$part" days_written); [ -n "$d" ] && [ "$d" -gt 2 ] && break; sleep 0.1
done
kill -TERM $pid
wait $pid; rc=$?
[ "$rc" -eq 130 ] && pass "exit code 130" || fail "exit code $rc after SIGTERM"
[ ! -e "$WORK/long.h5" ] && pass "long.h5 not written" || fail "an unfinished run carries the finished name"
days=$(h5attr "$part" days_written)
[ "$(h5attr "$part" complete)" = 0 ] && pass "complete = 0" || fail "complete is not 0"
if [ -n "$days" ] && [ "$days" -gt 2 ] && [ "$days" -lt 3000 ]; then pass "$days days kept"; else fail "days_written = '$days'"; fi
rows=$(h5dump -H -d /platform/messages "$part" | sed -n 's/.*DATASPACE  SIMPLE { ( \([0-9]*\) ).*/\1/p')
[ "$rows" = "$days" ] && pass "datasets hold $rows rows" || fail "datasets hold '$rows' rows, days_written $days"
"$COMMSIM" diagnose --allow-partial "$WORK/long.h5" >/dev/null && pass "diagnose --allow-partial reads it" || fail "diagnose --allow-partial"
[ ! -e "$WORK/long.h5.lock" ] && pass "no lock file left" || fail "lock file left behind"

# A run to a name that holds a finished run: refused without --overwrite; with it, the old
# file stays until the new run is complete, so a stopped rerun loses nothing.
DAYS=5 tiny_scenario "$WORK/short.toml"
"$COMMSIM" run "$WORK/short.toml" --out "$WORK/r.h5" --quiet || fail "first run"
sum=$(md5sum < "$WORK/r.h5")
expect_error 2 "r.h5" "already exists" "--overwrite" -- "$COMMSIM" run "$WORK/short.toml" --out "$WORK/r.h5"
"$COMMSIM" run "$WORK/long.toml" --out "$WORK/r.h5" --overwrite --quiet & pid=$!
for _ in $(seq 1 100); do [ -e "$WORK/r.h5.part" ] && break; sleep 0.1; done
sleep 0.3; kill -TERM $pid; wait $pid
[ "$(md5sum < "$WORK/r.h5")" = "$sum" ] && pass "stopped --overwrite left the finished run as it was" || fail "finished run changed"
"$COMMSIM" run "$WORK/short.toml" --out "$WORK/r.h5" --overwrite --quiet --set run.days=6 || fail "--overwrite"
[ "$(h5attr "$WORK/r.h5" days_written)" = 6 ] && [ ! -e "$WORK/r.h5.part" ] \
  && pass "--overwrite replaced it once complete" || fail "--overwrite did not replace it"
finish
