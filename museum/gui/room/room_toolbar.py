"""The room page's toolbar: Auto-arrange ▸, Add cabinet, Cabinet ▸ (go to any cabinet by name,
rename, resize, move, remove), the camera, Tour ▸ (the whole room, this cabinet, the pace) and
Poster ▸.

The tour's pace is a setting kept in QSettings, so it is the same in the next session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from museum.core.room_arrange import ARRANGE_RULES
from museum.gui.room import room_questions as questions

if TYPE_CHECKING:
    from museum.gui.room.room_page import RoomPage

PACE_KEY = "room/tour_step_ms"
PACES_MS = (2000, 4000, 7000, 12000)
DEFAULT_PACE_MS = 4000  # about 20 minutes for a room of 300 items


def tour_pace_ms() -> int:
    """How long the tour stays on each item (milliseconds), as last chosen."""
    try:
        value = int(QSettings().value(PACE_KEY, DEFAULT_PACE_MS))
    except (TypeError, ValueError):
        return DEFAULT_PACE_MS
    return value if value in PACES_MS else DEFAULT_PACE_MS


def set_tour_pace_ms(value: int) -> None:
    QSettings().setValue(PACE_KEY, int(value))


def build_toolbar(page: RoomPage) -> QToolBar:
    bar = QToolBar("Room")
    arrange = QMenu("Arrange", page)
    for rule in ARRANGE_RULES:
        arrange.addAction(f"By {rule}", lambda r=rule: questions.ask_arrange(page, r))
    _menu_button(bar, "Auto-arrange", arrange)
    bar.addAction("Add cabinet", lambda: questions.ask_add_cabinet(page))
    _menu_button(bar, "Cabinet", cabinet_menu(page))
    bar.addSeparator()
    bar.addAction("Fit all", page.fit_all)
    bar.addAction("Fit cabinet", page.fit_cabinet)
    bar.addAction("Item of the day", page.show_item_of_the_day)
    bar.addSeparator()
    _menu_button(bar, "Tour", tour_menu(page))
    poster = QMenu("Poster", page)
    poster.addAction("Whole room…", lambda: questions.ask_poster(page, None))
    poster.addAction("This cabinet…", lambda: questions.ask_poster(page, page.current_cabinet))
    _menu_button(bar, "Poster", poster)
    return bar


def cabinet_menu(page: RoomPage) -> QMenu:
    """Go to ▸ (every cabinet by name) · Rename… · Resize… · Move left/right · Remove…"""
    menu = QMenu("Cabinet", page)
    menu.setObjectName("cabinet_toolbar_menu")
    go_to = menu.addMenu("Go to")
    go_to.aboutToShow.connect(lambda: _fill_go_to(page, go_to))
    menu.addSeparator()
    menu.addAction("Rename…", lambda: questions.ask_rename(page))
    menu.addAction("Resize…", lambda: questions.ask_resize(page))
    menu.addAction("Move left", lambda: page.move_current_cabinet(-1))
    menu.addAction("Move right", lambda: page.move_current_cabinet(1))
    menu.addSeparator()
    menu.addAction("Remove…", lambda: questions.ask_remove(page))
    page.cabinet_menu = menu
    return menu


def _fill_go_to(page: RoomPage, menu: QMenu) -> None:
    menu.clear()
    names = list(page.scene.cabinets)
    for name in names:
        action = menu.addAction(name, lambda n=name: page.go_to_cabinet(n))
        action.setCheckable(True)
        action.setChecked(name == page.current_cabinet)
    if not names:
        menu.addAction("No cabinets yet").setEnabled(False)


def tour_menu(page: RoomPage) -> QMenu:
    """The whole room · This cabinet · Time on each item ▸ (a setting)."""
    menu = QMenu("Tour", page)
    menu.setObjectName("tour_menu")
    menu.addAction("Whole room", lambda: page.start_tour())
    menu.addAction("Tour this cabinet", lambda: page.start_tour(cabinet=page.current_cabinet))
    pace = menu.addMenu("Time on each item")
    group = QActionGroup(pace)
    chosen = tour_pace_ms()
    for value in PACES_MS:
        action = pace.addAction(f"{value // 1000} seconds",
                                lambda v=value: page.set_tour_pace(v))
        action.setCheckable(True)
        action.setChecked(value == chosen)
        group.addAction(action)
    page.tour_menu = menu
    return menu


def _menu_button(bar: QToolBar, text: str, menu: QMenu) -> None:
    button = QToolButton()
    button.setText(text)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    bar.addWidget(button)
