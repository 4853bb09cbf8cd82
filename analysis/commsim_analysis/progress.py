"""A progress display fed by commsim's progress lines.

When stderr is not a terminal, commsim prints a line per tenth of the work::

    baseline: 40% (72/180), elapsed 0:02, ETA 0:03                (run)
    compare: 40% 20/50 runs, 0 failed, 3.1 runs/s, ETA 0:09, elapsed 0:06   (batch)

:class:`Progress` parses the percentage and shows one line that it updates in
place: an HTML progress bar in a notebook (plain IPython display, no widgets), a
carriage-return line on a terminal, a line per update in a log, nothing when
disabled. Other lines (warnings,
the closing summary) are kept and shown with the final state.
"""
from __future__ import annotations

import html
import re
import sys

PROGRESS_LINE = re.compile(r"^(?P<label>[^:]+):\s+(?P<pct>\d+(?:\.\d+)?)%\s*(?P<rest>.*)$")


def parse_progress(line: str) -> tuple[str, float, str] | None:
    """(label, percent, the rest) of a progress line, or None for other lines."""
    match = PROGRESS_LINE.match(line.strip())
    if not match:
        return None
    return match["label"], float(match["pct"]), match["rest"].strip(" ,")


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


class Progress:
    """Shows ``label``'s progress; ``feed`` each stderr line, ``close`` at the end."""

    def __init__(self, label: str, enabled: bool = True):
        self.label = label
        self.enabled = enabled
        self.percent = 0.0
        self.detail = ""
        self.notes: list[str] = []
        self._handle = None
        self._notebook = enabled and _in_notebook()
        self._tty = enabled and not self._notebook and sys.stderr.isatty()
        if enabled:
            self._show()

    def feed(self, line: str) -> None:
        parsed = parse_progress(line)
        if parsed is None:
            if line.strip():
                self.notes.append(line.strip())
            return
        _, self.percent, self.detail = parsed
        if self.enabled:
            self._show()

    def close(self, state: str) -> None:
        if not self.enabled:
            return
        if state == "done":
            self.percent = 100.0
        self.detail = state if not self.notes else f"{state}: {self.notes[-1]}"
        self._show(final=True)

    def text(self) -> str:
        width = 30
        filled = int(self.percent / 100 * width)
        bar = "=" * filled + (">" if filled < width else "") + " " * max(width - filled - 1, 0)
        return f"{self.label} [{bar}] {self.percent:3.0f}% {self.detail}".rstrip()

    def _show(self, final: bool = False) -> None:
        if self._notebook:
            from IPython.display import HTML, display
            body = HTML(f"<div><progress value='{self.percent:.0f}' max='100' "
                        f"style='width:18em'></progress> <code>{html.escape(self.label)}"
                        f"</code> {self.percent:.0f}% {html.escape(self.detail)}</div>")
            if self._handle is None:
                self._handle = display(body, display_id=True)
            else:
                self._handle.update(body)
        elif self._tty:
            end = "\n" if final else ""
            print(f"\r{self.text()}", end=end, file=sys.stderr, flush=True)
        elif final or self.percent > 0:  # a log: one line per update commsim prints
            print(self.text(), file=sys.stderr, flush=True)
