"""The photos of the item being edited: add, drop in, reorder by drag, pick the primary, caption.

Nothing here writes: the list holds the photos as they will be once the item is saved (kept
photos by id, new ones by path), so that Cancel really leaves the catalogue as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QImage, QImageReader, QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem,
    QPushButton, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget,
)

from museum.gui.drops import photo_files
from museum.gui.workers import run_task

_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class PhotoEntry:
    """A photo in the editor: an existing one (photo_id) or one to import (path)."""

    photo_id: int | None = None
    path: Path | None = None
    caption: str = ""
    primary: bool = False
    file_name: str = ""  # the name the stored photo's file had when it was imported

    def key(self) -> tuple:
        return (self.photo_id, str(self.path), self.caption, self.primary)


def scaled_preview(path: Path) -> QImage:
    """In a worker: a small image of a file the user picked, for the editor's list."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(QSize(160, 160), Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class _IconAboveText(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        option.textElideMode = Qt.TextElideMode.ElideMiddle

    def sizeHint(self, _option, _index) -> QSize:  # noqa: N802
        return QSize(136, 156)


class PhotoList(QListWidget):
    """Icons that can be dragged into a new order; files dropped from outside are announced.

    List mode flowing left to right (not icon mode) so that an internal drag reorders the rows
    of the model rather than only moving icons about.
    """

    files_dropped = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setIconSize(QSize(120, 120))
        self.setItemDelegate(_IconAboveText(self))
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if photo_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if photo_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = photo_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            super().dropEvent(event)


class EditorPhotos(QWidget):
    """The photo column of the item editor."""

    changed = Signal()
    add_requested = Signal()

    def __init__(self, thumbnails, parent=None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.list = PhotoList()
        self.list.files_dropped.connect(self.add_paths)
        self.list.model().rowsMoved.connect(lambda *_: self.changed.emit())
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.caption = QLineEdit(placeholderText="Caption of the selected photo")
        self.caption.textEdited.connect(self._on_caption_edited)
        add = QPushButton("Add photos…")
        add.clicked.connect(self.add_requested)
        self.primary_button = QPushButton("Make primary")
        self.primary_button.clicked.connect(self.make_current_primary)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (add, self.primary_button, self.remove_button):
            buttons.addWidget(button)
        hint = QLabel("Drag photos here from your files; drag to reorder.", objectName="hint",
                      wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Photos</b>"))
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(self.caption)
        layout.addLayout(buttons)
        thumbnails.loaded.connect(self._on_thumbnail_loaded)
        self._tasks: list = []
        self._on_current_changed(None, None)

    # -- filling -------------------------------------------------------------------------------
    def load(self, photos: list) -> None:
        self.list.clear()
        for photo in photos:
            self._append(PhotoEntry(photo_id=photo.id, caption=photo.caption or "",
                                    primary=photo.primary, file_name=photo.filename))
        self._ensure_primary()

    def add_paths(self, paths: list[Path]) -> None:
        known = {str(entry.path) for entry in self.entries() if entry.path}
        for path in paths:
            if str(path) not in known:
                self._append(PhotoEntry(path=Path(path)))
        self._ensure_primary()
        self.changed.emit()

    def _append(self, entry: PhotoEntry) -> None:
        item = QListWidgetItem()
        item.setData(_ROLE, entry)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self.list.addItem(item)
        self._decorate(item)
        if entry.photo_id is not None:
            pixmap = self.thumbnails.pixmap(entry.photo_id, "grid")
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
        else:
            self._tasks.append(run_task(
                lambda path=entry.path: scaled_preview(path),
                on_done=lambda image, item=item: self._set_icon(item, image)))

    def _set_icon(self, item: QListWidgetItem, image: QImage) -> None:
        if self.list.row(item) >= 0 and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _on_thumbnail_loaded(self, photo_id: int, size: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if size == "grid" and item.data(_ROLE).photo_id == photo_id:
                item.setIcon(QIcon(self.thumbnails.pixmap(photo_id, "grid")))

    def _decorate(self, item: QListWidgetItem) -> None:
        entry: PhotoEntry = item.data(_ROLE)
        name = entry.caption or (entry.path.name if entry.path else entry.file_name)
        item.setText(("★ " if entry.primary else "") + name + (" (new)" if entry.path else ""))
        item.setToolTip("The primary photo, shown on the card" if entry.primary else name)

    # -- editing -------------------------------------------------------------------------------
    def entries(self) -> list[PhotoEntry]:
        """The photos in their order as it will be saved."""
        return [self.list.item(row).data(_ROLE) for row in range(self.list.count())]

    def state(self) -> list[tuple]:
        return [entry.key() for entry in self.entries()]

    def removed_ids(self, original: list[int]) -> list[int]:
        kept = {entry.photo_id for entry in self.entries()}
        return [photo_id for photo_id in original if photo_id not in kept]

    def make_current_primary(self) -> None:
        current = self.list.currentItem()
        if current is None:
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.data(_ROLE).primary = item is current
            self._decorate(item)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._ensure_primary()
            self.changed.emit()

    def _ensure_primary(self) -> None:
        entries = self.entries()
        if entries and not any(entry.primary for entry in entries):
            entries[0].primary = True
            self._decorate(self.list.item(0))

    def _on_current_changed(self, current, _previous) -> None:
        entry = current.data(_ROLE) if current is not None else None
        self.caption.setEnabled(entry is not None)
        self.primary_button.setEnabled(entry is not None)
        self.remove_button.setEnabled(entry is not None)
        self.caption.setText(entry.caption if entry else "")

    def _on_caption_edited(self, text: str) -> None:
        current = self.list.currentItem()
        if current is not None:
            current.data(_ROLE).caption = text
            self._decorate(current)
            self.changed.emit()
