"""Figures and the Markdown report are written, non-empty and labelled with units."""
import re
import subprocess
import sys

import matplotlib.pyplot as plt

from commsim_analysis import load_runs, plot_categories, read_run
from commsim_analysis.cli import plot_main, report_main
from commsim_analysis.plots import DEFAULT_DAILY, plot_groups, plot_platform
from conftest import ANALYSIS_DIR

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _written(capsys):
    return [line for line in capsys.readouterr().out.splitlines() if line]


def _assert_png(path):
    data = open(path, "rb").read()
    assert data.startswith(PNG_MAGIC), path
    assert len(data) > 5000, f"{path} is suspiciously small"


def test_plot_run(run_file, tmp_path, capsys):
    assert plot_main(["run", str(run_file), "--out", str(tmp_path),
                      "--format", "png,svg"]) == 0
    paths = _written(capsys)
    assert sorted(p.rsplit("/", 1)[1] for p in paths) == [
        "tiny_s1-groups.png", "tiny_s1-groups.svg",
        "tiny_s1-platform.png", "tiny_s1-platform.svg"]
    for p in paths:
        if p.endswith(".png"):
            _assert_png(p)


def test_plot_run_selected_metrics(run_file, tmp_path, capsys):
    assert plot_main(["run", str(run_file), "--out", str(tmp_path),
                      "--metrics", "members"]) == 0
    assert [p.rsplit("/", 1)[1] for p in _written(capsys)] == ["tiny_s1-platform.png"]


def test_axis_labels_carry_units_and_titles_name_the_scenario(run_file):
    run = read_run(run_file)
    for level, fig in (("platform", plot_platform(run)), ("daily", plot_groups(run))):
        assert "'tiny'" in fig._suptitle.get_text()
        for ax in fig.axes:
            if not ax.get_visible():
                continue
            metric = ax.get_title()
            assert f"({run.unit(level, metric)})" in ax.get_ylabel()
            assert "days" in ax.get_xlabel()
        plt.close(fig)


def test_no_35_panel_figures_by_default(run_file, batch_dir):
    run = read_run(run_file)
    fig = plot_groups(run)
    panels = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert panels == [m for m in DEFAULT_DAILY if m in run.daily_arrays]
    total = len(run.daily_arrays)
    assert total > 30  # the model records many; a default figure shows few
    assert f"9 of {total} per-group metrics" in " ".join(fig._suptitle.get_text().split())
    assert len([ax for ax in plot_groups(run, ["all"]).axes if ax.get_visible()]) == total
    fig = plot_categories(load_runs(batch_dir), "scenario_name", "x", ["size", "focus"])
    assert [ax.get_title() for ax in fig.axes if ax.get_visible()] == ["median size",
                                                                       "median focus"]


def test_groups_alive_band_stays_below_groups(batch_dir, tmp_path):
    """Three runs with 4, 4 and 3 of 4 groups alive: the band's top is 4, not 4.6."""
    import shutil
    import h5py
    import numpy as np
    for i, seed in enumerate((1, 2, 3)):
        shutil.copy(batch_dir / f"tiny_s{seed}.h5", tmp_path / f"r{i}.h5")
        with h5py.File(tmp_path / f"r{i}.h5", "r+") as f:
            alive = f["platform/groups_alive"][...]
            alive[2:] = 4 if i < 2 else 3
            f["platform/groups_alive"][...] = alive
    assert plot_main(["runs", str(tmp_path), "--out", str(tmp_path / "f"), "--metrics",
                      "groups_alive"]) == 0
    fig = plot_categories(load_runs(tmp_path, level="platform"), "scenario_name", "t",
                          ["groups_alive"])
    band = fig.axes[0].collections[0]
    ys = np.concatenate([p.vertices[:, 1] for p in band.get_paths()])
    assert ys.max() <= 4 + 1e-12 and ys.min() < 4


def test_titles_and_legends_are_inside_the_figure(batch_dir):
    """Constrained layout: the suptitle and the legend are not clipped."""
    fig = plot_categories(load_runs(batch_dir), "scenario_name",
                          "A long title " * 20, None)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    for artist in (fig._suptitle, *fig.legends):
        extent = artist.get_window_extent(renderer)
        assert extent.x0 >= box.x0 - 1 and extent.x1 <= box.x1 + 1, artist
        assert extent.y0 >= box.y0 - 1 and extent.y1 <= box.y1 + 1, artist
    legend = fig.legends[0].get_window_extent(renderer)
    for ax in fig.axes:
        if ax.get_visible():
            assert not legend.overlaps(ax.get_window_extent(renderer))


def test_plot_runs_and_compare(batch_dir, compare_dir, tmp_path, capsys):
    """A folder without summary.csv gets no forest plot."""
    assert plot_main(["runs", str(batch_dir), "--out", str(tmp_path)]) == 0
    assert plot_main(["compare", str(compare_dir), "--out", str(tmp_path)]) == 0
    paths = _written(capsys)
    names = sorted(p.rsplit("/", 1)[1] for p in paths)
    assert names == sorted(["runs-platform.png", "runs-groups.png",
                            f"compare-{compare_dir.name}-platform.png",
                            f"compare-{compare_dir.name}-groups.png"])
    for p in paths:
        _assert_png(p)


def test_plot_script_reports_bad_input(tmp_path):
    bad = tmp_path / "bad.h5"
    bad.write_text("no")
    proc = subprocess.run([sys.executable, str(ANALYSIS_DIR / "plot.py"), "run", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "bad.h5" in proc.stderr and "not an HDF5 file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_report(batch_dir, tmp_path, capsys):
    out = tmp_path / "rep" / "report.md"
    assert report_main([str(batch_dir), "--out", str(out)]) == 0
    assert _written(capsys)[0] == str(out)
    text = out.read_text()
    for name in ("tiny_s1", "other_s2", "| tiny |", "| other |", "members"):
        assert name in text
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(images) >= 2
    for rel in images:
        assert not rel.startswith("/"), "links must be relative"
        _assert_png(out.parent / rel)


def test_report_script_default_location(batch_dir, tmp_path):
    """The script entry point works and flags a partial run in the runs table."""
    import shutil
    import h5py
    folder = tmp_path / "runs"
    folder.mkdir()
    shutil.copy(batch_dir / "tiny_s1.h5", folder / "a.h5")
    shutil.copy(batch_dir / "tiny_s2.h5", folder / "b.h5")
    with h5py.File(folder / "b.h5", "r+") as f:
        f.attrs["complete"] = 0
    proc = subprocess.run([sys.executable, str(ANALYSIS_DIR / "report.py"), str(folder)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    text = (folder / "report.md").read_text()
    assert "**no (partial)**" in text and "Partial runs" in text
