"""Reading one commsim run file (HDF5, format_version 1).

A run file holds root attributes that make the run reproducible (scenario text,
seed, version, resolved parameters), ``/daily`` (one [day, group] dataset per
metric), ``/platform`` (one [day] dataset per metric) and, when the model wrote
them, ``/hourly`` (one [hour, group] dataset per metric; read on request:
``level="hourly"``) and streamed tables (``tables.py``). :func:`read_run` checks
the file is what it claims to be (``validate.py``), honours the
``complete``/``days_written`` protocol of streamed output, and returns a
:class:`Run` of numpy arrays; it reads in a child process (``isolate.py``) so a
damaged file cannot crash the interpreter. :func:`load_run` returns the same data
as an ``xarray.Dataset``, the form analyses start from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import h5py
import numpy as np
import xarray as xr

from .attrs import parse_parameter_lines, read_attrs
from .errors import (DamagedFileError, FormatVersionError, MissingDataError,
                     NotHDF5Error, PartialRunError)
from .isolate import isolated
from .validate import (check_dataset, check_range, check_size, h5read, integer_attr,
                       memory_budget, open_hdf5)

#: Run-file layouts this package knows how to read.
SUPPORTED_FORMAT_VERSIONS = frozenset({1})

#: Root attributes that every run file must carry.
REQUIRED_ROOT_ATTRS = ("format_version", "seed", "complete", "days_written")

#: Root attributes promoted to named ``meta`` keys; all others land in meta["attrs"].
_META_KEYS = ("commsim_version", "format_version", "seed", "scenario", "scenario_name",
              "complete", "days_planned", "days_written", "ticks_per_day")

LEVELS = ("daily", "platform", "hourly")
#: What read_run reads unless told otherwise: hourly series can be 24 times the size.
DEFAULT_LEVELS = ("daily", "platform")
_NDIM = {"daily": 2, "platform": 1, "hourly": 2}


@dataclass
class Run:
    """One run as numpy arrays (what figures and reports work from).

    ``daily_arrays[metric]`` has shape (days, groups); ``platform_arrays[metric]``
    has shape (days,). Row ``d`` is the state at the end of day ``d`` (0-based); a
    group that did not exist yet holds NaN. ``hourly_arrays[metric]`` has shape
    (hours, groups), hour 0 being the first hour of day 0; it is empty unless the
    run was read with "hourly" among its levels. ``units``/``descriptions`` map
    level -> metric -> text from the dataset attributes.
    """

    path: Path
    meta: dict[str, Any]
    daily_arrays: dict[str, np.ndarray]
    platform_arrays: dict[str, np.ndarray]
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    descriptions: dict[str, dict[str, str]] = field(default_factory=dict)
    hourly_arrays: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """Short run identifier: the file stem."""
        return self.path.stem

    @property
    def parameters(self) -> dict[str, Any]:
        return self.meta["parameters"]

    @property
    def n_days(self) -> int:
        return int(self.meta["days_written"])

    @property
    def n_groups(self) -> int:
        return next((a.shape[1] for a in self.daily_arrays.values()), 0)

    @property
    def n_hours(self) -> int:
        return next((a.shape[0] for a in self.hourly_arrays.values()), 0)

    def shape(self, level: str) -> tuple[int, ...]:
        """(rows, groups) of a per-group level, (rows,) of the platform level."""
        if level == "platform":
            return (self.n_days,)
        if level == "hourly":
            return (self.n_hours,
                    next((a.shape[1] for a in self.hourly_arrays.values()), 0))
        return (self.n_days, self.n_groups)

    def metrics(self, level: str) -> list[str]:
        """Metric names present at ``level`` ("daily" or "platform")."""
        return list(self.arrays(level))

    def unit(self, level: str, metric: str) -> str:
        return self.units.get(level, {}).get(metric, "")

    def arrays(self, level: str) -> dict[str, np.ndarray]:
        if level == "daily":
            return self.daily_arrays
        if level == "platform":
            return self.platform_arrays
        if level == "hourly":
            return self.hourly_arrays
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")

    def dataset(self, level: str = "daily") -> xr.Dataset:
        """This run as an ``xarray.Dataset`` (see :func:`load_run`)."""
        from .datasets import run_dataset
        return run_dataset(self, level)


def read_run(path: str | Path, *, allow_partial: bool = False,
             metrics: Iterable[str] | None = None,
             levels: Iterable[str] = DEFAULT_LEVELS) -> Run:
    """Read and validate one run file into numpy arrays.

    ``allow_partial``: a run whose ``complete`` attribute is not 1 raises
    :class:`PartialRunError` unless this is true; then ``meta["complete"]`` is False
    and only the ``days_written`` rows are returned.
    ``metrics``: load only these metric names (from either level); naming one that
    exists nowhere in the file is a KeyError, so typos do not pass silently.
    ``levels``: which of "daily", "platform", "hourly" to read (a level not read
    holds no arrays); asking for "hourly" in a run without it is a MissingDataError.
    A damaged file raises a :class:`RunFileError` subclass naming the file and fault.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such run file")
    if not path.is_file():
        raise NotHDF5Error(path, "not a regular file (expected a commsim run file)")
    wanted = None if metrics is None else sorted(set(metrics))
    levels = tuple(levels)
    for level in levels:
        check_level(level)
    run = isolated(path, _read_file, path, wanted, memory_budget(), levels)
    if not run.meta["complete"] and not allow_partial:
        raise PartialRunError(
            path, f"partial run (complete != 1): {run.meta['days_written']} of "
                  f"{run.meta.get('days_planned', '?')} days written; "
                  "pass allow_partial=True (plot.py: --allow-partial) to read "
                  "the written days")
    return run


