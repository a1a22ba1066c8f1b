"""Every question the GUI asks a person, in one replaceable object.

Windows call `self.dialogs.confirm(...)` rather than QMessageBox directly, so that tests can
hand in scripted answers and never block on a modal box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

PHOTO_FILTER = ("Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif *.heic *.heif)"
                ";;All files (*)")


class Dialogs:
    """The real, modal answers; tests use a subclass that answers from a script."""

    def error(self, parent: QWidget | None, text: str, *, title: str = "Museum") -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, text: str, *, title: str = "Museum") -> None:
        QMessageBox.information(parent, title, text)

    def confirm(
        self, parent: QWidget | None, text: str, *, action: str, title: str = "Museum",
    ) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def ask_unsaved(self, parent: QWidget | None, what: str) -> str:
        """'save', 'discard' or 'cancel' for a window closing with unsaved changes."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"Save your changes to {what} before closing?", parent=parent)
        box.setInformativeText("If you don't save, your changes will be lost.")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(
                    QMessageBox.StandardButton(answer), "cancel")

    def open_photos(self, parent: QWidget | None) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, "Add photos", str(Path.home()),
                                                PHOTO_FILTER)
        return [Path(name) for name in names]

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
        return Path(name) if name else None

    def choose_backup(self, parent: QWidget | None, start: Path) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(parent, "Restore from backup", str(start),
                                                    "Museum backups (*.zip)")
        return Path(name) if name else None

    def save_file(
        self, parent: QWidget | None, title: str, start: Path, file_filter: str,
    ) -> Path | None:
        """Where to save a new file, starting at `start` (a folder and a suggested name); the
        dialog itself asks before replacing a file. None for Cancel."""
        name, _filter = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
        return Path(name) if name else None

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: list[str],
    ) -> str | None:
        """A question answered by one of `choices` (button texts), or None for Cancel."""
        from museum.gui.safety_actions import ask_user

        return ask_user(parent, title, text, choices)


def standard_folder(location: QStandardPaths.StandardLocation) -> Path:
    """The person's Pictures, Documents… folder where it exists, else their home folder: a
    save dialog never opens in whatever folder the app happened to be started from."""
    folder = QStandardPaths.writableLocation(location)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()
