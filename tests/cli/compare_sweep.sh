# commsim compare of a one-parameter [sweep] (a dose-response), with and without arms: every
# arm x point x replicate runs; summary.csv / runs.csv / summary.h5 gain `point` and a column
# named after the parameter; each row's statistics, recomputed here with numpy + scipy from
# runs.csv, compare the cell with the first arm at the same point (with arms) or with the first
# point (without); summary.md has a table per metric; --dry-run and --resume work as for arms;
# sweeps of several parameters, sampling designs and a [signature] with a sweep are refused
# with file, line and key (exit 2) before anything runs.
source "$(dirname "$0")/../support/cli_lib.sh"
PY=/usr/bin/python3

cat > "$WORK/dose.toml" <<'TOML'
[run]
days = 6
seed = 5
[population]
size = 300
[groups]
count = 3
entry = "fee"
open_channel_per_day = 3.0

[arms.control]
groups.moderators = 2

[arms.leaderless]
groups.moderators = 0

[sweep]
groups.fee = [0.0, 2.0, 8.0]

[replicates]
count = 3
TOML
sed '/^\[arms/,/^$/d; /^groups.moderators/d' "$WORK/dose.toml" > "$WORK/plain.toml"

# The recomputation: per (metric, point, arm) from runs.csv, against the reference cell.
cat > "$WORK/check.py" <<'PY'
import csv, math, sys, warnings
import h5py, numpy as np
from scipy import stats, special

warnings.simplefilter("ignore")  # scipy's note on near-constant samples
out, by_point = sys.argv[1], sys.argv[2] == "point"
runs = list(csv.DictReader(open(f"{out}/runs.csv")))
rows = list(csv.DictReader(open(f"{out}/summary.csv")))
num = lambda s: math.nan if s == "NA" else float(s)
metrics = list(runs[0])[6:]
arms = list(dict.fromkeys(r["arm"] for r in runs))
values = {}
for r in runs:
    for m in metrics:
        values.setdefault((m, int(r["point"]), r["arm"]), []).append(num(r[m]))
fee = {int(r["point"]): r["groups.fee"] for r in runs}

def close(a, b, what, rel=1e-7):
    if math.isnan(a) and math.isnan(b):
        return
    assert abs(a - b) <= rel * max(1.0, abs(a), abs(b)), f"{what}: {a} != {b}"

order = [(m, p, a) for m in metrics for p in sorted(fee) for a in arms]
assert [(r["metric"], int(r["point"]), r["arm"]) for r in rows] == order, "rows not metric x point x arm"
for r in rows:
    m, p, a = r["metric"], int(r["point"]), r["arm"]
    what = f"{m}/p{p}/{a}"
    assert r["groups.fee"] == fee[p], what + " value"
    ref_point = 0 if by_point else p
    assert int(r["reference_point"]) == ref_point and r["reference_arm"] == arms[0], what
    x = np.array([v for v in values[(m, p, a)] if not math.isnan(v)])
    ref = np.array([v for v in values[(m, ref_point, arms[0])] if not math.isnan(v)])
    assert int(r["n"]) == len(x), what
    close(x.mean(), num(r["mean"]), what + " mean", 1e-9)
    sd = x.std(ddof=1)
    half = stats.t.ppf(0.975, len(x) - 1) * sd / math.sqrt(len(x)) if sd > 0 else 0.0
    close(x.mean() - half, num(r["ci_low"]), what + " ci_low")
    if (a, p) == (arms[0], ref_point):
        assert num(r["diff"]) == 0 and num(r["hedges_g"]) == 0, what + " reference"
        continue
    diff = x.mean() - ref.mean()
    close(diff, num(r["diff"]), what + " diff", 1e-9)
    va, vb = x.var(ddof=1) / len(x), ref.var(ddof=1) / len(ref)
    # Samples constant but for rounding (numpy's variance of [v, v, v] can be 1e-33): the
    # engine's is exactly 0 and it reports no test (NaN), as here.
    if va + vb > 1e-24 * max(1.0, x.mean() ** 2, ref.mean() ** 2):
        df = (va + vb) ** 2 / (va * va / (len(x) - 1) + vb * vb / (len(ref) - 1))
        close(diff - stats.t.ppf(0.975, df) * math.sqrt(va + vb), num(r["diff_ci_low"]), what + " diff_ci_low")
        close(stats.ttest_ind(x, ref, equal_var=False).pvalue, num(r["p_value"]), what + " p", 1e-6)
        k = len(x) + len(ref) - 2
        sp = math.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(ref) - 1) * ref.var(ddof=1)) / k)
        j = special.gamma(k / 2) / (math.sqrt(k / 2) * special.gamma((k - 1) / 2))
        close(j * diff / sp, num(r["hedges_g"]), what + " g", 1e-9)
with h5py.File(f"{out}/summary.h5") as f:
    assert f.attrs["swept_parameter"] == "groups.fee"
    assert list(f["summary/point"][:]) == [int(r["point"]) for r in rows]
    assert np.allclose(f["summary/groups.fee"][:], [float(r["groups.fee"]) for r in rows])
    assert len(f["runs/groups.fee"]) == len(runs)
print(f"recomputed {len(rows)} rows ({len(fee)} points x {len(arms)} arm(s)) from {len(runs)} runs")
PY

# --- 3 points x 2 arms x 3 replicates (--set as for any compare)
"$COMMSIM" compare "$WORK/dose.toml" --out "$WORK/a" --threads 2 --quiet --set population.size=300; rc=$?
[ "$rc" = 0 ] && pass "compare of a sweep with arms ran" || fail "compare exit $rc"
n=$(ls "$WORK"/a/dose.*.p*.r*.h5 2>/dev/null | wc -l)
[ "$n" = 18 ] && pass "18 run files (3 points x 2 arms x 3 replicates)" || fail "$n run files"
head -n 1 "$WORK/a/summary.csv" | grep -qx \
  'metric,unit,arm,arm_index,point,groups.fee,reference_arm,reference_point,n,mean,sd,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,diff_df,p_value,hedges_g' \
  && pass "summary.csv: point, groups.fee and reference_point columns" || fail "summary.csv header: $(head -n 1 "$WORK/a/summary.csv")"
