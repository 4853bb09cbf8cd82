"""The example notebook runs end to end (Debian's jupyter-nbconvert and ipykernel),
so it cannot rot: every cell executes, and every figure it draws is shown."""
import json
import os
import shutil
import subprocess

from conftest import ANALYSIS_DIR

NOTEBOOK = ANALYSIS_DIR / "examples" / "entry_thresholds.ipynb"


def test_example_notebook_executes(commsim_bin, tmp_path):
    jupyter = shutil.which("jupyter")
    assert jupyter, "jupyter is not installed (Debian: jupyter-nbconvert python3-ipykernel)"
    out = tmp_path / "executed.ipynb"
    env = {**os.environ, "COMMSIM_BIN": str(commsim_bin), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    env.pop("MPLBACKEND", None)  # the kernel's own inline backend, as for a user
    proc = subprocess.run([jupyter, "nbconvert", "--to", "notebook", "--execute",
                           "--ExecutePreprocessor.timeout=300", str(NOTEBOOK),
                           "--output", str(out)],
                          cwd=NOTEBOOK.parent, capture_output=True, text=True, env=env,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    cells = [c for c in json.loads(out.read_text())["cells"] if c["cell_type"] == "code"]
    for cell in cells:
        source = "".join(cell["source"])
        kinds = {k for o in cell["outputs"] for k in o.get("data", {})}
        assert not any(o["output_type"] == "error" for o in cell["outputs"]), source
        if ".forest(" in source or ".plot(" in source:
            assert "image/png" in kinds, f"no figure shown by: {source[:60]}"
    printed = "".join("".join(o.get("text", "")) for c in cells for o in c["outputs"])
    assert "fee vs open:" in printed and "screening vs open:" in printed
