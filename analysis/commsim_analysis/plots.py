"""Figures of one run, and of several runs grouped by arm or scenario.

Functions return matplotlib Figures (so notebooks can tweak them) and
:func:`save_figure` writes them; nothing here opens a window or picks a backend.
Every y axis names its unit from the dataset's ``unit`` attribute, every title
names the scenario, and bands say how they were computed, so a figure pasted out
of context still says what it shows. Layouts are ``constrained`` (titles and
legends are never clipped) and long titles wrap.
"""
from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from matplotlib.figure import Figure

from . import style
from .style import plt
from .intervals import UPPER_BOUND_BY, mean_interval, metric_range, method_note
from .runfile import Run
from .stats import group_quantiles, nan_reduce

#: Individual groups drawn thinly under the median, to show real trajectories.
N_INDIVIDUAL = 3
#: Per-group metrics drawn when the user names none (of 35): what a reader of a
#: community looks at first. ``--metrics all`` draws every one.
DEFAULT_DAILY = ("size", "messages", "active_share", "muted_share", "ad_share", "focus",
                 "mean_value", "satisfaction", "value_per_message")
#: Panels per row of a grid.
COLUMNS = 3


def wrap(title: str, width: int = 90) -> str:
    """A title wrapped to lines of ``width`` characters (existing newlines kept)."""
    return "\n".join(textwrap.fill(part, width) for part in title.split("\n"))


def suptitle(fig: Figure, title: str, fontsize: float = 10) -> None:
    """The figure's title, wrapped to the figure's width (about 0.55 em a character)."""
    width = int(fig.get_figwidth() * 72 / (0.55 * fontsize))
    fig.suptitle(wrap(title, max(width, 30)), fontsize=fontsize)


def grid(n: int, title: str, cols: int = COLUMNS, panel: tuple[float, float] = (4.2, 2.9),
         sharex: bool = True) -> tuple[Figure, list]:
    """A constrained-layout figure with ``n`` panels in rows of ``cols``."""
    cols = 2 if n == 4 else max(1, min(cols, n))  # 2 x 2 rather than 3 + 1
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(panel[0] * cols, panel[1] * rows + 0.8),
                             squeeze=False, sharex=sharex, layout="constrained")
    flat = list(axes.ravel())
    for ax in flat[n:]:
        ax.set_visible(False)
    for ax in flat[:n]:
        ax.xaxis.set_tick_params(labelbottom=True)
    suptitle(fig, title, 11)
    return fig, flat[:n]


def legend_below(fig: Figure, handles: list, labels: list, ncol: int = 4) -> None:
    """One legend for the whole figure, centred under the panels (never on the
    data or the title): the constrained layout leaves it a strip of its own."""
    if not handles:
        return
    ncol = max(1, min(ncol, len(labels)))
    lines = math.ceil(len(labels) / ncol)
    strip = (0.28 * lines + 0.12) / fig.get_figheight()
    fig.legend(handles, labels, loc="lower center", ncol=ncol, bbox_to_anchor=(0.5, 0.0),
               frameon=False)
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))


def select_metrics(available: Sequence[str], metrics: Iterable[str] | None,
                   default: Sequence[str] | None = None) -> list[str]:
    """``metrics`` in the given order (``["all"]`` = every one); without them the
    ``default`` ones present (all when there is no default). An unknown name is a
    KeyError listing what exists."""
    available = list(available)
    if metrics is None:
        if default is None:
            return available
        return [m for m in default if m in available] or available
    wanted = list(metrics)
    if wanted == ["all"]:
        return available
    return [m for m in wanted if m in available]


def selection_note(metrics, shown: int, total: int, level: str) -> str:
    """Says that a default selection left metrics out (nothing when the user chose)."""
    if metrics is not None or shown >= total:
        return ""
    return f" — {shown} of {total} {level} metrics (--metrics to choose, 'all' for every one)"


def _marker(n_days: int) -> dict:
    """Markers only when lines are too short to see."""
    return {"marker": "o", "markersize": 3} if n_days <= 10 else {}


