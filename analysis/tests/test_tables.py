"""Per-member snapshots (from the real binary) and event tables (hand-made in the
two layouts the coming ``output.events`` may use), and the CSV export."""
import shutil

import h5py
import numpy as np
import pandas as pd
import pytest

from commsim_analysis import (DamagedFileError, MissingDataError, NoEventsError,
                              export_csv, load_events, load_runs, load_snapshots, to_table)
from commsim_analysis.cli import export_main
from conftest import DAYS, GROUPS, SNAPSHOT_DAYS, TINY_SEEDS


def test_snapshots_in_numeric_day_order(snapshot_file):
    ds = load_snapshots(snapshot_file)
    days = list(dict.fromkeys(ds["day"].values))
    assert days == list(SNAPSHOT_DAYS)  # day_9 before day_19 (not lexicographic)
    with h5py.File(snapshot_file) as f:
        n9 = f["snapshots/day_9/person"].shape[0]
        persons19 = f["snapshots/day_19/person"][:]
        alignment19 = f["snapshots/day_19/alignment"][:]
    assert (ds["day"].values[:n9] == 9).all() and (ds["day"].values[n9:] == 19).all()
    last = ds.isel(row=ds["day"].values == 19)
    np.testing.assert_array_equal(last["person"].values, persons19)
    np.testing.assert_array_equal(last["alignment"].values, alignment19)
    assert ds["person"].dtype == np.int64 and ds["group"].dtype == np.int64
    assert ds["alignment"].attrs["unit"] == "cosine"
    assert {"state", "value", "tenure", "satisfaction", "friends_inside"} <= set(ds.data_vars)
    frame = ds.to_dataframe()
    assert len(frame) == ds.sizes["row"] and "day" in frame.columns


def test_snapshot_selection_and_errors(snapshot_file, run_file):
    ds = load_snapshots(snapshot_file, days=[19], columns=["person", "value"])
    assert set(ds.data_vars) == {"person", "value"} and set(ds["day"].values) == {19}
    with pytest.raises(KeyError, match=r"no snapshot for day\(s\) \[3\]; snapshot days: "
                                       r"\[9, 19\]"):
        load_snapshots(snapshot_file, days=[3])
    with pytest.raises(KeyError, match="no snapshot column"):
        load_snapshots(snapshot_file, columns=["nope"])
    with pytest.raises(MissingDataError, match="snapshots.every_days"):
        load_snapshots(run_file)


def test_snapshot_columns_must_agree(snapshot_file, tmp_path):
    path = tmp_path / "bad.h5"
    shutil.copy(snapshot_file, path)
    with h5py.File(path, "r+") as f:
        del f["snapshots/day_9/value"]
        f["snapshots/day_9/value"] = np.ones(3)
    with pytest.raises(DamagedFileError, match=r"day_9/value has 3 rows, the table's other"):
        load_snapshots(path)


KINDS = {"join": 0, "leave": 1, "post": 2}


def _events_compound(f):
    kind = h5py.enum_dtype(KINDS, basetype="i1")
    dtype = np.dtype([("tick", "<i8"), ("group", "<i8"), ("person", "<i8"),
                      ("kind", kind), ("value", "<f8")])
    rows = np.array([(3, 0, 17, 0, np.nan), (30, 1, 4, 2, 1.5), (50, 0, 17, 1, np.nan)],
                    dtype=dtype)
    f.create_dataset("events", data=rows)


def _events_columns(f):
    g = f.create_group("events")
    g["tick"] = np.array([3, 30, 50])
    g["group"] = np.array([0, 1, 0])
    g["person"] = np.array([17, 4, 17])
    g.create_dataset("kind", data=["join", "post", "leave"], dtype=h5py.string_dtype())
    g["value"] = np.array([np.nan, 1.5, np.nan])
    g["value"].attrs["unit"] = "value units"


@pytest.mark.parametrize("write", [_events_compound, _events_columns])
def test_events_in_either_layout(run_file, tmp_path, write):
    path = tmp_path / "events.h5"
    shutil.copy(run_file, path)
    with h5py.File(path, "r+") as f:
        write(f)
    ds = load_events(path)
    assert ds.sizes["event"] == 3
    assert list(ds["kind"].values) == ["join", "post", "leave"]
    assert list(ds["tick"].values) == [3, 30, 50]
    assert list(ds["day"].values) == [0, 1, 2]  # tick // 24
    frame = ds.to_dataframe()
    assert list(frame["person"]) == [17, 4, 17]
    assert frame["value"].iloc[1] == 1.5


def test_no_events_is_a_clear_error(run_file):
    with pytest.raises(NoEventsError, match=r"no /events table.*output.events = true") as info:
        load_events(run_file)
    assert str(run_file) in str(info.value)


def test_events_columns_must_agree(run_file, tmp_path):
    path = tmp_path / "events.h5"
    shutil.copy(run_file, path)
    with h5py.File(path, "r+") as f:
        _events_columns(f)
        del f["events/person"]
        f["events/person"] = np.array([1, 2])
    with pytest.raises(DamagedFileError, match="/events/person has 2 rows"):
        load_events(path)


def test_table_has_a_row_per_run_day_group_and_every_parameter(batch_dir):
    ds = load_runs(batch_dir)
    table = to_table(ds)
    assert list(table.columns[:4]) == ["run", "scenario_name", "seed", "complete"]
    assert {"groups.count", "run.days", "population.size", "day", "group",
            "active_share"} <= set(table.columns)
    assert (table["run.days"] == DAYS).all()  # shared parameters are columns too
    # no padding rows: each run has days x its own groups
    tiny = table[table["run"] == "tiny_s1"]
    assert len(tiny) == DAYS * len(set(tiny["group"])) and len(set(tiny["group"])) >= GROUPS
    assert table.columns.get_loc("day") < table.columns.get_loc("active_share")


def test_export_csv_and_its_command(batch_dir, tmp_path, capsys):
    out = export_csv(batch_dir, tmp_path / "t.csv", level="platform")
    frame = pd.read_csv(out)
    assert len(frame) == (len(TINY_SEEDS) + 2) * DAYS and "members" in frame.columns
    assert export_main([str(batch_dir), "--out", str(tmp_path / "d.csv"), "--metrics",
                        "size,active_share"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "d.csv")
    daily = pd.read_csv(tmp_path / "d.csv")
    assert {"size", "active_share", "group"} <= set(daily.columns)
    assert "messages" not in daily.columns
    assert export_main([str(batch_dir), "--out", str(tmp_path / "x.csv"), "--level",
                        "platform", "--metrics", "inactive_share"]) == 1
    assert "per-group metrics" in capsys.readouterr().err
