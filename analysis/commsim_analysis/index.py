"""Reading ``DIR/index.h5``, the run list ``commsim batch|sweep|compare|index`` write.

The index is the one place that knows every *planned* run, including those with
no usable file (failed, partial, pending), so it -- not a glob over ``*.h5`` -- is
what a sweep analysis starts from. Layout (index_format_version 1, see
docs/cluster.md): one row per run in plan order under ``/runs`` (strings and
int64), the parameters runs set apart under ``/runs/params``, per-run platform
summaries under ``/runs/summary``, external links to the run files under
``/files``, and the run counts as root attributes. This module only decodes that
layout into pandas; what to do with incomplete runs is decided in ``sweep.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import h5py
import numpy as np
import pandas as pd

from .attrs import read_attrs, to_python
from .errors import FormatVersionError, MissingDataError, NotHDF5Error, RunFileError

INDEX_NAME = "index.h5"
SUPPORTED_INDEX_VERSIONS = frozenset({1})

#: /runs columns every index has, in the order the loaders present them.
ID_COLUMNS = ("run_id", "scenario_name", "arm", "point", "replicate", "seed", "status",
              "error", "file", "days_written", "days_planned")

#: Root attributes holding run counts (runs_total, runs_complete, ...).
COUNT_PREFIX = "runs_"


@dataclass
class Index:
    """A decoded index: ``runs`` (one row per run, plan order: ID_COLUMNS, then
    parameters, then summaries), the column names of each kind, and the root
    attributes (``counts``: runs_total, runs_complete, runs_failed, ...)."""

    path: Path
    runs: pd.DataFrame
    parameters: list[str]
    summaries: list[str]
    counts: dict[str, int]
    attrs: dict[str, Any]

    @property
    def directory(self) -> Path:
        return self.path.parent


def index_path(dir_or_index: str | Path) -> Path:
    """``DIR/index.h5`` for a folder, the path itself for a file."""
    path = Path(dir_or_index)
    return path / INDEX_NAME if path.is_dir() else path


def _column(ds: h5py.Dataset) -> np.ndarray | list:
    """A 1-D dataset as a numpy array; strings decoded, int8 booleans as bool."""
    if ds.dtype.kind in ("O", "S", "U"):
        return [to_python(v) for v in ds[()]]
    data = ds[()]
    if data.dtype == np.int8:  # the format's boolean marker (as in /parameters)
        return data.astype(bool)
    return data


def _names(root: dict[str, Any], key: str) -> list[str] | None:
    text = root.get(key)
    return None if text is None else [n for n in str(text).splitlines() if n]


def read_index(dir_or_index: str | Path) -> Index:
    """Decode an index file. Errors name the file and what is wrong with it."""
    path = index_path(dir_or_index)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no index (commsim batch/sweep/compare write "
                                "one; `commsim index DIR` rebuilds it from the run files)")
    if not h5py.is_hdf5(path):
        raise NotHDF5Error(path, "not an HDF5 file (expected a commsim index.h5)")
    with h5py.File(path, "r") as handle:
        root = read_attrs(handle)
        version = root.get("index_format_version")
        if version not in SUPPORTED_INDEX_VERSIONS:
            raise FormatVersionError(
                path, f"index_format_version {version!r} is not supported "
                      f"(supported: {sorted(SUPPORTED_INDEX_VERSIONS)})")
        if "runs" not in handle or not isinstance(handle["runs"], h5py.Group):
            raise MissingDataError(path, "missing group /runs")
        group = handle["runs"]
        missing = [c for c in ID_COLUMNS if c not in group]
        if missing:
            raise MissingDataError(path, f"missing dataset(s) /runs/{missing}")
        data = {c: _column(group[c]) for c in ID_COLUMNS}
        params = _sub_columns(group, "params", _names(root, "parameter_columns"))
        summaries = _sub_columns(group, "summary", _names(root, "summary_columns"))
    lengths = {len(v) for v in (*data.values(), *params.values(), *summaries.values())}
    if len(lengths) > 1:
        raise RunFileError(path, f"/runs datasets disagree on the number of runs: "
                                 f"{sorted(lengths)}")
    runs = pd.DataFrame({**data, **params, **summaries})
    counts = {k: int(v) for k, v in root.items() if k.startswith(COUNT_PREFIX)}
    return Index(path=path, runs=runs, parameters=list(params), summaries=list(summaries),
                 counts=counts, attrs=root)


def _sub_columns(group: h5py.Group, name: str, order: list[str] | None) -> dict[str, Any]:
    """Datasets of /runs/<name>, in the order the root attribute lists them (the
    engine's order) and then any others alphabetically."""
    if name not in group:
        return {}
    sub = group[name]
    present = [k for k in sub if isinstance(sub[k], h5py.Dataset)]
    ordered = [k for k in (order or []) if k in present]
    ordered += sorted(set(present) - set(ordered))
    return {k: _column(sub[k]) for k in ordered}
