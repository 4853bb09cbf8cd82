"""Units of scenario parameters, for axis labels of sweep figures.

Run files and the index record parameter *values* only; the units live in the
engine's parameter table (``commsim params``). When a binary can be found --
``COMMSIM_BIN``, ``commsim`` on the PATH, or the checkout's ``build/commsim`` -- its
``params --markdown`` table is read once per process; without one, labels simply
carry no unit. Nothing here is needed for correctness, so every failure degrades
to "unit unknown".
"""
from __future__ import annotations

import subprocess
from functools import lru_cache

from .binary import find_binary


def parse_params_markdown(text: str) -> dict[str, str]:
    """``| `path` | type | default | unit | ...`` rows -> {path: unit} (non-empty units)."""
    units = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[0].startswith("`"):
            continue
        if cells[3]:
            units[cells[0].strip("`")] = cells[3]
    return units


@lru_cache(maxsize=4)
def parameter_units(binary: str | None = None) -> dict[str, str]:
    """{parameter path: unit} from ``commsim params --markdown``; {} when unknown."""
    binary = binary or find_binary()
    if not binary:
        return {}
    try:
        proc = subprocess.run([binary, "params", "--markdown"], capture_output=True,
                              text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_params_markdown(proc.stdout) if proc.returncode == 0 else {}


def parameter_label(name: str, units: dict[str, str] | None = None) -> str:
    """``groups.strictness (0-1)``, or the bare path when the unit is unknown."""
    unit = (parameter_units() if units is None else units).get(name, "")
    return f"{name} ({unit})" if unit else name
