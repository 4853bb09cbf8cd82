"""Reading, summarising and plotting commsim run files (HDF5).

Public API::

    load_run(path, allow_partial=False, metrics=None) -> Run
    load_runs(paths_or_dir, level="platform", allow_partial=False) -> DataFrame
    read_runs(paths_or_dir, allow_partial=False) -> list[Run]
    load_compare(dir) -> Comparison
    load_sweep(dir_or_index)  # placeholder until the sweep index format exists
"""
from . import style  # noqa: F401  (first: selects the non-interactive Agg backend)
from .compare import Comparison, load_compare
from .errors import (FormatVersionError, MissingDataError, NotHDF5Error,
                     PartialRunError, PartialRunWarning, RunFileError)
from .frames import to_wide
from .runfile import SUPPORTED_FORMAT_VERSIONS, Run, load_run
from .runset import (find_run_files, load_runs, read_runs, runs_frame, runs_table,
                     varying_parameters)
from .stats import mean_ci, summarize
from .sweep import load_sweep

__all__ = [
    "Comparison", "FormatVersionError", "MissingDataError", "NotHDF5Error",
    "PartialRunError", "PartialRunWarning", "Run", "RunFileError",
    "SUPPORTED_FORMAT_VERSIONS", "find_run_files", "load_compare", "load_run",
    "load_runs", "load_sweep", "mean_ci", "read_runs", "runs_frame", "runs_table",
    "summarize", "to_wide", "varying_parameters",
]
