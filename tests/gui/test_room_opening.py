"""The room opens behind a curtain until the pictures of its first view are painted (so no frame
paints them all at once); a frame short of time draws flat colours rather than paint; idle
work repaints only what it changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from museum.gui.room import exact_cache, level_cache
from museum.gui.room.backdrop import DARK
from museum.gui.room.room_page import RoomPage
from museum.gui.room.room_view import RoomView
from museum.gui.room.scene import RoomScene
from tests.gui.room_support import bare_room, shown_room_page


class PaintSpy(QObject):
    """Records the area of every paint event a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())
        return False


def _mean_colour(image) -> QColor:
    red = green = blue = count = 0
    for y in range(0, image.height(), 9):
        for x in range(0, image.width(), 9):
            colour = image.pixelColor(x, y)
            red, green, blue, count = red + colour.red(), green + colour.green(), \
                blue + colour.blue(), count + 1
    return QColor(red // count, green // count, blue // count)


def _cold_page(qtbot, catalogue) -> RoomPage:
    level_cache.clear()
    exact_cache.clear()
    return shown_room_page(qtbot, catalogue, width=1100, height=700)


def test_the_room_opens_dark_and_fades_in_once_its_first_view_is_painted(qtbot,
                                                                       demo_catalogue):
    page = _cold_page(qtbot, demo_catalogue)
    curtain = page.view.curtain
    assert curtain.down
    page.view.viewport().repaint()
    closed = _mean_colour(page.view.viewport().grab().toImage())
    assert abs(closed.red() - DARK.red()) < 12 and abs(closed.green() - DARK.green()) < 12
    assert curtain.needs  # the curtain's frame found pictures to paint, and painted none
    assert not level_cache.all_cached(curtain.needs)
    with qtbot.waitSignal(curtain.lifted, timeout=10_000):
        pass
    assert level_cache.all_cached(curtain.needs)
    assert page.spotlit is not None or page.view.animating  # then on to today's item
    # The first view the visitor sees needed nothing painted during its frame.
    page.view.fit_all()
    with level_cache.recording_needs() as needs:
        page.view.viewport().repaint()
    opened = _mean_colour(page.view.viewport().grab().toImage())
    assert opened.red() > closed.red() + 15  # the lit room, not the dark
    assert len(needs) < len(curtain.needs) / 4  # at most a few near zoom levels, not the view


def _view(qtbot, catalogue) -> tuple[RoomScene, RoomView]:
    scene, view = bare_room(qtbot, catalogue)
    view.fit_all()
    return scene, view


def test_a_frame_with_no_time_left_draws_flat_colours_and_paints_later(qtbot, demo_catalogue,
                                                                     monkeypatch):
    scene, view = _view(qtbot, demo_catalogue)
    level_cache.clear()
    monkeypatch.setattr(level_cache, "FRAME_BUDGET_MS", 0.0)
    view.viewport().repaint()
    thumbs = [(cabinet.token, "thumb") for cabinet in scene.cabinets.values()]
    assert not any(level_cache.levels(thumb) for thumb in thumbs)  # none painted in the frame
    flat = view.viewport().grab().toImage()
    assert level_cache.warm_pending()  # but every one of them is queued
    while level_cache.warm_pending():
        level_cache.warm_some()
    assert all(level_cache.levels(thumb) for thumb in thumbs)
    view.viewport().repaint()
    painted = view.viewport().grab().toImage()
    assert painted != flat


def test_exact_copies_repaint_the_view_once_when_the_last_is_made(qtbot, demo_catalogue):
    _scene, view = _view(qtbot, demo_catalogue)
    view.settle_ms = 0  # every frame is one at rest
    view.viewport().repaint()
    while level_cache.warm_pending():
        level_cache.warm_some()
    exact_cache.clear()
    spy = PaintSpy()
    view.viewport().installEventFilter(spy)
    view.viewport().repaint()
    QApplication.sendPostedEvents()
    assert exact_cache.pending() > 1
    spy.regions.clear()
    ticks = 0
    while exact_cache.pending():
        exact_cache.scale_some(budget_ms=0.0)  # one copy a tick
        ticks += 1
        for _ in range(3):
            QApplication.sendPostedEvents()
        if exact_cache.pending():
            assert spy.regions == []  # nothing repainted while copies are still to come
    assert ticks > 1 and len(spy.regions) == 1


def test_a_backdrop_tile_painted_in_idle_time_repaints_only_its_own_area(qtbot,
                                                                      demo_catalogue):
    _scene, view = _view(qtbot, demo_catalogue)
    view.viewport().repaint()
    while level_cache.warm_pending():
        level_cache.warm_some()
    view.zoom_by(2.5)
    view.viewport().repaint()  # stand-ins for the tiles of this zoom level, queued
    QApplication.sendPostedEvents()
    spy = PaintSpy()
    view.viewport().installEventFilter(spy)
    whole = view.viewport().rect()
    for _ in range(200):
        if not level_cache.warm_pending():
            break
        level_cache.warm_some(budget_ms=0.0)  # one picture a tick
        for _ in range(3):
            QApplication.sendPostedEvents()
    areas = [region.width() * region.height() for region in spy.regions]
    assert len(areas) > 5 and max(areas) < whole.width() * whole.height() / 2
