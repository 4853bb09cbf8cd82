"""A failure mode's signature, read from its scenario's ``[signature]`` table.

Each failure-mode scenario (``scenarios/failure/*.toml``) can declare what it
demonstrates, once, for the C++ signature checks, the atlas figure and this package::

    [signature]
    mode = "leaderless drift"       # the failure mode in words
    claim = "C11, C15"              # claim ids
    summary = "ads spread, each message is worth less, members mute"
    control = "control"             # the arms compared
    failure = "failure"
    plot = ["ad_share", "value_per_message", "muted_share"]   # metrics the atlas draws

    [[signature.check]]
    measure = "last_third(ad_share)"   # evaluated by commsim (not here)
    expect = "failure > control + 0.2"
    replicates = 0.8                   # optional: share of single replicates that must show it

    [signature.diagnosis]              # commsim diagnose's rule (not used here)
    when = ["last_days(ad_share, 30) >= 0.2"]

Every run file stores its scenario's text (root attribute ``scenario``), so the
table travels with the results. ``commsim compare`` also writes ``signature.csv``
(one row per check: measure, expect, control, failure, replicates_beyond,
replicates_needed, holds) into the folder; :func:`read_checks` reads it when
present. A scenario without the table has no signature (``None``): the atlas then
draws generic metrics. The engine validates the table when it reads the scenario;
here the keys this package uses are checked and others (``diagnosis``, keys a
later format adds) are left alone.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SIGNATURE_CSV = "signature.csv"
#: Drawn for scenarios without a signature.
GENERIC_METRICS = ("size", "messages", "satisfaction")


class SignatureError(ValueError):
    """A ``[signature]`` table is malformed; the message names the source and key."""


@dataclass(frozen=True)
class Check:
    measure: str
    expect: str
    replicates: float | None = None  # share of single failure replicates, in (0, 1]


@dataclass(frozen=True)
class Signature:
    """What a failure-mode scenario demonstrates and which metrics show it."""

    mode: str
    claim: str = ""
    summary: str = ""
    control: str = "control"
    failure: str = "failure"
    plot: tuple[str, ...] = ()
    checks: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def title(self) -> str:
        """``C11, C15 leaderless drift`` (the claim first, when there is one)."""
        return f"{self.claim} {self.mode}".strip()

    @property
    def claim_number(self) -> int | None:
        """The first claim's number (C11 -> 11), for ordering the atlas."""
        found = re.search(r"C(\d+)", self.claim)
        return int(found.group(1)) if found else None


_TEXT_KEYS = ("mode", "claim", "summary", "control", "failure")


def parse_signature(text: str, source: str = "scenario") -> Signature | None:
    """The ``[signature]`` of a scenario's TOML text, or None when it has none.

    ``source`` names the file in error messages. Unknown keys are refused (a typo
    would otherwise silently drop a setting), as the engine does for parameters.
    """
    try:
        doc = tomllib.loads(text or "")
    except tomllib.TOMLDecodeError as exc:
        raise SignatureError(f"{source}: scenario text is not valid TOML: {exc}") from exc
    table = doc.get("signature")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise SignatureError(f"{source}: 'signature' must be a table ([signature])")
    if "mode" not in table:
        raise SignatureError(f"{source}: [signature] needs 'mode' (the failure mode in words)")
    values = {}
    for key in _TEXT_KEYS:
        if key in table:
            if not isinstance(table[key], str):
                raise SignatureError(f"{source}: signature.{key} must be a string, "
                                     f"not {table[key]!r}")
            values[key] = table[key]
    plot = table.get("plot", [])
    if not (isinstance(plot, list) and all(isinstance(m, str) and m for m in plot)):
        raise SignatureError(f"{source}: signature.plot must be a list of metric names, "
                             f"not {plot!r}")
    return Signature(**values, plot=tuple(plot),
                     checks=tuple(_check(c, i, source)
                                  for i, c in enumerate(table.get("check", []))))


def _check(item, i: int, source: str) -> Check:
    where = f"{source}: signature.check[{i}]"
    if not isinstance(item, dict):
        raise SignatureError(f"{where} must be a table ([[signature.check]])")
    for key in ("measure", "expect"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise SignatureError(f"{where}: '{key}' must be a non-empty string")
    reps = item.get("replicates")
    if reps is not None and (isinstance(reps, bool) or not isinstance(reps, (int, float))
                             or not 0 < reps <= 1):
        raise SignatureError(f"{where}: 'replicates' must be the share of single replicates, "
                             f"in (0, 1], not {reps!r}")
    return Check(item["measure"], item["expect"], None if reps is None else float(reps))


def read_checks(directory: str | Path) -> pd.DataFrame | None:
    """``DIR/signature.csv`` (written by ``commsim compare`` for a scenario with a
    signature) as a frame, or None when the folder has none."""
    path = Path(directory) / SIGNATURE_CSV
    if not path.is_file():
        return None
    try:
        frame = pd.read_csv(path)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise SignatureError(f"{path}: cannot read as CSV: {exc}") from exc
    missing = {"measure", "expect", "holds"} - set(frame.columns)
    if missing:
        raise SignatureError(f"{path}: missing column(s) {sorted(missing)}; "
                             f"has {list(frame.columns)}")
    return frame


def check_lines(checks: pd.DataFrame | None, signature: Signature | None) -> list[str]:
    """One line per check for a caption: ``✓ last_third(ad_share): failure > control
    + 0.2 (control 0.0012, failure 0.621; 5 of 5 replicates, need 4)``; without
    signature.csv, the expectations only."""
    if checks is not None:
        out = []
        for row in checks.to_dict("records"):
            mark = "✓" if str(row["holds"]).strip().lower() in ("1", "true", "yes") else "✗"
            parts = [f"{arm} {_short(row[arm])}" for arm in ("control", "failure")
                     if arm in row]
            needed = row.get("replicates_needed")
            if needed is not None and pd.notna(needed) and int(needed) > 0:
                parts.append(f"{int(row.get('replicates_beyond', 0))} replicates beyond, "
                             f"need {int(needed)}")
            out.append(f"{mark} {row['measure']}: {row['expect']}"
                       + (f" ({'; '.join(parts)})" if parts else ""))
        return out
    if signature is not None:
        return [f"expected: {c.measure}: {c.expect}" for c in signature.checks]
    return []


def _short(x) -> str:
    from .numbers import format_number
    return format_number(x) if isinstance(x, (int, float)) else str(x)
