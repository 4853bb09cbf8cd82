# One writer per output folder: a second sweep into a folder in use is refused (exit 75)
# naming the first (host, pid); a writer killed with -9 leaves a lock that the next one takes
# over, and the resumed sweep equals an uninterrupted one; the shards of a sweep run side by
# side but a requeued twin of one is refused; a finished sweep on read-only storage resumes
# without writing anything.
source "$(dirname "$0")/../support/cli_lib.sh"
same() { h5diff "$1" "$2" >/dev/null; }
cat > "$WORK/sw.toml" <<'TOML'
[run]
days = 600
seed = 5
[population]
size = 300
[groups]
count = 4
[output]
chunk_days = 4
[sweep]
population.size = [200, 300, 400, 500]
TOML
wait_for() {  # wait_for FILE-GLOB: up to 10 s for a file to appear
  for _ in $(seq 1 100); do compgen -G "$1" >/dev/null && return 0; sleep 0.1; done; return 1
}
host=$(hostname)

# --- a second writer is refused while the first runs
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/a" --jobs 1 --threads 1 --quiet & first=$!
wait_for "$WORK/a/*.part" || fail "the first sweep did not start"
expect_error 75 "output folder '$WORK/a'" "in use by commsim sweep on host $host, pid $first" -- \
  "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/a" --resume
expect_error 75 "in use by commsim sweep" -- "$COMMSIM" index "$WORK/a"
printf '[run]\ndays = 5\n[arms.x]\n[arms.y]\n[replicates]\ncount = 2\n' > "$WORK/arms.toml"
expect_error 75 "in use by commsim sweep" -- "$COMMSIM" compare "$WORK/arms.toml" --out "$WORK/a"

# --- killed with -9: the lock is taken over, the resumed sweep equals an uninterrupted one
kill -9 $first; wait $first 2>/dev/null
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/ref" --quiet || fail "reference sweep"
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/a" --resume --quiet 2> "$WORK/resume.err" || fail "resume after kill -9: $(cat "$WORK/resume.err")"
grep -q "note: took over the lock of commsim sweep on host $host, pid $first" "$WORK/resume.err" \
  && pass "stale lock taken over: $(cat "$WORK/resume.err")" || fail "no take-over note: $(cat "$WORK/resume.err")"
same "$WORK/ref/index.h5" "$WORK/a/index.h5" && pass "kill -9 then --resume == uninterrupted" || fail "resumed index differs"
[ -z "$(ls -A "$WORK/a" | grep -E '\.(lock|part)$|\.tmp\.')" ] && pass "no lock, partial or temporary file left" || fail "left over: $(ls -A "$WORK/a")"

# --- shards side by side; a requeued twin is refused; their index equals the whole sweep
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/s" --shard 0/2 --jobs 1 --quiet & s0=$!
wait_for "$WORK/s/*.part" || fail "shard 0 did not start"
expect_error 75 "shard 0/2" "pid $s0" -- "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/s" --shard 0/2 --resume
"$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/s" --shard 1/2 --quiet \
  && pass "shard 1/2 ran beside shard 0/2" || fail "shard 1/2 was refused"
wait $s0 || fail "shard 0/2"
"$COMMSIM" index "$WORK/s" >/dev/null && same "$WORK/ref/index.h5" "$WORK/s/index.h5" \
  && pass "2 concurrent shards == one sweep" || fail "shards differ from the sweep"

# --- a finished sweep on read-only storage: --resume succeeds and writes nothing
chmod -R a-w "$WORK/ref"; chmod a+rx "$WORK"
before=$(ls -l --time-style=full-iso "$WORK/ref")
as_reader=()
[ "$(id -u)" = 0 ] && as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups)  # root ignores modes
err=$("${as_reader[@]}" "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/ref" --resume 2>&1); rc=$?
[ "$rc" = 0 ] && pass "read-only resume: $(echo "$err" | tail -n 1)" || fail "read-only resume exit $rc: $err"
[ "$(ls -l --time-style=full-iso "$WORK/ref")" = "$before" ] && pass "nothing rewritten (plan.tsv, index.h5)" || fail "the read-only folder changed"
expect_error 3 "read-only" -- "${as_reader[@]}" "$COMMSIM" sweep "$WORK/sw.toml" --out "$WORK/ref" --resume --set run.days=601
chmod -R u+w "$WORK/ref"
finish
