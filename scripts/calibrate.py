#!/usr/bin/env python3
"""Calibration of the platform against the public lifecycle facts (docs/VALIDATION.md).

    scripts/calibrate.py [--replicates N] [--out DIR] [--check] [SCENARIO]

Runs SCENARIO (default scenarios/calibration/platform.toml) with `commsim batch`, reads every
run's /groups table and daily series, and measures each fact its [calibration] table names,
with the mean over runs and a 95% t-interval. A fact holds when the mean lies within the
tolerance stated beside its target in the scenario file (stated before the runs were made;
the file's comments say which parameters were chosen and why). Prints a Markdown table and
writes it to DIR/calibration.md; with --check, exit status 1 when a fact does not hold.

The facts (their definitions are also in docs/VALIDATION.md):
  silent_within_week   share of groups founded during the run (after warmup_days, with 7 days
                       left) that fell silent within a week: dead by age 7 days, or no
                       visible member message (programme posts aside) on calendar day
                       founding day + 7
  active_after_30      share of groups founded after warmup_days (with 31 days left) alive and
                       with a visible member message on calendar day founding day + 30
  faster_death         share silent within a week of type `fast` minus that of type `slow`
  gini_posts           mean over groups alive at the end with >= min_members real members of
                       the Gini coefficient of members' posts since joining
  top10_post_share     same groups: share of posts written by the top 10% of posters
"""
from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "analysis"))
from commsim_analysis import load_table, read_run  # noqa: E402
from commsim_analysis.stats import mean_ci  # noqa: E402

HOURS = 24


def commsim() -> str:
    return os.environ.get("COMMSIM_BIN", str(ROOT / "build" / "commsim"))


def cohort(groups, days: int, warmup: int, age: int, types: list[str] | None = None):
    """Groups founded during the run, after warmup, that the run saw reach `age` days."""
    founded = groups["founded"].values.astype(np.int64)
    day = founded // HOURS
    keep = (founded > 0) & (day >= warmup) & (day + age + 1 <= days)
    if types is not None:
        keep &= np.isin(groups["type"].values.astype(str), types)
    return np.nonzero(keep)[0]


def silent_by(groups, messages: np.ndarray, rows: np.ndarray, age: int) -> np.ndarray:
    """For each row: dead by `age` days after founding, or silent on day `age` of its life."""
    founded = groups["founded"].values.astype(np.int64)[rows]
    ended = groups["ended"].values.astype(np.int64)[rows]
    ids = groups["group"].values.astype(np.int64)[rows]
    dead = (ended != 2**32 - 1) & (ended < founded + age * HOURS)
    on_day = founded // HOURS + age
    said = np.array([messages[d, g] if g < messages.shape[1] else np.nan
                     for d, g in zip(on_day, ids)])
    return dead | ~(np.nan_to_num(said) > 0)


def measure(path: Path, spec: dict) -> dict[str, float]:
    run = read_run(path)
    groups = load_table(path, "groups")
    days = run.n_days
    warm = int(spec.get("warmup_days", 0))
    # Silence is silence of the members: the organisers' scheduled posts do not count.
    messages = run.daily_arrays["messages"] - run.daily_arrays["programme_messages"]
    out = {}
    rows = cohort(groups, days, warm, 8)
    out["silent_within_week"] = float(np.mean(silent_by(groups, messages, rows, 7))) \
        if len(rows) else math.nan
    rows = cohort(groups, days, warm, 31)
    out["active_after_30"] = float(np.mean(~silent_by(groups, messages, rows, 30))) \
        if len(rows) else math.nan
    fd = spec.get("facts", {}).get("faster_death", {})
    if fd:
        share = {}
        for side in ("fast", "slow"):
            rows = cohort(groups, days, warm, 8, [fd[side]])
            share[side] = float(np.mean(silent_by(groups, messages, rows, 7))) \
                if len(rows) else math.nan
        out["faster_death"] = share["fast"] - share["slow"]
    size = run.daily_arrays["size"][days - 1]
    alive = run.daily_arrays["alive"][days - 1] == 1
    big = alive & (np.nan_to_num(size) >= int(spec.get("min_members", 20)))
    for metric in ("gini_posts", "top10_post_share"):
        values = run.daily_arrays[metric][days - 1][big]
        out[metric] = float(np.nanmean(values)) if np.isfinite(values).any() else math.nan
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario", nargs="?",
                    default=str(ROOT / "scenarios" / "calibration" / "platform.toml"))
    ap.add_argument("--replicates", type=int)
    ap.add_argument("--out", default=str(ROOT / "build" / "calibration"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    spec = tomllib.loads(Path(args.scenario).read_text())["calibration"]
    out = Path(args.out)
    command = [commsim(), "batch", args.scenario, "--out", str(out / "runs"), "--quiet"]
    if args.replicates:
        command += ["--replicates", str(args.replicates)]
    if (out / "runs").exists():
        command.append("--resume")  # runs already complete are kept, not overwritten
    subprocess.run(command, check=True)
    files = sorted(f for f in (out / "runs").glob("*.h5") if f.name not in ("index.h5", "summary.h5"))
    per_run = [measure(f, spec) for f in files]
    lines = ["| fact | source | target | tolerance | measured (mean [95% CI], "
             f"{len(files)} runs) | holds |", "|---|---|---|---|---|---|"]
    failed = []
    for name, fact in spec["facts"].items():
        mean, lo, hi, _ = mean_ci([r.get(name, math.nan) for r in per_run])
        target, tol = fact["target"], fact["tolerance"]
        if fact.get("at_least"):
            holds = math.isfinite(mean) and mean >= target - tol
            want = f"≥ {target}"
        else:
            holds = math.isfinite(mean) and abs(mean - target) <= tol
            want = f"{target}"
        if not holds and not fact.get("known_miss"):
            failed.append(name)
        ci = "" if not math.isfinite(lo) else f" [{lo:.3f}, {hi:.3f}]"
        lines.append(f"| {name} | {fact.get('source', '')} | {want} | ± {tol} | "
                     f"{mean:.3f}{ci} | {'yes' if holds else ('no (known miss)' if fact.get('known_miss') else '**no**')} |")
    table = "\n".join(lines)
    print(table)
    (out / "calibration.md").write_text(table + "\n")
    if failed and args.check:
        print(f"calibration: {', '.join(failed)} outside the stated tolerance", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
