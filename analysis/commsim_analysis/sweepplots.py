"""Response curves and maps of a sweep: headline metric against parameters.

Inputs are :func:`commsim_analysis.load_sweep` frames (one row per run). Only
complete runs enter a mean; the title says how many runs were left out, so a
figure of an unfinished sweep cannot pass for a finished one. Replicates give a
95 % Student-t band (none with a single replicate). Parameters not on an axis
are either separate lines (few combinations) or pooled, and the title says which.
"""
from __future__ import annotations

import math
from typing import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import style
from .params import parameter_label
from .stats import summarize
from .sweep import COMPLETE, swept_parameters

#: More combinations of the other parameters than this are pooled, not drawn.
MAX_LINES = 8
#: Axes with more distinct values than this are not a grid: scatter, not cells.
MAX_GRID_VALUES = 25
#: Cells annotated with their value up to this many.
MAX_ANNOTATED = 64
HEATMAP_CMAP = "viridis"  # perceptually uniform, readable with colour blindness


def _check(frame: pd.DataFrame, columns: Sequence[str], metrics: Sequence[str]) -> None:
    params = frame.attrs.get("parameters", [])
    for col in columns:
        if col not in frame.columns:
            raise KeyError(f"no parameter {col!r} in this sweep; parameters: "
                           f"{', '.join(params) or '(none)'}")
    summaries = frame.attrs.get("summaries", [])
    for m in metrics:
        if m not in frame.columns:
            raise KeyError(f"no metric {m!r} in this sweep's index; metrics: "
                           f"{', '.join(summaries) or '(none)'}")


def _scenario(frame: pd.DataFrame) -> str:
    return ", ".join(f"'{n}'" for n in dict.fromkeys(frame["scenario_name"].astype(str)))


def _excluded_note(frame: pd.DataFrame) -> str:
    bad = int((frame["status"] != COMPLETE).sum())
    return f"; {bad} of {len(frame)} runs not complete, excluded" if bad else ""


def _split_others(frame: pd.DataFrame, axes: Sequence[str]) -> tuple[list[str], list[str]]:
    """Other parameters that vary: (drawn as separate series, pooled)."""
    others = [p for p in swept_parameters(frame) if p not in axes]
    series = ["arm"] if frame["arm"].nunique() > 1 else []
    combos = frame[series + others].drop_duplicates() if series + others else frame.iloc[:1]
    if len(combos) <= MAX_LINES:
        return series + others, []
    return series, others


def _in_series_order(done: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Arms in scenario order, then the other parameters by value, so lines keep
    their colours from one figure to the next."""
    rank = {a: i for i, a in enumerate(frame.attrs.get("arms") or dict.fromkeys(frame["arm"]))}
    keys = ["_arm_rank", *swept_parameters(frame)]
    return (done.assign(_arm_rank=done["arm"].map(rank))
                .sort_values(keys, kind="stable").drop(columns="_arm_rank"))


def _label(keys: Sequence[str], values: tuple) -> str:
    return ", ".join(str(v) if k == "arm" else f"{k}={v}" for k, v in zip(keys, values))


def _positions(values: pd.Series) -> tuple[np.ndarray, list[str] | None]:
    """Numeric x values as they are; text values at 0, 1, ... with tick labels."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.to_numpy(dtype=float), None
    cats = list(dict.fromkeys(sorted(values.astype(str))))
    return values.astype(str).map({c: i for i, c in enumerate(cats)}).to_numpy(float), cats


def plot_sweep_line(frame: pd.DataFrame, x: str, metrics: Sequence[str] | str,
                    units: dict[str, str] | None = None) -> Figure:
    """One panel per metric: mean over replicates against ``x`` with a 95 % band,
    one line per arm (and per combination of other varied parameters if few)."""
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    _check(frame, [x], metrics)
    units = frame.attrs.get("units", {}) if units is None else units
    done = _in_series_order(frame[frame["status"] == COMPLETE], frame)
    series, pooled = _split_others(frame, [x])
    cols = min(3, len(metrics))
    rows = math.ceil(len(metrics) / cols)
    pooled_note = f"; pooled over {', '.join(pooled)}" if pooled else ""
    title = (f"Sweep of {x} — scenario {_scenario(frame)}\n(mean over replicates, 95 % CI"
             f"{pooled_note}{_excluded_note(frame)})")
    with plt.rc_context(style.RC):
        fig, axes = plt.subplots(rows, cols, figsize=(4.4 * cols, 3.2 * rows + 0.6),
                                 squeeze=False)
        flat = list(axes.ravel())
        for ax in flat[len(metrics):]:
            ax.set_visible(False)
        for ax, metric in zip(flat, metrics):
            _draw_lines(ax, done, x, metric, series)
            ax.set_xlabel(parameter_label(x))
            ax.set_ylabel(style.axis_label(metric, units.get(metric, "")))
            ax.set_title(metric)
        last = flat[len(metrics) - 1]
        if series and last.get_legend_handles_labels()[0]:
            last.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0))  # outside the data
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
    return fig


