"""A folder of results: runs with their arm, sweep point and replicate labels.

``commsim batch``, ``sweep`` and ``compare`` write each run with root attributes
``arm`` (string), ``arm_index`` (its position in the scenario file), ``point``
(the sweep point, -1 without a sweep) and ``replicate``; ``commsim compare`` adds
``summary.csv`` (per arm: mean, CI, difference from the first arm) and, for a
scenario with a ``[signature]``, ``signature.csv``. A comparison of a one-parameter
sweep (a dose-response) has a row per arm and point instead, with the columns
``point``, one named after the swept parameter (e.g. ``groups.fee``) and
``reference_point``: each row is compared with the first arm at the same point or,
without arms, with the first point (:func:`swept_parameter`). The first arm of the scenario
is the reference the statistics compare against, so arms are ordered by
``arm_index`` rather than by file name. Folders made by hand (run files of
several scenarios) lack these attributes; then the arm is the scenario name and
replicates are numbered by seed, so the same figures serve both.

:class:`Results` is what :func:`load_results` (alias :func:`load_compare`) and the
drivers :func:`~commsim_analysis.driver.run`, ``compare`` and ``sweep`` return.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable

import pandas as pd
import xarray as xr

from .datasets import runs_dataset
from .index import INDEX_NAME
from .runfile import Run
from .runset import check_metric_levels, read_runs
from .signature import Signature, SignatureError, parse_signature, read_checks

#: Written by ``commsim compare``: one row per metric x arm (see its summary.md).
SUMMARY_CSV = "summary.csv"
#: Written by ``commsim compare``: one row per run with its headline metrics.
RUNS_CSV = "runs.csv"
#: The columns of summary.csv other than the swept parameter's.
SUMMARY_COLUMNS = frozenset({
    "metric", "unit", "arm", "arm_index", "point", "reference_arm", "reference_point", "n",
    "mean", "sd", "ci_low", "ci_high", "diff", "diff_ci_low", "diff_ci_high", "diff_df",
    "p_value", "hedges_g"})


def swept_parameter(summary: pd.DataFrame | None) -> str | None:
    """The parameter a dose-response comparison swept (the column of summary.csv
    named after it), or None for a comparison of arms only."""
    if summary is None or "point" not in summary.columns:
        return None
    extra = [c for c in summary.columns if c not in SUMMARY_COLUMNS]
    if len(extra) != 1:
        raise ValueError(f"summary.csv has a point column but {len(extra)} parameter columns "
                         f"({', '.join(extra) or 'none'}); commsim compare writes one")
    return extra[0]


@dataclass
class Results:
    """Runs of one folder (or one scenario of it) with their labels.

    ``table``: one row per run (run, arm, arm_index, point, replicate,
    scenario_name, seed, complete), sorted by arm (scenario order), point, replicate.
    ``daily`` / ``platform``: the runs as ``xarray.Dataset``s (dims run x day x
    group / run x day) with those labels as coordinates along ``run``.
    ``summary``: ``summary.csv`` of ``commsim compare``, or None.
    ``swept_parameter``: the parameter of a dose-response comparison, or None.
    ``run_metrics``: ``runs.csv`` (headline metrics per run), or None.
    ``checks``: ``signature.csv`` of ``commsim compare``, or None.
    ``index``: the folder's ``index.h5`` as :func:`load_sweep` reads it, or None.
    """

    path: Path
    runs: list[Run]
    table: pd.DataFrame
    summary: pd.DataFrame | None = None
    checks: pd.DataFrame | None = None
    index: xr.Dataset | None = field(default=None, repr=False)

    @property
    def arms(self) -> list[str]:
        """Arm names in scenario order (``arm_index``); the first is the reference."""
        return list(dict.fromkeys(self.table["arm"]))

    @property
    def reference(self) -> str | None:
        """The arm the others are compared against (the scenario's first arm)."""
        return self.arms[0] if len(self.table) else None

    @property
    def scenario_name(self) -> str:
        """The scenario's name (names joined by '+' if the folder mixes several)."""
        return "+".join(dict.fromkeys(self.table["scenario_name"].astype(str)))

    @property
    def swept_parameter(self) -> str | None:
        """The parameter a dose-response comparison swept (``summary.csv``)."""
        return swept_parameter(self.summary)

    @cached_property
    def run_metrics(self) -> pd.DataFrame | None:
        """``runs.csv`` of ``commsim compare``: a row per run, a column per headline
        metric (with ``point`` and the swept parameter for a sweep), or None."""
        return read_runs_csv(self.path)

    @property
    def units(self) -> dict[str, dict[str, str]]:
        """level -> metric -> unit, merged over the runs."""
        return {level: {m: u for r in self.runs for m, u in r.units[level].items()}
                for level in ("daily", "platform")}

    @cached_property
    def signature(self) -> Signature | None:
        """The scenario's ``[signature]`` (from the scenario text every run file
        carries), or None when it has none."""
        if not self.runs:
            return None
        run = self.runs[0]
        return parse_signature(run.meta.get("scenario") or "", str(run.path))

    @cached_property
    def daily(self) -> xr.Dataset:
        return self.dataset("daily")

    @cached_property
    def platform(self) -> xr.Dataset:
        return self.dataset("platform")

    def dataset(self, level: str = "daily", metrics: Iterable[str] | None = None) -> xr.Dataset:
        """The runs at ``level`` with arm, arm_index, point and replicate as
        coordinates along ``run`` (``metrics`` limits the variables)."""
        metrics = None if metrics is None else list(metrics)
        check_metric_levels(self.runs, level, metrics)
        labels = {c: list(self.table[c]) for c in ("arm", "arm_index", "replicate")}
        return runs_dataset(self.runs, level, metrics, extra=labels)

    def forest(self, metrics: Iterable[str] | None = None):
        """Forest plot of each arm's difference from the reference (``summary.csv``)."""
        from .forest import plot_forest
        return plot_forest(self, metrics)

    def dose_response(self, metrics: Iterable[str] | None = None):
        """Headline metrics against the swept parameter: mean and 95 % band per arm."""
        from .doseresponse import plot_dose_response
        return plot_dose_response(self, metrics)

    def plot(self, metrics: Iterable[str] | None = None, level: str = "daily"):
        """Each arm's mean over replicates per day with a range-respecting 95 % band."""
        from .figures import arms_figure
        return arms_figure(self, level, metrics)


def arm_labels(runs: list[Run]) -> pd.DataFrame:
    """Arm, arm index, point and replicate of each run, from root attributes or the
    fallback (arm = scenario name in order of appearance, replicate = seed rank)."""
    rows = [{"run": r.name, "arm": r.meta["attrs"].get("arm"),
             "arm_index": r.meta["attrs"].get("arm_index"),
             "point": r.meta["attrs"].get("point", -1),
             "replicate": r.meta["attrs"].get("replicate"),
             "scenario_name": r.meta["scenario_name"], "seed": r.meta["seed"],
             "complete": r.meta["complete"]} for r in runs]
    table = pd.DataFrame(rows, columns=["run", "arm", "arm_index", "point", "replicate",
                                        "scenario_name", "seed", "complete"])
    no_arm = table["arm"].isna() | (table["arm"] == "")
    table.loc[no_arm, "arm"] = table.loc[no_arm, "scenario_name"]
    if table["arm_index"].isna().any():  # hand-made folder: order of appearance
        first_seen = {arm: i for i, arm in enumerate(dict.fromkeys(table["arm"]))}
        table["arm_index"] = table["arm_index"].fillna(table["arm"].map(first_seen))
    table["arm_index"] = table["arm_index"].astype(int)
    table["point"] = table["point"].fillna(-1).astype(int)
    if table["replicate"].isna().any():
        by_seed = table.groupby(["arm", "point"])["seed"].rank(method="first").astype(int) - 1
        table["replicate"] = table["replicate"].fillna(by_seed)
    table["replicate"] = table["replicate"].astype(int)
    dup = table[table.duplicated(["arm", "point", "replicate"], keep=False)]
    if not dup.empty:
        shown = [f"{r.run} ({r.arm}, {r.replicate})" for r in dup.itertuples()]
        more = f" and {len(shown) - 6} more" if len(shown) > 6 else ""
        raise ValueError("several run files claim the same arm and replicate: "
                         + ", ".join(shown[:6]) + more + " (a folder of several "
                         "scenarios? split_by_scenario / plot.py atlas compare each)")
    return table.sort_values(["arm_index", "point", "replicate"],
                             kind="stable").reset_index(drop=True)


def read_summary(directory: str | Path) -> pd.DataFrame | None:
    """``DIR/summary.csv`` as a frame ("NA" cells become NaN), or None if absent."""
    path = Path(directory) / SUMMARY_CSV
    if not path.is_file():
        return None
    try:
        frame = pd.read_csv(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read as CSV: {exc}") from None
    missing = {"metric", "arm", "mean"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)} (not a summary.csv "
                         "of commsim compare?)")
    try:
        swept_parameter(frame)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    return frame


def read_runs_csv(directory: str | Path) -> pd.DataFrame | None:
    """``DIR/runs.csv`` (one row per run: run_id, arm, replicate, seed, each headline
    metric; for a sweep also point and the swept parameter), or None if absent or not
    in that form."""
    path = Path(directory) / RUNS_CSV
    if not path.is_file():
        return None
    try:
        frame = pd.read_csv(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read as CSV: {exc}") from None
    return frame if "arm" in frame.columns else None


def results_of(runs: list[Run], path: str | Path, summary: pd.DataFrame | None = None,
               checks: pd.DataFrame | None = None,
               index: xr.Dataset | None = None) -> Results:
    """Build :class:`Results` from already loaded runs (ordered by arm)."""
    table = arm_labels(runs)
    order = {name: i for i, name in enumerate(table["run"])}
    runs = sorted(runs, key=lambda r: order[r.name])
    return Results(path=Path(path), runs=runs, table=table, summary=summary,
                   checks=checks, index=index)


def load_results(directory: str | Path, *, allow_partial: bool = False,
                 metrics: Iterable[str] | None = None) -> Results:
    """Load a folder of ``commsim batch``/``sweep``/``compare`` output (or run files
    made by hand); partial runs follow :func:`read_runs`. The folder's
    ``summary.csv``, ``signature.csv`` and ``index.h5`` are attached when present."""
    from .sweeps import load_sweep
    directory = Path(directory)
    runs = read_runs(directory, allow_partial=allow_partial, metrics=metrics)
    index = None
    if (directory / INDEX_NAME).is_file():
        index = load_sweep(directory, warn=False)
    return results_of(runs, directory, read_summary(directory), read_checks(directory), index)


#: ``load_compare`` reads a comparison folder: the same as :func:`load_results`.
load_compare = load_results


def split_by_scenario(directories: Iterable[str | Path], *,
                      allow_partial: bool = False) -> list[Results]:
    """One :class:`Results` per (folder, scenario), in order of appearance:
    ``commsim batch scenarios/failure --out DIR`` puts five scenarios' arms into
    one folder, and each is compared on its own. ``summary.csv`` and
    ``signature.csv`` are attached when their folder holds a single scenario."""
    out = []
    for directory in map(Path, directories):
        runs = read_runs(directory, allow_partial=allow_partial)
        names = list(dict.fromkeys(r.meta["scenario_name"] for r in runs))
        single = len(names) == 1
        summary = read_summary(directory) if single else None
        checks = read_checks(directory) if single else None
        for name in names:
            out.append(results_of([r for r in runs if r.meta["scenario_name"] == name],
                                  directory, summary, checks))
    return out


__all__ = ["Results", "SignatureError", "arm_labels", "load_compare", "load_results",
           "read_runs_csv", "read_summary", "results_of", "split_by_scenario",
           "swept_parameter"]
