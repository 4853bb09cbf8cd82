"""Comparison folders (commsim compare / batch with arms) and the failure-mode atlas."""
import re
import shutil

import h5py
import numpy as np
import pandas as pd

from commsim_analysis import load_compare, split_by_scenario
from commsim_analysis.atlas import (FALLBACK_METRICS, SMOOTH_DAYS, failure_mode,
                                    plot_atlas, plot_failure_mode, signature_series)
from commsim_analysis.cli import plot_main, report_main
from commsim_analysis.reporting import folder_kind
from conftest import ARM_REPLICATES, SWEEP_DAYS
from test_plots_and_report import _assert_png, _written

LEADERLESS_METRICS = ["ad_share", "value_per_message", "muted_share"]


def test_load_compare_arms_and_replicates(arms_dir):
    comp = load_compare(arms_dir)
    assert comp.arms == ["control", "failure"] and comp.reference == "control"
    assert comp.scenario_name == "leaderless"
    assert comp.table.groupby("arm")["replicate"].apply(sorted).to_dict() == {
        "control": list(range(ARM_REPLICATES)), "failure": list(range(ARM_REPLICATES))}
    assert list(comp.table["arm_index"]) == [0] * ARM_REPLICATES + [1] * ARM_REPLICATES
    assert [r.name for r in comp.runs] == list(comp.table["run"])
    if (arms_dir / "summary.csv").exists():  # written by commsim compare
        assert set(comp.summary["arm"]) == {"control", "failure"}
        assert {"metric", "mean", "ci_low", "ci_high"} <= set(comp.summary.columns)
    else:
        assert comp.summary is None


def test_arms_follow_arm_index_not_file_names(arms_dir, tmp_path):
    out = tmp_path / "swapped"
    out.mkdir()
    for path in arms_dir.glob("leaderless.*.h5"):
        shutil.copy(path, out / path.name)
        with h5py.File(out / path.name, "r+") as f:
            f.attrs["arm_index"] = 1 - int(f.attrs["arm_index"])
    comp = load_compare(out)
    assert comp.arms == ["failure", "control"] and comp.reference == "failure"
    assert comp.summary is None


def test_summary_csv_is_exposed(arms_dir, tmp_path):
    out = tmp_path / "with_summary"
    shutil.copytree(arms_dir, out)
    pd.DataFrame({"metric": ["m", "m"], "arm": ["control", "failure"],
                  "mean": [1.5, float("nan")]}).to_csv(out / "summary.csv", index=False)
    summary = load_compare(out).summary
    assert list(summary["arm"]) == ["control", "failure"]
    assert summary["mean"].iloc[0] == 1.5 and np.isnan(summary["mean"].iloc[1])


def test_signature_series_is_mean_over_groups(arms_dir):
    comp = load_compare(arms_dir)
    data = signature_series(comp, "muted_share")
    run = comp.runs[-1]
    with h5py.File(run.path) as f:
        expect = np.nanmean(f["daily/muted_share"][:], axis=1)
    got = data[data["run"] == run.name].sort_values("day")["value"].to_numpy()
    assert np.allclose(got, expect, equal_nan=True)
    # a flow (people/day) is smoothed with the rolling mean; the control arm has
    # moderators, so its removals vary from day to day and smoothing shows
    flow = signature_series(comp, "removals")
    control = comp.runs[0]
    with h5py.File(control.path) as f:
        raw = pd.Series(np.nanmean(f["daily/removals"][:], axis=1))
    smooth = raw.rolling(SMOOTH_DAYS, center=True, min_periods=1).mean().to_numpy()
    assert not np.allclose(raw, smooth), "test needs removals that vary"
    got = flow[flow["run"] == control.name].sort_values("day")["value"].to_numpy()
    assert np.allclose(got, smooth, equal_nan=True)


def test_failure_mode_figure(arms_dir):
    comp = load_compare(arms_dir)
    fig = plot_failure_mode(comp)
    title = fig._suptitle.get_text()
    assert "C11/C15" in title and "leaderless drift" in title
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title().split(" ")[0] for ax in axes] == LEADERLESS_METRICS
    for ax in axes:
        lines = [ln for ln in ax.get_lines() if ln.get_label().startswith(("control", "failure"))]
        assert len(lines) == 2
        assert len(lines[0].get_xdata()) == SWEEP_DAYS
        assert "(" in ax.get_ylabel() and "days" in ax.get_xlabel()


def test_unknown_scenario_falls_back(batch_dir):
    assert failure_mode("no_such_mode").metrics == FALLBACK_METRICS
    comps = split_by_scenario([batch_dir])
    assert [c.scenario_name for c in comps] == ["other", "tiny"]
    fig = plot_failure_mode(comps[1])
    assert [ax.get_title().split(" ")[0] for ax in fig.axes] == list(FALLBACK_METRICS)


def test_atlas_command(arms_dir, batch_dir, tmp_path, capsys):
    assert plot_main(["atlas", str(arms_dir), str(batch_dir), "--out", str(tmp_path)]) == 0
    paths = _written(capsys)
    names = sorted(p.rsplit("/", 1)[1] for p in paths)
    assert names == ["atlas-leaderless.png", "atlas-other.png", "atlas-tiny.png", "atlas.png"]
    for p in paths:
        _assert_png(p)


def test_atlas_overview_rows(arms_dir, batch_dir):
    comps = split_by_scenario([batch_dir, arms_dir])
    fig = plot_atlas(comps)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 3 * len(comps)
    # known failure modes come first, in claim order
    assert visible[0].get_title().split(" ")[0] == LEADERLESS_METRICS[0]


def test_report_of_a_comparison(arms_dir, tmp_path, capsys):
    assert folder_kind(arms_dir) == "compare"
    report = tmp_path / "rep" / "report.md"
    assert report_main([str(arms_dir), "--out", str(report)]) == 0
    assert _written(capsys)[0] == str(report)
    text = report.read_text()
    assert "# commsim comparison report" in text and "C11/C15 leaderless drift" in text
    assert "`control` (reference)" in text and "leaderless.failure.r2" in text
    if (arms_dir / "summary.csv").exists():
        assert "summary.csv" in text and re.search(r"\| ad_share \| share \| failure \|", text)
    else:
        assert "Final platform values per arm" in text
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert images == ["report-atlas-leaderless.png"]
    _assert_png(report.parent / images[0])


def test_report_of_a_batch_without_summary(arms_dir, tmp_path, capsys):
    """Without summary.csv the report computes final values per arm, leaving out
    a run that failed (flagged with the engine's error)."""
    out = tmp_path / "batch"
    shutil.copytree(arms_dir, out, ignore=shutil.ignore_patterns("summary.*", "runs.csv"))
    with h5py.File(out / "leaderless.failure.r2.h5", "r+") as f:
        f.attrs["complete"] = 0
        f.attrs["error"] = "bad parameter combination"
    assert folder_kind(out) == "compare"
    assert report_main([str(out)]) == 0
    text = (out / "report.md").read_text()
    assert "Final platform values per arm" in text
    assert "| leaderless.failure.r2 | failure | 2 |" in text
    assert "**no (failed: bad parameter combination)**" in text
    assert re.search(r"\| control \| 3 \|", text) and re.search(r"\| failure \| 2 \|", text)
