#!/usr/bin/env python3
"""Floors that the model itself puts under two performance targets (docs/PERFORMANCE.md).

1. "Halving members' activity cuts run time by at least a third." A run's work is some cost per
   message plus a part that does not follow the messages (members, groups, days), never
   negative. If halving activity makes the messages fall by a share s, the time can fall by at
   most s, whatever the engine. The script runs platform_100k at the default activity median
   and at half of it and reports s.
2. "platform_1m at 1e8 member-ticks/s on 2 threads." Every present member reads a share of every
   visible message (ODD 7.5), so each hour costs at least one relevance (K multiply-adds) per
   member x message pair. The script measures the pairs per member-tick of platform_1m and
   the time per pair that the target leaves on 2 cores, counting nothing else.

    /usr/bin/python3 scripts/perf_floors.py [COMMSIM] [--days 10] [--days-1m 2] [--out DIR]

Pairs are counted from the run files as sum over groups and days of size x messages (a message
is visible for one hour and read by that hour's members); member-ticks as 24 x member-days.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

import h5py
import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def run(binary: str, scenario: str, out: Path, days: int, sets: list[str], threads: int) -> Path:
    cmd = [binary, "run", str(ROOT / scenario), "--out", str(out), "--threads", str(threads),
           "--set", f"run.days={days}", "--quiet"]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return out


def totals(path: Path) -> dict[str, float]:
    with h5py.File(path, "r") as f:
        d = f["daily"]
        size = np.nan_to_num(d["size"][()])
        messages = np.nan_to_num(d["messages"][()])
        topics = int(f["parameters"].attrs["population.topics"])
    return {"member_ticks": 24.0 * size.sum(), "messages": messages.sum(),
            "pairs": (size * messages).sum(), "topics": topics}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("commsim", nargs="?", default=str(ROOT / "build" / "commsim"))
    ap.add_argument("--days", type=int, default=10, help="days of platform_100k (10)")
    ap.add_argument("--days-1m", type=int, default=2, help="days of platform_1m (2)")
    ap.add_argument("--out", type=Path, help="keep the run files here (default: a temporary folder)")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="perf-floors-"))
    out.mkdir(parents=True, exist_ok=True)

    full = totals(run(args.commsim, "scenarios/bench/platform_100k.toml", out / "activity.h5",
                      args.days, [], 1))
    half = totals(run(args.commsim, "scenarios/bench/platform_100k.toml", out / "half.h5",
                      args.days, ["population.activity.median=0.03"], 1))
    share = 1.0 - half["messages"] / full["messages"]
    print(f"platform_100k, {args.days} days: messages {full['messages']:.4g} -> "
          f"{half['messages']:.4g} with activity halved ({100 * share:.0f} % fewer); "
          f"member-ticks {full['member_ticks']:.4g} -> {half['member_ticks']:.4g}")
    print(f"  so run time can fall by at most {100 * share:.0f} % (target: at least 33 %)")

    big = totals(run(args.commsim, "scenarios/bench/platform_1m.toml", out / "1m.h5",
                     args.days_1m, [], min(2, os.cpu_count() or 1)))
    per_tick = big["pairs"] / big["member_ticks"]
    budget_ns = 2 / (1e8 * per_tick) * 1e9  # 2 cores, 1e8 member-ticks per second
    print(f"platform_1m, {args.days_1m} days: {per_tick:.1f} member x message pairs per "
          f"member-tick; at 1e8 member-ticks/s on 2 cores that leaves {budget_ns:.3f} ns per "
          f"pair for everything, while one pair's relevance alone is {2 * big['topics']} "
          f"floating-point operations")


if __name__ == "__main__":
    main()
