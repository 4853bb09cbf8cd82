"""The failure-mode atlas: control vs failure on each mode's signature metrics.

Each failure-mode scenario (scenarios/failure/*.toml) pits a ``control`` arm
against a ``failure`` arm and predicts a *signature*: a few per-group metrics that
should part ways over time (docs and the scenario comments name them). One
figure per scenario shows those metrics as daily series: per run, the mean over
its groups; per arm, the mean over replicates with a 95 % t band. Daily flows
(units ``.../day``) are noisy day to day, so they are smoothed with a centred
14-day rolling mean per run before averaging, and the panel says so. The
overview ``atlas.png`` stacks every scenario found as one row, for the README.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import style
from .compare import Comparison
from .plots import mean_band


@dataclass(frozen=True)
class FailureMode:
    """What a failure-mode scenario demonstrates and which metrics show it."""

    name: str        # the failure mode in words
    claim: str       # claim id(s) of the model's documentation
    signature: str   # what the failure arm should do, one line
    metrics: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.claim} {self.name}"


#: By ``scenario_name``, in the order of the claims (the atlas's row order).
FAILURE_MODES: dict[str, FailureMode] = {
    "focus_loss": FailureMode("focus loss", "C10",
                              "the conversation drifts off purpose; aligned members leave",
                              ("focus", "leave_rate_aligned", "mean_alignment")),
    "leaderless": FailureMode("leaderless drift", "C11/C15",
                              "ads spread, each message is worth less, members mute",
                              ("ad_share", "value_per_message", "muted_share")),
    "tyranny": FailureMode("over-strict rules", "C12",
                           "more removals, fewer active members, smaller groups",
                           ("removals", "active_share", "size")),
    "boredom": FailureMode("boredom", "C13",
                           "messages dwindle, members mute, groups die",
                           ("messages", "muted_share", "alive")),
    "evaporation": FailureMode("value evaporation", "C14",
                               "mean value falls, founding experts and top members leave",
                               ("mean_value", "expert_retention", "top_decile_value")),
}

FALLBACK_METRICS = ("size", "messages", "satisfaction")
SMOOTH_DAYS = 14


def failure_mode(scenario_name: str) -> FailureMode:
    """The scenario's failure mode, or a generic one (size, messages, satisfaction)."""
    return FAILURE_MODES.get(scenario_name, FailureMode(
        f"scenario '{scenario_name}'", "", "no failure-mode signature known; "
        "generic metrics", FALLBACK_METRICS))


def is_flow(unit: str) -> bool:
    """Daily flows (people/day, messages/day, 1/day) are smoothed; states are not."""
    return unit.strip().endswith("/day")


def signature_metrics(comp: Comparison) -> list[str]:
    """The mode's metrics present in the files (generic ones if none are)."""
    available = set(comp.units["daily"]) | set(comp.units["platform"])
    chosen = [m for m in failure_mode(comp.scenario_name).metrics if m in available]
    return chosen or [m for m in FALLBACK_METRICS if m in available]


def metric_unit(comp: Comparison, metric: str) -> str:
    return comp.units["daily"].get(metric) or comp.units["platform"].get(metric, "")


def signature_series(comp: Comparison, metric: str) -> pd.DataFrame:
    """Per run and day: the mean over groups (a per-group metric) or the platform
    value, smoothed when it is a flow. Columns run, arm, replicate, day, value."""
    smooth = is_flow(metric_unit(comp, metric))
    labels = comp.labels()
    parts = []
    for run in comp.runs:
        if metric in run.daily_arrays:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # days with no group
                values = np.nanmean(run.daily_arrays[metric], axis=1)
        elif metric in run.platform_arrays:
            values = run.platform_arrays[metric]
        else:
            continue
        series = pd.Series(values)
        if smooth:
            series = series.rolling(SMOOTH_DAYS, center=True, min_periods=1).mean()
        parts.append(pd.DataFrame({"run": run.name, **labels[run.name],
                                   "day": np.arange(len(series)), "value": series.values}))
    if not parts:
        return pd.DataFrame(columns=["run", "arm", "replicate", "day", "value"])
    return pd.concat(parts, ignore_index=True)


