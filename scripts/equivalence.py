#!/usr/bin/env python3
"""Do two engines produce the same distributions? (docs/PERFORMANCE.md, "Equivalence")

Runs one scenario with two `commsim` binaries over the same N seeds (`commsim batch
--replicates N`: the same seed formula, so the same people, graph and founding groups at
every seed), reduces every run to its headline numbers and tests, metric by metric, whether
the two engines differ. The runs are paired by seed (same start, different draws after it), so
the tests are on the N per-seed differences, which is more sensitive than comparing two
independent samples: the paired t test (a shift of the mean) and Wilcoxon's signed-rank test
(a shift of the median, whatever the shape), with Holm's correction over all the tests.
A change that redraws random numbers (posting and answering drawn as Poisson processes, say)
changes every run, but must not change these distributions.

    /usr/bin/python3 scripts/equivalence.py OLD_COMMSIM NEW_COMMSIM SCENARIO [--seeds 20] [--alpha 0.01]
                                          [--set KEY=VALUE ...] [--set-new KEY=VALUE ...]
                                          [--out DIR] [--jobs J]

--set applies to both binaries; --set-new only to NEW: with one binary twice, it asks whether a
parameter change is detectable at this many seeds (and checks that this script can tell).

A file with arms or a sweep is compared arm by arm (point by point): runs are grouped by their
file name less the replicate (`focus_loss.failure_ko.r3.h5` -> `focus_loss.failure_ko`).
A run's numbers: every /daily metric averaged over its days and groups (NaN-aware), and every
/platform metric averaged over its days. Exit status 1 when any Holm-adjusted p falls below
--alpha (the family-wise chance of a false alarm is at most alpha), 0 otherwise.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import h5py
import numpy as np
from scipy import stats


def run_batch(binary: str, scenario: str, seeds: int, out: Path, sets: list[str],
              jobs: int) -> dict[str, list[Path]]:
    cmd = [binary, "batch", scenario, "--replicates", str(seeds), "--out", str(out), "--quiet",
           "--jobs", str(jobs), "--threads", str(jobs)]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True)
    groups: dict[str, list[Path]] = {}
    for p in sorted(out.glob("*.h5")):
        if p.name != "index.h5":
            groups.setdefault(re.sub(r"\.r\d+\.h5$", "", p.name), []).append(p)
    for name, files in groups.items():
        if len(files) != seeds:
            sys.exit(f"equivalence.py: {binary} wrote {len(files)} runs of {name} in {out}, expected {seeds}")
    return groups


def headline(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    with h5py.File(path, "r") as f:
        for name, ds in f["daily"].items():
            a = np.asarray(ds[()], dtype=float)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # a metric n/a in every group
                out[f"daily/{name}"] = float(np.nanmean(a)) if a.size else np.nan
        for name, ds in f["platform"].items():
            a = np.asarray(ds[()], dtype=float)
            out[f"platform/{name}"] = float(np.nanmean(a)) if a.size else np.nan
    return out


def holm(pvalues: list[float]) -> list[float]:
    order = np.argsort(pvalues)
    m = len(pvalues)
    adjusted = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("scenario")
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--alpha", type=float, default=0.01)
    ap.add_argument("--set", action="append", default=[], dest="sets")
    ap.add_argument("--set-new", action="append", default=[], dest="sets_new")
    ap.add_argument("--out", help="keep the run files here (default: a temporary folder)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.out) if args.out else Path(tmp)
        samples, names = [], []
        for label, binary, sets in (("old", args.old, args.sets),
                                    ("new", args.new, args.sets + args.sets_new)):
            groups = run_batch(binary, args.scenario, args.seeds, base / label, sets, args.jobs)
            samples.append({g: [headline(p) for p in files] for g, files in groups.items()})
            names.append({g: [p.name for p in files] for g, files in groups.items()})
    if names[0] != names[1]:  # the pairs are the runs of the same name (same arm, same seed)
        sys.exit(f"equivalence.py: the two binaries ran different runs: {names[0]} vs {names[1]}")

    rows, pvals = [], []
    for group in sorted(samples[0]):
        old, new = samples[0][group], samples[1][group]
        for metric in sorted(set(old[0]) & set(new[0])):
            name = metric if len(samples[0]) == 1 else f"{group.split('.', 1)[-1]}: {metric}"
            a = np.array([r[metric] for r in old])
            b = np.array([r[metric] for r in new])
            both = np.isfinite(a) & np.isfinite(b)
            a, b = a[both], b[both]
            d = b - a
            if len(d) < 5 or np.ptp(d) == 0:
                continue  # n/a, or no difference at any seed (e.g. no ads in the scenario)
            paired_t = stats.ttest_rel(b, a).pvalue
            signed_rank = stats.wilcoxon(d, zero_method="zsplit").pvalue
            rows.append((name, a.mean(), b.mean(), np.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2),
                         paired_t, signed_rank))
            pvals += [paired_t, signed_rank]
    adjusted = holm(pvals)
    failed = False
    print(f"scenario {args.scenario}; {args.seeds} seeds; old {args.old}; new {args.new}")
    print(f"{'metric':44} {'old mean':>11} {'new mean':>11} {'diff/sd':>8} {'p t':>8} {'p rank':>8} {'Holm min':>9}")
    for k, (name, ma, mb, sd, pw, pk) in enumerate(rows):
        adj = min(adjusted[2 * k], adjusted[2 * k + 1])
        flag = " *" if adj < args.alpha else ""
        failed |= adj < args.alpha
        d = (mb - ma) / sd if sd > 0 else 0.0
        print(f"{name:44} {ma:11.4g} {mb:11.4g} {d:8.2f} {pw:8.3f} {pk:8.3f} {adj:9.3f}{flag}")
    print(f"{len(rows)} metrics, {len(pvals)} tests; smallest Holm-adjusted p "
          f"{min(adjusted) if adjusted else 1.0:.3f}; alpha {args.alpha}: "
          + ("DIFFERENT distributions" if failed else "no difference found"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
