# Bad input: a clear message naming file, line and key, exit code 2, and no output file.
source "$(dirname "$0")/../support/cli_lib.sh"
s="$WORK/bad.toml"
printf '[run]\ndays = 10\n[groups]\ncuont = 4\n' > "$s"
expect_error 2 "bad.toml:4:1" "unknown key 'groups.cuont'" "did you mean 'groups.count'" -- "$COMMSIM" run "$s" --out "$WORK/o.h5"
printf '[run]\ndays = -3\n' > "$s"
expect_error 2 "bad.toml:2:1" "'run.days'" "out of range" -- "$COMMSIM" run "$s" --out "$WORK/o.h5"
printf '[run]\ndays = "ten"\n' > "$s"
expect_error 2 "bad.toml:2:1" "expects an integer" -- "$COMMSIM" run "$s" --out "$WORK/o.h5"
printf '[run\ndays = 3\n' > "$s"
expect_error 2 "bad.toml:1" "TOML syntax error" -- "$COMMSIM" run "$s" --out "$WORK/o.h5"
printf '[graph]\nkind = "edgelist"\nedgelist = "missing.txt"\n' > "$s"
expect_error 2 "missing.txt" "no such file" "graph.edgelist" -- "$COMMSIM" run "$s" --out "$WORK/o.h5"
printf '0 1\n1 x\n' > "$WORK/edges.txt"
printf '[graph]\nkind = "edgelist"\nedgelist = "edges.txt"\n' > "$s"
expect_error 2 "edges.txt:2" "'x' is not a node id" -- "$COMMSIM" run "$s" --out "$WORK/o.h5"
tiny_scenario "$s"
expect_error 2 "--set run.dayz=3" "unknown key" -- "$COMMSIM" run "$s" --out "$WORK/o.h5" --set run.dayz=3
expect_error 2 "--set population.size=1" "out of range" -- "$COMMSIM" run "$s" --out "$WORK/o.h5" --set population.size=1
expect_error 2 "no such file" "nothere.toml" -- "$COMMSIM" run "$WORK/nothere.toml" --out "$WORK/o.h5"
expect_error 2 "--out" -- "$COMMSIM" run "$s"
expect_error 2 "--threads" -- "$COMMSIM" run "$s" --out "$WORK/o.h5" --threads -2
expect_error 2 "unknown command" -- "$COMMSIM" frobnicate
expect_error 3 "does not exist" -- "$COMMSIM" run "$s" --out "$WORK/no/such/dir/o.h5"
[ -e "$WORK/o.h5" ] && fail "an output file was written despite bad input" || pass "no output file after bad input"
finish
