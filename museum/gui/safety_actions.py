"""The GUI's safety pieces: back up, restore, check, back up on close, read-only banner, and
opening a catalogue that is locked or damaged. The main window wires these into its menus.

Every piece calls core (museum.core.backup / restore / check / auto_backup) off the UI thread
through run_task and shows one sentence when something fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QMessageBox,
    QProgressDialog, QPushButton, QVBoxLayout, QWidget,
)

from museum.core.auto_backup import DEFAULT_KEEP, backup_on_close, newest_backup
from museum.core.backup import BackupResult, create_backup
from museum.core.catalogue import Catalogue
from museum.core.check import CheckReport, check_catalogue
from museum.core.errors import DamagedDatabaseError, LockedError, MuseumError, NoCatalogueError
from museum.core.restore import restore_backup, unused_sibling
from museum.gui.workers import run_task

KEEP_SETTING = "backups/keep"
MAKE_NEW = "Make a new catalogue"
Ask = Callable[[str, str, list[str]], str | None]


class TaskFailed(Exception):
    """A task run by run_with_progress failed; str() is the sentence to show."""


def run_with_progress(parent: QWidget | None, title: str, fn: Callable[..., Any], *,
                      writes: bool = False, unit: str | None = None) -> Any:
    """Run fn(progress=, cancelled=) on a worker with a progress dialog; wait for it here.

    The UI stays responsive (a local event loop runs). With a unit ("files") the dialog also
    says how many of how many are done. Raises TaskFailed with the sentence.
    """
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle("Museum")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(message: str) -> None:
        outcome["error"] = message
        loop.quit()

    def progressed(done_count: int, total: int) -> None:
        # The label first: setValue on a shown modal dialog processes events, which may run
        # the next reports inside it; a label set after it would then go backwards.
        if unit:
            dialog.setLabelText(f"{title}\n{done_count:,} of {total:,} {unit}")
        dialog.setMaximum(total)
        dialog.setValue(done_count)

    task = run_task(fn, on_done=done, on_error=failed, on_progress=progressed, writes=writes)
    dialog.canceled.connect(task.cancel)
    loop.exec()
    dialog.reset()
    dialog.deleteLater()
    if "error" in outcome:
        raise TaskFailed(outcome["error"])
    return outcome.get("result")


def _show(parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    # open(), not exec(): the box is window-modal but nothing waits on it.
    box = QMessageBox(icon, "Museum", text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def back_up_now(parent: QWidget | None, catalogue: Catalogue, *,
                destination: Path | None = None, overwrite: bool = False) -> BackupResult | None:
    """File → Back up now: a backup into backups/ (or destination); says where it went."""
    try:
        result = run_with_progress(parent, "Backing up the catalogue…", lambda progress, cancelled:
                                   create_backup(catalogue, destination=destination,
                                                 progress=progress, cancelled=cancelled,
                                                 overwrite=overwrite))
    except TaskFailed as error:
        _show(parent, QMessageBox.Icon.Critical, str(error))
        return None
    text = (f"Backed up {result.manifest.items} items and {result.manifest.photos} photos "
            f"to {result.path}.")
    if result.problems:
        text += "\n\n" + "\n".join(result.problems) + "\n\nRun Tools → Check catalogue."
        _show(parent, QMessageBox.Icon.Warning, text)
    else:
        _show(parent, QMessageBox.Icon.Information, text)
    return result


def choose_backup_file(parent: QWidget | None, start: Path) -> Path | None:
    """Ask for a backup file to restore; None if the user cancels."""
    name, _filter = QFileDialog.getOpenFileName(parent, "Restore from backup", str(start),
                                                "Museum backups (*.zip)")
    return Path(name) if name else None


def restored_folder_name(catalogue_root: Path) -> Path:
    """A new folder beside the catalogue for a restored copy, never an existing one."""
    return unused_sibling(catalogue_root, "restored")


def restore_from_file(parent: QWidget | None, catalogue_root: Path, *,
                      archive: Path | None = None,
                      destination: Path | None = None) -> Path | None:
    """File → Restore…: verify a backup and restore it into a new folder beside the catalogue.

    Returns the restored catalogue's folder (for the caller to open), or None. The open
    catalogue is never touched.
    """
    archive = archive or choose_backup_file(parent, catalogue_root / "backups")
    if archive is None:
        return None
    target = destination or restored_folder_name(catalogue_root)
    try:
        result = run_with_progress(parent, "Verifying and restoring the backup…",
                                   lambda progress, cancelled: restore_backup(
                                       archive, destination=target, progress=progress,
                                       cancelled=cancelled), unit="files")
    except TaskFailed as error:
        _show(parent, QMessageBox.Icon.Critical, str(error))
        return None
    return result.root


def run_auto_backup_on_close(parent: QWidget | None, catalogue: Catalogue) -> BackupResult | None:
    """Call from closeEvent before closing the catalogue: backs up if this session changed it.

    Keeps the newest N (setting backups/keep, default 10). A failure is shown, never fatal.
    """
    if not catalogue.changed or catalogue.read_only:
        return None
    keep = int(QSettings().value(KEEP_SETTING, DEFAULT_KEEP))
    try:
        return run_with_progress(parent, "Backing up before closing…",
                                 lambda progress, cancelled: backup_on_close(
                                     catalogue, keep=keep, progress=progress,
                                     cancelled=cancelled))
    except TaskFailed as error:
        QMessageBox.warning(parent, "Museum", f"{error}\nYour catalogue itself is safe.")
        return None


class CheckDialog(QDialog):
    """Tools → Check catalogue: runs check in a worker, lists problems, offers Repair."""

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.report: CheckReport | None = None
        self.setWindowTitle("Check catalogue")
        self.resize(640, 360)
        self.status = QLabel("Checking the database and every photo…")
        self.status.setWordWrap(True)
        self.findings = QListWidget()
        self.repair_button = QPushButton("Repair")
        self.repair_button.setEnabled(False)
        self.repair_button.setToolTip("Rebuild the search index and thumbnails, and set unused "
                                      "files aside in lost-and-found")
        self.repair_button.clicked.connect(self._on_repair_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.repair_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.findings, 1)
        layout.addLayout(row)
        self._start(repair=False)

    def _start(self, *, repair: bool) -> None:
        self.repair_button.setEnabled(False)
        run_task(lambda progress, cancelled: check_catalogue(
                     self.catalogue, repair=repair, progress=progress, cancelled=cancelled),
                 on_done=self._on_checked, on_error=self._on_failed,
                 on_progress=self._on_progress, writes=repair)

    def _on_progress(self, done: int, total: int) -> None:
        self.status.setText(f"Checking photo {done} of {total}…")

    def _on_checked(self, report: CheckReport) -> None:
        self.report = report
        self.findings.clear()
        for prefix, lines in (("Repaired", report.repaired), ("Problem", report.problems),
                              ("Note", report.notes)):
            self.findings.addItems([f"{prefix}: {line}" for line in lines])
        if report.ok:
            self.status.setText(f"All is well: the database is intact and all "
                                f"{report.photos_checked} photo originals match their hashes.")
        else:
            self.status.setText(f"Found {len(report.problems)} problem(s). Repair fixes the "
                                "index and thumbnails; a missing photo needs a backup.")
        can_repair = (not report.ok or bool(report.notes)) and not self.catalogue.read_only
        self.repair_button.setEnabled(can_repair)

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)

    def _on_repair_clicked(self) -> None:
        self.status.setText("Repairing…")
        self._start(repair=True)


class ReadOnlyBanner(QLabel):
    """A strip for the top of the main window saying why the catalogue is read-only."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(f"Read-only: {reason} Changes cannot be saved.", parent)
        self.setWordWrap(True)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("#readOnlyBanner { background: #fff3cd; color: #5c4400; "
                           "padding: 8px 12px; border-bottom: 1px solid #e0c97a; }")


