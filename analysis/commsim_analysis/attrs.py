"""Turning raw HDF5 attribute values into plain Python values.

The engine may write strings as variable-length or fixed-length UTF-8, and h5py
hands these back as ``str``, ``bytes`` or ``numpy.bytes_`` depending on the case;
numbers come back as numpy scalars. Analysis code (and pandas columns, JSON, Markdown
tables) is simpler when everything downstream sees ``str``, ``int``, ``float`` and
``bool`` only, so all attribute reads go through here.
"""
from __future__ import annotations

import tomllib
from typing import Any

import numpy as np


def to_python(value: Any, int8_as_bool: bool = False) -> Any:
    """Decode bytes to str and numpy scalars/0-d arrays to Python scalars.

    ``int8_as_bool``: for /parameters, where the format stores booleans as int8 0/1
    and every genuine integer as int64, so the dtype is the marker. Root attributes
    (format_version, complete, ...) stay integers whatever width the engine uses.
    """
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode("utf-8", errors="replace").rstrip("\x00")
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return to_python(value[()], int8_as_bool)
        return [to_python(v, int8_as_bool) for v in value.tolist()]
    if int8_as_bool and isinstance(value, np.int8):
        return bool(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.str_):
        return str(value)
    return value


def read_attrs(obj, int8_as_bool: bool = False) -> dict[str, Any]:
    """All attributes of an h5py object as a plain dict."""
    return {str(k): to_python(obj.attrs[k], int8_as_bool) for k in obj.attrs.keys()}


def parse_parameter_lines(text: str) -> dict[str, Any]:
    """Parse the root ``parameters`` string (``section.key = value`` per line).

    Values are read as TOML scalars where possible (so ``3`` is an int, ``"x"`` a
    str, ``true`` a bool); anything TOML cannot read is kept as the raw text, so an
    unexpected value never makes a whole file unreadable. Used only as a fallback
    when the typed ``/parameters`` group is absent.
    """
    params: dict[str, Any] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, raw = (part.strip() for part in line.split("=", 1))
        try:
            params[key] = tomllib.loads(f"v = {raw}")["v"]
        except tomllib.TOMLDecodeError:
            params[key] = raw.strip('"')
    return params
