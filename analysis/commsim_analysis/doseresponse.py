"""Dose-response figure of a ``commsim compare`` of a one-parameter sweep.

Each headline metric against the swept parameter (e.g. ``groups.fee``): per arm
the mean over replicates at every point, joined by a line, with the 95 % band the
package draws everywhere (Student t on a scale where the metric's range is the
whole line, so a share's band never leaves [0, 1]; recomputed from ``runs.csv``).
The reference the engine compared with is marked: with arms it is the first arm
(its legend entry says so; every other arm is compared with it at the same
point), without arms it is the first sweep point (ringed, with a dotted line at
its mean, so the differences in summary.csv can be read off the figure).
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import style
from .intervals import method_note
from .numbers import format_number
from .params import parameter_label
from .plots import grid, legend_below, limit_axis, select_metrics
from .sweepplots import _positions, draw_sweep_lines

#: Panels per row (a dose-response of every headline metric is a tall grid).
COLUMNS = 4
REFERENCE_COLOR = "#333333"


def dose_response_data(res) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """(swept parameter, summary.csv, runs.csv) of a dose-response comparison;
    ValueError naming the folder when it is not one."""
    param = res.swept_parameter
    if param is None:
        raise ValueError(f"{res.path}: summary.csv has no sweep (no point column): a "
                         "dose-response needs `commsim compare` of a file with a [sweep]")
    runs = res.run_metrics
    if runs is None or param not in runs.columns:
        raise ValueError(f"{res.path}: runs.csv with a {param} column is missing; rerun "
                         "`commsim compare --resume` to write it")
    return param, res.summary, runs


def reference_caption(summary: pd.DataFrame, param: str) -> str:
    """What each point and arm was compared with, for a title."""
    ref_arm = str(summary["reference_arm"].iloc[0])
    if summary["arm"].nunique() > 1:
        return f"reference: arm '{ref_arm}' at the same {param}"
    first = summary.loc[summary["point"] == summary["reference_point"].iloc[0], param].iloc[0]
    return f"reference: the first point, {param} = {_value(first)} (ringed, dotted line)"


def plot_dose_response(res, metrics: Iterable[str] | None = None) -> Figure:
    """One panel per headline metric (``metrics``, default every one in summary.csv):
    the metric against the swept parameter, one line per arm with its 95 % band."""
    param, summary, runs = dose_response_data(res)
    available = list(dict.fromkeys(summary["metric"]))
    unknown = [m for m in (metrics or []) if m not in available and m != "all"]
    if unknown:
        raise KeyError(f"no metric(s) {unknown} in summary.csv; metrics: {', '.join(available)}")
    names = select_metrics(available, metrics)
    units = dict(zip(summary["metric"], summary["unit"].fillna("").astype(str)))
    arms = list(dict.fromkeys(summary["arm"]))
    by_arm = len(arms) > 1
    ref_arm = str(summary["reference_arm"].iloc[0])
    # The reference arm's lines say so in the legend (the arms keep their colours).
    frame = runs.assign(arm=runs["arm"].map(
        lambda a: f"{a} (reference)" if by_arm and a == ref_arm else a))
    # full rows where possible (as the forest plot): 2 x 2, 2 x 3, 3 x 3
    cols = 3 if len(names) in (5, 6, 9) else COLUMNS
    points, replicates = summary["point"].nunique(), runs.groupby(["arm", "point"]).size()
    reps = (f"{replicates.min()}" if replicates.min() == replicates.max()
            else f"{replicates.min()}–{replicates.max()}")
    shape = f"{points} points" + (f" × {len(arms)} arms" if by_arm else "")
    title = (f"Dose–response over {param} — scenario '{res.scenario_name}' ({shape}, {reps} "
             f"replicates each; mean over replicates, {method_note()}; "
             f"{reference_caption(summary, param)})")
    with style.context():
        fig, flat = grid(len(names), title, cols=cols, panel=(3.9, 3.15), sharex=False)
        for ax, metric in zip(flat, names):
            unit = units.get(metric, "")
            draw_sweep_lines(ax, frame, param, metric, ["arm"] if by_arm else [], unit)
            if not by_arm:
                _mark_reference_point(ax, summary, runs, param, metric)
            ax.set_title(metric)
            ax.set_xlabel(parameter_label(param))
            ax.set_ylabel(style.axis_label(metric, unit))
            limit_axis(ax, unit)
        if by_arm:
            legend_below(fig, *flat[0].get_legend_handles_labels(), ncol=4)
    return fig


def _mark_reference_point(ax, summary: pd.DataFrame, runs: pd.DataFrame, param: str,
                          metric: str) -> None:
    """Ring the first point's mean and draw a dotted line at it: the differences in
    summary.csv are the distances from that line."""
    row = summary[(summary["metric"] == metric)
                  & (summary["point"] == summary["reference_point"])]
    if row.empty or not np.isfinite(row["mean"].iloc[0]):
        return
    mean = float(row["mean"].iloc[0])
    xs, _ = _positions(runs[param].drop_duplicates())
    at = list(runs[param].drop_duplicates()).index(row[param].iloc[0])
    ax.axhline(mean, color=REFERENCE_COLOR, lw=0.8, ls=":", zorder=1)
    ax.plot([xs[at]], [mean], marker="o", markersize=10, markerfacecolor="none",
            markeredgecolor=REFERENCE_COLOR, markeredgewidth=1.2, ls="none",
            label="reference")


def _value(v) -> str:
    return format_number(v, 4) if isinstance(v, (float, np.floating)) else str(v)
