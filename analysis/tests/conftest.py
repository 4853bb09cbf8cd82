"""Shared fixtures: small run files made by the real ``commsim`` binary.

The tests exercise the analysis code against what the engine actually writes
(not a hand-made imitation), so a change in the engine's output format shows up
here. The binary comes from ``COMMSIM_BIN`` (ctest sets it); without it the tests
fail loudly rather than skip, so a misconfigured CI cannot pass vacuously.
Files are generated once per session into a temporary folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import h5py
import pytest

# The package leaves matplotlib's backend alone; tests draw to files only.
os.environ.setdefault("MPLBACKEND", "Agg")

ANALYSIS_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ANALYSIS_DIR))

#: Tiny scenario: seconds to run, but several groups and days to plot.
DAYS = 5
GROUPS = 4
POPULATION = 300
TINY = f"""\
[run]
days = {DAYS}

[population]
size = {POPULATION}

[graph]
kind = "watts_strogatz"

[groups]
count = {GROUPS}
"""
#: Snapshots every 10 days of 20: groups day_9 and day_19, whose names sort
#: lexicographically the wrong way round.
SNAPSHOT_DAYS = (9, 19)
SNAPSHOTS = TINY.replace(f"days = {DAYS}", "days = 20") + "\n[snapshots]\nevery_days = 10\n"
#: A second scenario differing in one parameter, for overlays and varied columns.
OTHER_GROUPS = 3
OTHER = TINY.replace(f"count = {GROUPS}", f"count = {OTHER_GROUPS}")

TINY_SEEDS = (1, 2, 3)
OTHER_SEEDS = (1, 2)


def _binary_problem() -> str | None:
    value = os.environ.get("COMMSIM_BIN")
    if not value:
        return ("COMMSIM_BIN is not set: the analysis tests need the real commsim binary, "
                "e.g. COMMSIM_BIN=build/commsim /usr/bin/python3 -m pytest -q analysis/tests "
                "(ctest sets it)")
    if not (Path(value).is_file() and os.access(value, os.X_OK)):
        return f"COMMSIM_BIN={value} is not an executable file"
    return None


def pytest_sessionstart(session):
    """Stop the whole session with one clear message (exit status 1), not 27 errors."""
    problem = _binary_problem()
    if problem:
        pytest.exit(problem, returncode=1)


@pytest.fixture(scope="session")
def commsim_bin() -> Path:
    problem = _binary_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    return Path(os.environ["COMMSIM_BIN"]).resolve()


def run_commsim(binary: Path, scenario: Path, out: Path, seed: int) -> Path:
    """``commsim run SCENARIO --out OUT --seed SEED --quiet``; fail with its stderr."""
    cmd = [str(binary), "run", str(scenario), "--out", str(out), "--seed", str(seed),
           "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or not out.exists():
        pytest.fail(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}",
                    pytrace=False)
    return out


@pytest.fixture(scope="session")
def batch_dir(commsim_bin, tmp_path_factory) -> Path:
    """Folder with 3 replicates of 'tiny' and 2 of 'other' (file stems name_sSEED)."""
    scen = tmp_path_factory.mktemp("scenarios")
    out = tmp_path_factory.mktemp("batch")
    for name, text, seeds in (("tiny", TINY, TINY_SEEDS), ("other", OTHER, OTHER_SEEDS)):
        path = scen / f"{name}.toml"
        path.write_text(text)
        for seed in seeds:
            run_commsim(commsim_bin, path, out / f"{name}_s{seed}.h5", seed)
    return out


@pytest.fixture(scope="session")
def snapshot_file(commsim_bin, tmp_path_factory) -> Path:
    """A 20-day run of the tiny scenario with snapshots on days 9 and 19."""
    folder = tmp_path_factory.mktemp("snapshots")
    path = folder / "snap.toml"
    path.write_text(SNAPSHOTS)
    return run_commsim(commsim_bin, path, folder / "snap.h5", 1)


@pytest.fixture(scope="session")
def run_file(batch_dir) -> Path:
    """One complete run of the tiny scenario, seed 1."""
    return batch_dir / "tiny_s1.h5"


@pytest.fixture(scope="session")
def compare_dir(batch_dir, tmp_path_factory) -> Path:
    """The batch relabelled as a comparison: root attrs arm and replicate."""
    out = tmp_path_factory.mktemp("compare")
    for i, seed in enumerate(OTHER_SEEDS):
        for arm, scen in (("control", "tiny"), ("treatment", "other")):
            dst = out / f"{arm}_r{i}.h5"
            shutil.copy(batch_dir / f"{scen}_s{seed}.h5", dst)
            with h5py.File(dst, "r+") as f:
                f.attrs["arm"] = arm
                f.attrs["replicate"] = i
    return out


@pytest.fixture
def editable_copy(run_file, tmp_path):
    """Copy the real run file and let a test damage it with h5py."""
    def make(name: str = "edited.h5", edit=None) -> Path:
        dst = tmp_path / name
        shutil.copy(run_file, dst)
        if edit is not None:
            with h5py.File(dst, "r+") as f:
                edit(f)
        return dst
    return make


# --- sweeps and comparisons (commsim sweep / compare / batch) -------------------

SWEEP_DAYS = 8
STRICTNESS = (0.0, 0.5, 1.0)
SWEEP_REPLICATES = 2
SWEEP = f"""\
[run]
days = {SWEEP_DAYS}

