"""Finding the ``commsim`` binary: ``$COMMSIM_BIN``, else ``commsim`` on the PATH,
else ``build/commsim`` of the checkout this package sits in (``analysis/`` next to
``build/``), so a notebook in a fresh clone finds the binary ``scripts/main.sh``
built without any set-up."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .errors import CommsimError

ENV = "COMMSIM_BIN"
#: ``analysis/commsim_analysis/binary.py`` -> the checkout's ``build/commsim``.
CHECKOUT_BINARY = Path(__file__).resolve().parents[2] / "build" / "commsim"


def find_binary() -> str | None:
    """The commsim binary to use, or None when there is none."""
    candidate = os.environ.get(ENV)
    if candidate:
        return candidate if os.access(candidate, os.X_OK) else None
    on_path = shutil.which("commsim")
    if on_path:
        return on_path
    return str(CHECKOUT_BINARY) if os.access(CHECKOUT_BINARY, os.X_OK) else None


def require_binary(binary: str | os.PathLike | None = None) -> str:
    """``binary`` if given, else :func:`find_binary`; a clear error when none works."""
    if binary is not None:
        path = str(binary)
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            raise CommsimError(f"commsim binary '{path}' is not an executable file")
        return path
    found = find_binary()
    if found:
        return found
    env = os.environ.get(ENV)
    where = (f"${ENV}={env} is not executable" if env else
             f"no ${ENV}, no commsim on the PATH, and no {CHECKOUT_BINARY}")
    raise CommsimError(f"cannot find the commsim binary ({where}): build it with "
                       "`bash scripts/main.sh`, or set COMMSIM_BIN=/path/to/commsim")
