# A disk that fills up mid-run: exit code 3 with the system's reason, and the file still
# opens with every day written before the disk filled. The file size limit (ulimit -f)
# stands in for a full disk without needing root or a small filesystem.
source "$(dirname "$0")/../support/cli_lib.sh"
DAYS=2000 tiny_scenario "$WORK/s.toml" '[output]
chunk_days = 8
compression = 0'
err=$(bash -c "ulimit -f 400; trap '' XFSZ; exec '$COMMSIM' run '$WORK/s.toml' --out '$WORK/full.h5' --quiet" 2>&1); rc=$?
[ "$rc" -eq 3 ] && pass "exit code 3" || fail "exit code $rc: $err"
case "$err" in *"full.h5"*"File too large"*) pass "message: $err" ;; *) fail "message: $err" ;; esac
h5ls "$WORK/full.h5" >/dev/null 2>&1 && pass "file still opens" || fail "file no longer opens"
days=$(h5attr "$WORK/full.h5" days_written)
[ -n "$days" ] && [ "$days" -ge 8 ] && pass "$days days kept" || fail "days_written = '$days'"
[ "$(h5attr "$WORK/full.h5" complete)" = 0 ] && pass "complete = 0" || fail "complete is not 0"
finish