def _draw_lines(ax, done: pd.DataFrame, x: str, metric: str, series: list[str]) -> None:
    if not series:
        groups = [((), done)]
    elif done.empty:
        groups = []
    else:  # a scalar key for one column (pandas warns about 1-lists)
        groups = done.groupby(series[0] if len(series) == 1 else series, sort=False)
    for i, (key, cell) in enumerate(groups):
        key = key if isinstance(key, tuple) else (key,)
        stats = summarize(cell, [x], value=metric)
        stats = stats[stats["n"] > 0]
        if stats.empty:
            continue
        xs, cats = _positions(stats[x])
        order = np.argsort(xs)
        kw = style.category_style(i)
        lo_n, hi_n = int(stats["n"].min()), int(stats["n"].max())
        n = f"{lo_n}" if lo_n == hi_n else f"{lo_n}–{hi_n}"
        label = (_label(series, key) + f" (n={n})") if series else None
        mean = stats["mean"].to_numpy()[order]
        ax.plot(xs[order], mean, marker="o", markersize=3, lw=1.6, label=label, **kw)
        lo, hi = stats["ci_low"].to_numpy()[order], stats["ci_high"].to_numpy()[order]
        if np.isfinite(lo).any():
            # band between neighbours with CIs, bars at every point that has one
            # (a point with one replicate breaks the band but keeps its neighbours')
            ax.fill_between(xs[order], lo, hi, color=kw["color"], alpha=style.BAND_ALPHA,
                            lw=0)
            ax.errorbar(xs[order], mean, yerr=np.vstack([mean - lo, hi - mean]),
                        fmt="none", ecolor=kw["color"], elinewidth=0.8, capsize=2)
        if cats:
            ax.set_xticks(range(len(cats)), cats)


def plot_sweep_heatmap(frame: pd.DataFrame, x: str, y: str, metric: str,
                       units: dict[str, str] | None = None) -> Figure:
    """Mean of ``metric`` over replicates on the (x, y) grid, one panel per arm;
    designs that are not grids (LHS, Sobol') are drawn as coloured points."""
    _check(frame, [x, y], [metric])
    if x == y:
        raise ValueError(f"--x and --y are both {x!r}")
    units = frame.attrs.get("units", {}) if units is None else units
    done = frame[frame["status"] == COMPLETE]
    arms = list(dict.fromkeys(frame["arm"]))
    pooled = [p for p in swept_parameters(frame) if p not in (x, y)]
    cells = summarize(done, ["arm", x, y], value=metric) if len(done) else pd.DataFrame(
        columns=["arm", x, y, "n", "mean"])
    vmin, vmax = (np.nanmin(cells["mean"]), np.nanmax(cells["mean"])) if len(cells) else (0, 1)
    pooled_note = f"; pooled over {', '.join(pooled)}" if pooled else ""
    title = (f"{metric} over {x} × {y} — scenario {_scenario(frame)}\n(mean over "
             f"replicates{pooled_note}{_excluded_note(frame)})")
    with plt.rc_context(style.RC):
        fig, axes = plt.subplots(1, len(arms), figsize=(4.8 * len(arms) + 1.0, 4.2),
                                 squeeze=False, layout="constrained")
        image = None
        for ax, arm in zip(axes[0], arms):
            image = _draw_cells(ax, cells[cells["arm"] == arm], frame, x, y, vmin, vmax)
            ax.set_xlabel(parameter_label(x))
            ax.set_ylabel(parameter_label(y))
            ax.grid(False)
            if len(arms) > 1:
                ax.set_title(f"arm {arm}")
        if image is not None:
            bar = fig.colorbar(image, ax=list(axes[0]))
            bar.set_label(style.axis_label(metric, units.get(metric, ""), "mean "))
        fig.suptitle(title, fontsize=10)
    return fig


def _draw_cells(ax, cells: pd.DataFrame, frame: pd.DataFrame, x: str, y: str,
                vmin: float, vmax: float):
    xs_all, ys_all = frame[x].drop_duplicates(), frame[y].drop_duplicates()
    grid = len(xs_all) <= MAX_GRID_VALUES and len(ys_all) <= MAX_GRID_VALUES
    cmap = plt.get_cmap(HEATMAP_CMAP).copy()
    cmap.set_bad("#d9d9d9")  # cells without a complete run: grey, not a colour
    if not grid:
        px, _ = _positions(cells[x])
        py, _ = _positions(cells[y])
        return ax.scatter(px, py, c=cells["mean"], cmap=cmap, vmin=vmin, vmax=vmax,
                          s=30, edgecolors="none")
    xv = sorted(xs_all, key=_sort_key)
    yv = sorted(ys_all, key=_sort_key)
    table = np.full((len(yv), len(xv)), np.nan)
    for row in cells.itertuples(index=False):
        values = dict(zip(cells.columns, row))
        table[yv.index(values[y]), xv.index(values[x])] = values["mean"]
    image = ax.imshow(np.ma.masked_invalid(table), origin="lower", aspect="auto",
                      cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    ax.set_xticks(range(len(xv)), [_tick(v) for v in xv])
    ax.set_yticks(range(len(yv)), [_tick(v) for v in yv])
    if table.size <= MAX_ANNOTATED:
        mid = (vmin + vmax) / 2
        for (i, j), v in np.ndenumerate(table):
            if np.isfinite(v):
                ax.text(j, i, f"{v:.3g}", ha="center", va="center", fontsize=7,
                        color="black" if v > mid else "white")
    return image


def _sort_key(v):
    return (0, float(v), "") if isinstance(v, (int, float, np.number)) else (1, 0.0, str(v))


def _tick(v) -> str:
    return f"{v:.4g}" if isinstance(v, (float, np.floating)) else str(v)
