#!/usr/bin/python3
"""Run files as one CSV table (BehaviorSpace style): ``export.py DIR --out t.csv``.

A thin wrapper so the command works from a checkout without installation; the
logic lives in commsim_analysis.cli.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from commsim_analysis.cli import export_main  # noqa: E402

if __name__ == "__main__":
    sys.exit(export_main())
