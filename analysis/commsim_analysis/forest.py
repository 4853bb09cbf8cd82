"""Forest plot of a comparison: each arm's difference from the reference arm.

The numbers are ``summary.csv`` of ``commsim compare`` (the difference of means
and its Welch 95 % CI), drawn as they are so the figure agrees with summary.md.
Metrics have different units, so each gets its own small panel (arms as rows, a
line at zero). An interval is cut where the metric's range makes larger
differences impossible (two shares differ by at most 1; a count cannot fall
below zero, so its difference not below minus the reference mean); a cut end is
drawn as an arrow head and the caption says so. A filled marker is an interval
that excludes zero.

For a dose-response comparison (a one-parameter sweep) each panel has a row per
sweep point and arm, grouped by point: with arms, each arm's difference from the
first arm *at the same point* -- every point rather than only the last, because
whether an arm's effect grows, shrinks or flips along the dose is what such a
design is for; without arms, each point's difference from the first point. The
caption says which.
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
from .results import swept_parameter

COLUMNS = 4


def difference_bounds(unit: str, reference_mean: float) -> tuple[float, float]:
    """The smallest and largest possible difference arm − reference."""
    lo, hi = metric_range(unit)
    low = lo - reference_mean if np.isfinite(lo) else -np.inf
    high = hi - reference_mean if np.isfinite(hi) else np.inf
    return low, high


def forest_table(summary: pd.DataFrame, metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """The rows a forest plot draws: one per metric x row that is not the reference
    (an arm; with a sweep an arm at a point), with ``diff``, ``low``, ``high`` (cut
    to the possible range), ``cut_low``/``cut_high`` flags, ``unit``, ``point`` (-1
    without a sweep) and ``label`` (the arm, or e.g. ``groups.fee=2: leaderless``);
    metrics in ``metrics`` order (default: summary order)."""
    need = {"metric", "arm", "mean", "diff", "diff_ci_low", "diff_ci_high"}
    missing = need - set(summary.columns)
    if missing:
        raise ValueError(f"summary.csv lacks column(s) {sorted(missing)} for a forest plot")
    ref = (summary["reference_arm"].iloc[0] if "reference_arm" in summary.columns
           else summary["arm"].iloc[0])
    param = swept_parameter(summary)
    if param is None:  # arms only: one "point", the reference arm's row is the reference
        summary = summary.assign(point=-1, reference_point=-1)
    by_arm = summary["arm"].nunique() > 1
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
        means = {(r["arm"], r["point"]): float(r["mean"]) for r in cell.to_dict("records")}
        unit = str(cell["unit"].iloc[0]) if "unit" in cell.columns else ""
        for row in cell.to_dict("records"):
            if row["arm"] == ref and row["point"] == row["reference_point"]:
                continue  # the reference itself: difference 0 by definition
            ref_mean = means.get((ref, row["reference_point"]), np.nan)
            low_bound, high_bound = difference_bounds(unit, ref_mean)
            low, high = float(row["diff_ci_low"]), float(row["diff_ci_high"])
            rows.append({"metric": metric, "unit": unit, "arm": row["arm"],
                         "point": int(row["point"]), "label": _label(row, param, by_arm),
                         "diff": float(row["diff"]),
                         "low": max(low, low_bound), "high": min(high, high_bound),
                         "cut_low": low < low_bound, "cut_high": high > high_bound,
                         "p_value": row.get("p_value", np.nan)})
    return pd.DataFrame(rows, columns=["metric", "unit", "arm", "point", "label", "diff",
                                       "low", "high", "cut_low", "cut_high", "p_value"])


def _label(row: dict, param: str | None, by_arm: bool) -> str:
    """A forest row's name: the arm; with a sweep the point's value (and the arm)."""
    if param is None:
        return str(row["arm"])
    value = format_number(row[param], 4) if isinstance(row[param], float) else row[param]
    return f"{param}={value}" + (f": {row['arm']}" if by_arm else "")


def reference_note(summary: pd.DataFrame, fallback: str | None = None) -> str:
    """What the differences are taken from, for a caption."""
    ref = (summary["reference_arm"].iloc[0] if "reference_arm" in summary.columns
           else fallback)
    param = swept_parameter(summary)
    if param is None:
        return f"Difference from the reference arm '{ref}'"
    if summary["arm"].nunique() > 1:
        return (f"Difference from the reference arm '{ref}' at the same {param}, at every "
                "sweep point (rows grouped by point)")
    first = summary.loc[summary["point"] == summary["reference_point"], param].iloc[0]
    value = format_number(first, 4) if isinstance(first, float) else first
    return f"Difference from the first sweep point, {param}={value}"


def plot_forest(res, metrics: Iterable[str] | None = None) -> Figure:
    """Small multiples of arm − reference differences with their 95 % CIs."""
    if res.summary is None:
        raise ValueError(f"{res.path}: no summary.csv (made by `commsim compare`) to draw "
                         "a forest plot from")
    table = forest_table(res.summary, metrics)
    if table.empty:
        raise ValueError(f"{res.path}: summary.csv has no arm besides the reference")
    order = list(dict.fromkeys(table["metric"]))
    labels = list(dict.fromkeys(table["label"]))
    arms = list(dict.fromkeys(res.summary["arm"]))  # colours by arm, as in other figures
    cols = 3 if len(order) in (5, 6, 9) else min(COLUMNS, len(order))  # full rows
    rows = math.ceil(len(order) / cols)
    height = 0.75 + 0.42 * len(labels)
    any_cut = bool((table["cut_low"] | table["cut_high"]).any())
    note = ("; intervals cut at the range the metric allows (arrow heads)" if any_cut else "")
    compared = (f"{len(labels)} row" + ("s" if len(labels) > 1 else "")
                if swept_parameter(res.summary) else
                f"{len(labels)} arm" + ("s" if len(labels) > 1 else ""))
    title = (f"{reference_note(res.summary, res.reference)} — scenario "
             f"'{res.scenario_name}', {compared} compared (mean difference and Welch 95 % CI "
             f"from summary.csv{note}; filled: CI excludes 0)")
    with style.context():
        fig, axes = plt.subplots(rows, cols, figsize=(3.6 * cols, height * rows + 1.2),
                                 squeeze=False, layout="constrained")
        flat = list(axes.ravel())
        for ax in flat[len(order):]:
            ax.set_visible(False)
        for ax, metric in zip(flat, order):
            _panel(ax, table[table["metric"] == metric], labels, arms)
        suptitle(fig, title)
    return fig


def _panel(ax, cell: pd.DataFrame, labels: list[str], arms: list[str]) -> None:
    ys = np.arange(len(labels))[::-1]
    pos = dict(zip(labels, ys))
    for i, row in enumerate(cell.itertuples(index=False)):
        y = pos[row.label]
        # each arm its colour in every figure (the reference arm, 0, is drawn only when
        # it is the one arm of a sweep)
        color = style.category_style(arms.index(row.arm))["color"]
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
    ax.set_yticks(ys, labels)
    ax.set_ylim(-0.5, len(labels) - 0.2)
    ax.grid(axis="y", visible=False)
    unit = cell["unit"].iloc[0] if len(cell) else ""
    ax.set_title(cell["metric"].iloc[0] if len(cell) else "")
    ax.set_xlabel(f"difference ({unit})" if unit else "difference")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: format_number(v)))
