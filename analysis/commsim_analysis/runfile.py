"""Loading one commsim run file (HDF5, format_version 1) into memory.

A run file holds root attributes that make the run reproducible (scenario text,
seed, version, resolved parameters), ``/daily`` (one [day, group] dataset per
metric) and ``/platform`` (one [day] dataset per metric). This module checks the
file is what it claims to be, honours the ``complete``/``days_written`` protocol
of streamed output, and hands back a :class:`Run` whose per-metric numpy arrays
are kept as loaded (cheap for large platforms) and whose tidy pandas frames are
built only when asked for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

import h5py
import numpy as np
import pandas as pd

from .attrs import parse_parameter_lines, read_attrs
from .errors import (FormatVersionError, MissingDataError, NotHDF5Error,
                     PartialRunError, RunFileError)

#: Run-file layouts this package knows how to read.
SUPPORTED_FORMAT_VERSIONS = frozenset({1})

#: Root attributes that every run file must carry.
REQUIRED_ROOT_ATTRS = ("format_version", "seed", "complete", "days_written")

#: Root attributes promoted to named ``meta`` keys; all others land in meta["attrs"].
_META_KEYS = ("commsim_version", "format_version", "seed", "scenario", "scenario_name",
              "complete", "days_planned", "days_written", "ticks_per_day")

LEVELS = ("daily", "platform")


@dataclass
class Run:
    """One loaded run.

    ``daily_arrays[metric]`` has shape (days, groups); ``platform_arrays[metric]``
    has shape (days,). Row ``d`` is the state at the end of day ``d`` (0-based); a
    group that did not exist yet holds NaN. ``units``/``descriptions`` map
    level ("daily" or "platform") -> metric -> text from the dataset attributes.
    """

    path: Path
    meta: dict[str, Any]
    daily_arrays: dict[str, np.ndarray]
    platform_arrays: dict[str, np.ndarray]
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    descriptions: dict[str, dict[str, str]] = field(default_factory=dict)

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

    def metrics(self, level: str) -> list[str]:
        """Metric names present at ``level`` ("daily" or "platform")."""
        return list(self._arrays(level))

    def unit(self, level: str, metric: str) -> str:
        return self.units.get(level, {}).get(metric, "")

    @cached_property
    def daily(self) -> pd.DataFrame:
        """Tidy per-group frame: columns day, group, metric, value (NaN rows kept,
        so its length is days x groups x metrics)."""
        frames = []
        for metric, arr in self.daily_arrays.items():
            days, groups = arr.shape
            frames.append(pd.DataFrame({
                "day": np.repeat(np.arange(days), groups),
                "group": np.tile(np.arange(groups), days),
                "metric": metric,
                "value": arr.ravel(),
            }))
        return _concat_tidy(frames, ["day", "group", "metric", "value"])

    @cached_property
    def platform(self) -> pd.DataFrame:
        """Tidy platform frame: columns day, metric, value."""
        frames = [pd.DataFrame({"day": np.arange(arr.shape[0]), "metric": metric,
                                "value": arr})
                  for metric, arr in self.platform_arrays.items()]
        return _concat_tidy(frames, ["day", "metric", "value"])

    def daily_wide(self, metric: str) -> pd.DataFrame:
        """One per-group metric as a day x group table."""
        arr = self._arrays("daily")[metric]
        return pd.DataFrame(arr, index=pd.RangeIndex(arr.shape[0], name="day"),
                            columns=pd.RangeIndex(arr.shape[1], name="group"))

    def platform_wide(self) -> pd.DataFrame:
        """All platform metrics as a day x metric table."""
        frame = pd.DataFrame(self.platform_arrays)
        frame.index.name = "day"
        frame.columns.name = "metric"
        return frame

    def _arrays(self, level: str) -> dict[str, np.ndarray]:
        if level == "daily":
            return self.daily_arrays
        if level == "platform":
            return self.platform_arrays
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")


def _concat_tidy(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=float if c == "value" else int)
                             for c in columns})
    out = pd.concat(frames, ignore_index=True)
    out["metric"] = out["metric"].astype("category")
    return out


def load_run(path: str | Path, *, allow_partial: bool = False,
             metrics: Iterable[str] | None = None) -> Run:
    """Read one run file.

    ``allow_partial``: a run whose ``complete`` attribute is not 1 raises
    :class:`PartialRunError` unless this is true; then ``meta["complete"]`` is False
    and only the ``days_written`` rows are returned.
    ``metrics``: load only these metric names (from either level); naming one that
    exists nowhere in the file is an error, so typos do not pass silently.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such run file")
    if not h5py.is_hdf5(path):
        raise NotHDF5Error(path, "not an HDF5 file (expected a commsim run file)")
    try:
        handle = h5py.File(path, "r")
    except OSError as exc:  # damaged/truncated HDF5
        raise RunFileError(path, f"cannot open as HDF5: {exc}") from exc
    with handle:
        meta = read_meta(handle, path)
        if not meta["complete"] and not allow_partial:
            raise PartialRunError(
                path, f"partial run (complete != 1): {meta['days_written']} of "
                      f"{meta.get('days_planned', '?')} days written; "
                      "pass allow_partial=True (plot.py: --allow-partial) to read "
                      "the written days")
        wanted = None if metrics is None else set(metrics)
        daily, d_units, d_desc = _read_level(handle, path, "daily", 2, meta, wanted)
        platform, p_units, p_desc = _read_level(handle, path, "platform", 1, meta, wanted)
    if wanted is not None:
        unknown = wanted - set(daily) - set(platform)
        if unknown:
            raise KeyError(f"{path}: no metric named {sorted(unknown)}; available: "
                           f"daily {sorted(d_units)}, platform {sorted(p_units)}")
    return Run(path=path, meta=meta, daily_arrays=daily, platform_arrays=platform,
               units={"daily": d_units, "platform": p_units},
               descriptions={"daily": d_desc, "platform": p_desc})


