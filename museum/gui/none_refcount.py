"""A guard against a PySide6 6.12 bug on Python 3.11: every call of a binding that returns
nothing (QPainter.drawPath, QLabel.setText, QWidget.update…) drops one reference to None
without having taken it. After some thousands of paints None's count reaches zero and the
interpreter aborts ("none_dealloc: deallocating None"). Python 3.12+ makes None immortal, so
there the bug is harmless; on 3.11 we give None a count no session can exhaust.
"""

from __future__ import annotations

import ctypes
import sys

_PLENTY = 1 << 60


def make_none_immortal() -> None:
    """On Python < 3.12 raise None's reference count far beyond anything a session can drop."""
    if sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every CPython object, at the object's address.
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _PLENTY // 2:
        count.value += _PLENTY
