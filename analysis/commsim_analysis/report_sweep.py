"""The report of a sweep folder: what ran, what did not, and the response curves.

Built from ``index.h5`` through :func:`load_sweep`, so runs that failed, stopped
or never started are listed with their errors instead of vanishing, and every
number is over complete runs only. Per point: the parameter values and the mean
[95 % CI] of a few headline metrics; per swept parameter: a line figure of those
metrics (other parameters as separate lines or pooled, as the figure says).
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import xarray as xr

from .errors import PartialRunWarning, RunFileError
from .markdown import format_mean_ci, image, markdown_table
from .plots import save_figure
from .runfile import read_run
from .sweeps import COMPLETE, load_sweep, sweep_frame, swept_parameters
from .sweepplots import plot_sweep_line

#: Headline summary columns, first found first; "a couple" keep the report short.
HEADLINE = ("members_final", "value_gained_mean", "satisfaction_mean")
#: Rows of the per-point table before it is cut (the index holds them all).
MAX_POINT_ROWS = 100


def headline_metrics(sweep: xr.Dataset, n: int = 3) -> list[str]:
    """The preferred headline summary columns present, else the first ``n``."""
    summaries = sweep.attrs.get("summaries", [])
    chosen = [m for m in HEADLINE if m in summaries]
    return (chosen or summaries)[:n]


def _values(series: pd.Series) -> str:
    values = list(dict.fromkeys(series.sort_values()))
    if len(values) <= 8:
        return ", ".join(map(str, values))
    return f"{len(values)} values from {values[0]} to {values[-1]}"


def point_table(sweep: xr.Dataset, metrics: list[str]) -> pd.DataFrame:
    """One row per (point, arm): parameters, complete runs / runs, mean [CI]."""
    params = sweep.attrs.get("parameters", [])
    units = {m: sweep[m].attrs.get("unit", "") for m in metrics}
    frame = sweep_frame(sweep)
    rows = []
    for (point, arm), cell in frame.groupby(["point", "arm"], sort=True):
        done = cell[cell["status"] == COMPLETE]
        row = {"point": point, "arm": arm, **{p: cell[p].iloc[0] for p in params},
               "complete": f"{len(done)}/{len(cell)}"}
        for m in metrics:
            row[m] = format_mean_ci(done[m].tolist(), units[m])
        rows.append(row)
    return pd.DataFrame(rows)


def _scenario_text(sweep: xr.Dataset, frame: pd.DataFrame) -> list[str]:
    done = frame[frame["status"] == COMPLETE]
    if done.empty:
        return []
    path = Path(sweep.attrs["directory"]) / done["file"].iloc[0]
    try:
        text = str(read_run(path, metrics=[]).meta.get("scenario") or "")
    except (RunFileError, OSError):
        return []
    return ["## Scenario", "", f"<details><summary>scenario text (from "
            f"{done['run_id'].iloc[0]}; each run adds its arm's and point's "
            "settings)</summary>", "", "```toml", text.rstrip(), "```", "", "</details>", ""]


def sweep_report(directory: Path, out: Path) -> tuple[list[str], list[Path]]:
    """Report lines and figure files for a sweep folder."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialRunWarning)  # listed in the report
        sweep = load_sweep(directory)
    frame = sweep_frame(sweep)
    counts = frame["status"].value_counts().to_dict()
    metrics = headline_metrics(sweep)
    swept = swept_parameters(sweep)
    names = ", ".join(f"'{n}'" for n in dict.fromkeys(frame["scenario_name"]))
    lines = [f"# commsim sweep report: {directory.name or directory}", "",
             f"Source: `{directory}/index.h5` — scenario {names}; {len(frame)} planned runs "
             f"({frame['point'].nunique()} points × {frame['arm'].nunique()} arm(s) × "
             f"{frame['replicate'].nunique()} replicate(s)): "
             + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + ".", "",
             "Swept parameters: " + ("; ".join(f"`{p}` = {_values(frame[p])}" for p in swept)
                                     or "none") + ".", ""]
    bad = frame[frame["status"] != COMPLETE]
    if len(bad):
        lines += ["## Runs not complete", "",
                  "Left out of every number and figure below.", "",
                  markdown_table(bad[["run_id", "arm", "point", "replicate", "status",
                                      "error"]]), ""]
    table = point_table(sweep, metrics)
    lines += ["## Summary per point", "",
              "Mean over the complete replicates [95 % confidence interval, kept in the "
              "metric's range]; `_final` = last day, `_mean` = mean over days of the "
              "platform metric.", "", markdown_table(table.head(MAX_POINT_ROWS)), ""]
    if len(table) > MAX_POINT_ROWS:
        lines += [f"({len(table) - MAX_POINT_ROWS} more rows: see `index.h5`, "
                  "or `load_sweep` in Python.)", ""]
    written = []
    if swept and metrics and (frame["status"] == COMPLETE).any():
        lines += ["## Figures", ""]
        for param in swept:
            fig = plot_sweep_line(sweep, param, metrics)
            (path,) = save_figure(fig, out.parent, f"{out.stem}-sweep-{param}", ("png",))
            written.append(path)
            lines += image(path, out, f"{', '.join(metrics)} against {param}")
    lines += _scenario_text(sweep, frame)
    return lines, written
