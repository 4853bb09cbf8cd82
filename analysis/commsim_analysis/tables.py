"""Per-member snapshots, streamed tables and hourly series of a run file, as
``xarray.Dataset``s.

Snapshots and tables come back with a single row dimension and one variable per
column; ``.to_dataframe()`` makes the pandas table.

* ``/snapshots/day_N/<column>`` (``snapshots.every_days`` > 0): one 1-D dataset per
  column (group, person, state, alignment, value, ...) for each snapshot day N.
  :func:`load_snapshots` stacks the days in numeric order (``day_59`` before
  ``day_119``) with ``day`` as a coordinate of each row.
* Streamed tables ``/<name>`` (``/events``, ``/groups``, ``/interventions``; see
  docs/output-format.md): a group of 1-D columns whose ``rows`` attribute says
  how many rows are data (a partial file may hold more). :func:`load_table`
  reads any of them; code (HDF5 enum) and string columns come back as text.
* ``/events`` (``output.events = true``): :func:`load_events` is
  ``load_table(path, "events")`` with dim ``event`` and a ``day`` column derived
  from ``tick``; it also reads the table as one compound dataset.
* ``/hourly/<metric>`` [hour, group]: :func:`load_hourly`, the daily loader's
  code path at ``level="hourly"``.

All read in a child process and check shapes and sizes before reading, like
:func:`~commsim_analysis.runfile.read_run`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import h5py
import numpy as np
import xarray as xr

from .attrs import read_attrs, to_python
from .errors import (DamagedFileError, MissingDataError, NoEventsError, NotHDF5Error,
                     PartialRunError)
from .isolate import isolated
from .runfile import load_run, read_meta
from .validate import check_range, check_size, h5read, memory_budget, open_hdf5

SNAPSHOT_DAY = re.compile(r"day_(\d+)")
#: Snapshot columns holding identifiers or codes: integers, not measurements.
_INTEGER_UNITS = ("group id", "person id", "code")


def load_snapshots(path: str | Path, *, days: Iterable[int] | None = None,
                   columns: Iterable[str] | None = None,
                   allow_partial: bool = False) -> xr.Dataset:
    """Per-member snapshots of one run: dim ``row``, a variable per column
    (``unit``/``description`` attributes), coordinate ``day`` per row; rows of
    one day together, days in numeric order. ``days``/``columns`` select.
    Raises MissingDataError when the run wrote no snapshots."""
    path = _existing(path)
    wanted_days = None if days is None else sorted({int(d) for d in days})
    wanted_cols = None if columns is None else list(dict.fromkeys(columns))
    return isolated(path, _read_snapshots, path, wanted_days, wanted_cols,
                    allow_partial, memory_budget())


def load_table(path: str | Path, name: str, *, allow_partial: bool = False) -> xr.Dataset:
    """The streamed table ``/<name>`` of a run (``"events"``, ``"groups"``,
    ``"interventions"``): dim ``row``, a variable per column in declared order
    (attributes ``unit``, ``description``; a code column's values as their names
    and its ``codes`` as an attribute), the table's ``description`` and ``rows``
    and the run's attributes on the dataset. Only the ``rows`` rows the file
    vouches for are read. Raises MissingDataError naming the tables the file has
    when there is no such table."""
    path = _existing(path)
    return isolated(path, _read_table, path, str(name), allow_partial, memory_budget())


def load_events(path: str | Path, *, allow_partial: bool = False) -> xr.Dataset:
    """The run's event table: dim ``event``, a variable per column, ``day`` derived
    from ``tick``. Raises :class:`NoEventsError` when the run was made without
    ``output.events = true``."""
    ds = load_table(path, "events", allow_partial=allow_partial).rename({"row": "event"})
    if "tick" in ds and "day" not in ds and ds.attrs.get("ticks_per_day"):
        ds["day"] = ("event", np.asarray(ds["tick"].values) // ds.attrs["ticks_per_day"],
                     {"unit": "days"})
    return ds


def load_hourly(path: str | Path, *, allow_partial: bool = False,
                metrics: Iterable[str] | None = None) -> xr.Dataset:
    """The run's hourly series: dims (hour, group), ``day`` a coordinate along
    ``hour``; checked and read like the daily series (``load_run(path,
    level="hourly")``). Raises MissingDataError when the run wrote none."""
    return load_run(path, level="hourly", allow_partial=allow_partial, metrics=metrics)


def _existing(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such run file")
    if not path.is_file():
        raise NotHDF5Error(path, "not a regular file (expected a commsim run file)")
    return path


def _open(path: Path, allow_partial: bool):
    handle = open_hdf5(path)
    meta = read_meta(handle, path)
    if not meta["complete"] and not allow_partial:
        handle.close()
        raise PartialRunError(path, "partial run (complete != 1); pass allow_partial=True "
                                    "to read what was written")
    return handle, meta


def _run_attrs(meta: dict) -> dict:
    keep = ("seed", "scenario_name", "days_written", "days_planned", "ticks_per_day", "run")
    attrs = {k: meta[k] for k in keep if meta.get(k) is not None}
    attrs["complete"] = int(meta["complete"])
    attrs.update({k: v for k, v in meta["attrs"].items() if not isinstance(v, list)})
    return attrs


def _column(path: Path, name: str, ds: h5py.Dataset, length: int | None, budget: int,
            rows: int | None = None, complete: bool = True):
    """A 1-D column after checking its rank, type, length and size. ``rows``: the
    table's ``rows`` attribute, the length to read (more only in a partial file);
    else every column must have ``length`` rows."""
    shape = h5read(path, f"the shape of {name}", lambda: ds.shape)
    dtype = h5read(path, f"the type of {name}", lambda: ds.dtype)
    if len(shape) != 1:
        raise DamagedFileError(path, f"{name} has {len(shape)} dimension(s), expected 1")
    if rows is not None:
        if shape[0] < rows or (complete and shape[0] != rows):
            raise DamagedFileError(path, f"{name} has {shape[0]} rows but the table's "
                                         f"'rows' attribute says {rows}")
        shape = (rows,)
    elif length is not None and shape[0] != length:
        raise DamagedFileError(path, f"{name} has {shape[0]} rows, the table's other "
                                     f"columns {length}")
    if dtype.kind not in "fiub" and dtype.names is None \
            and h5py.check_string_dtype(dtype) is None and h5py.check_enum_dtype(dtype) is None:
        raise DamagedFileError(path, f"{name} has element type {dtype}, expected numbers "
                                     "or text")
    check_size(path, name, ds, shape, budget)
    return h5read(path, name, lambda: ds[: shape[0]]), dtype


def _read_snapshots(path: Path, days, columns, allow_partial: bool, budget: int):
    handle, meta = _open(path, allow_partial)
    with handle:
        group = h5read(path, "/snapshots", lambda: handle.get("snapshots"))
        if not isinstance(group, h5py.Group):
            raise MissingDataError(path, "no /snapshots: the run wrote no per-member "
                                         "snapshots (set snapshots.every_days > 0)")
        found = {}
        for key in h5read(path, "the members of /snapshots", lambda: list(group.keys())):
            match = SNAPSHOT_DAY.fullmatch(key)
            if not match:
                raise DamagedFileError(path, f"/snapshots/{key} is not named day_<N>")
            day = int(match.group(1))
            if meta.get("days_planned") is not None and day >= meta["days_planned"]:
                raise DamagedFileError(path, f"/snapshots/{key}: day {day} is past the "
                                             f"run's {meta['days_planned']} days")
            found[day] = key
        if days is not None:
            absent = [d for d in days if d not in found]
            if absent:
                raise KeyError(f"{path}: no snapshot for day(s) {absent}; snapshot days: "
                               f"{sorted(found)}")
        chosen = sorted(found) if days is None else days
        if not chosen:
            raise MissingDataError(path, "/snapshots holds no day_<N> groups")
        parts, units, descriptions = [], {}, {}
        for day in chosen:
            sub = h5read(path, f"/snapshots/{found[day]}", lambda: group[found[day]])
            names = h5read(path, f"/snapshots/{found[day]}", lambda: list(sub.keys()))
            if columns is not None:
                missing = [c for c in columns if c not in names]
                if missing:
                    raise KeyError(f"{path}: no snapshot column(s) {missing}; columns: "
                                   f"{sorted(names)}")
                names = columns
            table, length = {}, None
            for col in names:
                name = f"/snapshots/{found[day]}/{col}"
                ds = h5read(path, name, lambda: sub[col])
                attrs = h5read(path, f"the attributes of {name}", lambda: read_attrs(ds))
                units.setdefault(col, str(attrs.get("unit", "")))
                descriptions.setdefault(col, str(attrs.get("description", "")))
                values, _ = _column(path, name, ds, length, budget)
                values = np.asarray(values, dtype=np.float64)
                check_range(path, name, values, units[col])
                length = values.shape[0]
                table[col] = values
            parts.append((day, table, length or 0))
    order = list(dict.fromkeys(c for _, t, _ in parts for c in t))
    data = {}
    for col in order:
        values = np.concatenate([t.get(col, np.full(n, np.nan)) for _, t, n in parts])
        if units[col] in _INTEGER_UNITS and np.isfinite(values).all():
            values = values.astype(np.int64)
        data[col] = ("row", values, {"unit": units[col], "description": descriptions[col]})
    day_of_row = np.concatenate([np.full(n, d, dtype=np.int64) for d, _, n in parts])
    return xr.Dataset(data, coords={"day": ("row", day_of_row)}, attrs=_run_attrs(meta))


def _decode(values: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Enum codes as their names, strings as str; numbers unchanged."""
    enum = h5py.check_enum_dtype(dtype)
    if enum is not None:
        names = {v: k for k, v in enum.items()}
        return np.array([names.get(int(v), str(int(v))) for v in values], dtype=object)
    if h5py.check_string_dtype(dtype) is not None or dtype.kind in "SUO":
        return np.array([to_python(v) for v in values], dtype=object)
    return values


