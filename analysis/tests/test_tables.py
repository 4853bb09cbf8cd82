"""Per-member snapshots (from the real binary), event tables (hand-made in the
two layouts the coming ``output.events`` may use), the streamed tables and hourly
series (laid out as docs/output-format.md says, and as the engine's RunFile writes
them), and the CSV export."""
import os
import shutil
import subprocess
from pathlib import Path

import h5py
import numpy as np
import pandas as pd
import pytest

from commsim_analysis import (DamagedFileError, MissingDataError, NoEventsError,
                              PartialRunError, export_csv, load_events, load_hourly, load_run,
                              load_runs, load_snapshots, load_table, to_table)
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


# --- streamed tables and hourly series (docs/output-format.md, "Tables") ----------
# The model does not write them yet, so they are tested on files laid out exactly as
# documented: written here with h5py onto a real run file, and written by the engine's
# own RunFile in the Catch2 test "[sample]" (tests/sim/output/table_test.cpp).

EVENT_KINDS = ["join", "leave", "mute", "unmute", "removal", "post", "reply"]
NONE = 4294967295


def _enum(names):
    return h5py.enum_dtype({n: i for i, n in enumerate(names)}, basetype="u1")


def _table(f, name, description, columns, rows):
    """A table group as RunFile writes it: columns in order, `rows` on the group (replacing
    the run's own table of that name: real run files carry /groups and /interventions)."""
    if name in f:
        del f[name]
    g = f.create_group(name, track_order=True)
    g.attrs["description"] = description
    g.attrs["rows"] = np.int64(rows)
    for col, dtype, values in columns:
        ds = g.create_dataset(col, data=np.asarray(values).astype(dtype), dtype=dtype,
                              maxshape=(None,), chunks=(64,))
        ds.attrs["unit"] = "code" if h5py.check_enum_dtype(np.dtype(dtype)) else "count"
        ds.attrs["description"] = col
    return g


def _write_documented(f, hours=None, width=2):
    _table(f, "events", "one row per event", [
        ("tick", "<u4", [3, 30, 50]), ("group", "<u4", [0, 1, 0]),
        ("person", "<u4", [17, 4, 17]), ("kind", _enum(EVENT_KINDS), [0, 5, 1]),
        ("detail", _enum(["none", "friend_invite"]), [1, 0, 0]),
        ("other", "<u4", [9, NONE, NONE]), ("removed", "u1", [0, 1, 0])], 3)
    _table(f, "groups", "one row per group", [
        ("group", "<u4", [0, 1]), ("type", _enum(["community", "flash"]), [0, 1]),
        ("parent", "<u4", [NONE, 0]), ("member_hours", "<f8", [12.5, 3.0])], 2)
    _table(f, "interventions", "scheduled events that fired", [
        ("event", "<u4", []), ("phase", _enum(["start", "end"]), [])], 0)
    hours = DAYS * 24 if hours is None else hours
    f.attrs["hours_written"] = np.int64(hours)
    g = f.create_group("hourly")
    for metric in ("posts", "online"):
        values = np.arange(hours * width, dtype=float).reshape(hours, width)
        values[:30, 1] = np.nan  # group 1 founded in hour 30
        ds = g.create_dataset(metric, data=values, maxshape=(None, None), chunks=(24, 2))
        ds.attrs["unit"] = "posts/hour"
        ds.attrs["description"] = metric


@pytest.fixture
def documented(editable_copy):
    return editable_copy("documented.h5", _write_documented)


def test_load_table_reads_any_table_with_codes_as_names(documented):
    groups = load_table(documented, "groups")
    assert list(groups.data_vars) == ["group", "type", "parent", "member_hours"]
    assert groups.sizes["row"] == 2 and groups.attrs["rows"] == 2
    assert groups.attrs["table"] == "groups" and groups.attrs["description"] == "one row per group"
    assert list(groups["type"].values) == ["community", "flash"]
    assert groups["type"].attrs["codes"] == ["community", "flash"]
    assert list(groups["parent"].values) == [NONE, 0]
    assert groups["member_hours"].values.tolist() == [12.5, 3.0]
    assert groups.attrs["seed"] == 1  # the run's attributes come along
    empty = load_table(documented, "interventions")
    assert empty.sizes["row"] == 0 and set(empty.data_vars) == {"event", "phase"}
    frame = load_table(documented, "events").to_dataframe()
    assert list(frame["kind"]) == ["join", "post", "leave"]


def test_load_events_is_load_table_with_days(documented):
    ds = load_events(documented)
    assert ds.sizes["event"] == 3
    assert list(ds["kind"].values) == ["join", "post", "leave"]
    assert list(ds["detail"].values) == ["friend_invite", "none", "none"]
    assert list(ds["day"].values) == [0, 1, 2]
    assert ds["person"].attrs["unit"] == "count"


def test_missing_table_names_the_tables_there(documented, run_file):
    with pytest.raises(MissingDataError, match=r"no /moderation table; tables in this "
                                               r"file: \['events', 'groups', 'interventions'\]"):
        load_table(documented, "moderation")
    with pytest.raises(NoEventsError):
        load_table(run_file, "events")


