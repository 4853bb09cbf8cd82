# Same scenario and seed give identical output whatever the thread count; another seed does not.
source "$(dirname "$0")/../support/cli_lib.sh"
tiny_scenario "$WORK/s.toml"
"$COMMSIM" run "$WORK/s.toml" --out "$WORK/t1.h5" --threads 1 --quiet || fail "run --threads 1"
"$COMMSIM" run "$WORK/s.toml" --out "$WORK/t2.h5" --threads 2 --quiet || fail "run --threads 2"
"$COMMSIM" run "$WORK/s.toml" --out "$WORK/s9.h5" --seed 9 --quiet || fail "run --seed 9"
if h5diff "$WORK/t1.h5" "$WORK/t2.h5"; then pass "h5diff: threads 1 == threads 2"; else fail "h5diff finds differences between thread counts"; fi
if cmp -s "$WORK/t1.h5" "$WORK/t2.h5"; then pass "files are byte-identical"; else fail "files differ in bytes"; fi
if h5diff -q "$WORK/t1.h5" "$WORK/s9.h5" >/dev/null; then fail "seed 9 gave the same results as seed 3"; else pass "another seed gives other results"; fi
[ "$(h5attr "$WORK/s9.h5" seed)" = 9 ] && pass "--seed recorded" || fail "seed attribute is $(h5attr "$WORK/s9.h5" seed)"
finish
