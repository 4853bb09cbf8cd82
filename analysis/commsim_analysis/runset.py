"""Many run files at once: discovery, the partial-run policy, one dataset.

A batch of scenarios, a set of replicates, a comparison or a sweep is a folder of
run files. :func:`load_runs` stacks them into one ``xarray.Dataset`` with a
``run`` dimension (``datasets.py``); :func:`read_runs` gives the validated
:class:`Run` objects figures and reports work from.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterable

import pandas as pd
import xarray as xr

from .datasets import runs_dataset, varying_parameters
from .errors import PartialRunWarning
from .runfile import DEFAULT_LEVELS, Run, check_level, read_run

#: File names inside a run folder that are not run files: the index of a
#: batch/sweep and the statistics of ``commsim compare``.
NON_RUN_FILES = frozenset({"index.h5", "summary.h5"})

PathsOrDir = str | Path | Iterable[str | Path]


def find_run_files(paths_or_dir: PathsOrDir) -> list[Path]:
    """Expand a folder (its ``*.h5`` run files, sorted) or a list of files/folders."""
    items = [paths_or_dir] if isinstance(paths_or_dir, (str, Path)) else list(paths_or_dir)
    files: list[Path] = []
    for item in map(Path, items):
        if item.is_dir():
            found = sorted(p for p in item.glob("*.h5") if p.name not in NON_RUN_FILES)
            if not found:
                raise FileNotFoundError(f"{item}: folder holds no run files (*.h5)")
            files.extend(found)
        elif item.exists():
            files.append(item)
        else:
            raise FileNotFoundError(f"{item}: no such run file or folder")
    return files


def read_runs(paths_or_dir: PathsOrDir, *, allow_partial: bool = False,
              metrics: Iterable[str] | None = None,
              levels: Iterable[str] = DEFAULT_LEVELS) -> list[Run]:
    """Read every run; partial runs are dropped with one warning naming them all,
    or kept (``meta["complete"]`` False) when ``allow_partial`` is true."""
    metrics = None if metrics is None else list(metrics)
    levels = tuple(levels)
    runs = [read_run(p, allow_partial=True, metrics=metrics, levels=levels)
            for p in find_run_files(paths_or_dir)]
    partial = [r for r in runs if not r.meta["complete"]]
    if partial:
        names = ", ".join(str(r.path) for r in partial)
        if allow_partial:
            warnings.warn(f"including {len(partial)} partial run(s), flagged "
                          f"complete=False: {names}", PartialRunWarning, stacklevel=2)
        else:
            warnings.warn(f"excluding {len(partial)} partial run(s): {names}",
                          PartialRunWarning, stacklevel=2)
            runs = [r for r in runs if r.meta["complete"]]
    return runs


def check_metric_levels(runs: list[Run], level: str, metrics: Iterable[str] | None) -> None:
    """A metric asked for at the wrong level is an error naming the right one,
    never a silently empty result."""
    if metrics is None or not runs or level == "hourly":
        return
    here = {m for r in runs for m in r.metrics(level)}
    other = "platform" if level == "daily" else "daily"
    there = {m for r in runs for m in r.metrics(other)}
    wrong = sorted(m for m in metrics if m not in here and m in there)
    if wrong:
        kind = "per-group" if other == "daily" else "platform"
        raise KeyError(f"{wrong} are {kind} metrics, not at level '{level}': "
                       f"use level='{other}'")


def load_runs(paths_or_dir: PathsOrDir, *, level: str = "daily",
              allow_partial: bool = False,
              metrics: Iterable[str] | None = None) -> xr.Dataset:
    """Many run files as one ``xarray.Dataset``.

    Dims (run, day, group) for ``level="daily"``, (run, day) for "platform",
    (run, hour, group) for "hourly" (only the hourly series are read then).
    Coordinates along ``run``: scenario_name, arm, arm_index, point, replicate,
    seed, complete, days_written (those the files have) and every parameter that
    differs between runs; parameters every run shares are attributes. Shorter
    runs and runs with fewer groups are NaN-padded. Partial runs follow
    :func:`read_runs`. ``ds.to_dataframe()`` gives one row per run x day (x group).
    """
    check_level(level)
    metrics = None if metrics is None else list(metrics)
    levels = ("hourly",) if level == "hourly" else DEFAULT_LEVELS
    runs = read_runs(paths_or_dir, allow_partial=allow_partial, metrics=metrics,
                     levels=levels)
    check_metric_levels(runs, level, metrics)
    return runs_dataset(runs, level, metrics)


def runs_table(runs: list[Run]) -> pd.DataFrame:
    """One row per run: identity, completeness, size, and varied parameters."""
    params = varying_parameters(runs)
    rows = []
    for r in runs:
        row = {"run": r.name, "scenario_name": r.meta["scenario_name"],
               "seed": r.meta["seed"], "complete": r.meta["complete"]}
        row.update({k: r.parameters.get(k) for k in params})
        row.update(days_written=r.n_days, days_planned=r.meta["days_planned"],
                   groups=r.n_groups, commsim_version=r.meta["commsim_version"])
        rows.append(row)
    return pd.DataFrame(rows)
