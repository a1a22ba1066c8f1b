"""Finding one's way in the room: a cabinet by name from the Cabinet menu, a double-click that
frames a cabinet, and a tour of one cabinet at a pace that is kept as a setting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolButton

from museum.gui.room.room_page import RoomPage
from museum.gui.room.cabinet_item import FAR_SCALE
from museum.gui.room.room_view import FIT_MARGIN
from tests.gui.real_input import choose_from_button, double_click
from tests.gui.room_support import medal_cabinets, shown_room_page


@pytest.fixture
def three_cabinets(catalogue):
    ids = medal_cabinets(catalogue, ("Cups", "Leagues", "Friendlies"), placed=3)
    return catalogue, ids


def _page(qtbot, catalogue) -> RoomPage:
    page = shown_room_page(qtbot, catalogue)
    curtain = page.view.curtain  # wait for the room to fade in and walk to today's item
    qtbot.waitUntil(lambda: not curtain.down and curtain.opacity == 0.0 and
                    not page.view.animating, timeout=10_000)
    page.card.hide()
    return page


def _button(page: RoomPage, text: str) -> QToolButton:
    return next(b for b in page.toolbar.findChildren(QToolButton) if b.text() == text)


def _frames(page: RoomPage, name: str) -> bool:
    """Whether the view shows cabinet `name` as Fit cabinet does: whole, and filling it."""
    rect = page.scene.cabinet_rect(name)
    viewport = page.view.viewport()
    scale = FIT_MARGIN * min(viewport.width() / rect.width(), viewport.height() / rect.height())
    seen = page.view.mapToScene(viewport.rect()).boundingRect()
    return abs(page.view.zoom - scale) < 1e-3 and seen.contains(rect.center()) and \
        abs(seen.center().x() - rect.center().x()) < 2


def test_double_clicking_a_cabinet_frames_it(qtbot, three_cabinets):
    catalogue, _ids = three_cabinets
    page = _page(qtbot, catalogue)
    page.view.fit_all()
    assert not _frames(page, "Friendlies")
    cabinet = page.scene.cabinets["Friendlies"]
    empty_shelf = cabinet.geometry.slot_rect(2, 1).center()  # the velvet, not an item
    double_click(page.view.viewport(), page.view.mapFromScene(cabinet.mapToScene(empty_shelf)))
    assert page.current_cabinet == "Friendlies"
    qtbot.waitUntil(lambda: not page.view.animating)
    assert _frames(page, "Friendlies")


def test_the_cabinet_menu_lists_the_cabinets_and_goes_to_one(qtbot, three_cabinets):
    catalogue, _ids = three_cabinets
    page = _page(qtbot, catalogue)
    page.view.fit_all()
    choose_from_button(qtbot, _button(page, "Cabinet"), "Go to", "Leagues")
    go_to = page.cabinet_menu.actions()[0].menu()
    assert [a.text() for a in go_to.actions()] == ["Cups", "Leagues", "Friendlies"]
    assert page.current_cabinet == "Leagues"
    qtbot.waitUntil(lambda: not page.view.animating)
    assert _frames(page, "Leagues")


def test_the_tour_pace_is_a_setting_and_a_tour_can_walk_one_cabinet(qtbot, three_cabinets):
    catalogue, ids = three_cabinets
    QSettings().setValue("room/tour_step_ms", 7000)  # an earlier choice
    page = _page(qtbot, catalogue)
    choose_from_button(qtbot, _button(page, "Tour"), "Time on each item", "2 seconds")
    assert int(QSettings().value("room/tour_step_ms")) == 2000
    page.close()

    again = _page(qtbot, catalogue)  # the next session keeps the pace
    again.view.fit_all()
    double_click(again.view.viewport(), again.view.mapFromScene(
        again.scene.cabinets["Leagues"].mapToScene(
            again.scene.cabinets["Leagues"].geometry.slot_rect(2, 2).center())))
    assert again.current_cabinet == "Leagues"
    choose_from_button(qtbot, _button(again, "Tour"), "Tour this cabinet")
    tour = again.tour
    assert tour is not None and tour.timer.interval() == 2000
    assert tour.item_ids == ids[3:6] and tour.current_id == ids[3]
    qtbot.keyClick(tour, Qt.Key.Key_Right)
    assert tour.current_id == ids[4]
    qtbot.keyClick(tour, Qt.Key.Key_Escape)
    assert again.tour is None
    QSettings().remove("room/tour_step_ms")  # the settings outlive the test in this process


def test_double_clicking_an_item_seen_from_afar_frames_its_cabinet(qtbot, three_cabinets):
    # At Fit all the items cover most of a cabinet: a double-click there meant the cabinet,
    # but it opened the item (the editor, out of the room).
    catalogue, ids = three_cabinets
    page = _page(qtbot, catalogue)
    page.resize(600, 400)  # small enough for the whole room to be seen from afar
    page.view.fit_all()
    assert page.view.zoom < FAR_SCALE
    opened: list[int] = []
    page.item_opened.connect(opened.append)
    exhibit = page.scene.exhibits[ids[7]]
    centre = exhibit.mapToScene(exhibit.boundingRect().center())
    double_click(page.view.viewport(), page.view.mapFromScene(centre))
    qtbot.waitUntil(lambda: not page.view.animating)
    assert opened == []
    assert page.current_cabinet == "Friendlies"
    assert _frames(page, "Friendlies")