head -n 1 "$WORK/a/runs.csv" | grep -q '^run_id,arm,point,groups.fee,replicate,seed,' \
  && pass "runs.csv: point and groups.fee columns" || fail "runs.csv header: $(head -n 1 "$WORK/a/runs.csv")"
[ "$(($(wc -l < "$WORK/a/runs.csv") - 1))" = 18 ] && pass "runs.csv: 18 runs" || fail "runs.csv lines"
"$PY" "$WORK/check.py" "$WORK/a" arm > "$WORK/check.txt" 2>&1 && pass "$(cat "$WORK/check.txt")" \
  || fail "recomputation: $(tail -n 3 "$WORK/check.txt")"
grep -q "^# Dose-response: dose over groups.fee" "$WORK/a/summary.md" \
  && grep -q "compared with the first arm 'control' at the same groups.fee" "$WORK/a/summary.md" \
  && grep -q "^### final_size (members)" "$WORK/a/summary.md" \
  && pass "summary.md: a table per metric, the reference named" || fail "summary.md: $(head -n 8 "$WORK/a/summary.md")"
[ "$(grep -cE '^\| (0|2|8) \| (control|leaderless) \| 3 \|' "$WORK/a/summary.md")" = "$(($(wc -l < "$WORK/a/summary.csv") - 1))" ] \
  && pass "summary.md: one row per summary.csv row" || fail "summary.md rows"
h5attr "$WORK/a/summary.h5" reference | grep -q "the first arm 'control' at the same groups.fee" \
  && pass "summary.h5: reference attribute" || fail "summary.h5 reference: $(h5attr "$WORK/a/summary.h5" reference)"

# --- resume: one run deleted, only it is redone, the same summary
cp "$WORK/a/summary.csv" "$WORK/before.csv"
rm "$WORK/a/dose.leaderless.p1.r2.h5"
"$COMMSIM" compare "$WORK/dose.toml" --out "$WORK/a" --threads 2 --resume --set population.size=300 2> "$WORK/resume.txt"; rc=$?
[ "$rc" = 0 ] && grep -q "17 already done" "$WORK/resume.txt" && pass "--resume redid the one missing run" \
  || fail "--resume exit $rc: $(tail -n 2 "$WORK/resume.txt")"
cmp -s "$WORK/before.csv" "$WORK/a/summary.csv" && pass "summary.csv byte-identical after --resume" \
  || fail "summary.csv differs after --resume"

# --- --dry-run: the plan, nothing written
"$COMMSIM" compare "$WORK/dose.toml" --out "$WORK/dry" --dry-run > "$WORK/dry.txt"; rc=$?
[ "$rc" = 0 ] && [ "$(grep -c 'dose\.[a-z]*\.p[0-2]\.r[0-2]' "$WORK/dry.txt")" = 18 ] && [ ! -e "$WORK/dry" ] \
  && pass "--dry-run lists 18 runs, writes nothing" || fail "--dry-run exit $rc: $(head -n 3 "$WORK/dry.txt")"

# --- without arms: each point against the first
"$COMMSIM" compare "$WORK/plain.toml" --out "$WORK/p" --threads 2 --quiet --replicates 2; rc=$?
[ "$rc" = 0 ] && pass "compare of a sweep without arms ran" || fail "compare (no arms) exit $rc"
"$PY" "$WORK/check.py" "$WORK/p" point > "$WORK/check.txt" 2>&1 && pass "$(cat "$WORK/check.txt")" \
  || fail "recomputation without arms: $(tail -n 3 "$WORK/check.txt")"
grep -q "compared with the first sweep point (groups.fee = 0.0)" "$WORK/p/summary.md" \
  && pass "summary.md names the first point as reference" || fail "summary.md: $(sed -n 3,6p "$WORK/p/summary.md")"

# --- refused before anything runs: file, line, key; exit 2
bad() {  # bad 'toml lines' pattern...
  local body=$1; shift
  printf '[run]\ndays = 3\n[population]\nsize = 200\n[replicates]\ncount = 2\n%b\n' "$body" > "$WORK/bad.toml"
  expect_error 2 "$@" -- "$COMMSIM" compare "$WORK/bad.toml" --out "$WORK/badout"
  [ ! -e "$WORK/badout" ] || { fail "output written despite bad input"; rm -rf "$WORK/badout"; }
}
bad '[sweep]\ngroups.count = [2, 3]\npopulation.size = [200, 300]' "bad.toml:9" "key 'sweep.population.size'" "also varies 'groups.count'"
bad '[sweep]\ndesign = "lhs"\nsamples = 4\ngroups.strictness = { from = 0.0, to = 1.0 }' "bad.toml:8" "key 'sweep.design'" "lhs"
bad '[sweep]\ndesign = "sobol"\nsamples = 4\ngroups.strictness = { from = 0.0, to = 1.0 }' "bad.toml:8" "key 'sweep.design'" "sobol"
bad '[sweep]\ngroups.count = [2]' "bad.toml:8" "key 'sweep.groups.count'" "nothing to compare"
bad '[sweep]\ngroups.count = [2, 3]\n[signature]\nmode = "x"' "bad.toml:9" "key 'signature'"
bad '[sweep]\ngroups.count = { from = 2, to = 1, step = 1 }' "bad.toml:8" "sweep.groups.count" "empty range"
finish
