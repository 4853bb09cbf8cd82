"""Exceptions and warnings raised while reading commsim output or running commsim.

Every file error carries the offending path and says what was wrong, so a
researcher who points the tools at the wrong folder, or at a damaged file, learns
*which* file is bad and *why* without reading a traceback through h5py internals.
"""
from __future__ import annotations

from pathlib import Path


class RunFileError(Exception):
    """Base class: a file could not be read as commsim output."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # rebuilt from (path, problem) after a read in a child process
        return (type(self), (self.path, self.problem))


class NotHDF5Error(RunFileError):
    """The file exists but is not an HDF5 file at all."""


class MissingDataError(RunFileError):
    """A required group, dataset or attribute is absent (wrong or damaged file)."""


class NoEventsError(MissingDataError):
    """The run file has no /events table (the run was made without output.events)."""


class FormatVersionError(RunFileError):
    """The file's format_version is missing, malformed or not supported here."""


class DamagedFileError(RunFileError):
    """The file is HDF5 but its contents are inconsistent or unreadable: a bad
    attribute, a dataset of the wrong shape, type or size, values outside the
    metric's range, or a read that failed (or crashed the HDF5 library)."""


class PartialRunError(RunFileError):
    """The run did not finish (root attribute complete != 1).

    Partial files are readable, but their numbers describe a truncated run; they are
    refused unless the caller opts in with ``allow_partial=True``.
    """


class PartialRunWarning(UserWarning):
    """Issued when partial runs are left out of (or flagged in) a collection."""


class CommsimError(RuntimeError):
    """The commsim binary failed (or could not be found); the message is its own."""

    def __init__(self, message: str, returncode: int | None = None,
                 command: list[str] | None = None):
        self.returncode = returncode
        self.command = command or []
        super().__init__(message)
