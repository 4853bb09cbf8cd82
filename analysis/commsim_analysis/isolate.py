"""Reading a possibly damaged HDF5 file without risking the interpreter.

Some bit-flipped HDF5 files make the HDF5 C library itself crash (a segmentation
fault inside an attribute or B-tree read), which no ``try`` can catch: the Python
process, or a notebook's kernel, dies. So every file read runs in a forked child
process that sends its result back through a pipe; if the child dies of a
signal, the parent raises :class:`DamagedFileError` naming the file instead.

A fork of a running interpreter is cheap (copy-on-write; a few milliseconds), and
the result is pickled once. A read that has not finished after
``COMMSIM_ANALYSIS_READ_TIMEOUT`` seconds (default 600: a damaged file can send the
library into a loop) is stopped and reported the same way. Where ``os.fork`` does
not exist, or with the environment variable ``COMMSIM_ANALYSIS_ISOLATE=0``, reads
run in-process.
"""
from __future__ import annotations

import faulthandler
import os
import pickle
import select
import signal
import time
from pathlib import Path
from typing import Any, Callable

from .errors import DamagedFileError

ENV = "COMMSIM_ANALYSIS_ISOLATE"
TIMEOUT_ENV = "COMMSIM_ANALYSIS_READ_TIMEOUT"


def enabled() -> bool:
    return hasattr(os, "fork") and os.environ.get(ENV, "1") != "0"


def isolated(path: str | Path, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` in a forked child; its return value or its exception.

    ``path`` names the file in the error raised when the child crashes.
    """
    if not enabled():
        return fn(*args, **kwargs)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into the caller's stack
        status = 0
        try:
            os.close(read_fd)
            faulthandler.disable()  # a crash here is reported by the parent, not dumped
            try:
                payload = pickle.dumps((True, fn(*args, **kwargs)), protocol=5)
            except BaseException as exc:  # noqa: BLE001 -- sent to the parent as is
                try:
                    payload = pickle.dumps((False, exc), protocol=5)
                except Exception:  # an exception that cannot be pickled
                    payload = pickle.dumps((False, DamagedFileError(
                        path, f"{type(exc).__name__}: {exc}")))
            with os.fdopen(write_fd, "wb") as out:
                out.write(payload)
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            os._exit(status)
    os.close(write_fd)
    try:
        data = _read_until_closed(read_fd, float(os.environ.get(TIMEOUT_ENV, "600")))
    except BaseException as exc:  # a timeout, or Ctrl-C: do not leave the child behind
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if isinstance(exc, TimeoutError):
            raise DamagedFileError(path, f"reading did not finish within {exc.args[0]:g} s "
                                         f"(${TIMEOUT_ENV}): the file may be damaged") from None
        raise
    finally:
        os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else sig
        raise DamagedFileError(path, f"the HDF5 library crashed reading this file "
                                     f"(signal {sig}, {name}): the file is damaged")
    if not data:
        raise DamagedFileError(path, f"reading this file failed in a child process "
                                     f"(exit status {os.waitstatus_to_exitcode(status)})")
    ok, value = pickle.loads(data)
    if ok:
        return value
    raise value


def _read_until_closed(fd: int, timeout: float) -> bytes:
    """Everything written to ``fd`` until the writer closes it; TimeoutError(timeout)
    when that takes longer than ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError(timeout)
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
