from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from museum.gui.none_refcount import make_none_immortal


def test_many_void_binding_calls_no_longer_exhaust_none(qtbot):
    make_none_immortal()
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(20000):  # without the guard, PySide6 6.12 on 3.11 aborts well before this
        label.setText("x")
    assert sys.getrefcount(None) > 10**9 or sys.version_info >= (3, 12)
