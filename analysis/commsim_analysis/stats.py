"""Small statistics shared by plots and reports.

Replicates of a stochastic model are few (often 3-20), so intervals use the
Student t distribution rather than a normal approximation, on a scale that keeps
them inside the metric's range (``intervals.py``); with one replicate no interval
is claimed (NaN) instead of a misleading zero-width band. Across-group summaries
use quantiles because group metrics are skewed (a few huge groups).
"""
from __future__ import annotations

import warnings
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .intervals import mean_interval


def mean_ci(values: Iterable[float], level: float = 0.95,
            unit: str = "") -> tuple[float, float, float, int]:
    """Mean and confidence interval of the finite values: (mean, lo, hi, n);
    the interval respects the range ``unit`` implies."""
    x = np.asarray(list(values), dtype=float)
    mean, lo, hi, n = mean_interval(x, unit, level)
    return float(mean), float(lo), float(hi), int(n)


def summarize(frame: pd.DataFrame, by: Sequence[str], value: str = "value",
              level: float = 0.95, unit: str = "") -> pd.DataFrame:
    """Per ``by`` cell: n, mean, ci_low, ci_high of ``value`` (one row per cell)."""
    rows = []
    keys = list(by)[0] if len(by) == 1 else list(by)  # a scalar key for one column
    for key, cell in frame.groupby(keys, sort=True, observed=True):
        key = key if isinstance(key, tuple) else (key,)
        mean, lo, hi, n = mean_ci(cell[value], level, unit)
        rows.append((*key, n, mean, lo, hi))
    return pd.DataFrame(rows, columns=[*by, "n", "mean", "ci_low", "ci_high"])


def group_quantiles(arr: np.ndarray, qs: Sequence[float] = (0.1, 0.5, 0.9),
                    axis: int = 1) -> np.ndarray:
    """Quantiles across groups for each day of a (days, groups) array: shape
    (len(qs), days). Days on which no group has a value give NaN (not a warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN days
        return np.nanquantile(arr, qs, axis=axis)


_REDUCERS = {"mean": np.nanmean, "median": np.nanmedian, "max": np.nanmax}


def nan_reduce(arr: np.ndarray, how: str, axis: int) -> np.ndarray:
    """``mean``, ``median`` or ``max`` over ``axis`` ignoring NaN; all-NaN slices
    give NaN quietly."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return _REDUCERS[how](arr, axis=axis)