def draw_signature(ax, comp: Comparison, metric: str) -> None:
    """One panel: every arm's mean over replicates with its 95 % band."""
    data = signature_series(comp, metric)
    unit = metric_unit(comp, metric)
    for i, arm in enumerate(comp.arms):
        cell = data[data["arm"] == arm]
        if cell.empty:
            continue
        band = mean_band(cell)
        n = cell["run"].nunique()
        kw = style.category_style(i)
        ax.plot(band.index, band["mean"], lw=1.6, label=f"{arm} (n={n})", **kw)
        if n > 1:
            ax.fill_between(band.index, band["lo"], band["hi"], color=kw["color"],
                            alpha=style.BAND_ALPHA, lw=0)
    smoothed = f", {SMOOTH_DAYS}-day rolling mean" if is_flow(unit) else ""
    level = "mean over groups" if metric in comp.units["daily"] else "platform"
    ax.set_title(f"{metric} ({level}{smoothed})")
    ax.set_ylabel(style.axis_label(metric, unit))
    ax.set_xlabel(style.DAY_LABEL)


def _headline(comp: Comparison) -> str:
    mode = failure_mode(comp.scenario_name)
    n = comp.table.groupby("arm")["run"].nunique()
    reps = "/".join(str(n[a]) for a in comp.arms)
    return (f"{mode.title} — scenario '{comp.scenario_name}': "
            f"{' vs '.join(comp.arms)} ({reps} replicates; mean, 95 % CI)")


def plot_failure_mode(comp: Comparison) -> Figure:
    """One figure: a panel per signature metric, arms overlaid."""
    metrics = signature_metrics(comp)
    if not metrics:
        raise ValueError(f"{comp.path}: none of the signature or generic metrics "
                         "are in the run files")
    mode = failure_mode(comp.scenario_name)
    with plt.rc_context(style.RC):
        fig, axes = plt.subplots(1, len(metrics), figsize=(4.4 * len(metrics), 3.6),
                                 squeeze=False)
        for ax, metric in zip(axes[0], metrics):
            draw_signature(ax, comp, metric)
        axes[0][0].legend(loc="best")
        fig.suptitle(f"{_headline(comp)}\nsignature: {mode.signature}", fontsize=10)
        fig.tight_layout()
    return fig


def atlas_order(comps: list[Comparison]) -> list[Comparison]:
    """Known failure modes in claim order, then the others as given."""
    rank = {name: i for i, name in enumerate(FAILURE_MODES)}
    return sorted(comps, key=lambda c: rank.get(c.scenario_name, len(rank)))


def plot_atlas(comps: list[Comparison]) -> Figure:
    """The overview: one row per scenario, its signature metrics as columns."""
    if not comps:
        raise ValueError("no comparisons to draw an atlas of")
    comps = atlas_order(comps)
    rows = [(c, signature_metrics(c)) for c in comps]
    cols = max(len(m) for _, m in rows)
    with plt.rc_context(style.RC):
        fig, axes = plt.subplots(len(rows), cols, figsize=(4.0 * cols, 3.0 * len(rows) + 0.8),
                                 squeeze=False, layout="constrained")
        for r, (comp, metrics) in enumerate(rows):
            for c in range(cols):
                ax = axes[r][c]
                if c >= len(metrics):
                    ax.set_visible(False)
                    continue
                draw_signature(ax, comp, metrics[c])
                if c == 0:
                    mode = failure_mode(comp.scenario_name)
                    ax.annotate(mode.title, xy=(-0.32, 0.5), xycoords="axes fraction",
                                rotation=90, ha="center", va="center", fontsize=10,
                                fontweight="bold")
                    ax.legend(loc="best")
        fig.suptitle("Failure-mode atlas: control vs failure arm on each mode's "
                     "signature metrics (mean over replicates, 95 % CI)", fontsize=11)
    return fig
