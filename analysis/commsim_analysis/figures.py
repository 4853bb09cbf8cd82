"""Standard figure sets: what ``plot.py`` and ``report.py`` draw for a run, a set
of runs, a comparison, the failure-mode atlas or a sweep. Each returns
{name: Figure}, skipping empty figures, so callers only decide where files go.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import pandas as pd
from matplotlib.figure import Figure

from .atlas import plot_atlas, plot_failure_mode
from .compare import Comparison
from .plots import plot_groups, plot_platform, plot_replicates
from .runfile import Run
from .runset import runs_frame
from .stats import across_groups
from .sweepplots import plot_sweep_heatmap, plot_sweep_line


def _nonempty(figs: dict[str, Figure | None]) -> dict[str, Figure]:
    return {k: f for k, f in figs.items() if f is not None}


def _merged_units(runs: list[Run], level: str) -> dict[str, str]:
    return {m: u for r in runs for m, u in r.units[level].items()}


def _scenario_names(runs: list[Run]) -> str:
    """Scenario names for a title, plus a warning when partial runs are included."""
    names = list(dict.fromkeys(r.meta["scenario_name"] for r in runs))
    shown = ", ".join(f"'{n}'" for n in names[:4])
    shown += f" and {len(names) - 4} more" if len(names) > 4 else ""
    partial = [r.name for r in runs if not r.meta["complete"]]
    return shown + (f"; PARTIAL: {', '.join(partial)}" if partial else "")


def run_figures(run: Run, metrics: Iterable[str] | None = None) -> dict[str, Figure]:
    """Platform series and per-group series of one run."""
    metrics = None if metrics is None else list(metrics)
    return _nonempty({"platform": plot_platform(run, metrics),
                      "groups": plot_groups(run, metrics)})


def runs_figures(runs: list[Run], metrics: Iterable[str] | None = None,
                 by: str = "scenario_name") -> dict[str, Figure]:
    """Several runs overlaid, one colour per ``by`` value (scenario by default),
    replicates as mean with 95 % CI; per-group metrics as the median across groups."""
    metrics = None if metrics is None else list(metrics)
    labels = {r.name: {by: r.meta[by]} for r in runs}
    what = f"{len(runs)} runs of {_scenario_names(runs)}"
    return _nonempty({
        "platform": plot_replicates(runs_frame(runs, "platform"), by,
                                    _merged_units(runs, "platform"),
                                    f"Platform — {what} (mean, 95 % CI)", metrics),
        "groups": plot_replicates(across_groups(runs, labels), by,
                                  _merged_units(runs, "daily"),
                                  f"Per group — {what} (median across groups; mean, 95 % CI)",
                                  metrics, label_prefix="median "),
    })


def compare_figures(comp: Comparison, metrics: Iterable[str] | None = None) -> dict[str, Figure]:
    """Arms of a comparison: mean over replicates with 95 % CI, per metric."""
    metrics = None if metrics is None else list(metrics)
    what = (f"comparison '{comp.path.name}': {len(comp.arms)} arms, "
            f"{len(comp.runs)} runs ({_scenario_names(comp.runs)})")
    return _nonempty({
        "platform": plot_replicates(comp.platform, "arm", comp.units["platform"],
                                    f"Platform — {what}", metrics),
        "groups": plot_replicates(comp.groups_median(), "arm", comp.units["daily"],
                                  f"Per group (median across groups) — {what}",
                                  metrics, label_prefix="median "),
    })


def atlas_figures(comps: list[Comparison], overview: bool = True) -> dict[str, Figure]:
    """``atlas-<scenario>`` per comparison (folder name appended when a scenario
    occurs in several folders) and, with ``overview``, the grid ``atlas``."""
    counts: dict[str, int] = {}
    for c in comps:
        counts[c.scenario_name] = counts.get(c.scenario_name, 0) + 1
    figs = {}
    for c in comps:
        stem = f"atlas-{c.scenario_name}"
        if counts[c.scenario_name] > 1:
            stem += f"-{c.path.resolve().name}"
        figs[stem] = plot_failure_mode(c)
    if overview and comps:
        figs["atlas"] = plot_atlas(comps)
    return figs


def sweep_figures(frame: pd.DataFrame, x: str, metrics: Sequence[str],
                  y: str | None = None) -> dict[str, Figure]:
    """Without ``y``: one line figure, a panel per metric
    (``sweep-<scenario>-<x>``); with ``y``: a heatmap per metric
    (``sweep-<scenario>-<metric>-<x>-<y>``)."""
    scenario = "+".join(dict.fromkeys(frame["scenario_name"].astype(str))) or "sweep"
    if y is None:
        return {f"sweep-{scenario}-{x}": plot_sweep_line(frame, x, list(metrics))}
    return {f"sweep-{scenario}-{m}-{x}-{y}": plot_sweep_heatmap(frame, x, y, m)
            for m in metrics}
