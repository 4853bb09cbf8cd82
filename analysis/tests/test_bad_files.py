"""Damaged, foreign and unfinished files give clear errors naming the file and the
fault -- never a raw h5py/numpy error, a huge allocation or a crashed interpreter."""
import os
import random
import shutil
import signal
import subprocess
import sys

import h5py
import numpy as np
import pytest

from commsim_analysis import (DamagedFileError, FormatVersionError, MissingDataError,
                              NotHDF5Error, PartialRunError, PartialRunWarning, RunFileError,
                              load_run, load_runs, load_sweep, read_index, read_runs)
from commsim_analysis.isolate import isolated
from conftest import ANALYSIS_DIR, DAYS


def test_not_hdf5(tmp_path):
    bad = tmp_path / "notes.h5"
    bad.write_text("this is not HDF5\n")
    with pytest.raises(NotHDF5Error, match="not an HDF5 file") as info:
        load_run(bad)
    assert str(bad) in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.h5"):
        load_run(tmp_path / "nope.h5")
    with pytest.raises(NotHDF5Error, match="not a regular file"):
        load_run(tmp_path)


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


def _set_attr(name, value):
    def edit(f):
        f.attrs[name] = value
    return edit


@pytest.mark.parametrize("name, value, message", [
    ("days_written", np.int64(-3), r"'days_written' = -3 is outside \[0, 5\]"),
    ("days_written", np.int64(10**12), r"'days_written' = 1000000000000 is outside"),
    ("complete", np.int64(7), r"'complete' = 7 is outside \[0, 1\]"),
    ("seed", "abc", r"'seed' is 'abc', not an integer"),
    ("days_planned", np.int64(-1), r"'days_planned' = -1 is outside"),
    ("scenario", np.int64(4), r"'scenario' is 4, not a string"),
])
def test_bad_root_attributes(editable_copy, name, value, message):
    path = editable_copy("attr.h5", _set_attr(name, value))
    with pytest.raises(DamagedFileError, match=message) as info:
        load_run(path)
    assert str(path) in str(info.value)


def _replace(dataset, make):
    def edit(f):
        del f[dataset]
        make(f, dataset)
    return edit


@pytest.mark.parametrize("make, message", [
    (lambda f, d: f.create_dataset(d, data=np.zeros(DAYS)), r"1 dimension\(s\), expected 2"),
    (lambda f, d: f.create_dataset(d, data=np.zeros((DAYS, 4), dtype="S4")),
     "element type |S4, expected float64"),
    (lambda f, d: f.create_dataset(d, data=np.zeros((2, 4))), "has 2 rows but the file claims 5"),
])
def test_bad_datasets(editable_copy, make, message):
    path = editable_copy("ds.h5", _replace("daily/active_share", make))
    with pytest.raises(DamagedFileError, match=message.replace("|", r"\|")) as info:
        load_run(path)
    assert "/daily/active_share" in str(info.value) and str(path) in str(info.value)


def test_values_out_of_range_name_the_place(editable_copy):
    def edit(f):
        data = f["daily/muted_share"][:]
        data[2, 1] = -4.0
        f["daily/muted_share"][...] = data
    path = editable_copy("range.h5", edit)
    with pytest.raises(DamagedFileError, match=r"muted_share has 1 value\(s\) outside "
                                               r"\[0, 1\].*-4.0 at index \[2, 1\]"):
        load_run(path)


def test_huge_shape_is_refused_before_allocating(editable_copy):
    """A shape claiming terabytes (as a bit flip can) is refused from the stored
    size, not attempted."""
    def edit(f):
        del f["daily"]  # one dataset left, so the group counts agree
        f.create_dataset("daily/size", shape=(DAYS, 2**40), dtype="f8", chunks=(1, 1024),
                         compression="gzip")  # nothing written: a few bytes stored
        f["daily/size"].attrs["unit"] = "members"
    path = editable_copy("huge.h5", edit)
    with pytest.raises(DamagedFileError, match=r"(TiB|PiB).*(allowed|stored)"):
        load_run(path)


def test_groups_disagree(editable_copy):
    path = editable_copy("width.h5", _replace(
        "daily/size", lambda f, d: f.create_dataset(d, data=np.ones((DAYS, 9)))))
    with pytest.raises(DamagedFileError, match="disagree on the number of groups"):
        load_run(path)


def test_a_crash_in_the_reader_is_an_error_not_a_dead_interpreter(tmp_path):
    def crash():
        os.kill(os.getpid(), signal.SIGSEGV)
    with pytest.raises(DamagedFileError, match=r"crashed reading this file \(signal 11, "
                                               r"SIGSEGV\)") as info:
        isolated(tmp_path / "x.h5", crash)
    assert "x.h5" in str(info.value)