def _run_title(run: Run, what: str) -> str:
    seed, days = run.meta["seed"], run.n_days
    partial = "" if run.meta["complete"] else ", PARTIAL run"
    return f"{what} — scenario '{run.meta['scenario_name']}' (seed {seed}, {days} days{partial})"


def limit_axis(ax, unit: str) -> None:
    """Keep the y axis within the metric's range (a share's axis never shows -0.2)
    and give constant series a readable span instead of ±0.04."""
    lo, hi = metric_range(unit)
    bottom, top = ax.get_ylim()
    if np.isfinite(lo) and bottom < lo:
        bottom = lo - 0.02 * ((min(top, hi) if np.isfinite(hi) else top) - lo)
    if np.isfinite(hi) and top > hi:
        top = hi + 0.02 * (hi - bottom)
    ax.set_ylim(bottom, top)


def plot_platform(run: Run, metrics: Iterable[str] | None = None) -> Figure | None:
    """One panel per platform metric; None when no platform metric is selected."""
    names = select_metrics(run.metrics("platform"), metrics)
    if not names:
        return None
    with style.context():
        fig, axes = grid(len(names), _run_title(run, "Platform"))
        for ax, metric in zip(axes, names):
            y = run.platform_arrays[metric]
            ax.plot(np.arange(y.size), y, color=style.MAIN_COLOR, lw=1.6, **_marker(y.size))
            ax.set_title(metric)
            ax.set_xlabel(style.DAY_LABEL)
            ax.set_ylabel(style.axis_label(metric, run.unit("platform", metric)))
    return fig


def plot_groups(run: Run, metrics: Iterable[str] | None = None,
                n_individual: int = N_INDIVIDUAL) -> Figure | None:
    """Per-group metrics: median across groups, 10-90 % band, a few groups thin."""
    available = run.metrics("daily")
    names = select_metrics(available, metrics, DEFAULT_DAILY)
    if not names:
        return None
    title = (_run_title(run, f"Per group ({run.n_groups} groups)")
             + selection_note(metrics, len(names), len(available), "per-group"))
    with style.context():
        fig, axes = grid(len(names), title)
        for ax, metric in zip(axes, names):
            arr = run.daily_arrays[metric]
            days = np.arange(arr.shape[0])
            picks = np.unique(np.linspace(0, arr.shape[1] - 1,
                                          min(n_individual, arr.shape[1])).astype(int))
            for k, g in enumerate(picks):
                ax.plot(days, arr[:, g], color=style.DETAIL_COLOR, lw=0.6, alpha=0.8,
                        label="individual groups" if k == 0 else None)
            lo, med, hi = group_quantiles(arr, (0.1, 0.5, 0.9))
            ax.fill_between(days, lo, hi, color=style.MAIN_COLOR, alpha=style.BAND_ALPHA,
                            lw=0, label="10–90 % of groups")
            ax.plot(days, med, color=style.MAIN_COLOR, lw=1.8, label="median",
                    **_marker(days.size))
            ax.set_title(metric)
            ax.set_xlabel(style.DAY_LABEL)
            ax.set_ylabel(style.axis_label(metric, run.unit("daily", metric)))
        legend_below(fig, *axes[0].get_legend_handles_labels())
    return fig


def per_run_series(values: np.ndarray, level: str, reduce: str = "median") -> np.ndarray:
    """(runs, days[, groups]) -> (runs, days): per-group values reduced across groups."""
    return nan_reduce(values, reduce, axis=2) if level == "daily" else values


