# commsim compare: every arm x replicate of a file, summary.md/csv/h5 and runs.csv whose
# numbers a separate implementation (h5py + numpy + scipy) recomputes from the run files;
# the first arm's difference is 0; --threads does not change a byte; --resume recomputes only
# what is missing and gives the same summary; no summary unless every run completed; bad input
# refused (file, line, key; exit 2, or 3 for output) before anything runs.
source "$(dirname "$0")/../support/cli_lib.sh"
PY=/usr/bin/python3

cat > "$WORK/two.toml" <<'TOML'
[run]
days = 10
seed = 11
[population]
size = 300
[groups]
count = 3

[arms.control]
groups.moderators = 2

[arms.leaderless]
groups.moderators = 0
groups.open_channel_per_day = 3.0

[replicates]
count = 3
TOML

# The recomputation: headline metrics from the run files (definitions as in
# models/community/headline_metrics.hpp), then the statistics with scipy.
cat > "$WORK/check.py" <<'PY'
import csv, math, sys, warnings
import h5py, numpy as np
from scipy import stats, special

warnings.simplefilter("ignore")  # scipy's note on near-constant samples
out = sys.argv[1]
runs = list(csv.DictReader(open(f"{out}/runs.csv")))
rows = list(csv.DictReader(open(f"{out}/summary.csv")))
with h5py.File(f"{out}/summary.h5") as f:
    names = [s.decode() for s in f["metrics/name"][:]]
    h5_mean = f["summary/mean"][:]
    h5_diff = f["summary/diff"][:]
    h5_runs = {m: f["runs/metrics"][m][:] for m in names}

