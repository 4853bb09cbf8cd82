"""Response curves and maps of a sweep: a summary metric against parameters.

Inputs are :func:`commsim_analysis.load_sweep` datasets (one entry per run; a
variable added to it, e.g. a ratio of two summaries, can be drawn too). Only
complete runs enter a mean; the title says how many runs were left out, so a
figure of an unfinished sweep cannot pass for a finished one. Replicates give a
range-respecting 95 % band (none with a single replicate). Parameters not on an
axis are either separate lines (few combinations) or pooled, and the title says
which. Heatmap cells show the mean, its interval and n, and cells with fewer
than :data:`LOW_N` complete runs are hatched.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd
import xarray as xr
from matplotlib.figure import Figure

from . import style
from .style import plt
from .intervals import method_note
from .numbers import format_number
from .params import parameter_label
from .plots import legend_below, limit_axis, suptitle
from .stats import summarize
from .sweeps import COMPLETE, sweep_frame, swept_parameters

#: More combinations of the other parameters than this are pooled, not drawn.
MAX_LINES = 8
#: Axes with more distinct values than this are not a grid: scatter, not cells.
MAX_GRID_VALUES = 25
#: Cells annotated with mean, interval and n up to this many; with the mean only
#: up to MAX_ANNOTATED.
MAX_DETAILED = 30
MAX_ANNOTATED = 64
#: Cells with fewer complete runs than this are hatched as uncertain.
LOW_N = 3
HEATMAP_CMAP = "viridis"  # perceptually uniform, readable with colour blindness


def _check(sweep: xr.Dataset, columns: Sequence[str], metrics: Sequence[str]) -> None:
    params = sweep.attrs.get("parameters", [])
    for col in columns:
        if col not in sweep.variables:
            raise KeyError(f"no parameter {col!r} in this sweep; parameters: "
                           f"{', '.join(params) or '(none)'}")
    summaries = sweep.attrs.get("summaries", [])
    for m in metrics:
        if m not in sweep.data_vars:
            raise KeyError(f"no metric {m!r} in this sweep's index; metrics: "
                           f"{', '.join(summaries) or '(none)'}")


def _unit(sweep: xr.Dataset, metric: str) -> str:
    return sweep[metric].attrs.get("unit", "")


def _scenario(frame: pd.DataFrame) -> str:
    return ", ".join(f"'{n}'" for n in dict.fromkeys(frame["scenario_name"].astype(str)))


def _excluded_note(frame: pd.DataFrame) -> str:
    bad = int((frame["status"] != COMPLETE).sum())
    return f"; {bad} of {len(frame)} runs not complete, excluded" if bad else ""


def _split_others(sweep: xr.Dataset, frame: pd.DataFrame,
                  axes: Sequence[str]) -> tuple[list[str], list[str]]:
    """Other parameters that vary: (drawn as separate series, pooled)."""
    others = [p for p in swept_parameters(sweep) if p not in axes]
    series = ["arm"] if frame["arm"].nunique() > 1 else []
    combos = frame[series + others].drop_duplicates() if series + others else frame.iloc[:1]
    if len(combos) <= MAX_LINES:
        return series + others, []
    return series, others


def _in_series_order(done: pd.DataFrame, frame: pd.DataFrame,
                     params: list[str]) -> pd.DataFrame:
    """Arms in scenario order, then the other parameters by value, so lines keep
    their colours from one figure to the next."""
    rank = {a: i for i, a in enumerate(dict.fromkeys(frame["arm"]))}
    keys = ["_arm_rank", *params]
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


def plot_sweep_line(sweep: xr.Dataset, x: str, metrics: Sequence[str] | str) -> Figure:
    """One panel per metric: mean over replicates against ``x`` with a 95 % band,
    one line per arm (and per combination of other varied parameters if few)."""
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    _check(sweep, [x], metrics)
    frame = sweep_frame(sweep)
    done = _in_series_order(frame[frame["status"] == COMPLETE], frame,
                            swept_parameters(sweep))
    series, pooled = _split_others(sweep, frame, [x])
    cols = min(3, len(metrics))
    rows = math.ceil(len(metrics) / cols)
    pooled_note = f"; pooled over {', '.join(pooled)}" if pooled else ""
    title = (f"Sweep of {x} — scenario {_scenario(frame)}\n(mean over replicates"
             f"{pooled_note}{_excluded_note(frame)}; {method_note()})")
    with style.context():
        fig, axes = plt.subplots(rows, cols, figsize=(4.6 * cols, 3.4 * rows + 1.0),
                                 squeeze=False, layout="constrained")
        flat = list(axes.ravel())
        for ax in flat[len(metrics):]:
            ax.set_visible(False)
        for ax, metric in zip(flat, metrics):
            draw_sweep_lines(ax, done, x, metric, series, _unit(sweep, metric))
            ax.set_xlabel(parameter_label(x))
            ax.set_ylabel(style.axis_label(metric, _unit(sweep, metric)))
            ax.set_title(metric)
            limit_axis(ax, _unit(sweep, metric))
        suptitle(fig, title)
        if series:
            legend_below(fig, *flat[0].get_legend_handles_labels(), ncol=3)
    return fig


def draw_sweep_lines(ax, done: pd.DataFrame, x: str, metric: str, series: list[str],
                     unit: str) -> None:
    """Mean of ``metric`` over the rows of each ``x`` value with its range-respecting
    band, one line per combination of ``series`` columns (in order of appearance),
    labelled with it and n. Shared by sweep and dose-response figures."""
    if not series:
        groups = [((), done)]
    elif done.empty:
        groups = []
    else:  # a scalar key for one column (pandas warns about 1-lists)
        groups = done.groupby(series[0] if len(series) == 1 else series, sort=False)
    for i, (key, cell) in enumerate(groups):
        key = key if isinstance(key, tuple) else (key,)
        stats = summarize(cell, [x], value=metric, unit=unit)
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
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: format_number(v)))


def plot_sweep_heatmap(sweep: xr.Dataset, x: str, y: str, metric: str) -> Figure:
    """Mean of ``metric`` over replicates on the (x, y) grid, one panel per arm;
    each cell shows the mean, its 95 % interval and n; cells with fewer than
    LOW_N complete runs are hatched. Designs that are not grids (LHS, Sobol')
    are drawn as coloured points."""
    _check(sweep, [x, y], [metric])
    if x == y:
        raise ValueError(f"--x and --y are both {x!r}")
    unit = _unit(sweep, metric)
    frame = sweep_frame(sweep)
    done = frame[frame["status"] == COMPLETE]
    arms = list(dict.fromkeys(frame["arm"]))
    pooled = [p for p in swept_parameters(sweep) if p not in (x, y)]
    cells = summarize(done, ["arm", x, y], value=metric, unit=unit) if len(done) else \
        pd.DataFrame(columns=["arm", x, y, "n", "mean", "ci_low", "ci_high"])
    vmin, vmax = (np.nanmin(cells["mean"]), np.nanmax(cells["mean"])) if len(cells) else (0, 1)
    pooled_note = f"; pooled over {', '.join(pooled)}" if pooled else ""
    low = int((cells["n"] < LOW_N).sum()) if len(cells) else 0
    low_note = f"; hatched: fewer than {LOW_N} complete runs ({low} cells)" if low else ""
    title = (f"{metric} over {x} × {y} — scenario {_scenario(frame)}\n(mean over "
             f"replicates, [95 % CI] and n per cell{pooled_note}{_excluded_note(frame)}"
             f"{low_note})")
    with style.context():
        fig, axes = plt.subplots(1, len(arms), figsize=(5.2 * len(arms) + 1.2, 4.8),
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
            bar.set_label(style.axis_label(metric, unit, "mean "))
            bar.formatter = plt.FuncFormatter(lambda v, _: format_number(v))
            bar.update_ticks()
        suptitle(fig, title)
    return fig


def _cell_text(mean: float, lo: float, hi: float, n: int, detailed: bool) -> str:
    if not detailed:
        return format_number(mean)
    interval = (f"\n[{format_number(lo)}, {format_number(hi)}]"
                if np.isfinite(lo) else "\n(no CI)")
    return f"{format_number(mean)}{interval}\nn={n}"


def _draw_cells(ax, cells: pd.DataFrame, frame: pd.DataFrame, x: str, y: str,
                vmin: float, vmax: float):
    xs_all, ys_all = frame[x].drop_duplicates(), frame[y].drop_duplicates()
    grid = len(xs_all) <= MAX_GRID_VALUES and len(ys_all) <= MAX_GRID_VALUES
    cmap = plt.get_cmap(HEATMAP_CMAP).copy()
    cmap.set_bad("#d9d9d9")  # cells without a complete run: grey, not a colour
    if not grid:
        px, _ = _positions(cells[x])
        py, _ = _positions(cells[y])
        sizes = np.where(cells["n"].to_numpy() < LOW_N, 12, 30)
        return ax.scatter(px, py, c=cells["mean"], cmap=cmap, vmin=vmin, vmax=vmax,
                          s=sizes, edgecolors="none")
    xv = sorted(xs_all, key=_sort_key)
    yv = sorted(ys_all, key=_sort_key)
    shape = (len(yv), len(xv))
    table, lo, hi = np.full(shape, np.nan), np.full(shape, np.nan), np.full(shape, np.nan)
    count = np.zeros(shape, dtype=int)
    for row in cells.to_dict("records"):
        at = (yv.index(row[y]), xv.index(row[x]))
        table[at], lo[at], hi[at], count[at] = (row["mean"], row["ci_low"], row["ci_high"],
                                                row["n"])
    image = ax.imshow(np.ma.masked_invalid(table), origin="lower", aspect="auto",
                      cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    ax.set_xticks(range(len(xv)), [_tick(v) for v in xv])
    ax.set_yticks(range(len(yv)), [_tick(v) for v in yv])
    for (i, j), n in np.ndenumerate(count):
        if 0 < n < LOW_N:
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///",
                                       edgecolor="white", lw=0))
    if table.size <= MAX_ANNOTATED:
        detailed = table.size <= MAX_DETAILED
        mid = (vmin + vmax) / 2
        for (i, j), v in np.ndenumerate(table):
            if np.isfinite(v):
                ax.text(j, i, _cell_text(v, lo[i, j], hi[i, j], count[i, j], detailed),
                        ha="center", va="center", fontsize=7 if detailed else 8,
                        color="black" if v > mid else "white")
    return image


def _sort_key(v):
    return (0, float(v), "") if isinstance(v, (int, float, np.number)) else (1, 0.0, str(v))


def _tick(v) -> str:
    return format_number(v, 4) if isinstance(v, (float, np.floating)) else str(v)
