"""Strategy comparisons: one run file per arm x replicate in a folder.

``commsim compare`` (a later issue) writes each run with root attributes ``arm``
(string) and ``replicate`` (int). Folders made by hand (e.g. a batch run several
times with different seeds) lack them, so the fallback groups by scenario name and
numbers replicates by seed; that way the same plotting code serves both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from .runfile import Run
from .runset import read_runs, runs_frame
from .stats import across_groups


@dataclass
class Comparison:
    """Runs of a comparison with their arm/replicate labels.

    ``table``: one row per run (run, arm, replicate, scenario_name, seed, complete).
    ``platform``: tidy platform frame with arm and replicate columns.
    """

    path: Path
    runs: list[Run]
    table: pd.DataFrame
    platform: pd.DataFrame
    units: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def arms(self) -> list[str]:
        """Arm names in the order they first appear (files are sorted by name)."""
        return list(dict.fromkeys(self.table["arm"]))

    def labels(self) -> dict[str, dict]:
        """run name -> {"arm": ..., "replicate": ...}."""
        return {row.run: {"arm": row.arm, "replicate": row.replicate}
                for row in self.table.itertuples()}

    def groups_median(self, metrics: Iterable[str] | None = None) -> pd.DataFrame:
        """Per-group metrics reduced to the median across groups, per run and day."""
        return across_groups(self.runs, self.labels(), metrics=metrics)


def arm_labels(runs: list[Run]) -> pd.DataFrame:
    """Arm and replicate of each run, from root attributes or the fallback."""
    rows = [{"run": r.name, "arm": r.meta["attrs"].get("arm"),
             "replicate": r.meta["attrs"].get("replicate"),
             "scenario_name": r.meta["scenario_name"], "seed": r.meta["seed"],
             "complete": r.meta["complete"]} for r in runs]
    table = pd.DataFrame(rows, columns=["run", "arm", "replicate", "scenario_name",
                                        "seed", "complete"])
    no_arm = table["arm"].isna()
    table.loc[no_arm, "arm"] = table.loc[no_arm, "scenario_name"]
    if table["replicate"].isna().any():
        by_seed = table.groupby("arm")["seed"].rank(method="first").astype(int) - 1
        table["replicate"] = table["replicate"].fillna(by_seed)
    table["replicate"] = table["replicate"].astype(int)
    dup = table[table.duplicated(["arm", "replicate"], keep=False)]
    if not dup.empty:
        raise ValueError("several run files claim the same arm and replicate: "
                         + ", ".join(f"{r.run} ({r.arm}, {r.replicate})"
                                     for r in dup.itertuples()))
    return table


def load_compare(directory: str | Path, *, allow_partial: bool = False,
                 metrics: Iterable[str] | None = None) -> Comparison:
    """Load a comparison folder; partial runs follow :func:`read_runs`."""
    runs = read_runs(directory, allow_partial=allow_partial, metrics=metrics)
    table = arm_labels(runs)
    platform = runs_frame(runs, "platform")
    platform = table[["run", "arm", "replicate"]].merge(platform, on="run", how="right")
    units = {"daily": {m: u for r in runs for m, u in r.units["daily"].items()},
             "platform": {m: u for r in runs for m, u in r.units["platform"].items()}}
    return Comparison(path=Path(directory), runs=runs, table=table, platform=platform,
                      units=units)
