"""Reading, summarising and plotting commsim run files (HDF5).

Public API::

    load_run(path, allow_partial=False, metrics=None) -> Run
    load_runs(paths_or_dir, level="platform", allow_partial=False) -> DataFrame
    read_runs(paths_or_dir, allow_partial=False) -> list[Run]
    load_compare(dir) -> Comparison          (.arms in scenario order, .summary)
    split_by_scenario(dirs) -> list[Comparison]
    load_sweep(dir_or_index, series=False) -> DataFrame (or (DataFrame, series))
    sweep_summary(frame, metric, by) -> DataFrame;  swept_parameters(frame)
    read_index(dir_or_index) -> Index
"""
from . import style  # noqa: F401  (first: selects the non-interactive Agg backend)
from .atlas import FAILURE_MODES, FailureMode, plot_atlas, plot_failure_mode
from .compare import Comparison, load_compare, split_by_scenario
from .errors import (FormatVersionError, MissingDataError, NotHDF5Error,
                     PartialRunError, PartialRunWarning, RunFileError)
from .frames import to_wide
from .index import Index, read_index
from .runfile import SUPPORTED_FORMAT_VERSIONS, Run, load_run
from .runset import (find_run_files, load_runs, read_runs, runs_frame, runs_table,
                     varying_parameters)
from .stats import mean_ci, summarize
from .sweep import (complete_runs, load_sweep, sweep_series, sweep_summary,
                    swept_parameters)
from .sweepplots import plot_sweep_heatmap, plot_sweep_line

__all__ = [
    "Comparison", "FAILURE_MODES", "FailureMode", "FormatVersionError", "Index",
    "MissingDataError", "NotHDF5Error", "PartialRunError", "PartialRunWarning", "Run",
    "RunFileError", "SUPPORTED_FORMAT_VERSIONS", "complete_runs", "find_run_files",
    "load_compare", "load_run", "load_runs", "load_sweep", "mean_ci", "plot_atlas",
    "plot_failure_mode", "plot_sweep_heatmap", "plot_sweep_line", "read_index",
    "read_runs", "runs_frame", "runs_table", "split_by_scenario", "summarize",
    "sweep_series", "sweep_summary", "swept_parameters", "to_wide", "varying_parameters",
]
