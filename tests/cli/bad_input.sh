# Bad input, as a table: each row is the exit code wanted, the fragments the message must
# hold (';'-separated) and the command. Every refusal names the file, line or option and
# what is wrong, exits before anything runs, and writes nothing.
source "$(dirname "$0")/../support/cli_lib.sh"
W=$WORK
PY=/usr/bin/python3

# ---- fixtures ---------------------------------------------------------------------------
tiny_scenario "$W/s.toml"
printf '[run]\ndays = 10\n[groups]\ncuont = 4\n' > "$W/unknown.toml"
printf '[run]\ndays = -3\n' > "$W/range.toml"
printf '[run]\ndays = "ten"\n' > "$W/type.toml"
printf '[run\ndays = 3\n' > "$W/syntax.toml"
printf '[graph]\nkind = "edgelist"\nedgelist = "missing.txt"\n' > "$W/noedges.toml"
printf '0 1\n1 x\n' > "$W/edges.txt"
printf '[graph]\nkind = "edgelist"\nedgelist = "edges.txt"\n' > "$W/badedges.toml"
printf '# no edges\n' > "$W/empty.txt"
printf '[graph]\nkind = "edgelist"\nedgelist = "empty.txt"\n' > "$W/emptyedges.toml"
mkdir -p "$W/folder.txt" "$W/scenario.d"
printf '[graph]\nkind = "edgelist"\nedgelist = "folder.txt"\n' > "$W/folderedges.toml"
mkfifo "$W/fifo.toml"
printf '[run]\ndays = 3\n[population]\nsize = 200\n[sweep]\ntable = "folder.txt"\n' > "$W/foldertable.toml"
printf '[run]\ndays = 3\n[population]\nsize = 200\n[arms.control]\n[arms.failure]\ngroups.moderators = 0\n' > "$W/arms.toml"
printf '[run]\ndays = 3\n[population]\nsize = 200\n[sweep]\ngroups.count = [2, 3]\n' > "$W/sweep.toml"
# contradictory settings (sim/params/consistency.hpp): each refused with every key's place
printf '[population]\nsize = 200\n[graph]\nkind = "watts_strogatz"\nws_degree = 7\n' > "$W/wsodd.toml"
printf '[population]\nsize = 200\n[groups]\ninitial_size = 500\n' > "$W/founders.toml"
printf '[population]\nsize = 200\n[groups]\ninitial_size = 10\nmin_size = 12\n' > "$W/minsize.toml"
printf '[population]\nsize = 200\n[satisfaction]\nmute_below = 0.4\nunmute_above = 0.3\n' > "$W/mute.toml"
printf '[population]\nsize = 200\n[graph]\nedgelist = "edges.txt"\n' > "$W/edgesbm.toml"
printf '[population]\nsize = 200\n[groups]\ncount = 10000000\n' > "$W/huge.toml"
printf '[population]\nsize = 200\nvalue.min = 5.0\nvalue.max = 2.0\n' > "$W/trait.toml"
printf '[run]\ndays = 3\n[population]\nsize = 200\n[groups]\ninitial_size = 10\n[arms.a]\n[arms.b]\ngroups.min_size = 20\n' > "$W/armcontra.toml"
printf '[run]\ndays = 3\n[population]\nsize = 200\n[groups]\ninitial_size = 10\n[sweep]\ngroups.min_size = [2, 15]\n' > "$W/sweepcontra.toml"
# group types and events the model cannot carry out (models/community/platform_rules.hpp)
# or the engine refuses (sim/scenario/events.cpp): each names the file:line and full key
P='[run]\ndays = 10\n[population]\nsize = 200\n[groups]\ncount = 4\ninitial_size = 10\n'
printf "$P"'[[events]]\nday = 2\naction = "close"\ntarget = "type:nosuch"\n' > "$W/evtype.toml"
printf "$P"'[[events]]\nday = 2\naction = "close"\ntarget = "group:4"\n' > "$W/evgroup.toml"
printf "$P"'[group_types.busy]\ncount = 2\nper_day = 50.0\n' > "$W/births.toml"
# strategy levers (issue "strategy laboratory"): a split target above the cap, a fee sweep
# with a negative fee, a flash group outliving the run, a misspelt strategy key in a type
printf "$P"'size_cap = 50\nsplit_at = 40\nsplit_target = 60\n' > "$W/splitcap.toml"
printf "$P"'entry = "fee"\n[replicates]\ncount = 2\n[sweep]\ngroups.fee = [0.0, -1.0, 2.0]\n' > "$W/feesweep.toml"
printf "$P"'lifetime_hours = 300\n' > "$W/flashlong.toml"
printf "$P"'[group_types.a]\ncount = 4\ngroups.split_targte = 20\n' > "$W/typekey.toml"
printf "$P"'[group_types.a]\ncount = 2\n[group_types.flash]\ncount = 0\ngroups.lifetime_hours = 0\n[[events]]\nday = 2\naction = "found"\ntarget = "group:0"\ntype = "flash"\n' > "$W/nolife.toml"
printf "$P"'[[events]]\nday = 2\naction = "influx"\npeople = 150\n[[events]]\nday = 3\naction = "influx"\npeople = 100\n' > "$W/influx.toml"
printf "$P"'[[events]]\nday = 2\nuntil_day = 5\naction = "set"\nset = { "groups.fee" = 2.0 }\n[[events]]\nday = 4\nuntil_day = 6\naction = "set"\ntarget = "group:1"\nset = { "groups.fee" = 3.0 }\n' > "$W/overlap.toml"
printf "$P"'[[events]]\nday = 10\naction = "close"\ntarget = "group:1"\n' > "$W/late.toml"
printf "$P"'[group_types.a]\ncount = 2\nmembers.max_groups = 3\n' > "$W/worldkey.toml"
printf "$P"'[group_types.a]\nshare = 0.7\n[group_types.b]\nshare = 0.5\n' > "$W/shares.toml"
cp "$W/s.toml" "$W/secret.toml"; chmod 600 "$W/secret.toml"; chmod a+rx "$W"
as_other=()  # root reads anything: read as nobody to see an unreadable file
[ "$(id -u)" = 0 ] && as_other=(setpriv --reuid=65534 --regid=65534 --clear-groups)
DAYS=4 tiny_scenario "$W/ok.toml"
"$COMMSIM" run "$W/ok.toml" --out "$W/good.h5" --quiet || fail "fixture run"
cp "$W/good.h5" "$W/existing.h5"
damage() {  # damage NAME PYTHON-STATEMENT: a copy of good.h5 changed through h5py as f
  cp "$W/good.h5" "$W/$1.h5"
  $PY -c "import h5py, numpy as np
with h5py.File('$W/$1.h5', 'r+') as f: $2" || fail "fixture $1"
}
damage negdays "f.attrs['days_written'] = np.int64(-3)"
damage newer "f.attrs['format_version'] = np.int64(99)"
damage shortcomplete "f.attrs['days_written'] = np.int64(2)"
damage shape "del f['daily/size']; f.create_dataset('daily/size', data=np.zeros((4, 2)))"
echo "not hdf5" > "$W/text.h5"
mkdir -p "$W/runs" && cp "$W/good.h5" "$W/negdays.h5" "$W/runs/"

