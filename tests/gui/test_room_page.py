from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from museum.core import items, room
from museum.core.catalogue import Catalogue
from museum.core.room_arrange import ARRANGE_RULES
from museum.gui.mime import ITEM_IDS_MIME, item_ids_from_mime, item_ids_mime
from museum.gui.room.room_page import RoomPage
from tests.gui.room_support import shown_room_page


def _page(qtbot, catalogue: Catalogue) -> RoomPage:
    return shown_room_page(qtbot, catalogue)


def _drop(target: QWidget, point: QPoint, ids: list[int]) -> bool:
    """A real drag arriving over `target` at `point` and dropped there; True if accepted."""
    mime = item_ids_mime(ids)
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(point, actions, mime, buttons, keys))
    move = QDragMoveEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(point), actions, mime, buttons, keys)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def _shelf_point(page: RoomPage, cabinet: str, shelf: int, slot: int) -> QPoint:
    item = page.scene.cabinets[cabinet]
    rect = item.geometry.slot_rect(shelf, slot)
    return page.view.mapFromScene(item.mapToScene(rect.center()))


@pytest.fixture
def small_room(catalogue):
    ids = [items.add_item(catalogue, fields={"kind": kind, "title": f"{kind} {n}",
                                             "competition": "FA Cup", "date": f"201{n}"}
                          ).created_ids[0]
           for n, kind in enumerate(("trophy", "medal", "shirt", "ball"))]
    room.add_cabinet(catalogue, name="Cup run", shelf_count=3, width=4)
    return catalogue, ids


def test_dragging_from_storage_onto_a_shelf_and_back(qtbot, small_room):
    catalogue, ids = small_room
    page = _page(qtbot, catalogue)
    page.view.show_rect(page.scene.cabinet_rect("Cup run"))
    assert sorted(page.drawer.shown_ids()) == sorted(ids)
    assert _drop(page.view.viewport(), _shelf_point(page, "Cup run", 2, 0), [ids[0]])
    assert room.room_layout(catalogue).where(ids[0]) == ("Cup run", 2, 0)
    assert ids[0] in page.scene.exhibits and ids[0] not in page.drawer.shown_ids()
    assert _drop(page.drawer.list.viewport(), QPoint(20, 20), [ids[0]])
    assert room.room_layout(catalogue).where(ids[0]) is None
    assert ids[0] in page.drawer.shown_ids() and ids[0] not in page.scene.exhibits


def test_dragging_between_shelves_and_onto_the_wall(qtbot, small_room):
    catalogue, ids = small_room
    room.place_items(catalogue, item_ids=ids[:2], cabinet="Cup run", shelf=1)
    page = _page(qtbot, catalogue)
    page.view.show_rect(page.scene.cabinet_rect("Cup run"))
    assert _drop(page.view.viewport(), _shelf_point(page, "Cup run", 3, 0), [ids[1]])
    assert room.room_layout(catalogue).cabinet("Cup run").shelves == ((ids[0],), (), (ids[1],))
    wall = page.view.mapFromScene(page.scene.cabinet_rect("Cup run").topLeft() - QPointF(5, 5))
    assert not _drop(page.view.viewport(), wall, [ids[2]])
    assert room.room_layout(catalogue).where(ids[2]) is None


def test_a_drop_the_cabinet_cannot_take_says_why_and_changes_nothing(qtbot, catalogue):
    ids = [items.add_item(catalogue, fields={"kind": "medal", "title": f"M{n}"}).created_ids[0]
           for n in range(3)]
    room.add_cabinet(catalogue, name="Tiny", shelf_count=1, width=2)
    room.place_items(catalogue, item_ids=ids[:2], cabinet="Tiny", shelf=1)
    page = _page(qtbot, catalogue)
    page.view.show_rect(page.scene.cabinet_rect("Tiny"))
    _drop(page.view.viewport(), _shelf_point(page, "Tiny", 1, 0), [ids[2]])

    def cancel() -> None:  # the question offering a new cabinet: no, thank you
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, cancel)
            return
        box.button(QMessageBox.StandardButton.Cancel).click()
    QTimer.singleShot(0, cancel)
    qtbot.waitUntil(lambda: "no room" in page.last_message)
    assert room.room_layout(catalogue).storage == (ids[2],)


def test_the_layout_survives_closing_and_reopening(qtbot, tmp_path, small_room):
    catalogue, ids = small_room
    page = _page(qtbot, catalogue)
    page.place_items([ids[2], ids[3]], "Cup run", 1, 0)
    page.close()
    path = catalogue.root
    catalogue.close()
    with Catalogue.open(path) as reopened:
        again = _page(qtbot, reopened)
        assert [exhibit for exhibit in again.scene.exhibits] == [ids[2], ids[3]]
        assert again.scene.exhibits[ids[2]].parentItem().name == "Cup run"
        again.close()


def test_removing_a_cabinet_returns_its_items_to_the_drawer(qtbot, small_room):
    catalogue, ids = small_room
    room.place_items(catalogue, item_ids=ids, cabinet="Cup run", shelf=1)
    page = _page(qtbot, catalogue)
    assert page.drawer.shown_ids() == []
    page.current_cabinet = "Cup run"
    assert page.remove_cabinet()
    assert sorted(page.drawer.shown_ids()) == sorted(ids)
    assert page.scene.cabinets == {}


