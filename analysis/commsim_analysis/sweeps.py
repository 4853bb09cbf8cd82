"""Parameter sweeps (and any batch) as one dataset: ``load_sweep``.

A sweep of P points x A arms x R replicates is a folder of run files plus
``index.h5`` (see ``index.py``). What a researcher wants from it is one row per
run -- run_id, arm, point, replicate, seed, status, the swept parameters and the
per-run summary numbers -- so that ``groupby(parameter)`` gives the response
curve. A sweep on a cluster is often looked at while incomplete, so runs that did
not finish (failed, partial, damaged, pending, or listed as complete but whose file
has gone) stay in, flagged in ``status``, with their summary values NaN; they are
left out of every statistic, and a warning names them.

The daily series of a sweep's runs are :func:`~commsim_analysis.load_runs` of the
folder (the sweep point and the swept parameters are coordinates along ``run``).
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Sequence

import pandas as pd
import xarray as xr

from .errors import PartialRunWarning, RunFileError
from .index import ID_COLUMNS, Index, read_index
from .runfile import read_run
from .stats import summarize

#: The only status whose numbers are used.
COMPLETE = "complete"
#: Status given here (not by the engine) to a run the index calls complete but
#: whose file is missing: the index is stale (`commsim index DIR` rebuilds it).
MISSING = "missing"

SUMMARY_SUFFIXES = ("_final", "_mean")


def load_sweep(dir_or_index: str | Path, *, warn: bool = True) -> xr.Dataset:
    """One entry per planned run of a batch/sweep/compare folder: dim ``run``
    (the run ids).

    Coordinates along ``run``: scenario_name, arm, point (-1 without a sweep),
    replicate, seed, status (complete | failed | partial | damaged | pending | missing),
    error, file, days_written, days_planned, and one per parameter that runs set
    apart (swept and arm parameters, typed). Data variables: ``<metric>_final``
    and ``<metric>_mean`` of each platform metric (NaN unless the run is
    complete), with ``unit`` and ``metric`` attributes.

    Attributes: ``index`` (path), ``directory``, ``parameters`` and ``summaries``
    (the column names of each kind) and the index's run counts (``runs_total``,
    ``runs_complete``, ...). ``.to_dataframe()`` gives one row per run.
    With ``warn``, runs that are not complete raise one PartialRunWarning naming them.
    """
    index = read_index(dir_or_index)
    frame = _flag_missing_files(index)
    done = frame["status"] == COMPLETE
    frame.loc[~done, index.summaries] = float("nan")
    units = _summary_units(index, frame)
    coords = {c: ("run", frame[c].to_numpy()) for c in ID_COLUMNS if c != "run_id"}
    coords.update({p: ("run", frame[p].to_numpy()) for p in index.parameters})
    coords["run"] = frame["run_id"].to_numpy()
    data = {s: ("run", frame[s].to_numpy(dtype=float),
                {"unit": units.get(s, ""), "metric": metric_of(s)}) for s in index.summaries}
    ds = xr.Dataset(data, coords=coords, attrs={
        "index": str(index.path), "directory": str(index.directory),
        "parameters": list(index.parameters), "summaries": list(index.summaries),
        **index.counts})
    excluded = frame.loc[~done, ["run_id", "status"]]
    if warn and len(excluded):
        warnings.warn(_exclusion_message(index.path, len(frame), excluded),
                      PartialRunWarning, stacklevel=2)
    return ds


def sweep_frame(sweep: xr.Dataset) -> pd.DataFrame:
    """A :func:`load_sweep` dataset as one row per run (``run_id`` a column), the
    ID columns first, then parameters, then summaries (and any variable added)."""
    frame = sweep.to_dataframe().reset_index().rename(columns={"run": "run_id"})
    first = [c for c in ID_COLUMNS if c in frame.columns]
    params = [p for p in sweep.attrs.get("parameters", []) if p in frame.columns]
    rest = [c for c in frame.columns if c not in first and c not in params]
    return frame[first + params + rest]


def _flag_missing_files(index: Index) -> pd.DataFrame:
    """The index's runs with ``missing`` for complete runs whose file is gone."""
    frame = index.runs.copy()
    gone = [(s == COMPLETE and not (index.directory / f).is_file())
            for s, f in zip(frame["status"], frame["file"])]
    frame.loc[gone, "status"] = MISSING
    frame.loc[gone, "error"] = "run file not found (index stale? `commsim index DIR`)"
    return frame


