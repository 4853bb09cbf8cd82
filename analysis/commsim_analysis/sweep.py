"""Extension point for parameter sweeps (format defined by a later issue).

A sweep folder will hold one run file per (parameter point, seed) and an
``index.h5`` with the table run id -> parameters -> seed (possibly with HDF5
external links to the run files). Until that layout is fixed, :func:`load_sweep`
refuses clearly instead of guessing; the fallback a caller can use today is
:func:`commsim_analysis.load_runs`, which already turns every varied parameter
into a column. To implement: read the index into a frame, resolve each row's run
file, and reuse :func:`commsim_analysis.runset.runs_frame` for the data.
"""
from __future__ import annotations

from pathlib import Path

INDEX_NAME = "index.h5"


def load_sweep(dir_or_index: str | Path):
    """Load a sweep (not yet available: the index format is not defined)."""
    path = Path(dir_or_index)
    index = path / INDEX_NAME if path.is_dir() else path
    raise NotImplementedError(
        f"{index}: reading sweep indexes is not implemented yet (the index format "
        "comes with the sweep issue); use load_runs() on the folder of run files")