def test_cabinets_are_added_renamed_resized_and_moved_from_the_page(qtbot, small_room):
    catalogue, ids = small_room
    page = _page(qtbot, catalogue)
    assert page.add_cabinet("Medals", shelves=2, width=3)
    assert page.current_cabinet == "Medals"
    assert page.rename_cabinet("Gold")
    assert page.resize_cabinet(4, 2)
    assert page.move_current_cabinet(-1)
    cabinets = room.room_layout(catalogue).cabinets
    assert [(c.name, c.shelf_count, c.width) for c in cabinets] == [("Gold", 4, 2),
                                                                      ("Cup run", 3, 4)]
    assert not page.add_cabinet("gold")
    assert "already" in page.last_message


@pytest.mark.parametrize("rule", ARRANGE_RULES)
def test_auto_arrange_fills_the_room(qtbot, demo_catalogue, rule):
    page = _page(qtbot, demo_catalogue)
    changes = []
    page.changes_made.connect(changes.append)
    with qtbot.waitSignal(page.arranged, timeout=20000) as done:
        assert page.arrange(rule)
        assert page.busy and not page.toolbar.isEnabled()
        assert not page.add_cabinet("Meanwhile")  # no other write while it runs
    assert done.args == [True] and not page.busy and page.toolbar.isEnabled()
    assert changes and changes[0].room
    assert len(page.scene.exhibits) == items.count_items(demo_catalogue)
    assert page.drawer.shown_ids() == []
    assert page.view.curtain.down  # the new room shows once its pictures are painted
    with qtbot.waitSignal(page.view.curtain.lifted, timeout=10_000):
        pass


def test_click_spotlights_and_double_click_opens(qtbot, demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    item_id = next(iter(page.scene.exhibits))
    page.view.show_rect(page.scene.exhibit_rect(item_id))
    exhibit = page.scene.exhibits[item_id]
    point = page.view.mapFromScene(exhibit.mapToScene(exhibit.box.center()))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.spotlit == item_id and exhibit.spotlit
    assert page.card.isVisible() and exhibit.record.title in page.card.text.text()
    with qtbot.waitSignal(page.item_opened) as opened:
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.args == [item_id]


def test_the_room_opens_on_the_item_of_the_day(qtbot, demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    qtbot.waitUntil(lambda: page.spotlit is not None)
    from museum.core.room_arrange import item_of_the_day

    assert page.spotlit == item_of_the_day(demo_catalogue, day=dt.date(2025, 6, 1))


def test_zoom_has_limits_and_fit_all_shows_the_whole_room(qtbot, demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    page.view.fit_all()
    visible = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    assert visible.contains(page.scene.room_rect().adjusted(5, 5, -5, -5))
    for _ in range(40):
        page.view.zoom_by(1.5)
    assert page.view.zoom == pytest.approx(5.0)
    for _ in range(60):
        page.view.zoom_by(0.5)
    assert page.view.zoom == pytest.approx(page.view.min_scale())


def test_tour_advances_with_keys_and_the_timer_and_leaves_on_escape(qtbot, demo_catalogue):
    page = _page(qtbot, demo_catalogue)
    tour = page.start_tour(full_screen=False)
    qtbot.addWidget(tour)
    qtbot.waitExposed(tour)
    first = tour.current_id
    qtbot.keyClick(tour, Qt.Key.Key_Right)
    assert tour.current_id != first
    qtbot.keyClick(tour, Qt.Key.Key_Left)
    assert tour.current_id == first
    assert tour.scene.exhibits[first].record.title in tour.caption.text()
    tour.timer.setInterval(30)
    tour.timer.start()
    qtbot.waitUntil(lambda: tour.current_id != first, timeout=2000)
    with qtbot.waitSignal(tour.finished):
        qtbot.keyClick(tour, Qt.Key.Key_Escape)
    assert not tour.isVisible() and page.tour is None


@pytest.mark.parametrize("cabinet", [None, "FIFA World Cup"])
def test_poster_export_writes_a_png_of_the_asked_width(qtbot, tmp_path, demo_catalogue, cabinet):
    page = _page(qtbot, demo_catalogue)
    out = tmp_path / "poster.png"
    export = page.export_poster(out, cabinet=cabinet, width=4000)
    assert export is not None
    with qtbot.waitSignal(export.finished, timeout=60_000) as ended:
        pass
    assert ended.args[0] is True and page.last_message == f"Saved the poster as {out}."
    image = QImage(str(out))
    assert image.width() == 4000 and image.height() > 300
    colours = {image.pixel(x, y) for x in range(0, 4000, 50)
               for y in range(0, image.height(), image.height() // 20)}
    assert len(colours) > 200  # a picture, not an empty canvas


def test_item_ids_travel_in_the_shared_mime_type():
    mime = item_ids_mime([3, 5, 3])
    assert mime.hasFormat(ITEM_IDS_MIME)
    assert item_ids_from_mime(mime) == [3, 5]