def ask_user(parent: QWidget | None, title: str, text: str, choices: list[str]) -> str | None:
    """A blocking question with the given button texts; returns the chosen text or None."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = {box.addButton(choice, QMessageBox.ButtonRole.AcceptRole): choice
               for choice in choices}
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return buttons.get(box.clickedButton())


def open_catalogue_or_explain(parent: QWidget | None, path: Path, *, create: bool = False,
                              ask: Ask | None = None,
                              show_error: Callable[[str], None] | None = None) -> Catalogue | None:
    """For app.py's open path: open the catalogue, or explain and offer a way on.

    No catalogue there (and not `create`) → offer to make one, never silently. Locked by
    another Museum → offer a read-only view. Damaged database → offer to restore the newest
    good backup into a new folder (the damaged file is left as it is) and open that.
    Returns the open catalogue, or None when the user gives up (the error was shown).
    """
    ask = ask or (lambda title, text, choices: ask_user(parent, title, text, choices))
    show = show_error or (lambda text: QMessageBox.critical(parent, "Museum", text))
    try:
        return Catalogue.open(path, create=create)
    except NoCatalogueError as error:
        text = f"{error} Make a new, empty catalogue there?"
        if ask("No catalogue here", text, [MAKE_NEW]) == MAKE_NEW:
            return _open_or_show(show, lambda: Catalogue.open(path, create=True))
        return None
    except LockedError as error:
        text = f"{error} You can open it read-only meanwhile."
        if ask("Catalogue in use", text, ["Open read-only"]) == "Open read-only":
            return _open_or_show(show, lambda: Catalogue.open(path, read_only=True))
        return None
    except DamagedDatabaseError as error:
        return _offer_newest_backup(parent, Path(path), error, ask, show)
    except MuseumError as error:
        show(str(error))
        return None


def _offer_newest_backup(parent: QWidget | None, path: Path, error: DamagedDatabaseError,
                         ask: Ask, show: Callable[[str], None]) -> Catalogue | None:
    root = Path(str(error.catalogue_root or path)).resolve()
    backup = newest_backup(root)
    if backup is None:
        show(f"{error}\nNo good backup was found in {root / 'backups'}.")
        return None
    target = restored_folder_name(root)
    text = (f"{error}\n\nThe newest good backup is {backup.name}. Restore it into a new "
            f"folder, {target.name}, and open that? The damaged catalogue stays as it is.")
    if ask("Catalogue damaged", text, ["Restore backup"]) != "Restore backup":
        return None
    restored = restore_from_file(parent, root, archive=backup, destination=target)
    return _open_or_show(show, lambda: Catalogue.open(restored)) if restored else None


def _open_or_show(show: Callable[[str], None], opener: Callable[[], Catalogue]) -> Catalogue | None:
    try:
        return opener()
    except MuseumError as error:
        show(str(error))
        return None
