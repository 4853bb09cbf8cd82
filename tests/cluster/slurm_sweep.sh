#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine: munged, slurmctld and slurmd as root with a
# minimal slurm.conf in a temp folder. `commsim slurm` writes the job-array script, we submit
# it (and its follow-up index job), wait, and check that the index and every run file equal
# those of the same sweep run locally. The daemons are always torn down.
# usage: slurm_sweep.sh path/to/commsim SOURCE_DIR      (exit 77 = skipped)
set -uo pipefail
commsim=$(readlink -f "$1")
src=$(readlink -f "$2")
scenario="$src/tests/cluster/sweep_small.toml"

if [ "$(id -u)" != 0 ]; then echo "SKIP: the Slurm test starts daemons as root"; exit 77; fi
for tool in munged slurmctld slurmd sbatch squeue sinfo h5diff; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (scripts/install-deps.sh)"; exit 77; }
done

T=$(mktemp -d /tmp/commsim-slurm.XXXXXX)
chmod 755 "$T"
export SLURM_CONF="$T/slurm.conf"
pids=()
cleanup() {
  for f in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munge/munged.pid"; do
    [ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null
  done
  sleep 1
  for f in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munge/munged.pid"; do
    [ -s "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null
  done
  rm -rf "$T"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  for log in "$T"/slurmctld.log "$T"/slurmd.log "$T"/munge/munged.log "$T"/out/logs/*; do
    [ -f "$log" ] && { echo "--- $log"; tail -n 25 "$log"; }
  done
  exit 1
}

# munge, with a key and socket of our own.
mkdir -m 700 "$T/munge"
dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$T/munge/munge.key"
munged --force --key-file="$T/munge/munge.key" --socket="$T/munge/munge.socket" \
       --pid-file="$T/munge/munged.pid" --log-file="$T/munge/munged.log" \
       --seed-file="$T/munge/munged.seed" || fail "munged did not start"

host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
mkdir -p "$T/state" "$T/spool"
cat > "$SLURM_CONF" <<CONF
ClusterName=commsimtest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$T/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -c || fail "slurmctld did not start"
slurmd || fail "slurmd did not start"

# Wait (bounded) for the node to come up.
for i in $(seq 60); do
  state=$(sinfo -h -o %T 2>/dev/null | head -n1)
  [ "$state" = idle ] && break
  sleep 1
done
[ "$state" = idle ] || fail "node not idle after 60 s (state '$state')"

# The same sweep run locally, for reference.
"$commsim" sweep "$scenario" --out "$T/local" --quiet || fail "local sweep"

# Generate, submit, wait.
"$commsim" slurm "$scenario" --out "$T/out" --tasks 3 --cpus-per-task 1 --time 5:00 --partition test \
  || fail "commsim slurm"
grep -q -- '--array=0-2' "$T/out/commsim-sweep.sbatch" || fail "no job array in the script"
bash "$T/out/submit.sh" || fail "submission"
for i in $(seq 120); do
  [ -z "$(squeue -h 2>/dev/null)" ] && break
  sleep 1
done
[ -z "$(squeue -h)" ] || fail "jobs still queued after 120 s: $(squeue)"
[ -f "$T/out/index.h5" ] || fail "the index job wrote no index"

# Same index, same run files.
h5diff "$T/local/index.h5" "$T/out/index.h5" >/dev/null || fail "index differs: $(h5diff "$T/local/index.h5" "$T/out/index.h5" | head)"
n=0
for f in "$T"/local/sweep_small.*.h5; do
  h5diff "$f" "$T/out/$(basename "$f")" >/dev/null || fail "run file $(basename "$f") differs"
  n=$((n + 1))
done
[ "$n" = 12 ] || fail "expected 12 run files, found $n"
echo "PASS: Slurm job array of 3 tasks reproduced the local sweep ($n runs)"
