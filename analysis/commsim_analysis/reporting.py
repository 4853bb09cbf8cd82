"""A self-contained Markdown report for a folder of commsim output.

The report is what one pastes into an issue or a lab notebook. Three kinds of
folder get three reports (:func:`folder_kind` decides):

* ``sweep`` (an ``index.h5`` with sweep points): see ``report_sweep.py``;
* ``compare`` (``commsim compare`` output, or a batch of one scenario's arms):
  see ``report_compare.py``;
* ``runs`` (anything else, e.g. run files made one by one): which runs exist
  (partial ones flagged, never silently summarised), final platform values per
  scenario with replicate uncertainty, the figures, the metric definitions and
  the scenario texts needed to rerun everything.

Figures are PNG files written next to the report and linked relatively, so the
folder can be moved or zipped as a whole.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from .results import SUMMARY_CSV
from .errors import PartialRunWarning
from .figures import runs_figures
from .index import INDEX_NAME, read_index
from .intervals import UPPER_BOUND_BY
from .markdown import (definitions_table, format_mean_ci, image, markdown_table,
                       scenario_sections)
from .plots import save_figure
from .runfile import Run
from .runset import read_runs, runs_table
from .stats import group_quantiles

__all__ = ["build_report", "folder_kind", "final_values", "format_mean_ci",
           "markdown_table", "summary_table"]

#: Runs listed one by one in a report's runs table; more are counted per label.
MAX_LISTED_RUNS = 12


def folder_kind(directory: str | Path) -> str:
    """``sweep``, ``compare`` or ``runs``, from the folder's index and files."""
    directory = Path(directory)
    if (directory / INDEX_NAME).is_file():
        runs = read_index(directory).runs
        if (runs["point"] >= 0).any():
            return "sweep"
        if runs["arm"].nunique() > 1:  # named arms of one or more scenarios
            return "compare"
    if (directory / SUMMARY_CSV).is_file():
        return "compare"
    return "runs"


def final_values(runs: list[Run], level: str,
                 labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Value on each run's last written day: platform metrics as recorded,
    per-group metrics as the median across groups. Columns run, label (the
    scenario name unless ``labels`` maps run name -> label), metric, value."""
    rows = []
    for r in runs:
        for metric, arr in (r.platform_arrays if level == "platform" else r.daily_arrays).items():
            if arr.shape[0] == 0:
                continue
            last = arr[-1] if level == "platform" else group_quantiles(arr[-1:], [0.5])[0, 0]
            label = (labels or {}).get(r.name, r.meta["scenario_name"])
            rows.append((r.name, label, metric, float(last)))
    return pd.DataFrame(rows, columns=["run", "label", "metric", "value"])


def summary_table(runs: list[Run], level: str, labels: dict[str, str] | None = None,
                  column: str = "scenario") -> pd.DataFrame:
    """Metric x label table of final values, mean [95 % CI] over replicates: one
    row per metric (with its unit), one column per scenario -- or per ``labels``
    value (e.g. arm), the first column named ``column``'s plural -- so 35 metrics
    make a long table rather than a 37-column one. The header gives n."""
    finals = final_values(runs, level, labels)
    if finals.empty:
        return pd.DataFrame()
    units = {m: u for r in runs for m, u in r.units[level].items()}
    metrics = list(dict.fromkeys(finals["metric"]))
    labels_order = list(dict.fromkeys(finals["label"]))
    runs_per = finals.groupby("label")["run"].nunique()
    heads = {lab: f"{column} {lab} (n={runs_per[lab]})" for lab in labels_order}
    rows = []
    for m in metrics:
        row = {"metric": m, "unit": units.get(m) or "–"}
        cell = finals[finals["metric"] == m]
        bound = finals[finals["metric"] == UPPER_BOUND_BY.get(m)]
        for lab in labels_order:
            values = cell.loc[cell["label"] == lab, "value"].tolist()
            cap = bound.loc[bound["label"] == lab, "value"].max() if len(bound) else None
            row[heads[lab]] = format_mean_ci(values, units.get(m, ""), cap)
        rows.append(row)
    return pd.DataFrame(rows)


def build_report(directory: str | Path, out: str | Path | None = None) -> list[Path]:
    """Write the report (default ``DIRECTORY/report.md``) and its PNG figures
    (``<report stem>-<figure>.png`` beside it); return the paths written, the
    report first. The kind of report follows :func:`folder_kind`."""
    directory = Path(directory)
    out = Path(out) if out else directory / "report.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    kind = folder_kind(directory)
    if kind == "sweep":
        from .report_sweep import sweep_report
        lines, written = sweep_report(directory, out)
    elif kind == "compare":
        from .report_compare import compare_report
        lines, written = compare_report(directory, out)
    else:
        lines, written = runs_report(directory, out)
    out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return [out, *written]


def count_runs(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Many runs as one row per ``by`` value: how many, how many complete; the
    runs that are not complete stay listed by name."""
    rows = []
    for label, cell in table.groupby(by, sort=False):
        bad = cell.loc[cell["complete"] != "yes", "run"].tolist()
        rows.append({by: label, "runs": len(cell), "complete": len(cell) - len(bad),
                     "not complete": ", ".join(bad) or "–"})
    return pd.DataFrame(rows)


def read_all_runs(directory: Path) -> tuple[list[Run], list[Run]]:
    """(complete, partial) runs of a folder; partial ones are flagged by callers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PartialRunWarning)  # flagged in the table
        runs = read_runs(directory, allow_partial=True)
    return ([r for r in runs if r.meta["complete"]],
            [r for r in runs if not r.meta["complete"]])


def runs_report(directory: Path, out: Path) -> tuple[list[str], list[Path]]:
    """Report lines and figure files for a plain folder of run files."""
    done, partial = read_all_runs(directory)
    runs = done + partial
    table = runs_table(runs).rename(columns={"scenario_name": "scenario",
                                             "days_written": "days"})
    table["complete"] = ["yes" if c else "**no (partial)**" for c in table["complete"]]
    if len(table) > MAX_LISTED_RUNS:
        table = count_runs(table, "scenario")
    versions = ", ".join(sorted({str(r.meta["commsim_version"]) for r in runs}))
    lines = [f"# commsim report: {directory.name or directory}", "",
             f"Source folder: `{directory}` — {len(runs)} run file(s): {len(done)} complete, "
             f"{len(partial)} partial. commsim version(s): {versions}.", "",
             "## Runs", "", markdown_table(table), ""]
    if partial:
        lines += ["Partial runs (not finished; left out of summaries and figures): "
                  + ", ".join(f"`{r.name}`" for r in partial) + ".", ""]
    lines += ["## Summary per scenario", "",
              "Values on each run's last day: mean over replicate runs [95 % confidence "
              "interval: Student t on the logit (shares), Fisher-z (cosines), square-root "
              "(counts, rates, values) scale, back-transformed, so it stays in the "
              "metric's range].", ""]
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
    written = []
    for name, fig in figures.items():
        (path,) = save_figure(fig, out.parent, f"{out.stem}-{name}", ("png",))
        written.append(path)
        alt = "Platform metrics" if name == "platform" else "Per-group metrics"
        lines += image(path, out, alt)
    lines += ["## Metric definitions", "", markdown_table(definitions_table(runs)), "",
              "## Scenarios", "", *scenario_sections(runs)]
    return lines, written
