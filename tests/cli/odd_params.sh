# docs/ODD.md stays in step with the parameter declarations: every parameter `commsim params`
# lists is also named in the prose outside the generated table (in the submodel that uses
# it). That the table itself is current is tests/cli/doc_tables.sh.
source "$(dirname "$0")/../support/cli_lib.sh"
ODD=$SRC/docs/ODD.md

if [ ! -f "$ODD" ]; then
  fail "$ODD does not exist"
  finish
fi
for marker in '<!-- params:begin -->' '<!-- params:end -->'; do
  n=$(grep -cxF -- "$marker" "$ODD")
  [ "$n" = 1 ] && pass "one '$marker' line" || fail "docs/ODD.md has $n '$marker' lines (wanted 1)"
done

# Every parameter is named outside the generated table, as a whole name (not as part of
#    a longer key such as population.activity.min inside population.activity.minimum).
awk '$0 == "<!-- params:begin -->" { inside = 1; next }
     $0 == "<!-- params:end -->" { inside = 0; next }
     !inside { print }' "$ODD" > "$WORK/prose.md"
"$COMMSIM" params | awk 'NF { print $1 }' > "$WORK/names.txt" || fail "commsim params"
missing=()
while IFS= read -r name; do
  # A following ".x" would make it a longer key; a sentence-ending "." is fine.
  if ! grep -Eq "(^|[^A-Za-z0-9_.])${name//./\\.}([^A-Za-z0-9_.]|\\.([^A-Za-z0-9_]|\$)|\$)" "$WORK/prose.md"; then
    missing+=("$name")
  fi
done < "$WORK/names.txt"
n_names=$(wc -l < "$WORK/names.txt")
if [ "$n_names" -lt 20 ]; then
  fail "commsim params listed only $n_names parameters"
elif [ "${#missing[@]}" -eq 0 ]; then
  pass "all $n_names parameters are described outside the generated table"
else
  fail "docs/ODD.md does not describe ${#missing[@]} parameter(s) outside the generated table: ${missing[*]}"
fi
finish
