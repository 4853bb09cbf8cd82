"""load_sweep over real ``commsim sweep`` output: rows, statuses, exclusions, figures."""
import re
import shutil
import warnings

import h5py
import numpy as np
import pytest

from commsim_analysis import (PartialRunWarning, load_runs, load_sweep, sweep_frame,
                              sweep_summary)
from commsim_analysis.cli import plot_main, report_main
from commsim_analysis.sweepplots import plot_sweep_heatmap, plot_sweep_line
from conftest import (COUNTS, STRICTNESS, SWEEP_DAYS, SWEEP_REPLICATES, commsim)
from test_plots_and_report import _assert_png, _written

X = "groups.strictness"


def _no_warnings(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartialRunWarning)
        return fn(*args, **kwargs)


def test_load_sweep_one_entry_per_run(sweep_dir):
    sweep = _no_warnings(load_sweep, sweep_dir)
    n = len(STRICTNESS) * SWEEP_REPLICATES
    assert sweep.sizes["run"] == n
    frame = sweep_frame(sweep)
    assert list(frame.columns[:7]) == ["run_id", "scenario_name", "arm", "point",
                                       "replicate", "seed", "status"]
    assert (frame["status"] == "complete").all()
    assert sorted(frame[X]) == sorted(STRICTNESS * SWEEP_REPLICATES)
    # each point is one strictness value, each replicate of it a different seed
    assert (frame.groupby("point")[X].nunique() == 1).all()
    assert frame.groupby("point")["replicate"].apply(sorted).tolist() == \
        [list(range(SWEEP_REPLICATES))] * len(STRICTNESS)
    assert frame["seed"].nunique() == n
    assert sweep.attrs["parameters"] == [X]
    assert sweep.attrs["runs_total"] == n and sweep.attrs["runs_complete"] == n
    for col in ("members_final", "value_gained_mean"):
        assert col in sweep.attrs["summaries"]
        assert np.isfinite(sweep[col]).all()
    assert sweep["members_final"].attrs == {"unit": "memberships", "metric": "members"}
    means = sweep["members_final"].groupby(X).mean()  # xarray does the response curve
    assert list(means[X].values) == list(STRICTNESS)


def test_sweep_series_are_load_runs_of_the_folder(sweep_dir):
    """Daily series of a sweep, per-group metrics included (the user test's
    empty frame): the sweep point and parameter are coordinates along run."""
    sweep = load_sweep(sweep_dir)
    daily = load_runs(sweep_dir, metrics=["inactive_share"])
    assert daily.sizes["run"] == sweep.sizes["run"]
    assert np.isfinite(daily["inactive_share"]).any()
    assert dict(zip(daily["run"].values, daily[X].values)) == \
        dict(zip(sweep["run"].values, sweep[X].values))
    platform = load_runs(sweep_dir, level="platform", metrics=["members"])
    last = platform["members"].isel(day=SWEEP_DAYS - 1).to_series()
    assert np.allclose(last.loc[sweep["run"].values], sweep["members_final"].values)
    with pytest.raises(KeyError, match="per-group metrics"):
        load_runs(sweep_dir, level="platform", metrics=["inactive_share"])


@pytest.fixture
def damaged_sweep(sweep_dir, commsim_bin, tmp_path):
    """The sweep with one run file removed and another marked partial, re-indexed."""
    out = tmp_path / "sweep"
    shutil.copytree(sweep_dir, out)
    runs = load_sweep(out)["run"].values
    gone, cut = runs[1], runs[2]
    (out / f"{gone}.h5").unlink()
    with h5py.File(out / f"{cut}.h5", "r+") as f:
        f.attrs["complete"] = 0
    commsim(commsim_bin, "index", out, "--quiet")
    return out, gone, cut


def test_removed_and_partial_runs_are_flagged_and_excluded(damaged_sweep):
    out, gone, cut = damaged_sweep
    with pytest.warns(PartialRunWarning, match=rf"2 of 6 runs .*{re.escape(cut)}"):
        sweep = load_sweep(out)
    frame = sweep_frame(sweep)
    status = frame.set_index("run_id")["status"]
    assert status[gone] == "pending" and status[cut] == "partial"
    assert (status.drop([gone, cut]) == "complete").all()
    assert frame.set_index("run_id").loc[[gone, cut], "members_final"].isna().all()

    with pytest.warns(PartialRunWarning, match=re.escape(gone)):
        stats = sweep_summary(sweep, "members_final", [X]).set_index(X)
    by_point = frame.groupby(X)["status"].apply(lambda s: (s == "complete").sum())
    assert stats["n"].to_dict() == by_point.to_dict()
    assert stats["n"].sum() == len(frame) - 2
    done = frame[frame["status"] == "complete"]
    assert np.allclose(stats["mean"], done.groupby(X)["members_final"].mean())


