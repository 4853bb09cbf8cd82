"""load_run / read_run on a real run file: datasets, shapes, metadata, parameters."""
import math

import h5py
import numpy as np
import pytest
import xarray as xr

from commsim_analysis import load_run, parameters, read_run
from commsim_analysis.attrs import parse_parameter_lines
from conftest import DAYS, GROUPS, POPULATION


@pytest.fixture(scope="module")
def daily(run_file):
    return load_run(run_file)


def test_daily_dataset_dims_and_variables(daily, run_file):
    assert isinstance(daily, xr.Dataset)
    with h5py.File(run_file) as f:
        names = set(f["daily"].keys())
        width = f["daily/size"].shape[1]
        size = f["daily/size"][:DAYS]
    assert set(daily.data_vars) == names
    assert dict(daily.sizes) == {"day": DAYS, "group": width} and width >= GROUPS
    assert list(daily["day"].values) == list(range(DAYS))
    for var in daily.data_vars.values():
        assert var.dims == ("day", "group")
        assert var.attrs["unit"], f"{var.name} has no unit"
        assert var.attrs["level"] == "daily"
    np.testing.assert_array_equal(daily["size"].values, size)


def test_platform_dataset(run_file):
    ds = load_run(run_file, level="platform")
    assert dict(ds.sizes) == {"day": DAYS}
    assert {"members", "messages", "groups_alive"} <= set(ds.data_vars)
    with h5py.File(run_file) as f:
        np.testing.assert_array_equal(ds["members"].values, f["platform/members"][:DAYS])
    assert ds["members"].attrs["unit"] == "memberships"


def test_attributes_are_the_run_and_its_parameters(daily, run_file):
    attrs = daily.attrs
    assert attrs["seed"] == 1 and attrs["format_version"] == 1
    assert attrs["scenario_name"] == "tiny" and "[groups]" in attrs["scenario"]
    assert attrs["complete"] == 1 and attrs["days_written"] == DAYS
    assert attrs["run"] == run_file.stem
    params = parameters(daily)
    assert params["run.days"] == DAYS
    assert params["groups.count"] == GROUPS
    assert params["population.size"] == POPULATION
    assert params["graph.kind"] == "watts_strogatz"
    assert all(isinstance(v, (int, float, str)) for v in params.values())


def test_to_dataframe_for_pandas_users(daily):
    frame = daily.to_dataframe()
    assert list(frame.index.names) == ["day", "group"]
    assert len(frame) == DAYS * daily.sizes["group"]
    assert "active_share" in frame.columns


def test_parameter_text_agrees_with_parameter_group(run_file):
    """The root 'parameters' text and the typed /parameters group say the same."""
    run = read_run(run_file)
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


def test_read_run_arrays(run_file):
    run = read_run(run_file)
    assert run.n_days == DAYS and run.n_groups >= GROUPS
    assert all(a.shape == (DAYS, run.n_groups) for a in run.daily_arrays.values())
    assert all(a.shape == (DAYS,) for a in run.platform_arrays.values())
    assert run.unit("daily", "messages") == "messages/day"


def test_metric_selection(run_file):
    ds = load_run(run_file, metrics=["size", "messages"])
    assert set(ds.data_vars) == {"size", "messages"}
    with pytest.raises(KeyError, match="no_such_metric"):
        load_run(run_file, metrics=["no_such_metric"])
    with pytest.raises(KeyError, match=r"'members'.*level='platform'"):
        load_run(run_file, metrics=["members"])  # a platform metric at the daily level
    with pytest.raises(ValueError, match="level must be one of"):
        load_run(run_file, level="weekly")
