"""analysis/strategies_report.py: the README's "Which strategy works?" tables from summary.csv."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "strategies_report.py"
spec = importlib.util.spec_from_file_location("strategies_report", SCRIPT)
report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(report)

COLUMNS = ["metric", "unit", "arm", "arm_index", "reference_arm", "n", "mean", "sd", "ci_low",
           "ci_high", "diff", "diff_ci_low", "diff_ci_high", "diff_df", "p_value", "hedges_g"]


def row(metric, arm, mean, diff, lo, hi, g, reference="open"):
    first = arm == reference
    return [metric, "share", arm, 0 if first else 1, reference, 4, mean, 0.01, mean - 0.02,
            mean + 0.02, 0.0 if first else diff, 0.0 if first else lo, 0.0 if first else hi,
            float("nan") if first else 5.9, float("nan") if first else 0.01,
            0.0 if first else g]


def write_arms(directory: Path) -> None:
    rows = []
    for metric in report.QUESTIONS["entry_thresholds"][2]:
        rows.append(row(metric, "open", 0.5, 0, 0, 0, 0))
        rows.append(row(metric, "fee", 0.6, 0.1, 0.05, 0.15, 2.5))   # excludes zero
        rows.append(row(metric, "task", 0.49, -0.01, -0.05, 0.03, -0.2))  # includes zero
    (directory / "entry_thresholds").mkdir()
    pd.DataFrame(rows, columns=COLUMNS).to_csv(directory / "entry_thresholds" / "summary.csv",
                                               index=False)


def test_one_row_per_arm_reference_mean_then_differences(tmp_path):
    write_arms(tmp_path)
    summary = pd.read_csv(tmp_path / "entry_thresholds" / "summary.csv")
    text = report.table("entry_thresholds", summary)
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    assert lines[0].startswith("| arm | n | final_size")
    assert lines[1].startswith("| open | 4 | 0.5 [0.48, 0.52]")   # the reference: its mean
    assert "**0.1 [0.05, 0.15]**, g 2.5" in lines[2]                  # bold: CI excludes 0
    assert "-0.01 [-0.05, 0.03], g -0.2" in lines[3]
    assert "**-0.01" not in lines[3]


def test_sweep_points_are_rows_with_the_swept_value(tmp_path):
    rows = []
    for metric in report.QUESTIONS["fee_sweep"][2]:
        for point, fee in enumerate([0.0, 1.0]):
            r = row(metric, "base", 0.5 + point, 1.0, 0.5, 1.5, 3.0, reference="base")
            if point:
                r[10:16] = [1.0, 0.5, 1.5, 5.0, 0.01, 3.0]
            rows.append(r[:4] + [point, fee] + r[4:5] + [0] + r[5:])
    columns = COLUMNS[:4] + ["point", "groups.fee"] + COLUMNS[4:5] + ["reference_point"] + \
        COLUMNS[5:]
    summary = pd.DataFrame(rows, columns=columns)
    lines = [line for line in report.table("fee_sweep", summary).splitlines()
             if line.startswith("| ")]
    assert lines[0].startswith("| arm | groups.fee | n |")
    assert lines[1].startswith("| base | 0 | 4 | 0.5 [")
    assert lines[2].startswith("| base | 1 | 4 | **1 [0.5, 1.5]**, g 3")


def test_command_line_writes_every_question_or_names_what_is_missing(tmp_path, capsys):
    assert report.main(["--metrics", "flash_groups"]) == 0
    assert capsys.readouterr().out.strip() == ",".join(report.QUESTIONS["flash_groups"][2])
    assert report.main(["--metrics", "nosuch"]) == 2
    write_arms(tmp_path)
    assert report.main([str(tmp_path), "--out", str(tmp_path / "s.md")]) == 2
    assert "fee_sweep/summary.csv: no summary" in capsys.readouterr().err