def read_meta(handle: h5py.File, path: Path) -> dict[str, Any]:
    """Validate and collect the root attributes and resolved parameters."""
    root = read_attrs(handle)
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

    meta: dict[str, Any] = {k: root.get(k) for k in _META_KEYS}
    meta["complete"] = root["complete"] == 1
    meta["days_written"] = int(root["days_written"])
    meta["scenario_name"] = meta["scenario_name"] or path.stem
    meta["parameters"] = _read_parameters(handle, root)
    meta["run"] = path.stem
    meta["path"] = str(path)
    meta["attrs"] = {k: v for k, v in root.items() if k not in _META_KEYS
                     and k != "parameters"}
    return meta


def _read_parameters(handle: h5py.File, root: dict[str, Any]) -> dict[str, Any]:
    """Typed parameters from /parameters; the root text is only a fallback."""
    if "parameters" in handle and isinstance(handle["parameters"], h5py.Group):
        params = read_attrs(handle["parameters"], int8_as_bool=True)
        if params:
            return dict(sorted(params.items()))
    return dict(sorted(parse_parameter_lines(root.get("parameters") or "").items()))


def _read_level(handle: h5py.File, path: Path, level: str, ndim: int,
                meta: dict[str, Any], wanted: set[str] | None):
    """Read every dataset of /daily or /platform, trimmed to days_written rows."""
    if level not in handle or not isinstance(handle[level], h5py.Group):
        raise MissingDataError(path, f"missing group /{level} (every run file has "
                                     "/daily and /platform)")
    arrays, units, descriptions = {}, {}, {}
    days = meta["days_written"]
    for metric, ds in handle[level].items():
        if not isinstance(ds, h5py.Dataset):
            continue
        attrs = read_attrs(ds)
        units[metric] = str(attrs.get("unit", ""))
        descriptions[metric] = str(attrs.get("description", ""))
        if wanted is not None and metric not in wanted:
            continue
        if ds.ndim != ndim:
            raise RunFileError(path, f"/{level}/{metric} has {ds.ndim} dimensions, "
                                     f"expected {ndim}")
        if ds.shape[0] < days:
            raise MissingDataError(path, f"/{level}/{metric} has {ds.shape[0]} rows but "
                                         f"days_written = {days}")
        arrays[metric] = np.asarray(ds[:days], dtype=np.float64)
    widths = {a.shape[1] for a in arrays.values()} if ndim == 2 else set()
    if len(widths) > 1:
        raise RunFileError(path, f"/{level} datasets disagree on the number of groups: "
                                 f"{sorted(widths)}")
    return arrays, units, descriptions
