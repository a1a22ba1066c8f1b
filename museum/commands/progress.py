"""Progress of long commands on stderr (stdout stays the result, for scripts to read).

On a terminal one line is rewritten in place; otherwise a line is printed every tenth of the
way, so that logs show it moving without being flooded.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressLine:
    """A callable `progress(done, total)` printing 'LABEL: done of total files (NN%)'."""

    def __init__(self, label: str, *, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self._shown_tenth = -1
        self._shown_at = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        percent = done * 100 // total
        text = f"{self.label}: {done:,} of {total:,} files ({percent}%)"
        if self.live:
            now = time.monotonic()
            if done == total or now - self._shown_at >= 0.1:
                self._shown_at = now
                end = "\n" if done == total else ""
                print(f"\r{text}", end=end, file=self.stream, flush=True)
            return
        tenth = percent // 10
        if tenth != self._shown_tenth:
            self._shown_tenth = tenth
            print(text, file=self.stream, flush=True)
