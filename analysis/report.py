#!/usr/bin/python3
"""Markdown report for a folder of commsim output (runs, comparison or sweep):
``report.py DIR [--out R.md]``.

A thin wrapper so the command works from a checkout without installation; the
logic lives in commsim_analysis.cli.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from commsim_analysis.cli import report_main  # noqa: E402

if __name__ == "__main__":
    sys.exit(report_main())
