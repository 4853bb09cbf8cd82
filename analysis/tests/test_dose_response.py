"""Dose-response comparisons (``commsim compare`` of a one-parameter [sweep]): the
loader's sweep columns, the dose-response figure and the forest plot per point."""
import matplotlib.collections
import numpy as np
import pandas as pd
import pytest

from commsim_analysis import load_compare, plot_dose_response
from commsim_analysis.cli import plot_main
from commsim_analysis.forest import forest_table, plot_forest
from commsim_analysis.intervals import metric_range
from commsim_analysis.results import read_summary
from conftest import POPULATION, commsim
from test_plots_and_report import _assert_png, _written

FEES = (0.0, 2.0, 8.0)
REPLICATES = 3  # bands need 3 runs per cell
DOSE = f"""\
[run]
days = 6

[population]
size = {POPULATION}

[groups]
count = 3
entry = "fee"
open_channel_per_day = 3.0

[replicates]
count = {REPLICATES}

[arms.control]
groups.moderators = 2

[arms.leaderless]
groups.moderators = 0

[sweep]
groups.fee = [{", ".join(map(str, FEES))}]
"""
#: The same without arms: each point is compared with the first.
PLAIN = DOSE.split("[arms.control]")[0] + f"[sweep]\ngroups.fee = [{', '.join(map(str, FEES))}]\n"
PARAM = "groups.fee"
SHOWN = ["final_size", "active_share", "leaves"]


def _compare(binary, tmp_path_factory, name: str, text: str):
    scen = tmp_path_factory.mktemp("dose") / f"{name}.toml"
    scen.write_text(text)
    out = scen.parent / "out"
    commsim(binary, "compare", scen, "--out", out, "--quiet", "--threads", "2")
    return out


@pytest.fixture(scope="module")
def dose_dir(commsim_bin, tmp_path_factory):
    """3 fees x 2 arms x 3 replicates (18 runs)."""
    return _compare(commsim_bin, tmp_path_factory, "dose", DOSE)


@pytest.fixture(scope="module")
def plain_dir(commsim_bin, tmp_path_factory):
    """3 fees x 3 replicates, no arms."""
    return _compare(commsim_bin, tmp_path_factory, "plain", PLAIN)


# The figures need summary.csv and runs.csv only: the run files' series are not read.
@pytest.fixture(scope="module")
def dose(dose_dir):
    return load_compare(dose_dir, metrics=[])


@pytest.fixture(scope="module")
def plain(plain_dir):
    return load_compare(plain_dir, metrics=[])


def test_load_compare_reads_the_sweep_columns(dose):
    res = dose
    assert res.swept_parameter == PARAM
    s = res.summary
    assert list(s.columns[:8]) == ["metric", "unit", "arm", "arm_index", "point", PARAM,
                                   "reference_arm", "reference_point"]
    metrics = list(dict.fromkeys(s["metric"]))
    assert len(s) == len(metrics) * len(FEES) * 2
    assert sorted(set(zip(s["point"], s[PARAM]))) == list(enumerate(FEES))
    assert (s["reference_point"] == s["point"]).all()  # the first arm at the same point
    ref = s[s["arm"] == "control"]
    assert (ref["diff"] == 0).all()
    runs = res.run_metrics
    assert list(runs.columns[:6]) == ["run_id", "arm", "point", PARAM, "replicate", "seed"]
    assert len(runs) == len(FEES) * 2 * REPLICATES
    # a row's mean is the mean of its runs at that point
    cell = runs[(runs["arm"] == "leaderless") & (runs["point"] == 2)]["final_size"]
    row = s[(s["metric"] == "final_size") & (s["arm"] == "leaderless") & (s["point"] == 2)]
    assert row["mean"].iloc[0] == pytest.approx(cell.mean())


def test_arms_only_summary_has_no_sweep(arms_dir):
    res = load_compare(arms_dir, metrics=[])
    assert res.swept_parameter is None
    with pytest.raises(ValueError, match="no sweep"):
        plot_dose_response(res)


