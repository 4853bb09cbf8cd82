"""The package installs with pip over Debian's python3-* packages and has no
import side effects."""
import os
import subprocess
import sys

from conftest import ANALYSIS_DIR


def test_import_leaves_matplotlib_alone():
    """Importing must not choose a backend (a notebook keeps its inline one) nor
    import pyplot; the command-line entry points choose Agg themselves."""
    code = ("import sys, matplotlib\n"
            "matplotlib.use('svg')\n"
            "before = dict.__getitem__(matplotlib.rcParams, 'backend')\n"
            "import commsim_analysis\n"
            "after = dict.__getitem__(matplotlib.rcParams, 'backend')\n"
            "print(before, after, 'matplotlib.pyplot' in sys.modules)\n")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["PYTHONPATH"] = str(ANALYSIS_DIR)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["svg", "svg", "False"]


def test_pip_install_editable_in_a_venv(tmp_path):
    """``python3 -m venv --system-site-packages`` + ``pip install -e analysis`` (offline
    here, hence --no-build-isolation: Debian's setuptools builds it), then the
    package and its commands work from anywhere."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, capture_output=True, timeout=300)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation",
                          "--no-index", "-e", str(ANALYSIS_DIR)],
                         capture_output=True, text=True, timeout=300)
    assert pip.returncode == 0, pip.stdout[-2000:] + pip.stderr[-2000:]
    code = "import commsim_analysis as ca; print(ca.__file__, ca.load_runs.__name__)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(str(ANALYSIS_DIR / "commsim_analysis"))
    for command in ("commsim-plot", "commsim-report", "commsim-export"):
        help_run = subprocess.run([str(venv / "bin" / command), "--help"], capture_output=True,
                                  text=True, env=env, timeout=120)
        assert help_run.returncode == 0 and "usage:" in help_run.stdout, command
