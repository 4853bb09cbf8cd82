"""The failure-mode atlas: control vs failure on each mode's signature metrics.

Each failure-mode scenario (``scenarios/failure/*.toml``) pits a control arm
against a failure arm, and its ``[signature]`` table (``signature.py``) names the
mode, the claim and the metrics that should part ways over time. One figure per
scenario shows those metrics as daily series: per run, the mean over its groups;
per arm, the mean over replicates with a range-respecting 95 % band. Daily flows
(units ``.../day``) are smoothed with a centred 14-day rolling mean per run
first, and the panel says so. When ``commsim compare`` wrote ``signature.csv``
(each check with both arms' values and whether it holds), the figure lists the
checks. A scenario without a signature gets generic metrics (size, messages,
satisfaction) and its name as title. The overview ``atlas.png`` stacks every
scenario as a row, in claim order.
"""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from . import style
from .style import plt
from .intervals import method_note
from .plots import (draw_bands, legend_below, limit_axis, per_run_series, rolling_mean,
                    suptitle, wrap)
from .results import Results
from .signature import GENERIC_METRICS, check_lines

SMOOTH_DAYS = 14


def is_flow(unit: str) -> bool:
    """Daily flows (people/day, messages/day, 1/day) are smoothed; states are not."""
    return unit.strip().endswith("/day")


def title_of(res: Results) -> str:
    """``C11, C15 leaderless drift`` from the signature, else the scenario name."""
    sig = res.signature
    return sig.title if sig is not None else f"scenario '{res.scenario_name}'"


def signature_metrics(res: Results) -> list[str]:
    """The signature's metrics present in the files (generic ones if none are)."""
    available = set(res.units["daily"]) | set(res.units["platform"])
    wanted = res.signature.plot if res.signature is not None else ()
    chosen = [m for m in wanted if m in available]
    return chosen or [m for m in GENERIC_METRICS if m in available]


def metric_unit(res: Results, metric: str) -> str:
    return res.units["daily"].get(metric) or res.units["platform"].get(metric, "")


def signature_series(res: Results, metric: str) -> np.ndarray:
    """(runs, days): per run and day the mean over groups (a per-group metric)
    or the platform value, smoothed when it is a flow; runs in ``res.table`` order."""
    level = "daily" if metric in res.units["daily"] else "platform"
    ds = res.dataset(level, [metric])
    series = per_run_series(ds[metric].values, level, reduce="mean")
    if is_flow(metric_unit(res, metric)):
        series = rolling_mean(series, SMOOTH_DAYS)
    return series


def draw_signature(ax, res: Results, metric: str) -> None:
    """One panel: every arm's mean over replicates with its band."""
    unit = metric_unit(res, metric)
    draw_bands(ax, signature_series(res, metric), res.table["arm"].to_numpy(), res.arms,
               unit)
    smoothed = f", {SMOOTH_DAYS}-day rolling mean" if is_flow(unit) else ""
    level = "mean over groups" if metric in res.units["daily"] else "platform"
    ax.set_title(f"{metric} ({level}{smoothed})")
    ax.set_ylabel(style.axis_label(metric, unit))
    ax.set_xlabel(style.DAY_LABEL)
    limit_axis(ax, unit)


def _headline(res: Results) -> str:
    n = res.table.groupby("arm")["run"].nunique()
    reps = "/".join(str(n[a]) for a in res.arms)
    head = (f"{res.signature.title} — scenario '{res.scenario_name}'"
            if res.signature is not None else f"scenario '{res.scenario_name}'")
    return f"{head}: {' vs '.join(res.arms)} ({reps} replicates; mean over replicates)"


def _caption(res: Results) -> str:
    sig = res.signature
    lines = [f"signature: {sig.summary}" if sig is not None and sig.summary
             else "no [signature] in the scenario: generic metrics"]
    lines += check_lines(res.checks, sig)
    return "\n".join(lines)


def plot_failure_mode(res: Results) -> Figure:
    """One figure: a panel per signature metric, arms overlaid."""
    metrics = signature_metrics(res)
    if not metrics:
        raise ValueError(f"{res.path}: none of the signature or generic metrics "
                         "are in the run files")
    with style.context():
        fig, axes = plt.subplots(1, len(metrics), figsize=(4.4 * len(metrics), 4.2),
                                 squeeze=False, layout="constrained")
        for ax, metric in zip(axes[0], metrics):
            draw_signature(ax, res, metric)
        suptitle(fig, f"{_headline(res)}\n{_caption(res)}\n{method_note()}")
        legend_below(fig, *axes[0][0].get_legend_handles_labels())
    return fig


def atlas_order(results: list[Results]) -> list[Results]:
    """Scenarios with a signature in claim order, then the others by name."""
    def key(res: Results):
        sig = res.signature
        number = sig.claim_number if sig is not None else None
        return (sig is None, number if number is not None else 10**6, res.scenario_name)
    return sorted(results, key=key)


def plot_atlas(results: list[Results]) -> Figure:
    """The overview: one row per scenario, its signature metrics as columns."""
    if not results:
        raise ValueError("no comparisons to draw an atlas of")
    results = atlas_order(results)
    rows = [(r, signature_metrics(r)) for r in results]
    cols = max(len(m) for _, m in rows)
    with style.context():
        fig, axes = plt.subplots(len(rows), cols,
                                 figsize=(4.2 * cols + 0.6, 3.0 * len(rows) + 1.0),
                                 squeeze=False, layout="constrained")
        for r, (res, metrics) in enumerate(rows):
            for c in range(cols):
                ax = axes[r][c]
                if c >= len(metrics):
                    ax.set_visible(False)
                    continue
                draw_signature(ax, res, metrics[c])
                if c == 0:
                    ax.set_ylabel(f"{wrap(title_of(res), 28)}\n\n{ax.get_ylabel()}",
                                  fontsize=9)
                    ax.legend(loc="best")
        fig.suptitle("Failure-mode atlas: control vs failure arm on each mode's signature "
                     f"metrics (mean over replicates)\n{method_note()}", fontsize=11)
    return fig
