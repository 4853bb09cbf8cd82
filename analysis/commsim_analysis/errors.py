"""Exceptions and warnings raised while reading commsim output.

Every error carries the offending path and says what was wrong, so a researcher
who points the tools at the wrong folder learns *which* file is bad and *why*
without reading a traceback through h5py internals.
"""
from __future__ import annotations

from pathlib import Path


class RunFileError(Exception):
    """Base class: a file could not be read as a commsim run file."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class NotHDF5Error(RunFileError):
    """The file exists but is not an HDF5 file at all."""


class MissingDataError(RunFileError):
    """A required group, dataset or attribute is absent (wrong or damaged file)."""


class FormatVersionError(RunFileError):
    """The file's format_version is missing, malformed or not supported here."""


class PartialRunError(RunFileError):
    """The run did not finish (root attribute complete != 1).

    Partial files are readable, but their numbers describe a truncated run; they are
    refused unless the caller opts in with ``allow_partial=True``.
    """


class PartialRunWarning(UserWarning):
    """Issued when partial runs are left out of (or flagged in) a collection."""
