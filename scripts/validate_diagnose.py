#!/usr/bin/env python3
"""Out-of-sample check of `commsim diagnose`: runs a design nobody tuned the rules on
(scenarios/sweeps/diagnose_lhs.toml, a Latin hypercube over the operators' levers), names the
failure modes of every group, and sets them against the levers each point pulls.

    scripts/validate-diagnose.sh [--out DIR] [--scenario FILE]

A point "pulls the lever" of a mode when it sets what that mode's failure arm in
scenarios/failure/ sets (LEVERS below). A lever pulled does not guarantee the failure, and a
failure can arise without its lever, so the table is a confusion of *levers* against
*verdicts*: detection = share of groups named M among those whose point pulls M's lever;
detection is also given among the groups that died (a failure whatever its cause); false
positives = share named M among those whose point does not; healthy false alarms =
share named anything among groups whose point pulls no lever at all.
Writes DIR/diagnose_validation.md (the tables) and DIR/groups.tsv (one row per group).
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def commsim() -> str:
    return os.environ.get("COMMSIM_BIN", str(ROOT / "build" / "commsim"))


# What each failure arm in scenarios/failure/ sets, read as a rule over one point's settings.
# Strictness and the programme act only through moderators (with none, nothing is removed or
# scheduled). Focus loss and evaporation share a lever (open entry, a busy public channel).
def levers(p: dict) -> set[str]:
    mods = int(float(p["groups.moderators"]))
    out = set()
    if mods == 0:
        out.add("leaderless")
    if mods > 0 and float(p["groups.strictness"]) >= 0.6:
        out.add("tyranny")
    if mods == 0 or float(p["groups.programme_per_day"]) < 0.5:
        out.add("boredom")
    if p["groups.entry"].strip('"') == "open" and float(p["groups.open_channel_per_day"]) >= 50:
        out.update({"focus_loss", "evaporation"})
    return out


LEVER_TEXT = {
    "leaderless": "groups.moderators = 0",
    "tyranny": "groups.strictness >= 0.6 with moderators",
    "boredom": "groups.programme_per_day < 0.5 (or no moderator to post it)",
    "focus_loss": "groups.entry = open and open_channel_per_day >= 50",
    "evaporation": "groups.entry = open and open_channel_per_day >= 50",
}


def modes_by_title() -> dict[str, str]:
    out = {}
    for f in sorted((ROOT / "scenarios" / "failure").glob("*.toml")):
        out[tomllib.loads(f.read_text())["signature"]["mode"]] = f.stem
    return out


def diagnose(files: list[Path], titles: dict[str, str]) -> dict[tuple[str, int], tuple[set, bool]]:
    """(run file name, group) -> (modes named, died)."""
    text = subprocess.run([commsim(), "diagnose", *map(str, files)], check=True,
                          capture_output=True, text=True).stdout
    out, run, group = {}, None, None
    for line in text.splitlines():
        if line.startswith("# "):
            run = Path(line[2:].split(": ")[0]).name
        elif m := re.match(r"group (\d+) \((.*?)\):", line):
            group = int(m.group(1))
            out[(run, group)] = (set(), m.group(2).startswith("died"))
        elif line.startswith("  ") and not line.startswith("    ") and group is not None:
            title = line.strip().rsplit(" (", 1)[0]
            out[(run, group)][0].add(titles[title])
    return out


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}% ({n}/{d})" if d else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("validation/diagnose"))
    ap.add_argument("--scenario", type=Path, default=ROOT / "scenarios/sweeps/diagnose_lhs.toml")
    args = ap.parse_args()
    cmd = [commsim(), "sweep", str(args.scenario), "--out", str(args.out), "--quiet"]
    if (args.out / "index.h5").exists():
        cmd.append("--resume")
    subprocess.run(cmd, check=True)
    with open(args.out / "plan.tsv", newline="") as f:
        plan = list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))
    titles = modes_by_title()
    modes = list(dict.fromkeys(titles.values()))
    verdicts = diagnose([args.out / r["file"] for r in plan], titles)
    rows = []
    for r in plan:
        pulled = levers(r)
        for (run, g), (named, died) in sorted(verdicts.items()):
            if run == r["file"]:
                rows.append({"run": r["run_id"], "group": g, "levers": pulled, "named": named,
                             "died": died})
    with open(args.out / "groups.tsv", "w", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["run", "group", "levers", "named", "died"])
        for x in rows:
            w.writerow([x["run"], x["group"], ",".join(sorted(x["levers"])) or "-",
                        ",".join(sorted(x["named"])) or "-", int(x["died"])])

    md = [f"{len(plan)} points, {len(rows)} groups (`{args.scenario.relative_to(ROOT)}`).", "",
          "| mode | lever (as its failure arm sets it) | groups with the lever | detection: named, lever pulled | of those that died | false positives: named, lever not pulled |",
          "|---|---|---:|---:|---:|---:|"]
    for m in modes:
        with_l = [x for x in rows if m in x["levers"]]
        without = [x for x in rows if m not in x["levers"]]
        md.append(f"| {m} | {LEVER_TEXT[m]} | {len(with_l)} | "
                  f"{pct(sum(m in x['named'] for x in with_l), len(with_l))} | "
                  f"{pct(sum(m in x['named'] for x in with_l if x['died']), sum(x['died'] for x in with_l))} | "
                  f"{pct(sum(m in x['named'] for x in without), len(without))} |")
    md += ["", "Confusion of levers (rows; a group counts in each row whose lever its point pulls) "
           "and verdicts (columns; a group may be named with several modes):", "",
           "| levers pulled | groups | died | " + " | ".join(modes) + " | nothing |",
           "|---|---:|---:|" + "---:|" * (len(modes) + 1)]
    for m in modes + [None]:
        sel = [x for x in rows if (m in x["levers"] if m else not x["levers"])]
        cells = [pct(sum(k in x["named"] for x in sel), len(sel)) for k in modes]
        md.append(f"| {m or 'none (healthy levers)'} | {len(sel)} | "
                  f"{pct(sum(x['died'] for x in sel), len(sel))} | " + " | ".join(cells) +
                  f" | {pct(sum(not x['named'] for x in sel), len(sel))} |")
    text = "\n".join(md) + "\n"
    (args.out / "diagnose_validation.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