[population]
size = {POPULATION}

[groups]
count = 3

[replicates]
count = {SWEEP_REPLICATES}

[sweep]
groups.strictness = [{", ".join(map(str, STRICTNESS))}]
"""
#: Second axis of the two-parameter sweep (a strictness x groups.count grid).
COUNTS = (2, 3)
SWEEP2 = SWEEP.replace("[sweep]\n", f"[sweep]\ngroups.count = [{', '.join(map(str, COUNTS))}]\n")

#: A tiny two-arm scenario named like the leaderless failure mode, so the atlas
#: uses that mode's signature metrics.
ARM_REPLICATES = 3
LEADERLESS = f"""\
[run]
days = {SWEEP_DAYS}

[population]
size = {POPULATION}

[groups]
count = 3
open_channel_per_day = 3
open_ad_share = 0.15

[replicates]
count = {ARM_REPLICATES}

[arms.control]
groups.moderators = 2

[arms.failure]
groups.moderators = 0
"""


def commsim(binary: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``commsim ARGS``; fail the test with its stderr on a non-zero exit."""
    cmd = [str(binary), *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}",
                    pytrace=False)
    return proc


def has_compare(binary: Path) -> bool:
    """Whether this binary has ``commsim compare`` (else ``batch`` is used)."""
    out = subprocess.run([str(binary), "--help"], capture_output=True, text=True).stdout
    return any(line.split()[:1] == ["compare"] for line in out.splitlines())


def _scenario(tmp_path_factory, name: str, text: str) -> Path:
    path = tmp_path_factory.mktemp("scen") / f"{name}.toml"
    path.write_text(text)
    return path


@pytest.fixture(scope="session")
def sweep_dir(commsim_bin, tmp_path_factory) -> Path:
    """``commsim sweep`` of 3 strictness values x 2 replicates (6 runs)."""
    out = tmp_path_factory.mktemp("sweep") / "out"
    commsim(commsim_bin, "sweep", _scenario(tmp_path_factory, "tiny_sweep", SWEEP),
            "--out", out, "--quiet", "--threads", "2")
    return out


@pytest.fixture(scope="session")
def sweep2_dir(commsim_bin, tmp_path_factory) -> Path:
    """``commsim sweep`` of groups.count x strictness (2 x 3 points, 2 replicates)."""
    out = tmp_path_factory.mktemp("sweep2") / "out"
    commsim(commsim_bin, "sweep", _scenario(tmp_path_factory, "grid", SWEEP2),
            "--out", out, "--quiet", "--threads", "2")
    return out


@pytest.fixture(scope="session")
def arms_dir(commsim_bin, tmp_path_factory) -> Path:
    """Arms control/failure x 3 replicates of 'leaderless', by ``commsim compare``
    when the binary has it (then with summary.csv), else ``commsim batch``."""
    out = tmp_path_factory.mktemp("arms") / "out"
    command = "compare" if has_compare(commsim_bin) else "batch"
    commsim(commsim_bin, command, _scenario(tmp_path_factory, "leaderless", LEADERLESS),
            "--out", out, "--quiet", "--threads", "2")
    return out
