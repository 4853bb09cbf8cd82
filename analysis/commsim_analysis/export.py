"""Tables for spreadsheets and BehaviorSpace habits: one row per run x day (x group).

Every row carries what identifies its run (run, scenario_name, arm, point,
replicate, seed) and *every* parameter as a column -- also those all runs share --
so a row read on its own says which settings produced it, as in NetLogo's
BehaviorSpace "table" output. Rows that are only padding (a shorter run, a group
not yet founded: every metric NaN) are left out.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd
import xarray as xr

from .datasets import parameters
from .runset import PathsOrDir, load_runs

#: Identifying columns, first in every table (those present).
ID_COLUMNS = ("run", "scenario_name", "arm", "arm_index", "point", "replicate", "seed",
              "complete")


def to_table(ds: xr.Dataset) -> pd.DataFrame:
    """A stacked dataset (``load_runs``, ``Results.daily``/``platform``) as a flat
    table: identifying columns, parameters (sorted), day, [group], metrics."""
    metrics = list(ds.data_vars)
    frame = ds.to_dataframe().reset_index()
    if "run" not in ds.dims:  # a single run's dataset
        frame.insert(0, "run", ds.attrs.get("run", ""))
    shared = {k: v for k, v in sorted(parameters(ds).items()) if k not in frame.columns}
    if shared:
        frame = pd.concat([frame, pd.DataFrame(shared, index=frame.index)], axis=1)
    if metrics:
        frame = frame.dropna(subset=metrics, how="all")
    ids = [c for c in ID_COLUMNS if c in frame.columns]
    params = sorted(c for c in frame.columns if "." in c)
    place = [c for c in ("day", "group") if c in frame.columns]
    rest = [c for c in frame.columns if c not in ids + params + place + metrics]
    return frame[ids + rest + params + place + metrics].reset_index(drop=True)


def export_csv(paths_or_dir: PathsOrDir, out: str | Path, *, level: str = "daily",
               metrics: Iterable[str] | None = None, allow_partial: bool = False) -> Path:
    """Write the runs at ``level`` as one CSV table (see :func:`to_table`)."""
    ds = load_runs(paths_or_dir, level=level, metrics=metrics, allow_partial=allow_partial)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    to_table(ds).to_csv(out, index=False)
    return out
