"""Forest plot of a comparison: each arm's difference from the reference arm.

The numbers are ``summary.csv`` of ``commsim compare`` (the difference of means
and its Welch 95 % CI), drawn as they are so the figure agrees with summary.md.
Metrics have different units, so each gets its own small panel (arms as rows, a
line at zero). An interval is cut where the metric's range makes larger
differences impossible (two shares differ by at most 1; a count cannot fall
below zero, so its difference not below minus the reference mean); a cut end is
drawn as an arrow head and the caption says so. A filled marker is an interval
that excludes zero.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import style
from .style import plt
from .intervals import metric_range
from .numbers import format_number
from .plots import suptitle

COLUMNS = 4


def difference_bounds(unit: str, reference_mean: float) -> tuple[float, float]:
    """The smallest and largest possible difference arm − reference."""
    lo, hi = metric_range(unit)
    low = lo - reference_mean if np.isfinite(lo) else -np.inf
    high = hi - reference_mean if np.isfinite(hi) else np.inf
    return low, high


def forest_table(summary: pd.DataFrame, metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """The rows a forest plot draws: one per metric x non-reference arm, with
    ``diff``, ``low``, ``high`` (cut to the possible range), ``cut_low``/``cut_high``
    flags and ``unit``; metrics in ``metrics`` order (default: summary order)."""
    need = {"metric", "arm", "mean", "diff", "diff_ci_low", "diff_ci_high"}
    missing = need - set(summary.columns)
    if missing:
        raise ValueError(f"summary.csv lacks column(s) {sorted(missing)} for a forest plot")
    ref = (summary["reference_arm"].iloc[0] if "reference_arm" in summary.columns
           else summary["arm"].iloc[0])
    order = list(dict.fromkeys(summary["metric"]))
    if metrics is not None:
        wanted = list(metrics)
        unknown = [m for m in wanted if m not in order]
        if unknown:
            raise KeyError(f"no metric(s) {unknown} in summary.csv; metrics: {', '.join(order)}")
        order = wanted
    rows = []
    for metric in order:
        cell = summary[summary["metric"] == metric]
        ref_rows = cell[cell["arm"] == ref]
        ref_mean = float(ref_rows["mean"].iloc[0]) if len(ref_rows) else np.nan
        unit = str(cell["unit"].iloc[0]) if "unit" in cell.columns else ""
        low_bound, high_bound = difference_bounds(unit, ref_mean)
        for row in cell[cell["arm"] != ref].itertuples(index=False):
            low, high = float(row.diff_ci_low), float(row.diff_ci_high)
            rows.append({"metric": metric, "unit": unit, "arm": row.arm,
                         "diff": float(row.diff),
                         "low": max(low, low_bound), "high": min(high, high_bound),
                         "cut_low": low < low_bound, "cut_high": high > high_bound,
                         "p_value": getattr(row, "p_value", np.nan)})
    return pd.DataFrame(rows, columns=["metric", "unit", "arm", "diff", "low", "high",
                                       "cut_low", "cut_high", "p_value"])


def plot_forest(res, metrics: Iterable[str] | None = None) -> Figure:
    """Small multiples of arm − reference differences with their 95 % CIs."""
    if res.summary is None:
        raise ValueError(f"{res.path}: no summary.csv (made by `commsim compare`) to draw "
                         "a forest plot from")
    table = forest_table(res.summary, metrics)
    if table.empty:
        raise ValueError(f"{res.path}: summary.csv has no arm besides the reference")
    ref = (res.summary["reference_arm"].iloc[0] if "reference_arm" in res.summary.columns
           else res.reference)
    order = list(dict.fromkeys(table["metric"]))
    arms = list(dict.fromkeys(table["arm"]))
    cols = 3 if len(order) in (5, 6, 9) else min(COLUMNS, len(order))  # full rows
    rows = math.ceil(len(order) / cols)
    height = 0.75 + 0.42 * len(arms)
    any_cut = bool((table["cut_low"] | table["cut_high"]).any())
    note = ("; intervals cut at the range the metric allows (arrow heads)" if any_cut else "")
    compared = f"{len(arms)} arm" + ("s" if len(arms) > 1 else "")
    title = (f"Difference from the reference arm '{ref}' — scenario '{res.scenario_name}', "
             f"{compared} compared (mean difference and Welch 95 % CI from summary.csv"
             f"{note}; filled: CI excludes 0)")
    with style.context():
        fig, axes = plt.subplots(rows, cols, figsize=(3.6 * cols, height * rows + 1.2),
                                 squeeze=False, layout="constrained")
        flat = list(axes.ravel())
        for ax in flat[len(order):]:
            ax.set_visible(False)
        for ax, metric in zip(flat, order):
            _panel(ax, table[table["metric"] == metric], arms)
        suptitle(fig, title)
    return fig


def _panel(ax, cell: pd.DataFrame, arms: list[str]) -> None:
    ys = np.arange(len(arms))[::-1]
    pos = dict(zip(arms, ys))
    for i, row in enumerate(cell.itertuples(index=False)):
        y = pos[row.arm]
        color = style.category_style(arms.index(row.arm) + 1)["color"]
        excludes = np.isfinite(row.low) and (row.low > 0 or row.high < 0)
        ax.plot([row.low, row.high], [y, y], color=color, lw=1.8, solid_capstyle="butt")
        ax.plot([row.diff], [y], "o", color=color, markersize=5,
                markerfacecolor=color if excludes else "white")
        for end, cut, mark in ((row.low, row.cut_low, "<"), (row.high, row.cut_high, ">")):
            if cut:
                ax.plot([end], [y], marker=mark, color=color, markersize=6)
        text = format_number(row.diff)
        if np.isfinite(row.low):
            text += f" [{format_number(row.low)}, {format_number(row.high)}]"
        ax.annotate(text, (row.diff, y), xytext=(0, 4), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7, color="#333333")
    ax.axvline(0, color="black", lw=0.8)
    ax.margins(x=0.12)  # room for the numbers beside points near an edge
    ax.set_yticks(ys, arms)
    ax.set_ylim(-0.5, len(arms) - 0.2)
    ax.grid(axis="y", visible=False)
    unit = cell["unit"].iloc[0] if len(cell) else ""
    ax.set_title(cell["metric"].iloc[0] if len(cell) else "")
    ax.set_xlabel(f"difference ({unit})" if unit else "difference")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: format_number(v)))
