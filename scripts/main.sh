#!/usr/bin/env bash
# The main job: installs what it needs (scripts/install-deps.sh main: no test framework, MPI
# or Slurm), builds only the commsim binary, runs the default scenario batch and the
# failure-mode atlas, and plots them:
#   results/runs/      the baseline and a small platform, 3 replicates each (HDF5 + index.h5)
#   results/atlas/     the five failure modes, control vs failure arms (HDF5 + summary.md)
#   results/strategies/  the remedies of scenarios/strategies/ compared (summary.md each) and
#                      results/strategies.md, the tables of the README's "Which strategy works?"
#   results/case_jobseekers/  the case study F1 against its reported figures
#   results/figures/   PNG figures; results/report.md and results/atlas/<mode>/report.md
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh main
bash scripts/build.sh main
out=${1:-results}
commsim=build/commsim
mkdir -p "$out/figures"
"$commsim" batch scenarios/baseline.toml scenarios/default/*.toml --replicates 3 --out "$out/runs" --resume
for scenario in scenarios/failure/*.toml; do
  name=$(basename "$scenario" .toml)
  "$commsim" compare "$scenario" --out "$out/atlas/$name" --resume --quiet
  "$commsim" diagnose --summary "$out/atlas/$name"/*.r*.h5 > "$out/atlas/$name/diagnosis.tsv"
done
py=/usr/bin/python3
for scenario in scenarios/strategies/*.toml; do
  name=$(basename "$scenario" .toml)
  "$commsim" compare "$scenario" --out "$out/strategies/$name" --resume --quiet
  $py analysis/plot.py compare "$out/strategies/$name" --out "$out/figures" \
    --metrics "$($py analysis/strategies_report.py --metrics "$name")"
done
$py analysis/strategies_report.py "$out/strategies" --out "$out/strategies.md"
COMMSIM_BIN="$commsim" $py scripts/case_jobseekers.py --out "$out/case_jobseekers"
$py analysis/plot.py runs "$out/runs" --out "$out/figures"
$py analysis/plot.py atlas "$out"/atlas/* --out "$out/figures"
$py analysis/report.py "$out/runs" --out "$out/report.md"
for dir in "$out"/atlas/*/; do $py analysis/report.py "$dir" --out "$dir/report.md"; done
echo "results in $out/: report.md, strategies.md, figures/, atlas/<mode>/summary.md"
echo "next: the example notebook analysis/examples/entry_thresholds.ipynb (see README)"
