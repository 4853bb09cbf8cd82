"""Run commsim from Python, read its HDF5 output as xarray datasets, draw honest figures.

Driving runs (each returns :class:`Results`; progress shows while the binary runs)::

    run(scenario, set={...}, seeds=[1, 2, 3], threads=2) -> Results
    compare(scenario, set={...}, replicates=5, jobs=2)   -> Results (.summary, .forest(),
                                                          .dose_response() for a sweep)
    sweep(scenario, ...)                                -> Results (.index)

Reading (every loader returns an ``xarray.Dataset``; ``.to_dataframe()`` for pandas)::

    load_run(path, level="daily"|"platform")   dims day x group | day
    load_runs(paths_or_dir, level=...)         dims run x day x group | run x day
    load_hourly(path)                          dims hour x group (level="hourly")
    load_snapshots(path)                       dim row (per member, day as coordinate)
    load_table(path, "groups")                 dim row (any streamed table)
    load_events(path)                          dim event
    load_sweep(dir)                            dim run (the index: status, parameters, summaries)
    load_results(dir) / load_compare(dir)      -> Results (runs, arms, summary.csv, signature)
    export_csv(paths_or_dir, out, level=...)   one CSV row per run x day (x group)

Importing the package has no side effects (matplotlib's backend is left alone).
"""
from .atlas import plot_atlas, plot_failure_mode
from .binary import find_binary
from .datasets import parameters, varying_parameters
from .driver import compare, run, sweep
from .errors import (CommsimError, DamagedFileError, FormatVersionError, MissingDataError,
                     NoEventsError, NotHDF5Error, PartialRunError, PartialRunWarning,
                     RunFileError)
from .doseresponse import plot_dose_response
from .export import export_csv, to_table
from .forest import plot_forest
from .index import Index, read_index
from .intervals import mean_interval, metric_range
from .plots import plot_categories, save_figure
from .results import Results, load_compare, load_results, split_by_scenario
from .runfile import SUPPORTED_FORMAT_VERSIONS, Run, load_run, read_run
from .runset import find_run_files, load_runs, read_runs
from .signature import Signature, SignatureError, parse_signature
from .stats import mean_ci, summarize
from .sweeps import complete_runs, load_sweep, sweep_frame, sweep_summary, swept_parameters
from .sweepplots import plot_sweep_heatmap, plot_sweep_line
from .tables import load_events, load_hourly, load_snapshots, load_table
from .groups import by_type, group_lifetimes, group_types, with_types

__version__ = "0.2.0"

__all__ = [
    "CommsimError", "DamagedFileError", "FormatVersionError", "Index", "MissingDataError",
    "NoEventsError", "NotHDF5Error", "PartialRunError", "PartialRunWarning", "Results",
    "Run", "RunFileError", "SUPPORTED_FORMAT_VERSIONS", "Signature", "SignatureError",
    "compare", "complete_runs", "export_csv", "find_binary", "find_run_files",
    "load_compare", "load_events", "load_hourly", "load_results", "load_run", "load_runs",
    "load_snapshots", "load_sweep", "load_table", "mean_ci", "mean_interval",
    "by_type", "group_lifetimes", "group_types", "with_types",
    "metric_range", "parameters", "parse_signature", "plot_atlas", "plot_categories",
    "plot_dose_response", "plot_failure_mode", "plot_forest", "plot_sweep_heatmap", "plot_sweep_line",
    "read_index", "read_run", "read_runs", "run", "save_figure", "split_by_scenario",
    "summarize", "sweep", "sweep_frame", "sweep_summary", "swept_parameters", "to_table",
    "varying_parameters",
]
