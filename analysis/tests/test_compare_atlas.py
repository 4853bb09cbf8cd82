"""Comparison folders (commsim compare / batch with arms), the forest plot and the atlas."""
import re
import shutil

import h5py
import numpy as np
import pandas as pd
import pytest

from commsim_analysis import load_compare, split_by_scenario
from commsim_analysis.atlas import (SMOOTH_DAYS, plot_atlas, plot_failure_mode,
                                    signature_series)
from commsim_analysis.cli import plot_main, report_main
from commsim_analysis.forest import forest_table, plot_forest
from commsim_analysis.reporting import folder_kind
from commsim_analysis.signature import GENERIC_METRICS
from conftest import ARM_REPLICATES, SWEEP_DAYS
from test_plots_and_report import _assert_png, _written


def test_load_compare_arms_and_replicates(arms_dir):
    res = load_compare(arms_dir)
    assert res.arms == ["control", "failure"] and res.reference == "control"
    assert res.scenario_name == "leaderless"
    assert res.table.groupby("arm")["replicate"].apply(sorted).to_dict() == {
        "control": list(range(ARM_REPLICATES)), "failure": list(range(ARM_REPLICATES))}
    assert list(res.table["arm_index"]) == [0] * ARM_REPLICATES + [1] * ARM_REPLICATES
    assert [r.name for r in res.runs] == list(res.table["run"])
    assert set(res.summary["arm"]) == {"control", "failure"}  # written by commsim compare
    assert {"metric", "unit", "mean", "ci_low", "ci_high", "diff"} <= set(res.summary.columns)
    assert res.index is not None and res.index.sizes["run"] == 2 * ARM_REPLICATES


def test_arms_follow_arm_index_not_file_names(arms_dir, tmp_path):
    out = tmp_path / "swapped"
    out.mkdir()
    for path in arms_dir.glob("leaderless.*.h5"):
        shutil.copy(path, out / path.name)
        with h5py.File(out / path.name, "r+") as f:
            f.attrs["arm_index"] = 1 - int(f.attrs["arm_index"])
    res = load_compare(out)
    assert res.arms == ["failure", "control"] and res.reference == "failure"
    assert res.summary is None


def test_bad_summary_csv_is_named(arms_dir, tmp_path):
    out = tmp_path / "bad"
    shutil.copytree(arms_dir, out)
    (out / "summary.csv").write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match=r"summary.csv: missing column\(s\)"):
        load_compare(out)


def test_signature_series_is_mean_over_groups(arms_dir):
    res = load_compare(arms_dir)
    data = signature_series(res, "muted_share")
    last = res.runs[-1]
    with h5py.File(last.path) as f:
        expect = np.nanmean(f["daily/muted_share"][:], axis=1)
    assert np.allclose(data[-1], expect, equal_nan=True)
    # a flow (people/day) is smoothed with a centred rolling mean; the control arm
    # has moderators, so its removals vary from day to day and smoothing shows
    flow = signature_series(res, "removals")
    with h5py.File(res.runs[0].path) as f:
        raw = pd.Series(np.nanmean(f["daily/removals"][:], axis=1))
    smooth = raw.rolling(SMOOTH_DAYS, center=True, min_periods=1).mean().to_numpy()
    assert not np.allclose(raw, smooth), "test needs removals that vary"
    assert np.allclose(flow[0], smooth, equal_nan=True)


def test_failure_mode_figure_without_signature_uses_generic_metrics(arms_dir):
    res = load_compare(arms_dir)
    fig = plot_failure_mode(res)
    title = " ".join(fig._suptitle.get_text().split())
    assert "scenario 'leaderless': control vs failure" in title
    assert "no [signature]" in title and "stay in range" in title
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title().split(" ")[0] for ax in axes] == list(GENERIC_METRICS)
    for ax in axes:
        lines = [ln for ln in ax.get_lines() if ln.get_label().startswith(("control", "failure"))]
        assert len(lines) == 2 and len(lines[0].get_xdata()) == SWEEP_DAYS
        assert "(" in ax.get_ylabel() and "days" in ax.get_xlabel()


def test_bands_stay_in_the_metric_range(arms_dir):
    """The plotted band polygons of shares lie in [0, 1] and of counts >= 0."""
    res = load_compare(arms_dir)
    fig = res.plot(["active_share", "muted_share", "ad_share", "focus", "removals"])
    ranges = {"active_share": (0, 1), "muted_share": (0, 1), "ad_share": (0, 1),
              "focus": (-1, 1), "removals": (0, np.inf)}
    seen = 0
    for ax in fig.axes:
        metric = ax.get_title().replace("median ", "")
        if metric not in ranges:
            continue
        lo, hi = ranges[metric]
        for band in ax.collections:
            ys = np.concatenate([p.vertices[:, 1] for p in band.get_paths()])
            ys = ys[np.isfinite(ys)]
            assert (ys >= lo - 1e-12).all() and (ys <= hi + 1e-12).all(), metric
            seen += 1
        if np.isfinite(lo):
            assert ax.get_ylim()[0] >= lo - 0.05 * (ax.get_ylim()[1] - lo)
    assert seen >= 8