def _exclusion_message(path: Path, total: int, excluded: pd.DataFrame) -> str:
    by_status = excluded.groupby("status")["run_id"].apply(list).to_dict()
    detail = "; ".join(f"{status}: {', '.join(ids[:8])}"
                       + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")
                       for status, ids in by_status.items())
    return (f"{path}: {len(excluded)} of {total} runs are not complete and are "
            f"left out of statistics (flagged in 'status', summaries NaN) -- {detail}")


def _summary_units(index: Index, frame: pd.DataFrame) -> dict[str, str]:
    """Unit of each summary column, read from the first complete run file's
    /platform datasets (the index itself records none)."""
    done = frame.loc[frame["status"] == COMPLETE, "file"]
    if done.empty:
        return {}
    try:
        run = read_run(index.directory / done.iloc[0], metrics=[])
    except (RunFileError, OSError):  # units are a nicety; the run's own read reports it
        return {}
    return {col: run.unit("platform", metric_of(col)) for col in index.summaries}


def metric_of(summary_column: str) -> str:
    """The platform metric a summary column describes: ``members_final`` -> ``members``."""
    for suffix in SUMMARY_SUFFIXES:
        if summary_column.endswith(suffix):
            return summary_column[: -len(suffix)]
    return summary_column


def swept_parameters(sweep: xr.Dataset) -> list[str]:
    """Parameter coordinates that vary between points of one arm: the sweep's
    axes (arm overrides such as ``groups.moderators = 0`` are constant within an arm)."""
    frame = sweep_frame(sweep)
    if frame.empty:
        return []
    return [p for p in sweep.attrs.get("parameters", [])
            if frame.groupby("arm")[p].nunique(dropna=False).max() > 1]


def complete_runs(sweep: xr.Dataset, warn: bool = True) -> xr.Dataset:
    """Only the complete runs; warns (once per call) naming the runs it drops,
    so a statistic never silently covers fewer runs."""
    done = sweep["status"] == COMPLETE
    if warn and not bool(done.all()):
        frame = sweep_frame(sweep)
        dropped = frame.loc[frame["status"] != COMPLETE, ["run_id", "status"]]
        warnings.warn(_exclusion_message(Path(sweep.attrs.get("index", "sweep")),
                                         len(frame), dropped),
                      PartialRunWarning, stacklevel=3)
    return sweep.isel(run=done.values)


def sweep_summary(sweep: xr.Dataset, metric: str, by: Sequence[str],
                  level: float = 0.95, warn: bool = True) -> pd.DataFrame:
    """Mean and confidence interval of ``metric`` over the complete runs of each
    ``by`` cell (e.g. ``["arm", "groups.strictness"]``): columns ``by``, n, mean,
    ci_low, ci_high (range-respecting, from the summary's unit)."""
    if metric not in sweep.variables:
        raise KeyError(f"no variable {metric!r}; summary variables: "
                       f"{', '.join(sweep.attrs.get('summaries', [])) or '(none)'}")
    for col in by:
        if col not in sweep.variables:
            raise KeyError(f"no coordinate {col!r}; parameters: "
                           f"{', '.join(sweep.attrs.get('parameters', [])) or '(none)'}")
    done = sweep_frame(complete_runs(sweep, warn=warn))
    unit = sweep[metric].attrs.get("unit", "")
    return summarize(done, by, value=metric, level=level, unit=unit)
