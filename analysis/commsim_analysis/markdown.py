"""Markdown building blocks shared by the reports (runs, comparison, sweep).

No dependency such as ``tabulate``: tables are GitHub-flavoured Markdown written
here, numbers at three significant digits in plain notation (``numbers.py``; full
precision stays in the CSV/HDF5 sources the report links to).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .numbers import format_number
from .runfile import Run
from .stats import mean_ci


def fmt(x: Any) -> str:
    """One table cell: booleans as true/false, floats to 3 significant digits in
    plain notation, NaN as an en dash, pipes and newlines escaped."""
    if isinstance(x, (bool, np.bool_)):
        return "true" if x else "false"
    if isinstance(x, (float, np.floating)):
        return format_number(x)
    if x is None or x is pd.NA:
        return "–"
    return str(x).replace("|", "\\|").replace("\n", " ")


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table."""
    head = "| " + " | ".join(fmt(c) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(fmt(v) for v in row) + " |"
            for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def format_mean_ci(values: list[float], unit: str = "", upper: float | None = None) -> str:
    """``mean [low, high]`` with the 95 % interval in the metric's range (from
    ``unit``; ``upper`` caps it further), or the single value with n=1."""
    mean, lo, hi, n = mean_ci(values, unit=unit)
    if upper is not None:
        hi = min(hi, upper)
    if n == 0:
        return "–"
    if n == 1:
        return f"{format_number(mean)} (n=1)"
    return f"{format_number(mean)} [{format_number(lo)}, {format_number(hi)}]"


def format_interval(mean: Any, low: Any, high: Any) -> str:
    """``mean [low, high]`` from given numbers (NaN bounds: the mean alone)."""
    if not np.isfinite(float(low)) or not np.isfinite(float(high)):
        return format_number(mean)
    return f"{format_number(mean)} [{format_number(low)}, {format_number(high)}]"


def image(path: Path, report: Path, alt: str) -> list[str]:
    """An image line linked relative to the report, so the folder can move."""
    return [f"![{alt}]({os.path.relpath(path, report.parent)})", ""]


def definitions_table(runs: list[Run]) -> pd.DataFrame:
    """Every metric's level, unit and description, from the datasets' attributes."""
    rows = {}
    for r in runs:
        for level in ("platform", "daily"):
            for m, unit in r.units[level].items():
                rows.setdefault((level, m), (unit, r.descriptions[level].get(m, "")))
    return pd.DataFrame([(lvl if lvl == "platform" else "per group", m, u, d)
                         for (lvl, m), (u, d) in rows.items()],
                        columns=["level", "metric", "unit", "description"])


def scenario_sections(runs: list[Run]) -> list[str]:
    """Each distinct scenario text once, folded, so the report can be rerun."""
    out, seen = [], set()
    for r in runs:
        key = (r.meta["scenario_name"], r.meta.get("scenario") or "")
        if key in seen or not key[1]:
            continue
        seen.add(key)
        out += [f"<details><summary>scenario '{key[0]}' (from {r.name})</summary>", "",
                "```toml", key[1].rstrip(), "```", "", "</details>", ""]
    return out
