"""load_runs and load_results over folders of real run files."""
import numpy as np
import pytest
import xarray as xr

from commsim_analysis import (load_compare, load_results, load_run, load_runs, parameters,
                              read_runs, varying_parameters)
from conftest import DAYS, GROUPS, OTHER_GROUPS, OTHER_SEEDS, TINY_SEEDS


def test_load_runs_stacks_runs(batch_dir):
    ds = load_runs(batch_dir)
    n_runs = len(TINY_SEEDS) + len(OTHER_SEEDS)
    assert isinstance(ds, xr.Dataset)
    assert ds.sizes["run"] == n_runs and ds.sizes["day"] == DAYS
    assert ds["size"].dims == ("run", "day", "group")
    seeds = dict(zip(ds["run"].values, ds["seed"].values))
    assert seeds == {**{f"tiny_s{s}": s for s in TINY_SEEDS},
                     **{f"other_s{s}": s for s in OTHER_SEEDS}}
    # groups.count differs between the scenarios: a coordinate along run;
    # run.days is shared: an attribute
    counts = dict(zip(ds["scenario_name"].values, ds["groups.count"].values))
    assert counts == {"tiny": GROUPS, "other": OTHER_GROUPS}
    assert "groups.count" not in ds.attrs and parameters(ds)["run.days"] == DAYS
    assert ds["size"].attrs["unit"] == "members"


def test_each_run_matches_its_own_file(batch_dir):
    ds = load_runs(batch_dir)
    for name in ("tiny_s2", "other_s1"):
        one = load_run(batch_dir / f"{name}.h5")
        width = one.sizes["group"]
        np.testing.assert_array_equal(ds["size"].sel(run=name).values[:, :width],
                                      one["size"].values)
        # the narrower run is padded with NaN beyond its groups
        assert np.isnan(ds["size"].sel(run=name).values[:, width:]).all()


def test_platform_level_and_wrong_level_metrics(batch_dir):
    ds = load_runs(batch_dir, level="platform", metrics=["members"])
    assert list(ds.data_vars) == ["members"] and ds["members"].dims == ("run", "day")
    with pytest.raises(KeyError, match=r"\['inactive_share'\] are per-group metrics.*"
                                       r"level='daily'"):
        load_runs(batch_dir, level="platform", metrics=["inactive_share"])
    with pytest.raises(KeyError, match=r"\['members'\] are platform metrics"):
        load_runs(batch_dir, level="daily", metrics=["members"])


def test_groupby_over_replicates(batch_dir):
    ds = load_runs(batch_dir, level="platform", metrics=["members"])
    final = ds["members"].isel(day=-1).groupby("scenario_name").mean()
    runs = read_runs(batch_dir, metrics=["members"])
    expect = np.mean([r.platform_arrays["members"][-1] for r in runs
                      if r.meta["scenario_name"] == "tiny"])
    assert final.sel(scenario_name="tiny").item() == pytest.approx(expect)
    assert varying_parameters(runs) == ["groups.count"]


def test_load_results_arms_and_replicates(compare_dir):
    res = load_results(compare_dir)
    assert res.arms == ["control", "treatment"] and res.reference == "control"
    assert sorted(res.table["replicate"].unique()) == list(range(len(OTHER_SEEDS)))
    assert list(res.daily["arm"].values) == list(res.table["arm"])
    per_arm = res.platform["members"].groupby("arm").count("run").isel(day=0)
    assert per_arm.to_series().to_dict() == {"control": 2, "treatment": 2}
    assert res.summary is None and res.signature is None and res.index is None


def test_results_fall_back_to_scenario_and_seed(batch_dir):
    res = load_compare(batch_dir)
    assert set(res.arms) == {"tiny", "other"}
    tiny = res.table[res.table["arm"] == "tiny"].sort_values("seed")
    assert list(tiny["replicate"]) == list(range(len(TINY_SEEDS)))
