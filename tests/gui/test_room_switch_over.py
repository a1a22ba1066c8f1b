"""Just after the room opens, zooming in past the point where cabinets open up into single items
draws the cabinets' far pictures for the items not painted yet (never dozens of items live in
one frame); once idle time has painted them, the items show their own pictures again."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from museum.gui.room import cabinet_item, exact_cache, level_cache, scene as scene_module
from museum.gui.room.cabinet_item import FAR_SCALE, THUMB_BUCKET
from museum.gui.room.room_view import RoomView
from museum.gui.room.scene import RoomScene
from tests.gui.room_support import bare_room


def _open_room(qtbot, catalogue) -> tuple[RoomScene, RoomView]:
    scene, view = bare_room(qtbot, catalogue)
    level_cache.clear()  # as if nothing had been painted yet
    exact_cache.clear()
    return scene, view


def _close_up(view: RoomView, scene: RoomScene, zoom: float) -> None:
    view.resetTransform()
    view.scale(zoom, zoom)
    view.centerOn(scene.cabinet_rect(next(iter(scene.cabinets))).center())
    QApplication.processEvents()
    view.viewport().repaint()


def _shown(view: RoomView, scene: RoomScene) -> list:
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return [c for c in scene.cabinets.values() if visible.intersects(c.sceneBoundingRect())]


def test_close_up_before_idle_time_stands_in_with_far_pictures(qtbot, demo_catalogue,
                                                                monkeypatch):
    monkeypatch.setattr(level_cache, "FRAME_BUDGET_MS", 0.0)  # no time to paint any item now
    scene, view = _open_room(qtbot, demo_catalogue)
    _close_up(view, scene, FAR_SCALE * 1.2)
    shown = _shown(view, scene)
    assert shown and any(c.showing_far for c in shown)  # not every item was painted live
    while level_cache.warm_pending():
        level_cache.warm_some()
    view.viewport().repaint()
    assert not any(c.showing_far for c in shown)  # every item now draws its own picture
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    on_screen = [e for e in scene.exhibits.values() if visible.intersects(e.sceneBoundingRect())]
    assert on_screen and all(level_cache.levels(e.sprite_key) for e in on_screen)


def test_opening_the_room_queues_the_pictures_the_first_zoom_in_needs(qtbot, demo_catalogue):
    scene, view = _open_room(qtbot, demo_catalogue)
    scene.warm_on_open(0.2)
    while level_cache.warm_pending():
        level_cache.warm_some()
    _close_up(view, scene, FAR_SCALE * 1.01)
    assert not any(c.showing_far for c in _shown(view, scene))
    assert all(level_cache.levels(e.sprite_key) for e in scene.exhibits.values())


def test_the_room_backdrop_never_takes_a_cabinet_picture_for_its_own(qtbot, demo_catalogue,
                                                                    monkeypatch):
    # The first room opened and its first cabinet used to share the key of their rough picture.
    monkeypatch.setattr(scene_module, "_tile_tokens", itertools.count(1))
    monkeypatch.setattr(cabinet_item, "_tokens", itertools.count(1))
    scene, view = _open_room(qtbot, demo_catalogue)
    view.fit_all()
    view.viewport().repaint()
    QApplication.processEvents()
    for cabinet in scene.cabinets.values():
        rect: QRectF = cabinet.boundingRect()
        thumb = level_cache.cached_picture((cabinet.token, "thumb"), rect, THUMB_BUCKET,
                                           lambda _painter: None)
        assert abs(thumb.width() - rect.width() * THUMB_BUCKET) <= 1
        assert abs(thumb.height() - rect.height() * THUMB_BUCKET) <= 1
