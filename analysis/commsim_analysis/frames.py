"""Reshaping tidy frames.

Loaders return long (tidy) frames because they hold any number of metrics and
runs without schema changes; many analyses want one column per metric instead.
"""
from __future__ import annotations

import pandas as pd


def to_wide(tidy: pd.DataFrame, columns: str = "metric", value: str = "value") -> pd.DataFrame:
    """Pivot a tidy frame to one column per ``columns`` value.

    Every other column becomes part of the row index, e.g. a run's ``daily``
    frame becomes rows (day, group) x metric columns; a ``load_runs`` frame becomes
    rows (run, scenario_name, seed, ..., day) x metric columns.
    """
    index = [c for c in tidy.columns if c not in (columns, value)]
    frame = tidy.copy()
    frame[columns] = frame[columns].astype(str)
    wide = frame.pivot_table(index=index, columns=columns, values=value,
                             aggfunc="first", dropna=False, observed=True)
    wide.columns.name = None
    return wide.reset_index()
