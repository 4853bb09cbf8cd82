"""Intervals stay in the metric's range; numbers read well."""
import numpy as np
import pytest
from scipy import stats

from commsim_analysis import mean_interval, metric_range
from commsim_analysis.numbers import format_number


@pytest.mark.parametrize("unit, expect", [
    ("share", (0, 1)), ("0-1", (0, 1)), ("flag", (0, 1)), ("cosine", (-1, 1)),
    ("members", (0, np.inf)), ("people/day", (0, np.inf)), ("messages/day", (0, np.inf)),
    ("value units/message", (0, np.inf)), ("people/group", (0, np.inf)),
    ("code", (-np.inf, np.inf)), ("", (-np.inf, np.inf)),
])
def test_range_from_unit(unit, expect):
    assert metric_range(unit) == expect


def test_plain_t_interval_would_leave_the_range_but_these_do_not():
    shares = np.array([[0.01, 0.0, 0.3]]).T  # 3 runs, one day
    plain = mean_interval(shares, "share", method="t")
    assert plain[1][0] < 0  # the old bands went below zero
    for method in ("transformed", "bootstrap"):
        mean, lo, hi, n = mean_interval(shares, "share", method=method)
        assert n[0] == 3 and 0 <= lo[0] <= mean[0] <= hi[0] <= 1
    cosines = np.array([[0.95, -0.9, 0.99]]).T
    mean, lo, hi, _ = mean_interval(cosines, "cosine")
    assert -1 <= lo[0] <= mean[0] <= hi[0] <= 1
    counts = np.array([[0.0, 0.0, 9.0]]).T
    mean, lo, hi, _ = mean_interval(counts, "people/day")
    assert 0 <= lo[0] <= mean[0] <= hi[0]


def test_counts_near_zero_do_not_explode():
    """Square-root scale for counts: three runs with 0, 0 and 1 removal a day give
    [0, 3.3], not the log scale's [0.005, 25]."""
    mean, lo, hi, _ = mean_interval(np.array([0.0, 0.0, 1.0]), "people/day")
    assert lo == 0 and 1 < hi < 4
    mean, lo, hi, _ = mean_interval(np.array([0.01, 0.012, 0.02]), "1/day")  # a rate
    assert 0 < lo < 0.01 and 0.02 < hi < 0.05
    # A rate whose two replicates differ a hundredfold (a dying group's): wide, as two
    # replicates must be, but not the log scale's upper end of about 12 000 a day.
    mean, lo, hi, _ = mean_interval(np.array([0.001, 0.1]), "1/day")
    assert lo == 0 and hi < 3


def test_transformed_interval_matches_t_in_the_middle():
    rng = np.random.default_rng(3)
    x = 0.5 + 0.01 * rng.standard_normal((10, 1))
    _, lo, hi, _ = mean_interval(x, "share")
    _, tlo, thi, _ = mean_interval(x, "share", method="t")
    assert lo[0] == pytest.approx(tlo[0], abs=1e-4) and hi[0] == pytest.approx(thi[0], abs=1e-4)
    half = stats.t.ppf(0.975, 9) * x.std(ddof=1) / np.sqrt(10)
    assert thi[0] - x.mean() == pytest.approx(half)


def test_edges_few_runs_and_nan():
    # every run at 0: the mean is 0 and so is the interval (not NaN, not negative)
    mean, lo, hi, n = mean_interval(np.zeros((4, 2)), "share")
    assert (lo == 0).all() and (hi == 0).all()
    # one finite value: no interval is claimed
    x = np.array([[0.2, np.nan], [np.nan, np.nan]])
    mean, lo, hi, n = mean_interval(x, "share")
    assert list(n) == [1, 0] and np.isnan(lo).all() and mean[0] == 0.2 and np.isnan(mean[1])


def test_intervals_along_days_are_vectorised():
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 1, size=(5, 200)) ** 4  # skewed shares
    mean, lo, hi, n = mean_interval(x, "share")
    assert mean.shape == (200,) and (lo >= 0).all() and (hi <= 1).all()
    assert ((lo <= mean) & (mean <= hi)).all()


@pytest.mark.parametrize("x, text", [(1260.0, "1260"), (1.26, "1.26"), (0.0123, "0.0123"),
                                     (803.7, "804"), (12.0, "12"), (float("nan"), "–"),
                                     (-0.5, "-0.5"), (2.5e9, "2.50e+09")])
def test_format_number(x, text):
    assert format_number(x) == text

