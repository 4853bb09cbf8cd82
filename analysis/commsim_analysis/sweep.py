"""Parameter sweeps (and any batch) as one frame: ``load_sweep``.

A sweep of P points x A arms x R replicates is a folder of run files plus
``index.h5`` (see ``index.py``). What a researcher wants from it is one row per
run -- run_id, arm, point, replicate, seed, status, the swept parameters and the
per-run headline numbers -- so that ``groupby(parameter)`` gives the response
curve. A sweep on a cluster is often looked at while incomplete, so runs that did
not finish (failed, partial, pending, or listed as complete but whose file has
gone) stay in the frame, flagged in ``status``, with their summary values blanked
to NaN; they are left out of every statistic, and a warning names them.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterable, Sequence

import h5py
import pandas as pd

from .attrs import read_attrs
from .errors import PartialRunWarning
from .index import Index, read_index
from .runfile import load_run
from .stats import summarize

#: The only status whose numbers are used.
COMPLETE = "complete"
#: Status given here (not by the engine) to a run the index calls complete but
#: whose file is missing: the index is stale (`commsim index DIR` rebuilds it).
MISSING = "missing"

SUMMARY_SUFFIXES = ("_final", "_mean")


def load_sweep(dir_or_index: str | Path, *, series: bool = False,
               metrics: Iterable[str] | None = None):
    """One row per planned run of a batch/sweep/compare folder.

    Columns: run_id, scenario_name, arm, point (-1 without a sweep), replicate,
    seed, status (complete | failed | partial | pending | missing), error, file,
    days_written, days_planned, one column per parameter that runs set apart
    (swept and arm parameters, typed), then ``<metric>_final`` and
    ``<metric>_mean`` for each platform metric (NaN unless the run is complete).

    ``frame.attrs``: ``index`` (path), ``directory``, ``parameters`` (parameter
    columns), ``summaries`` (summary columns), ``arms`` (scenario order),
    ``counts`` (runs_total, runs_complete, ... from the index), ``excluded``
    (run_id -> status of every run left out of statistics) and ``units``
    (summary column -> unit of its platform metric).

    ``series=True`` returns ``(frame, series)``, ``series`` being the platform
    daily series of every complete run, tidy: run_id, arm, point, replicate,
    <parameters>, day, metric, value (``metrics`` limits the platform metrics
    read). Incomplete runs raise a :class:`PartialRunWarning` listing them.
    """
    index = read_index(dir_or_index)
    frame = _flag_missing_files(index)
    excluded = frame.loc[frame["status"] != COMPLETE, ["run_id", "status"]]
    frame.loc[frame["status"] != COMPLETE, index.summaries] = float("nan")
    frame.attrs.update(
        index=str(index.path), directory=str(index.directory),
        parameters=list(index.parameters), summaries=list(index.summaries),
        arms=list(dict.fromkeys(frame["arm"])), counts=dict(index.counts),
        excluded=dict(zip(excluded["run_id"], excluded["status"])),
        units=_summary_units(index, frame))
    if len(excluded):
        warnings.warn(_exclusion_message(index.path, frame, excluded),
                      PartialRunWarning, stacklevel=2)
    if not series:
        return frame
    return frame, sweep_series(frame, metrics)


def _flag_missing_files(index: Index) -> pd.DataFrame:
    """The index's runs with ``missing`` for complete runs whose file is gone."""
    frame = index.runs.copy()
    gone = [(s == COMPLETE and not (index.directory / f).is_file())
            for s, f in zip(frame["status"], frame["file"])]
    frame.loc[gone, "status"] = MISSING
    frame.loc[gone, "error"] = "run file not found (index stale? `commsim index DIR`)"
    return frame


def _exclusion_message(path: Path, frame: pd.DataFrame, excluded: pd.DataFrame) -> str:
    by_status = excluded.groupby("status")["run_id"].apply(list).to_dict()
    detail = "; ".join(f"{status}: {', '.join(ids[:8])}"
                       + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")
                       for status, ids in by_status.items())
    return (f"{path}: {len(excluded)} of {len(frame)} runs are not complete and are "
            f"left out of statistics (flagged in 'status', summaries NaN) -- {detail}")


