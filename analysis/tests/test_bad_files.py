"""Damaged, foreign and unfinished files give clear errors naming the file."""
import numpy as np
import pytest

from commsim_analysis import (FormatVersionError, MissingDataError, NotHDF5Error,
                              PartialRunError, PartialRunWarning, load_run, load_runs,
                              load_sweep, read_runs)
from conftest import DAYS


def test_not_hdf5(tmp_path):
    bad = tmp_path / "notes.h5"
    bad.write_text("this is not HDF5\n")
    with pytest.raises(NotHDF5Error, match="not an HDF5 file") as info:
        load_run(bad)
    assert str(bad) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.h5"):
        load_run(tmp_path / "nope.h5")


def test_missing_daily(editable_copy):
    path = editable_copy("nodaily.h5", lambda f: f.__delitem__("daily"))
    with pytest.raises(MissingDataError, match="/daily") as info:
        load_run(path)
    assert str(path) in str(info.value)


def test_missing_platform(editable_copy):
    path = editable_copy("noplatform.h5", lambda f: f.__delitem__("platform"))
    with pytest.raises(MissingDataError, match="/platform"):
        load_run(path)


def test_wrong_format_version(editable_copy):
    def edit(f):
        f.attrs["format_version"] = np.int64(99)
    path = editable_copy("future.h5", edit)
    with pytest.raises(FormatVersionError, match="format_version 99 is not supported") as info:
        load_run(path)
    assert str(path) in str(info.value)


def test_missing_format_version(editable_copy):
    path = editable_copy("noversion.h5", lambda f: f.attrs.__delitem__("format_version"))
    with pytest.raises(FormatVersionError, match="no root attribute 'format_version'"):
        load_run(path)


def _make_partial(f, days_written=3):
    f.attrs["complete"] = np.int32(0)
    f.attrs["days_written"] = np.int64(days_written)


def test_partial_run_is_refused_then_read_on_request(editable_copy):
    path = editable_copy("partial.h5", _make_partial)
    with pytest.raises(PartialRunError, match="partial run") as info:
        load_run(path)
    assert str(path) in str(info.value)
    run = load_run(path, allow_partial=True)
    assert run.meta["complete"] is False
    assert run.n_days == 3
    assert all(a.shape[0] == 3 for a in run.daily_arrays.values())
    assert all(a.shape == (3,) for a in run.platform_arrays.values())
    assert run.daily["day"].max() == 2


def test_partial_runs_in_a_collection(editable_copy, run_file, tmp_path):
    editable_copy("partial.h5", _make_partial)
    editable_copy("whole.h5")
    with pytest.warns(PartialRunWarning, match="excluding 1 partial run.*partial.h5"):
        frame = load_runs(tmp_path)
    assert set(frame["run"]) == {"whole"}
    with pytest.warns(PartialRunWarning, match="including 1 partial"):
        frame = load_runs(tmp_path, allow_partial=True)
    flags = frame.groupby("run")["complete"].first().to_dict()
    assert flags == {"partial": False, "whole": True}
    assert frame.loc[frame["run"] == "partial", "day"].max() == 2
    assert frame.loc[frame["run"] == "whole", "day"].max() == DAYS - 1


def test_bad_file_in_a_folder_names_it(editable_copy, tmp_path):
    editable_copy("good.h5")
    (tmp_path / "junk.h5").write_bytes(b"\x00" * 64)
    with pytest.raises(NotHDF5Error, match="junk.h5"):
        read_runs(tmp_path)


def test_sweep_without_index_is_a_clear_error(tmp_path, run_file):
    with pytest.raises(FileNotFoundError, match="index.h5.*commsim index"):
        load_sweep(tmp_path)
    with pytest.raises(FormatVersionError, match="index_format_version"):
        load_sweep(run_file)  # a run file is not an index
