"""Small statistics shared by plots and reports.

Replicates of a stochastic model are few (often 3-20), so intervals use the
Student t distribution rather than a normal approximation; with one replicate no
interval is claimed (NaN) instead of a misleading zero-width band. Across-group
summaries use quantiles because group metrics are skewed (a few huge groups).
"""
from __future__ import annotations

import warnings
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import stats as _st

from .runfile import Run


def mean_ci(values: Iterable[float], level: float = 0.95) -> tuple[float, float, float, int]:
    """Mean and t-based confidence interval of the finite values: (mean, lo, hi, n)."""
    x = np.asarray(list(values), dtype=float)
    x = x[np.isfinite(x)]
    n = x.size
    if n == 0:
        return np.nan, np.nan, np.nan, 0
    mean = float(x.mean())
    if n == 1:
        return mean, np.nan, np.nan, 1
    half = float(_st.t.ppf(0.5 + level / 2, n - 1) * x.std(ddof=1) / np.sqrt(n))
    return mean, mean - half, mean + half, n


def summarize(frame: pd.DataFrame, by: Sequence[str], value: str = "value",
              level: float = 0.95) -> pd.DataFrame:
    """Per ``by`` cell: n, mean, ci_low, ci_high of ``value`` (one row per cell)."""
    rows = []
    keys = list(by)[0] if len(by) == 1 else list(by)  # a scalar key for one column
    for key, cell in frame.groupby(keys, sort=True, observed=True):
        key = key if isinstance(key, tuple) else (key,)
        mean, lo, hi, n = mean_ci(cell[value], level)
        rows.append((*key, n, mean, lo, hi))
    return pd.DataFrame(rows, columns=[*by, "n", "mean", "ci_low", "ci_high"])


def group_quantiles(arr: np.ndarray, qs: Sequence[float] = (0.1, 0.5, 0.9)) -> np.ndarray:
    """Quantiles across groups for each day of a (days, groups) array: shape (len(qs), days).

    Days on which no group has a value give NaN (not a warning per day).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN days
        return np.nanquantile(arr, qs, axis=1)


def across_groups(runs: Iterable[Run], labels: dict[str, dict] | None = None,
                  q: float = 0.5, metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """Reduce each run's per-group metrics to one series per day (the ``q`` quantile
    across groups; the median by default) so runs can be compared like platform
    metrics. Columns: run, <labels of that run>, day, metric, value."""
    keep = None if metrics is None else set(metrics)
    frames = []
    for run in runs:
        for metric, arr in run.daily_arrays.items():
            if keep is not None and metric not in keep:
                continue
            frame = pd.DataFrame({"day": np.arange(arr.shape[0]), "metric": metric,
                                  "value": group_quantiles(arr, [q])[0]})
            for col, val in reversed(list((labels or {}).get(run.name, {}).items())):
                frame.insert(0, col, val)
            frame.insert(0, "run", run.name)
            frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["run", "day", "metric", "value"])
    return pd.concat(frames, ignore_index=True)
