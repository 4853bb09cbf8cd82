#!/usr/bin/python3
"""Plot commsim output: ``plot.py run|runs|compare|sweep|atlas ...`` (see --help).

A thin wrapper so the command works from a checkout without installation; the
logic lives in commsim_analysis.cli.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from commsim_analysis.cli import plot_main  # noqa: E402

if __name__ == "__main__":
    sys.exit(plot_main())
