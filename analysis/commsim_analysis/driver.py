"""Driving commsim from Python or a notebook: :func:`run`, :func:`compare`, :func:`sweep`.

Each calls the binary (``binary.py`` finds it), shows its progress while it runs
and returns the loaded :class:`~commsim_analysis.results.Results`::

    import commsim_analysis as ca
    res = ca.compare("scenarios/failure/leaderless.toml", set={"run.days": 60},
                     replicates=4, threads=2)
    res.summary            # summary.csv as a DataFrame
    res.forest()           # differences from the reference arm with their CIs
    res.daily.active_share.mean("group").groupby("arm").mean("run").plot.line(x="day")

The scenario is a file path or the TOML text itself (written as
``<out>/<name>.toml``). Output goes to ``out`` (default: a new temporary folder;
``Results.path`` says where). An error of the binary (a typo in a key, a bad
value) becomes a :class:`~commsim_analysis.errors.CommsimError` carrying its
message and exit status; Ctrl-C (a notebook's interrupt) stops the binary
cleanly and re-raises KeyboardInterrupt.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import tempfile
from collections import deque
from pathlib import Path
from typing import Any, Iterable, Mapping

from .binary import require_binary
from .errors import CommsimError
from .progress import Progress
from .results import Results, load_results, results_of
from .runset import read_runs

Scenario = str | os.PathLike


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string
    raise TypeError(f"--set value {value!r}: use a bool, number or string")


def set_arguments(settings: Mapping[str, Any] | None) -> list[str]:
    """``{"groups.count": 10}`` -> ``["--set", "groups.count=10"]``."""
    args: list[str] = []
    for key, value in (settings or {}).items():
        args += ["--set", f"{key}={_toml_value(value)}"]
    return args


def _scenario_file(scenario: Scenario, out: Path, name: str | None) -> Path:
    """The scenario as a file: a path as given, TOML text written into ``out``."""
    text = str(scenario)
    if "\n" in text or (text.lstrip().startswith("[") and not Path(text).exists()):
        path = out / f"{name or 'scenario'}.toml"
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        return path
    path = Path(scenario)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such scenario file")
    return path.resolve()


def _out_dir(out: str | os.PathLike | None, label: str) -> Path:
    if out is None:
        return Path(tempfile.mkdtemp(prefix=f"commsim-{label}-"))
    path = Path(out)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _common(threads: int | None, seed: int | None = None) -> list[str]:
    args = []
    if threads is not None:
        args += ["--threads", str(int(threads))]
    if seed is not None:
        args += ["--seed", str(int(seed))]
    return args


def call(args: list[str], *, binary: str | None = None, progress: bool = True,
         label: str = "commsim") -> subprocess.CompletedProcess:
    """Run ``commsim ARGS``; progress lines (stderr) drive a progress display;
    a non-zero exit raises CommsimError with the binary's own message."""
    command = [require_binary(binary), *map(str, args)]
    display = Progress(label, enabled=progress)
    tail: deque[str] = deque(maxlen=40)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, bufsize=1)
    try:
        for line in proc.stderr:
            line = line.rstrip("\n")
            tail.append(line)
            display.feed(line)
        stdout = proc.stdout.read()
        code = proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)  # commsim stops cleanly, keeping what it wrote
        proc.wait()
        display.close("interrupted")
        raise
    display.close("done" if code == 0 else f"failed (exit {code})")
    if code != 0:
        raise CommsimError(_error_message(command, code, list(tail)), code, command)
    return subprocess.CompletedProcess(command, code, stdout, "\n".join(tail))


def _error_message(command: list[str], code: int, lines: list[str]) -> str:
    """The binary's error lines (``commsim X: error: ...``), else its last lines."""
    errors = [ln for ln in lines if re.search(r"\berror\b", ln)]
    shown = errors or lines[-8:] or ["(no message)"]
    return (f"commsim exited with status {code}: " + "\n".join(shown)
            + f"\n(command: {' '.join(command)})")


