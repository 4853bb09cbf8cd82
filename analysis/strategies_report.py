#!/usr/bin/env python3
""""Which strategy works?": one table per question, from the comparisons of scenarios/strategies/.

    strategies_report.py RESULTS_DIR [--out FILE]
    strategies_report.py --metrics STEM      the metrics a question is about, comma-separated
                                             (scripts/main.sh draws its figures with them)

RESULTS_DIR holds one `commsim compare` folder per file of scenarios/strategies/ (named after
the file, as scripts/main.sh writes them). For each question the table gives, per metric and
arm (and sweep point), the mean with its 95% CI over the replicates, the difference from the
reference arm (or the first sweep point) with its Welch 95% CI, and Hedges' g, read from the
folder's summary.csv; a difference whose interval excludes zero is in bold. The metrics shown
are the ones each question is about (QUESTIONS below); summary.md in each folder has them all.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import pandas as pd

# file stem -> (question, claims, metrics the question is about)
QUESTIONS = {
    "entry_thresholds": ("Entry thresholds: who gets in, and do they take part?", "C20, C21",
                         ["final_size", "took_part_share", "departures", "value_per_member_day"]),
    "fee_sweep": ("How high a fee?", "C20",
                  ["final_size", "took_part_share", "departures", "value_per_member_day"]),
    "group_size": ("Small groups, large groups, or splitting?", "C22, C24",
                   ["final_size", "focus", "quiet_share", "answered_share",
                    "value_per_member_day"]),
    "flash_groups": ("A 12-hour flash group or a persistent one?", "C23",
                     ["value_per_member_hour", "ad_message_share", "took_part_share"]),
    "operator_levers": ("Which day-to-day lever?", "C25, C26, C27, C29",
                        ["took_part_share", "quiet_share", "ad_message_share", "focus",
                         "value_per_member_day"]),
    "ads_policy": ("What to do about ads?", "C28",
                   ["ad_message_share", "value_per_member_hour", "final_size",
                    "took_part_share"]),
}


def fmt(x: float) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    a = abs(x)
    if a >= 100:
        return f"{x:.0f}"
    if a >= 10:
        return f"{x:.1f}"
    if a >= 0.01 or a == 0:
        return f"{x:.3g}"
    return f"{x:.2e}"


SUMMARY_COLUMNS = {"metric", "unit", "arm", "arm_index", "point", "reference_arm",
                   "reference_point", "n", "mean", "sd", "ci_low", "ci_high", "diff",
                   "diff_ci_low", "diff_ci_high", "diff_df", "p_value", "hedges_g"}


def is_reference(r: pd.Series) -> bool:
    same_point = "point" not in r or r["point"] == r["reference_point"]
    return r["arm"] == r["reference_arm"] and same_point


def cell(r: pd.Series) -> str:
    """The reference: its mean [CI]; any other row: difference [CI], g (bold if the CI
    excludes zero)."""
    if is_reference(r):
        return f"{fmt(r['mean'])} [{fmt(r['ci_low'])}, {fmt(r['ci_high'])}]"
    lo, hi = r["diff_ci_low"], r["diff_ci_high"]
    text = f"{fmt(r['diff'])} [{fmt(lo)}, {fmt(hi)}]"
    if lo == lo and hi == hi and (lo > 0 or hi < 0):
        text = f"**{text}**"
    return f"{text}, g {fmt(r['hedges_g'])}"


def table(stem: str, summary: pd.DataFrame) -> str:
    """One row per arm (and sweep point), one column per metric the question is about."""
    question, claims, metrics = QUESTIONS[stem]
    swept = [c for c in summary.columns if c not in SUMMARY_COLUMNS]
    keys = ["arm"] + (["point"] if "point" in summary.columns else [])
    rows = summary[summary["metric"] == metrics[0]][keys + swept + ["n"]]
    head = ["arm"] + swept + ["n"] + metrics
    lines = [f"**{question}** ({claims}; `scenarios/strategies/{stem}.toml`). First row: the "
             "reference's mean [95% CI]; other rows: difference from it [95% CI], Hedges' g.",
             "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for _, key in rows.iterrows():
        cells = [str(key["arm"])] + [fmt(float(key[c])) for c in swept] + [str(int(key["n"]))]
        for metric in metrics:
            match = summary[(summary["metric"] == metric)]
            for k in keys:
                match = match[match[k] == key[k]]
            cells.append(cell(match.iloc[0]) if len(match) else "n/a")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("results", type=Path, nargs="?")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--metrics", metavar="STEM", default=None)
    args = ap.parse_args(argv)
    if args.metrics:
        if args.metrics not in QUESTIONS:
            print(f"strategies_report.py: no question for '{args.metrics}' (known: "
                  f"{', '.join(QUESTIONS)})", file=sys.stderr)
            return 2
        print(",".join(QUESTIONS[args.metrics][2]))
        return 0
    if args.results is None:
        ap.error("RESULTS_DIR is required")
    parts = ["# Which strategy works?", ""]
    for stem in QUESTIONS:
        path = args.results / stem / "summary.csv"
        if not path.is_file():
            print(f"strategies_report.py: {path}: no summary (run the comparison first)",
                  file=sys.stderr)
            return 2
        parts.append(table(stem, pd.read_csv(path)))
    text = "\n".join(parts)
    if args.out:
        args.out.write_text(text)
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
