"""Colours and figure style shared by every plot.

The Okabe-Ito palette stays distinguishable under the common forms of colour
blindness and in greyscale print; categorical series take its colours in a fixed
order (yellow late: it is faint on white), then repeat with new line styles so
more than eight categories remain tellable apart.

Nothing here (or anywhere in the package) chooses matplotlib's backend: a
notebook keeps its inline backend; the command-line scripts select "Agg"
themselves (``cli.py``).
"""
from __future__ import annotations

from contextlib import contextmanager


class _LazyPyplot:
    """``matplotlib.pyplot``, imported at first use: importing pyplot touches the
    backend setting, and importing this package must not."""

    def __getattr__(self, name: str):
        import matplotlib.pyplot
        return getattr(matplotlib.pyplot, name)


plt = _LazyPyplot()


@contextmanager
def context():
    """The package's rc settings (``RC``) while one figure is drawn.

    Only these keys are set and restored. ``matplotlib.rc_context`` would restore
    every setting, undoing what a notebook's inline backend switches on when the
    first figure activates it (``interactive``), so later figures would not show.
    """
    import matplotlib
    saved = {key: matplotlib.rcParams[key] for key in RC}
    matplotlib.rcParams.update(RC)
    try:
        yield
    finally:
        matplotlib.rcParams.update(saved)

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Order in which categories (scenarios, arms) receive colours.
CATEGORY_COLORS = [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion",
                                          "reddish_purple", "sky_blue", "black", "yellow")]
LINE_STYLES = ["-", "--", ":", "-."]

#: Single-series roles.
MAIN_COLOR = OKABE_ITO["blue"]
DETAIL_COLOR = "#7f7f7f"  # neutral grey for individual-group traces under the median

BAND_ALPHA = 0.25

RC = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
}

#: x-axis label for every time series (1 row = 1 simulated day).
DAY_LABEL = "time (days)"


def category_style(i: int) -> dict:
    """Colour and line style of the i-th category."""
    n = len(CATEGORY_COLORS)
    return {"color": CATEGORY_COLORS[i % n], "linestyle": LINE_STYLES[(i // n) % len(LINE_STYLES)]}


#: Axis labels longer than this put the unit on a line of its own (a y label
#: longer than its panel is tall would run into the title).
LABEL_LINE = 28


def axis_label(metric: str, unit: str, prefix: str = "") -> str:
    """Axis label with its unit, e.g. ``messages (messages/day)``."""
    name = f"{prefix}{metric}"
    unit = unit or "no unit recorded"
    gap = "\n" if len(name) + len(unit) + 3 > LABEL_LINE else " "
    return f"{name}{gap}({unit})"