def run(scenario: Scenario, *, set: Mapping[str, Any] | None = None,  # noqa: A002
        seeds: int | Iterable[int] | None = None, threads: int | None = None,
        arm: str | None = None, out: str | os.PathLike | None = None,
        overwrite: bool = False, name: str | None = None, progress: bool = True,
        binary: str | None = None) -> Results:
    """``commsim run`` once per seed (``seeds``: one int, several, or None for the
    scenario's own ``run.seed``); returns the runs as :class:`Results` (the seed
    is the replicate order). ``arm`` picks one arm of a file with arms. A run
    file already in ``out`` is an error unless ``overwrite``."""
    out_dir = _out_dir(out, "run")
    path = _scenario_file(scenario, out_dir, name)
    seed_list = [None] if seeds is None else (
        [int(seeds)] if isinstance(seeds, int) else [int(s) for s in seeds])
    if not seed_list:
        raise ValueError("seeds is empty: give one seed, several, or None")
    files = []
    for i, seed in enumerate(seed_list):
        stem = path.stem + (f".{arm}" if arm else "") + (f".s{seed}" if seed is not None else "")
        target = out_dir / f"{stem}.h5"
        args = ["run", path, "--out", target, *set_arguments(set), *_common(threads, seed)]
        if arm:
            args += ["--arm", arm]
        if target.exists():
            if not overwrite:
                raise FileExistsError(f"{target} exists: pass overwrite=True to replace "
                                      "it, or choose another out=")
            if _has_option(binary, "run", "--overwrite"):
                args.append("--overwrite")
            else:
                target.unlink()
        label = f"run {path.stem}" + (f" seed {seed}" if seed is not None else "") + \
            (f" ({i + 1}/{len(seed_list)})" if len(seed_list) > 1 else "")
        call(args, binary=binary, progress=progress, label=label)
        files.append(target)
    return results_of(read_runs(files), out_dir)


def compare(scenario: Scenario, *, set: Mapping[str, Any] | None = None,  # noqa: A002
            replicates: int | None = None, seed: int | None = None,
            threads: int | None = None, jobs: int | None = None,
            out: str | os.PathLike | None = None, resume: bool = False,
            overwrite: bool = False, name: str | None = None, progress: bool = True,
            binary: str | None = None) -> Results:
    """``commsim compare``: every arm x replicate of a scenario with ``[arms.*]``,
    then the statistics (``Results.summary``, ``Results.forest()``). Run files
    already in ``out`` are kept with ``resume``, redone with ``overwrite``, and
    otherwise an error (the binary's)."""
    return _batch("compare", scenario, set, replicates, seed, threads, jobs, out, resume,
                  overwrite, name, progress, binary)


def sweep(scenario: Scenario, *, set: Mapping[str, Any] | None = None,  # noqa: A002
          replicates: int | None = None, seed: int | None = None,
          threads: int | None = None, jobs: int | None = None,
          out: str | os.PathLike | None = None, resume: bool = False,
          overwrite: bool = False, name: str | None = None, progress: bool = True,
          binary: str | None = None) -> Results:
    """``commsim sweep``: every point of the scenario's ``[sweep]`` x arm x
    replicate; ``Results.index`` is the per-run table (:func:`load_sweep`);
    ``resume``/``overwrite`` as for :func:`compare`."""
    return _batch("sweep", scenario, set, replicates, seed, threads, jobs, out, resume,
                  overwrite, name, progress, binary)


def _batch(command: str, scenario, settings, replicates, seed, threads, jobs, out, resume,
           overwrite, name, progress, binary) -> Results:
    out_dir = _out_dir(out, command)
    path = _scenario_file(scenario, out_dir, name)
    args = [command, path, "--out", out_dir, *set_arguments(settings),
            *_common(threads, seed)]
    if replicates is not None:
        args += ["--replicates", str(int(replicates))]
    if jobs is not None:
        args += ["--jobs", str(int(jobs))]
    if resume:
        args.append("--resume")
    if overwrite:
        args.append("--overwrite")
    call(args, binary=binary, progress=progress, label=f"{command} {path.stem}")
    return load_results(out_dir)


def _has_option(binary: str | None, command: str, option: str) -> bool:
    """Whether ``commsim COMMAND --help`` mentions ``option``."""
    try:
        text = subprocess.run([require_binary(binary), command, "--help"],
                              capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return option in text


__all__ = ["call", "compare", "run", "set_arguments", "sweep"]
