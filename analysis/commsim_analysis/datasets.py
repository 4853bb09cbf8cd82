"""Runs as ``xarray.Dataset``s: the form analyses start from.

One run: dims (day, group) for per-group metrics, (day,) for platform metrics;
the run's attributes and resolved parameters as dataset attributes. Many runs:
a leading ``run`` dimension; what identifies a run (scenario, arm, replicate,
seed, sweep point, each parameter that differs between runs) becomes a coordinate
along ``run``, so ``ds.groupby("arm")`` and ``ds.sel(run=...)`` do the rest;
parameters shared by every run stay attributes. Runs of different length or
group count are padded with NaN. Arrays are stacked with numpy (no tidy frame
in between): a comparison of 50 runs loads in well under a second.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

import numpy as np
import xarray as xr

from .runfile import Run, check_level

#: Root attributes that identify a run in a collection (coordinates along ``run``).
RUN_COORDS = ("scenario_name", "arm", "arm_index", "point", "replicate", "seed",
              "complete", "days_written")
#: Run attributes copied onto a single run's dataset.
_RUN_ATTRS = ("commsim_version", "format_version", "seed", "scenario", "scenario_name",
              "complete", "days_planned", "days_written", "ticks_per_day", "run", "path")
IDENTITY_PARAMETERS = frozenset({"run.seed"})


def parameters(ds: xr.Dataset) -> dict[str, Any]:
    """The resolved parameters among a dataset's attributes (dotted names such
    as ``groups.count``), for a run or the parameters shared by a collection."""
    return {k: v for k, v in ds.attrs.items() if "." in k}


def _attr_value(value: Any) -> Any:
    """Attributes as netCDF can store them: booleans as 0/1."""
    return int(value) if isinstance(value, (bool, np.bool_)) else value


def run_attributes(run: Run) -> dict[str, Any]:
    attrs = {k: _attr_value(run.meta[k]) for k in _RUN_ATTRS
             if run.meta.get(k) is not None}
    attrs.update({k: _attr_value(v) for k, v in run.meta["attrs"].items()})
    attrs.update({k: _attr_value(v) for k, v in run.parameters.items()})
    return attrs


def _variable_attrs(run: Run, level: str, metric: str) -> dict[str, str]:
    return {"unit": run.unit(level, metric),
            "description": run.descriptions.get(level, {}).get(metric, ""),
            "level": level}


#: Dimensions of one run's arrays at each level.
DIMS = {"daily": ("day", "group"), "platform": ("day",), "hourly": ("hour", "group")}


def _ticks_per_day(runs: Sequence[Run]) -> int:
    return next((int(r.meta["ticks_per_day"]) for r in runs
                 if r.meta.get("ticks_per_day")), 24)


def _coords(shape: tuple[int, ...], level: str, ticks_per_day: int) -> dict[str, Any]:
    """Row (and group) coordinates; hourly rows also carry the day they belong to."""
    dims = DIMS[level]
    coords: dict[str, Any] = {dim: np.arange(n) for dim, n in zip(dims, shape)}
    if level == "hourly":
        coords["day"] = ("hour", np.arange(shape[0]) // ticks_per_day)
    return coords


def run_dataset(run: Run, level: str = "daily") -> xr.Dataset:
    """One run at ``level`` ("daily": dims day x group; "platform": dim day;
    "hourly": dims hour x group, with ``day`` as a coordinate along hour)."""
    check_level(level)
    data = {m: (DIMS[level], a, _variable_attrs(run, level, m))
            for m, a in run.arrays(level).items()}
    coords = _coords(run.shape(level), level, _ticks_per_day([run]))
    return xr.Dataset(data, coords=coords, attrs=run_attributes(run))


def varying_parameters(runs: Sequence[Run]) -> list[str]:
    """Parameter keys whose value is not identical across all runs (``run.seed``
    excepted: the ``seed`` coordinate already holds it)."""
    keys = sorted({k for r in runs for k in r.parameters} - IDENTITY_PARAMETERS)
    missing = object()
    return [k for k in keys
            if len({repr(r.parameters.get(k, missing)) for r in runs}) > 1]


def run_labels(runs: Sequence[Run]) -> dict[str, list]:
    """Per-run identifying values: RUN_COORDS present in any run, then the
    parameters that differ (missing values as None)."""
    labels: dict[str, list] = {}
    for key in RUN_COORDS:
        values = [r.meta.get(key, r.meta["attrs"].get(key)) for r in runs]
        if any(v is not None for v in values):
            labels[key] = values
    for key in varying_parameters(runs):
        labels[key] = [r.parameters.get(key) for r in runs]
    return labels


def _coord_array(values: list) -> np.ndarray:
    """A coordinate column: numbers as numbers (NaN for missing), else text."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return np.array([bool(v) if v is not None else False for v in values])
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                       for v in present):
        if all(isinstance(v, int) for v in present) and len(present) == len(values):
            return np.array(values, dtype=np.int64)
        return np.array([np.nan if v is None else float(v) for v in values])
    return np.array(["" if v is None else str(v) for v in values], dtype=object)


def runs_dataset(runs: Sequence[Run], level: str = "daily",
                 metrics: Iterable[str] | None = None,
                 extra: dict[str, list] | None = None) -> xr.Dataset:
    """Stack runs along a ``run`` dimension (NaN-padded to the longest run and the
    widest group count). ``extra`` adds coordinates along ``run`` (e.g. labels a
    caller computed); ``metrics`` limits the variables."""
    check_level(level)
    runs = list(runs)
    names = list(dict.fromkeys(m for r in runs for m in r.arrays(level)))
    if metrics is not None:
        keep = set(metrics)
        names = [m for m in names if m in keep]
    each = [r.shape(level) for r in runs]
    per_run = tuple(max((s[i] for s in each), default=0) for i in range(len(DIMS[level])))
    shape = (len(runs),) + per_run
    dims = ("run",) + DIMS[level]
    data = {}
    for metric in names:
        stack = np.full(shape, np.nan)
        source = None
        for i, r in enumerate(runs):
            arr = r.arrays(level).get(metric)
            if arr is None:
                continue
            source = source or r
            stack[(i,) + tuple(slice(0, n) for n in arr.shape)] = arr
        data[metric] = (dims, stack, _variable_attrs(source, level, metric))
    coords: dict[str, Any] = {"run": [r.name for r in runs],
                              **_coords(per_run, level, _ticks_per_day(runs))}
    for key, values in {**run_labels(runs), **(extra or {})}.items():
        coords[key] = ("run", _coord_array(list(values)))
    return xr.Dataset(data, coords=coords, attrs=shared_attributes(runs))


def shared_attributes(runs: Sequence[Run]) -> dict[str, Any]:
    """Attributes whose value every run shares (parameters included)."""
    if not runs:
        return {}
    each = [run_attributes(r) for r in runs]
    return {key: value for key, value in each[0].items()
            if key not in ("run", "path") and key not in RUN_COORDS
            and all(repr(other.get(key)) == repr(value) for other in each[1:])}
