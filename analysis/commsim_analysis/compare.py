"""Strategy comparisons: one run file per arm x replicate in a folder.

``commsim batch`` and ``commsim compare`` write each run with root attributes
``arm`` (string), ``arm_index`` (its position in the scenario file) and
``replicate`` (int); ``commsim compare`` adds ``summary.csv`` (per arm: mean, CI,
difference from the first arm). The first arm of the scenario is the reference
the statistics compare against, so arms are ordered by ``arm_index`` rather than
by file name. Folders made by hand (e.g. a batch run several times with different
seeds) lack these attributes; the fallback groups by scenario name and numbers
replicates by seed, so the same plotting code serves both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from .runfile import Run
from .runset import read_runs, runs_frame
from .stats import across_groups

#: Written by ``commsim compare``: one row per metric x arm (see its summary.md).
SUMMARY_CSV = "summary.csv"


@dataclass
class Comparison:
    """Runs of a comparison with their arm/replicate labels.

    ``table``: one row per run (run, arm, arm_index, replicate, scenario_name, seed,
    complete), sorted by arm (scenario order) then replicate.
    ``platform``: tidy platform frame with arm and replicate columns.
    ``summary``: ``summary.csv`` of ``commsim compare`` as a frame, or None when the
    folder has none (a ``commsim batch`` folder, or one made by hand).
    """

    path: Path
    runs: list[Run]
    table: pd.DataFrame
    platform: pd.DataFrame
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    summary: pd.DataFrame | None = None

    @property
    def arms(self) -> list[str]:
        """Arm names in scenario order (``arm_index``); the first is the reference."""
        return list(dict.fromkeys(self.table["arm"]))

    @property
    def reference(self) -> str | None:
        """The arm the others are compared against (the scenario's first arm)."""
        return self.arms[0] if len(self.table) else None

    @property
    def scenario_name(self) -> str:
        """The scenario's name (names joined by '+' if the folder mixes several)."""
        return "+".join(dict.fromkeys(self.table["scenario_name"].astype(str)))

    def labels(self) -> dict[str, dict]:
        """run name -> {"arm": ..., "replicate": ...}."""
        return {row.run: {"arm": row.arm, "replicate": row.replicate}
                for row in self.table.itertuples()}

    def groups_median(self, metrics: Iterable[str] | None = None) -> pd.DataFrame:
        """Per-group metrics reduced to the median across groups, per run and day."""
        return across_groups(self.runs, self.labels(), metrics=metrics)


def arm_labels(runs: list[Run]) -> pd.DataFrame:
    """Arm, arm index and replicate of each run, from root attributes or the
    fallback (arm = scenario name in order of appearance, replicate = seed rank)."""
    rows = [{"run": r.name, "arm": r.meta["attrs"].get("arm"),
             "arm_index": r.meta["attrs"].get("arm_index"),
             "replicate": r.meta["attrs"].get("replicate"),
             "scenario_name": r.meta["scenario_name"], "seed": r.meta["seed"],
             "complete": r.meta["complete"]} for r in runs]
    table = pd.DataFrame(rows, columns=["run", "arm", "arm_index", "replicate",
                                        "scenario_name", "seed", "complete"])
    no_arm = table["arm"].isna()
    table.loc[no_arm, "arm"] = table.loc[no_arm, "scenario_name"]
    if table["arm_index"].isna().any():  # hand-made folder: order of appearance
        first_seen = {arm: i for i, arm in enumerate(dict.fromkeys(table["arm"]))}
        table["arm_index"] = table["arm_index"].fillna(table["arm"].map(first_seen))
    table["arm_index"] = table["arm_index"].astype(int)
    if table["replicate"].isna().any():
        by_seed = table.groupby("arm")["seed"].rank(method="first").astype(int) - 1
        table["replicate"] = table["replicate"].fillna(by_seed)
    table["replicate"] = table["replicate"].astype(int)
    dup = table[table.duplicated(["arm", "replicate"], keep=False)]
    if not dup.empty:
        shown = [f"{r.run} ({r.arm}, {r.replicate})" for r in dup.itertuples()]
        more = f" and {len(shown) - 6} more" if len(shown) > 6 else ""
        raise ValueError("several run files claim the same arm and replicate: "
                         + ", ".join(shown[:6]) + more + " (a folder of several "
                         "scenarios? split_by_scenario / plot.py atlas compare each)")
    return table.sort_values(["arm_index", "replicate"], kind="stable").reset_index(drop=True)


def read_summary(directory: str | Path) -> pd.DataFrame | None:
    """``DIR/summary.csv`` as a frame ("NA" cells become NaN), or None if absent."""
    path = Path(directory) / SUMMARY_CSV
    if not path.is_file():
        return None
    return pd.read_csv(path)


def comparison_of(runs: list[Run], path: str | Path,
                  summary: pd.DataFrame | None = None) -> Comparison:
    """Build a :class:`Comparison` from already loaded runs (ordered by arm)."""
    table = arm_labels(runs)
    order = {name: i for i, name in enumerate(table["run"])}
    runs = sorted(runs, key=lambda r: order[r.name])
    platform = runs_frame(runs, "platform")
    platform = table[["run", "arm", "replicate"]].merge(platform, on="run", how="right")
    units = {"daily": {m: u for r in runs for m, u in r.units["daily"].items()},
             "platform": {m: u for r in runs for m, u in r.units["platform"].items()}}
    return Comparison(path=Path(path), runs=runs, table=table, platform=platform,
                      units=units, summary=summary)


def load_compare(directory: str | Path, *, allow_partial: bool = False,
                 metrics: Iterable[str] | None = None) -> Comparison:
    """Load a comparison folder; partial runs follow :func:`read_runs`."""
    runs = read_runs(directory, allow_partial=allow_partial, metrics=metrics)
    return comparison_of(runs, directory, read_summary(directory))


def split_by_scenario(directories: Iterable[str | Path], *,
                      allow_partial: bool = False) -> list[Comparison]:
    """One :class:`Comparison` per (folder, scenario), in order of appearance:
    ``commsim batch scenarios/failure --out DIR`` puts five scenarios' arms into
    one folder, and each is compared on its own. ``summary.csv`` is attached when
    its folder holds a single scenario (it then describes that scenario)."""
    out = []
    for directory in map(Path, directories):
        runs = read_runs(directory, allow_partial=allow_partial)
        names = list(dict.fromkeys(r.meta["scenario_name"] for r in runs))
        summary = read_summary(directory) if len(names) == 1 else None
        for name in names:
            out.append(comparison_of([r for r in runs if r.meta["scenario_name"] == name],
                                     directory, summary))
    return out
