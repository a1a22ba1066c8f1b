"""A large catalogue: the window is on screen before its first query, and End in the grid goes
to the very last card even while the grid is still laying its cards out in batches."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool
from PySide6.QtTest import QTest

from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo


@pytest.fixture(scope="module")
def _large_template(tmp_path_factory) -> Catalogue:
    folder = tmp_path_factory.mktemp("large") / "catalogue"
    with Catalogue.open(folder, create=True) as catalogue:
        fill_demo(catalogue, items=3000, photos=False)  # six batches of the grid's layout
    return folder


def _window(qtbot, folder, *, paint_first: bool):
    from museum.gui.app import create_application
    from museum.gui.main_window import MainWindow

    create_application([])
    window = MainWindow(Catalogue.open(folder, create=True), paint_first=paint_first)
    window.auto_backup = False
    window.resize(1280, 800)
    return window


def _close(window) -> None:
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    window.deleteLater()


def test_end_in_the_grid_reaches_the_last_card_at_once(qtbot, _large_template) -> None:
    window = _window(qtbot, _large_template, paint_first=False)
    try:
        window.show()
        qtbot.waitExposed(window)
        grid = window.library.grid
        grid.setFocus()
        QTest.keyClick(grid, Qt.Key.Key_End)  # before the batched layout could finish
        last = window.library.model.rowCount() - 1
        assert last > 2500
        assert grid.currentIndex().row() == last
        assert grid.viewport().rect().intersects(grid.visualRect(grid.currentIndex()))
    finally:
        _close(window)


def test_end_lays_the_cards_out_without_calling_python_per_card(qtbot, _large_template) -> None:
    # Laying out the cards asks the model for every row's index; answered in Python, that is
    # ~2 µs a card (half a second at 100,000, more while a worker holds the GIL).
    window = _window(qtbot, _large_template, paint_first=False)
    index_calls = []

    def count_index_calls(frame, event, _arg) -> None:
        if event == "call" and frame.f_code.co_name == "index":
            index_calls.append(frame.f_code.co_filename)

    try:
        window.show()
        qtbot.waitExposed(window)
        grid = window.library.grid
        grid.setFocus()
        sys.setprofile(count_index_calls)
        try:
            QTest.keyClick(grid, Qt.Key.Key_End)  # before the batched layout could finish
        finally:
            sys.setprofile(None)
        assert grid.currentIndex().row() == window.library.model.rowCount() - 1 > 2500
        assert len(index_calls) < 100, f"{len(index_calls)} Python index() calls"
    finally:
        _close(window)


def test_the_window_paints_before_the_first_query(qtbot, _large_template) -> None:
    window = _window(qtbot, _large_template, paint_first=True)
    rows_at_first_paint = []

    class FirstPaint(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not rows_at_first_paint:
                rows_at_first_paint.append(window.library.model.rowCount())
            return False

    spy = FirstPaint()
    window.library.grid.viewport().installEventFilter(spy)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.library.model.rowCount() > 2500, timeout=10_000)
        assert rows_at_first_paint == [0]  # the shell was on screen before the query ran
        assert "3,007 items" in window.status.counts.text()
    finally:
        _close(window)