def test_damaged_run_is_flagged_and_excluded(sweep_dir, commsim_bin, tmp_path):
    """A file that says complete but was cut short: ``commsim index`` lists it as
    damaged, and load_sweep keeps the row, flagged, out of the statistics."""
    out = tmp_path / "sweep"
    shutil.copytree(sweep_dir, out)
    cut = load_sweep(out)["run"].values[0]
    path = out / f"{cut}.h5"
    with open(path, "r+b") as f:
        f.truncate(path.stat().st_size // 2)
    commsim(commsim_bin, "index", out, "--quiet")
    with pytest.warns(PartialRunWarning, match=rf"1 of 6 runs .*damaged: {re.escape(cut)}"):
        sweep = load_sweep(out)
    assert sweep.attrs["runs_damaged"] == 1 and sweep.attrs["runs_complete"] == 5
    frame = sweep_frame(sweep).set_index("run_id")
    assert frame.loc[cut, "status"] == "damaged" and frame.loc[cut, "error"]
    assert np.isnan(frame.loc[cut, "members_final"])
    assert (frame["status"].drop(cut) == "complete").all()
    with pytest.warns(PartialRunWarning, match=re.escape(cut)):
        stats = sweep_summary(sweep, "members_final", [X])
    assert stats["n"].sum() == len(frame) - 1


def test_stale_index_reports_missing_file(sweep_dir, tmp_path):
    out = tmp_path / "sweep"
    shutil.copytree(sweep_dir, out)
    victim = sorted(out.glob("tiny_sweep.p*.h5"))[0]
    victim.unlink()  # index not rebuilt: it still says complete
    with pytest.warns(PartialRunWarning, match="missing"):
        frame = sweep_frame(load_sweep(out / "index.h5"))
    row = frame.set_index("run_id").loc[victim.stem]
    assert row["status"] == "missing" and np.isnan(row["members_final"])


def test_sweep_line_plot(sweep_dir, tmp_path, capsys):
    assert plot_main(["sweep", str(sweep_dir), "--x", X, "--metric",
                      "members_final,value_gained_mean", "--out", str(tmp_path)]) == 0
    (path,) = _written(capsys)
    assert path.endswith(f"sweep-tiny_sweep-{X}.png")
    _assert_png(path)

    sweep = load_sweep(sweep_dir)
    fig = plot_sweep_line(sweep, X, ["members_final"])
    ax = fig.axes[0]
    line = ax.get_lines()[0]
    expect = sweep_summary(sweep, "members_final", [X])
    assert list(line.get_xdata()) == list(STRICTNESS)
    assert np.allclose(line.get_ydata(), expect["mean"])
    assert ax.get_xlabel().startswith(X)
    assert ax.get_ylabel() == "members_final (memberships)"
    assert "'tiny_sweep'" in fig._suptitle.get_text()


def test_sweep_heatmap(sweep2_dir, tmp_path, capsys):
    assert plot_main(["sweep", str(sweep2_dir), "--x", X, "--y", "groups.count",
                      "--metric", "members_final", "--out", str(tmp_path)]) == 0
    (path,) = _written(capsys)
    _assert_png(path)

    sweep = load_sweep(sweep2_dir)
    assert sweep.sizes["run"] == len(STRICTNESS) * len(COUNTS) * SWEEP_REPLICATES
    fig = plot_sweep_heatmap(sweep, X, "groups.count", "members_final")
    ax = fig.axes[0]
    cells = ax.get_images()[0].get_array()
    assert cells.shape == (len(COUNTS), len(STRICTNESS))
    expect = sweep_summary(sweep, "members_final", ["groups.count", X])
    assert np.allclose(np.asarray(cells).ravel(), expect["mean"])
    # each cell says its n and interval; n = 2 < LOW_N, so every cell is hatched
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == cells.size and all(t.endswith(f"n={SWEEP_REPLICATES}") for t in texts)
    assert all("[" in t and "e+" not in t for t in texts)
    assert len([p for p in ax.patches if p.get_hatch() == "///"]) == cells.size
    assert "hatched: fewer than 3 complete runs" in " ".join(fig._suptitle.get_text().split())


def test_heatmap_of_a_variable_added_in_xarray(sweep2_dir):
    sweep = load_sweep(sweep2_dir)
    sweep["members_per_group"] = sweep["members_final"] / sweep["groups.count"]
    fig = plot_sweep_heatmap(sweep, X, "groups.count", "members_per_group")
    assert np.isfinite(np.asarray(fig.axes[0].get_images()[0].get_array())).all()


def test_sweep_plot_names_bad_parameter(sweep_dir, tmp_path, capsys):
    assert plot_main(["sweep", str(sweep_dir), "--x", "groups.nope", "--metric",
                      "members_final", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "groups.nope" in err and X in err
    assert not list(tmp_path.iterdir())


def test_report_of_a_sweep(damaged_sweep, tmp_path, capsys):
    out, gone, cut = damaged_sweep
    report = tmp_path / "rep" / "report.md"
    assert report_main([str(out), "--out", str(report)]) == 0
    assert _written(capsys)[0] == str(report)
    text = report.read_text()
    assert "# commsim sweep report" in text and "4 complete" in text
    assert "## Runs not complete" in text and gone in text and cut in text
    assert f"`{X}` = 0.0, 0.5, 1.0" in text
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert images == [f"report-sweep-{X}.png"]
    _assert_png(report.parent / images[0])
