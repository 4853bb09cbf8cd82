"""The report of a comparison folder (``commsim compare``, or a batch of arms).

Per scenario in the folder: the arms (the first is the reference), the runs with
their status, the statistics ``commsim compare`` computed (``summary.csv``: per
arm mean and CI, difference from the reference with Welch's CI, p, Hedges' g)
with a forest plot of the differences -- or, for a plain batch without it, final
values per arm -- and the arms over time. A failure-mode scenario (one with a
``[signature]``) is framed as such: its mode, claim and expected signature, and
the checks of ``signature.csv``; any other comparison is a plain comparison of
strategies. The engine's numbers are printed as they are (rounded) rather than
recomputed, so the report cannot disagree with summary.md.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .atlas import atlas_order, plot_failure_mode, title_of
from .forest import plot_forest
from .index import INDEX_NAME, read_index
from .markdown import (definitions_table, format_interval, image, markdown_table,
                       scenario_sections)
from .numbers import format_number
from .plots import save_figure
from .reporting import MAX_LISTED_RUNS, count_runs, read_all_runs, summary_table
from .results import SUMMARY_CSV, Results, read_runs_csv, read_summary, results_of
from .stats import mean_ci
from .runfile import Run
from .signature import SIGNATURE_CSV, check_lines, read_checks


def _status_line(directory: Path) -> list[str]:
    if not (directory / INDEX_NAME).is_file():
        return []
    counts = read_index(directory).counts
    parts = ", ".join(f"{counts.get('runs_' + k, 0)} {k}"
                      for k in ("complete", "failed", "partial", "damaged", "pending"))
    return [f"Index `{INDEX_NAME}`: {counts.get('runs_total', '?')} planned runs: {parts}.",
            ""]


def _not_complete(run: Run) -> str:
    """A failed run's stub file carries the engine's ``error``; others stopped early."""
    error = run.meta["attrs"].get("error")
    return f"**no (failed: {error})**" if error else "**no (partial)**"


def _runs_table(res: Results, partial: list[Run]) -> pd.DataFrame:
    table = res.table[["run", "arm", "replicate", "seed"]].copy()
    table["complete"] = "yes"
    extra = pd.DataFrame([{"run": r.name, "arm": r.meta["attrs"].get("arm", "?"),
                           "replicate": r.meta["attrs"].get("replicate", "?"),
                           "seed": r.meta["seed"], "complete": _not_complete(r)}
                          for r in partial])
    table = pd.concat([table, extra], ignore_index=True) if partial else table
    return count_runs(table, "arm") if len(table) > MAX_LISTED_RUNS else table


def statistics_table(summary: pd.DataFrame, runs: pd.DataFrame | None = None) -> pd.DataFrame:
    """summary.csv as a readable table: metric, unit, arm, n, mean [CI],
    difference [CI], p, Hedges' g (the reference arm's difference left blank).

    With ``runs`` (runs.csv: one row per run, a column per metric) each arm's
    interval is recomputed to stay in the metric's range (``intervals.py``);
    summary.csv's own are plain t intervals, which can leave it."""
    ref = summary["reference_arm"].iloc[0] if "reference_arm" in summary.columns else None
    rows = []
    for row in summary.to_dict("records"):
        is_ref = row["arm"] == ref
        low, high = row.get("ci_low", float("nan")), row.get("ci_high", float("nan"))
        if runs is not None and row["metric"] in runs.columns:
            values = runs.loc[runs["arm"] == row["arm"], row["metric"]]
            _, low, high, _ = mean_ci(values, unit=str(row.get("unit", "")))
        out = {"metric": row["metric"], "unit": row.get("unit", ""), "arm": row["arm"],
               "n": row.get("n", ""),
               "mean [95 % CI]": format_interval(row["mean"], low, high)}
        if "diff" in row:
            out["diff vs reference [95 % CI]"] = ("(reference)" if is_ref else format_interval(
                row["diff"], row.get("diff_ci_low", float("nan")),
                row.get("diff_ci_high", float("nan"))))
        if "p_value" in row:
            out["p (Welch)"] = "" if is_ref else format_number(row["p_value"], 2)
        if "hedges_g" in row:
            out["Hedges' g"] = "" if is_ref else format_number(row["hedges_g"], 2)
        rows.append(out)
    return pd.DataFrame(rows)


