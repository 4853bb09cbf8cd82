"""Group types in the analysis (commsim_analysis.group_types) on a run of the real binary."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import run_commsim

from commsim_analysis import (by_type, group_lifetimes, group_types, load_run, load_table,
                              with_types)

MIXED = """\
[run]
days = 6
[population]
size = 600
[groups]
count = 4
[group_types.club]
share = 0.5
per_day = 1.0
hour = 20
[group_types.chat]
share = 0.5
groups.moderators = 0
"""


@pytest.fixture(scope="module")
def mixed_run(commsim_bin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    scenario = folder / "mixed.toml"
    scenario.write_text(MIXED)
    return run_commsim(commsim_bin, scenario, folder / "mixed.h5", seed=3)


def test_every_group_has_its_type(mixed_run):
    types = group_types(mixed_run)
    groups = load_table(mixed_run, "groups")
    assert list(types["group"].values) == list(groups["group"].values)
    assert list(types.values[:4]) == ["club", "club", "chat", "chat"]
    # Groups born during the run are clubs (the only type founded per day).
    assert set(types.values[4:]) <= {"club"}
    assert len(types) > 4


def test_platform_series_split_by_type_add_up(mixed_run):
    daily = load_run(mixed_run)
    per_type = by_type(mixed_run, "messages")
    assert set(per_type["type"].values) == {"club", "chat"}
    total = daily["messages"].sum("group", skipna=True)
    np.testing.assert_allclose(per_type.sum("type").values, total.values)
    alive = by_type(mixed_run, "alive", how="count")
    assert (alive.sel(type="club").values[-1] > alive.sel(type="chat").values[-1])


def test_type_is_a_group_coordinate(mixed_run):
    ds = with_types(load_run(mixed_run), mixed_run)
    assert list(ds["type"].values[:2]) == ["club", "club"]
    with pytest.raises(ValueError):
        by_type(mixed_run, "messages", how="median")
    with pytest.raises(KeyError):
        by_type(mixed_run, "no_such_metric")


FLASH = MIXED + """[group_types.flash]
count = 0
groups.lifetime_hours = 6
[[events]]
day = 2
hour = 18
action = "found"
target = "group:0"
type = "flash"
"""


def test_a_flash_group_is_measured_over_its_hours(commsim_bin, tmp_path):
    scenario = tmp_path / "flash.toml"
    scenario.write_text(FLASH)
    path = run_commsim(commsim_bin, scenario, tmp_path / "flash.h5", seed=3)
    life = group_lifetimes(path)
    flash = life[life["type"] == "flash"]
    assert len(flash) == 1
    row = flash.iloc[0]
    assert row["parent"] == 0 and row["founded"] == 2 * 24 + 18
    assert row["hours"] == 6
    assert row["member_hours"] > 0
    assert 0 <= row["took_part_share"] <= 1
    assert row["value_per_member_hour"] == pytest.approx(row["value_gained"] / row["member_hours"])
    # A group alive at the end counts its hours to the last written day.
    assert life.loc[0, "hours"] == 6 * 24
