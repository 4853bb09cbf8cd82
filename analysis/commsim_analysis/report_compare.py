"""The report of a comparison folder (``commsim compare``, or a batch of arms).

Per scenario in the folder: the arms (the first is the reference), the runs with
their status, the statistics ``commsim compare`` computed (``summary.csv``:
per arm mean and CI, difference from the reference with Welch's CI, Hedges' g),
or -- for a plain batch without it -- final values per arm, and the atlas figure
of the scenario's failure-mode signature. The engine's numbers are printed as
they are rather than recomputed, so the report cannot disagree with summary.md.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .atlas import FAILURE_MODES, failure_mode, plot_failure_mode
from .compare import SUMMARY_CSV, Comparison, comparison_of, read_summary
from .index import INDEX_NAME, read_index
from .markdown import definitions_table, image, markdown_table, scenario_sections
from .plots import save_figure
from .runfile import Run
from .reporting import read_all_runs, summary_table


def _status_line(directory: Path) -> list[str]:
    if not (directory / INDEX_NAME).is_file():
        return []
    counts = read_index(directory).counts
    parts = ", ".join(f"{counts.get('runs_' + k, 0)} {k}"
                      for k in ("complete", "failed", "partial", "pending"))
    return [f"Index `{INDEX_NAME}`: {counts.get('runs_total', '?')} planned runs: {parts}.",
            ""]


def _not_complete(run: Run) -> str:
    """A failed run's stub file carries the engine's ``error``; others stopped early."""
    error = run.meta["attrs"].get("error")
    return f"**no (failed: {error})**" if error else "**no (partial)**"


def _runs_table(comp: Comparison, partial: list[Run]) -> pd.DataFrame:
    table = comp.table[["run", "arm", "replicate", "seed"]].copy()
    table["complete"] = "yes"
    extra = pd.DataFrame([{"run": r.name, "arm": r.meta["attrs"].get("arm", "?"),
                           "replicate": r.meta["attrs"].get("replicate", "?"),
                           "seed": r.meta["seed"], "complete": _not_complete(r)}
                          for r in partial])
    return pd.concat([table, extra], ignore_index=True) if partial else table


def _scenario_section(comp: Comparison, partial: list[Run], out: Path,
                      single: bool) -> tuple[list[str], list[Path]]:
    mode = failure_mode(comp.scenario_name)
    lines = [f"## {mode.title} — scenario '{comp.scenario_name}'", "",
             "Arms (scenario order; the first is the reference): "
             + ", ".join(f"`{a}`" + (" (reference)" if a == comp.reference else "")
                         for a in comp.arms) + f". Expected signature: {mode.signature}.", "",
             "### Runs", "", markdown_table(_runs_table(comp, partial)), ""]
    if partial:
        lines += ["Runs that are not complete are left out of the statistics computed "
                  "here and of the figure.", ""]
    if comp.summary is not None and single:
        lines += [f"### Statistics (`{SUMMARY_CSV}` of commsim compare)", "",
                  "Per arm: n, mean, SD, 95 % CI; against the reference arm: difference "
                  "with Welch's 95 % CI, df, p and Hedges' g (see summary.md).", "",
                  markdown_table(comp.summary), ""]
    else:
        labels = dict(zip(comp.table["run"], comp.table["arm"]))
        table = summary_table(comp.runs, "platform", labels, column="arm")
        if not table.empty:
            lines += ["### Final platform values per arm", "",
                      "Last day; mean ± half-width of the 95 % CI (Student t) over "
                      "replicates.", "", markdown_table(table), ""]
    written = []
    if comp.runs:
        (path,) = save_figure(plot_failure_mode(comp), out.parent,
                              f"{out.stem}-atlas-{comp.scenario_name}", ("png",))
        written.append(path)
        lines += ["### Signature over time", "",
                  *image(path, out, f"{mode.title}: control vs failure")]
    return lines, written


def compare_report(directory: Path, out: Path) -> tuple[list[str], list[Path]]:
    """Report lines and figure files for a comparison folder."""
    done, partial = read_all_runs(directory)
    names = list(dict.fromkeys(r.meta["scenario_name"] for r in done + partial))
    rank = {name: i for i, name in enumerate(FAILURE_MODES)}  # claim order first
    names.sort(key=lambda n: rank.get(n, len(rank)))
    summary = read_summary(directory)
    lines = [f"# commsim comparison report: {directory.name or directory}", "",
             f"Source folder: `{directory}` — {len(done) + len(partial)} run file(s): "
             f"{len(done)} complete, {len(partial)} partial; scenario(s): "
             + ", ".join(f"'{n}'" for n in names) + ".", "", *_status_line(directory)]
    written = []
    for name in names:
        runs = [r for r in done if r.meta["scenario_name"] == name]
        skipped = [r for r in partial if r.meta["scenario_name"] == name]
        if not runs:
            lines += [f"## scenario '{name}'", "", "No complete runs: "
                      + ", ".join(f"`{r.name}` {_not_complete(r)}" for r in skipped)
                      + ".", ""]
            continue
        comp = comparison_of(runs, directory, summary)
        section, files = _scenario_section(comp, skipped, out, single=len(names) == 1)
        lines += section
        written += files
    lines += ["## Metric definitions", "", markdown_table(definitions_table(done + partial)),
              "", "## Scenarios", "", *scenario_sections(done + partial)]
    return lines, written
