#!/usr/bin/env python3
"""Robustness of the failure-mode signatures: each influential parameter moved by -25% and
+25%, one at a time, for every scenario in scenarios/failure/; each cell runs the scenario's
control and failure arms, and any other arm a check names (`commsim compare FILE --arms
control,failure --set P=V`), and reads
the verdict its [signature] gets: holds (every check), weakens (some check fails, every
measure still moves the expected way) or reverses (some measure moves the wrong way).

    scripts/robustness.sh [--quick] [--replicates N] [--out DIR] [MODE ...]

--quick runs one parameter per mode, both ways (the CI subset); without it every parameter
below and the unperturbed cell.
Prints a Markdown table (mode x perturbation) and writes it to DIR/robustness.md, with
DIR/robustness.tsv holding every cell's checks. Exit status 1 when a cell reverses (a measure
moves the wrong way); a cell that weakens (misses a margin, right direction) is reported, not
fatal: docs/VALIDATION.md lists the ones the full table has.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The parameters that move the model most (the audit's list, updated for the interacting
# model), then each mode's own mechanism.
COMMON = [
    "satisfaction.opportunity_cost",
    "reading.read_cost",
    "population.activity.median",
    "groups.open_channel_per_day",
    "members.liveliness_strength",
    "reading.novelty_days",
    "members.reply_rate",
    "recruitment.topic_selectivity",
    "recruitment.friend_rate",
    "members.question_share",
]
OWN = {
    "tyranny": ["satisfaction.wariness_cost", "members.protest_exit"],
    "leaderless": ["members.chat_contagion", "members.spam_give_up"],
    "boredom": ["groups.programme_prompt", "reading.novelty_floor"],
    "evaporation": ["satisfaction.question_overload", "reading.value_gap"],
    "focus_loss": ["recruitment.conversation_visibility", "members.topic_pull"],
}
# The CI subset: the parameter the audit found most influential, both ways (the unperturbed
# cell is the signature test itself, so --quick leaves it out).
QUICK = ["satisfaction.opportunity_cost"]
SCALES = (0.75, 1.25)


def commsim() -> str:
    return os.environ.get("COMMSIM_BIN", str(ROOT / "build" / "commsim"))


def defaults() -> dict[str, float]:
    out = subprocess.run([commsim(), "params", "--markdown"], check=True, capture_output=True,
                         text=True).stdout
    values = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and cells[1].startswith("`"):
            try:
                values[cells[1].strip("`")] = float(cells[3].strip("`"))
            except ValueError:
                pass
    return values


def base_value(scenario: dict, path: str, fallback: dict[str, float]) -> float:
    """The value the scenario's base uses (its own setting, else the default)."""
    node = scenario
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return fallback[path]
        node = node[part]
    return float(node)


def checked_arms(scenario: dict) -> list[str]:
    """The control, the failure arm and any other arm a check's `expect` names (knock-outs
    are the knock-out tests' business, not robustness's)."""
    sig = scenario["signature"]
    arms = [sig["control"], sig["failure"]]
    for a in scenario.get("arms", {}):
        if a not in arms and any(re.search(rf"\b{re.escape(a)}\b", c["expect"])
                                 for c in sig.get("check", [])):
            arms.append(a)
    return arms


def cell(scenario: Path, arms: list[str], out: Path, sets: list[str],
         replicates: int | None) -> tuple[str, list]:
    cmd = [commsim(), "compare", str(scenario), "--out", str(out), "--overwrite", "--quiet",
           "--arms", ",".join(arms)]
    for s in sets:
        cmd += ["--set", s]
    if replicates:
        cmd += ["--replicates", str(replicates)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode not in (0, 5):
        raise SystemExit(f"robustness: {' '.join(cmd)} failed ({run.returncode}): {run.stderr}")
    with open(out / "signature.csv", newline="") as f:
        # The signature's own checks; diagnose is a separate instrument (docs/VALIDATION.md).
        checks = [c for c in csv.DictReader(f) if not c["measure"].startswith("commsim diagnose")]
    if all(c["holds"] == "true" for c in checks):
        verdict = "holds"
    elif any(c["direction_right"] == "false" for c in checks):
        verdict = "reverses"
    else:
        verdict = "weakens"
    return verdict, checks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modes", nargs="*", help="scenario names in scenarios/failure (default: all)")
    ap.add_argument("--quick", action="store_true", help="one parameter per mode (CI)")
    ap.add_argument("--replicates", type=int, help="replicates per arm (default: the file's)")
    ap.add_argument("--out", type=Path, default=Path("robustness"), help="output folder")
    args = ap.parse_args()
    files = sorted((ROOT / "scenarios" / "failure").glob("*.toml"))
    if args.modes:
        files = [f for f in files if f.stem in args.modes]
        missing = set(args.modes) - {f.stem for f in files}
        if missing:
            raise SystemExit(f"robustness: no scenario {', '.join(sorted(missing))} in scenarios/failure")
    fallback = defaults()
    args.out.mkdir(parents=True, exist_ok=True)
    rows, table = [], {}
    bad = False
    for f in files:
        mode = f.stem
        scenario = tomllib.loads(f.read_text())
        params = QUICK if args.quick else COMMON + OWN.get(mode, [])
        cells = [] if args.quick else [("unperturbed", [])]
        for p in params:
            v = base_value(scenario, p, fallback)
            for s in SCALES:
                cells.append((f"{p} x{s}", [f"{p}={v * s:.6g}"]))
        for label, sets in cells:
            out = args.out / mode / label.replace(" ", "_")
            verdict, checks = cell(f, checked_arms(scenario), out, sets, args.replicates)
            first = checks[0]
            note = f"{verdict} ({float(first['control']):.3g} -> {float(first['failure']):.3g})"
            table.setdefault(label, {})[mode] = note
            for c in checks:
                rows.append([mode, label, c["measure"], c["expect"], c["control"], c["failure"],
                             c["holds"], verdict])
            print(f"{mode:12} {label:45} {note}", flush=True)
            bad |= verdict == "reverses"
    modes = [f.stem for f in files]
    md = ["| perturbation | " + " | ".join(modes) + " |",
          "|---|" + "---|" * len(modes)]
    for label, by_mode in table.items():
        md.append(f"| {label} | " + " | ".join(by_mode.get(m, "") for m in modes) + " |")
    counts = {m: sum(1 for l in table if table[l].get(m, "").startswith("holds")) for m in modes}
    md.append("| **cells that hold** | " +
              " | ".join(f"{counts[m]}/{sum(1 for l in table if m in table[l])}" for m in modes) + " |")
    text = "\n".join(md) + "\n"
    (args.out / "robustness.md").write_text(text)
    with open(args.out / "robustness.tsv", "w", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["mode", "perturbation", "measure", "expect", "control", "failure", "holds",
                    "verdict"])
        w.writerows(rows)
    print()
    print(text)
    print("(cells: verdict (first check, control -> failure)); tables in", args.out)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
