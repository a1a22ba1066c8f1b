"""Originals an import has put in the store but not yet recorded, which no clean-up may remove.

An import stores a file first and commits its record a moment later; removing "unreferenced"
files in between would leave a record without its file. Imports register each file here before
it enters the store and forget it once its record is committed; clean-ups hold the guard while
they decide and delete. Other processes cannot write at the same time (the writer lock).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager


class PendingOriginals:
    """A thread-safe multiset of SHA-256s being imported in this process."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._counts: Counter[str] = Counter()

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Hold while deciding which files are unreferenced and removing them."""
        with self._lock:
            yield

    def add(self, sha256: str) -> None:
        with self._lock:
            self._counts[sha256] += 1

    def discard(self, sha256: str) -> None:
        with self._lock:
            self._counts[sha256] -= 1
            if self._counts[sha256] <= 0:
                del self._counts[sha256]

    def __contains__(self, sha256: object) -> bool:
        with self._lock:
            return sha256 in self._counts