def _table_names(handle: h5py.File, path: Path) -> list[str]:
    """Root groups carrying a ``rows`` attribute: the streamed tables."""
    names = []
    for key in h5read(path, "the root group", lambda: list(handle.keys())):
        node = h5read(path, f"/{key}", lambda: handle.get(key))
        if isinstance(node, h5py.Group) and h5read(path, f"the attributes of /{key}",
                                                   lambda: "rows" in node.attrs):
            names.append(key)
    return sorted(names)


def _read_table(path: Path, name: str, allow_partial: bool, budget: int):
    handle, meta = _open(path, allow_partial)
    with handle:
        node = h5read(path, f"/{name}", lambda: handle.get(name))
        if node is None:
            if name == "events":
                raise NoEventsError(path, "no /events table: the run was made without "
                                          "output.events = true (set it in the scenario's "
                                          "[output] table, or --set output.events=true, "
                                          "and rerun)")
            raise MissingDataError(path, f"no /{name} table; tables in this file: "
                                         f"{_table_names(handle, path)}")
        columns, col_attrs = {}, {}
        if isinstance(node, h5py.Dataset):  # one compound dataset
            dtype = h5read(path, f"the type of /{name}", lambda: node.dtype)
            if dtype.names is None:
                raise DamagedFileError(path, f"/{name} is a dataset of {dtype}, expected "
                                             "a compound table (or a group of columns)")
            values, _ = _column(path, f"/{name}", node, None, budget)
            for field in dtype.names:
                columns[field] = _decode(values[field], dtype.fields[field][0])
                col_attrs[field] = {}
            attrs = h5read(path, f"the attributes of /{name}", lambda: read_attrs(node))
        elif isinstance(node, h5py.Group):  # a dataset per column
            attrs = h5read(path, f"the attributes of /{name}", lambda: read_attrs(node))
            rows = attrs.get("rows")
            if rows is not None and (isinstance(rows, bool) or not isinstance(rows, int)
                                     or rows < 0):
                raise DamagedFileError(path, f"/{name}: attribute 'rows' is {rows!r}, "
                                             "not a count")
            length = None
            for col in h5read(path, f"the members of /{name}", lambda: list(node)):
                ds = h5read(path, f"/{name}/{col}", lambda: node[col])
                column = f"/{name}/{col}"
                if not isinstance(ds, h5py.Dataset):
                    raise DamagedFileError(path, f"{column} is not a dataset")
                values, dtype = _column(path, column, ds, length, budget, rows,
                                        meta["complete"])
                length = len(values)
                columns[col] = _decode(values, dtype)
                a = h5read(path, f"the attributes of {column}", lambda: read_attrs(ds))
                col_attrs[col] = {"unit": str(a.get("unit", "")),
                                  "description": str(a.get("description", ""))}
                enum = h5py.check_enum_dtype(dtype)
                if enum is not None:
                    col_attrs[col]["codes"] = [k for k, _ in sorted(enum.items(),
                                                                    key=lambda kv: kv[1])]
        else:
            raise DamagedFileError(path, f"/{name} is neither a table nor a group")
    n = len(next(iter(columns.values()))) if columns else int(attrs.get("rows") or 0)
    data = {c: ("row", v, col_attrs[c]) for c, v in columns.items()}
    table_attrs = {k: v for k, v in attrs.items() if not isinstance(v, list)}
    return xr.Dataset(data, coords={"row": np.arange(n)},
                      attrs={**_run_attrs(meta), **table_attrs, "table": name})
