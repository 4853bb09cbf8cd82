"""A self-contained Markdown report for a folder of run files.

The report is what one pastes into an issue or a lab notebook: which runs exist
(partial ones flagged, never silently summarised), final platform values per
scenario with replicate uncertainty, the figures (PNG files written next to the
report and linked relatively, so the folder can be moved or zipped as a whole),
the metric definitions and the scenario texts needed to rerun everything.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import PartialRunWarning
from .figures import runs_figures
from .plots import save_figure
from .runfile import Run
from .runset import read_runs, runs_table
from .stats import group_quantiles, mean_ci


def _fmt(x: Any) -> str:
    if isinstance(x, (bool, np.bool_)):
        return "true" if x else "false"
    if isinstance(x, (float, np.floating)):
        return "–" if not np.isfinite(x) else f"{x:.4g}"
    return str(x).replace("|", "\\|").replace("\n", " ")


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table (no extra dependency such as tabulate)."""
    head = "| " + " | ".join(_fmt(c) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(_fmt(v) for v in row) + " |"
            for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def format_mean_ci(values: list[float]) -> str:
    """``mean ± half-width`` of a 95 % t interval, or the single value with n=1."""
    mean, lo, hi, n = mean_ci(values)
    if n == 0:
        return "–"
    if n == 1:
        return f"{mean:.4g} (n=1)"
    return f"{mean:.4g} ± {(hi - lo) / 2:.2g}"


def final_values(runs: list[Run], level: str) -> pd.DataFrame:
    """Value on each run's last written day: platform metrics as recorded,
    per-group metrics as the median across groups. Columns run, scenario_name,
    metric, value."""
    rows = []
    for r in runs:
        for metric, arr in (r.platform_arrays if level == "platform" else r.daily_arrays).items():
            if arr.shape[0] == 0:
                continue
            last = arr[-1] if level == "platform" else group_quantiles(arr[-1:], [0.5])[0, 0]
            rows.append((r.name, r.meta["scenario_name"], metric, float(last)))
    return pd.DataFrame(rows, columns=["run", "scenario_name", "metric", "value"])


def summary_table(runs: list[Run], level: str) -> pd.DataFrame:
    """Scenario x metric table of final values, mean ± 95 % CI over replicates."""
    finals = final_values(runs, level)
    if finals.empty:
        return pd.DataFrame()
    units = {m: u for r in runs for m, u in r.units[level].items()}
    metrics = list(dict.fromkeys(finals["metric"]))
    rows = []
    for scen, cell in finals.groupby("scenario_name", sort=False):
        row = {"scenario": scen, "runs": cell["run"].nunique()}
        for m in metrics:
            label = f"{m} ({units.get(m) or 'no unit'})"
            row[label] = format_mean_ci(cell.loc[cell["metric"] == m, "value"].tolist())
        rows.append(row)
    return pd.DataFrame(rows)


def _definitions(runs: list[Run]) -> pd.DataFrame:
    rows = {}
    for r in runs:
        for level in ("platform", "daily"):
            for m, unit in r.units[level].items():
                rows.setdefault((level, m), (unit, r.descriptions[level].get(m, "")))
    return pd.DataFrame([(lvl if lvl == "platform" else "per group", m, u, d)
                         for (lvl, m), (u, d) in rows.items()],
                        columns=["level", "metric", "unit", "description"])


def _scenario_texts(runs: list[Run]) -> list[str]:
    out, seen = [], set()
    for r in runs:
        key = (r.meta["scenario_name"], r.meta.get("scenario") or "")
        if key in seen or not key[1]:
            continue
        seen.add(key)
        out += [f"<details><summary>scenario '{key[0]}' (from {r.name})</summary>", "",
                "```toml", key[1].rstrip(), "```", "", "</details>", ""]
    return out


def build_report(directory: str | Path, out: str | Path | None = None) -> list[Path]:
    """Write the report (default ``DIRECTORY/report.md``) and its PNG figures
    (``<report stem>-<figure>.png`` beside it); return the paths written, the
    report first."""
    directory = Path(directory)
    out = Path(out) if out else directory / "report.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialRunWarning)  # flagged in the table
        runs = read_runs(directory, allow_partial=True)
    done = [r for r in runs if r.meta["complete"]]
    partial = [r for r in runs if not r.meta["complete"]]

    table = runs_table(runs).rename(columns={"scenario_name": "scenario",
                                             "days_written": "days"})
    table["complete"] = ["yes" if c else "**no (partial)**" for c in table["complete"]]
    versions = ", ".join(sorted({str(r.meta["commsim_version"]) for r in runs}))
    lines = [f"# commsim report: {directory.name or directory}", "",
             f"Source folder: `{directory}` — {len(runs)} run file(s): {len(done)} complete, "
             f"{len(partial)} partial. commsim version(s): {versions}.", "",
             "## Runs", "", markdown_table(table), ""]
    if partial:
        lines += ["Partial runs (not finished; left out of summaries and figures): "
                  + ", ".join(f"`{r.name}`" for r in partial) + ".", ""]
    lines += ["## Summary per scenario", "",
              "Values on each run's last day; mean ± half-width of the 95 % confidence "
              "interval (Student t) over replicate runs.", ""]
    for level, heading in (("platform", "Platform metrics"),
                           ("daily", "Per-group metrics (median across groups)")):
        summary = summary_table(done, level)
        if not summary.empty:
            lines += [f"### {heading}", "", markdown_table(summary), ""]
    if not done:
        lines += ["No complete runs to summarise.", ""]

    figures = runs_figures(done) if done else {}
    if figures:
        lines += ["## Figures", ""]
    written = [out]
    for name, fig in figures.items():
        (path,) = save_figure(fig, out.parent, f"{out.stem}-{name}", ("png",))
        written.append(path)
        rel = os.path.relpath(path, out.parent)
        alt = "Platform metrics" if name == "platform" else "Per-group metrics"
        lines += [f"![{alt}]({rel})", ""]
    lines += ["## Metric definitions", "", markdown_table(_definitions(runs)), "",
              "## Scenarios", "", *_scenario_texts(runs)]
    out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return written
