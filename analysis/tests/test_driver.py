"""run / compare / sweep from Python: the binary runs, progress is parsed, results
load, and the binary's errors arrive as exceptions carrying its message."""
import os
import subprocess
import sys

import numpy as np
import pytest

import commsim_analysis as ca
from commsim_analysis.driver import set_arguments
from commsim_analysis.progress import Progress, parse_progress
from conftest import ANALYSIS_DIR, LEADERLESS, SWEEP, TINY

FAST = {"run.days": 4}


def test_run_several_seeds(commsim_bin, tmp_path):
    res = ca.run(TINY, seeds=[3, 4], set=FAST, threads=1, out=tmp_path, name="tiny",
                 binary=commsim_bin, progress=False)
    assert sorted(res.table["seed"]) == [3, 4]
    assert res.daily.sizes["run"] == 2 and res.daily.sizes["day"] == FAST["run.days"]
    assert (tmp_path / "tiny.toml").is_file() and (tmp_path / "tiny.s3.h5").is_file()
    with pytest.raises(FileExistsError, match="overwrite=True"):
        ca.run(TINY, seeds=3, set=FAST, out=tmp_path, name="tiny", binary=commsim_bin,
               progress=False)
    again = ca.run(TINY, seeds=3, set=FAST, out=tmp_path, name="tiny", binary=commsim_bin,
                   progress=False, overwrite=True)
    np.testing.assert_array_equal(again.daily["size"].values[0],
                                  res.daily["size"].sel(run="tiny.s3").values)


def test_run_one_arm(commsim_bin, tmp_path):
    """``arm=`` passes ``--arm`` to ``commsim run``: the arm's settings apply and the
    file says which arm it is; a file with arms needs one, and only one it declares."""
    res = ca.run(LEADERLESS, arm="failure", seeds=[1, 2], set=FAST, threads=1,
                 out=tmp_path, name="ll", binary=commsim_bin, progress=False)
    assert (tmp_path / "ll.failure.s1.h5").is_file()
    assert list(res.daily["arm"].values) == ["failure", "failure"]
    run = ca.load_run(tmp_path / "ll.failure.s1.h5")
    assert run.attrs["arm"] == "failure" and run.attrs["groups.moderators"] == 0
    control = ca.run(LEADERLESS, arm="control", seeds=1, set=FAST, threads=1, out=tmp_path,
                     name="ll", binary=commsim_bin, progress=False)
    assert ca.load_run(tmp_path / "ll.control.s1.h5").attrs["groups.moderators"] == 2
    assert list(control.daily["arm"].values) == ["control"]
    again = ca.run(LEADERLESS, arm="failure", seeds=1, set=FAST, threads=1, out=tmp_path,
                   name="ll", binary=commsim_bin, progress=False, overwrite=True)
    np.testing.assert_array_equal(again.daily["size"].values[0],
                                  res.daily["size"].sel(run="ll.failure.s1").values)
    with pytest.raises(ca.CommsimError, match=r"no such arm \(it has control, failure\)"):
        ca.run(LEADERLESS, arm="nope", seeds=1, set=FAST, out=tmp_path, name="ll",
               binary=commsim_bin, progress=False)
    with pytest.raises(ca.CommsimError, match="choose one with --arm"):
        ca.run(LEADERLESS, seeds=1, set=FAST, out=tmp_path, name="ll", binary=commsim_bin,
               progress=False)
    assert sorted(p.name for p in tmp_path.glob("*.h5*")) == [
        "ll.control.s1.h5", "ll.failure.s1.h5", "ll.failure.s2.h5"]


def test_compare_returns_statistics(commsim_bin, tmp_path):
    res = ca.compare(LEADERLESS, replicates=2, set=FAST, jobs=2, threads=1, out=tmp_path,
                     name="leaderless", binary=commsim_bin, progress=False)
    assert res.arms == ["control", "failure"]
    assert set(res.summary["arm"]) == {"control", "failure"}
    assert res.daily.sizes["run"] == 4
    assert res.forest(["ad_share"]) is not None


def test_sweep_returns_its_index(commsim_bin, tmp_path):
    res = ca.sweep(SWEEP, set=FAST, replicates=1, jobs=2, out=tmp_path, name="sw",
                   binary=commsim_bin, progress=False)
    assert res.index.sizes["run"] == 3
    assert sorted(res.index["groups.strictness"].values) == [0.0, 0.5, 1.0]
    assert "groups.strictness" in res.daily.coords


def test_errors_of_the_binary_are_exceptions_with_its_message(commsim_bin, tmp_path):
    with pytest.raises(ca.CommsimError, match=r"unknown key 'groups.cuont' \(did you mean "
                                              r"'groups.count'\?\)") as info:
        ca.run(TINY, set={"groups.cuont": 3}, out=tmp_path, name="typo",
               binary=commsim_bin, progress=False)
    assert info.value.returncode == 2
    with pytest.raises(ca.CommsimError, match="not an executable"):
        ca.run(TINY, binary=tmp_path / "nope", progress=False, out=tmp_path)
    with pytest.raises(FileNotFoundError, match="no such scenario file"):
        ca.run(tmp_path / "missing.toml", binary=commsim_bin, progress=False)


def test_binary_found_through_the_environment(commsim_bin, monkeypatch):
    monkeypatch.setenv("COMMSIM_BIN", str(commsim_bin))
    assert ca.find_binary() == str(commsim_bin)
    monkeypatch.setenv("COMMSIM_BIN", "/nonexistent/commsim")
    assert ca.find_binary() is None
    with pytest.raises(ca.CommsimError, match="COMMSIM_BIN=/nonexistent/commsim is not "
                                              "executable"):
        ca.compare(LEADERLESS, progress=False)


def test_set_arguments_are_toml_values():
    assert set_arguments({"groups.count": 3, "groups.fee": 0.5, "groups.entry": "fee",
                          "groups.ads_allowed": True}) == [
        "--set", "groups.count=3", "--set", "groups.fee=0.5",
        "--set", 'groups.entry="fee"', "--set", "groups.ads_allowed=true"]


def test_progress_lines_are_parsed():
    assert parse_progress("baseline: 40% (72/180), elapsed 0:02, ETA 0:03") == (
        "baseline", 40.0, "(72/180), elapsed 0:02, ETA 0:03")
    assert parse_progress("compare: 100% 50/50 runs, 0 failed, 3.1 runs/s, ETA 0:00, "
                          "elapsed 0:16")[1] == 100.0
    assert parse_progress("wrote run.h5") is None
    shown = Progress("run x", enabled=False)
    shown.feed("x: 50% (1/2), elapsed 0:00, ETA 0:00")
    shown.feed("warning: something")
    assert shown.percent == 50.0 and shown.notes == ["warning: something"]
    assert "[===============>" in shown.text()


def test_progress_in_a_log(commsim_bin, tmp_path):
    """Without a terminal or notebook, one line per tenth of the work goes to stderr."""
    code = ("import commsim_analysis as ca, sys\n"
            f"ca.run({TINY!r}, set={{'run.days': 10}}, out={str(tmp_path)!r}, name='t',"
            f" binary={str(commsim_bin)!r})\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ANALYSIS_DIR)}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("run t [")]
    assert len(lines) >= 5 and "100%" in lines[-1] and "done" in lines[-1]
