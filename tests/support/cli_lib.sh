# Shared by the shell tests: `commsim` under test, a scratch folder, and small assertions.
# Each test script is called as: bash script.sh /path/to/commsim /path/to/source
set -u
COMMSIM=$1
SRC=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/commsim-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_error CODE PATTERN... -- command: runs it, checks the exit code and that stderr
# contains every pattern.
expect_error() {
  local code=$1; shift
  local patterns=()
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
  shift
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  if [ "$rc" -ne "$code" ]; then fail "exit $rc (wanted $code): $* -> $err"; return; fi
  for p in "${patterns[@]}"; do
    case "$err" in *"$p"*) ;; *) fail "message lacks '$p': $err"; return ;; esac
  done
  pass "$* -> $err"
}

h5attr() {  # h5attr FILE NAME -> the scalar value of a root attribute
  h5dump -a "$2" "$1" 2>/dev/null | sed -n 's/^ *(0): *//p' | head -n 1
}

tiny_scenario() {  # tiny_scenario FILE [extra toml lines]
  cat > "$1" <<TOML
[run]
days = ${DAYS:-20}
seed = 3
[population]
size = 600
[groups]
count = 6
${2:-}
TOML
}

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
  echo "all checks passed"
}
