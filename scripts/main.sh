#!/usr/bin/env bash
# The main job: installs what is missing, builds, runs the default scenario batch into
# results/ (one HDF5 file per run) and plots it (results/figures, results/report.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
out=${1:-results}
mkdir -p "$out"
for scenario in scenarios/default/*.toml; do
  name=$(basename "$scenario" .toml)
  for seed in 1 2 3; do
    build/commsim run "$scenario" --seed "$seed" --out "$out/$name-seed$seed.h5"
  done
done
/usr/bin/python3 analysis/plot.py runs "$out" --out "$out/figures"
/usr/bin/python3 analysis/report.py "$out" --out "$out/report.md"
echo "results in $out/ (report: $out/report.md)"
