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


M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
LARGE_BLOCK = 64 * 1024


def return_freed_pictures_to_the_system() -> None:
    """Ask glibc to hand large blocks (pictures, tiles) back to the system when they are freed.

    By default glibc raises its mmap threshold each time a large block is freed, up to 32 MB:
    soon every 256-KB tile the room caches and drops lands on the heap, which fragments and
    never shrinks — RSS stayed at 0.8-0.9 GB with 350 MB of pictures alive. A fixed threshold
    keeps them mmapped (freed at once), and two arenas stop Qt's painting threads from each
    growing a heap of their own. Elsewhere than glibc this does nothing.
    """
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)
        libc.mallopt(M_TRIM_THRESHOLD, 4 * LARGE_BLOCK)
        libc.mallopt(M_ARENA_MAX, 2)
    except (OSError, AttributeError):
        pass
