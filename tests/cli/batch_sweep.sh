# commsim batch / sweep / index: arms x sweep points x replicates, determinism across
# --threads/--jobs and shards, kill-and-resume, failures recorded, bad input refused.
source "$(dirname "$0")/../support/cli_lib.sh"
same() { h5diff "$1" "$2" >/dev/null; }
same_runs() {  # same_runs DIR_A DIR_B: every run file of A equals B's
  local f
  for f in "$1"/*.r*.h5; do same "$f" "$2/$(basename "$f")" || { echo "differs: $(basename "$f")"; return 1; }; done
}
cat > "$WORK/sw.toml" <<'TOML'
[run]
days = 6
seed = 5
[population]
size = 300
[groups]
count = 4
[arms.control]
[arms.fewer]
groups.count = 3
[replicates]
count = 2
[sweep]
population.size = [200, 300, 400]
graph.degree_in = { from = 4.0, to = 8.0, step = 2.0 }
TOML

# --- a sweep: 2 arms x 9 points x 2 replicates = 36 runs, index with every column
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/a" --threads 2 --quiet && pass "sweep ran" || fail "sweep failed"
n=$(ls "$WORK"/a/sw.*.h5 | wc -l)
[ "$n" = 36 ] && pass "36 run files" || fail "$n run files, wanted 36"
for ds in /runs/run_id /runs/seed /runs/status /runs/arm /runs/replicate /runs/params/population.size \
          /runs/params/graph.degree_in /runs/params/groups.count /runs/summary/members_final; do
  h5ls "$WORK/a/index.h5$ds" >/dev/null 2>&1 && pass "index has $ds" || fail "index lacks $ds"
done
[ "$(h5attr "$WORK/a/sw.fewer.p4.r1.h5" arm)" = '"fewer"' ] && pass "arm attribute" || fail "arm attribute: $(h5attr "$WORK/a/sw.fewer.p4.r1.h5" arm)"
[ "$(h5attr "$WORK/a/sw.fewer.p4.r1.h5" replicate)" = 1 ] && pass "replicate attribute" || fail "replicate attribute"
h5ls "$WORK/a/index.h5/files/sw.fewer.p4.r1/platform" >/dev/null 2>&1 && pass "external link opens a run" || fail "external link"
seeds=$(h5dump -d /runs/seed "$WORK/a/index.h5" | grep -c '^ *(')
[ "$(h5dump -d /runs/seed -y "$WORK/a/index.h5" | sed -n '/DATA/,/}/p' | tr -c '0-9\n' '\n' | grep -E '^[0-9]{6,}$' | sort -u | wc -l)" = 36 ] \
  && pass "36 distinct seeds" || fail "seeds are not distinct"
[ "$(h5attr "$WORK/a/sw.control.p0.r0.h5" seed)" = "$("$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/dry" --dry-run | awk '$1=="sw.control.p0.r0"{print $3}')" ] \
  && pass "seed matches the plan" || fail "seed differs from --dry-run"

# --- determinism: 1 thread, 1 run at a time
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/b" --threads 1 --jobs 1 --quiet || fail "sweep --threads 1"
same_runs "$WORK/a" "$WORK/b" && same "$WORK/a/index.h5" "$WORK/b/index.h5" \
  && pass "--threads 2 == --threads 1 --jobs 1 (runs and index)" || fail "results depend on threads"

# --- shards: 3 shards then commsim index == the whole sweep
for i in 0 1 2; do "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/s" --shard $i/3 --quiet || fail "shard $i/3"; done
[ ! -e "$WORK/s/index.h5" ] && pass "shards leave the index to commsim index" || fail "a shard wrote the index"
"$COMMSIM" index "$WORK/s" >/dev/null || fail "commsim index"
same_runs "$WORK/a" "$WORK/s" && same "$WORK/a/index.h5" "$WORK/s/index.h5" && pass "3 shards == one sweep" || fail "shards differ"

# --- the index is rebuilt from the run files
rm "$WORK/b/index.h5"
"$COMMSIM" index "$WORK/b" | grep -q "36 runs: 36 complete" && pass "index rebuilt" || fail "index rebuild"
same "$WORK/a/index.h5" "$WORK/b/index.h5" && pass "rebuilt index == written index" || fail "rebuilt index differs"

# --- kill at any moment, resume: same index (hard kill, then a gentle one)
long="--set run.days=100 --set output.chunk_days=4"
for sig in KILL TERM; do
  rm -rf "$WORK/k"
  "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/k" $long --jobs 2 --quiet & pid=$!
  # kill once a run has finished (a fixed sleep raced the world's building under load)
  for _ in $(seq 400); do compgen -G "$WORK/k/sw.*.h5" > /dev/null && break; sleep 0.05; done
  kill -$sig $pid; wait $pid
  "$COMMSIM" index "$WORK/k" > "$WORK/k.txt"
  grep -q "36 complete" "$WORK/k.txt" && echo "note: sweep ended before SIG$sig" || pass "SIG$sig left: $(cat "$WORK/k.txt")"
  expect_error 2 "already holds" "--resume" -- "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/k" $long
  "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/k" $long --resume --quiet || fail "resume after SIG$sig"
  [ -z "${ref_done:-}" ] && { "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/ref" $long --quiet || fail "reference"; ref_done=1; }
  same "$WORK/ref/index.h5" "$WORK/k/index.h5" && same_runs "$WORK/ref" "$WORK/k" \
    && pass "SIG$sig then --resume == uninterrupted" || fail "resume after SIG$sig differs"
done
# --resume keeps complete runs: nothing to run again
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/k" $long --resume 2>&1 | grep -q "36 already done" \
  && pass "--resume skips complete runs" || fail "--resume reran complete runs"

# --- batch of a folder; failures recorded, the batch goes on; --fail-fast stops
mkdir -p "$WORK/dir"
tiny_scenario "$WORK/dir/one.toml"
tiny_scenario "$WORK/dir/two.toml" '[arms.ok]
[arms.broken]
graph.kind = "edgelist"
graph.edgelist = "missing.txt"'
DAYS=4 "$COMMSIM" batch "$WORK/dir" --out "$WORK/batch" --replicates 2 --quiet
rc=$?
[ "$rc" = 4 ] && pass "failed runs give exit code 4" || fail "exit code $rc with failed runs"
"$COMMSIM" index "$WORK/batch" > "$WORK/bi.txt"
grep -q "6 runs: 4 complete, 2 failed" "$WORK/bi.txt" && pass "failures recorded, batch went on" || fail "$(cat "$WORK/bi.txt")"
grep -q "two.broken.r0: .*missing.txt" "$WORK/bi.txt" && pass "error text in the index" || fail "error text: $(cat "$WORK/bi.txt")"
h5dump -d /runs/error "$WORK/batch/index.h5" | grep -q "missing.txt" && pass "/runs/error holds it" || fail "/runs/error"
"$COMMSIM" batch "$WORK/dir" --out "$WORK/ff" --replicates 2 --fail-fast --jobs 1 --quiet
"$COMMSIM" index "$WORK/ff" | grep -q "pending" && pass "--fail-fast stops the batch" || fail "--fail-fast ran everything"

# --- throughput line
"$COMMSIM" batch "$WORK/dir/one.toml" --out "$WORK/bench" --replicates 4 --bench --quiet | grep -q "^runs_per_s" \
  && pass "--bench prints runs/s" || fail "--bench"

# --- bad input: clear errors (file, line, key) before any run starts
bad() {  # bad 'toml lines' pattern...
  local body=$1; shift
  printf '[run]\ndays = 3\n[population]\nsize = 200\n%b\n' "$body" > "$WORK/bad.toml"
  expect_error 2 "$@" -- "$COMMSIM" sweep "$WORK/bad.toml" --out "$WORK/badout"
  [ ! -e "$WORK/badout" ] || { fail "runs started despite bad input"; rm -rf "$WORK/badout"; }
}
bad '[sweep]\npopulation.sise = [200, 300]' "bad.toml:6" "population.sise" "did you mean"
bad '[sweep]\npopulation.size = []' "bad.toml:6" "sweep.population.size" "empty"
bad '[sweep]\ngraph.degree_in = { from = 1.0, to = 50000.0, step = 1.0 }' "bad.toml:6" "graph.degree_in" "out of range"
bad '[sweep]\ndesign = "sobol"\nsamples = 0\npopulation.size = { from = 200, to = 300 }' "bad.toml:7" "sweep.samples"
bad '[sweep]\ndesign = "lhs"' "bad.toml:5" "names no parameter"
bad '[sweep]\npopulation.size = [200]\n[arms.a]\ngroups.cont = 3' "bad.toml:8" "arms.a.groups.cont"
bad '[sweep]\npopulation.size = [200]\n[arms.a]\ngroups.count = 0' "bad.toml:8" "groups.count" "out of range"
bad '[sweep]\npopulation.size = [200]\n[replicates]\ncount = 0' "bad.toml:8" "replicates.count"
bad '[sweep]\ndesign = "table"\ntable = "nope.csv"' "bad.toml:7" "nope.csv"
printf 'population.size,groups.count\n200,3\n300,0\n' > "$WORK/design.csv"
bad '[sweep]\ntable = "design.csv"' "design.csv:3" "groups.count" "out of range"
tiny_scenario "$WORK/plain.toml"
expect_error 2 "no [sweep] section" -- "$COMMSIM" sweep "$WORK/plain.toml" --out "$WORK/badout"
for spec in 5/4 4/4 x/2 1/0 3; do
  expect_error 2 "--shard" -- "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/badout" --shard $spec
done
expect_error 2 "--replicates 0" -- "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/badout" --replicates 0
[ ! -e "$WORK/badout" ] && pass "no output for bad input" || fail "bad input left output"

# --- a table design runs its rows; an LHS design its samples
printf 'population.size,groups.count\n200,3\n300,4\n' > "$WORK/design.csv"
printf '[run]\ndays = 3\n[sweep]\ntable = "design.csv"\n' > "$WORK/tab.toml"
"$COMMSIM" sweep "$WORK/tab.toml" --out "$WORK/tab" --quiet && [ "$(ls "$WORK"/tab/tab.p*.h5 | wc -l)" = 2 ] \
  && pass "table design: 2 runs" || fail "table design"
printf '[run]\ndays = 3\n[population]\nsize = 200\n[sweep]\ndesign = "lhs"\nsamples = 5\ngraph.degree_in = { from = 2.0, to = 10.0 }\ngroups.count = { from = 2, to = 6 }\n' > "$WORK/lhs.toml"
"$COMMSIM" sweep "$WORK/lhs.toml" --out "$WORK/lhs" --quiet && [ "$(ls "$WORK"/lhs/lhs.p*.h5 | wc -l)" = 5 ] \
  && pass "lhs design: 5 runs" || fail "lhs design"
finish