# ---- the table: code | fragments | command ----------------------------------------------
while IFS='|' read -r code fragments command; do
  [ -z "${code// /}" ] && continue
  case "$code" in \#*) continue ;; esac
  IFS=';' read -r -a parts <<< "$fragments"
  for i in "${!parts[@]}"; do parts[$i]=$(eval "echo \"${parts[$i]# }\"" | sed 's/ *$//'); done
  eval "set -- $command"
  expect_error "${code// /}" "${parts[@]}" -- "$@"
done <<'TABLE'
# scenario files
2 | unknown.toml:4:1; unknown key 'groups.cuont'; did you mean 'groups.count' | "$COMMSIM" run "$W/unknown.toml" --out "$W/o.h5"
2 | range.toml:2:1; 'run.days'; out of range         | "$COMMSIM" run "$W/range.toml" --out "$W/o.h5"
2 | type.toml:2:1; expects an integer                | "$COMMSIM" run "$W/type.toml" --out "$W/o.h5"
2 | syntax.toml:1; TOML syntax error                 | "$COMMSIM" run "$W/syntax.toml" --out "$W/o.h5"
2 | nothere.toml; no such file                       | "$COMMSIM" run "$W/nothere.toml" --out "$W/o.h5"
2 | scenario file '$W/scenario.d'; is a folder        | "$COMMSIM" run "$W/scenario.d" --out "$W/o.h5"
2 | scenario file '/dev/zero'; is a device            | "$COMMSIM" run /dev/zero --out "$W/o.h5"
2 | fifo.toml; is a FIFO                              | "$COMMSIM" inspect "$W/fifo.toml"
2 | secret.toml; cannot be read (Permission denied)   | "${as_other[@]}" "$COMMSIM" run "$W/secret.toml" --out "$W/o.h5"
2 | arms.toml; declares arms (control, failure); --arm | "$COMMSIM" run "$W/arms.toml" --out "$W/o.h5"
2 | --arm nope; has no such arm (it has control, failure) | "$COMMSIM" bench "$W/arms.toml" --arm nope
2 | --arm control; declares no arms                   | "$COMMSIM" inspect "$W/s.toml" --arm control
2 | sweep.toml; has a [sweep]; commsim sweep          | "$COMMSIM" run "$W/sweep.toml" --out "$W/o.h5"
# settings that contradict each other: every key involved, with the place it was set
2 | contradictory settings; 'graph.ws_degree' (; wsodd.toml:5:1); 'graph.kind' (; wsodd.toml:4:1); must be even; 6 or 8 | "$COMMSIM" run "$W/wsodd.toml" --out "$W/o.h5"
2 | 'groups.initial_size' (; founders.toml:4:1); founders.toml:2:1; at most population.size | "$COMMSIM" run "$W/founders.toml" --out "$W/o.h5"
2 | minsize.toml:5:1; minsize.toml:4:1; dead on day 0; min_size <= initial_size | "$COMMSIM" run "$W/minsize.toml" --out "$W/o.h5"
2 | mute.toml:5:1; mute.toml:4:1; unmute_above >= mute_below | "$COMMSIM" inspect "$W/mute.toml"
2 | edgesbm.toml:4:1; 'graph.kind' (default); would be ignored | "$COMMSIM" run "$W/edgesbm.toml" --out "$W/o.h5"
2 | huge.toml:4:1; would need about; of memory           | "$COMMSIM" run "$W/huge.toml" --out "$W/o.h5"
2 | trait.toml:3:7; trait.toml:4:7; above the largest     | "$COMMSIM" run "$W/trait.toml" --out "$W/o.h5"
2 | in arm 'b'; armcontra.toml:9:8; armcontra.toml:6:1; dead on day 0 | "$COMMSIM" batch "$W/armcontra.toml" --out "$W/out"
2 | at sweep point p1; sweepcontra.toml:8:8; dead on day 0 | "$COMMSIM" sweep "$W/sweepcontra.toml" --out "$W/out"
2 | --set groups.min_size=50; dead on day 0               | "$COMMSIM" run "$W/s.toml" --out "$W/o.h5" --set groups.min_size=50
# group types and events (a type's share and per_day are named at the type's header line: the
# scenario keeps no place of their own for them)
2 | evtype.toml:11:1; key 'events[0].target'; no group type 'nosuch' | "$COMMSIM" run "$W/evtype.toml" --out "$W/o.h5"
2 | evgroup.toml:11:1; key 'events[0].target'; group:4 does not exist | "$COMMSIM" run "$W/evgroup.toml" --out "$W/o.h5"
2 | births.toml:8:1; key 'group_types.busy.per_day'; more than population.size × members.max_groups | "$COMMSIM" run "$W/births.toml" --out "$W/o.h5"
2 | nolife.toml:17:1; key 'events[0].type'; groups.lifetime_hours = 0 | "$COMMSIM" run "$W/nolife.toml" --out "$W/o.h5"
2 | influx.toml:15:1; key 'events[1].people'; more than the 200 people | "$COMMSIM" run "$W/influx.toml" --out "$W/o.h5"
2 | overlap.toml:18:9; key 'events[1].set.groups.fee'; overlap.toml:13:1; overlap.toml:8:1; both set groups.fee | "$COMMSIM" run "$W/overlap.toml" --out "$W/o.h5"
2 | late.toml:8:1; key 'events[0].day'; past the end of the run | "$COMMSIM" run "$W/late.toml" --out "$W/o.h5"
2 | worldkey.toml:10:9; key 'group_types.a.members.max_groups'; one value for the whole platform | "$COMMSIM" run "$W/worldkey.toml" --out "$W/o.h5"
2 | shares.toml:10:1; key 'group_types.b.share'; add up to 1.2; more than 1 | "$COMMSIM" run "$W/shares.toml" --out "$W/o.h5"
2 | splitcap.toml:10:1; groups.split_target; splitcap.toml:8:1; cannot exist under size_cap 50 | "$COMMSIM" run "$W/splitcap.toml" --out "$W/o.h5"
2 | feesweep.toml:12:20; key 'groups.fee'; value -1.0 is out of range; [sweep] | "$COMMSIM" compare "$W/feesweep.toml" --out "$W/out"
2 | flashlong.toml:8:1; groups.lifetime_hours; flashlong.toml:2:1; outlives a run of 240 hours | "$COMMSIM" run "$W/flashlong.toml" --out "$W/o.h5"
2 | typekey.toml:10:8; key 'group_types.a.groups.split_targte'; did you mean 'groups.split_target' | "$COMMSIM" run "$W/typekey.toml" --out "$W/o.h5"
# files the scenario names
2 | missing.txt; no such file; graph.edgelist         | "$COMMSIM" run "$W/noedges.toml" --out "$W/o.h5"
2 | edges.txt:2; 'x' is not a node id                 | "$COMMSIM" run "$W/badedges.toml" --out "$W/o.h5"
2 | empty.txt; holds no edges                         | "$COMMSIM" run "$W/emptyedges.toml" --out "$W/o.h5"
2 | folder.txt; is a folder; graph.edgelist           | "$COMMSIM" run "$W/folderedges.toml" --out "$W/o.h5"
2 | foldertable.toml:6; sweep.table; is a folder      | "$COMMSIM" sweep "$W/foldertable.toml" --out "$W/out"
# the command line
2 | --set run.dayz=3; unknown key                      | "$COMMSIM" run "$W/s.toml" --out "$W/o.h5" --set run.dayz=3
2 | --set population.size=1; out of range              | "$COMMSIM" run "$W/s.toml" --out "$W/o.h5" --set population.size=1
2 | --out                                              | "$COMMSIM" run "$W/s.toml"
2 | --threads -2                                       | "$COMMSIM" run "$W/s.toml" --out "$W/o.h5" --threads -2
2 | --threads 'x'; expects a whole number              | "$COMMSIM" run "$W/s.toml" --out "$W/o.h5" --threads x
2 | --seed 'abc'; expects a whole number >= 0          | "$COMMSIM" run "$W/s.toml" --out "$W/o.h5" --seed abc
2 | --seed '-1'; expects a whole number >= 0           | "$COMMSIM" batch "$W/s.toml" --out "$W/out" --seed=-1
2 | --jobs 'many'                                      | "$COMMSIM" batch "$W/s.toml" --out "$W/out" --jobs many
2 | --days '1.5'                                       | "$COMMSIM" bench "$W/s.toml" --days 1.5
2 | unexpected argument '$W/ok.toml'                   | "$COMMSIM" run "$W/s.toml" "$W/ok.toml" --out "$W/o.h5"
2 | unexpected argument 'extra'                        | "$COMMSIM" index "$W/runs" extra
2 | unknown command                                    | "$COMMSIM" frobnicate
# where the output goes
2 | --out '$W/existing.h5' already exists; --overwrite | "$COMMSIM" run "$W/s.toml" --out "$W/existing.h5"
2 | is the scenario file itself                         | "$COMMSIM" run "$W/s.toml" --out "$W/s.toml" --overwrite
2 | --out '$W/scenario.d' is a folder                   | "$COMMSIM" run "$W/s.toml" --out "$W/scenario.d"
3 | o.h5; folder '$W/no/such/dir' does not exist        | "$COMMSIM" run "$W/s.toml" --out "$W/no/such/dir/o.h5"
2 | '$W/s.toml' is not a folder                         | "$COMMSIM" index "$W/s.toml"
# run files that are not what they claim
2 | run file '$W/negdays.h5'; attribute 'days_written' is -3, outside 0..4 | "$COMMSIM" diagnose "$W/negdays.h5"
2 | newer.h5; format_version 99 is newer than this commsim reads | "$COMMSIM" diagnose "$W/newer.h5"
2 | shortcomplete.h5; says complete = 1 but days_written 2 of 4 | "$COMMSIM" diagnose --allow-partial "$W/shortcomplete.h5"
2 | shape.h5; dataset /daily/size has 2 groups             | "$COMMSIM" diagnose "$W/shape.h5"
2 | text.h5; not an HDF5 file                              | "$COMMSIM" diagnose "$W/text.h5"
2 | missing.h5; no such file                               | "$COMMSIM" diagnose "$W/missing.h5"
2 | negdays.h5; days_written; 1 of 2 run files could not be diagnosed | "$COMMSIM" diagnose --summary "$W/runs"
TABLE

