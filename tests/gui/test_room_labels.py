"""What the room writes fits where it is written: plaques wrap or shrink before they cut a
title, and the detail card shows every line it holds, beside the item rather than over it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtTest import QTest

from museum.core.items import add_item
from museum.core.room import add_cabinet, place_items
from museum.gui.room.exhibit_item import ExhibitItem
from tests.gui.room_support import shown_room_page

LONG_TITLE = "Champions League Player of the Match award"


def _exhibit_with_title(qtbot, catalogue, title: str) -> tuple[object, ExhibitItem]:
    changes = add_item(catalogue, fields=dict(
        title=title, kind="certificate", date="2024-05-01", competition="Friendly",
        stage="Final", venue="Anfield, Liverpool", team="Liverpool", opponent="Everton",
        score="2–1", achievement="Player of the Match",
        description="Given in the dressing room after the match by the captain, signed by the "
                    "whole squad and the manager, framed by the club and hung in the players' "
                    "lounge for a season before it came home with a letter of thanks."))
    item_id = next(iter(changes.created_ids))
    add_cabinet(catalogue, name="Awards", shelf_count=2, width=3)
    place_items(catalogue, item_ids=[item_id], cabinet="Awards", shelf=1)
    page = shown_room_page(qtbot, catalogue)
    return page, page.scene.exhibits[item_id]


def test_a_long_plaque_title_wraps_or_shrinks_instead_of_being_cut(qtbot, catalogue):
    _page, exhibit = _exhibit_with_title(qtbot, catalogue, LONG_TITLE)
    lines = exhibit.plaque.title
    assert not any("…" in line for line in lines)
    assert " ".join(lines) == LONG_TITLE
    assert len(lines) == 2


def test_a_title_a_smaller_face_can_hold_stays_on_one_line(qtbot, catalogue):
    _page, exhibit = _exhibit_with_title(qtbot, catalogue, "Top scorer trophy replica")
    assert exhibit.plaque.title == ("Top scorer trophy replica",)


def _card_shown_for(qtbot, catalogue, title: str):
    """The page with an exhibit titled `title`, clicked at its centre so its detail card shows."""
    page, exhibit = _exhibit_with_title(qtbot, catalogue, title)
    qtbot.waitUntil(lambda: not page.view.curtain.down, timeout=10_000)
    centre = page.view.mapFromScene(exhibit.mapToScene(exhibit.boundingRect().center()))
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(page.card.isVisible, timeout=3000)
    return page, exhibit


def test_the_detail_card_shows_all_its_text_beside_the_item(qtbot, catalogue):
    page, exhibit = _card_shown_for(qtbot, catalogue, LONG_TITLE)
    label = page.card.text
    assert "Anfield, Liverpool" in label.text()
    assert label.height() >= label.heightForWidth(label.width())  # no line cut off below
    assert page.card.rect().contains(label.geometry())


def test_the_detail_card_stands_beside_the_item_it_describes(qtbot, catalogue):
    page, exhibit = _card_shown_for(qtbot, catalogue, LONG_TITLE)
    # The camera moves on until the item stands at the top right, where the card was.
    page.view.zoom_by(1.6 / page.view.zoom)
    item_centre = page.scene.exhibit_rect(exhibit.item_id).center()
    corner = QPointF(page.view.viewport().width() - 170, 110)
    middle = QPointF(page.view.viewport().rect().center())
    page.view.centerOn(item_centre + (middle - corner) / page.view.zoom)
    item = page.view.mapFromScene(page.scene.exhibit_rect(exhibit.item_id)).boundingRect()
    card = page.card
    top_right = QRect(page.view.width() - card.width() - 16, 16, card.width(), card.height())
    assert item.intersects(top_right)
    qtbot.waitUntil(lambda: not page.card.geometry().intersects(item), timeout=3000)
