"""Numbers as people read them: ``1260`` not ``1.26e+03``, ``804`` not ``803.7``
in a summary. Used by figure labels and the Markdown reports (the CSV and HDF5
sources keep full precision)."""
from __future__ import annotations

import math


def format_number(x, digits: int = 3) -> str:
    """``digits`` significant digits in plain notation for 1e-3 <= |x| < 1e7
    (integers of any size in full, with no decimals), scientific beyond; NaN and
    None as an en dash."""
    if x is None:
        return "–"
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(v):
        return "–"
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    if v == 0:
        return "0"
    mag = abs(v)
    if mag >= 1e7 or mag < 1e-3:
        return f"{v:.{max(digits - 1, 0)}e}"
    decimals = max(digits - 1 - math.floor(math.log10(mag)), 0)
    text = f"{v:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text