def draw_bands(ax, series: np.ndarray, categories: Sequence, order: Sequence, unit: str,
               method: str = "transformed", smooth: int = 0,
               bound: np.ndarray | None = None) -> None:
    """One line per category: the mean over its runs per day, with a band from
    :func:`~commsim_analysis.intervals.mean_interval` (in the metric's range).
    ``series`` is (runs, days); ``categories`` labels each run; ``bound`` (runs,
    days), when given, is an upper limit per run and day (the band stays below
    the largest one of the category's runs). Days on which fewer than three runs have
    a value (the others' groups are dead) get the line but no band: two replicates give
    an interval as wide as the axis and say little."""
    categories = np.asarray(categories, dtype=object)
    days = np.arange(series.shape[1])
    for i, cat in enumerate(order):
        rows = series[categories == cat]
        if rows.size == 0:
            continue
        if smooth > 1:
            rows = rolling_mean(rows, smooth)
        mean, lo, hi, n = mean_interval(rows, unit, method=method)
        lo, hi = np.where(n < 3, np.nan, lo), np.where(n < 3, np.nan, hi)
        if bound is not None:
            hi = np.fmin(hi, nan_reduce(bound[categories == cat], "max", axis=0))
        kw = style.category_style(i)
        ax.plot(days, mean, lw=1.6, label=f"{cat} (n={rows.shape[0]})", **kw,
                **_marker(days.size))
        if rows.shape[0] > 1:
            ax.fill_between(days, lo, hi, color=kw["color"], alpha=style.BAND_ALPHA, lw=0)


def rolling_mean(rows: np.ndarray, window: int) -> np.ndarray:
    """Centred rolling mean along days (NaN ignored, partial windows at the ends)."""
    out = np.full(rows.shape, np.nan)
    half = window // 2
    n = rows.shape[1]
    finite = np.isfinite(rows)
    csum = np.concatenate([np.zeros((rows.shape[0], 1)),
                           np.cumsum(np.where(finite, rows, 0), axis=1)], axis=1)
    ccount = np.concatenate([np.zeros((rows.shape[0], 1)), np.cumsum(finite, axis=1)], axis=1)
    for d in range(n):
        a, b = max(0, d - half), min(n, d - half + window)
        count = ccount[:, b] - ccount[:, a]
        with np.errstate(invalid="ignore", divide="ignore"):
            out[:, d] = np.where(count > 0, (csum[:, b] - csum[:, a]) / count, np.nan)
    return out


def plot_categories(ds, by: str, title: str, metrics: Iterable[str] | None = None,
                    default: Sequence[str] | None = None, reduce: str = "median",
                    method: str = "transformed") -> Figure | None:
    """Overlay the categories of ``by`` (a coordinate along ``run``: arm,
    scenario_name): per metric, each category's mean over its runs with a
    range-respecting band. ``ds`` is a stacked dataset (``load_runs``,
    ``Results.daily``/``platform``); per-group metrics are first reduced across
    groups (``reduce``: median or mean) per run and day."""
    level = "daily" if "group" in ds.dims else "platform"
    available = [m for m in ds.data_vars]
    names = select_metrics(available, metrics, default)
    if not names or ds.sizes.get("run", 0) == 0:
        return None
    categories = ds[by].values
    order = list(dict.fromkeys(categories))
    note = selection_note(metrics, len(names), len(available),
                          "per-group" if level == "daily" else "platform")
    with style.context():
        fig, axes = grid(len(names), f"{title}{note}\n{method_note(method)}")
        for ax, metric in zip(axes, names):
            unit = ds[metric].attrs.get("unit", "")
            series = per_run_series(ds[metric].values, level, reduce)
            companion = UPPER_BOUND_BY.get(metric) if level == "platform" else None
            bound = ds[companion].values if companion in ds.data_vars else None
            draw_bands(ax, series, categories, order, unit, method, bound=bound)
            prefix = f"{reduce} " if level == "daily" else ""
            ax.set_title(f"{prefix}{metric}")
            ax.set_xlabel(style.DAY_LABEL)
            ax.set_ylabel(style.axis_label(metric, unit, prefix))
            limit_axis(ax, unit)
        legend_below(fig, *axes[0].get_legend_handles_labels())
    return fig


def save_figure(fig: Figure, out_dir: str | Path, stem: str,
                formats: Sequence[str] = ("png",)) -> list[Path]:
    """Write ``fig`` as ``out_dir/stem.<fmt>`` for each format, close it, return paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = out / f"{stem}.{fmt.lstrip('.').lower()}"
        fig.savefig(path, dpi=style.RC["savefig.dpi"], bbox_inches="tight")
        paths.append(path)
    plt.close(fig)
    return paths
