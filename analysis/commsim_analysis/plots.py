"""Figures of one run, of several runs, and of a comparison.

Functions return matplotlib Figures (so notebooks can tweak them) and
:func:`save_figure` writes them; nothing here opens a window. Every y axis names
its unit from the dataset's ``unit`` attribute and every title names the scenario,
so a figure pasted out of context still says what it shows.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Iterable, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from scipy import stats as _st

from . import style
from .runfile import Run
from .stats import group_quantiles

#: Individual groups drawn thinly under the median, to show real trajectories.
N_INDIVIDUAL = 3


def _grid(n: int, title: str) -> tuple[Figure, list]:
    cols = min(3, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 2.9 * rows + 0.6),
                             squeeze=False, sharex=True)
    flat = list(axes.ravel())
    for ax in flat[n:]:
        ax.set_visible(False)
    for ax in flat[:n]:
        ax.xaxis.set_tick_params(labelbottom=True)
        ax.set_xlabel(style.DAY_LABEL)
    fig.suptitle(title, fontsize=11)
    return fig, flat[:n]


def _select(available: Sequence[str], metrics: Iterable[str] | None) -> list[str]:
    if metrics is None:
        return list(available)
    wanted = list(metrics)
    return [m for m in wanted if m in available]


def _marker(n_days: int) -> dict:
    """Markers only when lines are too short to see."""
    return {"marker": "o", "markersize": 3} if n_days <= 10 else {}


def _run_title(run: Run, what: str) -> str:
    seed, days = run.meta["seed"], run.n_days
    partial = "" if run.meta["complete"] else ", PARTIAL run"
    return f"{what} — scenario '{run.meta['scenario_name']}' (seed {seed}, {days} days{partial})"


def plot_platform(run: Run, metrics: Iterable[str] | None = None) -> Figure | None:
    """One panel per platform metric; None when no platform metric is selected."""
    names = _select(run.metrics("platform"), metrics)
    if not names:
        return None
    with plt.rc_context(style.RC):
        fig, axes = _grid(len(names), _run_title(run, "Platform"))
        for ax, metric in zip(axes, names):
            y = run.platform_arrays[metric]
            ax.plot(np.arange(y.size), y, color=style.MAIN_COLOR, lw=1.6, **_marker(y.size))
            ax.set_title(metric)
            ax.set_ylabel(style.axis_label(metric, run.unit("platform", metric)))
        fig.tight_layout()
    return fig


def plot_groups(run: Run, metrics: Iterable[str] | None = None,
                n_individual: int = N_INDIVIDUAL) -> Figure | None:
    """Per-group metrics: median across groups, 10-90 % band, a few groups thin."""
    names = _select(run.metrics("daily"), metrics)
    if not names:
        return None
    title = _run_title(run, f"Per group ({run.n_groups} groups)")
    with plt.rc_context(style.RC):
        fig, axes = _grid(len(names), title)
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
            ax.set_ylabel(style.axis_label(metric, run.unit("daily", metric)))
        axes[0].legend(loc="best")
        fig.tight_layout()
    return fig


def mean_band(frame: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Per day: mean over runs and t-based CI (NaN where fewer than 2 runs)."""
    wide = frame.pivot_table(index="day", columns="run", values="value", aggfunc="first",
                             dropna=False)
    n = wide.notna().sum(axis=1)
    mean = wide.mean(axis=1)
    half = _st.t.ppf(0.5 + level / 2, (n - 1).clip(lower=1)) * wide.std(axis=1, ddof=1) / np.sqrt(n)
    half[n < 2] = np.nan
    return pd.DataFrame({"mean": mean, "lo": mean - half, "hi": mean + half, "n": n})


def plot_replicates(frame: pd.DataFrame, by: str, units: dict[str, str], title: str,
                    metrics: Iterable[str] | None = None,
                    label_prefix: str = "") -> Figure | None:
    """Overlay categories (scenarios, arms): one colour each, mean over that
    category's runs as a line with a 95 % CI band when it has replicates.

    ``frame``: tidy, with columns ``by``, run, day, metric, value.
    """
    if frame.empty:
        return None
    names = _select(list(dict.fromkeys(frame["metric"])), metrics)
    if not names:
        return None
    categories = list(dict.fromkeys(frame[by]))
    with plt.rc_context(style.RC):
        fig, axes = _grid(len(names), title)
        for ax, metric in zip(axes, names):
            sub = frame[frame["metric"] == metric]
            for i, cat in enumerate(categories):
                cell = sub[sub[by] == cat]
                n_runs = cell["run"].nunique()
                band = mean_band(cell)
                kw = style.category_style(i)
                ax.plot(band.index, band["mean"], lw=1.6, label=f"{cat} (n={n_runs})",
                        **kw, **_marker(len(band)))
                if n_runs > 1:
                    ax.fill_between(band.index, band["lo"], band["hi"], color=kw["color"],
                                    alpha=style.BAND_ALPHA, lw=0)
            ax.set_title(f"{label_prefix}{metric}")
            ax.set_ylabel(style.axis_label(metric, units.get(metric, ""), label_prefix))
        axes[0].legend(loc="best")
        fig.tight_layout()
    return fig


def save_figure(fig: Figure, out_dir: str | Path, stem: str,
                formats: Sequence[str] = ("png",)) -> list[Path]:
    """Write ``fig`` as ``out_dir/stem.<fmt>`` for each format, close it, return paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = out / f"{stem}.{fmt.lstrip('.').lower()}"
        fig.savefig(path)
        paths.append(path)
    plt.close(fig)
    return paths