def test_summary_with_two_parameter_columns_is_refused(dose_dir, tmp_path):
    frame = pd.read_csv(dose_dir / "summary.csv")
    frame.insert(6, "groups.count", 3)
    frame.to_csv(tmp_path / "summary.csv", index=False)
    with pytest.raises(ValueError, match=r"summary.csv: .*2 parameter columns"):
        read_summary(tmp_path)


def _lines(ax):
    return [ln for ln in ax.get_lines() if not ln.get_label().startswith("_")]


def test_dose_response_figure_lines_bands_and_reference(dose):
    res = dose
    fig = plot_dose_response(res, SHOWN)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == SHOWN
    runs = res.run_metrics
    for ax, metric in zip(visible, SHOWN):
        assert ax.get_xlabel().startswith(PARAM)
        lines = _lines(ax)
        assert [ln.get_label().split(" (n=")[0] for ln in lines] == [
            "control (reference)", "leaderless"]
        for line, arm in zip(lines, ("control", "leaderless")):
            assert list(line.get_xdata()) == list(FEES)
            means = runs[runs["arm"] == arm].groupby("point")[metric].mean()
            assert np.allclose(line.get_ydata(), means.to_numpy())
        # one band per arm, each within the metric's range
        lo, hi = metric_range(res.summary.set_index("metric").loc[metric, "unit"].iloc[0])
        bands = [c for c in ax.collections
                 if isinstance(c, matplotlib.collections.PolyCollection)]
        assert len(bands) == 2, metric
        for band in bands:
            ys = np.concatenate([p.vertices[:, 1] for p in band.get_paths()])
            assert (ys >= lo - 1e-9).all() and (ys <= hi + 1e-9).all(), metric
    title = " ".join(fig._suptitle.get_text().split())
    assert "Dose–response over groups.fee" in title
    assert "reference: arm 'control' at the same groups.fee" in title
    assert "bands stay in range" in title
    with pytest.raises(KeyError, match="no metric"):
        plot_dose_response(res, ["nope"])


def test_dose_response_without_arms_rings_the_first_point(plain):
    res = plain
    assert (res.summary["reference_point"] == 0).all()
    fig = res.dose_response(["final_size"])
    (ax,) = [a for a in fig.axes if a.get_visible()]
    ring = [ln for ln in ax.get_lines() if ln.get_label() == "reference"]
    assert len(ring) == 1
    first = res.summary[(res.summary["metric"] == "final_size") & (res.summary["point"] == 0)]
    assert ring[0].get_xdata()[0] == FEES[0]
    assert ring[0].get_ydata()[0] == pytest.approx(first["mean"].iloc[0])
    assert "the first point, groups.fee = 0" in " ".join(fig._suptitle.get_text().split())


def test_forest_of_a_sweep_has_a_row_per_point_and_arm(dose, plain):
    res = dose
    table = forest_table(res.summary, ["final_size"])
    assert list(table["label"]) == [f"groups.fee={f:g}: leaderless" for f in FEES]
    s = res.summary
    raw = s[(s["metric"] == "final_size") & (s["arm"] == "leaderless")]
    assert np.allclose(table["diff"], raw["diff"])
    fig = plot_forest(res, ["final_size"])
    assert "at the same groups.fee, at every sweep point" in " ".join(
        fig._suptitle.get_text().split())
    rows = forest_table(plain.summary, ["final_size"])
    assert list(rows["label"]) == [f"groups.fee={f:g}" for f in FEES[1:]]  # not the first


def test_plot_compare_draws_the_dose_response(dose_dir, tmp_path, capsys):
    # final_size is one number per run: only the summaries are drawn, no run file is read
    # for series (quick), and a headline-only metric is not an error
    assert plot_main(["compare", str(dose_dir), "--out", str(tmp_path), "--metrics",
                      "final_size"]) == 0
    names = sorted(p.rsplit("/", 1)[1] for p in _written(capsys))
    assert f"compare-{dose_dir.name}-dose-response.png" in names
    assert f"compare-{dose_dir.name}-forest.png" in names
    for p in tmp_path.glob("*.png"):
        _assert_png(p)
