"""load_run against a real run file: shapes, metadata and parameters."""
import math

import h5py
import numpy as np
import pytest

from commsim_analysis import load_run, to_wide
from commsim_analysis.attrs import parse_parameter_lines
from conftest import DAYS, GROUPS, POPULATION


@pytest.fixture(scope="module")
def run(run_file):
    return load_run(run_file)


def test_meta_matches_the_command_line(run, run_file):
    meta = run.meta
    assert meta["seed"] == 1
    assert meta["complete"] is True
    assert meta["format_version"] == 1
    assert meta["scenario_name"] == "tiny"
    assert meta["days_written"] == DAYS
    assert meta["days_planned"] == DAYS
    assert "[groups]" in meta["scenario"]
    assert isinstance(meta["commsim_version"], str) and meta["commsim_version"]
    assert run.name == run_file.stem


def test_parameters_are_typed_and_match_the_scenario(run):
    params = run.parameters
    assert params["run.days"] == DAYS
    assert params["groups.count"] == GROUPS
    assert params["population.size"] == POPULATION
    assert params["graph.kind"] == "watts_strogatz"
    assert all(isinstance(v, (int, float, str, bool)) for v in params.values())


def test_parameter_text_agrees_with_parameter_group(run_file, run):
    """The root 'parameters' text and the typed /parameters group say the same."""
    with h5py.File(run_file) as f:
        text = f.attrs["parameters"]
    text = text.decode() if isinstance(text, bytes) else str(text)
    parsed = parse_parameter_lines(text)
    assert set(parsed) == set(run.parameters)
    for key, typed in run.parameters.items():
        if isinstance(typed, float):
            assert math.isclose(float(parsed[key]), typed, rel_tol=1e-6), key
        else:
            assert parsed[key] == typed, key


def test_daily_shapes_follow_the_file(run, run_file):
    with h5py.File(run_file) as f:
        names = set(f["daily"].keys())
        width = f["daily/size"].shape[1]
    assert {"size", "messages", "active_share", "alive"} <= set(run.metrics("daily"))
    assert set(run.metrics("daily")) == names
    assert run.n_groups == width >= GROUPS
    for arr in run.daily_arrays.values():
        assert arr.shape == (DAYS, width)
    tidy = run.daily
    assert list(tidy.columns) == ["day", "group", "metric", "value"]
    assert len(tidy) == DAYS * width * len(names)
    assert sorted(tidy["day"].unique()) == list(range(DAYS))
    assert tidy["group"].nunique() == width


def test_platform_shapes_and_values(run, run_file):
    assert {"members", "messages", "groups_alive"} <= set(run.metrics("platform"))
    wide = run.platform_wide()
    assert wide.shape == (DAYS, len(run.metrics("platform")))
    with h5py.File(run_file) as f:
        np.testing.assert_array_equal(wide["members"].to_numpy(),
                                      f["platform/members"][:DAYS])
    assert len(run.platform) == DAYS * len(run.metrics("platform"))


def test_units_are_read_for_every_metric(run):
    for level in ("daily", "platform"):
        for metric in run.metrics(level):
            assert run.unit(level, metric), f"{level}/{metric} has no unit attribute"


def test_wide_helpers_agree_with_arrays(run):
    wide = to_wide(run.daily)
    assert {"day", "group", "size"} <= set(wide.columns)
    assert len(wide) == DAYS * run.n_groups
    row = wide[(wide["day"] == DAYS - 1) & (wide["group"] == 0)]
    np.testing.assert_allclose(row["size"].to_numpy(), run.daily_arrays["size"][-1, :1])
    np.testing.assert_allclose(run.daily_wide("size").to_numpy(), run.daily_arrays["size"])


def test_metric_selection(run_file):
    run = load_run(run_file, metrics=["size", "members"])
    assert run.metrics("daily") == ["size"]
    assert run.metrics("platform") == ["members"]
    with pytest.raises(KeyError, match="no_such_metric"):
        load_run(run_file, metrics=["no_such_metric"])
