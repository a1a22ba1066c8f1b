"""The item editor: every field, the photos, Save; closing with unsaved changes asks first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from museum.core import items
from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import MuseumError
from museum.gui import photo_actions
from museum.gui.dialogs import Dialogs
from museum.gui.drops import photo_files
from museum.gui.editor_photos import EditorPhotos
from museum.gui.item_form import ItemForm
from museum.gui.photo_list import list_item_photos, photos_available
from museum.gui.progress import run_with_progress


class ItemEditor(QDialog):
    """Adds a new item (item_id None) or edits one. Emits `saved` with the Changes it made."""

    saved = Signal(object)

    def __init__(self, catalogue: Catalogue, thumbnails, dialogs: Dialogs, *,
                 item_id: int | None = None, paths: list[Path] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.catalogue = catalogue
        self.dialogs = dialogs
        self.item_id = item_id
        self.busy = False
        self.form = ItemForm(catalogue)
        self.photos = EditorPhotos(thumbnails)
        self.photos.add_requested.connect(self._on_add_requested)
        self.message = QLabel(objectName="formError", wordWrap=True)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._lay_out()
        self.setAcceptDrops(True)
        record = items.get_item(catalogue, item_id) if item_id is not None else None
        self.form.load(record)
        self.original_photos = list_item_photos(catalogue, item_id) if item_id is not None else []
        self.photos.load(self.original_photos)
        self._saved_state = self._state()
        if paths:
            self.photos.add_paths(paths)
        self.setWindowTitle(_editor_title(record.title if record else None))
        self.form.changed.connect(self._on_changed)
        self.photos.changed.connect(self._on_changed)
        self.resize(1040, 760)
        self.form.focus_title()

    def _lay_out(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.photos)
        self.photos.setEnabled(photos_available())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([600, 400])
        splitter.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # -- state ---------------------------------------------------------------------------------
    def _state(self) -> tuple:
        return (tuple(sorted((k, str(v)) for k, v in self.form.values().items())),
                tuple(self.photos.state()))

    def is_dirty(self) -> bool:
        return self._state() != self._saved_state

    def _on_changed(self) -> None:
        self.setWindowModified(self.is_dirty())
        if self.message.isVisible() and not self.form.problems():
            self.message.setVisible(False)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    # -- photos in -----------------------------------------------------------------------------
    def _on_add_requested(self) -> None:
        paths = self.dialogs.open_photos(self)
        if paths:
            self.photos.add_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        (event.acceptProposedAction() if photo_files(event.mimeData()) and photos_available()
         else event.ignore())

    def dropEvent(self, event: QDropEvent) -> None:
        paths = photo_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.photos.add_paths(paths)

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        """Store the fields, then the photos; False (and a message) if nothing could be stored."""
        if self.busy:
            return False
        problems = self.form.problems()
        if problems:
            self.show_error(problems[0])
            return False
        try:
            changes = self._write_fields()
        except MuseumError as error:
            self.show_error(str(error))
            return False
        new = [entry.path for entry in self.photos.entries() if entry.path is not None]
        if new:
            self._import_then_finish(new, changes)
        else:
            self._finish(changes, {})
        return True

    def _write_fields(self) -> Changes:
        values = self.form.values()
        if self.item_id is None:
            changes = items.add_item(self.catalogue, fields=values)
            self.item_id = changes.created_ids[0]
            return changes
        return items.update_item(self.catalogue, self.item_id, fields=values)

    def _import_then_finish(self, paths: list[Path], changes: Changes) -> None:
        self.busy = True
        self.buttons.setEnabled(False)
        self._import_task = run_with_progress(
            self, f"Adding {len(paths)} photo{'s' if len(paths) != 1 else ''}…",
            photo_actions.import_files(self.catalogue, self.item_id, paths),
            on_done=lambda report: self._on_imported(paths, report, changes),
            on_error=lambda message: self._on_import_failed(message, changes))

    def _on_imported(self, paths: list[Path], report, changes: Changes) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        new_ids = photo_actions.imported_ids(paths, report)
        left_out = photo_actions.left_out(paths, report)
        if left_out:
            self._keep_open_with(left_out, changes | report.changes, new_ids, report)
        else:
            self._finish(changes | report.changes, new_ids)

    def _keep_open_with(self, left_out: list[Path], changes: Changes, new_ids: dict[str, int],
                        report) -> None:
        """Some photos were stored, some not: what was stored counts as saved; the files left
        out stay in the list as new, so that Save tries them again (or Remove drops them)."""
        arranged = self._arrange_or_report(changes, new_ids)
        if arranged is None:
            return
        changes = arranged
        self.original_photos = list_item_photos(self.catalogue, self.item_id)
        self.photos.load(self.original_photos)
        self._saved_state = self._state()
        self._mark_fields_saved()
        self.photos.add_paths(left_out)
        self.saved.emit(changes)
        problem = photo_actions.failure_text(report)
        stopped = f"Stopped before {len(left_out)} photo(s) were added; Save adds them."
        self.show_error(f"The item was saved. {problem or stopped}")

    def _on_import_failed(self, message: str, changes: Changes) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self._mark_fields_saved()
        self.saved.emit(changes)  # the fields were saved; say so before showing the problem
        self.show_error(f"The item was saved, but its photos were not added: {message}")

    def _arrange_or_report(self, changes: Changes, new_ids: dict[str, int]) -> Changes | None:
        """Order, primary and captions of the stored photos; None (and a sentence) if that
        failed, in which case the fields count as saved and only the photos stay unsaved."""
        try:
            return changes | self._arrange_photos(new_ids)
        except MuseumError as error:
            self._mark_fields_saved()
            self.saved.emit(changes)
            self.show_error(f"The item was saved, but its photos could not be arranged: {error}")
            return None

    def _mark_fields_saved(self) -> None:
        """The fields are stored but the photos are not all: only the photos stay unsaved."""
        self._saved_state = (self._state()[0], self._saved_state[1])
        if self.item_id is not None:
            self.setWindowTitle(_editor_title(self.form.values()["title"]))
        self.setWindowModified(self.is_dirty())

    def _finish(self, changes: Changes, new_ids: dict[str, int]) -> None:
        arranged = self._arrange_or_report(changes, new_ids)
        if arranged is None:
            return
        changes = arranged
        self._saved_state = self._state()
        self.saved.emit(changes)
        self.accept()

    def _arrange_photos(self, new_ids: dict[str, int]) -> Changes:
        if not photos_available() or (not new_ids and self._photos_unchanged()):
            return Changes()
        order = []
        for entry in self.photos.entries():
            photo_id = entry.photo_id if entry.path is None else new_ids.get(str(entry.path))
            if photo_id is not None:
                order.append((photo_id, entry.caption, entry.primary))
        removed = self.photos.removed_ids([photo.id for photo in self.original_photos])
        return photo_actions.arrange(self.catalogue, item_id=self.item_id, order=order,
                                     removed=removed)

    def _photos_unchanged(self) -> bool:
        return self._saved_state[1] == tuple(self.photos.state())

    # -- closing -------------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc, Cancel and the window's close button: never drop unsaved changes silently."""
        if self.busy:
            return
        if self.is_dirty():
            answer = self.dialogs.ask_unsaved(
                self, f"“{self.form.values()['title'] or 'the new item'}”")
            if answer == "cancel":
                return
            if answer == "save":
                self.save()
                return
        super().reject()


def _editor_title(item_title: str | None) -> str:
    """The window title, with the '[*]' where Qt marks unsaved changes; a '[*]' typed in the
    item's own title is doubled so that Qt shows it as written."""
    if item_title is None:
        return "New item[*]"
    return f"Edit “{item_title.replace('[*]', '[*][*]')}”[*]"
