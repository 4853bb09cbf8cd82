# A disk that fills up mid-run: exit code 3 with the system's reason, and the partial file
# (RUN.h5.part) still opens with every day written before the disk filled. The file size
# limit (ulimit -f) stands in for a full disk without needing root or a small filesystem.
source "$(dirname "$0")/../support/cli_lib.sh"
DAYS=2000 tiny_scenario "$WORK/s.toml" '[output]
chunk_days = 8
compression = 0'
err=$(bash -c "ulimit -f 800; trap '' XFSZ; exec '$COMMSIM' run '$WORK/s.toml' --out '$WORK/full.h5' --quiet" 2>&1); rc=$?
[ "$rc" -eq 3 ] && pass "exit code 3" || fail "exit code $rc: $err"
case "$err" in *"full.h5.part"*"File too large"*) pass "message: $err" ;; *) fail "message: $err" ;; esac
[ ! -e "$WORK/full.h5" ] && pass "full.h5 not written" || fail "an unfinished run carries the finished name"
part="$WORK/full.h5.part"
h5ls "$part" >/dev/null 2>&1 && pass "partial file still opens" || fail "partial file no longer opens"
days=$(h5attr "$part" days_written)
[ -n "$days" ] && [ "$days" -ge 8 ] && pass "$days days kept" || fail "days_written = '$days'"
[ "$(h5attr "$part" complete)" = 0 ] && pass "complete = 0" || fail "complete is not 0"
finish
