"""Standard figure sets: what ``plot.py`` and ``report.py`` draw for a run, a set
of runs, a comparison, the failure-mode atlas or a sweep. Each returns
{name: Figure}, skipping empty figures, so callers only decide where files go.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import xarray as xr
from matplotlib.figure import Figure

from .atlas import plot_atlas, plot_failure_mode
from .datasets import runs_dataset
from .doseresponse import plot_dose_response
from .forest import plot_forest
from .intervals import with_bounds
from .plots import DEFAULT_DAILY, plot_categories, plot_groups, plot_platform
from .results import Results
from .runfile import Run
from .sweepplots import plot_sweep_heatmap, plot_sweep_line


def _nonempty(figs: dict[str, Figure | None]) -> dict[str, Figure]:
    return {k: f for k, f in figs.items() if f is not None}


def _scenario_names(runs: list[Run]) -> str:
    """Scenario names for a title, plus a warning when partial runs are included."""
    names = list(dict.fromkeys(r.meta["scenario_name"] for r in runs))
    shown = ", ".join(f"'{n}'" for n in names[:4])
    shown += f" and {len(names) - 4} more" if len(names) > 4 else ""
    partial = [r.name for r in runs if not r.meta["complete"]]
    return shown + (f"; PARTIAL: {', '.join(partial)}" if partial else "")


def _metrics(metrics: Iterable[str] | None) -> list[str] | None:
    return None if metrics is None else list(metrics)


def run_figures(run: Run, metrics: Iterable[str] | None = None) -> dict[str, Figure]:
    """Platform series and per-group series of one run."""
    metrics = _metrics(metrics)
    return _nonempty({"platform": plot_platform(run, metrics),
                      "groups": plot_groups(run, metrics)})


def _pair(ds_platform: xr.Dataset, ds_daily: xr.Dataset, by: str, what: str,
          metrics: list[str] | None) -> dict[str, Figure]:
    return _nonempty({
        "platform": plot_categories(ds_platform, by, f"Platform — {what}", metrics),
        "groups": plot_categories(ds_daily, by, f"Per group — {what} (median across "
                                  "groups per run; mean over runs)", metrics, DEFAULT_DAILY),
    })


def runs_figures(runs: list[Run], metrics: Iterable[str] | None = None,
                 by: str = "scenario_name") -> dict[str, Figure]:
    """Several runs overlaid, one colour per ``by`` value (scenario by default),
    replicates as mean with a range-respecting 95 % band."""
    metrics = _metrics(metrics)
    what = f"{len(runs)} runs of {_scenario_names(runs)}"
    read = with_bounds(_only(runs, "platform", metrics))
    return _pair(runs_dataset(runs, "platform", read),
                 runs_dataset(runs, "daily", _only(runs, "daily", metrics)), by, what, metrics)


def compare_figures(res: Results, metrics: Iterable[str] | None = None) -> dict[str, Figure]:
    """Arms of a comparison over time, and the forest plot when summary.csv exists
    (with the dose-response figure when it has a sweep)."""
    metrics = _metrics(metrics)
    what = (f"comparison '{res.path.name}': {len(res.arms)} arms, "
            f"{len(res.runs)} runs ({_scenario_names(res.runs)})")
    if res.swept_parameter is not None:  # the series pool the points; say so
        what += (f"; each arm pooled over its {res.swept_parameter} values (per value: the "
                 "dose-response figure)")
    figs = _pair(res.dataset("platform", with_bounds(_only(res.runs, "platform", metrics))),
                 res.dataset("daily", _only(res.runs, "daily", metrics)), "arm", what, metrics)
    if res.summary is not None:
        forest_metrics = None
        if metrics is not None and metrics != ["all"]:
            forest_metrics = [m for m in metrics if m in set(res.summary["metric"])] or None
        figs["forest"] = plot_forest(res, forest_metrics)
        if res.swept_parameter is not None:
            figs["dose-response"] = plot_dose_response(res, forest_metrics)
    return figs


def _only(runs: list[Run], level: str, metrics: list[str] | None) -> list[str] | None:
    """The named metrics that exist at ``level`` (None: all)."""
    if metrics is None or metrics == ["all"]:
        return None
    present = {m for r in runs for m in r.metrics(level)}
    return [m for m in metrics if m in present]


def arms_figure(res: Results, level: str = "daily",
                metrics: Iterable[str] | None = None) -> Figure | None:
    """One level of :func:`compare_figures` (``Results.plot``)."""
    metrics = _metrics(metrics)
    arms = f"{len(res.arms)} arm" + ("s" if len(res.arms) != 1 else "")
    what = f"'{res.scenario_name}': {arms}, {len(res.runs)} runs"
    figs = _pair(res.dataset("platform", with_bounds(_only(res.runs, "platform", metrics))),
                 res.dataset("daily", _only(res.runs, "daily", metrics)), "arm", what, metrics)
    return figs.get("groups" if level == "daily" else "platform")


def atlas_figures(results: list[Results], overview: bool = True) -> dict[str, Figure]:
    """``atlas-<scenario>`` per comparison (folder name appended when a scenario
    occurs in several folders) and, with ``overview``, the grid ``atlas``."""
    counts: dict[str, int] = {}
    for r in results:
        counts[r.scenario_name] = counts.get(r.scenario_name, 0) + 1
    figs = {}
    for r in results:
        stem = f"atlas-{r.scenario_name}"
        if counts[r.scenario_name] > 1:
            stem += f"-{r.path.resolve().name}"
        figs[stem] = plot_failure_mode(r)
    if overview and results:
        figs["atlas"] = plot_atlas(results)
    return figs


def sweep_figures(sweep: xr.Dataset, x: str, metrics: Sequence[str],
                  y: str | None = None) -> dict[str, Figure]:
    """Without ``y``: one line figure, a panel per metric
    (``sweep-<scenario>-<x>``); with ``y``: a heatmap per metric
    (``sweep-<scenario>-<metric>-<x>-<y>``)."""
    names = dict.fromkeys(str(s) for s in sweep["scenario_name"].values)
    scenario = "+".join(names) or "sweep"
    if y is None:
        return {f"sweep-{scenario}-{x}": plot_sweep_line(sweep, x, list(metrics))}
    return {f"sweep-{scenario}-{m}-{x}-{y}": plot_sweep_heatmap(sweep, x, y, m)
            for m in metrics}