def test_bit_flipped_files_give_clean_errors(run_file, tmp_path):
    """100 copies with 1-8 random bits flipped: each loads, or raises a
    RunFileError (or a KeyError for a renamed metric) -- in a child interpreter,
    so a crash would show as a failed child rather than a dead test session.
    (100, not more: each file is read in a forked probe, about half a second a file;
    the C++ fuzz target tests/fuzz/run_file_fuzz searches the reader far wider.)"""
    data = run_file.read_bytes()
    rng = random.Random(7)
    for i in range(100):
        damaged = bytearray(data)
        for _ in range(rng.choice((1, 1, 2, 4, 8))):
            pos = rng.randrange(len(damaged))
            damaged[pos] ^= 1 << rng.randrange(8)
        (tmp_path / f"f{i:03d}.h5").write_bytes(bytes(damaged))
    script = (
        "import sys, glob, collections\n"
        "from commsim_analysis import load_run, RunFileError\n"
        "seen = collections.Counter()\n"
        "for path in sorted(glob.glob(sys.argv[1] + '/*.h5')):\n"
        "    try:\n"
        "        load_run(path); seen['ok'] += 1\n"
        "    except RunFileError as e:\n"
        "        assert path in str(e), (path, e); seen[type(e).__name__] += 1\n"
        "    except KeyError as e:\n"
        "        assert path in str(e), (path, e); seen['KeyError'] += 1\n"
        "print(dict(seen))\n")
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                          text=True, timeout=1200,
                          env={**os.environ, "PYTHONPATH": str(ANALYSIS_DIR),
                               "COMMSIM_ANALYSIS_READ_TIMEOUT": "60"})  # a hang: an error
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = eval(proc.stdout.strip().splitlines()[-1])  # noqa: S307 -- our own dict
    assert sum(seen.values()) == 100
    assert seen.get("ok", 0) < 100, "no damage detected at all?"


def _make_partial(f, days_written=3):
    f.attrs["complete"] = np.int64(0)
    f.attrs["days_written"] = np.int64(days_written)


def test_partial_run_is_refused_then_read_on_request(editable_copy):
    path = editable_copy("partial.h5", _make_partial)
    with pytest.raises(PartialRunError, match="partial run") as info:
        load_run(path)
    assert str(path) in str(info.value)
    ds = load_run(path, allow_partial=True)
    assert ds.attrs["complete"] == 0
    assert ds.sizes["day"] == 3
    assert load_run(path, allow_partial=True, level="platform").sizes["day"] == 3


def test_partial_runs_in_a_collection(editable_copy, tmp_path):
    editable_copy("partial.h5", _make_partial)
    editable_copy("whole.h5")
    with pytest.warns(PartialRunWarning, match="excluding 1 partial run.*partial.h5"):
        ds = load_runs(tmp_path)
    assert list(ds["run"].values) == ["whole"]
    with pytest.warns(PartialRunWarning, match="including 1 partial"):
        ds = load_runs(tmp_path, allow_partial=True)
    assert dict(zip(ds["run"].values, ds["complete"].values)) == {"partial": False,
                                                                 "whole": True}
    # the shorter run is padded with NaN, not cut or repeated
    partial = ds.sel(run="partial")["size"]
    assert np.isnan(partial.sel(day=DAYS - 1)).all() and np.isfinite(partial.sel(day=0)).any()


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


def _damaged_index(sweep_dir, tmp_path, edit):
    out = tmp_path / "sweep"
    shutil.copytree(sweep_dir, out)
    with h5py.File(out / "index.h5", "r+") as f:
        edit(f)
    return out


@pytest.mark.parametrize("edit, message", [
    (lambda f: f["runs/days_written"].__setitem__(0, -5), "days_written holds negative"),
    (lambda f: f.__delitem__("runs/seed"), r"missing dataset\(s\) /runs/\['seed'\]"),
    (lambda f: (f.__delitem__("runs/point"),
                f.create_dataset("runs/point", data=np.zeros(2, dtype=np.int64))),
     "disagree on the number of runs"),
    (lambda f: f.attrs.__setitem__("runs_total", np.int64(-2)), "'runs_total' = -2"),
])
def test_damaged_index(sweep_dir, tmp_path, edit, message):
    out = _damaged_index(sweep_dir, tmp_path, edit)
    with pytest.raises(RunFileError, match=message) as info:
        read_index(out)
    assert "index.h5" in str(info.value)


def test_index_file_names_stay_in_the_folder(sweep_dir, tmp_path):
    def edit(f):
        names = [n.decode() if isinstance(n, bytes) else n for n in f["runs/file"][()]]
        names[0] = "../../etc/passwd"
        del f["runs/file"]
        f.create_dataset("runs/file", data=names, dtype=h5py.string_dtype())
    out = _damaged_index(sweep_dir, tmp_path, edit)
    with pytest.raises(DamagedFileError, match="not a file name in the index's folder"):
        load_sweep(out)


def test_a_read_that_hangs_is_stopped(tmp_path, monkeypatch):
    import time
    monkeypatch.setenv("COMMSIM_ANALYSIS_READ_TIMEOUT", "1")
    started = time.monotonic()
    with pytest.raises(DamagedFileError, match=r"did not finish within 1 s"):
        isolated(tmp_path / "x.h5", time.sleep, 60)
    assert time.monotonic() - started < 30