def load_run(path: str | Path, *, level: str = "daily", allow_partial: bool = False,
             metrics: Iterable[str] | None = None) -> xr.Dataset:
    """One run file as an ``xarray.Dataset``.

    ``level="daily"``: one variable per per-group metric, dims (day, group);
    ``level="platform"``: one variable per platform metric, dims (day,);
    ``level="hourly"``: the hourly series, dims (hour, group), with ``day`` as a
    coordinate along ``hour`` (:func:`~commsim_analysis.load_hourly`). Each
    variable carries ``unit`` and ``description`` attributes; the dataset's
    attributes are the run's (seed, scenario, scenario_name, complete, days_written,
    arm, replicate, ...) and every resolved parameter under its own name
    (``ds.attrs["groups.count"]``; :func:`parameters` collects them).
    ``ds.to_dataframe()`` gives the pandas table. Errors as :func:`read_run`; a
    metric at the other level is a KeyError saying which level it is at.
    """
    check_level(level)
    levels = ("hourly",) if level == "hourly" else DEFAULT_LEVELS
    run = read_run(path, allow_partial=allow_partial, metrics=metrics, levels=levels)
    # (read_run named any metric the file has no hourly series of)
    if metrics is not None and level != "hourly":
        other = "platform" if level == "daily" else "daily"
        misplaced = sorted(set(metrics) - set(run.metrics(level)))
        if misplaced:
            raise KeyError(f"{path}: {misplaced} not at level '{level}' (they are "
                           f"{other} metrics: use level='{other}')")
    return run.dataset(level)


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")


def _read_file(path: Path, wanted: list[str] | None, budget: int,
               read_levels: tuple[str, ...] = DEFAULT_LEVELS) -> Run:
    """The whole read (runs in the child process of :func:`isolated`)."""
    handle = open_hdf5(path)
    with handle:
        meta = read_meta(handle, path)
        levels = {}
        for level in LEVELS:
            if level not in read_levels:
                levels[level] = ({}, {}, {})
                continue
            rows = meta["hours_written"] if level == "hourly" else meta["days_written"]
            levels[level] = _read_level(handle, path, level, rows,
                                        None if wanted is None else set(wanted), budget)
    if wanted is not None:
        unknown = set(wanted).difference(*(levels[lv][0] for lv in LEVELS))
        if unknown:
            available = ", ".join(f"{lv} {sorted(levels[lv][1])}" for lv in read_levels)
            raise KeyError(f"{path}: no metric named {sorted(unknown)}; available: "
                           f"{available}")
    return Run(path=path, meta=meta, daily_arrays=levels["daily"][0],
               platform_arrays=levels["platform"][0], hourly_arrays=levels["hourly"][0],
               units={lv: levels[lv][1] for lv in LEVELS},
               descriptions={lv: levels[lv][2] for lv in LEVELS})


