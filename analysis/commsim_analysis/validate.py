"""Checks on a file's claims before they are believed.

A run file is trusted only as far as it is consistent: root attributes of the
right type and within bounds (``0 <= days_written <= days_planned``), datasets of
the expected rank and type, enough rows, agreeing widths, a size that fits in
memory *and* that the bytes stored on disk could hold (a bit flip in a shape can
claim terabytes), and values inside the range their unit allows. Each failed
check raises :class:`DamagedFileError` naming the file and the fault; every h5py
call that may fail on a damaged file goes through :func:`h5read`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import h5py
import numpy as np

from .errors import DamagedFileError, NotHDF5Error
from .intervals import metric_range

#: The most a deflate stream can expand (its ratio is bounded near 1032:1).
MAX_COMPRESSION = 1100
#: Environment variable capping the bytes one read may allocate.
MAX_BYTES_ENV = "COMMSIM_ANALYSIS_MAX_BYTES"
#: Values may exceed their range by this much: rounding, also of float32 sums (the
#: engine computes cosines in float; 1 + 1.2e-7 occurs).
RANGE_TOLERANCE = 1e-5

#: Errors h5py raises on damaged files (a corrupt header, a failed inflate,
#: an unknown type, a bad attribute).
H5_ERRORS = (OSError, RuntimeError, TypeError, ValueError, KeyError, IndexError,
             OverflowError, SystemError, UnicodeDecodeError)


def h5read(path: Path, what: str, fn: Callable[[], Any]) -> Any:
    """``fn()``; an h5py failure becomes DamagedFileError("cannot read WHAT: ...")."""
    try:
        return fn()
    except DamagedFileError:
        raise
    except H5_ERRORS as exc:
        raise DamagedFileError(path, f"cannot read {what}: {exc}") from None


def open_hdf5(path: Path, expected: str = "a commsim run file") -> h5py.File:
    """``path`` opened read-only; NotHDF5Error or DamagedFileError naming it otherwise."""
    if not h5py.is_hdf5(path):
        raise NotHDF5Error(path, f"not an HDF5 file (expected {expected})")
    try:
        return h5py.File(path, "r")
    except (OSError, RuntimeError, ValueError) as exc:  # damaged or truncated HDF5
        raise DamagedFileError(path, f"cannot open as HDF5: {exc}") from None


def memory_budget() -> int:
    """Bytes one read may allocate: $COMMSIM_ANALYSIS_MAX_BYTES, else half of
    the memory available now (8 GiB when that cannot be read)."""
    env = os.environ.get(MAX_BYTES_ENV)
    if env:
        return int(float(env))
    try:
        with open("/proc/meminfo") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024 // 2
    except OSError:
        pass
    return 8 << 30


def human_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if abs(n) < 1024 or unit == "PiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def integer_attr(path: Path, root: dict[str, Any], name: str, low: int | None = None,
                 high: int | None = None) -> int:
    """A root attribute that must be an integer within [low, high]."""
    value = root[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise DamagedFileError(path, f"root attribute '{name}' is {value!r}, not an integer")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"[{low if low is not None else '-∞'}, {high if high is not None else '∞'}]"
        raise DamagedFileError(path, f"root attribute '{name}' = {value} is outside {bounds}")
    return value


def check_dataset(path: Path, name: str, ds: h5py.Dataset, ndim: int, rows: int,
                  kinds: str = "f", counter: str = "days_written") -> tuple[int, ...]:
    """Rank, element type and row count of ``ds``; returns the shape to read
    (``rows`` rows, the full width)."""
    shape = h5read(path, f"the shape of {name}", lambda: ds.shape)
    dtype = h5read(path, f"the type of {name}", lambda: ds.dtype)
    if len(shape) != ndim:
        raise DamagedFileError(path, f"{name} has {len(shape)} dimension(s), expected {ndim}")
    if dtype.kind not in kinds:
        raise DamagedFileError(path, f"{name} has element type {dtype}, expected "
                                     f"{'float64' if kinds == 'f' else 'numbers'}")
    if shape[0] < rows:
        raise DamagedFileError(path, f"{name} has {shape[0]} rows but the file claims "
                                     f"{rows} ({counter})")
    return (rows, *shape[1:])


def check_size(path: Path, name: str, ds: h5py.Dataset, shape: tuple[int, ...],
               budget: int) -> None:
    """Refuse to allocate what memory cannot hold or the file cannot contain."""
    itemsize = h5read(path, f"the type of {name}", lambda: ds.dtype.itemsize)
    need = int(np.prod(shape, dtype=object)) * itemsize
    if need == 0:
        return
    if need > budget:
        raise DamagedFileError(path, f"{name} would need {human_bytes(need)} in memory "
                                     f"(shape {shape}); more than the "
                                     f"{human_bytes(budget)} allowed (${MAX_BYTES_ENV}): "
                                     "damaged shape, or read fewer metrics")
    stored = h5read(path, f"the storage of {name}", lambda: ds.id.get_storage_size())
    chunk = ds.chunks or ()
    slack = int(np.prod(chunk, dtype=object)) * itemsize if chunk else 0
    if need > stored * MAX_COMPRESSION + slack:
        raise DamagedFileError(path, f"{name} claims shape {shape} ({human_bytes(need)}) "
                                     f"but only {human_bytes(stored)} are stored: "
                                     "the shape is damaged")


def check_range(path: Path, name: str, values: np.ndarray, unit: str) -> None:
    """Values of a metric must lie in the range its unit allows (NaN allowed)."""
    lo, hi = metric_range(unit)
    finite = np.isfinite(values)
    bad = np.isinf(values)
    tol = RANGE_TOLERANCE * max(1.0, abs(lo) if np.isfinite(lo) else 1.0)
    if np.isfinite(lo):
        bad |= finite & (values < lo - tol)
    if np.isfinite(hi):
        bad |= finite & (values > hi + tol)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        hi_text = "∞" if not np.isfinite(hi) else f"{hi:g}"
        lo_text = "-∞" if not np.isfinite(lo) else f"{lo:g}"
        raise DamagedFileError(
            path, f"{name} has {int(bad.sum())} value(s) outside [{lo_text}, {hi_text}] "
                  f"(unit '{unit}'), e.g. {values[where]!r} at index {list(where)}: "
                  "damaged data")
