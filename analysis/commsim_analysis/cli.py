"""Command-line front ends: ``plot.py``, ``report.py`` and ``export.py`` (and the
``commsim-plot``, ``commsim-report``, ``commsim-export`` commands an installed
package provides) are thin wrappers.

Kept in the package so tests can call ``plot_main([...])`` in-process. Data
errors (bad, damaged or partial files, unknown metric names) end with a one-line
message and exit status 1, usage errors with argparse's status 2; paths written go
to stdout, one per line, so scripts can collect them. These entry points, and
only they, select matplotlib's file-only "Agg" backend.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Sequence

import matplotlib

from .errors import RunFileError
from .export import export_csv
from .figures import (atlas_figures, compare_figures, run_figures, runs_figures,
                      sweep_figures)
from .forest import plot_forest
from .intervals import with_bounds
from .plots import save_figure
from .reporting import build_report
from .results import load_results, read_summary, split_by_scenario
from .runfile import read_run
from .runset import find_run_files, read_runs
from .sweeps import load_sweep

DATA_ERRORS = (RunFileError, FileNotFoundError, KeyError, ValueError, NotImplementedError)
FORMATS = ("png", "svg", "pdf")


def _csv(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _formats(text: str) -> list[str]:
    formats = [f.lower().lstrip(".") for f in _csv(text)]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"formats must be among {','.join(FORMATS)}")
    return formats


def _output(p: argparse.ArgumentParser, out_default: str = ".") -> None:
    p.add_argument("--out", type=Path, default=Path(out_default),
                   help=f"folder for the figures (default: {out_default})")
    p.add_argument("--format", dest="formats", type=_formats, default=["png"],
                   help="comma-separated output formats: png,svg,pdf (default: png)")


def _common(p: argparse.ArgumentParser, out_default: str = ".") -> None:
    _output(p, out_default)
    p.add_argument("--metrics", type=_csv, default=None,
                   help="comma-separated metric names to plot (default: all)")
    p.add_argument("--allow-partial", action="store_true",
                   help="include unfinished runs (flagged in titles/legends)")


def plot_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plot.py", description="Plot commsim run files (HDF5) to image files.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="platform and per-group series of one run")
    p.add_argument("run_file", type=Path)
    _common(p)
    p = sub.add_parser("runs", help="overlay several runs, one colour per scenario")
    p.add_argument("inputs", type=Path, nargs="+", help="run files and/or folders of them")
    _common(p)
    p = sub.add_parser("compare", help="arms of a comparison folder over time (mean and "
                                       "95%% CI) and the forest plot of summary.csv")
    p.add_argument("directory", type=Path)
    _common(p)
    p = sub.add_parser("forest", help="forest plot of a comparison's differences from the "
                                      "reference arm (summary.csv of commsim compare)")
    p.add_argument("directory", type=Path)
    _output(p)
    p.add_argument("--metrics", type=_csv, default=None,
                   help="comma-separated headline metrics (default: all in summary.csv)")
    p = sub.add_parser("sweep", help="a sweep's summary metric against its parameters: "
                                     "line (--x) or heatmap (--x and --y)")
    p.add_argument("directory", type=Path, help="sweep folder (or its index.h5)")
    p.add_argument("--x", required=True, help="parameter on the x axis, e.g. groups.strictness")
    p.add_argument("--y", default=None, help="second parameter: draw a heatmap")
    p.add_argument("--metric", dest="metrics", type=_csv, required=True,
                   help="summary column(s) of index.h5, comma-separated, "
                        "e.g. value_gained_mean,members_final")
    _output(p)
    p = sub.add_parser("atlas", help="failure-mode atlas: control vs failure on each "
                                     "scenario's signature metrics")
    p.add_argument("directories", type=Path, nargs="+",
                   help="compare/batch folders of failure-mode scenarios")
    _output(p)
    p.add_argument("--no-overview", action="store_true",
                   help="only the per-scenario figures, not atlas.png")
    return parser


def _short_warnings() -> None:
    """One 'warning: ...' line instead of Python's file:line format."""
    warnings.formatwarning = lambda msg, cat, *a, **k: f"warning: {msg}\n"


def _read_metrics(metrics: list[str] | None) -> list[str] | None:
    """Metrics to read from the files: None (all) for none or ``all``; with a
    metric, the one that bounds its band (UPPER_BOUND_BY)."""
    return None if metrics is None or metrics == ["all"] else with_bounds(metrics)


