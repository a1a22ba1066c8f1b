"""The trash: items deleted from the collection, to restore or to delete for good."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from museum.core import items
from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import MuseumError
from museum.gui.dialogs import Dialogs
from museum.gui.item_model import IdRole, ItemModel
from museum.gui.table_view import TableView

TRASH_COLUMNS = ("title", "kind", "date", "competition", "team", "deleted_at")


class TrashView(QWidget):
    """A table of trashed items with Restore, Delete for good and Empty trash."""

    changed = Signal(object)  # Changes
    reported = Signal(str)  # a sentence saying what the last action did

    def __init__(self, catalogue: Catalogue, dialogs: Dialogs, parent=None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("trash")
        self.catalogue = catalogue
        self.dialogs = dialogs
        self.model = ItemModel(catalogue, trash=True, parent=self)
        self.table = TableView()
        self.table.setModel(self.model)
        if load:  # else the window asks once it has painted (MainWindow's paint_first)
            self.model.refresh()
        self.table.set_visible_columns(TRASH_COLUMNS)
        self.table.setAcceptDrops(False)
        self.table.setDragEnabled(False)  # trashed items cannot go on display
        self.restore_button = QPushButton("Restore")
        self.purge_button = QPushButton("Delete for good…")
        self.empty_button = QPushButton("Empty trash…")
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty)
        note = QLabel("Items in the trash keep their photos and details "
                      "until you delete them for good.",
                      objectName="hint", wordWrap=True)
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        for button in (self.restore_button, self.purge_button, self.empty_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.index(row, 0).data(IdRole) for row in rows]

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        self._write(lambda chosen: items.restore_items(self.catalogue, chosen), ids,
                    f"Brought back {_count(len(ids))} from the trash.")

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.dialogs.confirm(
                self, f"Delete {_count(len(ids))} for good? Their photos go too. "
                      "This cannot be undone.",
                action="Delete for good"):
            self._write(lambda chosen: items.purge_items(self.catalogue, chosen), ids,
                        f"Deleted {_count(len(ids))} for good.")

    def empty(self) -> None:
        count = self.model.rowCount()
        if count and self.dialogs.confirm(
                self, f"Delete all {_count(count)} in the trash for good? This cannot be undone.",
                action="Empty trash"):
            self._write(lambda _ids: items.empty_trash(self.catalogue), [],
                        f"Emptied the trash: deleted {_count(count)} for good.")

    def _write(self, write, ids: list[int], done: str) -> None:
        try:
            changes: Changes = write(ids)
        except MuseumError as error:
            self.dialogs.error(self, str(error))
            return
        self.changed.emit(changes)
        self.reported.emit(done)

    def on_changes(self, changes: Changes) -> None:
        self.model.on_changes(changes)


def _count(number: int) -> str:
    return f"{number} item" if number == 1 else f"{number} items"
