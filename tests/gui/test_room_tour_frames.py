"""The tour shares the room's scene with the page's own view, at another zoom: once its camera
stops, nothing keeps repainting, so keys are answered at once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton, QWidget

from museum.gui.room import exact_cache, level_cache
from museum.gui.room.cabinet_item import FAR_SCALE
from museum.gui.room.room_page import RoomPage
from tests.gui.real_input import choose_from_button
from tests.gui.room_support import shown_room_page


class _PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _quiet(page: RoomPage) -> bool:
    tour = page.tour
    return not (page.view.animating or page.photos.busy or level_cache.warm_pending() or
                exact_cache.pending() or (tour is not None and tour.view.animating))


def _tour_from_the_menu(qtbot, page: RoomPage):
    """Tour ▸ Whole room, clicked: the tour opens full screen, a size other than the room's."""
    button = next(b for b in page.toolbar.findChildren(QToolButton) if b.text() == "Tour")
    choose_from_button(qtbot, button, "Whole room")
    tour = page.tour
    assert tour is not None
    qtbot.addWidget(tour)
    assert tour.size() != page.view.size()
    return tour


def test_the_tour_and_the_room_behind_it_stop_repainting_once_the_camera_stops(qtbot,
                                                                              demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue)
    qtbot.waitUntil(lambda: page.view.curtain.opacity == 0.0 and _quiet(page), timeout=15_000)
    page.card.hide()  # the room has faded in and walked to today's item
    page.view.fit_all()  # the room's view sees every cabinet from afar...
    page.view.zoom_by(0.9)
    qtbot.waitUntil(lambda: _quiet(page), timeout=15_000)
    tour = _tour_from_the_menu(qtbot, page)  # ...the tour's sees one shelf close up
    qtbot.waitExposed(tour)
    qtbot.keyClick(tour, Qt.Key.Key_Right)  # a step by hand, framed for the tour's new size
    qtbot.waitUntil(lambda: _quiet(page), timeout=15_000)
    qtbot.wait(400)  # the frames of the camera stopping, smooth and exact
    behind, touring = _PaintCounter(page.view.viewport()), _PaintCounter(tour.view.viewport())
    qtbot.wait(600)
    assert page.view.zoom < FAR_SCALE < tour.view.zoom
    assert (behind.count, touring.count) == (0, 0)
    with qtbot.waitSignal(tour.finished, timeout=1000):
        qtbot.keyClick(tour, Qt.Key.Key_Escape)
    assert not tour.isVisible() and page.tour is None


def test_fit_all_asked_for_while_the_room_opens_is_where_it_ends(qtbot, demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue)
    assert page.view.curtain.down  # still opening: its first view is being painted
    button = page.toolbar.widgetForAction(
        next(a for a in page.toolbar.actions() if a.text() == "Fit all"))
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.view.curtain.down and _quiet(page), timeout=15_000)
    qtbot.wait(300)
    assert not page.view.animating
    shown = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    assert shown.contains(page.scene.sceneRect().adjusted(2, 2, -2, -2))


def test_the_cabinet_of_the_lit_item_is_sharp_once_the_tour_stops(qtbot, demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue)
    qtbot.waitUntil(lambda: page.view.curtain.opacity == 0.0 and _quiet(page), timeout=15_000)
    tour = _tour_from_the_menu(qtbot, page)
    qtbot.waitExposed(tour)
    level_cache.clear()  # as in a room of a thousand items, where few pictures are cached
    qtbot.keyClick(tour, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: _quiet(page), timeout=15_000)
    qtbot.wait(300)
    cabinet = page.scene.exhibits[tour.current_id].parentItem()
    assert tour.view.zoom > FAR_SCALE
    assert not cabinet.showing_far  # its own picture, not the blurred far one standing in
