"""Confidence intervals that stay inside a metric's range.

A share lies in [0, 1], a cosine in [-1, 1], a count or a rate is never negative.
A plain Student-t interval ``mean ± t·s/√n`` ignores this: with three replicates
it draws shares below 0 and cosines near ±7. Here the interval is computed on a
scale where the range is the whole real line and mapped back (the delta method):

* (0, 1): the logit, g(m) = log(m / (1 − m)), g'(m) = 1 / (m (1 − m));
* (−1, 1): Fisher's z, g(m) = atanh(m), g'(m) = 1 / (1 − m²);
* anything that cannot be negative (counts, rates, values): the square root,
  g(m) = √m, g'(m) = 1 / (2√m), the lower end cut at 0. The log would give three runs
  of 0, 0 and 1 person a day an upper end of 25, and a rate whose few replicates
  differ tenfold (a dying group's leave rate) an upper end a thousand times the mean;

``g⁻¹(g(m) ± t_{n−1} · s/√n · g'(m))``: the same Student-t width near the middle of
the range, squeezed near its edges, never outside it. A mean on an edge means
every replicate sits there (the values are inside the range), so the interval is
that point. The alternative, ``method="bootstrap"``, is the percentile interval of
the mean over resampled runs; it is within range by construction but too narrow for
very few replicates. Metrics of unknown range keep the plain t interval. Every
figure says which method drew its bands (:func:`method_note`).

The range is read from the metric's unit string, as the run files record it; a
few metrics are also bounded by another one (:data:`UPPER_BOUND_BY`).
"""
from __future__ import annotations

import numpy as np
from scipy import stats as _st

#: Units of metrics in [0, 1].
UNIT_INTERVAL = frozenset({"share", "0-1", "0–1", "flag", "fraction", "probability"})
#: Units of metrics in [-1, 1].
SIGNED_UNIT = frozenset({"cosine", "correlation"})
#: Units (or their part before "/") of counts: non-negative, on the square-root scale.
COUNTS = frozenset({"members", "memberships", "people", "groups", "messages", "friends",
                    "days", "count", "runs", "posts", "applicants"})
#: Units (or their part before "/") of other quantities that cannot be negative.
NON_NEGATIVE = frozenset({"value units", "1"}) | COUNTS

METHODS = ("transformed", "t", "bootstrap")

#: Metrics bounded above by another metric of the same run and day (a unit cannot
#: say so): fewer groups are alive than were founded.
UPPER_BOUND_BY = {"groups_alive": "groups"}


def with_bounds(metrics: list[str] | None) -> list[str] | None:
    """``metrics`` plus the metrics that bound them (None stays None: all)."""
    if metrics is None:
        return None
    return list(dict.fromkeys(metrics + [UPPER_BOUND_BY[m] for m in metrics
                                         if m in UPPER_BOUND_BY]))


def _base(unit: str) -> tuple[str, str]:
    u = (unit or "").strip().lower()
    return u, u.split("/")[0].strip()


def metric_range(unit: str) -> tuple[float, float]:
    """(low, high) of a metric with this unit; (-inf, inf) when the unit says nothing."""
    u, base = _base(unit)
    if u in UNIT_INTERVAL:
        return 0.0, 1.0
    if u in SIGNED_UNIT:
        return -1.0, 1.0
    if u in NON_NEGATIVE or base in NON_NEGATIVE:
        return 0.0, np.inf
    return -np.inf, np.inf


def is_count(unit: str) -> bool:
    u, base = _base(unit)
    return u in COUNTS or base in COUNTS


def _transform(unit: str):
    """(g, g', g⁻¹) for the unit's range (see the module text), or None."""
    lo, hi = metric_range(unit)
    if (lo, hi) == (0.0, 1.0):
        return (lambda m: np.log(m / (1 - m)), lambda m: 1 / (m * (1 - m)),
                lambda z: 1 / (1 + np.exp(-z)))
    if (lo, hi) == (-1.0, 1.0):
        return np.arctanh, lambda m: 1 / (1 - m * m), np.tanh
    if (lo, hi) == (0.0, np.inf):
        return np.sqrt, lambda m: 1 / (2 * np.sqrt(m)), lambda z: np.maximum(z, 0) ** 2
    return None


def mean_interval(values: np.ndarray, unit: str = "", level: float = 0.95,
                  method: str = "transformed", axis: int = 0,
                  rng: np.random.Generator | None = None, resamples: int = 2000):
    """Mean and interval of ``values`` along ``axis``, ignoring NaN.

    Returns arrays ``(mean, low, high, n)`` with ``axis`` removed. ``low``/``high``
    are NaN where fewer than two values are finite (no interval is claimed).
    ``method``: "transformed" (default; see the module text), "t" (plain Student
    t, clipped to nothing) or "bootstrap" (percentile).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    x = np.moveaxis(np.asarray(values, dtype=float), axis, 0)
    finite = np.isfinite(x)
    n = finite.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, np.nansum(np.where(finite, x, 0), axis=0) / np.maximum(n, 1),
                        np.nan)
        dev = np.where(finite, x - mean, 0.0)
        sd = np.sqrt((dev ** 2).sum(axis=0) / np.maximum(n - 1, 1))
        if method == "bootstrap":
            low, high = _bootstrap(x, finite, level, rng, resamples)
        else:
            t = _st.t.ppf(0.5 + level / 2, np.maximum(n - 1, 1))
            half = t * sd / np.sqrt(np.maximum(n, 1))
            low, high = mean - half, mean + half
            lo, hi = metric_range(unit)
            funcs = _transform(unit) if method == "transformed" else None
            if funcs is not None:
                g, dg, inv = funcs
                inside = (mean > lo) & (mean < hi)
                m = np.where(inside, mean, (lo + min(hi, lo + 2)) / 2)  # safe dummy
                z, dz = g(m), half * dg(m)
                low = np.where(inside, inv(z - dz), mean)
                high = np.where(inside, inv(z + dz), mean)
    few = n < 2
    low = np.where(few, np.nan, low)
    high = np.where(few, np.nan, high)
    return mean, low, high, n


def _bootstrap(x: np.ndarray, finite: np.ndarray, level: float,
               rng: np.random.Generator | None, resamples: int):
    """Percentile interval of the mean over runs resampled with replacement (per
    column, among its finite values)."""
    rng = rng or np.random.default_rng(0)  # figures are reproducible
    flat = x.reshape(x.shape[0], -1)
    ok = finite.reshape(finite.shape[0], -1)
    low = np.full(flat.shape[1], np.nan)
    high = np.full(flat.shape[1], np.nan)
    alpha = (1 - level) / 2
    for j in range(flat.shape[1]):
        v = flat[ok[:, j], j]
        if v.size < 2:
            continue
        means = v[rng.integers(0, v.size, (resamples, v.size))].mean(axis=1)
        low[j], high[j] = np.quantile(means, [alpha, 1 - alpha])
    return low.reshape(x.shape[1:]), high.reshape(x.shape[1:])


def method_note(method: str = "transformed", level: float = 0.95) -> str:
    """The sentence a caption gives for the bands drawn with ``method``."""
    pct = f"{level * 100:g} %"
    if method == "transformed":
        return (f"{pct} CI: Student t on the logit (shares), Fisher-z (cosines), square-root "
                "(counts, rates, values) scale, back-transformed: bands stay in range; none where "
                "fewer than 3 runs remain")
    if method == "bootstrap":
        return f"{pct} CI: bootstrap percentile over runs"
    return f"{pct} CI: Student t"