def _framing(res: Results) -> list[str]:
    arms = ", ".join(f"`{a}`" + (" (reference)" if a == res.reference else "")
                     for a in res.arms)
    sig = res.signature
    if sig is None:
        return [f"## Comparison of {len(res.arms)} arms — scenario '{res.scenario_name}'", "",
                f"Arms (scenario order; the first is the reference): {arms}.", ""]
    lines = [f"## {sig.title} — scenario '{res.scenario_name}'", "",
             f"Failure mode: {sig.mode}" + (f" (claim {sig.claim})" if sig.claim else "")
             + f". Arms: {arms}; `{sig.failure}` should show the signature against "
             f"`{sig.control}`" + (f": {sig.summary}." if sig.summary else "."), ""]
    checks = check_lines(res.checks, sig)
    if checks:
        source = f"`{SIGNATURE_CSV}` of commsim compare" if res.checks is not None \
            else "the scenario's [signature] (not evaluated: no signature.csv)"
        lines += [f"Signature checks ({source}):", "", *[f"- {c}" for c in checks], ""]
    return lines


def _scenario_section(res: Results, partial: list[Run], out: Path,
                      single: bool) -> tuple[list[str], list[Path]]:
    lines = _framing(res) + ["### Runs", "", markdown_table(_runs_table(res, partial)), ""]
    if partial:
        lines += ["Runs that are not complete are left out of the statistics computed "
                  "here and of the figures.", ""]
    written = []
    if res.summary is not None and single:
        runs = read_runs_csv(res.path)
        per_arm = ("Student t on the metric's scale, recomputed from `runs.csv` so it stays "
                   "in the metric's range" if runs is not None else "Student t")
        lines += [f"### Statistics (`{SUMMARY_CSV}` of commsim compare)", "",
                  f"Per arm: n, mean and 95 % CI ({per_arm}); against the reference arm: "
                  "difference with Welch's 95 % CI, p and Hedges' g (see summary.md for "
                  "the method; Hedges' g is large whenever replicates barely vary).", "",
                  markdown_table(statistics_table(res.summary, runs)), ""]
        (path,) = save_figure(plot_forest(res), out.parent,
                              f"{out.stem}-forest-{res.scenario_name}", ("png",))
        written.append(path)
        lines += image(path, out, f"differences from {res.reference} with 95 % CIs")
    else:
        labels = dict(zip(res.table["run"], res.table["arm"]))
        table = summary_table(res.runs, "platform", labels, column="arm")
        if not table.empty:
            lines += ["### Final platform values per arm", "",
                      "Last day; mean over replicates [95 % CI, in the metric's range].", "",
                      markdown_table(table), ""]
    if res.runs:
        (path,) = save_figure(plot_failure_mode(res), out.parent,
                              f"{out.stem}-atlas-{res.scenario_name}", ("png",))
        written.append(path)
        lines += ["### Over time", "", *image(path, out, f"{title_of(res)}: arms over time")]
    return lines, written


def compare_report(directory: Path, out: Path) -> tuple[list[str], list[Path]]:
    """Report lines and figure files for a comparison folder."""
    done, partial = read_all_runs(directory)
    names = list(dict.fromkeys(r.meta["scenario_name"] for r in done + partial))
    single = len(names) == 1
    summary = read_summary(directory) if single else None
    checks = read_checks(directory) if single else None
    results = {name: results_of([r for r in done if r.meta["scenario_name"] == name],
                                directory, summary, checks)
               for name in names if any(r.meta["scenario_name"] == name for r in done)}
    ordered = [r.scenario_name for r in atlas_order(list(results.values()))]
    ordered += [n for n in names if n not in results]
    lines = [f"# commsim comparison report: {directory.name or directory}", "",
             f"Source folder: `{directory}` — {len(done) + len(partial)} run file(s): "
             f"{len(done)} complete, {len(partial)} partial; scenario(s): "
             + ", ".join(f"'{n}'" for n in ordered) + ".", "", *_status_line(directory)]
    written = []
    for name in ordered:
        skipped = [r for r in partial if r.meta["scenario_name"] == name]
        if name not in results:
            lines += [f"## scenario '{name}'", "", "No complete runs: "
                      + ", ".join(f"`{r.name}` {_not_complete(r)}" for r in skipped)
                      + ".", ""]
            continue
        section, files = _scenario_section(results[name], skipped, out, single)
        lines += section
        written += files
    lines += ["## Metric definitions", "", markdown_table(definitions_table(done + partial)),
              "", "## Scenarios", "", *scenario_sections(done + partial)]
    return lines, written
