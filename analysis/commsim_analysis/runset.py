"""Many run files at once: discovery, partial-run policy, and one tidy frame.

A batch of scenarios or a set of replicates is just a folder of run files; what
a researcher wants is one long frame keyed by run, scenario, seed and whatever
parameters were varied, so that ``groupby`` does the rest. Parameters that are the
same in every run are left out of the frame (they would only repeat a constant);
they stay available in each run's ``meta``.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from .errors import PartialRunWarning
from .runfile import LEVELS, Run, load_run

#: File names inside a run folder that are not run files: the index of a
#: batch/sweep and the statistics of ``commsim compare``.
NON_RUN_FILES = frozenset({"index.h5", "summary.h5"})

PathsOrDir = str | Path | Iterable[str | Path]

#: Parameters already present as their own column (the seed), never repeated.
IDENTITY_PARAMETERS = frozenset({"run.seed"})


def find_run_files(paths_or_dir: PathsOrDir) -> list[Path]:
    """Expand a folder (its ``*.h5`` files, sorted) or a list of files/folders."""
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
              metrics: Iterable[str] | None = None) -> list[Run]:
    """Load every run; partial runs are dropped with one warning naming them all,
    or kept (``meta["complete"]`` False) when ``allow_partial`` is true."""
    metrics = None if metrics is None else list(metrics)
    runs = [load_run(p, allow_partial=True, metrics=metrics)
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


def varying_parameters(runs: list[Run]) -> list[str]:
    """Parameter keys whose value is not identical across all runs (``run.seed``
    excepted: the ``seed`` column already holds it)."""
    keys = sorted({k for r in runs for k in r.parameters} - IDENTITY_PARAMETERS)
    missing = object()
    return [k for k in keys
            if len({repr(r.parameters.get(k, missing)) for r in runs}) > 1]


def run_labels(run: Run, params: list[str]) -> dict[str, Any]:
    """The identifying columns of one run in a collection frame."""
    labels = {"run": run.name, "scenario_name": run.meta["scenario_name"],
              "seed": run.meta["seed"], "complete": run.meta["complete"]}
    labels.update({k: run.parameters.get(k) for k in params})
    return labels


def runs_table(runs: list[Run]) -> pd.DataFrame:
    """One row per run: identity, completeness, size, and varied parameters."""
    params = varying_parameters(runs)
    rows = []
    for r in runs:
        row = run_labels(r, params)
        row.update(days_written=r.n_days, days_planned=r.meta["days_planned"],
                   groups=r.n_groups, commsim_version=r.meta["commsim_version"])
        rows.append(row)
    return pd.DataFrame(rows)


def runs_frame(runs: list[Run], level: str = "platform") -> pd.DataFrame:
    """Stack the tidy ``level`` frames of ``runs`` with their identifying columns.

    The merged units (metric -> unit) are kept in ``frame.attrs["units"]``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    params = varying_parameters(runs)
    frames = []
    for r in runs:
        tidy = getattr(r, level).copy()
        tidy["metric"] = tidy["metric"].astype(str)
        for col, value in reversed(run_labels(r, params).items()):
            tidy.insert(0, col, value)
        frames.append(tidy)
    if frames:
        frame = pd.concat(frames, ignore_index=True)
    else:
        frame = pd.DataFrame(columns=["run", "scenario_name", "seed", "complete",
                                      "day", "metric", "value"])
    frame.attrs["units"] = {m: u for r in runs for m, u in r.units[level].items()}
    return frame


def load_runs(paths_or_dir: PathsOrDir, *, level: str = "platform",
              allow_partial: bool = False,
              metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """One tidy frame across many run files.

    Columns: run (file stem), scenario_name, seed, complete, one column per
    parameter that differs between runs, day, [group when level="daily"], metric,
    value. Partial runs follow :func:`read_runs`.
    """
    runs = read_runs(paths_or_dir, allow_partial=allow_partial, metrics=metrics)
    return runs_frame(runs, level)