def test_forest_plot_draws_summary_csv(arms_dir):
    res = load_compare(arms_dir)
    table = forest_table(res.summary)
    assert set(table["arm"]) == {"failure"}
    raw = res.summary[res.summary["arm"] == "failure"].set_index("metric")
    for row in table.itertuples():
        assert row.diff == pytest.approx(raw.loc[row.metric, "diff"])
        assert row.low >= raw.loc[row.metric, "diff_ci_low"] - 1e-12
        assert row.high <= raw.loc[row.metric, "diff_ci_high"] + 1e-12
        if row.unit == "share":  # two shares differ by at most 1 - reference mean
            ref = res.summary.set_index(["metric", "arm"]).loc[(row.metric, "control"), "mean"]
            assert -ref - 1e-12 <= row.low and row.high <= 1 - ref + 1e-12
    fig = plot_forest(res, ["ad_share", "muted_share"])
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["ad_share", "muted_share"]
    point = [ln for ln in visible[0].get_lines() if ln.get_marker() == "o"][0]
    assert point.get_xdata()[0] == pytest.approx(raw.loc["ad_share", "diff"])
    assert "Welch 95 % CI" in " ".join(fig._suptitle.get_text().split())
    with pytest.raises(KeyError, match="no metric"):
        plot_forest(res, ["nope"])


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
    # without signatures: scenarios by name
    assert [ax.get_ylabel().split("\n")[0] for ax in visible[::3]] == [
        "scenario 'leaderless'", "scenario 'other'", "scenario 'tiny'"]


def test_compare_command_writes_the_forest(arms_dir, tmp_path, capsys):
    assert plot_main(["compare", str(arms_dir), "--out", str(tmp_path)]) == 0
    names = sorted(p.rsplit("/", 1)[1] for p in _written(capsys))
    assert names == [f"compare-{arms_dir.name}-{k}.png" for k in ("forest", "groups",
                                                                 "platform")]
    assert plot_main(["forest", str(arms_dir), "--out", str(tmp_path), "--metrics",
                      "ad_share"]) == 0
    (path,) = _written(capsys)
    _assert_png(path)


def test_report_of_a_comparison(arms_dir, tmp_path, capsys):
    assert folder_kind(arms_dir) == "compare"
    report = tmp_path / "rep" / "report.md"
    assert report_main([str(arms_dir), "--out", str(report)]) == 0
    assert _written(capsys)[0] == str(report)
    text = report.read_text()
    assert "# commsim comparison report" in text
    assert "## Comparison of 2 arms — scenario 'leaderless'" in text
    assert "`control` (reference)" in text and "leaderless.failure.r2" in text
    assert "summary.csv" in text and re.search(r"\| ad_share \| share \| failure \| 3 \|", text)
    assert "arm_index" not in text.split("## Metric definitions")[0]
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert images == ["report-forest-leaderless.png", "report-atlas-leaderless.png"]
    for rel in images:
        _assert_png(report.parent / rel)


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
    assert "arm control (n=3)" in text and "arm failure (n=2)" in text


def test_report_intervals_per_arm_stay_in_range():
    """summary.csv's per-arm intervals are plain t intervals (one went to -0.02 for a
    share); the report recomputes them from runs.csv on the metric's scale."""
    from commsim_analysis.report_compare import statistics_table
    summary = pd.DataFrame({"metric": ["expert_retention"] * 2, "unit": ["share"] * 2,
                            "arm": ["control", "failure"], "reference_arm": ["control"] * 2,
                            "n": [3, 3], "mean": [0.5, 1 / 60], "ci_low": [0.4, -0.02],
                            "ci_high": [0.6, 0.05], "diff": [0.0, -0.48],
                            "diff_ci_low": [0.0, -0.6], "diff_ci_high": [0.0, -0.36],
                            "p_value": [np.nan, 0.001], "hedges_g": [0.0, -5.0]})
    runs = pd.DataFrame({"arm": ["control"] * 3 + ["failure"] * 3,
                         "expert_retention": [0.45, 0.5, 0.55, 0.0, 0.0, 0.05]})
    table = statistics_table(summary, runs)
    cell = table.loc[table["arm"] == "failure", "mean [95 % CI]"].item()
    low = float(cell.split("[")[1].split(",")[0])
    assert 0 <= low and "-0.02" not in cell
    assert "[-0.02" in statistics_table(summary).loc[1, "mean [95 % CI]"]  # without runs.csv
