"""Groups over their whole life, and group types (C3), from the run's ``/groups`` table.

:func:`group_lifetimes` measures every group over its life, whatever its length: a flash group
that opens and closes between two daily measurements (C23) gets value per member-hour, the
share of its members who took part and its ad share like any other.

A run with ``[group_types.NAME]`` tables holds groups of several kinds; ``/groups`` names
each group's type (a code column whose names are the types). :func:`group_types` returns it
per group; :func:`by_type` adds it to a run's daily or hourly dataset as the ``type``
coordinate of the group dimension and aggregates a per-group metric over the groups of each
type, so that a platform total (messages, members, groups alive) can be read per type.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import xarray as xr

from .runfile import load_run
from .tables import load_table


def group_lifetimes(path: str | Path, *, allow_partial: bool = False):
    """One row per group ever founded (pandas, index ``group``): the ``/groups`` columns
    plus ``hours`` alive (its closing hour included; to the last written day if alive), ``value_per_member_hour``
    (value_gained / member_hours), ``took_part_share`` (took_part / members_ever) and
    ``ad_share`` (ad_messages / messages); NaN where the denominator is 0."""
    table = load_table(path, "groups", allow_partial=allow_partial)
    frame = table.to_dataframe().set_index("group")
    never = 2**32 - 1
    end = table.attrs.get("days_written", 0) * table.attrs.get("ticks_per_day", 24)
    # `ended` is the hour it closed in, the last it was alive: counted.
    last = (frame["ended"] + 1).where(frame["ended"] != never, end)
    frame["hours"] = (last - frame["founded"]).clip(lower=0)

    def ratio(a, b):
        return (frame[a] / frame[b].where(frame[b] > 0)).astype(float)

    frame["value_per_member_hour"] = ratio("value_gained", "member_hours")
    frame["took_part_share"] = ratio("took_part", "members_ever")
    frame["ad_share"] = ratio("ad_messages", "messages")
    return frame


def group_types(path: str | Path, *, allow_partial: bool = False) -> xr.DataArray:
    """Each group's type name, indexed by group id (dim ``group``)."""
    table = load_table(path, "groups", allow_partial=allow_partial)
    ids = np.asarray(table["group"].values, dtype=np.int64)
    names = np.asarray(table["type"].values).astype(str)
    return xr.DataArray(names, dims="group", coords={"group": ids}, name="type")


def with_types(ds: xr.Dataset, path: str | Path, *, allow_partial: bool = False) -> xr.Dataset:
    """``ds`` (a run's daily or hourly dataset) with ``type`` as a group coordinate."""
    types = group_types(path, allow_partial=allow_partial)
    return ds.assign_coords(type=("group", types.reindex(group=ds["group"]).values))


def by_type(path: str | Path, metric: str, *, level: str = "daily", how: str = "sum",
            allow_partial: bool = False) -> xr.DataArray:
    """``metric`` aggregated over the groups of each type (``how``: sum, mean or count of
    groups with a value): dims (day or hour, type). NaN (a group not yet founded or no longer
    measured) is left out."""
    ds = with_types(load_run(path, level=level, allow_partial=allow_partial), path,
                    allow_partial=allow_partial)
    if metric not in ds:
        raise KeyError(f"{path}: no {level} metric {metric!r}; metrics: {sorted(ds.data_vars)}")
    grouped = ds[metric].groupby("type")
    if how == "sum":
        return grouped.sum("group", skipna=True, min_count=1)
    if how == "mean":
        return grouped.mean("group", skipna=True)
    if how == "count":
        return grouped.count("group")
    raise ValueError(f"how={how!r}: expected 'sum', 'mean' or 'count'")
