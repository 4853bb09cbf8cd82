# SIGTERM mid-run on a platform that writes the event log, founds groups every day and carries
# out events: RUN.h5.part keeps the tables as of the last written day. Every /events row is from
# a written day (tick < 24 x days_written), reaching into the last of them; /groups has a row
# for each group founded by then (as many as /daily has columns) and none founded later;
# /interventions holds the events that fired by then.
source "$(dirname "$0")/../support/cli_lib.sh"
PY=/usr/bin/python3
cat > "$WORK/long.toml" <<'TOML'
[run]
days = 2000
seed = 3
[population]
size = 3000
[groups]
initial_size = 10
[output]
chunk_days = 1
events = true
[group_types.club]
count = 6
per_day = 1.0
[group_types.flash]
count = 0
groups.lifetime_hours = 5
[[events]]
day = 1
hour = 6
action = "influx"
target = "type:club"
people = 100
[[events]]
day = 2
hour = 12
action = "found"
target = "group:0"
type = "flash"
TOML
"$COMMSIM" run "$WORK/long.toml" --out "$WORK/long.h5" --quiet &
pid=$!
part="$WORK/long.h5.part"
for _ in $(seq 1 200); do  # wait until some days are on disk (reading past the writer's lock)
  d=$(HDF5_USE_FILE_LOCKING=FALSE h5attr "$part" days_written); [ -n "$d" ] && [ "$d" -gt 4 ] && break; sleep 0.1
done
kill -TERM $pid
wait $pid; rc=$?
[ "$rc" -eq 130 ] && pass "exit code 130" || fail "exit code $rc after SIGTERM"
days=$(h5attr "$part" days_written)
if [ -n "$days" ] && [ "$days" -gt 4 ] && [ "$days" -lt 2000 ]; then pass "$days days kept"; else fail "days_written = '$days'"; fi
[ "$(h5attr "$part" complete)" = 0 ] && pass "complete = 0" || fail "complete is not 0"

$PY - "$part" <<'EOF' && pass "tables end at the last written day" || fail "tables of the .part file"
import sys
import h5py
import numpy as np

with h5py.File(sys.argv[1], "r") as f:
    days = int(f.attrs["days_written"])
    end = 24 * days
    def table(name):
        t = f[name]
        n = int(t.attrs["rows"])
        return {c: t[c][:n] for c in t.keys()}, n
    events, n_events = table("events")
    groups, n_groups = table("groups")
    fired, n_fired = table("interventions")
    problems = []
    if n_events == 0:
        problems.append("no events")
    elif events["tick"].max() >= end:
        problems.append(f"event at tick {events['tick'].max()} >= {end}")
    elif events["tick"].max() < end - 24:
        problems.append(f"no events in the last written day (last tick {events['tick'].max()})")
    if (groups["founded"] >= end).any():
        problems.append(f"groups founded at {groups['founded'][groups['founded'] >= end]}, >= {end}")
    width = f["daily/alive"].shape[1]
    if n_groups != width:
        problems.append(f"/groups has {n_groups} rows, /daily {width} groups")
    if list(groups["group"]) != list(range(n_groups)):
        problems.append("/groups ids are not 0..n-1")
    if n_groups <= 7:
        problems.append(f"only {n_groups} groups: no births kept")
    if ((groups["ended"] != 4294967295) & (groups["ended"] >= end)).any():
        problems.append("a group ended after the last written day")
    if (events["group"] >= n_groups).any():
        problems.append("an event in a group /groups does not list")
    if list(fired["tick"]) != [30, 60]:
        problems.append(f"/interventions ticks {list(fired['tick'])}, wanted [30, 60]")
    for p in problems:
        print("problem:", p)
    sys.exit(1 if problems else 0)
EOF
finish