def read_meta(handle: h5py.File, path: Path) -> dict[str, Any]:
    """Validate and collect the root attributes and resolved parameters."""
    root = h5read(path, "the root attributes", lambda: read_attrs(handle))
    if "format_version" not in root:
        raise FormatVersionError(path, "no root attribute 'format_version' "
                                       "(not a commsim run file?)")
    version = root["format_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatVersionError(path, f"format_version {version!r} is not an integer")
    if version not in SUPPORTED_FORMAT_VERSIONS:
        raise FormatVersionError(
            path, f"format_version {version} is not supported by this analysis package "
                  f"(supported: {sorted(SUPPORTED_FORMAT_VERSIONS)})")
    missing = [a for a in REQUIRED_ROOT_ATTRS if a not in root]
    if missing:
        raise MissingDataError(path, f"missing root attribute(s) {missing}")
    integer_attr(path, root, "seed")
    integer_attr(path, root, "complete", 0, 1)
    planned = integer_attr(path, root, "days_planned", 0) if "days_planned" in root else None
    written = integer_attr(path, root, "days_written", 0, planned)
    ticks = integer_attr(path, root, "ticks_per_day", 1) if "ticks_per_day" in root else 24
    hours = None
    if "hours_written" in root:
        hours = integer_attr(path, root, "hours_written", 0)
        if hours != ticks * written:
            raise DamagedFileError(path, f"root attribute 'hours_written' = {hours} is not "
                                         f"{ticks} x days_written ({written})")
    for key in ("scenario", "scenario_name", "commsim_version", "parameters"):
        if key in root and not isinstance(root[key], str):
            raise DamagedFileError(path, f"root attribute '{key}' is {root[key]!r}, "
                                         "not a string")

    meta: dict[str, Any] = {k: root.get(k) for k in _META_KEYS}
    meta["complete"] = root["complete"] == 1
    meta["days_written"] = written
    meta["hours_written"] = hours
    meta["scenario_name"] = meta["scenario_name"] or path.stem
    meta["parameters"] = _read_parameters(handle, path, root)
    meta["run"] = path.stem
    meta["path"] = str(path)
    meta["attrs"] = {k: v for k, v in root.items() if k not in _META_KEYS
                     and k != "parameters"}
    return meta


def _read_parameters(handle: h5py.File, path: Path, root: dict[str, Any]) -> dict[str, Any]:
    """Typed parameters from /parameters; the root text is only a fallback."""
    group = h5read(path, "/parameters", lambda: handle.get("parameters"))
    if isinstance(group, h5py.Group):
        params = h5read(path, "the attributes of /parameters",
                        lambda: read_attrs(group, int8_as_bool=True))
        if params:
            return dict(sorted(params.items()))
    return dict(sorted(parse_parameter_lines(root.get("parameters") or "").items()))


def _read_level(handle: h5py.File, path: Path, level: str, days: int,
                wanted: set[str] | None, budget: int):
    """Every dataset of /daily or /platform, trimmed to ``days`` rows, after
    checking ranks, types, widths and sizes of all of them."""
    group = h5read(path, f"/{level}", lambda: handle.get(level))
    if level == "hourly" and group is None:
        raise MissingDataError(path, "no /hourly series: the run's model wrote no hourly "
                                     "output (it is opt-in)")
    if level == "hourly" and days is None:
        raise DamagedFileError(path, "/hourly holds series but there is no root attribute "
                                     "'hours_written'")
    if not isinstance(group, h5py.Group):
        raise MissingDataError(path, f"missing group /{level} (every run file has "
                                     "/daily and /platform)")
    counter = "hours_written" if level == "hourly" else "days_written"
    units, descriptions, selected = {}, {}, {}
    names = h5read(path, f"the members of /{level}", lambda: list(group.keys()))
    for metric in names:
        name = f"/{level}/{metric}"
        ds = h5read(path, name, lambda: group[metric])
        if not isinstance(ds, h5py.Dataset):
            continue
        attrs = h5read(path, f"the attributes of {name}", lambda: read_attrs(ds))
        units[metric] = str(attrs.get("unit", ""))
        descriptions[metric] = str(attrs.get("description", ""))
        if wanted is None or metric in wanted:
            selected[metric] = (ds, check_dataset(path, name, ds, _NDIM[level], days,
                                                  counter=counter))
    widths = {shape[1] for _, shape in selected.values()} if _NDIM[level] == 2 else set()
    if len(widths) > 1:
        raise DamagedFileError(path, f"/{level} datasets disagree on the number of groups: "
                                     f"{sorted(widths)}")
    total = 0
    for metric, (ds, shape) in selected.items():
        check_size(path, f"/{level}/{metric}", ds, shape, budget - total)
        total += int(np.prod(shape, dtype=object)) * 8
    arrays = {}
    for metric, (ds, shape) in selected.items():
        name = f"/{level}/{metric}"
        values = h5read(path, name, lambda: np.asarray(ds[: shape[0]], dtype=np.float64))
        check_range(path, name, values, units[metric])
        arrays[metric] = values
    return arrays, units, descriptions
