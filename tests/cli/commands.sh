# The everyday commands: run writes a complete file the HDF5 tools read; params and inspect
# describe what a run would use; bench prints its figures.
source "$(dirname "$0")/../support/cli_lib.sh"
tiny_scenario "$WORK/s.toml"
"$COMMSIM" run "$WORK/s.toml" --out "$WORK/r.h5" --quiet --set run.days=7 || fail "run"
[ "$(h5attr "$WORK/r.h5" complete)" = 1 ] && pass "complete = 1" || fail "complete"
[ "$(h5attr "$WORK/r.h5" days_written)" = 7 ] && pass "7 days" || fail "days_written"
h5ls -r "$WORK/r.h5" | grep -q '/daily/size *Dataset {7/Inf, 6/Inf}' && pass "/daily/size is [7, 6]" || fail "/daily/size shape: $(h5ls -r "$WORK/r.h5")"
h5dump -a parameters "$WORK/r.h5" | grep -q 'run.days = 7' && pass "resolved parameters stored" || fail "parameters attribute"
h5dump -a scenario "$WORK/r.h5" | grep -q 'size = 600' && pass "scenario text stored" || fail "scenario attribute"
"$COMMSIM" run "$WORK/s.toml" --out "$WORK/snap.h5" --quiet --set run.days=4 --set snapshots.every_days=2 || fail "run with snapshots"
snap=$(h5ls -r "$WORK/snap.h5" | grep -c '^/snapshots/day_[13]/[a-z_]* *Dataset')
[ "$snap" = 20 ] && pass "per-member snapshots on days 1 and 3 (10 fields each)" || fail "snapshots: $(h5ls -r "$WORK/snap.h5" | grep snapshots)"
rows=$(h5dump -H -d /snapshots/day_3/value "$WORK/snap.h5" | sed -n 's/.*DATASPACE  SIMPLE { ( \([0-9]*\) ).*/\1/p')
[ -n "$rows" ] && [ "$rows" -gt 0 ] && pass "snapshot holds $rows memberships" || fail "snapshot rows '$rows'"
out=$("$COMMSIM" params) && echo "$out" | grep -q '^run.days ' && pass "params lists run.days" || fail "params"
n_params=$(echo "$out" | wc -l); [ "$n_params" -gt 20 ] && pass "$n_params parameters" || fail "only $n_params parameters"
"$COMMSIM" params --markdown | head -n 1 | grep -q '| parameter |' && pass "params --markdown" || fail "params --markdown"
out=$("$COMMSIM" inspect "$WORK/s.toml") || fail "inspect"
echo "$out" | grep -q 'population.size *= 600 *# .*s.toml:5' && pass "inspect shows origins" || fail "inspect origins: $out"
echo "$out" | grep -q '^1\. ' && pass "inspect shows tick order" || fail "inspect tick order"
out=$("$COMMSIM" bench "$WORK/s.toml" --days 2) || fail "bench"
for key in member_ticks_per_s ticks_per_s peak_memory_mib runs_per_s; do
  echo "$out" | grep -q "^$key " && pass "bench prints $key" || fail "bench lacks $key: $out"
done

# A file with arms: run, inspect and bench take one arm by name.
cat > "$WORK/arms.toml" <<'TOML'
[run]
days = 3
[population]
size = 300
[groups]
count = 4
[arms.control]
[arms.small]
groups.count = 2
[replicates]
count = 3
TOML
"$COMMSIM" run "$WORK/arms.toml" --arm small --out "$WORK/small.h5" --quiet || fail "run --arm"
[ "$(h5attr "$WORK/small.h5" arm)" = '"small"' ] && pass "run --arm records the arm" || fail "arm attribute: $(h5attr "$WORK/small.h5" arm)"
h5ls "$WORK/small.h5/daily/size" | grep -q '{3/Inf, 2/Inf}' && pass "the arm's 2 groups were run" || fail "arm settings not applied: $(h5ls "$WORK/small.h5/daily/size")"
"$COMMSIM" inspect "$WORK/arms.toml" --arm small | grep -q 'groups.count *= 2 ' && pass "inspect --arm" || fail "inspect --arm"
"$COMMSIM" bench "$WORK/arms.toml" --arm control --days 1 | grep -q '^days *1' && pass "bench --arm" || fail "bench --arm"

# diagnose: a folder, or a glob that catches the folder's index and summary files.
"$COMMSIM" batch "$WORK/arms.toml" --out "$WORK/b" --replicates 2 --quiet || fail "batch"
out=$("$COMMSIM" diagnose --summary "$WORK/b" 2>&1) && [ "$(echo "$out" | grep -c '\.h5	')" = 4 ] \
  && pass "diagnose a folder: 4 runs" || fail "diagnose folder: $out"
err=$("$COMMSIM" diagnose --summary "$WORK"/b/*.h5 2>&1 >/dev/null) && case "$err" in *"skipped $WORK/b/index.h5"*) true ;; *) false ;; esac \
  && pass "diagnose DIR/*.h5 skips index.h5 with a note" || fail "diagnose glob: $err"

# compare --dry-run lists the plan and writes nothing.
out=$("$COMMSIM" compare "$WORK/arms.toml" --out "$WORK/cmp" --dry-run) && echo "$out" | grep -q '^6 runs planned' \
  && echo "$out" | grep -q '^arms.small.r2 ' && [ ! -e "$WORK/cmp" ] && pass "compare --dry-run" || fail "compare --dry-run: $out"
finish