def test_table_rows_attribute_is_the_length_readers_trust(editable_copy):
    def longer(f):
        _write_documented(f)
        ds = f["groups/parent"]
        ds.resize((5,))  # a flush cut short: data past `rows`
    path = editable_copy("longer.h5", longer)
    with pytest.raises(DamagedFileError, match=r"/groups/parent has 5 rows but the "
                                               r"table's 'rows' attribute says 2"):
        load_table(path, "groups")  # a complete file holds exactly `rows`

    def partial(f):
        longer(f)
        f.attrs["complete"] = np.int64(0)
    path = editable_copy("partial.h5", partial)
    with pytest.raises(PartialRunError):
        load_table(path, "groups")
    ds = load_table(path, "groups", allow_partial=True)
    assert ds.sizes["row"] == 2 and ds.attrs["complete"] == 0

    def short(f):
        _write_documented(f)
        f["events"].attrs["rows"] = np.int64(10)
        f.attrs["complete"] = np.int64(0)
    with pytest.raises(DamagedFileError, match=r"/events/tick has 3 rows but the table's "
                                               r"'rows' attribute says 10"):
        load_events(editable_copy("short.h5", short), allow_partial=True)


def test_load_hourly_is_the_daily_loader_by_the_hour(documented, run_file):
    ds = load_hourly(documented)
    assert dict(ds.sizes) == {"hour": DAYS * 24, "group": 2}
    assert set(ds.data_vars) == {"posts", "online"}
    assert list(ds["day"].values[[0, 23, 24, DAYS * 24 - 1]]) == [0, 0, 1, DAYS - 1]
    assert np.isnan(ds["posts"].values[29, 1]) and ds["posts"].values[30, 1] == 61
    assert ds["posts"].attrs["unit"] == "posts/hour" and ds["posts"].attrs["level"] == "hourly"
    assert load_hourly(documented, metrics=["online"]).data_vars.keys() == {"online"}
    with pytest.raises(KeyError, match="no metric named"):
        load_hourly(documented, metrics=["size"])  # a daily metric, not hourly
    with pytest.raises(MissingDataError, match="no /hourly series"):
        load_hourly(run_file)
    many = load_runs([documented, documented], level="hourly")
    assert dict(many.sizes) == {"run": 2, "hour": DAYS * 24, "group": 2}
    # the daily read is unchanged by the new groups
    assert load_run(documented).sizes["day"] == DAYS


def test_hourly_rows_must_match_hours_written(editable_copy):
    path = editable_copy("bad_hours.h5", lambda f: _write_documented(f, hours=DAYS * 24 - 1))
    with pytest.raises(DamagedFileError, match="'hours_written' = 119 is not 24 x "
                                               "days_written"):
        load_hourly(path)

    def short(f):
        _write_documented(f)
        f["hourly/posts"].resize((100, 2))
    with pytest.raises(DamagedFileError, match=r"/hourly/posts has 100 rows but the file "
                                               r"claims 120 \(hours_written\)"):
        load_hourly(editable_copy("short_hours.h5", short))


def _tests_binary():
    explicit = os.environ.get("COMMSIM_TESTS_BIN")
    if explicit:
        return Path(explicit)
    return Path(os.environ["COMMSIM_BIN"]).with_name("commsim_tests")


@pytest.fixture(scope="module")
def engine_sample(commsim_bin, tmp_path_factory):
    """Files the engine's RunFile writes with the documented tables and hourly series:
    the Catch2 test '[sample]' writes them where COMMSIM_TABLE_SAMPLE says."""
    binary = _tests_binary()
    if not binary.is_file():
        pytest.skip(f"{binary} not built (set COMMSIM_TESTS_BIN): cannot write the "
                    "engine's sample of tables")
    path = tmp_path_factory.mktemp("engine_sample") / "sample.h5"
    proc = subprocess.run([str(binary), "[sample]"], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "COMMSIM_TABLE_SAMPLE": str(path)})
    if proc.returncode != 0:
        pytest.fail(f"{binary} [sample] exited {proc.returncode}:\n{proc.stdout}"
                    f"{proc.stderr}", pytrace=False)
    return path


def test_engine_written_tables_and_hours(engine_sample):
    events = load_events(engine_sample)
    assert events.sizes["event"] == 2 + 3 + 4
    assert list(events.data_vars)[:7] == ["tick", "group", "person", "kind", "detail",
                                          "other", "removed"]
    assert list(events["kind"].values[:3]) == ["join", "leave", "join"]
    assert list(events["detail"].values[:2]) == ["none", "friend_invite"]
    assert events["other"].values[0] == NONE and events["tick"].dtype == np.uint32
    assert events["kind"].attrs["codes"][-1] == "reply"
    groups = load_table(engine_sample, "groups")
    assert list(groups["type"].values) == ["community", "community", "flash"]
    assert groups["member_hours"].values.tolist() == [72.0, 144.0, 216.0]
    assert list(groups["parent"].values) == [NONE, NONE, 0]
    interventions = load_table(engine_sample, "interventions")
    assert interventions.sizes["row"] == 1
    assert interventions["action"].values[0] == "influx"
    assert interventions["phase"].values[0] == "start"
    hourly = load_hourly(engine_sample)
    assert dict(hourly.sizes) == {"hour": 72, "group": 3}
    assert np.isnan(hourly["posts"].values[39, 2]) and hourly["posts"].values[40, 2] == 2
    assert load_run(engine_sample).sizes["day"] == 3

    stopped = Path(str(engine_sample) + ".stopped.h5.part")
    with pytest.raises(PartialRunError):
        load_table(stopped, "groups")
    part = load_events(stopped, allow_partial=True)
    assert part.sizes["event"] == 9 and part.attrs["complete"] == 0
    assert load_hourly(stopped, allow_partial=True).sizes["hour"] == 72