def _series_metrics(directory: Path, metrics: list[str] | None) -> list[str] | None:
    """The named metrics to read from a comparison's run files: a headline metric of
    summary.csv that the files do not hold as a series (``final_size``: one number per
    run) is drawn from the summaries only (forest, dose-response), not read."""
    if metrics is None or metrics == ["all"]:
        return metrics
    summary = read_summary(directory)
    if summary is None:
        return metrics
    probe = read_run(find_run_files(directory)[0], metrics=[], allow_partial=True)
    series = set(probe.units["daily"]) | set(probe.units["platform"])
    headline = set(summary["metric"])
    return [m for m in metrics if m in series or m not in headline]


def _figures(args) -> dict:
    """{file stem: Figure} for the chosen subcommand."""
    if args.command == "run":
        run = read_run(args.run_file, allow_partial=args.allow_partial,
                       metrics=_read_metrics(args.metrics))
        return {f"{run.name}-{k}": f for k, f in run_figures(run, args.metrics).items()}
    if args.command == "runs":
        runs = read_runs(args.inputs, allow_partial=args.allow_partial,
                         metrics=_read_metrics(args.metrics))
        if not runs:
            raise ValueError("no complete runs to plot (see --allow-partial)")
        return {f"runs-{k}": f for k, f in runs_figures(runs, args.metrics).items()}
    if args.command == "compare":
        res = load_results(args.directory, allow_partial=args.allow_partial,
                           metrics=_read_metrics(_series_metrics(args.directory,
                                                                 args.metrics)))
        if not res.runs:
            raise ValueError(f"{args.directory}: no complete runs to compare")
        stem = f"compare-{args.directory.resolve().name}"
        return {f"{stem}-{k}": f for k, f in compare_figures(res, args.metrics).items()}
    if args.command == "forest":
        res = load_results(args.directory, metrics=[])
        return {f"forest-{args.directory.resolve().name}": plot_forest(res, args.metrics)}
    if args.command == "sweep":
        return sweep_figures(load_sweep(args.directory), args.x, args.metrics, args.y)
    results = [r for r in split_by_scenario(args.directories) if r.runs]
    if not results:
        raise ValueError("no complete runs in " + ", ".join(map(str, args.directories)))
    return atlas_figures(results, overview=not args.no_overview)


def plot_main(argv: Sequence[str] | None = None) -> int:
    args = plot_parser().parse_args(argv)
    matplotlib.use("Agg")  # files only: no display on cluster nodes or in CI
    _short_warnings()
    try:
        figs = _figures(args)
    except DATA_ERRORS as exc:
        print(f"plot.py: error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    if not figs:
        print("plot.py: error: nothing to plot for the selected metrics", file=sys.stderr)
        return 1
    for stem, fig in figs.items():
        for path in save_figure(fig, args.out, stem, args.formats):
            print(path)
    return 0


def report_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="report.py",
        description="Write a Markdown report (with PNG figures) for a folder of run files, "
                    "a comparison (commsim compare/batch with arms) or a sweep.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--out", type=Path, default=None,
                        help="report file (default: DIRECTORY/report.md); figures go beside it")
    args = parser.parse_args(argv)
    matplotlib.use("Agg")
    _short_warnings()
    try:
        paths = build_report(args.directory, args.out)
    except DATA_ERRORS as exc:
        print(f"report.py: error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


def export_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="export.py",
        description="Write run files as one CSV table, BehaviorSpace style: a row per "
                    "run x day (x group), identifying columns and every parameter.")
    parser.add_argument("inputs", type=Path, nargs="+", help="run files and/or folders of them")
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    parser.add_argument("--level", choices=("daily", "platform"), default="daily",
                        help="per-group (daily, default) or platform metrics")
    parser.add_argument("--metrics", type=_csv, default=None,
                        help="comma-separated metric names (default: all)")
    parser.add_argument("--allow-partial", action="store_true",
                        help="include unfinished runs (column 'complete' = False)")
    args = parser.parse_args(argv)
    _short_warnings()
    try:
        path = export_csv(args.inputs, args.out, level=args.level, metrics=args.metrics,
                          allow_partial=args.allow_partial)
    except DATA_ERRORS as exc:
        print(f"export.py: error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    print(path)
    return 0
