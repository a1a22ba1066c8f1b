"""Keep Python's cycle collector out of the way of scrolling.

A full collection walks every object the process holds: after start-up that is all of Qt's
wrappers, SQLAlchemy's tables and the modules, and it took 50-70 ms here — a visible stall when
it landed while scrolling. Once the window stands, those objects live as long as the app, so
they are moved out of the collector's sight (gc.freeze); later full collections walk only what
was made since.
"""

from __future__ import annotations

import gc

SETTLE_DELAY_MS = 1500  # after the first paint and the first page of thumbnails
_frozen = False


def freeze_start_up_objects() -> None:
    """Once per process: collect, then exempt everything alive now from later collections."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