# a setting another one makes irrelevant runs, with a warning naming both keys
printf '[run]\ndays = 2\n[population]\nsize = 200\n[groups]\ncount = 2\nfee = 10.0\n' > "$W/fee.toml"
"$COMMSIM" run "$W/fee.toml" --out "$W/fee.h5" --quiet 2> "$W/fee.err" || fail "an irrelevant setting stopped the run"
grep -q "warning: .*groups.fee' (.*fee.toml:7:1).*groups.entry' (default).*has no effect" "$W/fee.err" \
  && pass "irrelevant setting reported: $(cat "$W/fee.err")" || fail "no warning for groups.fee under open entry: $(cat "$W/fee.err")"
"$COMMSIM" run "$W/ok.toml" --out "$W/quiet.h5" --quiet 2> "$W/ok.err"
[ ! -s "$W/ok.err" ] && pass "no warning for defaults" || fail "warnings on a plain file: $(cat "$W/ok.err")"
rm -f "$W/fee.h5" "$W/quiet.h5"

for f in "$W/o.h5" "$W/o.h5.part" "$W/out" "$W/existing.h5.part"; do
  [ -e "$f" ] && fail "bad input left $f behind"
done
cmp -s "$W/existing.h5" "$W/good.h5" && pass "the existing file is untouched" || fail "existing file changed"
grep -q 'size = 600' "$W/s.toml" && pass "the scenario is untouched" || fail "scenario overwritten"
finish
