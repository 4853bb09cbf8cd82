"""Reading ``DIR/index.h5``, the run list ``commsim batch|sweep|compare|index`` write.

The index is the one place that knows every *planned* run, including those with
no usable file (failed, partial, damaged, pending), so it -- not a glob over
``*.h5`` -- is what a sweep analysis starts from. Layout (index_format_version 1, see
docs/cluster.md): one row per run in plan order under ``/runs`` (strings and
int64), the parameters runs set apart under ``/runs/params``, per-run platform
summaries under ``/runs/summary``, external links to the run files under
``/files``, and the run counts as root attributes. This module checks and decodes
that layout (in a child process, like run files); what to do with incomplete runs
is decided in ``sweeps.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import h5py
import numpy as np
import pandas as pd

from .attrs import read_attrs, to_python
from .errors import DamagedFileError, FormatVersionError, MissingDataError
from .isolate import isolated
from .validate import check_size, h5read, integer_attr, memory_budget, open_hdf5

INDEX_NAME = "index.h5"
SUPPORTED_INDEX_VERSIONS = frozenset({1})

#: /runs columns every index has, in the order the loaders present them.
ID_COLUMNS = ("run_id", "scenario_name", "arm", "point", "replicate", "seed", "status",
              "error", "file", "days_written", "days_planned")
#: ``damaged``: a file that says complete but fails commsim's checks (docs/output-format.md,
#: "What readers check"); ``commsim index`` lists it so and ``--resume`` reruns it.
STATUSES = frozenset({"complete", "damaged", "failed", "partial", "pending"})

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


def read_index(dir_or_index: str | Path) -> Index:
    """Decode an index file. Errors name the file and what is wrong with it."""
    path = index_path(dir_or_index)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no index (commsim batch/sweep/compare write "
                                "one; `commsim index DIR` rebuilds it from the run files)")
    return isolated(path, _read_index, path, memory_budget())


def _column(path: Path, name: str, ds, length: int | None, budget: int):
    """A 1-D column (strings decoded, int8 booleans as bool) after checking it."""
    shape = h5read(path, f"the shape of {name}", lambda: ds.shape)
    dtype = h5read(path, f"the type of {name}", lambda: ds.dtype)
    if len(shape) != 1:
        raise DamagedFileError(path, f"{name} has {len(shape)} dimensions, expected 1")
    if length is not None and shape[0] != length:
        raise DamagedFileError(path, f"/runs datasets disagree on the number of runs: "
                                     f"{name} has {shape[0]}, others {length}")
    check_size(path, name, ds, shape, budget)
    data = h5read(path, name, lambda: ds[()])
    if dtype.kind in ("O", "S", "U"):
        return [to_python(v) for v in data]
    if dtype.kind not in "fiub":
        raise DamagedFileError(path, f"{name} has element type {dtype}")
    if data.dtype == np.int8:  # the format's boolean marker (as in /parameters)
        return data.astype(bool)
    return data


def _names(root: dict[str, Any], key: str) -> list[str] | None:
    text = root.get(key)
    return None if text is None else [n for n in str(text).splitlines() if n]


def _read_index(path: Path, budget: int) -> Index:
    handle = open_hdf5(path, "a commsim index.h5")
    with handle:
        root = h5read(path, "the root attributes", lambda: read_attrs(handle))
        version = root.get("index_format_version")
        if isinstance(version, bool) or version not in SUPPORTED_INDEX_VERSIONS:
            raise FormatVersionError(
                path, f"index_format_version {version!r} is not supported "
                      f"(supported: {sorted(SUPPORTED_INDEX_VERSIONS)})")
        group = h5read(path, "/runs", lambda: handle.get("runs"))
        if not isinstance(group, h5py.Group):
            raise MissingDataError(path, "missing group /runs")
        present = h5read(path, "the members of /runs", lambda: set(group.keys()))
        missing = [c for c in ID_COLUMNS if c not in present]
        if missing:
            raise MissingDataError(path, f"missing dataset(s) /runs/{missing}")
        data, length = {}, None
        for c in ID_COLUMNS:
            data[c] = _column(path, f"/runs/{c}", h5read(path, f"/runs/{c}",
                                                         lambda: group[c]), length, budget)
            length = len(data[c])
        params = _sub_columns(path, group, "params", _names(root, "parameter_columns"),
                              length, budget)
        summaries = _sub_columns(path, group, "summary", _names(root, "summary_columns"),
                                 length, budget)
    counts = {k: integer_attr(path, root, k, 0) for k in root if k.startswith(COUNT_PREFIX)}
    runs = pd.DataFrame({**data, **params, **summaries})
    _check_rows(path, runs)
    return Index(path=path, runs=runs, parameters=list(params), summaries=list(summaries),
                 counts=counts, attrs=root)


def _check_rows(path: Path, runs: pd.DataFrame) -> None:
    """Statuses from the known set; file names that stay inside the folder."""
    bad = sorted(set(runs["status"]) - STATUSES)
    if bad:
        raise DamagedFileError(path, f"/runs/status holds unknown value(s) {bad} "
                                     f"(known: {sorted(STATUSES)})")
    for name in runs["file"]:
        if not isinstance(name, str) or "/" in name or name in ("", ".", ".."):
            raise DamagedFileError(path, f"/runs/file holds {name!r}, not a file name "
                                         "in the index's folder")
    for col in ("days_written", "days_planned"):
        if (np.asarray(runs[col]) < 0).any():
            raise DamagedFileError(path, f"/runs/{col} holds negative values")


def _sub_columns(path: Path, group: h5py.Group, name: str, order: list[str] | None,
                 length: int, budget: int) -> dict[str, Any]:
    """Datasets of /runs/<name>, in the order the root attribute lists them (the
    engine's order) and then any others alphabetically."""
    sub = h5read(path, f"/runs/{name}", lambda: group.get(name))
    if sub is None:
        return {}
    if not isinstance(sub, h5py.Group):
        raise DamagedFileError(path, f"/runs/{name} is not a group")
    keys = h5read(path, f"the members of /runs/{name}", lambda: list(sub.keys()))
    present = [k for k in keys if isinstance(sub.get(k), h5py.Dataset)]
    ordered = [k for k in (order or []) if k in present]
    ordered += sorted(set(present) - set(ordered))
    return {k: _column(path, f"/runs/{name}/{k}", sub[k], length, budget) for k in ordered}
