"""The sidebar: the collection, the room or the trash, then facets with counts that narrow the
search.

Items dragged from the grid or the table over the "Room" entry open the room page, so that the
drag can go on to a shelf; dropped on the entry itself they go on display (the window decides
where).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from museum.core.facets import FACETS, FacetValue
from museum.gui.mime import item_ids_from_mime

FACET_TITLES = {"kind": "Kind", "competition": "Competition", "team": "Team", "season": "Season",
                "tag": "Tags", "location": "Location"}
SHOWN_PER_FACET = 12
ROOM_HINT = "The trophy room; drag items here to put them on display"
_ROLE = Qt.ItemDataRole.UserRole


class FacetSidebar(QTreeWidget):
    """Click a value to narrow the items to it; click it again (or the section) to widen again."""

    facets_changed = Signal(dict)
    page_chosen = Signal(str)  # "library", "room" or "trash"
    items_dropped_on_room = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.chosen: dict[str, str] = {}
        self.page = "library"
        self._library = self._top("Collection", ("view", "library"))
        self._room = self._top("Room", ("view", "room"))
        self._trash = self._top("Trash", ("view", "trash"))
        self._room.setToolTip(0, ROOM_HINT)
        self.setAcceptDrops(True)
        self._sections = {facet: self._section(facet) for facet in FACETS}
        self.itemClicked.connect(self._on_item_clicked)
        self._mark_view()

    def _top(self, text: str, key: tuple[str, str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [text, ""])
        item.setData(0, _ROLE, key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _section(self, facet: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [FACET_TITLES[facet].upper(), ""])
        item.setData(0, _ROLE, ("section", facet))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def set_totals(self, *, items: int, trash: int) -> None:
        self._library.setText(1, f"{items:,}")
        self._trash.setText(1, f"{trash:,}" if trash else "")

    def set_room_totals(self, *, on_display: int, in_storage: int) -> None:
        """How many items stand in the room's cabinets (blank when none) and wait in storage."""
        self._room.setText(1, f"{on_display:,}" if on_display else "")
        shown = (f"{_items(on_display)} on display" if on_display
                 else "Nothing on display yet")
        tip = f"{shown}, {in_storage:,} in storage\n{ROOM_HINT}"
        for column in (0, 1):
            self._room.setToolTip(column, tip)

    def set_counts(self, counts: dict[str, list[FacetValue]]) -> None:
        """Show the values of each facet with their counts; chosen values stay shown and marked."""
        for facet, section in self._sections.items():
            section.takeChildren()
            values = counts.get(facet, [])
            shown = values[:SHOWN_PER_FACET]
            chosen = self.chosen.get(facet)
            if chosen and all(value.value != chosen for value in shown):
                shown = [FacetValue(chosen, 0), *shown]
            for value in shown:
                self._add_value(section, facet, value)
            section.setHidden(not shown or self.page != "library")
            section.setExpanded(True)

    def _add_value(self, section: QTreeWidgetItem, facet: str, value: FacetValue) -> None:
        label = value.value.capitalize() if facet == "kind" else value.value
        child = QTreeWidgetItem(section, [label, f"{value.count:,}"])
        child.setData(0, _ROLE, ("value", facet, value.value))
        child.setToolTip(0, value.value)
        child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if self.chosen.get(facet) == value.value:
            font = QFont(self.font())
            font.setBold(True)
            child.setFont(0, font)
            child.setText(0, f"✓ {label}")

    def clear_facets(self) -> None:
        if self.chosen:
            self.chosen = {}
            self.facets_changed.emit({})

    def choose(self, facet: str, value: str | None) -> None:
        """Pick (or with None, drop) the value of one facet, as a click would."""
        if value is None:
            self.chosen.pop(facet, None)
        else:
            self.chosen[facet] = value
        self.facets_changed.emit(dict(self.chosen))

    @property
    def in_trash(self) -> bool:
        return self.page == "trash"

    def show_trash(self, in_trash: bool) -> None:
        self.show_page("trash" if in_trash else "library")

    def show_page(self, page: str) -> None:
        """Mark the page as chosen (as a click would) and announce it if it changed."""
        if page != self.page:
            self.page = page
            self._mark_view()
            self.page_chosen.emit(page)

    def mark_page(self, page: str) -> None:
        """Follow a page the window switched to by other means, without announcing it."""
        self.page = page
        self._mark_view()

    def _mark_view(self) -> None:
        for item, page in ((self._library, "library"), (self._room, "room"),
                           (self._trash, "trash")):
            font = QFont(self.font())
            font.setBold(page == self.page)
            item.setFont(0, font)
        for section in self._sections.values():
            section.setHidden(self.page != "library" or section.childCount() == 0)

    # Items dragged over "Room": open the room so the drag can go on to a shelf.
    def _over_room(self, event: QDragMoveEvent | QDropEvent) -> bool:
        return self.itemAt(event.position().toPoint()) is self._room

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction() if item_ids_from_mime(event.mimeData()) else event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if item_ids_from_mime(event.mimeData()) and self._over_room(event):
            event.acceptProposedAction()
            self.show_page("room")
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = item_ids_from_mime(event.mimeData())
        if ids and self._over_room(event):
            event.acceptProposedAction()
            self.items_dropped_on_room.emit(ids)
        else:
            event.ignore()

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, _ROLE)
        if not key:
            return
        if key[0] == "view":
            self.show_page(key[1])
        elif key[0] == "section":
            if key[1] in self.chosen:
                self.choose(key[1], None)
        elif key[0] == "value":
            _kind, facet, value = key
            self.choose(facet, None if self.chosen.get(facet) == value else value)


def _items(count: int) -> str:
    return f"{count:,} item" if count == 1 else f"{count:,} items"
