"""A poster is painted exactly, now, whatever the view on screen has cached: never the rough
stand-ins a moving camera draws while pictures wait for idle time."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from museum.gui.room import exact_cache, level_cache
from museum.gui.room.cabinet_item import FAR_SCALE
from museum.gui.room.exhibit_item import ExhibitItem
from museum.gui.room.poster import poster_source, render_scene
from museum.gui.room.room_view import RoomView
from museum.gui.room.scene import RoomScene
from tests.gui.room_support import bare_room

CABINET = "FIFA World Cup"


def _look_around(view: RoomView, scene: RoomScene) -> None:
    """What a visitor's camera leaves in the caches: far pictures, stand-ins, near levels."""
    centre = scene.cabinet_rect(CABINET).center()
    for zoom in (0.08, 0.3, FAR_SCALE * 1.1, 1.4):
        view.resetTransform()
        view.scale(zoom, zoom)
        view.centerOn(centre)
        QApplication.processEvents()
        view.viewport().repaint()


def _sharp_edges(image, rect: QRectF) -> float:
    """Per pixel of a plaque, how many steps to the next pixel jump in lightness by more
    than 60: crisply engraved letters make many, a blurred or blank plaque almost none."""
    edges = total = 0
    for y in range(round(rect.top()) + 2, round(rect.bottom()) - 2):
        row = [image.pixelColor(x, y).lightness()
               for x in range(round(rect.left()) + 2, round(rect.right()) - 2)]
        total += len(row)
        edges += sum(abs(a - b) > 60 for a, b in zip(row, row[1:]))
    return edges / max(1, total)


def test_a_poster_is_the_same_whatever_the_screen_has_cached(qtbot, demo_catalogue):
    scene, view = bare_room(qtbot, demo_catalogue)
    source = poster_source(scene, CABINET)
    level_cache.clear()
    exact_cache.clear()
    cold = render_scene(scene, source, 1800)
    _look_around(view, scene)
    assert level_cache.levels((scene.cabinets[CABINET].token, "thumb"))  # stand-ins cached
    after_visit = render_scene(scene, source, 1800)
    assert cold == after_visit


def test_every_plaque_on_a_cabinet_poster_is_engraved(qtbot, demo_catalogue):
    scene, view = bare_room(qtbot, demo_catalogue)
    _look_around(view, scene)
    source = poster_source(scene, CABINET)
    width = 1800
    image = render_scene(scene, source, width)
    scale = width / source.width()
    exhibits = [child for child in scene.cabinets[CABINET].childItems()
                if isinstance(child, ExhibitItem)]
    assert len(exhibits) >= 3
    for exhibit in exhibits:
        plaque = exhibit.mapRectToScene(exhibit.plaque_rect).translated(-source.topLeft())
        on_poster = QRectF(plaque.left() * scale, plaque.top() * scale,
                           plaque.width() * scale, plaque.height() * scale)
        assert _sharp_edges(image, on_poster) > 0.015, exhibit.record.title