def metrics(path):
    with h5py.File(path) as f:
        assert f.attrs["complete"] == 1, path
        daily = {k: f["daily"][k][:] for k in f["daily"]}
        plat = {k: f["platform"][k][:] for k in f["platform"]}
        grp = {k: f["groups"][k][:].astype(float) for k in f["groups"]}  # every group ever
    alive = daily["alive"]
    days = alive.shape[0]
    founding, at_end, on = ~np.isnan(alive[0]), ~np.isnan(alive[-1]), alive == 1
    def cells(name, first=0):
        v = daily[name][first:]
        keep = on[first:] & ~np.isnan(v)
        return v[keep].mean() if keep.any() else math.nan
    g = founding.sum()
    total = lambda name: np.nansum(daily[name])
    return {
        "days_alive": on[:, founding].sum(axis=0).mean(),
        "alive_at_end": on[-1][at_end].mean(),
        "final_size": np.where(on[-1], daily["size"][-1], 0.0)[at_end].mean(),
        "active_share": cells("active_share"),
        "muted_share": cells("muted_share"),
        "ad_share": np.nanmean(plat["ad_share"]),
        "focus": cells("focus", 2 * days // 3),
        "mean_value": cells("mean_value", 2 * days // 3),
        "expert_retention": np.nan_to_num(daily["expert_retention"][-1][founding], nan=0.0).mean(),
        "quiet_share": cells("quiet_share"),
        "leaves": np.nansum(daily["leaves"]) / g,
        "departures": (np.nansum(daily["leaves"]) + np.nansum(daily["removals"])) / g,
        "removals": np.nansum(daily["removals"]) / g,
        "value_gained": np.nansum(plat["value_gained"]),
        "value_per_message": total("value_gained") / (total("messages") - total("ad_messages")),
        "value_per_member_day": total("value_gained") / total("size"),
        "value_per_member_hour": grp["value_gained"].sum() / grp["member_hours"].sum(),
        "took_part_share": grp["took_part"].sum() / grp["members_ever"].sum(),
        "ad_message_share": grp["ad_messages"].sum() / grp["messages"].sum(),
        "replies_per_post": total("replies") / (total("messages") - total("ad_messages")
                                                - total("programme_messages")),
        "answered_share": cells("answered_share"),
        "disputes": total("complaints") / total("messages"),
    }

def num(s):
    return math.nan if s == "NA" else float(s)

def close(a, b, rel=1e-7, what=""):
    if math.isnan(a) and math.isnan(b):
        return
    assert abs(a - b) <= rel * max(1.0, abs(a), abs(b)), f"{what}: {a} != {b}"

arms = []
values = {}
for i, r in enumerate(runs):
    if r["arm"] not in arms:
        arms.append(r["arm"])
    m = metrics(f"{out}/{r['run_id']}.h5")
    assert sorted(m) == sorted(names), (sorted(m), names)
    for k in names:
        close(m[k], num(r[k]), 1e-10, f"runs.csv {r['run_id']} {k}")
        close(m[k], h5_runs[k][i], 1e-12, f"summary.h5 /runs/metrics/{k}")
        values.setdefault((r["arm"], k), []).append(m[k])

assert len(rows) == len(arms) * len(names), f"{len(rows)} rows, wanted {len(arms)} x {len(names)}"
expected_order = [(k, a) for k in names for a in arms]
assert [(r["metric"], r["arm"]) for r in rows] == expected_order, "rows are not metric x arm in order"
for i, r in enumerate(rows):
    what = f"{r['metric']}/{r['arm']}"
    x = np.array([v for v in values[(r["arm"], r["metric"])] if not math.isnan(v)])
    ref = np.array([v for v in values[(arms[0], r["metric"])] if not math.isnan(v)])
    n, mean, sd = len(x), x.mean(), x.std(ddof=1)
    assert int(r["n"]) == n, what
    close(mean, num(r["mean"]), 1e-10, what + " mean")
    close(mean, h5_mean[i], 1e-12, what + " h5 mean")
    close(sd, num(r["sd"]), 1e-10, what + " sd")
    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n) if sd > 0 else 0.0
    close(mean - half, num(r["ci_low"]), 1e-7, what + " ci_low")
    close(mean + half, num(r["ci_high"]), 1e-7, what + " ci_high")
    if r["arm"] == arms[0]:
        assert num(r["diff"]) == 0 and num(r["diff_ci_low"]) == 0 and num(r["diff_ci_high"]) == 0, what
        assert num(r["hedges_g"]) == 0 and r["reference_arm"] == arms[0], what
        continue
    diff = mean - ref.mean()
    close(diff, num(r["diff"]), 1e-10, what + " diff")
    close(diff, h5_diff[i], 1e-12, what + " h5 diff")
    a, b = x.var(ddof=1) / n, ref.var(ddof=1) / len(ref)
    if a + b > 0:
        df = (a + b) ** 2 / (a * a / (n - 1) + b * b / (len(ref) - 1))
        half = stats.t.ppf(0.975, df) * math.sqrt(a + b)
        close(df, num(r["diff_df"]), 1e-10, what + " df")
        close(stats.ttest_ind(x, ref, equal_var=False).pvalue, num(r["p_value"]), 1e-6, what + " p")
        m = n + len(ref) - 2
        sp = math.sqrt(((n - 1) * x.var(ddof=1) + (len(ref) - 1) * ref.var(ddof=1)) / m)
        j = special.gamma(m / 2) / (math.sqrt(m / 2) * special.gamma((m - 1) / 2))
        close(j * diff / sp, num(r["hedges_g"]), 1e-9, what + " g")
    else:
        half = 0.0
    close(diff - half, num(r["diff_ci_low"]), 1e-7, what + " diff_ci_low")
    close(diff + half, num(r["diff_ci_high"]), 1e-7, what + " diff_ci_high")
print(f"recomputed {len(runs)} runs x {len(names)} metrics and {len(rows)} summary rows")
PY

# --- the comparison: 2 arms x 3 replicates, run in parallel
"$COMMSIM" compare "$WORK/two.toml" --out "$WORK/a" --threads 2 --quiet; rc=$?
[ "$rc" = 0 ] && pass "compare ran" || fail "compare exit $rc"
for f in summary.md summary.csv summary.h5 runs.csv index.h5 two.control.r0.h5 two.leaderless.r2.h5; do
  [ -s "$WORK/a/$f" ] && pass "$f written" || fail "$f missing"
done
metrics=$(h5dump -d /metrics/name "$WORK/a/summary.h5" | grep -o 'DATASPACE  SIMPLE { ( [0-9]*' | grep -o '[0-9]*$')
[ "${metrics:-0}" -ge 13 ] && pass "$metrics headline metrics" || fail "metric count '$metrics'"
rows=$((2 * metrics))
[ "$(($(wc -l < "$WORK/a/summary.csv") - 1))" = "$rows" ] && pass "summary.csv: $rows rows (arm x metric)" \
  || fail "summary.csv has $(wc -l < "$WORK/a/summary.csv") lines, wanted 1 + $rows"
[ "$(grep -cE '^\| [a-z_]+ \| (control|leaderless) \| [0-9]+ \|' "$WORK/a/summary.md")" = "$rows" ] \
  && pass "summary.md: $rows result rows" || fail "summary.md rows: $(grep -cE '^\| [a-z_]+ \| (control|leaderless) \|' "$WORK/a/summary.md")"
h5dump -d /summary/diff "$WORK/a/summary.h5" | grep -q "SIMPLE { ( $rows )" && pass "summary.h5: $rows rows" || fail "summary.h5 rows"
[ "$(($(wc -l < "$WORK/a/runs.csv") - 1))" = 6 ] && pass "runs.csv: 6 runs" || fail "runs.csv lines"
grep -q "Hedges' g" "$WORK/a/summary.md" && grep -q "Welch" "$WORK/a/summary.md" && pass "summary.md names the method" \
  || fail "summary.md lacks the method"
# the first arm's difference is 0 on every metric (column 11: diff)
awk -F, 'NR > 1 && $3 == "control" { n++; if ($11 != "0" || $12 != "0" || $13 != "0") bad = 1 } END { exit !(n > 0 && !bad) }' \
  "$WORK/a/summary.csv" && pass "first arm: difference 0" || fail "first arm's difference is not 0"
awk -F, 'NR > 1 && $3 == "leaderless" && $11 != "0" { n++ } END { exit !(n > 0) }' "$WORK/a/summary.csv" \
  && pass "the arms differ somewhere" || fail "every difference is 0: the arms did not differ"
"$PY" "$WORK/check.py" "$WORK/a" > "$WORK/check.txt" 2>&1 && pass "$(cat "$WORK/check.txt")" \
  || fail "recomputation: $(tail -n 3 "$WORK/check.txt")"
"$COMMSIM" index "$WORK/a" | grep -q "6 runs: 6 complete, 0 failed" && pass "commsim index still sees 6 runs" \
  || fail "commsim index: $("$COMMSIM" index "$WORK/a")"

# --- determinism: one thread, one run at a time: byte-identical summaries
"$COMMSIM" compare "$WORK/two.toml" --out "$WORK/b" --threads 1 --jobs 1 --quiet || fail "compare --threads 1"
cmp -s "$WORK/a/summary.csv" "$WORK/b/summary.csv" && cmp -s "$WORK/a/runs.csv" "$WORK/b/runs.csv" \
  && cmp -s "$WORK/a/summary.md" "$WORK/b/summary.md" && cmp -s "$WORK/a/summary.h5" "$WORK/b/summary.h5" \
  && pass "--threads 2 == --threads 1 --jobs 1 (summary.csv, runs.csv, summary.md, summary.h5)" \
  || fail "summaries depend on threads"

# --- resume: delete one run, only it is recomputed, same summary
cp "$WORK/a/summary.csv" "$WORK/summary.before.csv"
stamps() { for f in "$WORK"/a/two.*.h5; do [ "$f" = "$WORK/a/two.leaderless.r1.h5" ] || stat -c '%n %.9Y' "$f"; done; }
stamps > "$WORK/mtimes.before"
rm "$WORK/a/two.leaderless.r1.h5"
expect_error 2 "already holds 5 run files" "--resume" -- "$COMMSIM" compare "$WORK/two.toml" --out "$WORK/a"
"$COMMSIM" compare "$WORK/two.toml" --out "$WORK/a" --threads 2 --resume 2> "$WORK/resume.txt"; rc=$?
[ "$rc" = 0 ] && pass "--resume ran" || fail "--resume exit $rc: $(cat "$WORK/resume.txt")"
grep -q "5 already done" "$WORK/resume.txt" && pass "--resume kept the 5 complete runs" || fail "$(grep 'runs ended' "$WORK/resume.txt")"
[ -s "$WORK/a/two.leaderless.r1.h5" ] && pass "the deleted run was recomputed" || fail "the deleted run is still missing"
stamps > "$WORK/mtimes.after"
cmp -s "$WORK/mtimes.before" "$WORK/mtimes.after" && pass "the other runs' files were not touched" \
  || fail "other run files changed: $(diff "$WORK/mtimes.before" "$WORK/mtimes.after" | head -n 2)"
cmp -s "$WORK/summary.before.csv" "$WORK/a/summary.csv" && pass "summary.csv byte-identical after --resume" \
  || fail "summary.csv differs after --resume"

# --- interrupted: no summary; --resume finishes it with the uninterrupted result
long="--set run.days=60 --set output.chunk_days=4"
"$COMMSIM" compare "$WORK/two.toml" --out "$WORK/ref" $long --quiet || fail "reference compare"
"$COMMSIM" compare "$WORK/two.toml" --out "$WORK/k" $long --jobs 1 --threads 1 --quiet 2> "$WORK/k.txt" & pid=$!
sleep 0.3; kill -INT $pid; wait $pid; rc=$?
if [ "$rc" = 130 ]; then
  pass "SIGINT: exit 130"
  [ ! -e "$WORK/k/summary.csv" ] && [ ! -e "$WORK/k/summary.h5" ] && pass "no summary after an interruption" \
    || fail "an interrupted compare wrote a summary"
  grep -q "resume" "$WORK/k.txt" && pass "says to --resume" || fail "interrupt message: $(cat "$WORK/k.txt")"
else
  echo "note: compare ended (exit $rc) before SIGINT"
fi
"$COMMSIM" compare "$WORK/two.toml" --out "$WORK/k" $long --resume --quiet || fail "resume after SIGINT"
cmp -s "$WORK/ref/summary.csv" "$WORK/k/summary.csv" && pass "interrupted + --resume == uninterrupted" \
  || fail "summary after interrupt + resume differs"

# --- failed runs: exit 4, listed, no summary (and a stale one removed)
sed 's/^groups.open_channel_per_day = 3.0$/graph.kind = "edgelist"\ngraph.edgelist = "missing.txt"/' "$WORK/two.toml" > "$WORK/broken.toml"
mkdir -p "$WORK/f" && echo stale > "$WORK/f/summary.csv"
"$COMMSIM" compare "$WORK/broken.toml" --out "$WORK/f" --quiet 2> "$WORK/f.txt"; rc=$?
[ "$rc" = 4 ] && pass "failed runs: exit 4" || fail "failed runs: exit $rc"
[ "$(grep -c 'broken.leaderless.r[0-2]: failed: .*missing.txt' "$WORK/f.txt")" = 3 ] && pass "the 3 failures are listed" \
  || fail "failures not listed: $(cat "$WORK/f.txt")"
grep -q "no summary written" "$WORK/f.txt" && pass "says no summary" || fail "message: $(cat "$WORK/f.txt")"
[ ! -e "$WORK/f/summary.csv" ] && [ ! -e "$WORK/f/summary.md" ] && [ ! -e "$WORK/f/summary.h5" ] \
  && pass "no summary (the stale one removed)" || fail "a summary exists after failed runs"

# --- bad input: clear errors, exit 2, nothing run or written
bad() {  # bad 'toml lines' pattern...
  local body=$1; shift
  printf '[run]\ndays = 3\n[population]\nsize = 200\n%b\n' "$body" > "$WORK/bad.toml"
  expect_error 2 "$@" -- "$COMMSIM" compare "$WORK/bad.toml" --out "$WORK/badout"
  [ ! -e "$WORK/badout" ] || { fail "output written despite bad input"; rm -rf "$WORK/badout"; }
}
bad '[replicates]\ncount = 3' "bad.toml" "declares no arms"
bad '[arms.only]\ngroups.count = 2\n[replicates]\ncount = 3' "bad.toml:5" "one arm ('only')"
bad '[arms.a]\n[arms.b]\ngroups.cont = 2\n[replicates]\ncount = 3' "bad.toml:7" "arms.b.groups.cont" "did you mean 'groups.count'"
bad '[arms.a]\n[arms.b]\ngroups.count = 0\n[replicates]\ncount = 3' "bad.toml:7" "groups.count" "out of range"
bad '[arms.a]\n[arms.b]\ngroups.count = 2\n[replicates]\ncount = 0' "bad.toml:9" "replicates.count" "at least 1"
bad '[arms.a]\n[arms.b]\ngroups.count = 2\n[replicates]\ncount = 1' "bad.toml:9" "replicates.count" "at least 2 replicates"
bad '[arms.a]\n[arms.b]\ngroups.count = 2' "bad.toml" "no [replicates] count" "at least 2 replicates"
bad '[arms.a]\n[arms.b]\ngroups.count = 2\n[replicates]\ncount = 2\n[sweep]\npopulation.size = [100, 200]\ngroups.strictness = [0.1, 0.2]' "bad.toml:12" "key 'sweep.groups.strictness'" "one parameter"
expect_error 2 "--replicates 0" -- "$COMMSIM" compare "$WORK/two.toml" --out "$WORK/badout" --replicates 0
expect_error 2 "--replicates 1" "at least 2" -- "$COMMSIM" compare "$WORK/two.toml" --out "$WORK/badout" --replicates 1
expect_error 2 "no output folder" -- "$COMMSIM" compare "$WORK/two.toml"
expect_error 2 "missing.toml" -- "$COMMSIM" compare "$WORK/missing.toml" --out "$WORK/badout"
[ ! -e "$WORK/badout" ] && pass "no output for bad input" || fail "bad input left output"
touch "$WORK/plainfile"
expect_error 2 "not a folder" -- "$COMMSIM" compare "$WORK/two.toml" --out "$WORK/plainfile"
expect_error 3 "cannot create folder" "plainfile/out" -- "$COMMSIM" compare "$WORK/two.toml" --out "$WORK/plainfile/out"
finish
