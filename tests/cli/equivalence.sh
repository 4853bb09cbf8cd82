# scripts/equivalence.py (docs/PERFORMANCE.md "Equivalence"): one binary against itself finds
# no difference; against itself with members replying three times as readily it finds one.
source "$(dirname "$0")/../support/cli_lib.sh"
script=$SRC/scripts/equivalence.py
tiny_scenario "$WORK/s.toml"
if /usr/bin/python3 "$script" "$COMMSIM" "$COMMSIM" "$WORK/s.toml" --seeds 8 --out "$WORK/same" >"$WORK/same.txt" 2>&1; then
  pass "the same engine twice: no difference"
else
  fail "the same engine twice: $(tail -3 "$WORK/same.txt")"
fi
/usr/bin/python3 "$script" "$COMMSIM" "$COMMSIM" "$WORK/s.toml" --seeds 8 --out "$WORK/reply" \
  --set-new members.reply_rate=0.15 >"$WORK/reply.txt" 2>&1
rc=$?
[ "$rc" = 1 ] && pass "replying 3x as readily: exit 1" || fail "replying 3x as readily: exit $rc: $(tail -3 "$WORK/reply.txt")"
grep -q "DIFFERENT distributions" "$WORK/reply.txt" && pass "says DIFFERENT" || fail "no verdict: $(tail -2 "$WORK/reply.txt")"
grep -Eq "^daily/replies .*\*$" "$WORK/reply.txt" && pass "flags daily/replies" || fail "daily/replies not flagged"
finish
