"""load_runs and load_compare over folders of real run files."""
import pandas as pd

from commsim_analysis import load_compare, load_runs, read_runs, summarize, varying_parameters
from conftest import DAYS, GROUPS, OTHER_GROUPS, OTHER_SEEDS, TINY_SEEDS


def test_load_runs_platform_frame(batch_dir):
    frame = load_runs(batch_dir)
    n_runs = len(TINY_SEEDS) + len(OTHER_SEEDS)
    assert frame["run"].nunique() == n_runs
    assert {"run", "scenario_name", "seed", "complete", "day", "metric",
            "value"} <= set(frame.columns)
    # groups.count is the one parameter the two scenarios differ in
    assert "groups.count" in frame.columns
    assert "run.days" not in frame.columns
    per_run = frame.groupby("run")
    assert (per_run["day"].max() == DAYS - 1).all()
    seeds = per_run["seed"].first().to_dict()
    assert seeds == {**{f"tiny_s{s}": s for s in TINY_SEEDS},
                     **{f"other_s{s}": s for s in OTHER_SEEDS}}
    counts = frame.groupby("scenario_name")["groups.count"].unique().to_dict()
    assert list(counts["tiny"]) == [GROUPS] and list(counts["other"]) == [OTHER_GROUPS]
    assert "members" in frame.attrs["units"]


def test_load_runs_daily_level(batch_dir):
    runs = read_runs(batch_dir)
    frame = load_runs(batch_dir, level="daily", metrics=["size"])
    assert set(frame["metric"]) == {"size"}
    assert len(frame) == sum(DAYS * r.n_groups for r in runs)
    assert varying_parameters(runs) == ["groups.count"]


def test_load_runs_from_a_list_of_files(batch_dir):
    files = [batch_dir / "tiny_s1.h5", batch_dir / "other_s1.h5"]
    frame = load_runs(files)
    assert set(frame["run"]) == {"tiny_s1", "other_s1"}


def test_summary_over_replicates(batch_dir):
    frame = load_runs(batch_dir, metrics=["members"])
    final = frame[frame["day"] == DAYS - 1]
    table = summarize(final, by=["scenario_name", "metric"])
    row = table.set_index("scenario_name").loc["tiny"]
    assert row["n"] == len(TINY_SEEDS)
    assert row["ci_low"] <= row["mean"] <= row["ci_high"]


def test_compare_groups_by_arm_and_replicate(compare_dir):
    comp = load_compare(compare_dir)
    assert comp.arms == ["control", "treatment"]
    assert sorted(comp.table["replicate"].unique()) == list(range(len(OTHER_SEEDS)))
    assert set(comp.platform["arm"]) == {"control", "treatment"}
    assert comp.platform.groupby("arm")["run"].nunique().to_dict() == {
        "control": len(OTHER_SEEDS), "treatment": len(OTHER_SEEDS)}
    med = comp.groups_median(["size"])
    assert set(med.columns) >= {"run", "arm", "replicate", "day", "metric", "value"}


def test_compare_falls_back_to_scenario_and_seed(batch_dir):
    comp = load_compare(batch_dir)
    assert set(comp.arms) == {"tiny", "other"}
    tiny = comp.table[comp.table["arm"] == "tiny"].sort_values("seed")
    assert list(tiny["replicate"]) == list(range(len(TINY_SEEDS)))
    assert isinstance(comp.platform, pd.DataFrame)