def _summary_units(index: Index, frame: pd.DataFrame) -> dict[str, str]:
    """Unit of each summary column, read from the first complete run file's
    /platform datasets (the index itself records none)."""
    done = frame.loc[frame["status"] == COMPLETE, "file"]
    if done.empty:
        return {}
    try:
        with h5py.File(index.directory / done.iloc[0], "r") as handle:
            units = {m: str(read_attrs(ds).get("unit", ""))
                     for m, ds in handle["platform"].items()}
    except (OSError, KeyError):  # unreadable: units are a nicety, not data
        return {}
    return {col: units.get(metric_of(col), "") for col in index.summaries}


def metric_of(summary_column: str) -> str:
    """The platform metric a summary column describes: ``members_final`` -> ``members``."""
    for suffix in SUMMARY_SUFFIXES:
        if summary_column.endswith(suffix):
            return summary_column[: -len(suffix)]
    return summary_column


def swept_parameters(frame: pd.DataFrame) -> list[str]:
    """Parameter columns that vary between points of one arm: the sweep's axes
    (arm overrides such as ``groups.moderators = 0`` are constant within an arm)."""
    params = frame.attrs.get("parameters", [])
    if frame.empty:
        return []
    return [p for p in params
            if frame.groupby("arm")[p].nunique(dropna=False).max() > 1]


def complete_runs(frame: pd.DataFrame, warn: bool = True) -> pd.DataFrame:
    """Only the complete runs of a :func:`load_sweep` frame; warns (once per call)
    naming the runs it drops, so a statistic never silently covers fewer runs."""
    done = frame[frame["status"] == COMPLETE]
    dropped = frame.loc[frame["status"] != COMPLETE, ["run_id", "status"]]
    if warn and len(dropped):
        path = Path(frame.attrs.get("index", "sweep"))
        warnings.warn(_exclusion_message(path, frame, dropped), PartialRunWarning,
                      stacklevel=3)
    return done


def sweep_summary(frame: pd.DataFrame, metric: str, by: Sequence[str],
                  level: float = 0.95, warn: bool = True) -> pd.DataFrame:
    """Mean and t confidence interval of ``metric`` over the complete runs of
    each ``by`` cell (e.g. ``["arm", "groups.strictness"]``): columns ``by``, n,
    mean, ci_low, ci_high."""
    if metric not in frame.columns:
        raise KeyError(f"no column {metric!r}; summary columns: "
                       f"{', '.join(frame.attrs.get('summaries', [])) or '(none)'}")
    for col in by:
        if col not in frame.columns:
            raise KeyError(f"no column {col!r}; parameter columns: "
                           f"{', '.join(frame.attrs.get('parameters', [])) or '(none)'}")
    done = complete_runs(frame, warn=warn)
    return summarize(done, by, value=metric, level=level)


def sweep_series(frame: pd.DataFrame, metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """Platform daily series of the complete runs of a :func:`load_sweep` frame,
    read from the run files (validated like any run file), tidy with the run's
    identifying and parameter columns."""
    directory = Path(frame.attrs["directory"])
    labels = ["run_id", "arm", "point", "replicate", *frame.attrs.get("parameters", [])]
    metrics = None if metrics is None else list(metrics)
    parts = []
    for row in frame[frame["status"] == COMPLETE].itertuples(index=False):
        run = load_run(directory / row.file, metrics=metrics)
        tidy = run.platform.copy()
        tidy["metric"] = tidy["metric"].astype(str)
        values = dict(zip(frame.columns, row))
        for col in reversed(labels):
            tidy.insert(0, col, values[col])
        parts.append(tidy)
    if not parts:
        return pd.DataFrame(columns=[*labels, "day", "metric", "value"])
    return pd.concat(parts, ignore_index=True)
